"""A bounded load test: a mix of reads, analyses, queries and writes against ``gxgraph serve --workers``.

Starts ``gxgraph serve`` with ``--workers`` worker processes on loopback, over the embedded store
loaded with the sample ecosystem (in a scratch data folder) and, when ``GXGRAPH_LOAD_NEO4J_URI`` is
set, over that Neo4j too (its graph is REPLACED by the sample: point it at a test server only). Then
``--clients`` concurrent clients send a fixed mix of get, list, search, neighbours, who-knows,
commercialisation gaps, ``POST /v1/query``, the change feed, the audit log and ``PATCH`` of a node
until ``--seconds`` have passed or ``--requests`` were sent, whichever comes first. Rate limits are
on (far above what the run sends), so their cost is in the figures. Prints, per operation,
throughput, p50/p95/p99 latency and errors; exits 1 on any error (the bar is zero)::

    .venv/bin/python scripts/load.py --seconds 20 --clients 8
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.live import free_port, served_by_cli

LOOPBACK = "127.0.0.1"
MAX_SECONDS = 300.0
MAX_REQUESTS = 200_000
MAX_CLIENTS = 64
GENEROUS_LIMIT = "100000000"
"""Per-window limit set for every role: far above any run, so the limiter counts but never refuses."""
QUERY = {"statement": "MATCH (t:Technology)-[r]-(n) RETURN t.id AS id, count(n) AS degree LIMIT 25"}

Operation = Callable[[httpx.AsyncClient, random.Random], Awaitable[httpx.Response]]


@dataclass
class Sample:
    """Ids and words the operations pick from, read from the served graph before the run."""

    technologies: list[str]
    words: list[str]
    version: int
    """The graph version before the run: the change feed is read from there."""


@dataclass
class Tally:
    """Latencies (ms) and errors of one operation."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    examples: list[str] = field(default_factory=list)


def operations(sample: Sample) -> dict[str, Operation]:
    """The mix, one entry per operation; each picks its arguments from ``sample``."""

    def tech(rng: random.Random) -> str:
        return rng.choice(sample.technologies)

    def word(rng: random.Random) -> str:
        return rng.choice(sample.words)

    return {
        "get": lambda c, r: c.get(f"/v1/technologies/{tech(r)}"),
        "list": lambda c, r: c.get("/v1/technologies", params={"limit": 20, "sort": "name_en"}),
        "search": lambda c, r: c.get("/v1/search", params={"q": word(r)}),
        "neighbours": lambda c, r: c.get(f"/v1/nodes/{tech(r)}/neighbors"),
        "who-knows": lambda c, r: c.get("/v1/analytics/who-knows", params={"q": word(r)}),
        "gaps": lambda c, r: c.get("/v1/analytics/commercialisation-gaps"),
        "query": lambda c, r: c.post("/v1/query", json=QUERY),
        "changes": lambda c, r: c.get("/v1/changes", params={"since": sample.version, "limit": 100}),
        "audit": lambda c, r: c.get("/v1/audit", params={"limit": 20, "changes": 5}),
        "write": lambda c, r: c.patch(
            f"/v1/technologies/{tech(r)}", json={"description": f"load test write {r.random():.6f}"}
        ),
    }


async def read_sample(client: httpx.AsyncClient) -> Sample:
    response = await client.get("/v1/technologies", params={"limit": 200})
    response.raise_for_status()
    items = response.json()["items"]
    words = sorted({part.lower() for item in items for part in item["name_en"].split() if len(part) > 3})
    stats = (await client.get("/v1/stats")).json()
    return Sample([item["id"] for item in items], words or ["data"], int(stats["graph_version"]))


