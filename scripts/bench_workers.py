"""Benchmark: ``gxgraph serve --workers N`` over one graph: memory per worker, and a write's reach.

Each worker process keeps its own analytics projection of the shared store, advanced from the audit
log after every write (``gxgraph.services.projection``). This measures what that costs an operator:

* each worker's resident memory before and after its projection is built (one analysis asked of
  every worker), the total, and KB per relationship per worker;
* after one ``PATCH`` through any worker, how long until every worker answers an analysis at the
  new graph version (a cheap one, so mostly the projection following the write, and an O(n + m) one).

Prints what it measured; nothing is asserted. Loads a seeded synthetic graph into a scratch embedded
store (or, with ``--neo4j URI``, REPLACES that Neo4j's graph: point it at a test server only)::

    .venv/bin/python scripts/bench_workers.py --nodes 100000 --workers 4
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.live import free_port, served_by_cli, worker_pid

ANALYSIS = "/v1/analytics/countries"
"""A cheap analysis (country profiles): the time after a write is then mostly the projection's."""
HEAVIER = "/v1/analytics/isolated-companies?limit=5"
"""An O(n + m) one (a multi-source search over the whole graph): what an answer costs on top."""


def _ask(port: int, key: str, method: str, path: str, body: Any = None) -> tuple[Any, int]:
    """One request on a new connection (the kernel spreads them over the workers): the JSON answer
    and the pid of the worker that took it."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=3600)
    try:
        headers = {"X-API-Key": key, "Content-Type": "application/json"}
        connection.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
        response = connection.getresponse()
        answer = json.loads(response.read())
        if response.status >= 400:
            raise RuntimeError(f"{method} {path}: {response.status} {answer}")
        return answer, worker_pid(port, connection.sock.getsockname()[1])
    finally:
        connection.close()


def _rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for {pid}")


def _every_worker(port: int, key: str, path: str, workers: int, accept: Any = None) -> dict[int, Any]:
    """Ask ``path`` until each of ``workers`` workers has given an answer ``accept`` takes."""
    answers: dict[int, Any] = {}
    while len(answers) < workers:
        answer, pid = _ask(port, key, "GET", path)
        if accept is None or accept(answer):
            answers[pid] = answer
    return answers


def _gxgraph(env: dict[str, str], *args: str) -> str:
    command = [sys.executable, "-m", "gxgraph", *args]
    return subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout


def run(env: dict[str, str], workers: int) -> None:
    """Serve, measure memory and a write's reach, print."""
    secret = json.loads(_gxgraph(env, "keys", "create", "--name", "bench workers", "--role", "admin"))["key"]
    env = {**env, "GXGRAPH_HOST": "127.0.0.1", "GXGRAPH_PORT": str(free_port())}
    env["GXGRAPH_WARM_ANALYTICS"] = "false"  # built when asked, so the before/after RSS is the projection's
    env["GXGRAPH_REQUEST_DEADLINE_SECONDS"] = "1800"  # the first answer waits for the worker's build
    with served_by_cli(env, ready_within=600, options=("--workers", str(workers))) as base:
        port = int(base.rsplit(":", 1)[1])
        idle = {pid: _rss_mib(pid) for pid in _every_worker(port, secret, "/v1/schema", workers)}
        start = time.perf_counter()
        answers = _every_worker(port, secret, ANALYSIS, workers)
        built = time.perf_counter() - start
        held = {pid: _rss_mib(pid) for pid in answers}
        relationships = next(iter(answers.values()))["projection"]["relationships"]
        print(
            f"{workers} workers, projection of {relationships:,} relationships each, built in {built:.1f} s"
        )
        for pid in sorted(held):
            growth = held[pid] - idle.get(pid, held[pid])
            print(
                f"  worker {pid}: {idle.get(pid, float('nan')):,.0f} MiB idle -> {held[pid]:,.0f} MiB"
                f" (+{growth:,.0f} MiB, {growth * 1024 / max(1, relationships):.2f} KB/rel)"
            )
        print(f"  all workers: {sum(held.values()):,.0f} MiB resident")
        technology = _ask(port, secret, "GET", "/v1/technologies?limit=1")[0]["items"][0]["id"]
        for path in (ANALYSIS, HEAVIER):
            _every_worker(port, secret, path, workers)  # memoised at the current version
            reach = []
            for trl in (3, 4, 5):
                _ask(port, secret, "PATCH", f"/v1/technologies/{technology}", {"trl": trl})
                start = time.perf_counter()
                version = _ask(port, secret, "GET", path)[0]["latest_graph_version"]
                _every_worker(
                    port, secret, path, workers, lambda answer, v=version: answer["graph_version"] >= v
                )
                reach.append(time.perf_counter() - start)
            print(
                f"  a PATCH until every worker answers {path} at its version: "
                + ", ".join(f"{seconds * 1000:,.0f} ms" for seconds in reach)
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--neo4j", help="a test Neo4j's Bolt URI (its graph is replaced)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="gxgraph-bench-workers-") as data:
        env = {**os.environ, "GXGRAPH_STORE": "falkordb", "GXGRAPH_DATA_DIR": data}
        if args.neo4j:
            env |= {"GXGRAPH_STORE": "neo4j", "GXGRAPH_NEO4J_URI": args.neo4j}
        start = time.perf_counter()
        _gxgraph(env, "seed", "--replace", "--synthetic", str(args.nodes))
        print(f"seeded {args.nodes:,} synthetic nodes in {time.perf_counter() - start:.0f} s")
        try:
            run(env, args.workers)
        finally:
            if not args.neo4j:
                subprocess.run([sys.executable, "-m", "gxgraph", "store", "stop"], env=env, check=False)


if __name__ == "__main__":
    main()
