"""The embedded store's shortest paths, searched from both ends, equal FalkorDB's allShortestPaths."""

from __future__ import annotations

import random

import pytest

from gxgraph.seeding.synthetic import SyntheticConfig, generate
from gxgraph.services.imports import ParsedRow, import_rows
from gxgraph.store import falkordb as falkordb_store
from gxgraph.store import path_search
from gxgraph.store.base import CypherStore, Row
from gxgraph.store.falkordb import FalkorDBStore

Found = set[tuple[tuple[str, ...], tuple[tuple[str, str, str], ...]]]


@pytest.fixture(scope="module")
def synthetic(falkordb_session_store: FalkorDBStore) -> tuple[FalkorDBStore, dict[str, list[str]]]:
    """A 1,500-node synthetic graph, and its node ids by kind."""
    rows = list(generate(SyntheticConfig(nodes=1500, seed=5)))
    falkordb_session_store.clear()
    import_rows(falkordb_session_store, [ParsedRow(None, n, row) for n, row in enumerate(rows, 1)])
    kinds: dict[str, list[str]] = {}
    for row in rows:
        if "kind" in row:
            kinds.setdefault(row["kind"], []).append(row["id"])
    return falkordb_session_store, kinds


def _found(paths: list[Row]) -> Found:
    return {
        (
            tuple(node["id"] for node in path["nodes"]),
            tuple((r["type"], r["from"], r["to"]) for r in path["rels"]),
        )
        for path in paths
    }


def _pairs(kinds: dict[str, list[str]]) -> list[tuple[str, str]]:
    """Pairs of kinds the API is asked about (a technology and a company, two companies, ...)."""
    chosen = random.Random(3)
    pairs = [
        ("technology", "company"),
        ("company", "company"),
        ("institution", "technology"),
        ("field", "expert"),
    ]
    return [
        (chosen.choice(kinds[a]), chosen.choice(kinds[b]))
        for a, b in pairs
        for _ in range(8)
        if a in kinds and b in kinds
    ]


@pytest.mark.parametrize("max_hops", [2, 3, 4])
@pytest.mark.parametrize("counted", [0, path_search.COUNTED_FRONTIER], ids=["by-size", "by-degree"])
def test_both_ends_search_finds_every_path_the_server_finds(
    synthetic: tuple[FalkorDBStore, dict[str, list[str]]],
    max_hops: int,
    counted: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(path_search, "COUNTED_FRONTIER", counted)
    store, kinds = synthetic
    lengths = set()
    for source, target in _pairs(kinds):
        searched = store.shortest_paths(source, target, max_hops, 10_000)
        served = CypherStore.shortest_paths(store, source, target, max_hops, 10_000)
        assert _found(searched) == _found(served), (source, target)
        assert len(searched) == len(_found(searched)), "each path once"
        lengths |= {len(path["rels"]) for path in searched}
        for path in searched:
            assert [n["id"] for n in path["nodes"]][:: len(path["nodes"]) - 1] == [source, target]
            assert "name_en" in path["nodes"][0]
    assert lengths, "some pairs are connected"


def test_a_search_past_its_budget_is_left_to_the_server(
    synthetic: tuple[FalkorDBStore, dict[str, list[str]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    store, kinds = synthetic
    source, target = kinds["technology"][0], kinds["company"][0]
    whole = store.shortest_paths(source, target, 4, 10_000)
    monkeypatch.setattr(falkordb_store, "PATH_SEARCH_ROWS", 3)
    served: list[int] = []
    server_search_of = CypherStore.shortest_paths

    def server_search(*args: object) -> list[Row]:
        served.append(1)
        return server_search_of(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(CypherStore, "shortest_paths", server_search)
    assert _found(store.shortest_paths(source, target, 4, 10_000)) == _found(whole)
    assert served == [1]
    assert len(store.shortest_paths(source, target, 4, 1)) == min(1, len(whole))
