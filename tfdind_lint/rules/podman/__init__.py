"""3xx: rootless Podman, FUSE device plugins, and Bottlerocket / Karpenter node prerequisites."""
