"""Both stores give identical analytic results on the same data."""

from __future__ import annotations

from typing import Any

import networkx as nx

from gxgraph.analytics.commercialisation import commercialisation_gaps
from gxgraph.analytics.commercialisation_strength import commercialisation_strength
from gxgraph.analytics.expertise import who_knows
from gxgraph.analytics.partner_selection import partner_matrix, partnership_content_review
from gxgraph.analytics.partnership_gaps import partnership_gaps
from gxgraph.analytics.profile import compare_countries
from gxgraph.analytics.recommend import recommend_partners
from gxgraph.analytics.replication import replication_candidates
from gxgraph.analytics.structure import brokers, central_institutions, communities, isolated_companies
from gxgraph.analytics.techmap import technology_map
from gxgraph.services.projection import build_projection
from gxgraph.store.falkordb import FalkorDBStore
from gxgraph.store.neo4j import Neo4jStore
from tests.conftest import SAMPLE, load_jsonl


def _everything(graph: nx.MultiDiGraph) -> dict[str, Any]:
    results: dict[str, Any] = {
        "gaps": commercialisation_gaps(graph, limit=None),
        "partnership_gaps": partnership_gaps(graph),
        "recommend": recommend_partners(graph, "co-jp-kasumi", method="personalized_pagerank"),
        "who_knows": who_knows(graph, ["field-cybersecurity"], introduce_from="co-jp-aoba"),
        "map": technology_map(graph),
        "brokers": brokers(graph),
        "communities": communities(graph),
        "isolated": isolated_companies(graph),
        "central": central_institutions(graph),
        "profiles": compare_countries(graph),
        "replication": replication_candidates(graph, "part-us-univ-ecosystem"),
        "strength": commercialisation_strength(graph),
        "strength_cyber": commercialisation_strength(graph, field="field-cybersecurity"),
        "matrix": partner_matrix(graph, field="field-cybersecurity"),
        "matrix_all": partner_matrix(graph),
        "review": partnership_content_review(graph, status=None),
    }
    return {
        name: [row.model_dump(mode="json") for row in value]
        if isinstance(value, list)
        else value.model_dump(mode="json")
        for name, value in results.items()
    }


def test_identical_results_from_falkordb_and_neo4j(
    falkordb_session_store: FalkorDBStore, neo4j_session_store: Neo4jStore
) -> None:
    answers = []
    for store in (falkordb_session_store, neo4j_session_store):
        store.clear()
        load_jsonl(store, SAMPLE.read_text(encoding="utf-8"))
        answers.append(_everything(build_projection(store).graph))
    assert answers[0] == answers[1]
    assert answers[0]["gaps"]
    assert answers[0]["communities"]
    assert answers[0]["matrix"]["actionable"] == ["inst-me-innovation-authority"]
