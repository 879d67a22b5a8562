"""Benchmark: the analytics on synthetic projections of growing size. Prints what it measured.

    .venv/bin/python scripts/bench_analytics.py --nodes 10000 100000

Each size: build the projection from the seeded generator (the store read is timed separately by
scripts/bench.py), then time every analytic once, as an API request on a cold memo would.
"""

from __future__ import annotations

import argparse
import resource
import time
from collections.abc import Callable
from functools import partial
from typing import Any

import networkx as nx

from gxgraph.analytics import (
    commercialisation,
    expertise,
    partnership_gaps,
    profile,
    recommend,
    structure,
    techmap,
)
from gxgraph.analytics.graph import graph_from_rows, nodes_of_kind
from gxgraph.seeding.synthetic import SyntheticConfig, generate


def _timed(name: str, action: Callable[[], Any], seconds: dict[str, float] | None = None) -> Any:
    start = time.perf_counter()
    result = action()
    elapsed = time.perf_counter() - start
    if seconds is not None:
        seconds[name] = elapsed
    size = len(result) if isinstance(result, list) else ""
    print(f"  {name:<34} {elapsed:8.2f} s  {size}")
    return result


def bench(nodes: int, seed: int) -> None:
    start = time.perf_counter()
    graph: nx.MultiDiGraph = graph_from_rows(generate(SyntheticConfig(nodes=nodes, seed=seed)))
    print(f"{nodes:,} nodes / {graph.number_of_edges():,} relationships: projection built in"
          f" {time.perf_counter() - start:.1f} s")  # fmt: skip
    time_analytics(graph)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak memory so far: {peak:,.0f} MiB")


def time_analytics(graph: nx.MultiDiGraph) -> dict[str, float]:
    """Time every analytic once on ``graph``, as a request on a cold memo would; print and return."""
    seconds: dict[str, float] = {}
    timed = partial(_timed, seconds=seconds)
    japanese = [c for c in nodes_of_kind(graph, "company") if graph.nodes[c].get("is_japanese")]
    company = japanese[len(japanese) // 2]
    tech = nodes_of_kind(graph, "technology")[0]
    index = timed("knowledge index", lambda: recommend.KnowledgeIndex(graph))
    timed("commercialisation gaps (top 50)", lambda: commercialisation.commercialisation_gaps(graph))
    timed("technology map", lambda: techmap.technology_map(graph))
    timed(
        "partnership gaps (min score 0.7)",
        lambda: partnership_gaps.partnership_gaps(graph, min_score=0.7, index=index),
    )
    methods: tuple[recommend.Method, ...] = (
        "adamic_adar",
        "jaccard",
        "resource_allocation",
        "personalized_pagerank",
    )
    for method in methods:
        timed(
            f"recommend ({method})",
            partial(recommend.recommend_partners, graph, company, method=method, index=index),
        )
    timed("who knows (one technology)", lambda: expertise.who_knows(graph, [tech]))
    timed(
        "who knows + warm introductions", lambda: expertise.who_knows(graph, [tech], introduce_from=company)
    )
    timed("brokers", lambda: structure.brokers(graph))
    timed("communities", lambda: structure.communities(graph))
    timed("isolated companies", lambda: structure.isolated_companies(graph))
    timed("central institutions", lambda: structure.central_institutions(graph))
    timed("country profiles", lambda: profile.compare_countries(graph))
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    for nodes in args.nodes:
        bench(nodes, args.seed)


if __name__ == "__main__":
    main()
