"""The built-in policies as data (but their help and sources: policy_texts.py): generated from policies/*.yaml by policy.write_index(); do not edit."""

from .finding import Severity

#: the policy files the index was made from: it is used only while they are these
FILES = {'TDL000-parse-error.yaml': b'id: TDL000\nname: parse-error\nseverity: error\nsummary: A Terraform, Kubernetes YAML o'
                            b'r Bottlerocket TOML file cannot be read or parsed, so nothing in it was checked.\norigin:'
                            b' tool\nfiles: [terraform, yaml, toml]\ntags: [terraform, kubernetes]\nprecision: very-h'
                            b'igh\nsources:\n  - title: "checkov issues #35, #5248, #3065: parse errors disappear wi'
                            b'th exit code 0"\n    url: https://github.com/bridgecrewio/checkov/issues/5248\nhelp: |'
                            b'\n  ## What it does\n  Reports a file that tfdind-lint selected (a `*.tf` file, YAML t'
                            b'hat looks like a\n  Kubernetes manifest, or TOML with a `[settings...]` table, i.e. Bottl'
                            b'erocket user\n  data) but could not decode as UTF-8, read, or parse. The finding points a'
                            b't the\n  position the parser gave up and says what is wrong. One broken file\n  never '
                            b'hides the findings of the others. This finding cannot be suppressed inline;\n  exclude th'
                            b'e path instead if the file is not meant to be linted.\n\n  ## Why is this bad?\n  A fil'
                            b'e the linter silently skips is a file nobody checked: every rule is blind to\n  it, and t'
                            b'he run looks clean.\n\n  ## Example\n  ```hcl\n  resource "docker_container" "workspace"'
                            b' {\n    image = "codercom/enterprise-base:ubuntu\n  }\n  ```\n\n  ## Use instead\n  ``'
                            b'`hcl\n  resource "docker_container" "workspace" {\n    image = "codercom/enterprise-ba'
                            b'se:ubuntu"\n  }\n  ```\n  `terraform fmt -check FILE` tells whether Terraform itself ac'
                            b'cepts a file.\n',
 'TDL001-undeclared-variable.yaml': b'id: TDL001\nname: undeclared-variable\nseverity: error\nsummary: A var.<name> r'
                                    b'eference with no variable "<name>" declared in the module directory.\norigin: SEE'
                                    b'D\nfiles: [terraform]\nfix: unsafe\ntags: [terraform, correctness]\nprecision: v'
                                    b'ery-high\nsources:\n  - title: "Coder docs, Docker in Workspaces: the privileg'
                                    b'ed sidecar example declares workspaces_namespace but uses var.namespace"\n    url'
                                    b': https://coder.com/docs/admin/templates/extending-templates/docker-in-workspace'
                                    b's\n    quote: \'variable "workspaces_namespace" { default = "coder-namespace" '
                                    b'} ... namespace = var.namespace\'\n  - title: "Terraform: Reference to undecla'
                                    b'red input variable"\n    url: https://developer.hashicorp.com/terraform/language/'
                                    b'values/variables\nhelp: |\n  ## What it does\n  Finds every `var.<name>` in a T'
                                    b'erraform module directory (all `*.tf` files of the\n  directory together) that ha'
                                    b's no `variable "<name>"` block in any file of that\n  directory, and suggests the'
                                    b' declared variable the author probably meant.\n\n  ## Why is this bad?\n  `terr'
                                    b'aform plan` fails with "Reference to undeclared input variable", so the\n  templa'
                                    b"te cannot be pushed or the workspace cannot start. The seed page's Kubernetes\n  "
                                    b'sidecar example declares `workspaces_namespace` and uses `var.namespace`: copyin'
                                    b"g\n  between the seed examples (which use `workspaces_namespace`) and Coder's sta"
                                    b'rter\n  templates (which declare `namespace`) produces exactly this.\n\n  ## Ex'
                                    b'ample\n  ```hcl\n  variable "workspaces_namespace" { default = "coder-namespac'
                                    b'e" }\n  resource "kubernetes_pod" "main" { metadata { namespace = var.namespace }'
                                    b' }\n  ```\n\n  ## Use instead\n  ```hcl\n  variable "workspaces_namespace" { defa'
                                    b'ult = "coder-namespace" }\n  resource "kubernetes_pod" "main" { metadata { namesp'
                                    b'ace = var.workspaces_namespace } }\n  ```\n',
 'TDL002-coder-workspace-owner-removed.yaml': b'id: TDL002\nname: coder-workspace-owner-removed\nseverity: error\nsumma'
                                              b'ry: data.coder_workspace.<n>.owner* attributes, removed in coder pro'
                                              b'vider v2.0.0 (use data.coder_workspace_owner).\norigin: SEED+PRIMARY\n'
                                              b'files: [terraform]\nfix: safe\ntags: [terraform, coder, correctness, d'
                                              b'eprecation]\nprecision: very-high\nsources:\n  - title: "Coder docs, Do'
                                              b'cker in Workspaces: the Sysbox and sidecar examples name workspaces '
                                              b'after data.coder_workspace.me.owner, with the coder provider unpinne'
                                              b'd"\n    url: https://coder.com/docs/admin/templates/extending-templat'
                                              b'es/docker-in-workspaces\n    quote: \'name = "coder-${data.coder_works'
                                              b'pace.me.owner}-${lower(data.coder_workspace.me.name)}"\'\n  - title: "'
                                              b'coder/terraform-provider-coder commit 7ed088d \\"chore!: remove depre'
                                              b'cated items from coder_workspace data source (#255)\\", first release'
                                              b'd in v2.0.0-rc.1; coder_workspace_owner added in v0.23.0"\n    url: h'
                                              b'ttps://github.com/coder/terraform-provider-coder/blob/main/provider/'
                                              b'workspace.go\n    quote: \'Deprecated: "Use coder_workspace_owner.name'
                                              b' instead."\'\nhelp: |\n  ## What it does\n  Finds `data.coder_worksp'
                                              b'ace.<n>.owner`, `.owner_email`, `.owner_id`,\n  `.owner_name`, `.owne'
                                              b'r_groups`, `.owner_session_token` and\n  `.owner_oidc_access_token`, '
                                              b'and names the `data.coder_workspace_owner.<n>`\n  attribute that repl'
                                              b'aces each (`name`, `email`, `id`, `full_name`, `groups`,\n  `session_'
                                              b'token`, `oidc_access_token`).\n\n  The severity follows the coder prov'
                                              b"ider's `version` constraint in\n  `required_providers` (combined with"
                                              b' the constraints of the modules that call\n  this directory, as Terra'
                                              b'form combines them): **error** when it admits v2.0.0\n  or later, or '
                                              b'when there is no constraint; **warning** when it keeps the\n  provide'
                                              b'r below v2.0.0 but admits v0.23.0 or later (the attributes are\n  dep'
                                              b'recated there); no finding when it pins a version before v0.23.0, wh'
                                              b'ich has\n  no `coder_workspace_owner` to move to. Constraints are com'
                                              b'pared as version\n  ranges (`~> 1.0`, `>= 0.23.0, < 2.0.0`, `!=` clau'
                                              b'ses), not as text.\n\n  ## Why is this bad?\n  coder provider v2.0.0 de'
                                              b'leted these attributes from the `coder_workspace` data\n  source, so '
                                              b'`terraform plan` fails with "Unsupported attribute". The seed page\'s'
                                              b'\n  Sysbox and privileged-sidecar examples use `data.coder_workspace.'
                                              b'me.owner` and\n  do not pin the provider, so a copied example fails w'
                                              b'ith any current provider.\n\n  ## Example\n  ```hcl\n  data "coder_w'
                                              b'orkspace" "me" {}\n\n  resource "docker_container" "workspace" {\n    n'
                                              b'ame = "coder-${data.coder_workspace.me.owner}-${lower(data.coder_wor'
                                              b'kspace.me.name)}"\n  }\n  ```\n\n  ## Use instead\n  ```hcl\n  data "c'
                                              b'oder_workspace" "me" {}\n  data "coder_workspace_owner" "me" {}\n\n  re'
                                              b'source "docker_container" "workspace" {\n    name = "coder-${data.cod'
                                              b'er_workspace_owner.me.name}-${lower(data.coder_workspace.me.name)}"\n'
                                              b'  }\n  ```\n',
 'TDL003-k8s-provider-too-old-for-runtime-class.yaml': b'id: TDL003\nname: k8s-provider-too-old-for-runtime-class\nseve'
                                                       b'rity: error\nsummary: runtime_class_name on a hashicorp/kuber'
                                                       b'netes pod spec while the provider constraint admits versions'
                                                       b' before 2.16.0.\norigin: SEED+PRIMARY\nfiles: [terraform]\n'
                                                       b'fix: unsafe\ntags: [terraform, kubernetes, sysbox, correctnes'
                                                       b's]\nprecision: very-high\nsources:\n  - title: "Coder docs,'
                                                       b' Docker in Workspaces: Use Sysbox in Kubernetes-based templa'
                                                       b'tes"\n    url: https://coder.com/docs/admin/templates/extendi'
                                                       b'ng-templates/docker-in-workspaces\n    quote: "This requires '
                                                       b'the Kubernetes Terraform provider version 2.16.0 or greater.'
                                                       b'"\n  - title: "hashicorp/terraform-provider-kubernetes CHANGE'
                                                       b'LOG 2.16.0"\n    url: https://github.com/hashicorp/terraform-'
                                                       b'provider-kubernetes/blob/main/CHANGELOG.md\n    quote: "Add a'
                                                       b' new optional attribute `runtime_class_name` to `pod.spec`. '
                                                       b'That affects all resources and data sources that use `pod.sp'
                                                       b'ec` directly or as a template."\nhelp: |\n  ## What it doe'
                                                       b's\n  Finds `runtime_class_name` in the pod spec of a hashicor'
                                                       b'p/kubernetes resource\n  (`kubernetes_pod`, `_deployment`, `_'
                                                       b'stateful_set`, `_daemonset` /\n  `_daemon_set_v1`, `_job`, `_'
                                                       b'cron_job`, their `_v1` twins) while the\n  `kubernetes` provi'
                                                       b"der's `version` constraint admits a version before 2.16.0\n  "
                                                       b'(`~> 2.12.1`, `~> 2.10`, `>= 2.0`). Constraints are compared'
                                                       b' as version ranges,\n  combined with the constraints of the d'
                                                       b'irectories that call this one or that it\n  calls (Terraform '
                                                       b'installs one provider version for the whole configuration).\n'
                                                       b'\n  When no module constrains the version, the finding is a *'
                                                       b'*note**, unless the\n  directory (or its calling root) has a '
                                                       b'`.terraform.lock.hcl`: then the version\n  recorded there dec'
                                                       b'ides, an error below 2.16.0 and nothing from 2.16.0 on.\n  `r'
                                                       b'untimeClassName` inside `kubernetes_manifest`, and other pro'
                                                       b"viders'\n  resources, do not depend on this provider version "
                                                       b'and are not checked.\n\n  ## Why is this bad?\n  Provider v'
                                                       b'ersions before 2.16.0 do not know the attribute: `terraform '
                                                       b'plan`\n  fails with "An argument named runtime_class_name is '
                                                       b'not expected here". The seed\n  page says the Sysbox template'
                                                       b' "requires the Kubernetes Terraform provider version\n  2.16.'
                                                       b'0 or greater"; older revisions of Coder\'s Kubernetes templat'
                                                       b'e pin `~> 2.12.1`.\n\n  ## Example\n  ```hcl\n  terraform {\n'
                                                       b'    required_providers {\n      kubernetes = { source = "hash'
                                                       b'icorp/kubernetes", version = "~> 2.12.1" }\n    }\n  }\n\n  '
                                                       b'resource "kubernetes_pod" "dev" {\n    spec {\n      runtime_c'
                                                       b'lass_name = "sysbox-runc"\n    }\n  }\n  ```\n\n  ## Use inst'
                                                       b'ead\n  ```hcl\n  terraform {\n    required_providers {\n    '
                                                       b'  kubernetes = { source = "hashicorp/kubernetes", version = '
                                                       b'">= 2.16.0" }\n    }\n  }\n  ```\n  Then run `terraform init'
                                                       b' -upgrade`.\n',
 'TDL004-k8s-name-not-lowercase.yaml': b'id: TDL004\nname: k8s-name-not-lowercase\nseverity: warning\nsummary: A Kub'
                                       b'ernetes object name built from a Coder user, workspace or parameter value wi'
                                       b'thout lower().\norigin: SEED+PRIMARY\nfiles: [terraform]\nfix: safe\ntags: ['
                                       b'terraform, kubernetes, coder, correctness]\nprecision: high\nsources:\n  - '
                                       b'title: "Coder docs, Docker in Workspaces: the Kubernetes examples name the p'
                                       b'od coder-${owner}-${name} without lower()"\n    url: https://coder.com/docs/a'
                                       b'dmin/templates/extending-templates/docker-in-workspaces\n    quote: \'name = "'
                                       b'coder-${data.coder_workspace.me.owner}-${data.coder_workspace.me.name}"\'\n  -'
                                       b' title: "coder/coder codersdk/name.go: user and workspace names may hold upp'
                                       b'er case"\n    url: https://github.com/coder/coder/blob/main/codersdk/name.go\n'
                                       b'    quote: "UsernameValidRegex = ^[a-zA-Z0-9]+(?:-[a-zA-Z0-9]+)*$"\nhelp: |\n '
                                       b' ## What it does\n  Finds `metadata.name`, `metadata.generate_name` and `clai'
                                       b'm_name` of\n  `kubernetes_*` resources (and `metadata.name` / `claimName` ins'
                                       b'ide a\n  `kubernetes_manifest`) whose value includes `data.coder_workspace.<n'
                                       b'>.name`,\n  `data.coder_workspace.<n>.owner`, `data.coder_workspace_owner.<n>'
                                       b'.name` or a\n  `data.coder_parameter.<n>.value` that is not passed through `l'
                                       b'ower()`. Local\n  values are followed: a `local.name` built from these values'
                                       b' counts, and the\n  finding names the local as a related place. Values alread'
                                       b'y passed through\n  `replace()`, `regex()` or a hash function are left alone.'
                                       b'\n\n  ## Why is this bad?\n  Kubernetes object names must be lower case (RF'
                                       b'C 1123), while Coder accepts user\n  and workspace names with upper case. The'
                                       b' first user called `Alice` cannot start\n  a workspace: the API rejects the p'
                                       b"od. Coder's own Kubernetes templates wrap both\n  names in `lower()`; the see"
                                       b"d page's examples do not.\n\n  ## Example\n  ```hcl\n  metadata {\n    name ="
                                       b' "coder-${data.coder_workspace_owner.me.name}-${data.coder_workspace.me.name'
                                       b'}"\n  }\n  ```\n\n  ## Use instead\n  ```hcl\n  metadata {\n    name = "cod'
                                       b'er-${lower(data.coder_workspace_owner.me.name)}-${lower(data.coder_workspace'
                                       b'.me.name)}"\n  }\n  ```\n  Names that already exist are lower case, so addi'
                                       b'ng `lower()` does not rename\n  (or replace) them. For persistent objects, a '
                                       b'name built from\n  `data.coder_workspace.me.id` never changes at all.\n',
 'TDL005-workspace-compute-missing-start-count.yaml': b'id: TDL005\nname: workspace-compute-missing-start-count\nsever'
                                                      b'ity: warning\nsummary: A container or pod that runs the Coder'
                                                      b' agent without count = data.coder_workspace.<n>.start_count.'
                                                      b'\norigin: PRIMARY\nfiles: [terraform]\ntags: [terraform, coder,'
                                                      b' lifecycle]\nprecision: high\nsources:\n  - title: "Coder docs,'
                                                      b' Resource persistence: ephemeral resources follow start_coun'
                                                      b't"\n    url: https://coder.com/docs/admin/templates/extending'
                                                      b'-templates/resource-persistence\n    quote: "To make a resour'
                                                      b'ce ephemeral, you can assign the start_count attribute to re'
                                                      b'source\'s count meta-argument"\n  - title: "coder/terraform-pr'
                                                      b'ovider-coder provider/workspace.go: start_count"\n    url: ht'
                                                      b'tps://github.com/coder/terraform-provider-coder/blob/main/pr'
                                                      b'ovider/workspace.go\n    quote: "A computed count based on `t'
                                                      b'ransition` state. If `start`, count will equal 1."\nhelp: |\n '
                                                      b' ## What it does\n  Finds the Terraform resources that run a '
                                                      b'Coder agent (a `docker_container`, a\n  Kubernetes pod or pod'
                                                      b' template whose command, arguments or env values, such as\n  '
                                                      b"envbox's `CODER_BOOTSTRAP_SCRIPT`, use `coder_agent.<x>.init"
                                                      b'_script`) and whose\n  `count` does not come from `data.coder'
                                                      b'_workspace.<n>.start_count`, directly or\n  through a local v'
                                                      b'alue. A Deployment or StatefulSet may use `replicas = ...sta'
                                                      b'rt_count`\n  instead. A `count` (or `for_each`) the tool cann'
                                                      b"ot know, such as a variable or a\n  child module's input, is "
                                                      b'not a finding; a fixed `count = 1` is.\n\n  ## Why is this bad'
                                                      b'?\n  `start_count` is 1 while the workspace runs and 0 when i'
                                                      b't stops. Without it,\n  stopping the workspace leaves the con'
                                                      b'tainer or pod, and its agent, running: the\n  workspace keeps'
                                                      b' using compute and shows as connected while "stopped".\n\n  ##'
                                                      b' Example\n  ```hcl\n  resource "docker_container" "workspace" '
                                                      b'{\n    image      = "codercom/enterprise-base:ubuntu"\n    ent'
                                                      b'rypoint = ["sh", "-c", coder_agent.main.init_script]\n  }\n  `'
                                                      b'``\n\n  ## Use instead\n  ```hcl\n  resource "docker_contain'
                                                      b'er" "workspace" {\n    count      = data.coder_workspace.me.s'
                                                      b'tart_count\n    image      = "codercom/enterprise-base:ubuntu'
                                                      b'"\n    entrypoint = ["sh", "-c", coder_agent.main.init_script'
                                                      b']\n  }\n  ```\n  References to the resource then need an index '
                                                      b'(`docker_container.workspace[0]`).\n',
 'TDL006-agent-token-not-wired.yaml': b'id: TDL006\nname: agent-token-not-wired\nseverity: error\nsummary: A container '
                                      b"runs an agent's init script without CODER_AGENT_TOKEN, or with another agent"
                                      b"'s token.\norigin: SEED+PRIMARY\nfiles: [terraform]\nfix: safe\ntags: [terra"
                                      b'form, coder, correctness]\nprecision: high\nsources:\n  - title: "coder/terrafo'
                                      b'rm-provider-coder provider/agent.go: token"\n    url: https://github.com/code'
                                      b'r/terraform-provider-coder/blob/main/provider/agent.go\n    quote: "Set the e'
                                      b'nvironment variable `CODER_AGENT_TOKEN` with this token to authenticate an a'
                                      b'gent."\n  - title: "Coder docs, Docker in Workspaces: every workspace contain'
                                      b'er of the examples sets CODER_AGENT_TOKEN"\n    url: https://coder.com/docs/a'
                                      b'dmin/templates/extending-templates/docker-in-workspaces\n    quote: \'env = ["'
                                      b'CODER_AGENT_TOKEN=${coder_agent.main.token}"]\'\nhelp: |\n  ## What it does'
                                      b'\n  For every container whose command, arguments or env values run\n  `coder_a'
                                      b'gent.<x>.init_script`, checks its `CODER_AGENT_TOKEN`: (a) it must be\n  set '
                                      b'(Docker `env = ["CODER_AGENT_TOKEN=..."]`, Kubernetes `env { name =\n  "CODER'
                                      b'_AGENT_TOKEN" ... }`); (b) when it is `coder_agent.<y>.token` (also through\n'
                                      b'  a local value), `<y>` must be the agent whose script the container runs.\n '
                                      b' Agents whose `auth` is not `"token"` (cloud instance identity) are skipped,'
                                      b' as\n  are agents whose `auth` the tool cannot know; tokens read from a Secre'
                                      b't\n  (`value_from`), `env_from` or a `dynamic "env"` block give no finding.\n\n'
                                      b'  ## Why is this bad?\n  The init script downloads the agent, and the agent a'
                                      b'uthenticates with the token\n  in `CODER_AGENT_TOKEN`. Without it, or with an'
                                      b"other agent's token, the agent\n  cannot connect (or connects as the wrong ag"
                                      b'ent) and the workspace never becomes\n  ready. Every container of the seed pa'
                                      b"ge's examples sets it; envbox forwards it to\n  the inner container.\n\n  ## Ex"
                                      b'ample\n  ```hcl\n  container {\n    command = ["sh", "-c", coder_agent.main.ini'
                                      b't_script]\n    env {\n      name  = "CODER_AGENT_TOKEN"\n      value = coder_ag'
                                      b'ent.dev.token\n    }\n  }\n  ```\n\n  ## Use instead\n  ```hcl\n  container'
                                      b' {\n    command = ["sh", "-c", coder_agent.main.init_script]\n    env {\n      '
                                      b'name  = "CODER_AGENT_TOKEN"\n      value = coder_agent.main.token\n    }\n '
                                      b' }\n  ```\n',
 'TDL007-provider-not-required.yaml': b'id: TDL007\nname: provider-not-required\nseverity: error\nsummary: A resource o'
                                      b"f a provider that the module directory's required_providers does not declare"
                                      b'.\norigin: PRIMARY\nfiles: [terraform]\ntags: [terraform, correctness, supply-c'
                                      b'hain]\nprecision: high\nsources:\n  - title: "Terraform docs, Provider Requirem'
                                      b'ents: a provider that is not declared is assumed to be hashicorp/<name>"\n   '
                                      b' url: https://developer.hashicorp.com/terraform/language/providers/requireme'
                                      b'nts\n    quote: "Each Terraform module must declare which providers it requir'
                                      b'es, so that Terraform can install and use them."\n  - title: "Coder docs, Doc'
                                      b'ker in Workspaces: the Sysbox/Docker and sidecar/Docker examples use coder_a'
                                      b'gent and docker_container with no required_providers"\n    url: https://coder'
                                      b'.com/docs/admin/templates/extending-templates/docker-in-workspaces\nparameter'
                                      b's:\n  # providers found under hashicorp/<name> when required_providers says n'
                                      b'othing (a note, not an error)\n  hashicorp_providers: [ad, archive, aws, awsc'
                                      b'c, azuread, azurerm, azurestack, boundary, cloudinit, consul, dns, external,'
                                      b'\n                        google, google-beta, googleworkspace, hcp, helm, ht'
                                      b'tp, kubernetes, local, nomad, "null", random,\n                        templa'
                                      b'te, tfe, time, tls, vault, vsphere]\n  # the source to suggest for a provider'
                                      b' that is not a HashiCorp one\n  sources: {coder: coder/coder, docker: kreuzwe'
                                      b'rker/docker, k8s: mingfang/k8s}\nhelp: |\n  ## What it does\n  Finds, per modul'
                                      b"e directory, the first resource or data source of each\n  provider (the type'"
                                      b's prefix, `coder_agent` -> `coder`, or its `provider`\n  meta-argument) that '
                                      b'no `terraform { required_providers { ... } }` of the\n  directory declares, a'
                                      b'nd a `required_providers` entry for a non-HashiCorp\n  provider that has no `'
                                      b'source`. The built-in `terraform` provider\n  (`terraform_data`) needs no dec'
                                      b'laration.\n\n  - A provider that is not a HashiCorp one (coder, kreuzwerker/do'
                                      b'cker,\n    mingfang/k8s...): **error**, in any module directory.\n  - A HashiC'
                                      b'orp provider (kubernetes, null, random... see the\n    `hashicorp_providers` '
                                      b'parameter): **note** in a root module. In a child\n    module (a directory th'
                                      b'at another directory of the same run calls with a\n    local `source = "./...'
                                      b'"`) it is a note only when no calling directory\n    declares the provider ei'
                                      b'ther; when one does, the child shares that\n    `hashicorp/<name>` and nothin'
                                      b'g is reported.\n\n  A directory that no directory of the run calls is treated '
                                      b'as a root, so lint\n  a template together with its modules.\n\n  A child module'
                                      b' without a `terraform` block is often expected to work when its\n  root decla'
                                      b'res the provider. That holds for HashiCorp providers only: Terraform\n  1.11 '
                                      b'resolves an undeclared `coder` in a child module to `hashicorp/coder` even\n '
                                      b' when the root declares `coder/coder`\n  (`terraform providers` lists `module'
                                      b'.ws -> provider[registry.terraform.io/hashicorp/coder]`,\n  and passing `prov'
                                      b'iders = { coder = coder }` fails with "Provider type\n  mismatch"), so a non-'
                                      b'HashiCorp provider is an error in a child module whatever\n  the root declare'
                                      b's.\n\n  ## Why is this bad?\n  Terraform resolves a provider that `required_pro'
                                      b'viders` does not declare to\n  `hashicorp/<name>`. For `coder` or `docker` th'
                                      b'at provider does not exist, and\n  `terraform init` fails ("Did you intend to'
                                      b' use coder/coder? If so, you must\n  specify that source address in each modu'
                                      b'le which requires that provider"). For\n  a HashiCorp provider it installs, b'
                                      b'ut with no version constraint, so the next\n  major version arrives unannounc'
                                      b"ed. The seed page's Docker examples are fragments\n  without a `terraform` bl"
                                      b'ock.\n\n  ## Example\n  ```hcl\n  resource "coder_agent" "main" {\n    os   ='
                                      b' "linux"\n    arch = "amd64"\n  }\n  ```\n\n  ## Use instead\n  ```hcl\n  terra'
                                      b'form {\n    required_providers {\n      coder = { source = "coder/coder" }\n   '
                                      b' }\n  }\n\n  resource "coder_agent" "main" {\n    os   = "linux"\n    arch = '
                                      b'"amd64"\n  }\n  ```\n',
 'TDL008-unused-variable.yaml': b'id: TDL008\nname: unused-variable\nseverity: note\nsummary: A variable declared in '
                                b'a module directory and never referenced as var.<name> there.\norigin: PRIMARY\nfil'
                                b'es: [terraform]\ntags: [terraform, hygiene]\nprecision: very-high\nsources:\n  - tit'
                                b'le: "tflint terraform_unused_declarations"\n    url: https://github.com/terraform-lin'
                                b'ters/tflint-ruleset-terraform/blob/main/docs/rules/terraform_unused_declarations.md\n'
                                b'  - title: "Coder docs, Docker in Workspaces: the privileged sidecar example declare'
                                b's workspaces_namespace and never uses it"\n    url: https://coder.com/docs/admin/temp'
                                b'lates/extending-templates/docker-in-workspaces\n    quote: \'variable "workspaces_'
                                b'namespace" { default = "coder-namespace" } ... namespace = var.namespace\'\nhelp: '
                                b'|\n  ## What it does\n  Finds `variable "<name>"` blocks whose `var.<name>` is ref'
                                b'erenced nowhere in the\n  module directory (all `*.tf` and `*.tf.json` files together'
                                b"). A reference inside\n  the variable's own `validation` block does not count. When a"
                                b'n undeclared\n  `var.<other>` (TDL001) probably means this variable, the finding name'
                                b's it as a\n  related place.\n\n  ## Why is this bad?\n  An unused variable is dead i'
                                b'nterface: template users are asked for a value that\n  changes nothing. Next to an un'
                                b'declared reference it is usually the same name\n  spelled two ways, as in the seed pa'
                                b"ge's sidecar example (`workspaces_namespace`\n  declared, `var.namespace` used). Disa"
                                b'ble the rule for modules that keep\n  variables for interface compatibility.\n\n  #'
                                b'# Example\n  ```hcl\n  variable "workspaces_namespace" { default = "coder-namespac'
                                b'e" }\n  resource "kubernetes_pod" "main" { metadata { namespace = var.namespace }'
                                b' }\n  ```\n\n  ## Use instead\n  ```hcl\n  variable "workspaces_namespace" { default '
                                b'= "coder-namespace" }\n  resource "kubernetes_pod" "main" { metadata { namespace = va'
                                b'r.workspaces_namespace } }\n  ```\n',
 'TDL009-agent-init-script-unused.yaml': b'id: TDL009\nname: agent-init-script-unused\nseverity: error\nsummary: A cod'
                                         b'er_agent whose init_script nothing runs, so the agent never starts.\norig'
                                         b'in: PRIMARY\nfiles: [terraform]\ntags: [terraform, coder, correctness]\npre'
                                         b'cision: high\nsources:\n  - title: "coder/terraform-provider-coder provide'
                                         b'r/agent.go: init_script"\n    url: https://github.com/coder/terraform-pro'
                                         b'vider-coder/blob/main/provider/agent.go\n    quote: "Run this script on s'
                                         b'tartup of an instance to initialize the agent."\nhelp: |\n  ## What it doe'
                                         b's\n  Finds `coder_agent` resources whose `init_script` is referenced nowh'
                                         b'ere in the\n  module directory: not in a container command, entrypoint or'
                                         b" arguments, not in\n  an env value (envbox's `CODER_BOOTSTRAP_SCRIPT`), n"
                                         b'ot in `templatefile()` or\n  instance user data, not passed to a module. '
                                         b'A reference to the whole agent\n  (`coder_agent.main`, passed on as an ob'
                                         b'ject) counts as a possible use. An agent\n  that a `coder_external_agent`'
                                         b' names (`agent_id = coder_agent.main.id`, in this\n  directory or one joi'
                                         b'ned to it by a local module call) is started outside the\n  template on p'
                                         b'urpose and is left alone.\n\n  ## Why is this bad?\n  The init script downl'
                                         b"oads and starts the agent. If nothing runs it, the\n  workspace's contain"
                                         b'er or VM starts but no agent ever connects, and the workspace\n  stays "c'
                                         b'onnecting" until it times out. A template that runs `/sbin/init` or\n  `d'
                                         b"ockerd` as the container's command and forgets the agent is the usual cause."
                                         b'\n\n  ## Example\n  ```hcl\n  resource "coder_agent" "main" {\n    os   ='
                                         b' "linux"\n    arch = "amd64"\n  }\n\n  resource "docker_container" "workspac'
                                         b'e" {\n    image   = "codercom/enterprise-base:ubuntu"\n    command = ["/sb'
                                         b'in/init"]\n  }\n  ```\n\n  ## Use instead\n  ```hcl\n  resource "docker_co'
                                         b'ntainer" "workspace" {\n    image   = "codercom/enterprise-base:ubuntu"\n '
                                         b'   command = ["sh", "-c", "${coder_agent.main.init_script} & exec /sbin/init'
                                         b'"]\n    env     = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]\n  }\n  `'
                                         b'``\n  An agent started by some other mechanism can be suppressed with a r'
                                         b'eason.\n',
 'TDL010-undeclared-reference.yaml': b'id: TDL010\nname: undeclared-reference\nseverity: error\nsummary: A reference t'
                                     b'o a local, data source, resource or module that the module directory does not de'
                                     b'clare.\norigin: PRIMARY\nfiles: [terraform]\nfix: safe\ntags: [terraform, correc'
                                     b'tness]\nprecision: very-high\nsources:\n  - title: "terraform validate: Referen'
                                     b'ce to undeclared resource / local value"\n    url: https://developer.hashicor'
                                     b'p.com/terraform/language/expressions/references\n  - title: "Coder docs, Dock'
                                     b'er in Workspaces: the Sysbox/Docker and sidecar/Docker examples use data.coder_p'
                                     b'rovisioner.me and data.coder_workspace.me without declaring them"\n    url: h'
                                     b'ttps://coder.com/docs/admin/templates/extending-templates/docker-in-workspac'
                                     b'es\nhelp: |\n  ## What it does\n  The companion of TDL001 for everything that i'
                                     b's not a variable: finds `local.x`,\n  `data.<type>.<name>`, `<type>.<name>` a'
                                     b'nd `module.<name>` references with no\n  matching `locals` entry, `data` bloc'
                                     b'k, `resource` block or `module` block in any\n  file of the module directory.'
                                     b' Built-in names (`count`, `each`, `self`, `path`,\n  `terraform`) and the ite'
                                     b'rators of `for` expressions and `dynamic` blocks are not\n  checked.\n\n  ## Wh'
                                     b'y is this bad?\n  `terraform plan` fails with "Reference to undeclared resour'
                                     b'ce" or "Reference to\n  undeclared local value". The seed page\'s fragments us'
                                     b'e `data.coder_workspace.me`\n  and `data.coder_provisioner.me` without declar'
                                     b'ing them; copied as they are, they\n  fail at plan time.\n\n  ## Example\n  ```h'
                                     b'cl\n  resource "docker_network" "private" {\n    name = "network-${data.coder_'
                                     b'workspace.me.id}"\n  }\n  ```\n\n  ## Use instead\n  ```hcl\n  data "coder_wor'
                                     b'kspace" "me" {}\n\n  resource "docker_network" "private" {\n    name = "network'
                                     b'-${data.coder_workspace.me.id}"\n  }\n  ```\n',
 'TDL101-sysbox-runtime-missing.yaml': b'id: TDL101\nname: sysbox-runtime-missing\nseverity: error\nsummary: A works'
                                       b'pace meant for Sysbox (starts Docker or systemd, userns annotation...) witho'
                                       b'ut the sysbox-runc runtime.\norigin: SEED\nfiles: [terraform, yaml]\ntags: '
                                       b'[terraform, kubernetes, docker, sysbox, correctness]\nprecision: high\nsources'
                                       b':\n  - title: "Coder docs, Docker in Workspaces: Use Sysbox in Docker-based /'
                                       b' Kubernetes-based templates"\n    url: https://coder.com/docs/admin/templates'
                                       b'/extending-templates/docker-in-workspaces\n    quote: "# Use the Sysbox conta'
                                       b'iner runtime (required)"\n  - title: "Sysbox user guide, Kubernetes deploy: r'
                                       b'untimeClassName tells K8s to deploy the pod with Sysbox"\n    url: https://gi'
                                       b'thub.com/nestybox/sysbox/blob/master/docs/user-guide/deploy.md\nparameters:\n '
                                       b' # RuntimeClass / Docker runtime names that count as Sysbox (a custom Runtim'
                                       b'eClass wrapping sysbox can be added)\n  runtimes: [sysbox-runc]\n  # set when '
                                       b'the Docker host\'s daemon.json has "default-runtime": "sysbox-runc"\n  docker_'
                                       b'default_runtime_is_sysbox: false\n  # envbox images (privileged and envbox wo'
                                       b'rkspaces are the 2xx / 4xx rules\' business)\n  envbox_images: ["*/coder/envbo'
                                       b'x*", "coder/envbox*"]\nhelp: |\n  ## What it does\n  Finds workspaces that '
                                       b'are meant to run under Sysbox but do not ask for it. Sysbox\n  intent is any '
                                       b'of: a runtime or RuntimeClass that names Sysbox, the\n  `io.kubernetes.cri-o.'
                                       b'userns-mode` annotation, a `nestybox/*` image, a workspace\n  container that '
                                       b'starts systemd (`exec /sbin/init`) as its init, or an agent startup\n  script'
                                       b' that starts Docker (`dockerd`, `service docker start`, `systemctl start\n  d'
                                       b'ocker`) in a container that is neither privileged nor envbox. The finding po'
                                       b'ints\n  at the Docker resource, or at the pod `spec`, that lacks `runtime = "'
                                       b'sysbox-runc"`\n  / `runtime_class_name = "sysbox-runc"`, and names the eviden'
                                       b'ce as a related place.\n\n  ## Why is this bad?\n  Under the default runc r'
                                       b'untime an unprivileged container cannot run Docker or\n  systemd: `sudo servi'
                                       b'ce docker start` and `/sbin/init` fail and the workspace is\n  broken. The se'
                                       b'ed page marks the runtime as required in every Sysbox example.\n\n  ## Example'
                                       b'\n  ```hcl\n  resource "coder_agent" "main" {\n    startup_script = "sudo s'
                                       b'ervice docker start"\n  }\n  resource "docker_container" "workspace" {\n   '
                                       b' image   = "codercom/enterprise-base:ubuntu"\n    command = ["sh", "-c", code'
                                       b'r_agent.main.init_script]\n  }\n  ```\n\n  ## Use instead\n  ```hcl\n  resourc'
                                       b'e "docker_container" "workspace" {\n    image   = "codercom/enterprise-base:u'
                                       b'buntu"\n    command = ["sh", "-c", coder_agent.main.init_script]\n    runtime '
                                       b'= "sysbox-runc"\n  }\n  ```\n  If the Docker host already runs Sysbox as it'
                                       b's default runtime, set the\n  `docker_default_runtime_is_sysbox` parameter in'
                                       b'stead.\n',
 'TDL102-sysbox-userns-missing.yaml': b'id: TDL102\nname: sysbox-userns-missing\nseverity: error\nsummary: A Sysbox pod'
                                      b' without a user namespace (no io.kubernetes.cri-o.userns-mode annotation on '
                                      b'the pod, no hostUsers false).\norigin: SEED+PRIMARY\nfiles: [terraform, yaml]\n'
                                      b'fix: safe\ntags: [terraform, kubernetes, sysbox, correctness]\nprecision: high'
                                      b'\nsources:\n  - title: "Coder docs, Docker in Workspaces: Use Sysbox in Kubern'
                                      b'etes-based templates"\n    url: https://coder.com/docs/admin/templates/extend'
                                      b'ing-templates/docker-in-workspaces\n    quote: \'"io.kubernetes.cri-o.userns-m'
                                      b'ode" = "auto:size=65536"\'\n  - title: "Sysbox user guide, Kubernetes deploy"\n'
                                      b'    url: https://github.com/nestybox/sysbox/blob/master/docs/user-guide/depl'
                                      b'oy.md\n    quote: "For clusters that don\'t have formal support for user-names'
                                      b'paces, the non-standard io.kubernetes.cri-o.userns-mode: \\"auto:size=65536\\"'
                                      b' annotation is required in the pod spec"\n  - title: "Sysbox issue 820: pods '
                                      b'without the annotation fail with mounting \\"sysfs\\" ... operation not permit'
                                      b'ted"\n    url: https://github.com/nestybox/sysbox/issues/820\nparameters:\n  # '
                                      b"RuntimeClass names that count as Sysbox (the same list as TDL101's)\n  runtim"
                                      b'es: [sysbox-runc]\nhelp: |\n  ## What it does\n  Finds Kubernetes pods (and pod'
                                      b' templates) that run with a Sysbox RuntimeClass but\n  get no user namespace:'
                                      b" neither the `io.kubernetes.cri-o.userns-mode` annotation on\n  the pod's met"
                                      b"adata (for a Deployment or StatefulSet: on the pod template's metadata,\n  no"
                                      b"t the object's own) nor, in YAML and `kubernetes_manifest`, `hostUsers: fals"
                                      b"e`.\n  An annotation placed on the Deployment's own metadata is reported wher"
                                      b'e it is. A\n  value other than `auto:...` is an error; `auto` without `size=`'
                                      b', or a size below\n  65536, is a note. Annotations built by a `merge()` or a '
                                      b'variable the tool cannot\n  read give no finding.\n\n  ## Why is this bad?\n'
                                      b'  Sysbox runs every pod in a user namespace. On CRI-O nodes the annotation a'
                                      b'sks for\n  one; without it the pod fails at start with `mounting "sysfs" ... '
                                      b'operation not\n  permitted` (Sysbox issues 820 and 950). `hostUsers: false` d'
                                      b'oes the same on\n  clusters with user-namespace support (Kubernetes 1.30+, co'
                                      b'ntainerd 2.0.5+).\n\n  ## Example\n  ```hcl\n  resource "kubernetes_pod" "de'
                                      b'v" {\n    metadata {\n      name = "dev"\n    }\n    spec {\n      runtime_cl'
                                      b'ass_name = "sysbox-runc"\n      container {\n        name  = "dev"\n        ima'
                                      b'ge = "codercom/enterprise-base:ubuntu"\n      }\n    }\n  }\n  ```\n\n  ## Use'
                                      b' instead\n  ```hcl\n  resource "kubernetes_pod" "dev" {\n    metadata {\n   '
                                      b'   name = "dev"\n      annotations = {\n        "io.kubernetes.cri-o.userns-mo'
                                      b'de" = "auto:size=65536"\n      }\n    }\n    spec {\n      runtime_class_nam'
                                      b'e = "sysbox-runc"\n      container {\n        name  = "dev"\n        image = "c'
                                      b'odercom/enterprise-base:ubuntu"\n      }\n    }\n  }\n  ```\n',
 'TDL103-sysbox-privileged-conflict.yaml': b'id: TDL103\nname: sysbox-privileged-conflict\nseverity: error\nsummary:'
                                           b' A privileged container on the Sysbox runtime, which does not support pr'
                                           b'ivileged containers.\norigin: PRIMARY\nfiles: [terraform, yaml]\nfix: u'
                                           b'nsafe\ntags: [terraform, kubernetes, docker, sysbox, security, correctnes'
                                           b's]\nprecision: high\nsources:\n  - title: "Sysbox user guide, limitatio'
                                           b'ns: Docker restrictions"\n    url: https://github.com/nestybox/sysbox/blo'
                                           b'b/master/docs/user-guide/limitations.md\n    quote: "docker --privileged '
                                           b'| Does not work with Sysbox | Breaks container-to-host isolation."\n  - t'
                                           b'itle: "Sysbox user guide, limitations: Kubernetes restrictions"\n    url:'
                                           b' https://github.com/nestybox/sysbox/blob/master/docs/user-guide/limitati'
                                           b'ons.md\n    quote: "privileged: true | Not supported in pod security cont'
                                           b'ext"\nparameters:\n  # runtime / RuntimeClass names that count as Sysbox ('
                                           b"the same list as TDL101's)\n  runtimes: [sysbox-runc]\n  # envbox images: "
                                           b"envbox on Sysbox is TDL106's finding, not this rule's\n  envbox_images: ["
                                           b'"*/coder/envbox*", "coder/envbox*"]\nhelp: |\n  ## What it does\n  Find'
                                           b's containers that ask for `privileged = true` (Docker) or\n  `security_co'
                                           b'ntext { privileged = true }` (Kubernetes) while the container or its\n  p'
                                           b'od runs with a Sysbox runtime. Every container of a pod counts, since th'
                                           b'e runtime\n  class is per pod. An envbox container on Sysbox is reported '
                                           b'by TDL106 instead, and\n  TDL412 leaves Sysbox workloads to this rule'
                                           b'.\n\n  ## Why is this bad?\n  Sysbox does not support privileged contai'
                                           b'ners: they would break the\n  container-to-host isolation Sysbox exists f'
                                           b'or. Nor do they need it: under Sysbox,\n  Docker and systemd run in an un'
                                           b'privileged container with full capabilities inside\n  its user namespace.'
                                           b'\n\n  ## Example\n  ```hcl\n  resource "docker_container" "workspace" {\n'
                                           b'    image      = "codercom/enterprise-base:ubuntu"\n    runtime    = "sys'
                                           b'box-runc"\n    privileged = true\n  }\n  ```\n\n  ## Use instead\n  ```hcl'
                                           b'\n  resource "docker_container" "workspace" {\n    image   = "codercom/ent'
                                           b'erprise-base:ubuntu"\n    runtime = "sysbox-runc"\n  }\n  ```\n',
 'TDL104-sysbox-host-namespace-conflict.yaml': b'id: TDL104\nname: sysbox-host-namespace-conflict\nseverity: error\n'
                                               b'summary: A Sysbox container that shares a host namespace (network, P'
                                               b'ID, user; IPC is a warning).\norigin: PRIMARY\nfiles: [terraform, yaml'
                                               b']\nfix: unsafe\ntags: [terraform, kubernetes, docker, sysbox, security'
                                               b', correctness]\nprecision: high\nsources:\n  - title: "Sysbox user '
                                               b'guide, limitations: Docker and Kubernetes restrictions"\n    url: htt'
                                               b'ps://github.com/nestybox/sysbox/blob/master/docs/user-guide/limitati'
                                               b'ons.md\n    quote: "docker --net=host | Does not work with Sysbox | B'
                                               b'reaks container-to-host isolation."\n  - title: "Sysbox user guide, s'
                                               b'ecurity"\n    url: https://github.com/nestybox/sysbox/blob/master/doc'
                                               b's/user-guide/security.md\n    quote: "System containers deployed with'
                                               b' Sysbox always use all Linux namespaces."\nparameters:\n  # runtime / '
                                               b"RuntimeClass names that count as Sysbox (the same list as TDL101's)\n"
                                               b'  runtimes: [sysbox-runc]\nhelp: |\n  ## What it does\n  Finds Sysb'
                                               b'ox workloads that share a namespace with the host: Docker\n  `network'
                                               b'_mode`, `pid_mode` or `userns_mode` set to `"host"` (`ipc_mode = "ho'
                                               b'st"`\n  is a warning), Kubernetes `host_network` or `host_pid` (`host'
                                               b'Network`, `hostPID`)\n  set to true (`host_ipc` / `hostIPC` is a warn'
                                               b"ing). Only explicit values count:\n  the Docker provider's default ne"
                                               b'twork mode is `bridge`.\n\n  ## Why is this bad?\n  Sysbox gives ev'
                                               b'ery system container all Linux namespaces of its own; the Sysbox\n  l'
                                               b'imitations page lists `--net=host`, `--pid=host`, `--userns=host`, `'
                                               b'hostNetwork`,\n  `hostPID` and `hostIPC` as not supported, because th'
                                               b'ey break container-to-host\n  isolation. The container fails to start'
                                               b' or loses the isolation that made Docker in\n  it safe.\n\n  ## Exa'
                                               b'mple\n  ```hcl\n  resource "kubernetes_pod" "dev" {\n    spec {\n   '
                                               b'   runtime_class_name = "sysbox-runc"\n      host_network       = tru'
                                               b'e\n    }\n  }\n  ```\n\n  ## Use instead\n  ```hcl\n  resource "kub'
                                               b'ernetes_pod" "dev" {\n    spec {\n      runtime_class_name = "sysbox-r'
                                               b'unc"\n    }\n  }\n  ```\n',
 'TDL105-sysbox-host-docker-state-mount.yaml': b'id: TDL105\nname: sysbox-host-docker-state-mount\nseverity: error\n'
                                               b"summary: A Sysbox container gets the host's /var/lib/docker, or a /v"
                                               b'ar/lib/docker volume shared with other containers or workspaces.\nori'
                                               b'gin: PRIMARY\nfiles: [terraform, yaml]\ntags: [terraform, kubernetes, '
                                               b'docker, sysbox, security, correctness]\nprecision: high\nsources:\n'
                                               b'  - title: "Sysbox user guide, Docker-in-Docker"\n    url: https://gi'
                                               b'thub.com/nestybox/sysbox/blob/master/docs/user-guide/dind.md\n    quo'
                                               b'te: "Do not mount the host\'s /var/lib/docker to a system container\'s'
                                               b' /var/lib/docker. Doing so breaks container isolation."\n  - title: "'
                                               b'Sysbox user guide, Docker-in-Docker: one system container per Docker'
                                               b' state directory"\n    url: https://github.com/nestybox/sysbox/blob/m'
                                               b'aster/docs/user-guide/dind.md\n    quote: "A given host directory mou'
                                               b"nted into a system container's /var/lib/docker must only be mounted "
                                               b'on a single system container at any given time."\nparameters:\n  # run'
                                               b'time / RuntimeClass names that count as Sysbox (the same list as TDL'
                                               b"101's)\n  runtimes: [sysbox-runc]\n  # envbox images: envbox's data di"
                                               b'rectories are TDL205\'s business\n  envbox_images: ["*/coder/envbox*",'
                                               b' "coder/envbox*"]\nhelp: |\n  ## What it does\n  In containers on a'
                                               b' Sysbox runtime (envbox containers excepted, see TDL205), finds\n  a '
                                               b"bind mount or `hostPath` volume of the host's `/var/lib/docker`, and"
                                               b' a volume\n  mounted at `/var/lib/docker` that more than one system c'
                                               b'ontainer would use: in a\n  Terraform template, a Docker volume, clai'
                                               b'm or host path whose name is a literal\n  (directly or through the `d'
                                               b'ocker_volume` / claim it names), so every workspace of\n  the templat'
                                               b'e gets the same one; in any file, the same volume (and `sub_path`)\n '
                                               b' mounted at `/var/lib/docker` of two containers. Names built from th'
                                               b'e workspace id\n  or from anything the tool cannot read give no findi'
                                               b"ng.\n\n  ## Why is this bad?\n  The host's Docker state in a system"
                                               b' container breaks the isolation Sysbox\n  provides. And the inner Doc'
                                               b'ker daemon does not allow its image cache to be shared\n  among daemo'
                                               b'ns: Sysbox refuses to start a second system container on a directory'
                                               b"\n  already mounted at another one's `/var/lib/docker`.\n\n  ## Exa"
                                               b'mple\n  ```hcl\n  resource "docker_container" "workspace" {\n    im'
                                               b'age   = "codercom/enterprise-base:ubuntu"\n    runtime = "sysbox-runc'
                                               b'"\n    volumes {\n      host_path      = "/var/lib/docker"\n      c'
                                               b'ontainer_path = "/var/lib/docker"\n    }\n  }\n  ```\n\n  ## Use inst'
                                               b'ead\n  ```hcl\n  resource "docker_volume" "docker_cache" {\n    nam'
                                               b'e = "coder-${data.coder_workspace.me.id}-docker"\n  }\n  resource "doc'
                                               b'ker_container" "workspace" {\n    image   = "codercom/enterprise-base'
                                               b':ubuntu"\n    runtime = "sysbox-runc"\n    volumes {\n      volume_'
                                               b'name    = docker_volume.docker_cache.name\n      container_path = "/v'
                                               b'ar/lib/docker"\n    }\n  }\n  ```\n',
 'TDL106-sysbox-nesting.yaml': b'id: TDL106\nname: sysbox-nesting\nseverity: error\nsummary: An envbox container sch'
                               b'eduled on the Sysbox runtime (Sysbox cannot run inside Sysbox).\norigin: PRIMARY\nfile'
                               b's: [terraform, yaml]\ntags: [terraform, kubernetes, docker, sysbox, envbox, correctne'
                               b'ss]\nprecision: high\nsources:\n  - title: "Sysbox user guide, limitations: functio'
                               b'nal limitations"\n    url: https://github.com/nestybox/sysbox/blob/master/docs/user-g'
                               b'uide/limitations.md\n    quote: "Sysbox Nesting | Running Sysbox inside a Sysbox cont'
                               b'ainer is not supported"\n  - title: "envbox README: a wrapper around the Sysbox runti'
                               b'me"\n    url: https://github.com/coder/envbox\nparameters:\n  # runtime / RuntimeCl'
                               b"ass names that count as Sysbox (the same list as TDL101's)\n  runtimes: [sysbox-runc]"
                               b'\n  # image patterns of envbox (add mirrors); a command starting with /envbox counts '
                               b'too\n  envbox_images: ["*/coder/envbox*", "coder/envbox*"]\nhelp: |\n  ## What it d'
                               b'oes\n  Finds an envbox container (image `ghcr.io/coder/envbox*`, or a command that st'
                               b'arts\n  with `/envbox`) in a Docker container or pod that runs with a Sysbox runtime.'
                               b' The\n  finding points at the runtime and names the envbox container.\n\n  ## Why i'
                               b's this bad?\n  Envbox is Sysbox packaged in a container: it starts its own Sysbox dae'
                               b'mons and\n  needs a privileged outer container. Sysbox cannot run inside a Sysbox con'
                               b'tainer,\n  and Sysbox does not allow privileged containers. The two methods of the Co'
                               b'der docs\n  are alternatives, not layers.\n\n  ## Example\n  ```hcl\n  resource "kube'
                               b'rnetes_pod" "dev" {\n    spec {\n      runtime_class_name = "sysbox-runc"\n      co'
                               b'ntainer {\n        name    = "dev"\n        image   = "ghcr.io/coder/envbox:0.6.2"'
                               b'\n        command = ["/envbox", "docker"]\n      }\n    }\n  }\n  ```\n\n  ## Use i'
                               b'nstead\n  ```hcl\n  resource "kubernetes_pod" "dev" {\n    spec {\n      container {'
                               b'\n        name    = "dev"\n        image   = "ghcr.io/coder/envbox:0.6.2"\n        '
                               b'command = ["/envbox", "docker"]\n        security_context {\n          privileged = tr'
                               b'ue\n        }\n      }\n    }\n  }\n  ```\n  Or keep `runtime_class_name = "sysbox-run'
                               b'c"` and run the workspace image itself.\n',
 'TDL107-sysbox-userns-crio-only.yaml': b'id: TDL107\nname: sysbox-userns-crio-only\nseverity: note\nenabled: false\ns'
                                        b'ummary: A Terraform Sysbox pod whose user namespace rests on the CRI-O-only '
                                        b'userns annotation (opt-in, for containerd 2 clusters).\norigin: PRIMARY\nf'
                                        b'iles: [terraform]\ntags: [terraform, kubernetes, sysbox, portability]\npre'
                                        b'cision: medium\nsources:\n  - title: "Sysbox user guide, Kubernetes deploy'
                                        b'"\n    url: https://github.com/nestybox/sysbox/blob/master/docs/user-guide/de'
                                        b'ploy.md\n    quote: "The hostUsers: false directive only works on K8s cluster'
                                        b's that have formal support user-namespaces (K8s v1.30+ with containerd v2.0.'
                                        b'5+)."\n  - title: "hashicorp/terraform-provider-kubernetes issue 2818: no hos'
                                        b't_users in the pod spec"\n    url: https://github.com/hashicorp/terraform-pro'
                                        b'vider-kubernetes/issues/2818\nparameters:\n  # RuntimeClass names that cou'
                                        b"nt as Sysbox (the same list as TDL101's)\n  runtimes: [sysbox-runc]\nhelp:"
                                        b' |\n  ## What it does\n  Opt-in. Finds Terraform Sysbox pods whose only wa'
                                        b'y to a user namespace is the\n  `io.kubernetes.cri-o.userns-mode` annotation,'
                                        b' without `hostUsers: false`. For the\n  hashicorp/kubernetes pod resources it'
                                        b' suggests `kubernetes_manifest`, since the\n  provider has no `host_users` at'
                                        b'tribute; for `kubernetes_manifest` it suggests\n  adding `hostUsers = false`.'
                                        b' Enable it when your nodes run containerd 2 rather\n  than CRI-O.\n\n  ## W'
                                        b'hy is this bad?\n  Only CRI-O honours the annotation. Sysbox 0.7.0 no longer '
                                        b'installs CRI-O on nodes\n  with containerd 2.0.5 or later, where a Sysbox pod'
                                        b' needs `hostUsers: false`: with\n  the annotation alone it starts without a u'
                                        b'ser namespace and fails.\n\n  ## Example\n  ```hcl\n  resource "kubernetes_p'
                                        b'od" "dev" {\n    metadata {\n      annotations = {\n        "io.kubernetes.'
                                        b'cri-o.userns-mode" = "auto:size=65536"\n      }\n    }\n    spec {\n      ru'
                                        b'ntime_class_name = "sysbox-runc"\n    }\n  }\n  ```\n\n  ## Use instead\n '
                                        b' ```hcl\n  resource "kubernetes_manifest" "dev" {\n    manifest = {\n      '
                                        b'apiVersion = "v1"\n      kind       = "Pod"\n      metadata   = { name = "'
                                        b'dev", namespace = "coder" }\n      spec = {\n        runtimeClassName = "s'
                                        b'ysbox-runc"\n        hostUsers        = false\n        containers       = '
                                        b'[{ name = "dev", image = "codercom/enterprise-base:ubuntu" }]\n      }\n  '
                                        b'  }\n  }\n  ```\n',
 'TDL201-envbox-outer-not-privileged.yaml': b'id: TDL201\nname: envbox-outer-not-privileged\nseverity: error\nsummary'
                                            b': An envbox outer container that is not privileged, so envbox cannot sta'
                                            b'rt Docker and Sysbox.\norigin: SEED\nfiles: [terraform, yaml]\nfix: saf'
                                            b'e\ntags: [terraform, kubernetes, docker, envbox, correctness]\nprecisi'
                                            b'on: very-high\nsources:\n  - title: "Coder docs, Docker in Workspaces:'
                                            b' Envbox"\n    url: https://coder.com/docs/admin/templates/extending-templ'
                                            b'ates/docker-in-workspaces\n    quote: "The outer container must be run as'
                                            b' privileged"\n  - title: "coder/envbox README: run example"\n    url: '
                                            b'https://github.com/coder/envbox/blob/main/README.md\n    quote: "--privil'
                                            b'eged"\nparameters:\n  # what counts as an envbox container (besides a '
                                            b'command starting with /envbox): image patterns\n  envbox_images: ["*/code'
                                            b'r/envbox*", "coder/envbox*"]\nhelp: |\n  ## What it does\n  Finds an en'
                                            b'vbox container (an image matching `*/coder/envbox*`, or a command that\n '
                                            b' starts with `/envbox`) that is not privileged: no `privileged = true` ('
                                            b'Docker\n  provider) or `security_context { privileged = true }` (Kubernet'
                                            b'es), or an explicit\n  `false`. A value the tool cannot know (a variable '
                                            b'without a default) is not reported.\n\n  ## Why is this bad?\n  envbox '
                                            b'runs dockerd and the Sysbox daemons inside its outer container; they nee'
                                            b'd the\n  privileges of a privileged container, and the workspace never st'
                                            b'arts without them.\n  The seed page: "The outer container must be run as '
                                            b'privileged" (the inner container\n  that acts as the workspace stays lock'
                                            b'ed down). Both Coder envbox templates set it.\n\n  ## Example\n  ```hcl'
                                            b'\n  container {\n    name    = "dev"\n    image   = "ghcr.io/coder/envb'
                                            b'ox:0.6.2"\n    command = ["/envbox", "docker"]\n  }\n  ```\n\n  ## Use in'
                                            b'stead\n  ```hcl\n  container {\n    name    = "dev"\n    image   = "ghcr'
                                            b'.io/coder/envbox:0.6.2"\n    command = ["/envbox", "docker"]\n    secu'
                                            b'rity_context {\n      privileged = true\n    }\n  }\n  ```\n  The envbox '
                                            b'outer container is exempt from TDL401 by default.\n',
 'TDL202-envbox-required-env-missing.yaml': b'id: TDL202\nname: envbox-required-env-missing\nseverity: error\nsummary'
                                            b': An envbox container without CODER_INNER_IMAGE, CODER_INNER_USERNAME or'
                                            b' CODER_AGENT_TOKEN.\norigin: PRIMARY\nfiles: [terraform, yaml]\ntags: ['
                                            b'terraform, kubernetes, docker, envbox, correctness]\nprecision: high\n'
                                            b'sources:\n  - title: "coder/envbox README: Envbox Configuration (the requ'
                                            b'ired column)"\n    url: https://github.com/coder/envbox/blob/main/README.'
                                            b'md\n  - title: "coder/envbox cli/docker.go: // Required flags. --image, -'
                                            b'-username, --agent-token"\n    url: https://github.com/coder/envbox/blob/'
                                            b'main/cli/docker.go\nparameters:\n  envbox_images: ["*/coder/envbox*", '
                                            b'"coder/envbox*"]\nhelp: |\n  ## What it does\n  Finds an envbox contain'
                                            b'er whose environment lacks one of the three variables envbox\n  requires:'
                                            b' `CODER_INNER_IMAGE`, `CODER_INNER_USERNAME`, `CODER_AGENT_TOKEN` (or se'
                                            b'ts\n  one to an empty string, which envbox treats as unset). It also note'
                                            b's a missing\n  `CODER_BOOTSTRAP_SCRIPT` (envbox then starts no agent) and'
                                            b' `CODER_AGENT_URL`\n  (envbox then sends no start-up logs to Coder). When'
                                            b' `env_from` or a `dynamic "env"`\n  block may provide the variables, a mi'
                                            b'ssing required one is only a note.\n\n  ## Why is this bad?\n  envbox m'
                                            b'arks exactly these three as required (README table; `// Required flags.`'
                                            b' in\n  its CLI): without an inner image or user it cannot create the work'
                                            b'space container,\n  and without the token the agent inside cannot connect'
                                            b'.\n\n  ## Example\n  ```hcl\n  env {\n    name  = "CODER_AGENT_TOKEN"'
                                            b'\n    value = coder_agent.main.token\n  }\n  env {\n    name  = "CODER_I'
                                            b'NNER_IMAGE"\n    value = "codercom/enterprise-base:ubuntu"\n  }\n  ```\n'
                                            b'\n  ## Use instead\n  ```hcl\n  env {\n    name  = "CODER_INNER_USERNAME'
                                            b'"\n    value = "coder"\n  }\n  ```\n  next to the two entries above, plu'
                                            b's `CODER_BOOTSTRAP_SCRIPT = coder_agent.main.init_script`\n  and `CODER_A'
                                            b'GENT_URL = data.coder_workspace.me.access_url`.\n',
 'TDL203-envbox-agent-wiring-mismatch.yaml': b'id: TDL203\nname: envbox-agent-wiring-mismatch\nseverity: error\nsummar'
                                             b"y: Envbox's CODER_AGENT_TOKEN and CODER_BOOTSTRAP_SCRIPT come from diffe"
                                             b'rent agents, or one is a literal.\norigin: PRIMARY\nfiles: [terraform]'
                                             b'\nfix: safe\ntags: [terraform, kubernetes, docker, envbox, correctness'
                                             b']\nprecision: high\nsources:\n  - title: "coder/envbox cli/docker.go: C'
                                             b'ODER_BOOTSTRAP_SCRIPT should typically install and start the agent"\n'
                                             b'    url: https://github.com/coder/envbox/blob/main/cli/docker.go\n   '
                                             b' quote: "The script to use to bootstrap the container. This should typic'
                                             b'ally install and start the agent."\n  - title: "coder/terraform-provi'
                                             b'der-coder: coder_agent token"\n    url: https://registry.terraform.io'
                                             b'/providers/coder/coder/latest/docs/resources/agent\n    quote: "Set t'
                                             b'he environment variable CODER_AGENT_TOKEN with this token to authenticat'
                                             b'e an agent."\nparameters:\n  envbox_images: ["*/coder/envbox*", "coder'
                                             b'/envbox*"]\nhelp: |\n  ## What it does\n  In a Terraform template, find'
                                             b's an envbox container whose `CODER_BOOTSTRAP_SCRIPT`\n  renders `code'
                                             b'r_agent.Y.init_script` while its `CODER_AGENT_TOKEN` is\n  `coder_age'
                                             b'nt.X.token` of another agent, or where either variable is a literal\n'
                                             b"  string instead of the agent's attribute. Values read from a Secret, an"
                                             b'd values the\n  tool cannot know, are not reported.\n\n  ## Why is this'
                                             b' bad?\n  envbox runs the bootstrap script in the inner container and '
                                             b"hands it the token; an\n  agent started with another agent's token au"
                                             b'thenticates as the wrong agent (or not at\n  all), and a literal scri'
                                             b'pt or token cannot belong to the workspace being built. The\n  worksp'
                                             b'ace stays "connecting".\n\n  ## Example\n  ```hcl\n  env {\n    name '
                                             b' = "CODER_AGENT_TOKEN"\n    value = coder_agent.main.token\n  }\n  env '
                                             b'{\n    name  = "CODER_BOOTSTRAP_SCRIPT"\n    value = coder_agent.dev.i'
                                             b'nit_script\n  }\n  ```\n\n  ## Use instead\n  ```hcl\n  env {\n    name'
                                             b'  = "CODER_AGENT_TOKEN"\n    value = coder_agent.main.token\n  }\n  env'
                                             b' {\n    name  = "CODER_BOOTSTRAP_SCRIPT"\n    value = coder_agent.main'
                                             b'.init_script\n  }\n  ```\n',
 'TDL204-envbox-required-mounts-missing.yaml': b'id: TDL204\nname: envbox-required-mounts-missing\nseverity: warnin'
                                               b'g\nsummary: An envbox container without its state and kernel mounts, '
                                               b'or CODER_MOUNTS that is malformed or off every volume.\norigin: PRIMA'
                                               b'RY\nfiles: [terraform, yaml]\ntags: [terraform, kubernetes, docker, en'
                                               b'vbox, correctness]\nprecision: high\nsources:\n  - title: "coder/en'
                                               b'vbox README: run example mounts /var/lib/coder/docker, /var/lib/code'
                                               b'r/containers, /var/lib/sysbox, /var/lib/docker, /usr/src, /lib/modul'
                                               b'es"\n    url: https://github.com/coder/envbox/blob/main/README.md\n  -'
                                               b' title: "coder/envbox cli/docker.go: envboxPrivateMounts, defaultMou'
                                               b'nts and parseMounts (malformed mounts value)"\n    url: https://githu'
                                               b'b.com/coder/envbox/blob/main/cli/docker.go\n  - title: "coder/coder e'
                                               b'xamples/templates/kubernetes-envbox: the seven volume mounts"\n    ur'
                                               b'l: https://github.com/coder/coder/blob/main/examples/templates/kuber'
                                               b'netes-envbox/main.tf\nparameters:\n  envbox_images: ["*/coder/envbox*"'
                                               b', "coder/envbox*"]\nhelp: |\n  ## What it does\n  Finds an envbox c'
                                               b'ontainer that mounts nothing at one of `/var/lib/coder/docker`,\n  `/'
                                               b'var/lib/coder/containers`, `/var/lib/sysbox`, `/var/lib/containers`,'
                                               b'\n  `/var/lib/docker`, `/usr/src` and `/lib/modules` (paths compared '
                                               b'normalised:\n  `/home/coder/` is `/home/coder`). It also reads `CODER'
                                               b'_MOUNTS` the way envbox does\n  (`source:target[:ro]`, comma-separate'
                                               b'd) and reports an entry envbox refuses, or a\n  source that lies on n'
                                               b'o volume of the envbox container. Dynamic mount blocks and\n  mount p'
                                               b'aths the tool cannot know silence the first part.\n\n  ## Why is this '
                                               b'bad?\n  envbox keeps the inner and outer Docker and container stores '
                                               b"and Sysbox's state in\n  these directories, and needs the host's kern"
                                               b"el headers and modules. Left on the outer\n  container's root filesys"
                                               b'tem they are slow (overlay on overlay) and lost on restart;\n  a `COD'
                                               b"ER_MOUNTS` source that is not on a volume loses the user's files the"
                                               b' same way,\n  and a malformed entry stops envbox with "malformed moun'
                                               b'ts value".\n\n  ## Example\n  ```hcl\n  env {\n    name  = "CODER_MOU'
                                               b'NTS"\n    value = "/home/coder:/home/coder"\n  }\n  volume_mount {\n'
                                               b'    mount_path = "/var/lib/coder/docker"\n    name       = "home"\n   '
                                               b' sub_path   = "cache/docker"\n  }\n  ```\n\n  ## Use instead\n  Mount'
                                               b' all seven paths and the `CODER_MOUNTS` sources, as the kubernetes-e'
                                               b'nvbox\n  template does: home-volume `sub_path`s for `/home/coder`, `/'
                                               b'var/lib/coder/docker`,\n  `/var/lib/coder/containers`, `/var/lib/cont'
                                               b'ainers` and `/var/lib/docker`, an\n  `empty_dir` for `/var/lib/sysbox'
                                               b'`, and `host_path` volumes for `/usr/src` and\n  `/lib/modules`.\n',
 'TDL205-envbox-shared-data-dirs.yaml': b'id: TDL205\nname: envbox-shared-data-dirs\nseverity: error\nsummary: Envbox'
                                        b' data directories on one volume and sub-path, or a /var/lib/sysbox volume sh'
                                        b'ared by every workspace.\norigin: PRIMARY\nfiles: [terraform, yaml]\ntags: '
                                        b'[terraform, kubernetes, docker, envbox, correctness]\nprecision: high\nsou'
                                        b'rces:\n  - title: "Sysbox user guide, Docker-in-Docker: a /var/lib/docker dir'
                                        b'ectory must only be mounted on one system container"\n    url: https://github'
                                        b'.com/nestybox/sysbox/blob/master/docs/user-guide/dind.md\n    quote: "A given'
                                        b" host directory mounted into a system container's /var/lib/docker must only "
                                        b'be mounted on a single system container at any given time."\n  - title: "code'
                                        b'r/coder examples/templates/kubernetes-envbox: a distinct sub_path per data d'
                                        b'irectory"\n    url: https://github.com/coder/coder/blob/main/examples/templat'
                                        b'es/kubernetes-envbox/main.tf\nparameters:\n  envbox_images: ["*/coder/envb'
                                        b'ox*", "coder/envbox*"]\nhelp: |\n  ## What it does\n  Finds two or more of '
                                        b"envbox's data paths (`/var/lib/docker`, `/var/lib/coder/docker`,\n  `/var/lib"
                                        b'/containers`, `/var/lib/coder/containers`, `/home/coder`) stored in the same'
                                        b'\n  place: the same Kubernetes volume (or claim, or host path) with the same '
                                        b'`sub_path`,\n  or the same Docker volume or bind source with the same `volume'
                                        b'_options { subpath }`.\n  Volumes named by the same expression count as the s'
                                        b'ame volume. It also finds a\n  `/var/lib/sysbox` stored in a place every work'
                                        b'space shares: a Docker volume with a\n  fixed name, a host path, or (in a Ter'
                                        b'raform template) a claim with a fixed name.\n  Each repeated use is reported,'
                                        b" with the first use as a related place.\n\n  ## Why is this bad?\n  envbox'"
                                        b's outer dockerd keeps its data in `/var/lib/docker`, the inner dockerd in\n  '
                                        b"`/var/lib/coder/docker`, and the home directory is the user's. On one direct"
                                        b"ory\n  they write over each other, and the user's home fills with Docker's fi"
                                        b'les. Sysbox:\n  a Docker data directory must belong to one daemon at a time; '
                                        b'a fixed-name\n  `/var/lib/sysbox` is shared by every workspace on the host. T'
                                        b'he coder/coder\n  `envbox-docker` template does both (one `coder_volume` at f'
                                        b'ive paths, a global\n  `sysbox` volume); `kubernetes-envbox` avoids it with a'
                                        b' `sub_path` per path.\n\n  ## Example\n  ```hcl\n  mounts {\n    target = "/v'
                                        b'ar/lib/coder/docker"\n    source = docker_volume.coder_volume.name\n    ty'
                                        b'pe   = "volume"\n  }\n  mounts {\n    target = "/var/lib/docker"\n    source'
                                        b' = docker_volume.coder_volume.name\n    type   = "volume"\n  }\n  ```\n\n  ##'
                                        b' Use instead\n  ```hcl\n  mounts {\n    target = "/var/lib/coder/docker"\n  '
                                        b'  source = docker_volume.inner_docker.name\n    type   = "volume"\n  }\n  m'
                                        b'ounts {\n    target = "/var/lib/docker"\n    source = docker_volume.outer_'
                                        b'docker.name\n    type   = "volume"\n  }\n  ```\n  with volumes named after `'
                                        b'data.coder_workspace.me.id`; on Kubernetes, one `sub_path`\n  per path and an'
                                        b' `empty_dir` for `/var/lib/sysbox`.\n',
 'TDL206-envbox-env-value-invalid.yaml': b'id: TDL206\nname: envbox-env-value-invalid\nseverity: warning\nsummary: An '
                                         b'envbox setting envbox ignores silently (not a Go integer or boolean) or that'
                                         b' breaks the inner container.\norigin: PRIMARY\nfiles: [terraform, yaml]\nfi'
                                         b'x: safe\ntags: [terraform, kubernetes, docker, envbox, correctness]\npreci'
                                         b'sion: very-high\nsources:\n  - title: "coder/envbox cli/cliflag/cliflag.go'
                                         b': a value strconv rejects falls back to the default"\n    url: https://gi'
                                         b'thub.com/coder/envbox/blob/main/cli/cliflag/cliflag.go\n  - title: "coder'
                                         b'/envbox README: CODER_MEMORY is the max memory in bytes; CODER_ADD_GPU requi'
                                         b'res CODER_USR_LIB_DIR"\n    url: https://github.com/coder/envbox/blob/mai'
                                         b'n/README.md\nparameters:\n  envbox_images: ["*/coder/envbox*", "coder/envb'
                                         b'ox*"]\nhelp: |\n  ## What it does\n  Reads the literal values of an envbox '
                                         b"container's settings the way envbox does\n  (Go `strconv`) and reports: `"
                                         b'CODER_CPUS` or `CODER_MEMORY` that is not a base-10\n  integer (`"2Gi"`, '
                                         b'`"1.5"`, `"4G"`, `" 2"`); `CODER_MEMORY` below 6 MiB (other than\n  0, wh'
                                         b'ich means unlimited), e.g. `"2"` meant as gigabytes; `CODER_ADD_FUSE`,\n '
                                         b' `CODER_ADD_TUN` or `CODER_ADD_GPU` that is not one of `1 t T TRUE true True'
                                         b' 0 f F\n  FALSE false False` (`"yes"`, `"on"`); `CODER_ADD_GPU` true with'
                                         b'out\n  `CODER_USR_LIB_DIR`; and a Downward API `resource_field_ref` for `'
                                         b'CODER_CPUS` or\n  `CODER_MEMORY` with a `divisor`. Values from variables '
                                         b'or parameters the tool cannot\n  know are not reported.\n\n  ## Why is this'
                                         b' bad?\n  envbox ignores a value Go cannot parse without a word and uses t'
                                         b'he default: no CPU\n  or memory limit, no FUSE or TUN device. A memory li'
                                         b'mit of a few bytes is one Docker\n  refuses ("Minimum memory limit allowe'
                                         b'd is 6MB"), so the workspace does not start;\n  coder/coder\'s `envbox-doc'
                                         b'ker` template sets `CODER_MEMORY=2`. A divisor scales the\n  number envbo'
                                         b'x reads as whole CPUs or bytes.\n\n  ## Example\n  ```hcl\n  env = [\n   '
                                         b' "CODER_MEMORY=2",\n    "CODER_ADD_FUSE=yes",\n  ]\n  ```\n\n  ## Use ins'
                                         b'tead\n  ```hcl\n  env = [\n    "CODER_MEMORY=2147483648",\n    "CODER_ADD_FU'
                                         b'SE=true",\n  ]\n  ```\n  On Kubernetes, take `CODER_CPUS` and `CODER_MEMORY'
                                         b'` from the Downward API\n  (`value_from { resource_field_ref { resource ='
                                         b' "limits.memory" } }`).\n',
 'TDL207-envbox-pull-secret-literal.yaml': b'id: TDL207\nname: envbox-pull-secret-literal\nseverity: warning\nsummar'
                                           b'y: CODER_IMAGE_PULL_SECRET given as a value instead of a Kubernetes Secr'
                                           b"et's .dockerconfigjson.\norigin: SEED\nfiles: [terraform, yaml]\ntags: "
                                           b'[terraform, kubernetes, envbox, security, external/cwe/cwe-312]\nprecisio'
                                           b'n: high\nsecurity-severity: "5.5"\nsources:\n  - title: "Coder docs, Do'
                                           b'cker in Workspaces: Authenticating with a Private Registry"\n    url: htt'
                                           b'ps://coder.com/docs/admin/templates/extending-templates/docker-in-worksp'
                                           b'aces\n    quote: "It is encouraged to populate this environment variable '
                                           b'by using a Kubernetes secret."\n  - title: "coder/envbox README: CODER_IM'
                                           b'AGE_PULL_SECRET Kubernetes Example"\n    url: https://github.com/coder/en'
                                           b'vbox/blob/main/README.md\nparameters:\n  envbox_images: ["*/coder/envbox*"'
                                           b', "coder/envbox*"]\nhelp: |\n  ## What it does\n  Finds `CODER_IMAGE_PU'
                                           b'LL_SECRET` on an envbox container set with a `value` (a\n  literal, a var'
                                           b'iable or a parameter) instead of `value_from { secret_key_ref { ... } }`'
                                           b'.\n  It notes a `secret_key_ref` whose `key` is not `.dockerconfigjson`. '
                                           b'With the Docker\n  provider there is no Kubernetes Secret to read, so a v'
                                           b'alue there is only a note.\n\n  ## Why is this bad?\n  Registry credent'
                                           b'ials given as a value land in clear text in the Terraform state and\n  in'
                                           b' the pod spec, readable by anyone who can read either. The seed page and'
                                           b' the envbox\n  README read them from a Secret made by `kubectl create sec'
                                           b'ret docker-registry`, whose\n  document is under the `.dockerconfigjson` '
                                           b'key.\n\n  ## Example\n  ```hcl\n  env {\n    name  = "CODER_IMAGE_PULL_SE'
                                           b'CRET"\n    value = var.registry_credentials\n  }\n  ```\n\n  ## Use inste'
                                           b'ad\n  ```hcl\n  env {\n    name = "CODER_IMAGE_PULL_SECRET"\n    value_f'
                                           b'rom {\n      secret_key_ref {\n        name = "regcred"\n        key  ='
                                           b' ".dockerconfigjson"\n      }\n    }\n  }\n  ```\n',
 'TDL301-podman-fuse-device-missing.yaml': b'id: TDL301\nname: podman-fuse-device-missing\nseverity: error\nsummary:'
                                           b' A rootless Podman workspace without a FUSE device, or an extended resou'
                                           b'rce Kubernetes rejects.\norigin: SEED+PRIMARY\nfiles: [terraform, yaml'
                                           b']\nfix: safe\ntags: [terraform, kubernetes, podman, correctness]\npreci'
                                           b'sion: high\nsources:\n  - title: "Coder docs, Docker in Workspaces: Rootle'
                                           b'ss Podman"\n    url: https://coder.com/docs/admin/templates/extending-tem'
                                           b'plates/docker-in-workspaces\n    quote: "Requires smarter-device-manager '
                                           b'for FUSE mounts"\n  - title: "Podman, rootless.md: shortcomings of rootle'
                                           b'ss Podman"\n    url: https://github.com/containers/podman/blob/main/rootl'
                                           b'ess.md\n    quote: "Can not use overlayfs driver, but does support fuse-o'
                                           b'verlayfs"\n  - title: "Kubernetes docs: extended resources"\n    url: http'
                                           b's://kubernetes.io/docs/concepts/configuration/manage-resources-container'
                                           b's/#extended-resources\nparameters:\n  # images that make a container a roo'
                                           b'tless Podman workspace (an agent startup script that runs podman also do'
                                           b'es)\n  podman_images: ["*podman*"]\n  # resource names that give a contain'
                                           b'er /dev/fuse (the first is suggested in messages)\n  fuse_resources: [git'
                                           b'hub.com/fuse, smarter-devices/fuse, squat.ai/fuse]\nhelp: |\n  ## What it '
                                           b'does\n  Finds a Kubernetes container that runs rootless Podman (its image'
                                           b" matches\n  `*podman*`, or its agent's startup script runs `podman`) with"
                                           b'out a FUSE device in\n  `resources.limits` (`github.com/fuse`, `smarter-d'
                                           b'evices/fuse`, or the names in the\n  `fuse_resources` parameter), unless '
                                           b'it is privileged or the CRI-O\n  `io.kubernetes.cri-o.Devices` annotation'
                                           b' adds `/dev/fuse`. For every Kubernetes\n  container it also reports an e'
                                           b'xtended resource (a domain-prefixed name outside\n  `kubernetes.io`) set '
                                           b'only in `requests`, with a request different from its limit,\n  or with a'
                                           b' value that is not a whole number.\n\n  ## Why is this bad?\n  Rootless'
                                           b" Podman cannot use the kernel's overlayfs and stores images with\n  fuse-"
                                           b'overlayfs, which needs `/dev/fuse`; the seed page installs a FUSE device'
                                           b' plugin\n  for exactly this, and the community kubernetes-podman template'
                                           b' asks for\n  `"github.com/fuse" = 1` in its limits. Kubernetes takes exte'
                                           b'nded resources from\n  `limits` only, never overcommits them and counts t'
                                           b'hem in whole devices: anything\n  else is rejected when the pod is create'
                                           b'd.\n\n  ## Example\n  ```hcl\n  container {\n    name  = "dev"\n    image '
                                           b'= "ghcr.io/coder/podman:ubuntu"\n    resources {\n      requests = {\n '
                                           b'       "github.com/fuse" = 1\n      }\n    }\n  }\n  ```\n\n  ## Use inste'
                                           b'ad\n  ```hcl\n  container {\n    name  = "dev"\n    image = "ghcr.io/cod'
                                           b'er/podman:ubuntu"\n    resources {\n      limits = {\n        "github.c'
                                           b'om/fuse" = 1\n      }\n    }\n  }\n  ```\n',
 'TDL302-fuse-device-plugin-mismatch.yaml': b'id: TDL302\nname: fuse-device-plugin-mismatch\nseverity: warning\nsumma'
                                            b'ry: Workspaces request a FUSE resource the device plugin in the same rep'
                                            b'ository does not advertise, or the plugin is mis-deployed.\norigin: SEED+'
                                            b'PRIMARY\nfiles: [terraform, yaml]\ntags: [terraform, kubernetes, podma'
                                            b'n, correctness]\nprecision: medium\nsources:\n  - title: "Coder docs, D'
                                            b'ocker in Workspaces: Rootless Podman (the FUSE DaemonSet and the node-la'
                                            b'belling step)"\n    url: https://coder.com/docs/admin/templates/extending'
                                            b'-templates/docker-in-workspaces\n    quote: "Be sure to label your nodes '
                                            b'to enable smarter-device-manager"\n  - title: "fuse-device-plugin server.'
                                            b'go: resourceName = \\"github.com/fuse\\""\n    url: https://github.com/'
                                            b'kuberenetes-learning-group/fuse-device-plugin/blob/master/server.go\n  - '
                                            b'title: "smarter-device-manager README: resources are named smarter-devic'
                                            b'es/<device>; the DaemonSet needs the smarter-device-manager=enabled labe'
                                            b'l"\n    url: https://github.com/smarter-project/smarter-device-manager/bl'
                                            b'ob/master/README.md\nparameters:\n  # images of device plugins that ad'
                                            b'vertise github.com/fuse\n  fuse_device_plugin_images: ["*fuse-device-plug'
                                            b'in*"]\n  # images of smarter-device-manager (advertises smarter-devices/f'
                                            b'use only with a ConfigMap matching fuse)\n  smarter_device_manager_images'
                                            b': ["*smarter-device-manager*"]\nhelp: |\n  ## What it does\n  Looks at '
                                            b'the whole run: Terraform, YAML, and YAML in shell here-documents (such a'
                                            b"s\n  the seed page's `cat <<EOF | kubectl create -f -` inside a `null_res"
                                            b'ource` or a\n  startup script). When workspaces that request a FUSE resou'
                                            b'rce and a FUSE device\n  plugin DaemonSet are both in scope, it reports: '
                                            b'(a) a requested name no plugin\n  advertises (`soolaugust/fuse-device-plu'
                                            b'gin` advertises `github.com/fuse`;\n  smarter-device-manager advertises `'
                                            b'smarter-devices/fuse` only with a ConfigMap whose\n  `devicematch` matche'
                                            b's `fuse`); (b) a plugin `nodeSelector` label that nothing in scope\n  put'
                                            b's on nodes; and notes (c) a plugin DaemonSet without `nodeSelector` (the'
                                            b" seed's\n  node-labelling step then does nothing) and (d) `imagePullSecre"
                                            b'ts` naming a Secret not\n  defined in that namespace. With only one side '
                                            b'in scope it says nothing: the plugin is\n  often deployed elsewhere (Helm'
                                            b', GitOps).\n\n  ## Why is this bad?\n  A resource name no node advertis'
                                            b'es keeps the workspace pod Pending forever. The seed\n  page talks about '
                                            b'smarter-device-manager but deploys `fuse-device-plugin`, which\n  adverti'
                                            b'ses `github.com/fuse`, not `smarter-devices/fuse`; its DaemonSet has no\n'
                                            b'  `nodeSelector`, so "label your nodes" changes nothing, and it names a '
                                            b'pull secret\n  (`registry-secret`) for a public image. A plugin that wait'
                                            b's for a label nobody sets\n  runs on no node.\n\n  ## Example\n  ```yaml'
                                            b'\n  resources:\n    limits:\n      smarter-devices/fuse: 1   # but only'
                                            b' soolaugust/fuse-device-plugin is deployed\n  ```\n\n  ## Use instead\n '
                                            b' ```yaml\n  resources:\n    limits:\n      github.com/fuse: 1\n  ```\n  O'
                                            b'r deploy smarter-device-manager with a ConfigMap whose `conf.yaml` has\n '
                                            b' `devicematch: ^fuse$`, and set its node label through your node groups.'
                                            b'\n',
 'TDL303-podman-apparmor-annotation-mismatch.yaml': b'id: TDL303\nname: podman-apparmor-annotation-mismatch\nseverit'
                                                    b'y: warning\nsummary: An AppArmor pod annotation naming no contain'
                                                    b'er, or a Podman workspace left under the default AppArmor profil'
                                                    b'e.\norigin: PRIMARY\nfiles: [terraform, yaml]\nfix: safe\ntags: '
                                                    b'[terraform, kubernetes, podman, correctness]\nprecision: high'
                                                    b'\nsources:\n  - title: "coder/community-templates kubernetes-p'
                                                    b'odman: Disables apparmor, required for Debian- and Ubuntu-derive'
                                                    b'd systems"\n    url: https://github.com/coder/community-templates'
                                                    b'/tree/main/kubernetes-podman\n  - title: "Kubernetes docs: AppArm'
                                                    b'or (annotation container.apparmor.security.beta.kubernetes.io/<c'
                                                    b'ontainer_name>)"\n    url: https://kubernetes.io/docs/tutorials/s'
                                                    b'ecurity/apparmor/\nparameters:\n  podman_images: ["*podman*"]\n'
                                                    b'  # whether the nodes run AppArmor (Debian, Ubuntu): null = unkn'
                                                    b'own (a note), true = a warning, false = never\n  nodes_use_apparm'
                                                    b'or: null\nhelp: |\n  ## What it does\n  Finds a pod annotation '
                                                    b'`container.apparmor.security.beta.kubernetes.io/<name>` whose\n  '
                                                    b'`<name>` is not a container of the pod. It also notes a rootless'
                                                    b' Podman workspace\n  container with no AppArmor override: no such'
                                                    b' annotation for it and no\n  `securityContext.appArmorProfile` (Y'
                                                    b'AML, Kubernetes 1.30+; the Terraform provider has\n  no such fiel'
                                                    b'd, so Terraform keeps the annotation). That part is a note unles'
                                                    b's the\n  `nodes_use_apparmor` parameter says the nodes run AppArm'
                                                    b'or, and off when it says they\n  do not (RHEL-family nodes use SE'
                                                    b'Linux instead).\n\n  ## Why is this bad?\n  The annotation appl'
                                                    b'ies to the container it names; after a container is renamed it\n '
                                                    b' applies to nothing, silently. On Debian and Ubuntu nodes the de'
                                                    b'fault AppArmor profile\n  blocks the mounts rootless Podman makes'
                                                    b', which is why the kubernetes-podman template\n  sets the contain'
                                                    b'er `unconfined`.\n\n  ## Example\n  ```hcl\n  metadata {\n    ann'
                                                    b'otations = {\n      "container.apparmor.security.beta.kubernetes.'
                                                    b'io/dev" = "unconfined"\n    }\n  }\n  spec {\n    container {\n  '
                                                    b'    name  = "workspace"\n      image = "ghcr.io/coder/podman:ubun'
                                                    b'tu"\n    }\n  }\n  ```\n\n  ## Use instead\n  ```hcl\n  metadat'
                                                    b'a {\n    annotations = {\n      "container.apparmor.security.b'
                                                    b'eta.kubernetes.io/workspace" = "unconfined"\n    }\n  }\n  ```\n',
 'TDL304-bottlerocket-userns-disabled.yaml': b'id: TDL304\nname: bottlerocket-userns-disabled\nseverity: error\nsummar'
                                             b'y: Bottlerocket node user data that keeps user namespaces off, next to r'
                                             b'ootless Podman workspaces.\norigin: SEED\nfiles: [terraform, yaml, tom'
                                             b'l]\nfix: safe\ntags: [terraform, kubernetes, podman, bottlerocket, cor'
                                             b'rectness]\nprecision: high\nsources:\n  - title: "Coder docs, Docker in'
                                             b' Workspaces: Rootless Podman on Bottlerocket nodes"\n    url: https:/'
                                             b'/coder.com/docs/admin/templates/extending-templates/docker-in-workspaces'
                                             b'\n    quote: "Bottlerocket disables them by default (user.max_user_na'
                                             b'mespaces = 0), so Podman commands will return an error until you raise t'
                                             b'he limit"\n  - title: "Bottlerocket README, settings reference: setti'
                                             b'ngs.kernel.sysctl"\n    url: https://github.com/bottlerocket-os/bottl'
                                             b'erocket/blob/develop/README.md\nparameters:\n  podman_images: ["*podma'
                                             b'n*"]\nhelp: |\n  ## What it does\n  Looks at the whole run. When it hol'
                                             b'ds rootless Podman workspaces (or pods with\n  `hostUsers: false`) an'
                                             b'd Bottlerocket node definitions (a Karpenter `EC2NodeClass` with\n  `'
                                             b'amiFamily: Bottlerocket` or an `alias: bottlerocket@...` AMI selector, a'
                                             b'n\n  `aws_launch_template` whose `user_data` is Bottlerocket TOML, or'
                                             b' a `.toml` user-data\n  file), it reports node user data that does no'
                                             b't set\n  `settings.kernel.sysctl."user.max_user_namespaces"` to a pos'
                                             b'itive number. With only one\n  side in scope it says nothing.\n\n  ## W'
                                             b'hy is this bad?\n  Bottlerocket ships with `user.max_user_namespaces '
                                             b'= 0`. Rootless Podman needs user\n  namespaces, so every Podman comma'
                                             b'nd in the workspace fails with "cannot clone: Invalid\n  argument / u'
                                             b'ser namespaces are not enabled in /proc/sys/user/max_user_namespaces'
                                             b'".\n\n  ## Example\n  ```yaml\n  apiVersion: karpenter.k8s.aws/v1\n  '
                                             b'kind: EC2NodeClass\n  spec:\n    amiFamily: Bottlerocket\n    userData:'
                                             b' |\n      [settings.kubernetes]\n      max-pods = 110\n  ```\n\n  ## '
                                             b'Use instead\n  ```yaml\n    userData: |\n      [settings.kubernetes]\n  '
                                             b'    max-pods = 110\n      [settings.kernel.sysctl]\n      "user.max_us'
                                             b'er_namespaces" = "65536"\n  ```\n',
 'TDL305-bottlerocket-sysctl-toml-format.yaml': b'id: TDL305\nname: bottlerocket-sysctl-toml-format\nseverity: error'
                                                b'\nsummary: Bottlerocket sysctl TOML that reads differently than meant'
                                                b', TOML user data on another AMI family, or broken TOML.\norigin: SEED'
                                                b'+PRIMARY\nfiles: [terraform, yaml, toml]\nfix: safe\ntags: [terrafo'
                                                b'rm, kubernetes, bottlerocket, correctness]\nprecision: very-high\n'
                                                b'sources:\n  - title: "Bottlerocket README, settings reference: settin'
                                                b'gs.kernel.sysctl"\n    url: https://github.com/bottlerocket-os/bottle'
                                                b'rocket/blob/develop/README.md\n    quote: "Remember to quote keys (si'
                                                b'nce they often contain \\".\\") and to quote all values."\n  - titl'
                                                b'e: "Coder docs, Docker in Workspaces: Rootless Podman on Bottlerocke'
                                                b't nodes"\n    url: https://coder.com/docs/admin/templates/extending-t'
                                                b'emplates/docker-in-workspaces\n    quote: "amiFamily: Bottlerocket # '
                                                b'required for BR-style userData"\n  - title: "Karpenter docs, NodeClas'
                                                b'ses: amiFamily may be omitted only with an alias amiSelectorTerm"\n  '
                                                b'  url: https://karpenter.sh/docs/concepts/nodeclasses/\nhelp: |\n '
                                                b' ## What it does\n  Reads Bottlerocket TOML user data (`.toml` files,'
                                                b' `EC2NodeClass` `userData`,\n  `aws_launch_template` `user_data`) and'
                                                b' reports under `[settings.kernel.sysctl]`: a key\n  written without q'
                                                b'uotes (`user.max_user_namespaces = "65536"` is the key\n  `max_user_n'
                                                b'amespaces` of a table `user`), and a value that is not a string\n  (`'
                                                b'= 65536`). It also reports an `EC2NodeClass` that passes `[settings.'
                                                b'..]` TOML to\n  nodes of another AMI family (`AL2`, `AL2023`, `Ubuntu'
                                                b'`, Windows), and user data in an\n  `EC2NodeClass` or launch template'
                                                b' that is not valid TOML (a broken `.toml` file is\n  TDL000). Both sp'
                                                b'ellings of the seed page (a `[settings.kernel.sysctl]` table with a\n'
                                                b'  quoted key, or an inline `sysctl = { ... }` table) are right.\n'
                                                b'\n  ## Why is this bad?\n  Sysctl names contain dots, and TOML spl'
                                                b'its unquoted dotted keys into tables; Bottlerocket\n  takes sysctl va'
                                                b'lues only as strings. Either way the user data does not say what was'
                                                b'\n  meant, and Bottlerocket rejects it or ignores the setting. Other '
                                                b"AMI families do not read\n  Bottlerocket's TOML at all.\n\n  ## Exa"
                                                b'mple\n  ```toml\n  [settings.kernel.sysctl]\n  user.max_user_namesp'
                                                b'aces = 65536\n  ```\n\n  ## Use instead\n  ```toml\n  [settings.kerne'
                                                b'l.sysctl]\n  "user.max_user_namespaces" = "65536"\n  ```\n',
 'TDL401-privileged-sidecar-unacknowledged.yaml': b'id: TDL401\nname: privileged-sidecar-unacknowledged\nseverity: war'
                                                  b'ning\nsummary: A privileged sidecar (such as docker:dind) that no'
                                                  b'body acknowledged with a reason.\norigin: SEED\nfiles: [terraform,'
                                                  b' yaml]\ntags: [terraform, kubernetes, docker, security, external/'
                                                  b'cwe/cwe-250]\nprecision: high\nsecurity-severity: "8.8"\nsource'
                                                  b's:\n  - title: "Coder docs, Docker in Workspaces: Privileged side'
                                                  b'car container"\n    url: https://coder.com/docs/admin/templates/e'
                                                  b'xtending-templates/docker-in-workspaces\n    quote: "This is inse'
                                                  b'cure. Workspaces will be able to gain root access to the host ma'
                                                  b'chine."\nparameters:\n  # envbox\'s outer container must be privile'
                                                  b'ged (TDL201); it is exempt unless this is false\n  exempt_envbox:'
                                                  b' true\n  # what counts as an envbox container (besides a command '
                                                  b'starting with /envbox): image patterns\n  envbox_images: ["*/code'
                                                  b'r/envbox*", "coder/envbox*"]\n  # pods on these runtimes are Sysb'
                                                  b"ox pods: privilege there is TDL103's finding, not this rule's\n  "
                                                  b'runtimes: [sysbox-runc]\nhelp: |\n  ## What it does\n  Finds a priv'
                                                  b'ileged container (Docker `privileged = true`, Kubernetes\n  `secu'
                                                  b'rity_context { privileged = true }`, values resolved through var'
                                                  b'iables) that\n  does not run the Coder agent: a sidecar such as `'
                                                  b'docker:dind`. The envbox outer\n  container is exempt (the method'
                                                  b" requires it). The container that runs the agent is\n  TDL412's, "
                                                  b"and a privileged container in a Sysbox pod is TDL103's (Sysbox d"
                                                  b'oes not\n  support privileged containers at all). A sidecar is ac'
                                                  b'knowledged when this finding is suppressed with a reason:\n  `# t'
                                                  b'fdind-lint: ignore[TDL401] -- <reason>` on the `privileged` line'
                                                  b', the line above\n  it, or the first line of the resource or mani'
                                                  b'fest object. The reason is kept in the\n  JSON and SARIF reports.'
                                                  b'\n\n  ## Why is this bad?\n  The seed page\'s own warning: "Work'
                                                  b'spaces will be able to gain root access to the host\n  machine." '
                                                  b'A privileged daemon reachable from the workspace is root on the '
                                                  b'node for\n  every workspace user. Sometimes it is the only option'
                                                  b' (nodes that cannot run Sysbox);\n  then it should be a recorded '
                                                  b'decision, not an accident.\n\n  ## Example\n  ```hcl\n  resource'
                                                  b' "docker_container" "dind" {\n    image      = "docker:dind"\n    '
                                                  b'privileged = true\n  }\n  ```\n\n  ## Use instead\n  ```hcl\n  res'
                                                  b'ource "docker_container" "dind" {\n    image      = "docker:dind"'
                                                  b'\n    # tfdind-lint: ignore[TDL401] -- nodes cannot run Sysbox (t'
                                                  b'icket OPS-123)\n    privileged = true\n  }\n  ```\n  Or switch t'
                                                  b'o Sysbox, envbox or rootless Podman, which need no privileged si'
                                                  b'decar.\n',
 'TDL402-dockerd-unauthenticated-tcp.yaml': b'id: TDL402\nname: dockerd-unauthenticated-tcp\nseverity: error\nsummary'
                                            b': A Docker daemon listening on TCP without --tlsverify (error on a reach'
                                            b'able address, note on loopback).\norigin: SEED+PRIMARY\nfiles: [terraf'
                                            b'orm, yaml]\ntags: [terraform, kubernetes, docker, dind, security, externa'
                                            b'l/cwe/cwe-306]\nprecision: high\nsecurity-severity: "9.0"\nsources:\n  -'
                                            b' title: "Coder docs, Docker in Workspaces: Use a privileged sidecar cont'
                                            b'ainer in Docker-based templates"\n    url: https://coder.com/docs/admin/t'
                                            b"emplates/extending-templates/docker-in-workspaces\n    quote: 'entrypoint"
                                            b' = ["dockerd", "-H", "tcp://0.0.0.0:2375"]\'\n  - title: "Docker Engin'
                                            b'e deprecated features: Unauthenticated TCP connections (deprecated in v2'
                                            b'6.0)"\n    url: https://docs.docker.com/engine/deprecated/#unauthenticate'
                                            b'd-tcp-connections\n    quote: "This mandatory TLS requirement applies to '
                                            b'all TCP addresses except `tcp://localhost`."\n  - title: "Docker Engine s'
                                            b'ecurity"\n    url: https://docs.docker.com/engine/security/\n    quote'
                                            b': "Exposing the daemon API over HTTP without TLS is not permitted, and s'
                                            b'uch a configuration causes the daemon to fail early on startup."\n  - tit'
                                            b'le: "docker-library/docker: dind/dockerd-entrypoint.sh (TLS by default, '
                                            b'tcp://0.0.0.0:2375 when DOCKER_TLS_CERTDIR is empty)"\n    url: https://g'
                                            b'ithub.com/docker-library/docker/blob/master/29/dind/dockerd-entrypoint.s'
                                            b'h\nhelp: |\n  ## What it does\n  Reads every way a template starts dock'
                                            b"erd: a container's `entrypoint` / `command` /\n  `args` (also inside `sh "
                                            b"-c` scripts and here-documents), the docker:dind image's own\n  entrypoin"
                                            b't when it is kept, and agent startup scripts. It finds TCP listeners\n  ('
                                            b'`-H tcp://...`, `-Htcp://...`, `--host=...`, repeated) of a daemon that '
                                            b"runs without\n  `--tlsverify`, including the image's implicit `tcp://0.0."
                                            b'0.0:2375` when\n  `DOCKER_TLS_CERTDIR` is set to `""`. A reachable addres'
                                            b's (`0.0.0.0`, `::`, an IP or a\n  host name) is an error; a loopback addr'
                                            b'ess (`127.0.0.1`, `localhost`, `::1`, or an\n  empty host, which dockerd '
                                            b'reads as localhost) is a note.\n\n  ## Why is this bad?\n  The Docker A'
                                            b"PI is root on the daemon's host. Without TLS client verification anyone\n"
                                            b'  who can reach the port drives it, with no credentials: every container'
                                            b" on the network\n  of the seed's Docker example. Docker deprecated this i"
                                            b'n Engine 26 ("mandatory TLS\n  requirement applies to all TCP addresses e'
                                            b'xcept `tcp://localhost`"), and current\n  engines slow the start-up down '
                                            b"or refuse to start. On a pod, loopback is only\n  reachable by the pod's "
                                            b'own containers: acceptable, but still credential-free root.\n\n  ## Ex'
                                            b'ample\n  ```hcl\n  resource "docker_container" "dind" {\n    image     '
                                            b' = "docker:dind"\n    privileged = true\n    entrypoint = ["dockerd", '
                                            b'"-H", "tcp://0.0.0.0:2375"]\n  }\n  ```\n\n  ## Use instead\n  Keep the i'
                                            b"mage's entrypoint: with the default `DOCKER_TLS_CERTDIR=/certs` it serve"
                                            b's\n  `tcp://0.0.0.0:2376` with `--tlsverify` and writes client certificat'
                                            b'es to\n  `/certs/client`; share that directory with the workspace and set'
                                            b' `DOCKER_HOST`,\n  `DOCKER_TLS_VERIFY=1` and `DOCKER_CERT_PATH` there'
                                            b'.\n  ```hcl\n  resource "docker_container" "dind" {\n    image      = "'
                                            b'docker:dind"\n    privileged = true\n    volumes {\n      container_pat'
                                            b'h = "/certs/client"\n      volume_name    = docker_volume.certs.name\n'
                                            b'    }\n  }\n  ```\n  In a pod, `args = ["dockerd", "--host=tcp://127.0.'
                                            b'0.1:2375"]` keeps the daemon inside\n  the pod\'s network namespace.\n',
 'TDL403-docker-host-missing-scheme.yaml': b'id: TDL403\nname: docker-host-missing-scheme\nseverity: warning\nsummar'
                                           b'y: DOCKER_HOST without a scheme (such as localhost:2375), which Docker S'
                                           b'DK clients cannot parse.\norigin: SEED+PRIMARY\nfiles: [terraform, yam'
                                           b'l]\nfix: safe\ntags: [terraform, kubernetes, docker, dind, correctness'
                                           b']\nprecision: very-high\nsources:\n  - title: "Coder docs, Docker in Wo'
                                           b'rkspaces: Use a privileged sidecar container in Kubernetes-based templat'
                                           b'es"\n    url: https://coder.com/docs/admin/templates/extending-templates/'
                                           b'docker-in-workspaces\n    quote: \'value = "localhost:2375"\'\n  - title'
                                           b': "docker/cli opts/hosts.go parseDockerDaemonHost: an address without :/'
                                           b'/ is read as tcp"\n    url: https://github.com/docker/cli/blob/master/opt'
                                           b's/hosts.go\n  - title: "moby client ParseHostURL (used by client.FromEnv)'
                                           b': unable to parse docker host"\n    url: https://github.com/moby/moby/blo'
                                           b'b/master/client/client.go\nhelp: |\n  ## What it does\n  Finds a `DOCKE'
                                           b'R_HOST` value without `scheme://`: in a Docker `env` entry, a Kubernetes'
                                           b'\n  `env` block or manifest, a `coder_agent` `env` map, or an `export DOC'
                                           b'KER_HOST=...` in\n  an agent startup script. A value that starts with an '
                                           b'interpolation is only flagged\n  when that interpolation names something '
                                           b'(`${docker_container.dind.name}:2375`), since\n  any other could carry th'
                                           b'e scheme.\n\n  ## Why is this bad?\n  The docker CLI tolerates the miss'
                                           b'ing scheme and assumes tcp, so the template seems to\n  work. Everything '
                                           b'built on the Docker SDK for Go (`client.FromEnv`: testcontainers,\n  many'
                                           b' IDE plugins and CLIs) fails with "unable to parse docker host". Both di'
                                           b'nd examples\n  of the seed page write it this way.\n\n  ## Example\n  ``'
                                           b'`hcl\n  env {\n    name  = "DOCKER_HOST"\n    value = "localhost:2375"\n'
                                           b'  }\n  ```\n\n  ## Use instead\n  ```hcl\n  env {\n    name  = "DOCKER_HOS'
                                           b'T"\n    value = "tcp://localhost:2375"\n  }\n  ```\n',
 'TDL404-docker-host-daemon-mismatch.yaml': b'id: TDL404\nname: docker-host-daemon-mismatch\nseverity: error\nsummary'
                                            b": The workspace DOCKER_HOST does not lead to a listener of the template'"
                                            b's dind daemon (host, port or TLS).\norigin: SEED\nfiles: [terraform, y'
                                            b'aml]\ntags: [terraform, kubernetes, docker, dind, correctness]\nprecis'
                                            b'ion: high\nsources:\n  - title: "Coder docs, Docker in Workspaces: Use'
                                            b' a privileged sidecar container (both examples pair DOCKER_HOST with the'
                                            b' dind listener)"\n    url: https://coder.com/docs/admin/templates/extendi'
                                            b'ng-templates/docker-in-workspaces\n    quote: \'"DOCKER_HOST=${docker_'
                                            b'container.dind.name}:2375"\'\n  - title: "docker-library/docker: dind/'
                                            b'dockerd-entrypoint.sh (unix socket plus tcp://0.0.0.0:2376 --tlsverify w'
                                            b'hen DOCKER_TLS_CERTDIR is set)"\n    url: https://github.com/docker-libra'
                                            b'ry/docker/blob/master/29/dind/dockerd-entrypoint.sh\nhelp: |\n  ## Wha'
                                            b"t it does\n  Compares each workspace container's `DOCKER_HOST` (container"
                                            b' env, the `coder_agent`\n  `env` map, or an `export` in its startup scrip'
                                            b"t) with the daemon it should reach. It\n  reads dockerd's `-H` / `--host`"
                                            b" list and the docker:dind entrypoint's defaults (unix\n  socket, plus `tc"
                                            b'p://0.0.0.0:2376` with `--tlsverify`, or `tcp://0.0.0.0:2375` when\n  `DO'
                                            b"CKER_TLS_CERTDIR` is empty). A pod's containers share one network namesp"
                                            b'ace, so\n  there the address must be `localhost`; a Docker container is r'
                                            b'eached by its `name`,\n  `hostname` or network alias (`docker_container.d'
                                            b'ind.name` counts), or by `localhost`\n  with `network_mode = "container:<'
                                            b'dind>"` or both on `host`. It reports a host that is\n  not the daemon, a'
                                            b' port the daemon does not listen on, a daemon bound to loopback in\n  ano'
                                            b'ther container, a client without `DOCKER_TLS_VERIFY` / `DOCKER_CERT_PATH'
                                            b'` facing\n  a TLS listener (or with them facing a plain one), and a `unix'
                                            b'://` path the workspace\n  shares with no daemon. The finding names the d'
                                            b"aemon's listeners as related places.\n  When the daemon's image is not `d"
                                            b'ocker:*` (a `daemon.json` could add hosts) it is a\n  warning.\n\n  ## '
                                            b'Why is this bad?\n  The workspace cannot talk to its Docker daemon: `dock'
                                            b'er` commands fail with\n  "Cannot connect to the Docker daemon", or hang '
                                            b"on a TLS handshake. With the image's\n  entrypoint kept, dind listens on "
                                            b'2376 with TLS, not on the 2375 most snippets use.\n\n  ## Example\n  ``'
                                            b'`hcl\n  resource "docker_container" "dind" {\n    image   = "docker:di'
                                            b'nd"\n    command = ["dockerd", "-H", "tcp://127.0.0.1:2375"]\n  }\n  re'
                                            b'source "docker_container" "workspace" {\n    env = ["DOCKER_HOST=tcp://${'
                                            b'docker_container.dind.name}:2375"]\n  }\n  ```\n\n  ## Use instead\n  ```'
                                            b'hcl\n  resource "docker_container" "workspace" {\n    env = [\n      "D'
                                            b'OCKER_HOST=tcp://${docker_container.dind.name}:2376",\n      "DOCKER_TLS_'
                                            b'VERIFY=1",\n      "DOCKER_CERT_PATH=/certs/client",\n    ]\n  }\n  ```\n '
                                            b' with dind keeping its entrypoint and sharing `/certs/client` through a '
                                            b'volume.\n',
 'TDL405-dind-network-not-shared.yaml': b'id: TDL405\nname: dind-network-not-shared\nseverity: error\nsummary: DOCKER'
                                        b'_HOST names the dind container, but the two Docker containers share no user-'
                                        b'defined network.\norigin: SEED\nfiles: [terraform]\nfix: safe\ntags: [terraf'
                                        b'orm, docker, dind, correctness]\nprecision: high\nsources:\n  - title: "Cod'
                                        b'er docs, Docker in Workspaces: Use a privileged sidecar container in Docker-'
                                        b'based templates (both containers on docker_network.private_network)"\n    url'
                                        b': https://coder.com/docs/admin/templates/extending-templates/docker-in-works'
                                        b'paces\n    quote: "name = docker_network.private_network.name"\n  - title:'
                                        b' "Docker docs, Bridge network driver"\n    url: https://docs.docker.com/engin'
                                        b'e/network/drivers/bridge/\n    quote: "containers connected to different brid'
                                        b'ge networks can only communicate with each other using published ports."\nhel'
                                        b'p: |\n  ## What it does\n  For a Docker workspace container whose `DOCKER_'
                                        b'HOST` names a dind container (its\n  `name`, `hostname`, a network alias, or '
                                        b'`docker_container.<dind>.name`), checks that\n  both join at least one common'
                                        b' user-defined network (`networks_advanced` names,\n  resolved through `docker'
                                        b'_network.<x>.name` / `.id`, or a `network_mode` naming a\n  network). Sharing'
                                        b' a network namespace (`network_mode = "container:<dind>"`, or both on\n  `hos'
                                        b't`) also counts. A `dynamic "networks_advanced"` block, or a network the too'
                                        b"l\n  cannot resolve, gives no finding.\n\n  ## Why is this bad?\n  Docker's "
                                        b'embedded DNS resolves container names only on user-defined networks, and\n  c'
                                        b'ontainers on different networks cannot reach each other. On the default brid'
                                        b'ge, or\n  on disjoint networks, the name in `DOCKER_HOST` does not resolve an'
                                        b'd the workspace\n  has no Docker.\n\n  ## Example\n  ```hcl\n  resource "dock'
                                        b'er_container" "dind" {\n    image = "docker:dind"\n    name  = "dind-${dat'
                                        b'a.coder_workspace.me.id}"\n  }\n  resource "docker_container" "workspace" '
                                        b'{\n    env = ["DOCKER_HOST=tcp://${docker_container.dind.name}:2376"]\n   '
                                        b' networks_advanced {\n      name = docker_network.private_network.name\n  '
                                        b'  }\n  }\n  ```\n\n  ## Use instead\n  ```hcl\n  resource "docker_containe'
                                        b'r" "dind" {\n    image = "docker:dind"\n    name  = "dind-${data.coder_wor'
                                        b'kspace.me.id}"\n    networks_advanced {\n      name = docker_network.priva'
                                        b'te_network.name\n    }\n  }\n  ```\n',
 'TDL406-dind-sidecar-lifecycle.yaml': b'id: TDL406\nname: dind-sidecar-lifecycle\nseverity: warning\nsummary: The d'
                                       b'ind container outlives the workspace (no start_count), or its count is refer'
                                       b'enced without an index.\norigin: SEED+PRIMARY\nfiles: [terraform]\nfix: saf'
                                       b'e\ntags: [terraform, docker, dind, security]\nprecision: high\nsources:\n  -'
                                       b' title: "Coder docs, Docker in Workspaces: Use a privileged sidecar containe'
                                       b'r in Docker-based templates"\n    url: https://coder.com/docs/admin/templates'
                                       b'/extending-templates/docker-in-workspaces\n    quote: "count   = data.coder_w'
                                       b'orkspace.me.start_count"\n  - title: "Coder docs, Resource persistence"\n    u'
                                       b'rl: https://coder.com/docs/admin/templates/extending-templates/resource-pers'
                                       b'istence\nhelp: |\n  ## What it does\n  For the Docker provider: finds a din'
                                       b'd `docker_container` without\n  `count = data.coder_workspace.<x>.start_count'
                                       b'` (directly or through a local) while the\n  workspace container whose `DOCKE'
                                       b'R_HOST` points at it has one. And when the dind\n  container has `count` (or '
                                       b'`for_each`), finds references to it that name no instance\n  (`docker_contain'
                                       b'er.dind.name` instead of `docker_container.dind[0].name`).\n\n  ## Why is this'
                                       b' bad?\n  `start_count` is how Coder stops a workspace: it becomes 0 and Terra'
                                       b"form destroys the\n  resource. In the seed's Docker example only the workspac"
                                       b'e container has it, so the\n  privileged daemon, and the host-root exposure t'
                                       b'hat comes with it, keeps running\n  after every workspace stop. Adding `count'
                                       b'` turns the resource into a list: every\n  unindexed reference then fails the'
                                       b' plan, so both changes go together.\n\n  ## Example\n  ```hcl\n  resource "d'
                                       b'ocker_container" "dind" {\n    image = "docker:dind"\n  }\n  resource "dock'
                                       b'er_container" "workspace" {\n    count = data.coder_workspace.me.start_count\n'
                                       b'    env   = ["DOCKER_HOST=tcp://${docker_container.dind.name}:2376"]\n  }\n  `'
                                       b'``\n\n  ## Use instead\n  ```hcl\n  resource "docker_container" "dind" {\n   '
                                       b' count = data.coder_workspace.me.start_count\n    image = "docker:dind"\n '
                                       b' }\n  resource "docker_container" "workspace" {\n    count = data.coder_worksp'
                                       b'ace.me.start_count\n    env   = ["DOCKER_HOST=tcp://${docker_container.dind[0'
                                       b'].name}:2376"]\n  }\n  ```\n',
 'TDL407-dind-entrypoint-override.yaml': b'id: TDL407\nname: dind-entrypoint-override\nseverity: warning\nsummary: A d'
                                         b'ocker:dind container whose entrypoint runs dockerd itself, bypassing dockerd'
                                         b'-entrypoint.sh.\norigin: SEED+PRIMARY\nfiles: [terraform, yaml]\nfix: safe\n'
                                         b'tags: [terraform, kubernetes, docker, dind, correctness]\nprecision: high'
                                         b'\nsources:\n  - title: "Coder docs, Docker in Workspaces: Use a privileged'
                                         b' sidecar container in Kubernetes-based templates"\n    url: https://coder'
                                         b'.com/docs/admin/templates/extending-templates/docker-in-workspaces\n    q'
                                         b'uote: \'command = ["dockerd", "-H", "tcp://127.0.0.1:2375"]\'\n  - title: "'
                                         b'docker-library/docker: dind/dockerd-entrypoint.sh (docker-init as PID 1, ipt'
                                         b'ables mode, cgroup v2 namespace)"\n    url: https://github.com/docker-lib'
                                         b'rary/docker/blob/master/29/dind/dockerd-entrypoint.sh\n    quote: "docker'
                                         b'd would create its containers in \\"/docker/<id>\\" next to \\"kubepods\\" -'
                                         b'- outside the pod\'s cgroup, and thus outside its limits and accounting"\n'
                                         b'help: |\n  ## What it does\n  Finds a `docker:*dind*` container whose Dock'
                                         b"er `entrypoint`, or Kubernetes `command`\n  (which replaces the image's E"
                                         b'NTRYPOINT), starts `dockerd` itself, directly or inside a\n  `sh -c` scri'
                                         b"pt, instead of going through the image's `dockerd-entrypoint.sh`.\n\n  ## "
                                         b'Why is this bad?\n  The entrypoint does work dockerd needs in a container'
                                         b': it runs `docker-init` (tini) as\n  PID 1 so container shims do not pile'
                                         b' up as zombies, picks nft or legacy iptables,\n  removes stale pid files,'
                                         b' and on cgroup v2 moves into its own cgroup namespace.\n  Without that la'
                                         b'st step, on Kubernetes the inner containers are created next to\n  `kubep'
                                         b"ods`, outside the pod's CPU and memory limits.\n\n  ## Example\n  ```hcl\n  "
                                         b'container {\n    name    = "docker-sidecar"\n    image   = "docker:dind"\n '
                                         b'   command = ["dockerd", "-H", "tcp://127.0.0.1:2375"]\n  }\n  ```\n\n  ## U'
                                         b'se instead\n  ```hcl\n  container {\n    name  = "docker-sidecar"\n    image'
                                         b' = "docker:dind"\n    args  = ["dockerd", "--host=tcp://127.0.0.1:2375"]\n'
                                         b'  }\n  ```\n  With the Docker provider, pass the list as `command` instead'
                                         b' of `entrypoint`. The first\n  element stays `dockerd`: when it starts wi'
                                         b'th `-`, the entrypoint adds its own default\n  hosts.\n',
 'TDL408-dind-sidecar-not-root.yaml': b'id: TDL408\nname: dind-sidecar-not-root\nseverity: error\nsummary: A dind conta'
                                      b'iner whose effective user is explicitly not root (dockerd cannot start).\nori'
                                      b'gin: SEED+PRIMARY\nfiles: [terraform, yaml]\nfix: safe\ntags: [terraform, kuber'
                                      b'netes, docker, dind, correctness]\nprecision: very-high\nsources:\n  - title: "'
                                      b'Coder docs, Docker in Workspaces: Use a privileged sidecar container in Kube'
                                      b'rnetes-based templates"\n    url: https://coder.com/docs/admin/templates/exte'
                                      b'nding-templates/docker-in-workspaces\n    quote: "run_as_user = 0"\n  - title:'
                                      b' "docker-library/docker: dind/dockerd-entrypoint.sh"\n    url: https://github'
                                      b'.com/docker-library/docker/blob/master/29/dind/dockerd-entrypoint.sh\n    quo'
                                      b'te: "error: attempting to run rootless dockerd but missing \'rootlesskit\' (pe'
                                      b'rhaps the \'docker:dind-rootless\' image variant is intended?)"\n  - title: "Te'
                                      b'rraform Kubernetes provider: pod security_context run_as_user (container lev'
                                      b'el overrides the pod level)"\n    url: https://registry.terraform.io/provider'
                                      b's/hashicorp/kubernetes/latest/docs/resources/pod_v1\nhelp: |\n  ## What it doe'
                                      b's\n  Finds a dind sidecar (a `docker:*dind*` image, or a command line that ru'
                                      b'ns dockerd, in\n  a container that does not run the Coder agent) whose effect'
                                      b'ive user is explicitly not\n  root: its own `security_context.run_as_user`\n  '
                                      b'is not 0, or it has none and the pod-level one is not 0 (`1000` and `"1000"`'
                                      b' alike),\n  or `run_as_non_root = true` applies; with the Docker provider, `u'
                                      b"ser` other than\n  root. When nothing sets a user, the image's default (root)"
                                      b' applies: no finding. The\n  `docker:dind-rootless` image is exempt.\n\n  ## Wh'
                                      b"y is this bad?\n  With a non-zero uid, docker:dind's entrypoint assumes rootl"
                                      b'ess mode and exits with\n  "attempting to run rootless dockerd but missing \'r'
                                      b'ootlesskit\'"; with the entrypoint\n  bypassed, dockerd itself cannot start. A'
                                      b" common way in is copying the Sysbox pod's\n  `security_context { run_as_user"
                                      b' = 1000 }` into a pod with a dind sidecar.\n\n  ## Example\n  ```hcl\n  spec'
                                      b' {\n    security_context {\n      run_as_user = 1000\n    }\n    container {'
                                      b'\n      name  = "docker-sidecar"\n      image = "docker:dind"\n      security_c'
                                      b'ontext {\n        privileged = true\n      }\n    }\n  }\n  ```\n\n  ## Use ins'
                                      b'tead\n  ```hcl\n  container {\n    name  = "docker-sidecar"\n    image = "do'
                                      b'cker:dind"\n    security_context {\n      privileged  = true\n      run_as_user'
                                      b' = 0\n    }\n  }\n  ```\n',
 'TDL409-dind-storage-on-overlay.yaml': b'id: TDL409\nname: dind-storage-on-overlay\nseverity: warning\nsummary: A Ku'
                                        b"bernetes dind sidecar (or envbox container) with no volume at dockerd's data"
                                        b'-root.\norigin: PRIMARY\nfiles: [terraform, yaml]\nfix: safe\ntags: [terrafo'
                                        b'rm, kubernetes, dind, envbox, performance]\nprecision: medium\nsources:\n  '
                                        b'- title: "docker-library/docker: dind/Dockerfile declares VOLUME /var/lib/do'
                                        b'cker"\n    url: https://github.com/docker-library/docker/blob/master/29/dind/'
                                        b'Dockerfile\n  - title: "coder/envbox cli/docker.go"\n    url: https://gith'
                                        b'ub.com/coder/envbox/blob/main/cli/docker.go\n    quote: "we must use the vfs '
                                        b'storage driver because overlay2 does not work on top of overlay."\nhelp: '
                                        b'|\n  ## What it does\n  For Kubernetes pods (Terraform resources and manif'
                                        b'ests): finds a dind sidecar without\n  a `volume_mount` at `/var/lib/docker` '
                                        b'(or at the `--data-root` its dockerd is given),\n  and an envbox container wi'
                                        b'thout mounts at both `/var/lib/coder/docker` and\n  `/var/lib/docker`. A moun'
                                        b't of a parent directory counts; a `dynamic "volume_mount"`\n  block gives no '
                                        b"finding. With the Docker provider the engine backs the image's\n  `VOLUME` wi"
                                        b'th an anonymous volume, and on the Sysbox runtime Sysbox backs the inner\n  `'
                                        b'/var/lib/docker` with a host directory, so this rule does not apply ther'
                                        b"e.\n\n  ## Why is this bad?\n  What backs the image's `VOLUME /var/lib/dock"
                                        b"er` is up to the container runtime.\n  containerd's default gives a per-conta"
                                        b"iner host directory (works, but outside the\n  pod's ephemeral-storage accoun"
                                        b"ting); CRI-O's default, and containerd with\n  `ignore_image_defined_volumes`"
                                        b", leave it on the container's overlay rootfs, where\n  overlay2 cannot run: d"
                                        b'ockerd falls back to vfs, builds get very slow and the pod is\n  evicted for '
                                        b'ephemeral storage. Everywhere, the image cache is lost on every restart.'
                                        b'\n\n  ## Example\n  ```hcl\n  container {\n    name  = "docker-sidecar"\n '
                                        b'   image = "docker:dind"\n  }\n  ```\n\n  ## Use instead\n  ```hcl\n  cont'
                                        b'ainer {\n    name  = "docker-sidecar"\n    image = "docker:dind"\n    volum'
                                        b'e_mount {\n      name       = "docker-data"\n      mount_path = "/var/lib/'
                                        b'docker"\n    }\n  }\n  volume {\n    name = "docker-data"\n    empty_dir '
                                        b'{}\n  }\n  ```\n  Or a per-workspace persistent volume claim to keep the im'
                                        b'age cache.\n',
 'TDL410-host-docker-socket-mount.yaml': b'id: TDL410\nname: host-docker-socket-mount\nseverity: warning\nsummary: A w'
                                         b"orkspace container mounts the host's Docker, containerd or CRI-O socket."
                                         b'\norigin: PRIMARY\nfiles: [terraform, yaml]\ntags: [terraform, kubernetes, '
                                         b'docker, security, external/cwe/cwe-250]\nprecision: very-high\nsecurity-se'
                                         b'verity: "8.8"\nsources:\n  - title: "Sysbox user guide: Docker-in-Docker"\n'
                                         b'    url: https://github.com/nestybox/sysbox/blob/master/docs/user-guide/dind'
                                         b'.md\n    quote: "without using privileged containers or bind-mounting the'
                                         b' host\'s Docker socket into the container"\n  - title: "Docker Engine secu'
                                         b'rity: Docker daemon attack surface"\n    url: https://docs.docker.com/eng'
                                         b'ine/security/#docker-daemon-attack-surface\nparameters:\n  # host paths th'
                                         b"at are a container runtime's API socket\n  sockets:\n    - /var/run/docker"
                                         b'.sock\n    - /run/docker.sock\n    - /run/containerd/containerd.sock\n    -'
                                         b' /var/run/containerd/containerd.sock\n    - /var/run/crio/crio.sock\n    -'
                                         b' /run/crio/crio.sock\nhelp: |\n  ## What it does\n  Finds a container of a '
                                         b"workspace that mounts the host's container-runtime socket:\n  Docker `vol"
                                         b'umes { host_path = "/var/run/docker.sock" }` or a `mounts` block of type'
                                         b'\n  `bind`, Kubernetes `host_path` volumes (`/var/run/docker.sock`,\n  `/r'
                                         b'un/containerd/containerd.sock`, `/var/run/crio/crio.sock`, and their `/run` '
                                         b'/\n  `/var/run` twins) mounted into a container. `provider "docker" { hos'
                                         b"t = ... }` is the\n  provisioner's connection, not a mount, and is not fl"
                                         b'agged. Like a privileged sidecar\n  (TDL401), a deliberate choice is reco'
                                         b'rded by suppressing this finding with a reason.\n\n  ## Why is this bad?\n '
                                         b' Whoever can use the socket starts privileged containers on the host: it is '
                                         b'root on\n  the node, for every user and process in the workspace, and on '
                                         b'Kubernetes it bypasses\n  the pod and namespace model. None of the seed p'
                                         b"age's four methods needs it; Sysbox\n  exists precisely to run Docker-in-"
                                         b'Docker "without using privileged containers or\n  bind-mounting the host\''
                                         b's Docker socket into the container".\n\n  ## Example\n  ```hcl\n  resource "'
                                         b'docker_container" "workspace" {\n    image = "codercom/enterprise-base:ub'
                                         b'untu"\n    volumes {\n      host_path      = "/var/run/docker.sock"\n      '
                                         b'container_path = "/var/run/docker.sock"\n    }\n  }\n  ```\n\n  ## Use in'
                                         b'stead\n  ```hcl\n  resource "docker_container" "workspace" {\n    image   ='
                                         b' "codercom/enterprise-base:ubuntu"\n    runtime = "sysbox-runc"\n  }\n  ```'
                                         b'\n  Or envbox, rootless Podman, or an acknowledged dind sidecar.\n',
 'TDL411-docker-socket-world-writable.yaml': b'id: TDL411\nname: docker-socket-world-writable\nseverity: warning\nsumm'
                                             b'ary: A script makes the Docker socket writable for everyone (chmod 666 /'
                                             b'var/run/docker.sock).\norigin: PRIMARY\nfiles: [terraform, yaml]\ntags:'
                                             b' [terraform, kubernetes, docker, security, external/cwe/cwe-732]\npre'
                                             b'cision: very-high\nsecurity-severity: "7.8"\nparameters:\n  sockets: [/'
                                             b'var/run/docker.sock, /run/docker.sock]\nsources:\n  - title: "Docker E'
                                             b'ngine security: Docker daemon attack surface"\n    url: https://docs.'
                                             b'docker.com/engine/security/#docker-daemon-attack-surface\n    quote: '
                                             b'"only trusted users should be allowed to control your Docker daemon"'
                                             b'\nhelp: |\n  ## What it does\n  Reads agent startup scripts (`coder_age'
                                             b'nt.startup_script`, `coder_script`) and\n  container command lines (w'
                                             b'ith their `sh -c` scripts and here-documents fed to a\n  shell) as a '
                                             b'shell tokenises them, and finds `chmod` giving others write access t'
                                             b"o a\n  Docker socket: octal modes with the others' write bit (`666`, "
                                             b'`0777`) and symbolic\n  modes such as `a+rw`, `o+w` or `ugo=rwx`, on '
                                             b'`/var/run/docker.sock` or\n  `/run/docker.sock`. Another path, even a'
                                             b' near miss such as `socker.sock`, is not a\n  finding. The finding po'
                                             b"ints at the script's own line.\n\n  ## Why is this bad?\n  Access to th"
                                             b"e Docker socket is root on the daemon's host. A world-writable socke"
                                             b't\n  hands that to every user and process in the workspace, including'
                                             b' anything a\n  dependency or an extension runs.\n\n  ## Example\n  ```hc'
                                             b'l\n  resource "coder_agent" "main" {\n    startup_script = <<-EOT\n    '
                                             b'  sudo dockerd &\n      sudo chmod 666 /var/run/docker.sock\n    EOT\n '
                                             b' }\n  ```\n\n  ## Use instead\n  ```hcl\n  resource "coder_agent" "ma'
                                             b'in" {\n    startup_script = <<-EOT\n      sudo dockerd --group docker '
                                             b'&\n    EOT\n  }\n  ```\n  with the workspace user in the `docker` group,'
                                             b' or run Docker rootless.\n',
 'TDL412-privileged-workspace-container.yaml': b'id: TDL412\nname: privileged-workspace-container\nseverity: error\n'
                                               b'summary: The container that runs the Coder agent is privileged, so w'
                                               b'orkspace users can become root on the host.\norigin: SEED+PRIMARY\nfil'
                                               b'es: [terraform, yaml]\ntags: [terraform, kubernetes, docker, security'
                                               b', external/cwe/cwe-250]\nprecision: high\nsecurity-severity: "9.0"'
                                               b'\nsources:\n  - title: "Coder docs, Docker in Workspaces: method table'
                                               b'"\n    url: https://coder.com/docs/admin/templates/extending-template'
                                               b's/docker-in-workspaces\n    quote: "Requires a privileged container. '
                                               b'Workspaces can break out to root on the host machine."\n  - title: "S'
                                               b'ysbox user guide: Docker-in-Docker without privileged containers"\n  '
                                               b'  url: https://github.com/nestybox/sysbox/blob/master/docs/user-guid'
                                               b'e/dind.md\nparameters:\n  exempt_envbox: true\n  # what counts as a'
                                               b'n envbox container (besides a command starting with /envbox): image '
                                               b'patterns\n  envbox_images: ["*/coder/envbox*", "coder/envbox*"]\n  # r'
                                               b'untime / RuntimeClass names that count as Sysbox: privilege there is'
                                               b" TDL103's finding\n  runtimes: [sysbox-runc]\nhelp: |\n  ## What it"
                                               b' does\n  Finds the container that runs the Coder agent (its command, '
                                               b'entrypoint, args or an\n  env value renders `coder_agent.<name>.init_'
                                               b'script`, or it is the only container of\n  the template) when it is p'
                                               b'rivileged, values resolved through variables\n  (`privileged = var.do'
                                               b'cker_in_docker` with default `true` counts). The envbox outer\n  cont'
                                               b'ainer is exempt: envbox locks the inner workspace container down.\n\n '
                                               b" ## Why is this bad?\n  Here the workspace user's own processes run p"
                                               b"rivileged, not an isolated daemon: any\n  of them can mount the host'"
                                               b's disks or load kernel modules. None of the four methods\n  of the se'
                                               b'ed page needs it: Sysbox runs Docker in an unprivileged container, a'
                                               b'nd the\n  sidecar method keeps the privilege in the daemon container.'
                                               b'\n\n  ## Example\n  ```hcl\n  resource "docker_container" "workspace'
                                               b'" {\n    image      = "codercom/enterprise-base:ubuntu"\n    command  '
                                               b'  = ["sh", "-c", coder_agent.main.init_script]\n    privileged = true'
                                               b'\n  }\n  ```\n\n  ## Use instead\n  ```hcl\n  resource "docker_contain'
                                               b'er" "workspace" {\n    image   = "codercom/enterprise-base:ubuntu"\n  '
                                               b'  command = ["sh", "-c", coder_agent.main.init_script]\n    runtime ='
                                               b' "sysbox-runc"\n  }\n  ```\n',
 'TDL413-remote-docker-plaintext.yaml': b'id: TDL413\nname: remote-docker-plaintext\nseverity: error\nsummary: DOCKER'
                                        b'_HOST sends the Docker API in plain TCP to a daemon outside the template.\nor'
                                        b'igin: SEED+PRIMARY\nfiles: [terraform, yaml]\ntags: [terraform, kubernetes'
                                        b', docker, security, external/cwe/cwe-319]\nprecision: high\nsecurity-sever'
                                        b'ity: "8.8"\nsources:\n  - title: "Coder docs, Docker in Workspaces: method'
                                        b' table (per-workspace Docker)"\n    url: https://coder.com/docs/admin/templat'
                                        b'es/extending-templates/docker-in-workspaces\n    quote: "Workspaces can break'
                                        b' out to root on the host machine."\n  - title: "Docker Engine deprecated feat'
                                        b'ures: Unauthenticated TCP connections"\n    url: https://docs.docker.com/engi'
                                        b'ne/deprecated/#unauthenticated-tcp-connections\n  - title: "Docker docs: Prot'
                                        b'ect the Docker daemon socket"\n    url: https://docs.docker.com/engine/securi'
                                        b"ty/protect-access/\nhelp: |\n  ## What it does\n  Finds a workspace's `DOCK"
                                        b'ER_HOST` (container env, `coder_agent` `env`, or an `export`\n  in its startu'
                                        b'p script) that points at `tcp://<host>:<port>` (or a scheme-less\n  `host:por'
                                        b't`) where the host is not loopback and no container of the template runs a\n '
                                        b' Docker daemon, while no `DOCKER_TLS_VERIFY` is set: a shared remote daemon '
                                        b'over plain\n  TCP. `provider "docker" { host = ... }` is the provisioner\''
                                        b"s daemon and is not\n  flagged; a template with its own dind is TDL404's busi"
                                        b'ness.\n\n  ## Why is this bad?\n  An unauthenticated daemon is root on its '
                                        b'host for everyone who can reach it, and every\n  workspace of the template ge'
                                        b"ts the same one: one user's workspace can read another's\n  containers and vo"
                                        b'lumes, or take over the host.\n\n  ## Example\n  ```hcl\n  resource "coder_a'
                                        b'gent" "main" {\n    env = {\n      DOCKER_HOST = "tcp://build-host.interna'
                                        b'l:2375"\n    }\n  }\n  ```\n\n  ## Use instead\n  ```hcl\n  resource "coder'
                                        b'_agent" "main" {\n    env = {\n      DOCKER_HOST       = "tcp://build-host'
                                        b'.internal:2376"\n      DOCKER_TLS_VERIFY = "1"\n      DOCKER_CERT_PATH  = '
                                        b'"/home/coder/.docker/build-host"\n    }\n  }\n  ```\n  Or give each workspac'
                                        b'e its own Docker (Sysbox, envbox, rootless Podman).\n',
 'TDL414-workspace-sys-admin-capability.yaml': b'id: TDL414\nname: workspace-sys-admin-capability\nseverity: warnin'
                                               b'g\nsummary: The container that runs the Coder agent adds CAP_SYS_ADMI'
                                               b'N (or ALL) without Sysbox.\norigin: PRIMARY\nfiles: [terraform, ya'
                                               b'ml]\ntags: [terraform, kubernetes, docker, security, external/cwe/cwe'
                                               b'-250]\nprecision: high\nsecurity-severity: "7.5"\nsources:\n  - titl'
                                               b'e: "Linux capabilities(7): CAP_SYS_ADMIN"\n    url: https://man7.org/'
                                               b'linux/man-pages/man7/capabilities.7.html\n  - title: "Sysbox user gui'
                                               b'de: Docker-in-Docker without privileged containers"\n    url: https:/'
                                               b'/github.com/nestybox/sysbox/blob/master/docs/user-guide/dind.md\npara'
                                               b'meters:\n  capabilities: [SYS_ADMIN, ALL]\n  # RuntimeClass / Docker r'
                                               b'untime names that count as Sysbox: capabilities there are user-names'
                                               b'paced\n  runtimes: [sysbox-runc]\nhelp: |\n  ## What it does\n  Find'
                                               b's the container that runs the Coder agent when it adds `SYS_ADMIN` ('
                                               b'or\n  `CAP_SYS_ADMIN`, or `ALL`) to its capabilities (Docker `capabil'
                                               b'ities { add = [...] }`,\n  Kubernetes `security_context.capabilities.'
                                               b'add`) without being privileged (a\n  privileged agent container is TD'
                                               b"L412's). Workloads on the Sysbox runtime are exempt:\n  there the cap"
                                               b"ability only reaches the container's own user namespace.\n\n  ## Why i"
                                               b's this bad?\n  CAP_SYS_ADMIN is close to privileged: mounts, namespac'
                                               b'es, many kernel interfaces. Any\n  process of the workspace user that'
                                               b' gains it can reach the host. Docker inside a\n  workspace does not n'
                                               b'eed it: Sysbox runs Docker in an unprivileged container.\n\n  ## Examp'
                                               b'le\n  ```hcl\n  resource "docker_container" "workspace" {\n    comm'
                                               b'and = ["sh", "-c", coder_agent.main.init_script]\n    capabilities {\n'
                                               b'      add = ["SYS_ADMIN"]\n    }\n  }\n  ```\n\n  ## Use instead\n  ``'
                                               b'`hcl\n  resource "docker_container" "workspace" {\n    command = ["sh"'
                                               b', "-c", coder_agent.main.init_script]\n    runtime = "sysbox-runc"\n  '
                                               b'}\n  ```\n',
 'TDL501-systemd-requires-root.yaml': b'id: TDL501\nname: systemd-requires-root\nseverity: error\nsummary: A Sysbox con'
                                      b'tainer starts systemd as PID 1 while running as a non-root user.\norigin: SEE'
                                      b'D\nfiles: [terraform, yaml]\nfix: safe\ntags: [terraform, kubernetes, docker, s'
                                      b'ysbox, systemd, correctness]\nprecision: high\nsources:\n  - title: "Coder docs'
                                      b', Docker in Workspaces: Systemd in Docker"\n    url: https://coder.com/docs/a'
                                      b'dmin/templates/extending-templates/docker-in-workspaces\n    quote: "# Run as'
                                      b' root in order to start systemd (required)"\n  - title: "Sysbox user guide, s'
                                      b'ecurity: root in a system container is unprivileged on the host"\n    url: ht'
                                      b'tps://github.com/nestybox/sysbox/blob/master/docs/user-guide/security.md\npar'
                                      b'ameters:\n  # runtime / RuntimeClass names that count as Sysbox (the same lis'
                                      b"t as TDL101's)\n  runtimes: [sysbox-runc]\nhelp: |\n  ## What it does\n  Fin"
                                      b'ds containers on a Sysbox runtime whose command execs systemd (`/sbin/init`,'
                                      b'\n  `/lib/systemd/systemd`) as PID 1 while the effective `run_as_user` (conta'
                                      b'iner\n  level, else pod level; Docker `user`) is not root, or `run_as_non_roo'
                                      b't` is true.\n  A user the template does not set (the image decides) or cannot'
                                      b' know gives no\n  finding.\n\n  ## Why is this bad?\n  systemd as PID 1 must'
                                      b' run as root; as another user it exits at once, the\n  container stops, and t'
                                      b"he agent it was meant to start never runs. The Coder docs'\n  systemd example"
                                      b' sets `run_as_user = 0` and marks it required. Under Sysbox that is\n  not ho'
                                      b'st root: root in the container maps to an unprivileged user on the host.\n\n  '
                                      b'## Example\n  ```hcl\n  spec {\n    runtime_class_name = "sysbox-runc"\n    '
                                      b'security_context {\n      run_as_user = 1000\n    }\n    container {\n      '
                                      b'name    = "dev"\n      image   = "codercom/enterprise-base:ubuntu"\n      comm'
                                      b'and = ["sh", "-c", "exec /sbin/init"]\n    }\n  }\n  ```\n\n  ## Use instead\n'
                                      b'  ```hcl\n  spec {\n    runtime_class_name = "sysbox-runc"\n    security_contex'
                                      b't {\n      run_as_user = 0\n      fs_group    = 0\n    }\n    container {\n  '
                                      b'    name    = "dev"\n      image   = "codercom/enterprise-base:ubuntu"\n      '
                                      b'command = ["sh", "-c", "exec /sbin/init"]\n    }\n  }\n  ```\n',
 'TDL502-systemd-agent-env-not-preserved.yaml': b'id: TDL502\nname: systemd-agent-env-not-preserved\nseverity: error'
                                                b"\nsummary: The agent's init script is started through sudo or a login"
                                                b' shell that drops CODER_AGENT_TOKEN.\norigin: SEED\nfiles: [terraf'
                                                b'orm]\nfix: safe\ntags: [terraform, kubernetes, docker, systemd, co'
                                                b'der, correctness]\nprecision: high\nsources:\n  - title: "Coder doc'
                                                b's, Docker in Workspaces: Systemd in Docker"\n    url: https://coder.c'
                                                b'om/docs/admin/templates/extending-templates/docker-in-workspaces\n   '
                                                b' quote: "sudo -u coder --preserve-env=CODER_AGENT_TOKEN /bin/bash --'
                                                b' <<-\'    EOT\' &"\n  - title: "sudoers manual: env_reset"\n    url:'
                                                b' https://www.sudo.ws/docs/man/sudoers.man/\nhelp: |\n  ## What it '
                                                b"does\n  Reads a container's command line as a shell would and finds t"
                                                b'he command that runs\n  `${coder_agent.<name>.init_script}` (in one o'
                                                b'f its words, or in the body of its\n  here-document). When that comma'
                                                b'nd goes through `sudo` without\n  `--preserve-env=CODER_AGENT_TOKEN`,'
                                                b' `-E` or `--preserve-env`, through a login\n  shell (`su -`, `su -l`,'
                                                b' `su --login`, `runuser -l`), or `env -i`, and the token is\n  not pa'
                                                b'ssed again (`sudo -u coder CODER_AGENT_TOKEN=... cmd`, an assignment'
                                                b' in the\n  script it runs), the finding points at the `sudo` / `su` w'
                                                b'ords. Plain `su coder`\n  and `runuser -u coder` keep the environment'
                                                b'; agents with a non-token `auth` need\n  no token.\n\n  ## Why is t'
                                                b'his bad?\n  The agent authenticates with `CODER_AGENT_TOKEN` from its'
                                                b' environment. sudo\n  resets the environment by default (`env_reset`)'
                                                b' and login shells start from a\n  clean one, so the agent starts with'
                                                b"out the token and the workspace never\n  connects. The Coder docs' sy"
                                                b'stemd example passes `--preserve-env` for this reason.\n\n  ## Exa'
                                                b'mple\n  ```hcl\n  command = ["sh", "-c", <<EOF\n    sudo -u coder /'
                                                b"bin/bash -- <<-'    EOT' &\n    ${coder_agent.main.init_script}\n "
                                                b'   EOT\n    exec /sbin/init\n    EOF\n  ]\n  ```\n\n  ## Use inste'
                                                b'ad\n  ```hcl\n  command = ["sh", "-c", <<EOF\n    sudo -u coder --p'
                                                b"reserve-env=CODER_AGENT_TOKEN /bin/bash -- <<-'    EOT' &\n    ${code"
                                                b'r_agent.main.init_script}\n    EOT\n    exec /sbin/init\n    EOF\n  '
                                                b']\n  ```\n',
 'TDL503-systemd-heredoc-terminator-mismatch.yaml': b'id: TDL503\nname: systemd-heredoc-terminator-mismatch\nseverit'
                                                    b'y: error\nsummary: A shell here-document in a rendered script tha'
                                                    b't no line closes, so the rest of the script never runs.\norigin: '
                                                    b'SEED\nfiles: [terraform, yaml]\nfix: safe\ntags: [terraform, ku'
                                                    b'bernetes, docker, systemd, shell, correctness]\nprecision: hi'
                                                    b'gh\nsources:\n  - title: "Coder docs, Docker in Workspaces: Sy'
                                                    b"stemd in Docker (a Terraform <<EOF heredoc around a shell <<-'  "
                                                    b'  EOT\')"\n    url: https://coder.com/docs/admin/templates/ext'
                                                    b'ending-templates/docker-in-workspaces\n    quote: "sudo -u coder '
                                                    b"--preserve-env=CODER_AGENT_TOKEN /bin/bash -- <<-'    EOT' &"
                                                    b'"\n  - title: "POSIX shell, here-documents: with <<- leading tab '
                                                    b'characters are stripped"\n    url: https://pubs.opengroup.org/onl'
                                                    b'inepubs/9799919799/utilities/V3_chap02.html#tag_19_07_04\nhelp: |'
                                                    b'\n  ## What it does\n  Reads the scripts a shell runs (the str'
                                                    b"ing after `sh -c` in a container's\n  command line, agent startup"
                                                    b' scripts, `coder_script` scripts) as Terraform renders\n  them: `'
                                                    b'<<EOF` keeps the indentation, `<<-EOF` strips the common indenta'
                                                    b'tion. It\n  then reads them as a shell does and finds here-docume'
                                                    b"nts (`<<EOT`, `<<'EOT'`,\n  `<<-'    EOT'`) that no line closes: "
                                                    b'the terminator must equal the delimiter after\n  quote removal, a'
                                                    b'nd `<<-` strips leading tabs only, not spaces. The finding point'
                                                    b's\n  at the here-document operator and names the line that was me'
                                                    b'ant to close it.\n  Interpolations that might render the terminat'
                                                    b'or themselves give no finding.\n\n  ## Why is this bad?\n  An u'
                                                    b'nclosed here-document swallows the rest of the script as its bod'
                                                    b"y. In the\n  Coder docs' systemd example that is `exec /sbin/init"
                                                    b'`: systemd never starts and\n  the agent loop waits for it foreve'
                                                    b"r. The example quotes its delimiter as\n  `'    EOT'` because Ter"
                                                    b"raform's `<<EOF` keeps four spaces of indentation;\n  rewriting i"
                                                    b't as `<<-EOF` (or re-indenting it) renders the terminator as `EO'
                                                    b'T`.\n\n  ## Example\n  ```hcl\n  command = ["sh", "-c", <<-EOF\n '
                                                    b'   sudo -u coder --preserve-env=CODER_AGENT_TOKEN /bin/bash -- <'
                                                    b"<-'    EOT' &\n    ${coder_agent.main.init_script}\n    EOT\n  "
                                                    b'  exec /sbin/init\n  EOF\n  ]\n  ```\n\n  ## Use instead\n  ``'
                                                    b'`hcl\n  command = ["sh", "-c", <<-EOF\n    sudo -u coder --pre'
                                                    b"serve-env=CODER_AGENT_TOKEN /bin/bash -- <<-'EOT' &\n    ${coder_"
                                                    b'agent.main.init_script}\n    EOT\n    exec /sbin/init\n  EOF\n  '
                                                    b']\n  ```\n',
 'TDL504-sysbox-share-process-namespace.yaml': b'id: TDL504\nname: sysbox-share-process-namespace\nseverity: warnin'
                                               b'g\nsummary: A Sysbox pod shares one PID namespace between its contain'
                                               b'ers (an error when systemd runs in it).\norigin: PRIMARY\nfiles: [terr'
                                               b'aform, yaml]\nfix: safe\ntags: [terraform, kubernetes, sysbox, systemd'
                                               b', correctness]\nprecision: high\nsources:\n  - title: "Sysbox user '
                                               b'guide, Kubernetes deploy"\n    url: https://github.com/nestybox/sysbo'
                                               b'x/blob/master/docs/user-guide/deploy.md\n    quote: "avoid setting sh'
                                               b"areProcessNamespace: true in the pod's spec, especially if the pod c"
                                               b"arries systemd inside (as otherwise systemd won't be pid 1 in the po"
                                               b'd and will fail)"\nparameters:\n  # RuntimeClass names that count as S'
                                               b"ysbox (the same list as TDL101's)\n  runtimes: [sysbox-runc]\nhelp"
                                               b': |\n  ## What it does\n  Finds pods with a Sysbox RuntimeClass and `s'
                                               b'hare_process_namespace = true`\n  (`shareProcessNamespace: true`). It'
                                               b' is an error when a container of the pod starts\n  systemd as its ini'
                                               b't, a warning otherwise.\n\n  ## Why is this bad?\n  With a shared P'
                                               b"ID namespace the pause container is PID 1, not the container's\n  ini"
                                               b't: systemd refuses to run when it is not PID 1, so a systemd workspa'
                                               b'ce never\n  boots. The Sysbox docs advise against sharing the PID nam'
                                               b'espace in Sysbox pods in\n  general.\n\n  ## Example\n  ```hcl\n  spe'
                                               b'c {\n    runtime_class_name      = "sysbox-runc"\n    share_process_na'
                                               b'mespace = true\n  }\n  ```\n\n  ## Use instead\n  ```hcl\n  spec {'
                                               b'\n    runtime_class_name = "sysbox-runc"\n  }\n  ```\n',
 'TDL505-sysbox-runtimeclass-definition.yaml': b'id: TDL505\nname: sysbox-runtimeclass-definition\nseverity: warnin'
                                               b'g\nsummary: A Sysbox RuntimeClass with the wrong handler or node sele'
                                               b'ctor, a pod contradicting its RuntimeClass, or an unlabelled install'
                                               b'er.\norigin: PRIMARY\nfiles: [terraform, yaml]\nfix: safe\ntags: [te'
                                               b'rraform, kubernetes, sysbox, correctness]\nprecision: high\nsource'
                                               b's:\n  - title: "Sysbox Kubernetes manifests: sysbox-install.yaml (Run'
                                               b'timeClass sysbox-runc, installer DaemonSet)"\n    url: https://github'
                                               b'.com/nestybox/sysbox/blob/master/sysbox-k8s-manifests/sysbox-install'
                                               b'.yaml\n    quote: "handler: sysbox-runc / scheduling: nodeSelector: s'
                                               b'ysbox-runtime: running"\n  - title: "Sysbox user guide, installation '
                                               b'on Kubernetes"\n    url: https://github.com/nestybox/sysbox/blob/mast'
                                               b'er/docs/user-guide/install-k8s.md\n    quote: "kubectl label nodes <n'
                                               b'ode-name> sysbox-install=yes"\n  - title: "Kubernetes RuntimeClass sc'
                                               b'heduling"\n    url: https://kubernetes.io/docs/concepts/containers/ru'
                                               b'ntime-class/\nparameters:\n  # RuntimeClass names that count as Sysbox'
                                               b" (the same list as TDL101's)\n  runtimes: [sysbox-runc]\n  # handlers "
                                               b'a Sysbox RuntimeClass may use\n  handlers: [sysbox-runc]\n  # labels t'
                                               b'he Sysbox installer puts on nodes where Sysbox runs; a Sysbox Runtim'
                                               b'eClass must select them\n  node_selector: {sysbox-runtime: running}\n '
                                               b' # the label the installer DaemonSet waits for\n  install_label: {sys'
                                               b'box-install: "yes"}\nhelp: |\n  ## What it does\n  Reads RuntimeCla'
                                               b'ss definitions across every file of the run (YAML\n  `kind: RuntimeCl'
                                               b'ass`, `kubernetes_runtime_class_v1`, `kubernetes_manifest`) and\n  fi'
                                               b'nds: (a) a Sysbox RuntimeClass whose `handler` is not `sysbox-runc` '
                                               b'or whose\n  `scheduling.nodeSelector` does not select `sysbox-runtime'
                                               b': running` (the finding\n  names the pods in scope that use it); (b) '
                                               b'a pod whose own `nodeSelector`\n  contradicts the selector of the Run'
                                               b'timeClass it names; (c, a note) the Sysbox\n  installer DaemonSet, wh'
                                               b'ich runs only on nodes labelled `sysbox-install=yes`, when\n  nothing'
                                               b" in scope applies that label (a node group's labels, a Karpenter Nod"
                                               b'ePool,\n  `kubernetes_labels`, `kubectl label` in a script).\n\n  #'
                                               b'# Why is this bad?\n  A RuntimeClass named `sysbox-runc` with another'
                                               b' handler silently runs pods under\n  another runtime; without the nod'
                                               b'e selector its pods land on nodes without Sysbox\n  and fail to start'
                                               b'. Kubernetes rejects a pod whose node selector conflicts with its\n  '
                                               b"RuntimeClass's. And the installer DaemonSet does nothing until nodes"
                                               b' carry its\n  label; managed node groups need the label in their defi'
                                               b'nition.\n\n  ## Example\n  ```yaml\n  apiVersion: node.k8s.io/v1\n  k'
                                               b'ind: RuntimeClass\n  metadata:\n    name: sysbox-runc\n  handler: r'
                                               b'unc\n  ```\n\n  ## Use instead\n  ```yaml\n  apiVersion: node.k8s.io/'
                                               b'v1\n  kind: RuntimeClass\n  metadata:\n    name: sysbox-runc\n  hand'
                                               b'ler: sysbox-runc\n  scheduling:\n    nodeSelector:\n      sysbox-ru'
                                               b'ntime: running\n  ```\n',
 'TDL506-userns-host-namespace-conflict.yaml': b'id: TDL506\nname: userns-host-namespace-conflict\nseverity: error\n'
                                               b'summary: A pod with hostUsers false that shares a host namespace, wh'
                                               b'ich Kubernetes rejects.\norigin: PRIMARY\nfiles: [terraform, yaml]'
                                               b'\ntags: [terraform, kubernetes, correctness]\nprecision: high\nsour'
                                               b'ces:\n  - title: "Kubernetes docs: user namespaces"\n    url: https://'
                                               b'kubernetes.io/docs/concepts/workloads/pods/user-namespaces/\n  - titl'
                                               b'e: "KEP-5607: allow hostNetwork pods to use user namespaces (alpha i'
                                               b'n 1.35)"\n    url: https://github.com/kubernetes/enhancements/issues/'
                                               b'5607\n    quote: "Currently, a validation rule in the kube-apiserver '
                                               b'prevents the combination of hostNetwork: true and hostUsers: false"\n'
                                               b'parameters:\n  # RuntimeClass names that count as Sysbox: TDL104 repo'
                                               b'rts host namespaces of Sysbox pods\n  runtimes: [sysbox-runc]\n  # the'
                                               b' target cluster\'s Kubernetes version ("1.35"); unknown by default\n  '
                                               b'k8s_version: null\n  # feature gates enabled on the target cluster (U'
                                               b'serNamespacesHostNetworkSupport allows hostNetwork, 1.35+)\n  feature'
                                               b'_gates: []\nhelp: |\n  ## What it does\n  Finds pod specs (YAML, `k'
                                               b'ubernetes_manifest`) with `hostUsers: false` and\n  `hostPID: true` o'
                                               b'r `hostIPC: true`, or `hostNetwork: true`. hostNetwork is a note\n  i'
                                               b'nstead of an error when the `k8s_version` parameter is 1.35 or later'
                                               b' and\n  `feature_gates` lists `UserNamespacesHostNetworkSupport`. Sys'
                                               b'box pods are left\n  to TDL104.\n\n  ## Why is this bad?\n  A pod in'
                                               b" its own user namespace cannot share the host's PID, IPC or network\n"
                                               b'  namespace: the API server rejects it, and the workload never start'
                                               b's. Kubernetes\n  1.35 relaxes this for hostNetwork only, behind an al'
                                               b'pha feature gate.\n\n  ## Example\n  ```yaml\n  spec:\n    hostUsers:'
                                               b' false\n    hostNetwork: true\n  ```\n\n  ## Use instead\n  ```yaml\n '
                                               b' spec:\n    hostUsers: false\n  ```\n',
 'TDL601-devcontainer-without-docker.yaml': b'id: TDL601\nname: devcontainer-without-docker\nseverity: error\nsummary'
                                            b": Dev Containers are used, but the agent's workspace has no Docker daemo"
                                            b'n by any method the tool knows.\norigin: PRIMARY\nfiles: [terraform, y'
                                            b'aml]\ntags: [terraform, kubernetes, coder, devcontainers, correctness'
                                            b']\nprecision: high\nsources:\n  - title: "coder/coder docs: Dev Contain'
                                            b'ers integration, prerequisites"\n    url: https://coder.com/docs/user-gui'
                                            b'des/devcontainers\n    quote: "Docker available inside your workspace (vi'
                                            b'a Docker-in-Docker or a mounted socket)"\n  - title: "coder/coder docs: T'
                                            b'roubleshooting dev containers"\n    url: https://coder.com/docs/user-guid'
                                            b'es/devcontainers/troubleshooting-dev-containers\n    quote: "Verify that '
                                            b'Docker is running in your workspace"\nhelp: |\n  ## What it does\n  Fin'
                                            b"ds templates that use Coder's Dev Containers integration (a `coder_devco"
                                            b"ntainer`\n  resource, the registry's `devcontainers-cli` module, or\n "
                                            b' `CODER_AGENT_DEVCONTAINERS_DISCOVERY_AUTOSTART_ENABLE=true` in the agen'
                                            b"t's\n  environment) while the container that runs that agent reaches no D"
                                            b'ocker daemon:\n  no Sysbox runtime with dockerd started, not envbox, not '
                                            b'a privileged container\n  that starts dockerd, no dind sidecar or remote '
                                            b'daemon that `DOCKER_HOST` reaches,\n  no Docker socket mounted, no rootle'
                                            b'ss Podman. The finding points at the\n  `agent_id` (or the env entry) tha'
                                            b't asks for the dev container.\n\n  It stays silent when the tool canno'
                                            b't know: an agent that runs on a VM or host\n  the template does not descr'
                                            b'ibe, a `DOCKER_HOST` or env list it cannot read, a\n  `startup_script` / '
                                            b'`coder_script` it cannot read (`file(...)`), a module whose\n  source nam'
                                            b'es Docker, or an image it cannot see. Any script that runs `dockerd`,\n  '
                                            b'`service docker start` or `systemctl start docker` counts as a daemo'
                                            b'n.\n\n  ## Why is this bad?\n  The integration runs `@devcontainers/cli'
                                            b'` against a Docker daemon inside the\n  workspace. Without one, the works'
                                            b'pace starts, the agent connects, and the dev\n  container never appears: '
                                            b"the first thing Coder's troubleshooting page asks is\n  whether Docker ru"
                                            b'ns in the workspace.\n\n  ## Example\n  ```hcl\n  resource "coder_devcon'
                                            b'tainer" "repo" {\n    agent_id         = coder_agent.main.id\n    work'
                                            b'space_folder = "/home/coder/project"\n  }\n\n  resource "docker_contain'
                                            b'er" "workspace" {\n    image   = "codercom/enterprise-base:ubuntu"\n  '
                                            b'  command = ["sh", "-c", coder_agent.main.init_script]\n  }\n  ```\n\n  '
                                            b'## Use instead\n  ```hcl\n  resource "coder_agent" "main" {\n    os    '
                                            b'         = "linux"\n    arch           = "amd64"\n    startup_script ='
                                            b' "sudo dockerd > /tmp/dockerd.log 2>&1 &"\n  }\n\n  resource "docker_co'
                                            b'ntainer" "workspace" {\n    image   = "codercom/enterprise-base:ubunt'
                                            b'u"\n    runtime = "sysbox-runc"\n    command = ["sh", "-c", coder_agen'
                                            b't.main.init_script]\n  }\n  ```\n  Any Docker method of groups 1xx-4xx '
                                            b'works: envbox, a dind sidecar, rootless Podman.\n',
 'TDL602-devcontainer-unsupported-os.yaml': b'id: TDL602\nname: devcontainer-unsupported-os\nseverity: error\nsummary'
                                            b': Dev Containers are used on a Windows agent (error) or a macOS agent (w'
                                            b'arning).\norigin: PRIMARY\nfiles: [terraform]\ntags: [terraform, coder,'
                                            b' devcontainers, correctness]\nprecision: high\nsources:\n  - title: "co'
                                            b'der/coder docs: Dev Containers integration"\n    url: https://coder.com/d'
                                            b'ocs/admin/integrations/devcontainers/integration\n    quote: "Dev Contain'
                                            b'ers are currently not supported in Windows or macOS workspaces"\nhelp'
                                            b': |\n  ## What it does\n  Finds a `coder_agent` whose `os` is `"window'
                                            b's"` or `"darwin"` while a\n  `coder_devcontainer`, the `devcontainers-cli'
                                            b'` module or discovery autostart names\n  it. Windows is an error; macOS i'
                                            b's a warning, because some Coder releases\n  documented macOS workspaces a'
                                            b's supported. An `os` from a parameter is unknown\n  and gives no finding.'
                                            b"\n\n  ## Why is this bad?\n  The agent's Dev Containers integration run"
                                            b's Linux containers through a Docker\n  daemon in the workspace; Coder doe'
                                            b's not support it on Windows workspaces (nor,\n  in current releases, on m'
                                            b'acOS). The dev container is never started.\n\n  ## Example\n  ```hcl\n  '
                                            b'resource "coder_agent" "main" {\n    os   = "windows"\n    arch = "amd'
                                            b'64"\n  }\n\n  resource "coder_devcontainer" "repo" {\n    agent_id      '
                                            b'   = coder_agent.main.id\n    workspace_folder = "C:/src/project"\n  }'
                                            b'\n  ```\n\n  ## Use instead\n  ```hcl\n  resource "coder_agent" "main'
                                            b'" {\n    os   = "linux"\n    arch = "amd64"\n  }\n  ```\n',
 'TDL603-devcontainer-integration-disabled.yaml': b'id: TDL603\nname: devcontainer-integration-disabled\nseverity: err'
                                                  b'or\nsummary: CODER_AGENT_DEVCONTAINERS_ENABLE is false on an agen'
                                                  b't the template asks to start a dev container on.\norigin: PRIMARY'
                                                  b'\nfiles: [terraform, yaml]\nfix: unsafe\ntags: [terraform, kubernet'
                                                  b'es, coder, devcontainers, correctness]\nprecision: high\nsources:\n'
                                                  b'  - title: "coder/coder docs: Dev Containers integration, enviro'
                                                  b'nment variables"\n    url: https://coder.com/docs/admin/integrati'
                                                  b'ons/devcontainers/integration\n    quote: "CODER_AGENT_DEVCONTAIN'
                                                  b'ERS_ENABLE: enable or disable the Dev Containers integration (de'
                                                  b'fault true since v2.24.0)"\nhelp: |\n  ## What it does\n  Finds `CO'
                                                  b'DER_AGENT_DEVCONTAINERS_ENABLE` set to a false value (`false`, `'
                                                  b'0`...)\n  in the environment of the agent that a `coder_devcontai'
                                                  b'ner` names, or of a\n  container that also sets discovery autosta'
                                                  b'rt: in a Docker `env` list, a\n  Kubernetes `env`, or the `coder_'
                                                  b"agent`'s `env` map. A value from a variable or\n  a conditional i"
                                                  b's unknown and gives no finding; the `devcontainers-cli` module\n '
                                                  b' alone (installing the CLI) does not ask for a dev container.\n\n '
                                                  b" ## Why is this bad?\n  The variable turns the agent's Dev Contai"
                                                  b'ners integration off. The template\n  asks for a dev container th'
                                                  b'e agent will never start, and nothing says why.\n\n  ## Example\n  '
                                                  b'```hcl\n  resource "docker_container" "workspace" {\n    env = [\n '
                                                  b'     "CODER_AGENT_TOKEN=${coder_agent.main.token}",\n      "CODER'
                                                  b'_AGENT_DEVCONTAINERS_ENABLE=false",\n    ]\n  }\n  ```\n\n  ## Us'
                                                  b'e instead\n  Remove the variable (the integration is on by defaul'
                                                  b't), set it to `true`, or\n  remove the `coder_devcontainer` resou'
                                                  b'rce.\n',
 'TDL604-devcontainer-provider-too-old.yaml': b'id: TDL604\nname: devcontainer-provider-too-old\nseverity: error\nsumma'
                                              b'ry: The coder provider constraint admits versions without coder_devc'
                                              b'ontainer (< 2.3.0) or its subagent_id (< 2.14.0).\norigin: PRIMARY\nfi'
                                              b'les: [terraform]\ntags: [terraform, coder, devcontainers, versions]\np'
                                              b'recision: high\nsources:\n  - title: "coder/terraform-provider-coder: '
                                              b'coder_devcontainer added (#368, first tag v2.3.0)"\n    url: https://'
                                              b'github.com/coder/terraform-provider-coder/pull/368\n  - title: "coder'
                                              b'/terraform-provider-coder: subagent_id added (#474, first tag v2.14.'
                                              b'0)"\n    url: https://github.com/coder/terraform-provider-coder/pull/'
                                              b'474\nhelp: |\n  ## What it does\n  Finds a `coder_devcontainer` resourc'
                                              b'e while the `required_providers` constraints\n  on `coder/coder` (of '
                                              b'this directory and of every directory in the same\n  configuration) a'
                                              b'dmit a version below 2.3.0, and a reference to\n  `coder_devcontainer'
                                              b'.<x>.subagent_id` while they admit one below 2.14.0. It uses\n  the s'
                                              b'ame constraint arithmetic as TDL002 and TDL003. No constraint at all'
                                              b" gives\n  no finding (TDL007's business); a `.terraform.lock.hcl` sel"
                                              b'ecting a new enough\n  version is taken into account.\n\n  ## Why is th'
                                              b'is bad?\n  With an older provider `terraform plan` fails: "The provid'
                                              b'er coder/coder does not\n  support resource type coder_devcontainer",'
                                              b' or "Unsupported attribute" for\n  `subagent_id`. The resource also n'
                                              b'eeds Coder v2.21.0 or later.\n\n  ## Example\n  ```hcl\n  terraform '
                                              b'{\n    required_providers {\n      coder = { source = "coder/coder", v'
                                              b'ersion = "~> 2.1.0" }\n    }\n  }\n\n  resource "coder_devcontainer"'
                                              b' "repo" {\n    agent_id         = coder_agent.main.id\n    workspace_f'
                                              b'older = "/home/coder/project"\n  }\n  ```\n\n  ## Use instead\n  ```h'
                                              b'cl\n  terraform {\n    required_providers {\n      coder = { source = "'
                                              b'coder/coder", version = ">= 2.3.0" } # 2.14.0 with subagent_id\n    }'
                                              b'\n  }\n  ```\n',
 'TDL605-devcontainer-folder-not-on-daemon.yaml': b'id: TDL605\nname: devcontainer-folder-not-on-daemon\nseverity: err'
                                                  b'or\nsummary: The Docker daemon runs outside the workspace and the'
                                                  b" dev container's workspace_folder is not at the same path there."
                                                  b'\norigin: PRIMARY\nfiles: [terraform]\nfix: unsafe\ntags: [terra'
                                                  b'form, kubernetes, coder, devcontainers, dind, correctness]\npreci'
                                                  b'sion: high\nsources:\n  - title: "VS Code docs: Change the default'
                                                  b' source code mount / Develop on a remote Docker host"\n    url: h'
                                                  b'ttps://code.visualstudio.com/remote/advancedcontainers/change-de'
                                                  b'fault-source-mount\n    quote: "the workspace folder is bind moun'
                                                  b'ted into the container"\n  - title: "Docker docs: Bind mounts"\n  '
                                                  b'  url: https://docs.docker.com/engine/storage/bind-mounts/\n    q'
                                                  b'uote: "the file or directory is referenced by its absolute path '
                                                  b'on the host machine"\nhelp: |\n  ## What it does\n  Finds a `coder_'
                                                  b"devcontainer` whose agent's workspace reaches a Docker daemon\n  "
                                                  b'that runs outside the workspace container (a dind sidecar, the h'
                                                  b"ost's socket,\n  a remote `DOCKER_HOST`) while its `workspace_fol"
                                                  b"der` (a known absolute path) is\n  not inside a mount the daemon'"
                                                  b's side has at the same path: for a sidecar, the\n  same volume (o'
                                                  b'r `empty_dir`) mounted at the same `mount_path` / `container_pat'
                                                  b"h`\n  in both containers; for the host's socket, a bind mount who"
                                                  b'se `host_path`\n  equals its `container_path`; for a remote daemo'
                                                  b'n, never. Sysbox, envbox,\n  privileged and Podman workspaces run'
                                                  b' the daemon inside: no finding.\n  A `workspace_folder` from a pa'
                                                  b'rameter or a module output (`~/...`) is unknown\n  and gives no f'
                                                  b'inding.\n\n  ## Why is this bad?\n  The devcontainers CLI bind-moun'
                                                  b'ts the workspace folder into the dev container,\n  and dockerd re'
                                                  b"solves a bind mount's source on its own filesystem. When the\n  d"
                                                  b'aemon lives elsewhere, the folder the agent cloned does not exis'
                                                  b't there:\n  `devcontainer up` fails ("bind source path does not e'
                                                  b'xist") or starts on an\n  empty folder. The tool cannot see a dev'
                                                  b'container.json that mounts a named\n  volume instead (`workspaceM'
                                                  b'ount`); suppress the finding with a reason then.\n\n  ## Example\n '
                                                  b' ```hcl\n  container {\n    name = "dev"\n    env {\n      name '
                                                  b' = "DOCKER_HOST"\n      value = "tcp://localhost:2375"\n    }\n    '
                                                  b'volume_mount {\n      name       = "home"\n      mount_path = "/ho'
                                                  b'me/coder"\n    }\n  }\n  container {\n    name  = "dind"\n    ima'
                                                  b'ge = "docker:27-dind"\n  }\n  ```\n\n  ## Use instead\n  ```hcl\n '
                                                  b' container {\n    name  = "dind"\n    image = "docker:27-dind"\n   '
                                                  b' volume_mount {\n      name       = "home"\n      mount_path = "/h'
                                                  b'ome/coder"\n    }\n  }\n  ```\n',
 'TDL900-invalid-suppression.yaml': b'id: TDL900\nname: invalid-suppression\nseverity: warning\nsummary: A tfdind-lin'
                                    b't suppression that suppresses nothing (no reason, unknown rule, bad syntax, expi'
                                    b'red).\norigin: tool\nfiles: [terraform, yaml]\ntags: [suppression]\nprecision: v'
                                    b'ery-high\nsources:\n  - title: "tfdind-lint design: the reason of a suppressio'
                                    b'n is mandatory"\n    url: https://docs.astral.sh/ruff/linter/#error-suppressi'
                                    b'on\nhelp: |\n  ## What it does\n  Reports a suppression that cannot work: a `tf'
                                    b'dind-lint:` comment or a\n  `tfdind-lint.io/ignore` annotation without a reason ('
                                    b'`-- <why>`), one that names an\n  unknown rule or an invalid `(until YYYY-MM-DD)`'
                                    b' date, or a comment that is not of\n  the form `tfdind-lint: ignore[TDLnnn] -- re'
                                    b'ason` or\n  `tfdind-lint: ignore-file[TDLnnn] -- reason`. Such a suppression supp'
                                    b'resses nothing.\n  Also reports a suppression whose `until` date has passed: it s'
                                    b'tops working, and the\n  findings it silenced come back.\n\n  ## Why is this ba'
                                    b'd?\n  Every silenced finding must carry a reason a reviewer can read. A suppressi'
                                    b'on\n  without one would silence a security finding (for instance a privileged sid'
                                    b'ecar) by\n  accident; instead the finding stays and the comment is reported.\n'
                                    b'\n  ## Example\n  ```hcl\n  privileged = true # tfdind-lint: ignore[TDL401]\n  `'
                                    b'``\n\n  ## Use instead\n  ```hcl\n  privileged = true # tfdind-lint: ignore[TDL4'
                                    b'01] -- nodes cannot run Sysbox (OPS-123)\n  ```\n',
 'TDL901-unused-suppression.yaml': b'id: TDL901\nname: unused-suppression\nseverity: warning\nsummary: A tfdind-lint'
                                   b' suppression that matches no finding (stale, or on the wrong line).\norigin: tool'
                                   b'\nfiles: [terraform, yaml]\ntags: [suppression]\nprecision: very-high\nsources:\n'
                                   b'  - title: "ruff: unused-noqa (RUF100), the model for reporting suppressions tha'
                                   b't match nothing"\n    url: https://docs.astral.sh/ruff/rules/unused-noqa/\nhelp: |'
                                   b'\n  ## What it does\n  Reports a suppression (an `ignore[...]` or `ignore-file[...'
                                   b']` comment, a\n  `tfdind-lint.io/ignore` annotation, or a `suppress:` entry of th'
                                   b'e configuration)\n  that names a rule which ran on the file and found nothing it '
                                   b'covers. When only\n  some of the rules it names are unused, the message lists tho'
                                   b'se. A suppression of\n  a rule that did not run (not selected, turned off for the'
                                   b' path) is not judged.\n\n  ## Why is this bad?\n  A suppression outlives the pr'
                                   b'oblem it excused: the template was fixed, the resource\n  moved, or the comment s'
                                   b'its on a line the finding never points at. Stale suppressions\n  pile up, and one'
                                   b' of them may silence a new, real finding later without anyone\n  having reviewed '
                                   b'it.\n\n  ## Example\n  ```hcl\n  resource "docker_container" "workspace" {\n    i'
                                   b'mage   = "codercom/enterprise-base:ubuntu"\n    runtime = "sysbox-runc"\n    # tfd'
                                   b'ind-lint: ignore[TDL401] -- dind sidecar, see OPS-123\n  }\n  ```\n\n  ## Use in'
                                   b'stead\n  Remove the suppression (nothing here is privileged any more):\n  ```h'
                                   b'cl\n  resource "docker_container" "workspace" {\n    image   = "codercom/enterpris'
                                   b'e-base:ubuntu"\n    runtime = "sysbox-runc"\n  }\n  ```\n',
 'TDL999-internal-error.yaml': b'id: TDL999\nname: internal-error\nseverity: error\nsummary: A check failed with an '
                               b'internal error on one file; the other findings are complete.\norigin: tool\nfiles: [te'
                               b'rraform, yaml]\ntags: [tool]\nprecision: very-high\nsources:\n  - title: "tfdind-lin'
                               b't design: broken input is a finding, not a crash"\nhelp: |\n  ## What it does\n  Re'
                               b'ports a bug in tfdind-lint itself: a check raised an exception while looking at\n  a '
                               b'file. The run goes on with every other check and file, and ends with exit code 2.\n\n '
                               b' ## Why is this bad?\n  The failing check did not finish on that file, so findings it'
                               b' would have made are\n  missing. Nothing else is affected.\n\n  ## Example\n  ```tex'
                               b't\n  main.tf:1:1: TDL999 error: Internal error in TDL101 (sysbox-runtime-missing) whi'
                               b"le checking main.tf: KeyError: 'name' at sysbox.py:42. Findings of this step are mis"
                               b'sing; other rules and files are unaffected. Please report this bug\n  ```\n\n  ## U'
                               b'se instead\n  Report the message and, if you can, the file that triggers it. Until it'
                               b' is fixed,\n  the rule can be disabled for that path.\n'}
