"""The journal's records, one module per kind; `Journal` exposes each as a section."""
