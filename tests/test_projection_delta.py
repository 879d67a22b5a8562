"""A projection advanced by the audit log equals, item for item and in order, one built anew."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from typing import Any

import networkx as nx
import pytest
from pydantic import TypeAdapter

from gxgraph.domain.kinds import NodeKind, RelType
from gxgraph.domain.nodes import Technology
from gxgraph.domain.relationships import Relationship
from gxgraph.services import nodes, relationships
from gxgraph.services.imports import ParsedRow, import_rows
from gxgraph.services.projection import Projection, ProjectionCache, advance_projection, build_projection
from gxgraph.store.base import GraphStore, Row, WriteBatch
from tests.conftest import SAMPLE

SAMPLE_ROWS = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
SRC = {"source": "test", "contributed_by": "academia", "illustrative": True}


def _row(kind_or_type: str, **fields: Any) -> dict[str, Any]:
    return next(
        dict(row)
        for row in SAMPLE_ROWS
        if kind_or_type in (row.get("kind"), row.get("type"))
        and all(row.get(k) == v for k, v in fields.items())
    )


def _import(store: GraphStore, rows: list[dict[str, Any]]) -> None:
    import_rows(store, [ParsedRow("test", number, row) for number, row in enumerate(rows, 1)])


def _every_kind_of_write(store: GraphStore) -> None:
    """Creates, updates (a property changed, added, removed; JSON and list columns), upserts and
    deletes of nodes and relationships, through the services and the import."""
    nodes.create_node(
        store,
        Technology.model_validate(
            {"id": "tech-aaa-new", "name_en": "A new one", "domain": "gx", "trl": 3, **SRC}
        ),
    )
    link = {"type": "DEVELOPS", "from": "co-alibaba", "to": "tech-aaa-new", "patents": 4, **SRC}
    relationships.create_relationship(store, TypeAdapter(Relationship).validate_python(link))
    nodes.update_node(store, NodeKind.TECHNOLOGY, "tech-5g-industrial-iot", {"trl": 9, "publications": None})
    country = _row("country", id="country-br")
    country["indicators"] = country["indicators"][:2]
    partnership = _row("partnership", id="part-asia-5g-pilot")
    partnership["content"] = ["joint_research", "licensing"]
    company = _row("company", id="co-alibaba")
    del company["sector"]
    strong = _row("STRONG_IN", **{"from": "country-br", "to": "field-agricultural-science"})
    strong["score"] = 0.5
    develops = _row("DEVELOPS", **{"from": "co-br-agrogemeo", "to": "tech-biochar"})
    del develops["publications"]
    new_company = {"kind": "company", "id": "co-0000-first", "name_en": "First", "country": "JP", **SRC}
    # New neighbours that sort before the old ones: the orders must still be those a build gives.
    first_developer = {"type": "DEVELOPS", "from": "co-0000-first", "to": "tech-biochar", **SRC}
    first_developed = {"type": "DEVELOPS", "from": "co-br-agrogemeo", "to": "tech-aaa-new", **SRC}
    rows = [country, partnership, company, strong, develops, new_company, first_developer, first_developed]
    _import(store, rows)
    relationships.delete_relationship(store, RelType.COVERS, *_ends("COVERS"))
    nodes.delete_node(store, NodeKind.COUNTRY, "country-cn")  # a hub: every LOCATED_IN to it goes too
    batch = WriteBatch()
    batch.nodes[NodeKind.FIELD] = [
        {"id": "field-zzz-last", "props": {"id": "field-zzz-last", "kind": "field"}}
    ]
    store.write(batch)  # no journal given: recorded as the system's upserts


def _ends(rel_type: str) -> tuple[str, str]:
    row = _row(rel_type)
    return row["from"], row["to"]


def _shape(graph: nx.MultiDiGraph) -> list[Any]:
    """Everything analytics can observe of a projection, order included."""
    return [
        list(graph.nodes(data=True)),
        list(graph.edges(keys=True, data=True)),
        [(node, list(graph.pred[node])) for node in graph],
        [(node, list(graph.succ[node])) for node in graph],
    ]


def test_an_advanced_projection_is_the_one_a_build_gives(sample_store: GraphStore) -> None:
    before = build_projection(sample_store)
    frozen_shape = _shape(before.graph)
    _every_kind_of_write(sample_store)

    advanced = advance_projection(sample_store, before)

    assert advanced is not None
    rebuilt = build_projection(sample_store)
    assert advanced.version == rebuilt.version == sample_store.graph_version() > before.version
    assert _shape(advanced.graph) == _shape(rebuilt.graph)
    assert (
        advanced.size
        == rebuilt.size
        == {
            "nodes": rebuilt.graph.number_of_nodes(),
            "relationships": rebuilt.graph.number_of_edges(),
        }
    )
    assert nx.is_frozen(advanced.graph)
    assert _shape(before.graph) == frozen_shape  # the projection in use is left as it was
    assert "country-cn" not in advanced.graph
    assert "tech-aaa-new" in advanced.graph
    assert advanced.graph.nodes["tech-5g-industrial-iot"]["trl"] == 9
    assert "publications" not in advanced.graph.nodes["tech-5g-industrial-iot"]


def test_changes_that_do_not_fit_or_too_many_mean_a_build(sample_store: GraphStore) -> None:
    before = build_projection(sample_store)
    nodes.update_node(sample_store, NodeKind.TECHNOLOGY, "tech-5g-industrial-iot", {"trl": 8})
    assert advance_projection(sample_store, before, max_changes=0) is None
    assert advance_projection(sample_store, build_projection(sample_store)) is None  # nothing to apply
    lacking = nx.freeze(
        nx.MultiDiGraph(before.graph.subgraph(n for n in before.graph if n != "tech-5g-industrial-iot"))
    )
    stale = type(before)(graph=lacking, version=before.version, build_seconds=0)
    assert advance_projection(sample_store, stale) is None  # an update of a node it lacks


class CountingStore:
    """A real store that counts whole-graph reads (projection builds)."""

    def __init__(self, store: GraphStore) -> None:
        self._store = store
        self.builds = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def iter_projection(self, page_size: int = 10_000) -> Iterator[tuple[list[Row], list[Row]]]:
        self.builds += 1
        yield from self._store.iter_projection(page_size)


@pytest.mark.parametrize("writes", [1, 5])
def test_the_cache_follows_writes_without_reading_the_graph_again(
    sample_store: GraphStore, writes: int
) -> None:
    counting = CountingStore(sample_store)
    cache = ProjectionCache(counting)
    first = cache.get()
    for trl in range(writes):
        nodes.update_node(sample_store, NodeKind.TECHNOLOGY, "tech-5g-industrial-iot", {"trl": trl + 1})
    current = cache.get()
    assert (counting.builds, current.version) == (1, sample_store.graph_version())
    assert current.graph.nodes["tech-5g-industrial-iot"]["trl"] == writes
    assert first.graph.nodes["tech-5g-industrial-iot"]["trl"] == 7
    assert _shape(current.graph) == _shape(build_projection(sample_store).graph)


def test_precomputing_runs_once_at_a_time_on_the_newest_projection(sample_store: GraphStore) -> None:
    """A stream of writes advances the projection per write, but heavy precomputing is not started
    per write: one hook runs at a time, and then on the newest projection only."""
    release = threading.Event()
    warmed: list[int] = []

    def hook(cache: ProjectionCache, projection: Projection, previous: Projection | None) -> None:
        warmed.append(projection.version)
        assert release.wait(30)

    cache = ProjectionCache(sample_store, on_build=hook)
    first = cache.get()
    for trl in (1, 2, 3):
        nodes.update_node(sample_store, NodeKind.TECHNOLOGY, "tech-5g-industrial-iot", {"trl": trl})
        cache.get()
    release.set()
    for worker in threading.enumerate():
        if worker.name == "precompute":
            worker.join(30)
    assert warmed == [first.version, sample_store.graph_version()]
