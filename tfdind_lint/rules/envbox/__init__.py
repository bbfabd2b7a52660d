"""2xx: envbox, a privileged outer container running Sysbox inside."""
