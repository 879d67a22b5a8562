"""Evaluation of the partner recommendations on a synthetic graph: baselines beaten, deterministic."""

from __future__ import annotations

import networkx as nx

from gxgraph.analytics.evaluation import evaluate
from gxgraph.analytics.recommend import METHODS


def test_evaluation_beats_the_baselines_and_is_deterministic(synthetic_graph: nx.MultiDiGraph) -> None:
    report = evaluate(synthetic_graph, seed=0)
    again = evaluate(synthetic_graph, seed=0)
    assert report.model_dump(exclude={"results": {"__all__": {"seconds"}}}) == again.model_dump(
        exclude={"results": {"__all__": {"seconds"}}}
    )
    by_method = {r.method: r for r in report.results}
    assert list(by_method) == [*METHODS, "random", "degree"]
    assert report.queries >= 10
    assert report.hidden_pairs >= report.queries
    for method in ("adamic_adar", "resource_allocation"):
        assert by_method[method].precision[10] > by_method["random"].precision[10]
        assert by_method[method].precision[10] > by_method["degree"].precision[10]
        assert by_method[method].recall[10] > 2 * by_method["random"].recall[10]


def test_max_queries_evaluates_a_seeded_sample_of_the_query_companies(
    synthetic_graph: nx.MultiDiGraph,
) -> None:
    every = evaluate(synthetic_graph, seed=3, methods=["adamic_adar"])
    sample = evaluate(synthetic_graph, seed=3, methods=["adamic_adar"], max_queries=5)
    assert every.queries > 5
    assert sample.queries == 5
    assert sample.hidden_pairs == every.hidden_pairs  # the same partnerships are hidden
    again = evaluate(synthetic_graph, seed=3, methods=["adamic_adar"], max_queries=5)
    assert [r.precision for r in again.results] == [r.precision for r in sample.results]
