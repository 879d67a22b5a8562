"""``make bench``: one table of what gxgraph costs beside a floor or baseline, per size and store.

Prints each figure as it is measured, then the table, and writes the run as JSON
(``bench-results/<start time>.json``, or ``--json``; rewritten after each store, ``complete`` at the
end) so runs can be compared, and a run stopped early keeps what it measured; nothing is asserted.
For each size and store (the embedded FalkorDB in a temporary folder, and Neo4j at
``GXGRAPH_BENCH_NEO4J_URI`` unless ``--store`` says otherwise) it loads the seeded synthetic graph
through the real import and reuses the other benchmark scripts for the figures:

* ``bench.py``: import, re-import of the unchanged rows, and the lookups through the service layer;
* ``bench_import.py``: the import's floor (bare ``UNWIND ... CREATE`` of the same rows through the raw
  client) and one row per query (extrapolated from a slice), measured just before the import;
* ``bench_projection.py``: the analytics projection (fresh process each: seconds and memory held),
  the build it replaced (property maps), and the floor (one raw edge query into igraph);
* ``bench_analytics.py``: every analytic once on the projection (first store only: the analytics
  do not depend on the store);
* ``bench_http.py`` with ``--http``: lookups under 16 clients beside a minimal FastAPI app.

``ratio`` is gxgraph's cost over the floor's or baseline's (time, memory, or 1 / throughput): 1.0 is
at the floor. ::

    .venv/bin/python scripts/bench_table.py --sizes 10000 100000
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import bench
import bench_analytics
import bench_import
import bench_projection

from gxgraph.seeding.synthetic import SyntheticConfig
from gxgraph.services.projection import build_projection
from gxgraph.store.base import CypherStore


@dataclass
class Figure:
    """One row of the table."""

    size: int
    store: str
    figure: str
    unit: str
    gxgraph: float
    floor: float | None = None
    floor_is: str = ""

    @property
    def ratio(self) -> float | None:
        """gxgraph's cost over the floor's: for a rate (unit ending in /s) the inverse."""
        if not self.floor or not self.gxgraph:
            return None
        return self.floor / self.gxgraph if self.unit.endswith("/s") else self.gxgraph / self.floor


def bench_store(
    size: int, name: str, target: str, repeat: int, analytics: bool, previous: bool
) -> list[Figure]:
    """Every figure of one size on one store."""
    rows = bench._rows(SyntheticConfig(nodes=size, seed=42))
    store: CypherStore = bench_projection.open_store(target)
    figures: list[Figure] = []

    def add(figure: str, unit: str, value: float, floor: float | None = None, floor_is: str = "") -> None:
        figures.append(Figure(size, name, figure, unit, value, floor, floor_is))
        # Printed as measured: a long run stopped early still shows what it measured.
        print(f"  {figure} ({unit}): {_number(value)}" + (f", {floor_is}: {_number(floor)}" if floor else ""))

    print(f"{size:,} nodes on {name}")
    try:
        prepared = bench_import.Prepared([row.value for row in rows if isinstance(row.value, dict)])
        baselines = bench_import.measure(store, prepared)
        del prepared  # a second copy of every row: gigabytes at the 1M size
        measured = bench.bench_store(store, rows, repeat)
        count = len(rows)
        del rows  # gigabytes at the 1M size, and nothing below reads them
        rate = count / measured["import_seconds"]
        floor_rate = count / baselines["floor_seconds"]
        add("import, first", "rows/s", rate, floor_rate, "raw UNWIND CREATE, same client")
        single_rate = count / baselines["one_per_query_seconds"]
        add("import, first", "rows/s", rate, single_rate, "one row per query (extrapolated)")
        add(
            "re-import, unchanged",
            "s",
            measured["reimport_seconds"],
            measured["import_seconds"],
            "the first import (target ratio <= 0.33)",
        )
        for query, median in measured.items():
            if not query.endswith("_seconds"):
                add(query, "ms", median)
        after_write = bench_projection.measure_after_writes(store)
        graph = build_projection(store).graph if analytics else None
        # Measured while this store stays open: the embedded server then keeps running between the
        # measuring processes instead of stopping and restarting (and rewriting its log) in between.
        projections = {
            method: bench_projection.measure(method, target)
            for method in bench_projection.METHODS
            if previous or method != "maps"
        }
    finally:
        store.close()
    floor, columns = projections["floor"], projections["columns"]
    floor_is = "raw edge query + igraph"
    add("projection build", "s", columns["seconds"], floor["seconds"], floor_is)
    per_rel = "kb_per_relationship"
    add("projection held", "KB/rel", columns[per_rel], floor[per_rel], floor_is)
    add(
        "projection build, peak growth", "MiB", columns["peak_growth_mib"], floor["peak_growth_mib"], floor_is
    )
    full_build = "a full build"
    add(
        "projection after a single write",
        "ms",
        after_write["advance_seconds"] * 1000,
        after_write["build_seconds"] * 1000,
        full_build,
    )
    add("memoised analytic answer", "ms", after_write["memoised_ms"])
    if "maps" in projections:
        maps = projections["maps"]
        add("previous build (property maps)", "s", maps["seconds"], floor["seconds"], floor_is)
        add("previous build, held", "KB/rel", maps[per_rel], floor[per_rel], floor_is)
    if graph is not None:
        for analytic, seconds in bench_analytics.time_analytics(graph).items():
            add(f"analytics: {analytic}", "s", seconds)
    return figures


def bench_http(size: int, seconds: float, output: Path) -> list[Figure]:
    """bench_http.py on the embedded store: req/s and p99 beside the minimal FastAPI app."""
    command = [sys.executable, str(Path(__file__).with_name("bench_http.py")), "--nodes", str(size)]
    command += ["--seconds", str(seconds), "--json", str(output)]
    subprocess.run(command, check=True)
    measured = json.loads(output.read_text())["lookups"]
    figures = []
    for lookup, got in measured.items():
        ours, floor = got["gxgraph"], got["floor"]
        floor_is = f"minimal FastAPI, same bytes (load {ours['load']:.1f})"
        figures.append(
            Figure(size, "falkordb", f"http {lookup}", "req/s", ours["rps"], floor["rps"], floor_is)
        )
        for cut in ("p50", "p95", "p99"):
            figures.append(
                Figure(size, "falkordb", f"http {lookup} {cut}", "ms", ours[cut], floor[cut], floor_is)
            )
        # Server CPU per request: the figure other load on the machine disturbs least.
        cpu = ours["cpu_ms"], floor["cpu_ms"]
        figures.append(Figure(size, "falkordb", f"http {lookup} cpu", "ms/req", *cpu, floor_is))
    return figures


def _number(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.2f}"


def print_table(figures: list[Figure]) -> None:
    """The one table: figure, gxgraph, floor/baseline, ratio."""
    head = f"{'figure':48} {'gxgraph':>12} {'floor/baseline':>15} {'ratio':>7}  floor is"
    print(f"\n{'size':>9} {'store':8} {head}")
    for f in figures:
        ratio = "—" if f.ratio is None else f"{f.ratio:.2f}"
        print(
            f"{f.size:>9,} {f.store:8} {f.figure + ' (' + f.unit + ')':48} {_number(f.gxgraph):>12}"
            f" {_number(f.floor):>15} {ratio:>7}  {f.floor_is}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--store", choices=["falkordb", "neo4j", "both"], default="both")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument(
        "--quick", action="store_true", help="leave out the previous projection build (the CI smoke test)"
    )
    parser.add_argument(
        "--no-analytics",
        action="store_true",
        help="leave out the analytics (run on the first store only: they do not depend on the store)",
    )
    parser.add_argument("--http", action="store_true", help="also bench_http.py (embedded store)")
    parser.add_argument("--http-seconds", type=float, default=5)
    parser.add_argument("--json", type=Path, help="default: bench-results/<UTC start time>.json")
    args = parser.parse_args()
    uri = os.environ.get("GXGRAPH_BENCH_NEO4J_URI", "bolt://127.0.0.1:17687")
    figures: list[Figure] = []
    started = time.time()
    output = args.json or Path("bench-results") / time.strftime("%Y%m%dT%H%M%SZ.json", time.gmtime(started))
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="gxgraph-bench-") as folder:
            stores = {"falkordb": folder, "neo4j": uri}
            chosen = [name for name in stores if args.store in (name, "both")]
            for name in chosen:
                figures += bench_store(
                    size,
                    name,
                    stores[name],
                    args.repeat,
                    name == chosen[0] and not args.no_analytics,
                    not args.quick,
                )
                _write(output, started, args.sizes, figures, complete=False)
            if "neo4j" in chosen:
                neo = bench_projection.open_store(uri)
                neo.clear()
                neo.close()
            if args.http:
                figures += bench_http(size, args.http_seconds, Path(folder) / "bench-http.json")
    print_table(figures)
    _write(output, started, args.sizes, figures, complete=True)
    print(f"wrote {output}")


def _write(output: Path, started: float, sizes: list[int], figures: list[Figure], complete: bool) -> None:
    """The run as JSON, rewritten after each store's figures (``complete`` once every size ran)."""
    run = {
        "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(started)),
        "sizes": sizes,
        "complete": complete,
        "figures": [asdict(f) | {"ratio": f.ratio} for f in figures],
    }
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(run, indent=2))


if __name__ == "__main__":
    main()
