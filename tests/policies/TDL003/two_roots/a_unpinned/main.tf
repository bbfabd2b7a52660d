module "pod" {
  source = "../modules/pod"
}
