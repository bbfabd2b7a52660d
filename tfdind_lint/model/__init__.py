"""The model the rules read, built from the positioned trees: the dind scene (daemons and clients), scripts and the
manifests inside them, node pools and their user data, container roles, envbox's flags, provider requirements."""
