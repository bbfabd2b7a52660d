terraform {
  required_providers {
    kubernetes = {}
    random     = {} # expect: TDL007
    acme       = {} # expect: TDL007 error
  }
}

resource "kubernetes_namespace" "ws" {
  metadata {
    name = "ws"
  }
}

resource "random_id" "suffix" {
  byte_length = 4
}

resource "acme_widget" "w" {
  name = "w"
}
