"""4xx: privileged containers and the Docker-in-Docker sidecar: how its daemon listens, how the workspace reaches it."""
