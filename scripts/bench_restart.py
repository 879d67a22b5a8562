"""Benchmark: how long the embedded FalkorDB takes to reopen a store, after a clean stop and after a crash.

Prints what it measured; nothing is asserted. For each size it loads a seeded synthetic graph through
the import service into a fresh data folder, then:

* crash: ``kill -9`` of redis-server right after the import, then reopen (replays the AOF increment);
* clean: close the store (the last client out folds the log into an RDB base and stops), then reopen;
* first, ``--acknowledged`` one-node writes under each ``appendfsync`` setting, each acknowledged,
  then ``kill -9`` of redis-server right after the last reply: how many come back;
* with ``--queries-up-to N``, sizes up to N are also timed with every write logged as query text
  (what the store did before ``EFFECTS_THRESHOLD 0``), crash-reopened.

    .venv/bin/python scripts/bench_restart.py --nodes 16000 100000 --queries-up-to 4000
"""

from __future__ import annotations

import argparse
import os
import signal
import tempfile
import time
from pathlib import Path

import redis

from gxgraph.domain.kinds import NodeKind
from gxgraph.seeding.synthetic import SyntheticConfig, generate
from gxgraph.services.imports import ParsedRow, import_rows
from gxgraph.store.base import WriteBatch
from gxgraph.store.embedded import AppendFsync, EmbeddedFalkorDB
from gxgraph.store.falkordb import FalkorDBStore

GRAPH = "bench"


def _files(directory: Path) -> str:
    parts = sorted((directory / "appendonlydir").glob("appendonly.aof.*"))
    return ", ".join(
        f"{p.name.removeprefix('appendonly.aof.')} {p.stat().st_size / 2**20:.1f} MiB" for p in parts
    )


def _kill(directory: Path) -> None:
    pid = int((directory / "falkordb.pid").read_text())
    os.kill(pid, signal.SIGKILL)
    server = EmbeddedFalkorDB(directory)
    while server.is_running():
        time.sleep(0.01)


def _reopen(directory: Path, appendfsync: AppendFsync = "everysec") -> tuple[float, int, int]:
    start = time.perf_counter()
    store = FalkorDBStore.embedded(directory, GRAPH, appendfsync=appendfsync)
    seconds = time.perf_counter() - start
    counts = store.counts()
    store.close()
    return seconds, sum(counts["nodes"].values()), sum(counts["relationships"].values())


def _load(directory: Path, nodes: int, as_queries: bool) -> FalkorDBStore:
    store = FalkorDBStore.embedded(directory, GRAPH)
    store.ensure_schema()
    if as_queries:
        with redis.Redis(unix_socket_path=str(EmbeddedFalkorDB(directory).socket)) as client:
            client.execute_command("GRAPH.CONFIG", "SET", "EFFECTS_THRESHOLD", 2**31 - 1)
    rows = [ParsedRow("synthetic", n, row) for n, row in enumerate(generate(SyntheticConfig(nodes=nodes)), 1)]
    start = time.perf_counter()
    report = import_rows(store, rows, batch_size=5000)
    seconds = time.perf_counter() - start
    print(
        f"  import: {report.nodes_created:,} nodes, {report.relationships_created:,} rels in {seconds:.1f} s;"
        f" files: {_files(directory)}"
    )
    return store


def bench(nodes: int, as_queries: bool, root: Path) -> None:
    label = "writes logged as query text" if as_queries else "writes logged as effects"
    print(f"{nodes:,} nodes ({label})")
    crashed = root / f"{nodes}-{'queries' if as_queries else 'effects'}-crash"
    _load(crashed, nodes, as_queries)
    _kill(crashed)
    seconds, n, r = _reopen(crashed)
    print(f"  reopen after kill -9: {seconds:.2f} s ({n:,} nodes, {r:,} rels back)")
    if as_queries:
        return
    stopped = root / f"{nodes}-effects-clean"
    store = _load(stopped, nodes, as_queries)
    start = time.perf_counter()
    store.close()
    print(f"  clean stop (rewrite + shutdown): {time.perf_counter() - start:.2f} s; files: {_files(stopped)}")
    seconds, n, r = _reopen(stopped)
    print(f"  reopen after clean stop: {seconds:.2f} s ({n:,} nodes, {r:,} rels back)")


def acknowledged(writes: int, appendfsync: AppendFsync, root: Path) -> None:
    """One-node writes, each acknowledged, then kill -9 of redis-server right after the last reply."""
    directory = root / f"acked-{appendfsync}"
    store = FalkorDBStore.embedded(directory, GRAPH, appendfsync=appendfsync)
    store.ensure_schema()
    start = time.perf_counter()
    for n in range(writes):
        props = {"id": f"ack-{n}", "kind": "field", "name_en": f"n{n}", "_search": f" n{n}"}
        store.write(WriteBatch(nodes={NodeKind.FIELD: [{"id": f"ack-{n}", "props": props}]}))
    seconds = time.perf_counter() - start
    _kill(directory)
    _, found, _ = _reopen(directory, appendfsync)
    print(
        f"appendfsync {appendfsync}: {writes:,} acknowledged one-node writes at {writes / seconds:,.0f}/s;"
        f" kill -9 of redis-server right after the last reply; {found:,} of {writes:,} back"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--nodes", type=int, nargs="+", default=[16_000, 100_000])
    parser.add_argument("--acknowledged", type=int, default=2000, help="one-node writes before a kill -9")
    parser.add_argument(
        "--queries-up-to", type=int, default=0, help="also time query-text logs up to this size"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="gx-restart-") as tmp:
        for appendfsync in ("everysec", "always"):
            acknowledged(args.acknowledged, appendfsync, Path(tmp))
        for nodes in args.nodes:
            bench(nodes, as_queries=False, root=Path(tmp))
            if nodes <= args.queries_up_to:
                bench(nodes, as_queries=True, root=Path(tmp))


if __name__ == "__main__":
    main()
