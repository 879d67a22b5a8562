"""HTTP lookups under concurrent clients: gxgraph beside the framework floor, in the same run.

Prints what it measured (and writes it as JSON); nothing is asserted. Starts ``gxgraph serve`` on an
embedded store holding a seeded synthetic graph of ``--nodes`` nodes (kept in ``--data-dir`` between
runs), and a minimal FastAPI app answering every benchmarked URL with the very bytes gxgraph answered
(the floor: routing, the ASGI server and the client, no store). Then for each lookup, ``--clients``
concurrent clients send requests for ``--seconds`` seconds to each server in turn. Beside latency it
reports the CPU each server spent per request (the process and its children: for gxgraph, the
embedded store's server), the figure least disturbed by other load on the machine, and the load
average. Lookups are driven once the server has finished its start-up work (the projection and the
precomputed analyses), which would otherwise compete with them::

    .venv/bin/python scripts/bench_http.py --nodes 100000 --clients 16 --seconds 10
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

FLOOR_APP = """
import json
from fastapi import FastAPI, Request
from fastapi.responses import Response
answers = json.load(open(ANSWERS))
app = FastAPI()
@app.get("/{path:path}")
def answer(path: str, request: Request) -> Response:
    url = request.url.path + ("?" + request.url.query if request.url.query else "")
    return Response(answers[url], media_type="application/json")
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def gxgraph(env: dict[str, str], *args: str) -> str:
    command = [sys.executable, "-m", "gxgraph", *args]
    return subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout


def cpu_seconds(pid: int) -> float:
    """User and system CPU of ``pid`` and its child processes so far (Linux ``/proc``)."""
    pids = [pid]
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children") as children:
            pids += [int(child) for child in children.read().split()]
    total = 0
    for each in pids:
        with open(f"/proc/{each}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def wait_idle(pid: int, seconds: float = 900) -> float:
    """Wait until ``pid`` (and its children) use under 10% of a core over a second; the seconds waited."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        before = cpu_seconds(pid)
        time.sleep(1)
        if cpu_seconds(pid) - before < 0.1:
            break
    return time.monotonic() - start


def wait_ready(url: str, process: subprocess.Popen[bytes], seconds: float = 600) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} exited")
        try:
            if httpx.get(url, timeout=1).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not start")


async def drive(
    base: str, path: str, headers: dict[str, str], clients: int, seconds: float, pid: int | None = None
) -> dict[str, Any]:
    """``clients`` loops requesting ``path`` for ``seconds``; latencies in ms, errors counted, and with
    ``pid`` the server's CPU milliseconds per request."""
    cpu_before = cpu_seconds(pid) if pid is not None else 0.0
    latencies: list[float] = []
    errors = 0
    stop = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=60, limits=limits) as client:

        async def loop() -> None:
            nonlocal errors
            while time.monotonic() < stop:
                start = time.perf_counter()
                response = await client.get(path)
                latencies.append((time.perf_counter() - start) * 1000)
                errors += response.status_code != 200

        started = time.monotonic()
        await asyncio.gather(*(loop() for _ in range(clients)))
        elapsed = time.monotonic() - started
    cpu = cpu_seconds(pid) - cpu_before if pid is not None else None
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    return {
        "requests": len(latencies),
        "rps": len(latencies) / elapsed,
        "p50": cuts[49],
        "p95": cuts[94],
        "p99": cuts[98],
        "errors": errors,
        "cpu_ms": None if cpu is None else cpu * 1000 / max(1, len(latencies)),
        "load": os.getloadavg()[0],
    }


