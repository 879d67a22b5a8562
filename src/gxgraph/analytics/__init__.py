"""Pure analytics over the in-memory projection of the graph (NetworkX); no I/O here."""
