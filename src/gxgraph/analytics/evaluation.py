"""Offline evaluation of the partner recommendations against random and degree baselines.

:func:`evaluate` hides a seeded share of the ACTIVE partnerships between a Japanese company and an
institution, then asks each method of :mod:`gxgraph.analytics.recommend` to find them again.
Because the knowledge features never read ``PARTY`` edges, hiding a partnership removes it from
what the rankings see. Scores are macro precision@k and recall@k over the query companies.
"""

from __future__ import annotations

import itertools
import random
import time
from collections import Counter, defaultdict
from collections.abc import Sequence

import networkx as nx
from pydantic import BaseModel, Field

from gxgraph.analytics.graph import is_japanese, nodes_of_kind
from gxgraph.analytics.recommend import (
    METHODS,
    PPR_EXCLUDED_TYPES,
    KnowledgeIndex,
    WalkGraph,
    active_partners,
    check_method,
    parties_of,
    personalized_pagerank,
    top_scores,
)

__all__ = ["EvaluationReport", "MethodScore", "evaluate"]


class MethodScore(BaseModel):
    """Macro precision@k and recall@k of one ranking over the query companies."""

    method: str
    precision: dict[int, float]
    recall: dict[int, float]
    seconds: float = Field(description="Wall time of all its rankings: the one non-deterministic field.")


class EvaluationReport(BaseModel):
    """What ``evaluate`` hid and measured; ``results`` ends with the ``random`` and ``degree`` baselines."""

    seed: int
    hidden_fraction: float
    k: list[int]
    hidden_partnerships: int
    hidden_pairs: int
    queries: int
    candidates: int
    results: list[MethodScore]


