"""Projections for analytics tests: the curated sample and a small synthetic graph, built without a store."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from gxgraph.analytics.graph import graph_from_rows
from gxgraph.seeding.synthetic import SyntheticConfig, generate
from tests.conftest import SAMPLE


@pytest.fixture(scope="session")
def sample_graph() -> nx.MultiDiGraph:
    """The curated sample ecosystem as a projection (treat as read-only)."""
    return graph_from_rows(json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines())


@pytest.fixture(scope="session")
def synthetic_graph() -> nx.MultiDiGraph:
    """A 3,000-node synthetic graph, seed 7 (treat as read-only)."""
    return graph_from_rows(generate(SyntheticConfig(nodes=3000, seed=7)))
