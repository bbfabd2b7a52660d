"""1xx: Sysbox as the container runtime on the nodes or the Docker host."""
