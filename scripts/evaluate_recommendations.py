"""Evaluate partner recommendations on synthetic graphs: precision@k and recall@k against baselines.

Prints what it measured; nothing is asserted. For each ``--nodes`` size it generates the seeded
synthetic graph, hides ``--hidden`` of the active Japanese-company x institution partnerships
(``gxgraph.analytics.evaluation.evaluate``), averages the metrics over ``--repeats`` hiding seeds, and
times single ``recommend_partners`` calls (each with a fresh index, as an API call would have)::

    .venv/bin/python scripts/evaluate_recommendations.py --nodes 10000 100000 --seed 7 --hidden 0.2
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from gxgraph.analytics.evaluation import EvaluationReport, evaluate
from gxgraph.analytics.graph import graph_from_rows, is_japanese, nodes_of_kind
from gxgraph.analytics.recommend import METHODS, recommend_partners
from gxgraph.seeding.synthetic import SyntheticConfig, generate


def _table(reports: list[EvaluationReport]) -> None:
    cuts = reports[0].k
    heads = [f"P@{k}" for k in cuts] + [f"R@{k}" for k in cuts]
    print(f"  {'method':<24}" + "".join(f"{h:>8}" for h in heads) + f"{'ms/query':>10}")
    for row, first in enumerate(reports[0].results):
        runs = [report.results[row] for report in reports]
        values = [statistics.mean(r.precision[k] for r in runs) for k in cuts]
        values += [statistics.mean(r.recall[k] for r in runs) for k in cuts]
        per_query = 1000 * sum(r.seconds for r in runs) / max(1, sum(rep.queries for rep in reports))
        print(f"  {first.method:<24}" + "".join(f"{v:>8.3f}" for v in values) + f"{per_query:>10.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--nodes", type=int, nargs="+", default=[10_000], help="synthetic graph sizes")
    parser.add_argument(
        "--seed", type=int, default=7, help="seed of the synthetic graph and of the first hiding"
    )
    parser.add_argument("--hidden", type=float, default=0.2, help="share of eligible partnerships to hide")
    parser.add_argument("--repeats", type=int, default=3, help="hiding seeds to average over")
    parser.add_argument("--max-queries", type=int, default=None, help="sample this many query companies")
    parser.add_argument("--methods", nargs="+", default=list(METHODS), choices=METHODS)
    parser.add_argument("--calls", type=int, default=10, help="single recommend_partners calls to time")
    args = parser.parse_args()
    for nodes in args.nodes:
        started = time.perf_counter()
        graph = graph_from_rows(generate(SyntheticConfig(nodes=nodes, seed=args.seed)))
        print(
            f"synthetic graph: {graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} relationships"
            f" (seed {args.seed}, built in {time.perf_counter() - started:.1f} s)"
        )
        reports = []
        for repeat in range(args.repeats):
            started = time.perf_counter()
            report = evaluate(
                graph,
                hidden_fraction=args.hidden,
                seed=args.seed + repeat,
                methods=args.methods,
                max_queries=args.max_queries,
            )
            reports.append(report)
            print(
                f"  hiding seed {report.seed}: {report.hidden_partnerships} partnerships hidden,"
                f" {report.hidden_pairs} pairs, {report.queries} query companies,"
                f" {report.candidates:,} candidate institutions ({time.perf_counter() - started:.1f} s)"
            )
        print(f"macro averages over {args.repeats} hiding seed(s):")
        _table(reports)
        japanese = [c for c in nodes_of_kind(graph, "company") if is_japanese(graph, c)]
        sample = random.Random(args.seed).sample(japanese, min(args.calls, len(japanese)))
        print(
            f"single recommend_partners calls (limit 10, fresh index each), {len(sample)} Japanese companies:"
        )
        for method in args.methods:
            times = []
            for company in sample:
                started = time.perf_counter()
                recommend_partners(graph, company, method=method)
                times.append(1000 * (time.perf_counter() - started))
            print(f"  {method:<24} median {statistics.median(times):8.1f} ms   max {max(times):8.1f} ms")
        print()


if __name__ == "__main__":
    main()
