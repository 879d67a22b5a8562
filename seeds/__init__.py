"""The sample ecosystem and its builder (importable so tests can pin the ids it designs in)."""