#: what POLICIES holds of each policy, in this order (policy.INDEX_FIELDS: the index is used only while
#: they are these): Policy's arguments but help and sources (policy_texts.py) and path (the file's)
FIELDS = ('id', 'name', 'severity', 'summary', 'origin', 'enabled', 'files', 'tags', 'precision', 'security_severity',
 'parameters', 'check', 'fix')
#: (policy file, its policy's FIELDS), made by policy.parse_policy from the file
POLICIES = [('TDL000-parse-error.yaml',
  ('TDL000',
   'parse-error',
   Severity.ERROR,
   'A Terraform, Kubernetes YAML or Bottlerocket TOML file cannot be read or parsed, so nothing in it was checked.',
   'tool',
   True,
   ('terraform', 'yaml', 'toml'),
   ('terraform', 'kubernetes'),
   'very-high',
   None,
   {},
   '',
   'none')),
 ('TDL001-undeclared-variable.yaml',
  ('TDL001',
   'undeclared-variable',
   Severity.ERROR,
   'A var.<name> reference with no variable "<name>" declared in the module directory.',
   'SEED',
   True,
   ('terraform',),
   ('terraform', 'correctness'),
   'very-high',
   None,
   {},
   '',
   'unsafe')),
 ('TDL002-coder-workspace-owner-removed.yaml',
  ('TDL002',
   'coder-workspace-owner-removed',
   Severity.ERROR,
   'data.coder_workspace.<n>.owner* attributes, removed in coder provider v2.0.0 (use data.coder_workspace_owner).',
   'SEED+PRIMARY',
   True,
   ('terraform',),
   ('terraform', 'coder', 'correctness', 'deprecation'),
   'very-high',
   None,
   {},
   '',
   'safe')),
 ('TDL003-k8s-provider-too-old-for-runtime-class.yaml',
  ('TDL003',
   'k8s-provider-too-old-for-runtime-class',
   Severity.ERROR,
   'runtime_class_name on a hashicorp/kubernetes pod spec while the provider constraint admits versions before 2.16.0.',
   'SEED+PRIMARY',
   True,
   ('terraform',),
   ('terraform', 'kubernetes', 'sysbox', 'correctness'),
   'very-high',
   None,
   {},
   '',
   'unsafe')),
 ('TDL004-k8s-name-not-lowercase.yaml',
  ('TDL004',
   'k8s-name-not-lowercase',
   Severity.WARNING,
   'A Kubernetes object name built from a Coder user, workspace or parameter value without lower().',
   'SEED+PRIMARY',
   True,
   ('terraform',),
   ('terraform', 'kubernetes', 'coder', 'correctness'),
   'high',
   None,
   {},
   '',
   'safe')),
 ('TDL005-workspace-compute-missing-start-count.yaml',
  ('TDL005',
   'workspace-compute-missing-start-count',
   Severity.WARNING,
   'A container or pod that runs the Coder agent without count = data.coder_workspace.<n>.start_count.',
   'PRIMARY',
   True,
   ('terraform',),
   ('terraform', 'coder', 'lifecycle'),
   'high',
   None,
   {},
   '',
   'none')),
 ('TDL006-agent-token-not-wired.yaml',
  ('TDL006',
   'agent-token-not-wired',
   Severity.ERROR,
   "A container runs an agent's init script without CODER_AGENT_TOKEN, or with another agent's token.",
   'SEED+PRIMARY',
   True,
   ('terraform',),
   ('terraform', 'coder', 'correctness'),
   'high',
   None,
   {},
   '',
   'safe')),
 ('TDL007-provider-not-required.yaml',
  ('TDL007',
   'provider-not-required',
   Severity.ERROR,
   "A resource of a provider that the module directory's required_providers does not declare.",
   'PRIMARY',
   True,
   ('terraform',),
   ('terraform', 'correctness', 'supply-chain'),
   'high',
   None,
   {'hashicorp_providers': ['ad',
                            'archive',
                            'aws',
                            'awscc',
                            'azuread',
                            'azurerm',
                            'azurestack',
                            'boundary',
                            'cloudinit',
                            'consul',
                            'dns',
                            'external',
                            'google',
                            'google-beta',
                            'googleworkspace',
                            'hcp',
                            'helm',
                            'http',
                            'kubernetes',
                            'local',
                            'nomad',
                            'null',
                            'random',
                            'template',
                            'tfe',
                            'time',
                            'tls',
                            'vault',
                            'vsphere'],
    'sources': {'coder': 'coder/coder', 'docker': 'kreuzwerker/docker', 'k8s': 'mingfang/k8s'}},
   '',
   'none')),
 ('TDL008-unused-variable.yaml',
  ('TDL008',
   'unused-variable',
   Severity.NOTE,
   'A variable declared in a module directory and never referenced as var.<name> there.',
   'PRIMARY',
   True,
   ('terraform',),
   ('terraform', 'hygiene'),
   'very-high',
   None,
   {},
   '',
   'none')),
 ('TDL009-agent-init-script-unused.yaml',
  ('TDL009',
   'agent-init-script-unused',
   Severity.ERROR,
   'A coder_agent whose init_script nothing runs, so the agent never starts.',
   'PRIMARY',
   True,
   ('terraform',),
   ('terraform', 'coder', 'correctness'),
   'high',
   None,
   {},
   '',
   'none')),
 ('TDL010-undeclared-reference.yaml',
  ('TDL010',
   'undeclared-reference',
   Severity.ERROR,
   'A reference to a local, data source, resource or module that the module directory does not declare.',
   'PRIMARY',
   True,
   ('terraform',),
   ('terraform', 'correctness'),
   'very-high',
   None,
   {},
   '',
   'safe')),
 ('TDL101-sysbox-runtime-missing.yaml',
  ('TDL101',
   'sysbox-runtime-missing',
   Severity.ERROR,
   'A workspace meant for Sysbox (starts Docker or systemd, userns annotation...) without the sysbox-runc runtime.',
   'SEED',
   True,
   ('terraform', 'yaml'),
   ('terraform', 'kubernetes', 'docker', 'sysbox', 'correctness'),
   'high',
   None,
   {'runtimes': ['sysbox-runc'],
    'docker_default_runtime_is_sysbox': False,
    'envbox_images': ['*/coder/envbox*', 'coder/envbox*']},
   '',
   'none')),
 ('TDL102-sysbox-userns-missing.yaml',
  ('TDL102',
   'sysbox-userns-missing',
   Severity.ERROR,
   'A Sysbox pod without a user namespace (no io.kubernetes.cri-o.userns-mode annotation on the pod, no hostUsers '
   'false).',
   'SEED+PRIMARY',
   True,
   ('terraform', 'yaml'),
   ('terraform', 'kubernetes', 'sysbox', 'correctness'),
   'high',
   None,
   {'runtimes': ['sysbox-runc']},
   '',
   'safe')),
 ('TDL103-sysbox-privileged-conflict.yaml',
  ('TDL103',
   'sysbox-privileged-conflict',
   Severity.ERROR,
   'A privileged container on the Sysbox runtime, which does not support privileged containers.',
   'PRIMARY',
   True,
   ('terraform', 'yaml'),
   ('terraform', 'kubernetes', 'docker', 'sysbox', 'security', 'correctness'),
   'high',
   None,
   {'runtimes': ['sysbox-runc'], 'envbox_images': ['*/coder/envbox*', 'coder/envbox*']},
   '',
   'unsafe')),
 ('TDL104-sysbox-host-namespace-conflict.yaml',
  ('TDL104',
   'sysbox-host-namespace-conflict',
   Severity.ERROR,
   'A Sysbox container that shares a host namespace (network, PID, user; IPC is a warning).',
   'PRIMARY',
   True,
   ('terraform', 'yaml'),
   ('terraform', 'kubernetes', 'docker', 'sysbox', 'security', 'correctness'),
   'high',
   None,
   {'runtimes': ['sysbox-runc']},
   '',
   'unsafe')),
 ('TDL105-sysbox-host-docker-state-mount.yaml',
  ('TDL105',
   'sysbox-host-docker-state-mount',
   Severity.ERROR,
   "A Sysbox container gets the host's /var/lib/docker, or a /var/lib/docker volume shared with other containers or "
   'workspaces.',
   'PRIMARY',
   True,
   ('terraform', 'yaml'),
   ('terraform', 'kubernetes', 'docker', 'sysbox', 'security', 'correctness'),
   'high',
   None,
   {'runtimes': ['sysbox-runc'], 'envbox_images': ['*/coder/envbox*', 'coder/envbox*']},
   '',
   'none')),
 ('TDL106-sysbox-nesting.yaml',
  ('TDL106',
   'sysbox-nesting',
   Severity.ERROR,
   'An envbox container scheduled on the Sysbox runtime (Sysbox cannot run inside Sysbox).',
   'PRIMARY',
   True,
   ('terraform', 'yaml'),
   ('terraform', 'kubernetes', 'docker', 'sysbox', 'envbox', 'correctness'),
   'high',
   None,
   {'runtimes': ['sysbox-runc'], 'envbox_images': ['*/coder/envbox*', 'coder/envbox*']},
   '',
   'none')),
 ('TDL107-sysbox-userns-crio-only.yaml',
  ('TDL107',
   'sysbox-userns-crio-only',
   Severity.NOTE,
   'A Terraform Sysbox pod whose user namespace rests on the CRI-O-only userns annotation (opt-in, for containerd 2 '
   'clusters).',
   'PRIMARY',
   False,
   ('terraform',),
   ('terraform', 'kubernetes', 'sysbox', 'portability'),
   'medium',
   None,
   {'runtimes': ['sysbox-runc']},
   '',
   'none')),
 ('TDL201-envbox-outer-not-privileged.yaml',
  ('TDL201',
   'envbox-outer-not-privileged',
   Severity.ERROR,
   'An envbox outer container that is not privileged, so envbox cannot start Docker and Sysbox.',
   'SEED',
   True,
   ('terraform', 'yaml'),
   ('terraform', 'kubernetes', 'docker', 'envbox', 'correctness'),
   'very-high',
   None,
   {'envbox_images': ['*/coder/envbox*', 'coder/envbox*']},
   '',
   'safe')),
 ('TDL202-envbox-required-env-missing.yaml',
  ('TDL202',
   'envbox-required-env-missing',
   Severity.ERROR,
   'An envbox container without CODER_INNER_IMAGE, CODER_INNER_USERNAME or CODER_AGENT_TOKEN.',
   'PRIMARY',
   True,
   ('terraform', 'yaml'),
   ('terraform', 'kubernetes', 'docker', 'envbox', 'correctness'),
   'high',
   None,
   {'envbox_images': ['*/coder/envbox*', 'coder/envbox*']},
   '',
   'none')),
 ('TDL203-envbox-agent-wiring-mismatch.yaml',
  ('TDL203',
   'envbox-agent-wiring-mismatch',
   Severity.ERROR,
   "Envbox's CODER_AGENT_TOKEN and CODER_BOOTSTRAP_SCRIPT come from different agents, or one is a literal.",
   'PRIMARY',
   True,
   ('terraform',),
   ('terraform', 'kubernetes', 'docker', 'envbox', 'correctness'),
   'high',
   None,
   {'envbox_images': ['*/coder/envbox*', 'coder/envbox*']},
   '',
   'safe')),
 ('TDL204-envbox-required-mounts-missing.yaml',
  ('TDL204',
   'envbox-required-mounts-missing',
   Severity.WARNING,
   'An envbox container without its state and kernel mounts, or CODER_MOUNTS that is malformed or off every volume.',
   'PRIMARY',
   True,
   ('terraform', 'yaml'),
   ('terraform', 'kubernetes', 'docker', 'envbox', 'correctness'),
   'high',
   None,
   {'envbox_images': ['*/coder/envbox*', 'coder/envbox*']},
   '',
   'none')),
 ('TDL205-envbox-shared-data-dirs.yaml',
  ('TDL205',
   'envbox-shared-data-dirs',
   Severity.ERROR,
   'Envbox data directories on one volume and sub-path, or a /var/lib/sysbox volume shared by every workspace.',
   'PRIMARY',
   True,
   ('terraform', 'yaml'),
   ('terraform', 'kubernetes', 'docker', 'envbox', 'correctness'),
   'high',
   None,
   {'envbox_images': ['*/coder/envbox*', 'coder/envbox*']},
   '',
   'none')),
 ('TDL206-envbox-env-value-invalid.yaml',
  ('TDL206',
   'envbox-env-value-invalid',
   Severity.WARNING,
   'An envbox setting envbox ignores silently (not a Go integer or boolean) or that breaks the inner container.',
   'PRIMARY',
   True,
   ('terraform', 'yaml'),
   ('terraform', 'kubernetes', 'docker', 'envbox', 'correctness'),
   'very-high',
   None,
   {'envbox_images': ['*/coder/envbox*', 'coder/envbox*']},
   '',
   'safe')),
 ('TDL207-envbox-pull-secret-literal.yaml',
  ('TDL207',
   'envbox-pull-secret-literal',
   Severity.WARNING,
   "CODER_IMAGE_PULL_SECRET given as a value instead of a Kubernetes Secret's .dockerconfigjson.",
   'SEED',
   True,
   ('terraform', 'yaml'),
   ('terraform', 'kubernetes', 'envbox', 'security', 'external/cwe/cwe-312'),
   'high',
   '5.5',
   {'envbox_images': ['*/coder/envbox*', 'coder/envbox*']},
   '',
   'none')),
 ('TDL301-podman-fuse-device-missing.yaml',
  ('TDL301',
   'podman-fuse-device-missing',
   Severity.ERROR,
   'A rootless Podman workspace without a FUSE device, or an extended resource Kubernetes rejects.',
   'SEED+PRIMARY',
   True,
   ('terraform', 'yaml'),
   ('terraform', 'kubernetes', 'podman', 'correctness'),
   'high',
   None,
   {'podman_images': ['*podman*'], 'fuse_resources': ['github.com/fuse', 'smarter-devices/fuse', 'squat.ai/fuse']},
   '',
   'safe')),
 ('TDL302-fuse-device-plugin-mismatch.yaml',
  ('TDL302',
   'fuse-device-plugin-mismatch',
   Severity.WARNING,
   'Workspaces request a FUSE resource the device plugin in the same repository does not advertise, or the plugin is '
   'mis-deployed.',
   'SEED+PRIMARY',
   True,
   ('terraform', 'yaml'),
   ('terraform', 'kubernetes', 'podman', 'correctness'),
   'medium',
   None,
   {'fuse_device_plugin_images': ['*fuse-device-plugin*'],
    'smarter_device_manager_images': ['*smarter-device-manager*']},
   '',
   'none')),
 ('TDL303-podman-apparmor-annotation-mismatch.yaml',
  ('TDL303',
   'podman-apparmor-annotation-mismatch',
   Severity.WARNING,
   'An AppArmor pod annotation naming no container, or a Podman workspace left under the default AppArmor profile.',
   'PRIMARY',
   True,
   ('terraform', 'yaml'),
   ('terraform', 'kubernetes', 'podman', 'correctness'),
   'high',
   None,
   {'podman_images': ['*podman*'], 'nodes_use_apparmor': None},
   '',
   'safe')),
 ('TDL304-bottlerocket-userns-disabled.yaml',
  ('TDL304',
   'bottlerocket-userns-disabled',
   Severity.ERROR,
   'Bottlerocket node user data that keeps user namespaces off, next to rootless Podman workspaces.',
   'SEED',
   True,
   ('terraform', 'yaml', 'toml'),
   ('terraform', 'kubernetes', 'podman', 'bottlerocket', 'correctness'),
   'high',
   None,
   {'podman_images': ['*podman*']},
   '',
   'safe')),
 ('TDL305-bottlerocket-sysctl-toml-format.yaml',
  ('TDL305',
   'bottlerocket-sysctl-toml-format',
   Severity.ERROR,
   'Bottlerocket sysctl TOML that reads differently than meant, TOML user data on another AMI family, or broken TOML.',
   'SEED+PRIMARY',
   True,
   ('terraform', 'yaml', 'toml'),
   ('terraform', 'kubernetes', 'bottlerocket', 'correctness'),
   'very-high',
   None,
   {},
   '',
   'safe')),
 ('TDL401-privileged-sidecar-unacknowledged.yaml',
  ('TDL401',
   'privileged-sidecar-unacknowledged',
   Severity.WARNING,
   'A privileged sidecar (such as docker:dind) that nobody acknowledged with a reason.',
   'SEED',
   True,
   ('terraform', 'yaml'),
   ('terraform', 'kubernetes', 'docker', 'security', 'external/cwe/cwe-250'),
   'high',
   '8.8',
   {'exempt_envbox': True, 'envbox_images': ['*/coder/envbox*', 'coder/envbox*'], 'runtimes': ['sysbox-runc']},
   '',
   'none')),
 ('TDL402-dockerd-unauthenticated-tcp.yaml',
  ('TDL402',
   'dockerd-unauthenticated-tcp',
   Severity.ERROR,
   'A Docker daemon listening on TCP without --tlsverify (error on a reachable address, note on loopback).',
   'SEED+PRIMARY',
   True,
   ('terraform', 'yaml'),
   ('terraform', 'kubernetes', 'docker', 'dind', 'security', 'external/cwe/cwe-306'),
   'high',
   '9.0',
   {},
   '',
   'none')),
 ('TDL403-docker-host-missing-scheme.yaml',
  ('TDL403',
   'docker-host-missing-scheme',
   Severity.WARNING,
   'DOCKER_HOST without a scheme (such as localhost:2375), which Docker SDK clients cannot parse.',
   'SEED+PRIMARY',
   True,
   ('terraform', 'yaml'),
   ('terraform', 'kubernetes', 'docker', 'dind', 'correctness'),
   'very-high',
   None,
   {},
   '',
   'safe')),
 ('TDL404-docker-host-daemon-mismatch.yaml',
  ('TDL404',
   'docker-host-daemon-mismatch',
   Severity.ERROR,
   "The workspace DOCKER_HOST does not lead to a listener of the template's dind daemon (host, port or TLS).",
   'SEED',
   True,
   ('terraform', 'yaml'),
   ('terraform', 'kubernetes', 'docker', 'dind', 'correctness'),
   'high',
   None,
   {},
   '',
   'none')),
 ('TDL405-dind-network-not-shared.yaml',
  ('TDL405',
   'dind-network-not-shared',
   Severity.ERROR,
   'DOCKER_HOST names the dind container, but the two Docker containers share no user-defined network.',
   'SEED',
   True,
   ('terraform',),
   ('terraform', 'docker', 'dind', 'correctness'),
   'high',
   None,
   {},
   '',
   'safe')),
 ('TDL406-dind-sidecar-lifecycle.yaml',
  ('TDL406',
   'dind-sidecar-lifecycle',
   Severity.WARNING,
   'The dind container outlives the workspace (no start_count), or its count is referenced without an index.',
   'SEED+PRIMARY',
   True,
   ('terraform',),
   ('terraform', 'docker', 'dind', 'security'),
   'high',
   None,
   {},
   '',
   'safe')),
 ('TDL407-dind-entrypoint-override.yaml',
  ('TDL407',
   'dind-entrypoint-override',
   Severity.WARNING,
   'A docker:dind container whose entrypoint runs dockerd itself, bypassing dockerd-entrypoint.sh.',
   'SEED+PRIMARY',
   True,
   ('terraform', 'yaml'),
   ('terraform', 'kubernetes', 'docker', 'dind', 'correctness'),
   'high',
   None,
   {},
   '',
   'safe')),
 ('TDL408-dind-sidecar-not-root.yaml',
  ('TDL408',
   'dind-sidecar-not-root',
   Severity.ERROR,
   'A dind container whose effective user is explicitly not root (dockerd cannot start).',
   'SEED+PRIMARY',
   True,
   ('terraform', 'yaml'),
   ('terraform', 'kubernetes', 'docker', 'dind', 'correctness'),
   'very-high',
   None,
   {},
   '',
   'safe')),
 ('TDL409-dind-storage-on-overlay.yaml',
  ('TDL409',
   'dind-storage-on-overlay',
   Severity.WARNING,
   "A Kubernetes dind sidecar (or envbox container) with no volume at dockerd's data-root.",
   'PRIMARY',
   True,
   ('terraform', 'yaml'),
   ('terraform', 'kubernetes', 'dind', 'envbox', 'performance'),
   'medium',
   None,
   {},
   '',
   'safe')),
 ('TDL410-host-docker-socket-mount.yaml',
  ('TDL410',
   'host-docker-socket-mount',
   Severity.WARNING,
   "A workspace container mounts the host's Docker, containerd or CRI-O socket.",
   'PRIMARY',
   True,
   ('terraform', 'yaml'),
   ('terraform', 'kubernetes', 'docker', 'security', 'external/cwe/cwe-250'),
   'very-high',
   '8.8',
   {'sockets': ['/var/run/docker.sock',
                '/run/docker.sock',
                '/run/containerd/containerd.sock',
                '/var/run/containerd/containerd.sock',
                '/var/run/crio/crio.sock',
                '/run/crio/crio.sock']},
   '',
   'none')),
 ('TDL411-docker-socket-world-writable.yaml',
  ('TDL411',
   'docker-socket-world-writable',
   Severity.WARNING,
   'A script makes the Docker socket writable for everyone (chmod 666 /var/run/docker.sock).',
   'PRIMARY',
   True,
   ('terraform', 'yaml'),
   ('terraform', 'kubernetes', 'docker', 'security', 'external/cwe/cwe-732'),
   'very-high',
   '7.8',
   {'sockets': ['/var/run/docker.sock', '/run/docker.sock']},
   '',
   'none')),
 ('TDL412-privileged-workspace-container.yaml',
  ('TDL412',
   'privileged-workspace-container',
   Severity.ERROR,
   'The container that runs the Coder agent is privileged, so workspace users can become root on the host.',
   'SEED+PRIMARY',
   True,
   ('terraform', 'yaml'),
   ('terraform', 'kubernetes', 'docker', 'security', 'external/cwe/cwe-250'),
   'high',
   '9.0',
   {'exempt_envbox': True, 'envbox_images': ['*/coder/envbox*', 'coder/envbox*'], 'runtimes': ['sysbox-runc']},
   '',
   'none')),
 ('TDL413-remote-docker-plaintext.yaml',
  ('TDL413',
   'remote-docker-plaintext',
   Severity.ERROR,
   'DOCKER_HOST sends the Docker API in plain TCP to a daemon outside the template.',
   'SEED+PRIMARY',
   True,
   ('terraform', 'yaml'),
   ('terraform', 'kubernetes', 'docker', 'security', 'external/cwe/cwe-319'),
   'high',
   '8.8',
   {},
   '',
   'none')),
 ('TDL414-workspace-sys-admin-capability.yaml',
  ('TDL414',
   'workspace-sys-admin-capability',
   Severity.WARNING,
   'The container that runs the Coder agent adds CAP_SYS_ADMIN (or ALL) without Sysbox.',
   'PRIMARY',
   True,
   ('terraform', 'yaml'),
   ('terraform', 'kubernetes', 'docker', 'security', 'external/cwe/cwe-250'),
   'high',
   '7.5',
   {'capabilities': ['SYS_ADMIN', 'ALL'], 'runtimes': ['sysbox-runc']},
   '',
   'none')),
 ('TDL501-systemd-requires-root.yaml',
  ('TDL501',
   'systemd-requires-root',
   Severity.ERROR,
   'A Sysbox container starts systemd as PID 1 while running as a non-root user.',
   'SEED',
   True,
   ('terraform', 'yaml'),
   ('terraform', 'kubernetes', 'docker', 'sysbox', 'systemd', 'correctness'),
   'high',
   None,
   {'runtimes': ['sysbox-runc']},
   '',
   'safe')),
 ('TDL502-systemd-agent-env-not-preserved.yaml',
  ('TDL502',
   'systemd-agent-env-not-preserved',
   Severity.ERROR,
   "The agent's init script is started through sudo or a login shell that drops CODER_AGENT_TOKEN.",
   'SEED',
   True,
   ('terraform',),
   ('terraform', 'kubernetes', 'docker', 'systemd', 'coder', 'correctness'),
   'high',
   None,
   {},
   '',
   'safe')),
 ('TDL503-systemd-heredoc-terminator-mismatch.yaml',
  ('TDL503',
   'systemd-heredoc-terminator-mismatch',
   Severity.ERROR,
   'A shell here-document in a rendered script that no line closes, so the rest of the script never runs.',
   'SEED',
   True,
   ('terraform', 'yaml'),
   ('terraform', 'kubernetes', 'docker', 'systemd', 'shell', 'correctness'),
   'high',
   None,
   {},
   '',
   'safe')),
 ('TDL504-sysbox-share-process-namespace.yaml',
  ('TDL504',
   'sysbox-share-process-namespace',
   Severity.WARNING,
   'A Sysbox pod shares one PID namespace between its containers (an error when systemd runs in it).',
   'PRIMARY',
   True,
   ('terraform', 'yaml'),
   ('terraform', 'kubernetes', 'sysbox', 'systemd', 'correctness'),
   'high',
   None,
   {'runtimes': ['sysbox-runc']},
   '',
   'safe')),
 ('TDL505-sysbox-runtimeclass-definition.yaml',
  ('TDL505',
   'sysbox-runtimeclass-definition',
   Severity.WARNING,
   'A Sysbox RuntimeClass with the wrong handler or node selector, a pod contradicting its RuntimeClass, or an '
   'unlabelled installer.',
   'PRIMARY',
   True,
   ('terraform', 'yaml'),
   ('terraform', 'kubernetes', 'sysbox', 'correctness'),
   'high',
   None,
   {'runtimes': ['sysbox-runc'],
    'handlers': ['sysbox-runc'],
    'node_selector': {'sysbox-runtime': 'running'},
    'install_label': {'sysbox-install': 'yes'}},
   '',
   'safe')),
 ('TDL506-userns-host-namespace-conflict.yaml',
  ('TDL506',
   'userns-host-namespace-conflict',
   Severity.ERROR,
   'A pod with hostUsers false that shares a host namespace, which Kubernetes rejects.',
   'PRIMARY',
   True,
   ('terraform', 'yaml'),
   ('terraform', 'kubernetes', 'correctness'),
   'high',
   None,
   {'runtimes': ['sysbox-runc'], 'k8s_version': None, 'feature_gates': []},
   '',
   'none')),
 ('TDL601-devcontainer-without-docker.yaml',
  ('TDL601',
   'devcontainer-without-docker',
   Severity.ERROR,
   "Dev Containers are used, but the agent's workspace has no Docker daemon by any method the tool knows.",
   'PRIMARY',
   True,
   ('terraform', 'yaml'),
   ('terraform', 'kubernetes', 'coder', 'devcontainers', 'correctness'),
   'high',
   None,
   {},
   '',
   'none')),
 ('TDL602-devcontainer-unsupported-os.yaml',
  ('TDL602',
   'devcontainer-unsupported-os',
   Severity.ERROR,
   'Dev Containers are used on a Windows agent (error) or a macOS agent (warning).',
   'PRIMARY',
   True,
   ('terraform',),
   ('terraform', 'coder', 'devcontainers', 'correctness'),
   'high',
   None,
   {},
   '',
   'none')),
 ('TDL603-devcontainer-integration-disabled.yaml',
  ('TDL603',
   'devcontainer-integration-disabled',
   Severity.ERROR,
   'CODER_AGENT_DEVCONTAINERS_ENABLE is false on an agent the template asks to start a dev container on.',
   'PRIMARY',
   True,
   ('terraform', 'yaml'),
   ('terraform', 'kubernetes', 'coder', 'devcontainers', 'correctness'),
   'high',
   None,
   {},
   '',
   'unsafe')),
 ('TDL604-devcontainer-provider-too-old.yaml',
  ('TDL604',
   'devcontainer-provider-too-old',
   Severity.ERROR,
   'The coder provider constraint admits versions without coder_devcontainer (< 2.3.0) or its subagent_id (< 2.14.0).',
   'PRIMARY',
   True,
   ('terraform',),
   ('terraform', 'coder', 'devcontainers', 'versions'),
   'high',
   None,
   {},
   '',
   'none')),
 ('TDL605-devcontainer-folder-not-on-daemon.yaml',
  ('TDL605',
   'devcontainer-folder-not-on-daemon',
   Severity.ERROR,
   "The Docker daemon runs outside the workspace and the dev container's workspace_folder is not at the same path "
   'there.',
   'PRIMARY',
   True,
   ('terraform',),
   ('terraform', 'kubernetes', 'coder', 'devcontainers', 'dind', 'correctness'),
   'high',
   None,
   {},
   '',
   'unsafe')),
 ('TDL900-invalid-suppression.yaml',
  ('TDL900',
   'invalid-suppression',
   Severity.WARNING,
   'A tfdind-lint suppression that suppresses nothing (no reason, unknown rule, bad syntax, expired).',
   'tool',
   True,
   ('terraform', 'yaml'),
   ('suppression',),
   'very-high',
   None,
   {},
   '',
   'none')),
 ('TDL901-unused-suppression.yaml',
  ('TDL901',
   'unused-suppression',
   Severity.WARNING,
   'A tfdind-lint suppression that matches no finding (stale, or on the wrong line).',
   'tool',
   True,
   ('terraform', 'yaml'),
   ('suppression',),
   'very-high',
   None,
   {},
   '',
   'none')),
 ('TDL999-internal-error.yaml',
  ('TDL999',
   'internal-error',
   Severity.ERROR,
   'A check failed with an internal error on one file; the other findings are complete.',
   'tool',
   True,
   ('terraform', 'yaml'),
   ('tool',),
   'very-high',
   None,
   {},
   '',
   'none'))]
