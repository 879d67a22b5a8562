"""Assertions every analytics test shares: evidence points at relationships that really exist."""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from gxgraph.analytics.rows import EvidencePath, Step


def assert_steps_exist(graph: nx.MultiDiGraph, steps: Iterable[Step]) -> None:
    """Every step is a stored relationship, in its stored direction, with that type."""
    for step in steps:
        assert graph.has_edge(step.from_id, step.to_id, key=step.type), step


def assert_paths_exist(graph: nx.MultiDiGraph, paths: Iterable[EvidencePath]) -> None:
    """Every evidence path has steps, and each step exists."""
    for path in paths:
        assert path.steps, path.note
        assert_steps_exist(graph, path.steps)