def evaluate(
    graph: nx.MultiDiGraph,
    *,
    hidden_fraction: float = 0.2,
    k: Sequence[int] = (5, 10),
    seed: int = 0,
    methods: Sequence[str] = METHODS,
    max_queries: int | None = None,
    experts: bool = True,
) -> EvaluationReport:
    """Hide some ACTIVE partnerships of a Japanese company and an institution, then predict them.

    The hidden partnerships lose their PARTY edges (read as deleted), so they are neither excluded nor
    walked by PageRank; the knowledge features never read PARTY. Each Japanese company with a hidden
    institution partner ranks every institution it has no visible active partnership with;
    ``random`` shuffles them (seeded) and ``degree`` sorts them by degree in the visible graph.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The projection.
    hidden_fraction : float
        Share of the eligible partnerships to hide.
    k : sequence of int
        Cut-offs of precision@k and recall@k.
    seed : int
        Seeds what is hidden, the query sample and the random baseline.
    methods : sequence of str
        Methods to compare with the baselines.
    max_queries : int, optional
        Evaluate a seeded sample of this many companies.
    experts : bool
        Passed to ``KnowledgeIndex``.

    Returns
    -------
    EvaluationReport
        Macro averages over the query companies, deterministic for a seed (``seconds`` aside).
        Cost: O(n) plus one ranking per query and method (PageRank: at most 1 / (0.15 ``PPR_EPSILON``)
        pushes each).

    Examples
    --------
    >>> from gxgraph.analytics.graph import graph_from_rows
    >>> g = graph_from_rows([{"kind": "company", "id": "c", "is_japanese": True},
    ...     {"kind": "institution", "id": "i"}, {"kind": "institution", "id": "j"},
    ...     {"kind": "technology", "id": "t"}, {"kind": "partnership", "id": "p", "status": "active"},
    ...     {"type": "DEVELOPS", "from": "c", "to": "t"}, {"type": "DEVELOPS", "from": "i", "to": "t"},
    ...     {"type": "PARTY", "from": "p", "to": "c"}, {"type": "PARTY", "from": "p", "to": "i"}])
    >>> report = evaluate(g, hidden_fraction=1.0, k=(1,), methods=["adamic_adar"])
    >>> report.hidden_pairs, [(r.method, r.precision[1]) for r in report.results if r.method != "random"]
    (1, [('adamic_adar', 1.0), ('degree', 1.0)])
    """
    for method in methods:
        check_method(method)
    rng, cuts = random.Random(seed), sorted(set(k))  # noqa: S311 - reproducible sampling, not secrets

    def japanese_company(v: str) -> bool:
        return bool(graph.nodes[v]["kind"] == "company" and is_japanese(graph, v))

    institutions = nodes_of_kind(graph, "institution")
    is_institution = set(institutions).__contains__
    eligible = [
        deal
        for deal in nodes_of_kind(graph, "partnership")
        if graph.nodes[deal].get("status") == "active"
        and any(japanese_company(p) for p in parties_of(graph, deal))
        and any(map(is_institution, parties_of(graph, deal)))
    ]
    hidden = sorted(rng.sample(eligible, round(hidden_fraction * len(eligible))))
    # The hidden PARTY edges are left out where they are read (partners, walk, degrees): a copy of
    # the graph without them costs seconds and gigabytes at a million nodes.
    removed = [(deal, p, "PARTY") for deal in hidden for p in parties_of(graph, deal)]
    existing, truth = active_partners(graph, set(hidden)), defaultdict[str, set[str]](set)
    for deal in hidden:
        parties = parties_of(graph, deal)
        for c in filter(japanese_company, parties):
            truth[c].update(i for i in parties if is_institution(i) and i not in existing.get(c, ()))
    queries = sorted(c for c, found in truth.items() if found)
    if max_queries is not None and len(queries) > max_queries:
        queries = sorted(rng.sample(queries, max_queries))
    index, walk = KnowledgeIndex(graph, experts=experts), WalkGraph(graph, PPR_EXCLUDED_TYPES, removed)
    lost = Counter(end for deal, party, _ in removed for end in (deal, party))
    degree = {i: graph.degree(i) - lost[i] for i in institutions}
    shuffler = random.Random(seed)  # noqa: S311

    # Each query ranks nearly every institution: the orders are made once and each query filters
    # them, rather than sorting every institution per query.
    by_degree = sorted(institutions, key=lambda i: (-degree[i], i))
    everyone = frozenset(institutions)

    def ranking(method: str, company: str) -> list[str]:
        linked = existing.get(company, set())
        if method == "random":  # institutions is sorted, so this is sorted(candidates)
            pool = [i for i in institutions if i not in linked]
            return shuffler.sample(pool, min(cuts[-1], len(pool)))
        if method == "degree":
            return list(itertools.islice((i for i in by_degree if i not in linked), cuts[-1]))
        # Scored against every institution and the linked ones dropped after: a candidate set built
        # per query cost O(institutions) per query, quadratic in the graph's size.
        if method == "personalized_pagerank":
            scores = personalized_pagerank(walk, company)[0]
        else:
            scores = index.scores(company, everyone, method)
        scores = {v: score for v, score in scores.items() if v in everyone and v not in linked}
        return [v for v, _ in top_scores(scores, cuts[-1])]

    results = []
    for method in [*methods, "random", "degree"]:
        started, precision, recall = time.perf_counter(), dict.fromkeys(cuts, 0.0), dict.fromkeys(cuts, 0.0)
        for company in queries:
            top = ranking(method, company)
            for cut in cuts:
                found = len(truth[company].intersection(top[:cut]))
                precision[cut] += found / cut / len(queries)
                recall[cut] += found / len(truth[company]) / len(queries)
        seconds = time.perf_counter() - started
        results.append(MethodScore(method=method, precision=precision, recall=recall, seconds=seconds))
    hidden_pairs = sum(len(found) for found in truth.values())
    return EvaluationReport(
        seed=seed, hidden_fraction=hidden_fraction, k=cuts, hidden_partnerships=len(hidden),
        hidden_pairs=hidden_pairs, queries=len(queries), candidates=len(institutions), results=results,
    )  # fmt: skip
