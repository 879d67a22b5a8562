"""Benchmark: every analysis of the catalogue on synthetic projections of growing size. Prints what it
measured.

    .venv/bin/python scripts/bench_analytics.py --nodes 10000 100000 1000000

Each size: build the projection from the seeded generator with ``graph_from_columns`` (the frozen
graph the server builds; the store read is timed separately by scripts/bench.py), then answer every
registered analysis once with its default parameters, as a request on a cold memo would (a ranked
analysis at its widest limit, as the server computes it, and without the memo, so
``partnership-gaps-by-region`` ranks the gaps again). Prints seconds per analysis, the suite's total,
the peak RSS and the load average (the machine is shared: read the figures beside it).
"""

from __future__ import annotations

import argparse
import os
import resource
import time
from typing import Any

import networkx as nx

from gxgraph.analyses import ANALYSES, AnalysisSpec, Projected
from gxgraph.analyses.spec import widest_limit
from gxgraph.analytics.columns import column_rows, graph_from_columns
from gxgraph.analytics.graph import nodes_of_kind
from gxgraph.seeding.synthetic import SyntheticConfig, generate
from gxgraph.services.projection import collector_paused


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench(nodes: int, seed: int) -> None:
    start = time.perf_counter()
    graph = graph_from_columns(*column_rows(generate(SyntheticConfig(nodes=nodes, seed=seed))))
    print(f"{nodes:,} nodes / {graph.number_of_edges():,} relationships: projection built in"
          f" {time.perf_counter() - start:.1f} s, peak RSS {_peak_mib():,.0f} MiB")  # fmt: skip
    seconds = time_analytics(graph)
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"  suite: {sum(seconds.values()):.1f} s, peak RSS {_peak_mib():,.0f} MiB, load average {load}")


def _arguments(graph: nx.MultiDiGraph) -> dict[str, dict[str, Any]]:
    """Values for the parameters that have no default, picked from the graph (deterministically)."""
    japanese = [c for c in nodes_of_kind(graph, "company") if graph.nodes[c].get("is_japanese")]
    company = japanese[len(japanese) // 2]
    institutions = nodes_of_kind(graph, "institution")
    active = [p for p in nodes_of_kind(graph, "partnership") if graph.nodes[p].get("status") == "active"]
    return {
        "recommendations": {"company": company},
        "who-knows": {"node": [nodes_of_kind(graph, "technology")[0]], "introduce_from": company},
        "warm-introduction": {"from": company, "to": institutions[len(institutions) // 3]},
        "country-profile": {"iso_code": "JP"},
        "replication": {"partnership_id": active[len(active) // 2]},
    }


def _params(spec: AnalysisSpec[Any, Any], values: dict[str, Any]) -> Any:
    params = spec.params.model_validate(values)
    return params.model_copy(update={"limit": widest_limit(spec.params)}) if spec.ranked else params


def time_analytics(graph: nx.MultiDiGraph) -> dict[str, float]:
    """Time every analysis of the catalogue once on ``graph``, as a request on a cold memo would;
    print and return the seconds by analysis name."""
    arguments, projected, seconds = _arguments(graph), Projected(graph), {}
    for spec in ANALYSES:
        params = _params(spec, arguments.get(spec.name, {}))
        start = time.perf_counter()
        with collector_paused():  # as the server computes it (ProjectionCache.compute_on)
            result = spec.compute(projected, params)
        seconds[spec.name] = elapsed = time.perf_counter() - start
        size = len(result) if isinstance(result, list | dict) else ""
        print(f"  {spec.name:<34} {elapsed:8.2f} s  {size!s:>5}  peak RSS {_peak_mib():,.0f} MiB")
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
