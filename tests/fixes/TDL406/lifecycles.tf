# Which TDL406 findings get a fix, and which do not (tests/test_fixes.py compares the fixed file).
data "coder_workspace" "me" {}

locals {
  running = data.coder_workspace.me.start_count
}

# fixed: `count` added (the head line ends in a space after its brace), and `[0]` in the reference that
# follows a `depends_on` naming the container (that one stays as it is)
resource "docker_container" "dind_a" { 
  image      = "docker:dind"
  privileged = true
  name       = "dind-a-${data.coder_workspace.me.id}"
}

resource "docker_container" "workspace_a" {
  count      = data.coder_workspace.me.start_count
  depends_on = [docker_container.dind_a]
  image      = "codercom/enterprise-base:ubuntu"
  env        = ["DOCKER_HOST=tcp://${docker_container.dind_a.name}:2376"]
}

# not fixed: the dind container has a count of its own (reached by its literal name)
resource "docker_container" "dind_b" {
  count      = 1
  image      = "docker:dind"
  privileged = true
  name       = "dind-b"
}

resource "docker_container" "workspace_b" {
  count = data.coder_workspace.me.start_count
  image = "codercom/enterprise-base:ubuntu"
  env   = ["DOCKER_HOST=tcp://dind-b:2376"]
}

# not fixed: the workspace's count is written over several lines (reached by its literal name)
resource "docker_container" "dind_c" {
  image      = "docker:dind"
  privileged = true
  name       = "dind-c"
}

resource "docker_container" "workspace_c" {
  count = (
    data.coder_workspace.me.start_count
  )
  image = "codercom/enterprise-base:ubuntu"
  env   = ["DOCKER_HOST=tcp://dind-c:2376"]
}

# fixed: `[0]` in a block whose count is the workspace's through a local
resource "docker_container" "dind_d" {
  count      = data.coder_workspace.me.start_count
  image      = "docker:dind"
  privileged = true
  name       = "dind-d-${data.coder_workspace.me.id}"
}

resource "docker_container" "workspace_d" {
  count = local.running
  image = "codercom/enterprise-base:ubuntu"
  env   = ["DOCKER_HOST=tcp://${docker_container.dind_d.name}:2376"]
}

# not fixed: a block with another count (the first instance may not exist when that block does)
resource "docker_volume" "cache_e" {
  count = 1
  name  = "cache-${docker_container.dind_d.id}"
}

# not fixed: the reference is written with a space before its attribute (Terraform reads it; the fix
# would not know where the index goes)
resource "docker_volume" "cache_f" {
  count = local.running
  name  = docker_container.dind_d .id
}
