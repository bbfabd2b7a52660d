# Several daemons and listeners in one template: a daemon with TLS before a plain one, a listener whose
# host is unknown before a reachable one, a loopback listener (note) before a reachable one (error), and
# an explicit listener of a daemon whose TLS is turned off (the finding points at the listener).
variable "bind_host" {
  type = string
}

resource "docker_container" "tls" {
  image      = "docker:dind"
  privileged = true
  command    = ["dockerd", "--tlsverify", "-H", "tcp://0.0.0.0:2376"]
}

resource "docker_container" "plain" {
  image      = "docker:dind"
  privileged = true
  command    = ["dockerd", "-H", "tcp://0.0.0.0:2375"] # expect: TDL402@34
}

resource "docker_container" "unknown_first" {
  image      = "docker:dind"
  privileged = true
  command = [
    "dockerd",
    "-H", "tcp://${var.bind_host}:2375",
    "-H", "tcp://0.0.0.0:2377", # expect: TDL402@11
  ]
}

resource "docker_container" "loopback_first" {
  image      = "docker:dind"
  privileged = true
  command = [
    "dockerd",
    "-H", "tcp://127.0.0.1:2375", # expect: TDL402@11 note
    "-H", "tcp://0.0.0.0:2378",   # expect: TDL402@11
  ]
}

resource "docker_container" "verify_off" {
  image      = "docker:dind"
  privileged = true
  command    = ["dockerd", "--tlsverify=false", "-H", "tcp://0.0.0.0:2379"] # expect: TDL402@55
}
