"""Seed data for the graph: curated report facts and synthetic graphs for tests and benchmarks."""
