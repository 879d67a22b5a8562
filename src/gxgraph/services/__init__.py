"""The service layer: the logic between the API/CLI and the graph store."""
