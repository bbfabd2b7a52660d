"""5xx: Kubernetes manifests and systemd inside Sysbox."""