def start_floor(
    data_dir: Path, answers: dict[str, str], port: int, env: dict[str, str]
) -> subprocess.Popen[bytes]:
    """The framework floor: a minimal FastAPI app answering each URL with gxgraph's bytes."""
    bodies = data_dir / "floor-answers.json"
    bodies.write_text(json.dumps(answers))
    (data_dir / "floor_app.py").write_text(FLOOR_APP.replace("ANSWERS", repr(str(bodies))))
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "floor_app:app",
        "--port",
        str(port),
        "--log-level",
        "warning",
    ]
    env = env | {"PYTHONPATH": str(data_dir)}
    return subprocess.Popen(
        command, cwd=data_dir, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def lookups_of(base: str, headers: dict[str, str]) -> dict[str, str]:
    """The benchmarked URLs: an ordinary company, a field, and text that many names contain."""
    company = httpx.get(f"{base}/v1/companies?limit=1", headers=headers).json()["items"][0]["id"]
    field = httpx.get(f"{base}/v1/fields?limit=1", headers=headers).json()["items"][0]["id"]
    return {
        "get node": f"/v1/nodes/{company}",
        "search 'technology 12'": "/v1/search?q=technology%2012",
        "neighbours depth 1 (company)": f"/v1/nodes/{company}/neighbors?depth=1&limit=50",
        "neighbours depth 2 (company)": f"/v1/nodes/{company}/neighbors?depth=2&limit=50",
        "who-knows (warm)": f"/v1/analytics/who-knows?node={field}&limit=10",
    }


def compare(
    servers: tuple[tuple[str, int], tuple[str, int]],
    lookups: dict[str, str],
    headers: dict[str, str],
    clients: int,
    seconds: float,
) -> dict[str, Any]:
    """Drive each lookup on gxgraph, then on the floor (``servers``: their base URLs and pids); print
    a row each."""
    (base, pid), (floor, floor_pid) = servers
    results: dict[str, Any] = {}
    print(f"{clients} clients, {seconds:.0f} s each; gxgraph | floor (minimal FastAPI, same bytes)")
    print(
        f"{'lookup':30} {'req/s':>6} {'p50':>6} {'p95':>6} {'p99':>6} {'err':>3} {'cpu':>5} |"
        f" {'req/s':>6} {'p99':>6} {'cpu':>5} | {'req/s':>5} {'cpu':>5} {'load':>5}"
    )
    for name, path in lookups.items():
        ours = asyncio.run(drive(base, path, headers, clients, seconds, pid))
        theirs = asyncio.run(drive(floor, path, {}, clients, seconds, floor_pid))
        results[name] = {"gxgraph": ours, "floor": theirs}
        print(
            f"{name:30} {ours['rps']:6.0f} {ours['p50']:6.1f} {ours['p95']:6.1f} {ours['p99']:6.1f}"
            f" {ours['errors']:3d} {ours['cpu_ms']:5.2f} | {theirs['rps']:6.0f} {theirs['p99']:6.1f}"
            f" {theirs['cpu_ms']:5.2f} | {ours['rps'] / theirs['rps']:5.0%}"
            f" {ours['cpu_ms'] / theirs['cpu_ms']:5.1f}x {ours['load']:5.1f}"
        )
    print("cpu: server CPU ms per request; last columns: gxgraph / floor, and the 1-minute load average")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--data-dir", type=Path, default=None, help="Reuse a store built by an earlier run.")
    parser.add_argument("--json", type=Path, default=Path("bench-http.json"))
    args = parser.parse_args()
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="gxgraph-bench-http-"))
    port, floor_port = free_port(), free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("GXGRAPH_")}
    env |= {"GXGRAPH_DATA_DIR": str(data_dir), "GXGRAPH_PORT": str(port), "GXGRAPH_HOST": "127.0.0.1"}
    stats = json.loads(gxgraph(env, "store", "stats"))
    if sum(stats["nodes"].values()) < args.nodes:
        start = time.perf_counter()
        gxgraph(env, "seed", "--replace", "--synthetic", str(args.nodes))
        print(f"seeded {args.nodes:,} synthetic nodes in {time.perf_counter() - start:.0f} s")
    key = json.loads(gxgraph(env, "keys", "create", "--name", "bench", "--role", "analyst"))["key"]
    headers = {"X-API-Key": key}
    server = subprocess.Popen(
        [sys.executable, "-m", "gxgraph", "serve"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    floor = None
    try:
        base = f"http://127.0.0.1:{port}"
        wait_ready(f"{base}/readyz", server)
        lookups = lookups_of(base, headers)
        start = time.perf_counter()
        answers = {
            path: httpx.get(f"{base}{path}", headers=headers, timeout=600).text for path in lookups.values()
        }
        print(f"first answers (projection build included) in {time.perf_counter() - start:.1f} s")
        print(f"server idle (precomputed analyses done) {wait_idle(server.pid):.0f} s later")
        floor = start_floor(data_dir, answers, floor_port, env)
        wait_ready(f"http://127.0.0.1:{floor_port}{lookups['get node']}", floor)
        servers = ((base, server.pid), (f"http://127.0.0.1:{floor_port}", floor.pid))
        measured = compare(servers, lookups, headers, args.clients, args.seconds)
        results = {"nodes": args.nodes, "clients": args.clients, "seconds": args.seconds, "lookups": measured}
        args.json.write_text(json.dumps(results, indent=2))
        print(f"wrote {args.json}")
    finally:
        for process in (server, floor):
            if process is not None and process.poll() is None:
                process.terminate()
                process.wait(30)
        gxgraph(env, "store", "stop")


if __name__ == "__main__":
    main()
