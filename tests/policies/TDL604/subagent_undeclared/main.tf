# subagent_id of a coder_devcontainer this module does not declare (TDL010 reports that): the attribute still
# needs 2.14.0 once it is declared.
terraform {
  required_providers {
    coder = {
      source  = "coder/coder"
      version = ">= 2.3.0"
    }
  }
}

output "subagent" {
  value = coder_devcontainer.repo.subagent_id # expect: TDL604
}