async def drive(
    base: str, key: str, clients: int, seconds: float, max_requests: int
) -> tuple[dict[str, Tally], float]:
    """Run the mix; the tallies per operation and the wall time the run took."""
    tallies: dict[str, Tally] = defaultdict(Tally)
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    headers = {"X-API-Key": key}
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=60, limits=limits) as client:
        mix = operations(await read_sample(client))
        names = list(mix)
        sent = itertools.count()
        started = time.monotonic()
        stop = started + seconds

        async def loop(number: int) -> None:
            rng = random.Random(number)
            position = number  # clients start at different operations, then go round the mix
            while time.monotonic() < stop and next(sent) < max_requests:
                name = names[position % len(names)]
                position += 1
                begun = time.perf_counter()
                try:
                    response = await mix[name](client, rng)
                    failed = None if response.is_success else f"{response.status_code} {response.text[:200]}"
                except httpx.HTTPError as exc:
                    failed = f"{type(exc).__name__}: {exc}"
                tally = tallies[name]
                tally.latencies.append((time.perf_counter() - begun) * 1000)
                if failed:
                    tally.errors += 1
                    if len(tally.examples) < 3:
                        tally.examples.append(failed)

        await asyncio.gather(*(loop(n) for n in range(clients)))
        return tallies, time.monotonic() - started


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def report(title: str, tallies: dict[str, Tally], wall: float) -> int:
    """Print the table; the number of errors."""
    print(f"\n{title}: {wall:.1f} s")
    print(f"{'operation':<12}{'requests':>9}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}")
    every = Tally()
    for tally in tallies.values():
        every.latencies += tally.latencies
        every.errors += tally.errors
        every.examples += tally.examples
    for name, tally in [*tallies.items(), ("all", every)]:
        lat = tally.latencies
        print(
            f"{name:<12}{len(lat):>9}{len(lat) / wall:>9.1f}{statistics.median(lat):>9.1f}"
            f"{percentile(lat, 0.95):>9.1f}{percentile(lat, 0.99):>9.1f}{tally.errors:>8}"
        )
    for example in every.examples:
        print(f"  error: {example}")
    return every.errors


def gxgraph(env: dict[str, str], *args: str) -> str:
    command = [sys.executable, "-m", "gxgraph", *args]
    return subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout


@contextmanager
def served(env: dict[str, str], workers: int) -> Iterator[str]:
    """``gxgraph serve --workers`` on a free loopback port; yields its base URL once ready."""
    env = {**env, "GXGRAPH_HOST": LOOPBACK, "GXGRAPH_PORT": str(free_port())}
    with served_by_cli(env, ready_within=180, options=("--workers", str(workers))) as base:
        yield base


def run_store(title: str, env: dict[str, str], args: argparse.Namespace) -> int:
    """Load the sample, make a key, serve and drive; the number of errors."""
    limit = "0" if args.no_rate_limit else GENEROUS_LIMIT
    env = env | {
        f"GXGRAPH_RATE_LIMIT_{role}": limit for role in ("VIEWER", "ANALYST", "SECRETARIAT", "ADMIN")
    }
    gxgraph(env, "seed", "--replace")
    secret = json.loads(gxgraph(env, "keys", "create", "--name", "load test", "--role", "admin"))["key"]
    with served(env, args.workers) as base:
        tallies, wall = asyncio.run(drive(base, secret, args.clients, args.seconds, args.requests))
    limits = "rate limits off" if args.no_rate_limit else "rate limits on"
    return report(f"{title}, {args.workers} workers, {args.clients} clients, {limits}", tallies, wall)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--seconds", type=float, default=20.0, help=f"run length per store (max {MAX_SECONDS:.0f})"
    )
    parser.add_argument(
        "--requests", type=int, default=20_000, help=f"request cap per store (max {MAX_REQUESTS})"
    )
    parser.add_argument("--clients", type=int, default=8, help=f"concurrent clients (max {MAX_CLIENTS})")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    parser.add_argument("--no-rate-limit", action="store_true", help="run with rate limits off (to compare)")
    args = parser.parse_args()
    args.seconds = min(max(args.seconds, 1.0), MAX_SECONDS)
    args.requests = min(max(args.requests, 1), MAX_REQUESTS)
    args.clients = min(max(args.clients, 1), MAX_CLIENTS)
    base_env = {**os.environ, "GXGRAPH_WARM_ANALYTICS": "true"}
    errors = 0
    with tempfile.TemporaryDirectory(prefix="gxgraph-load-") as data:
        env = base_env | {"GXGRAPH_STORE": "falkordb", "GXGRAPH_DATA_DIR": data}
        try:
            errors += run_store("embedded FalkorDB", env, args)
        finally:
            subprocess.run([sys.executable, "-m", "gxgraph", "store", "stop"], env=env, check=False)
    neo4j_uri = os.environ.get("GXGRAPH_LOAD_NEO4J_URI")
    if neo4j_uri:
        if urlparse(neo4j_uri).hostname not in {"127.0.0.1", "localhost", "::1"}:
            print(f"refusing {neo4j_uri}: the load test replaces the graph, so only a loopback Neo4j")
            return 2
        env = base_env | {"GXGRAPH_STORE": "neo4j", "GXGRAPH_NEO4J_URI": neo4j_uri}
        errors += run_store(f"Neo4j at {neo4j_uri}", env, args)
    print(f"\n{errors} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
