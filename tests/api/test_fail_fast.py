"""Fail fast and bounded: authentication before the body, bounded traversals, store timeouts, no
internals in error bodies, and interactive docs without outside requests."""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from gxgraph.domain.vocabulary import Direction, Role
from gxgraph.services import graph, keys
from gxgraph.store.base import GraphStore, Row
from gxgraph.store.falkordb import FalkorDBStore
from gxgraph.store.neo4j import Neo4jStore
from tests.conftest import REPO, Api, load_jsonl
from tests.live import live_server
from tests.test_imports import jsonl

S = {"source": "test", "illustrative": True}
LEAVES = 3_000


def _star(store: GraphStore, leaves: int = LEAVES) -> None:
    """A country with ``leaves`` companies located in it: a classification hub."""
    rows: list[dict[str, object]] = [
        {"kind": "country", "id": "hub", "name_en": "Hub", "iso_code": "HU", **S},
    ]
    rows += [{"kind": "company", "id": f"co-{i:05d}", "name_en": f"Company {i}", **S} for i in range(leaves)]
    rows += [{"type": "LOCATED_IN", "from": f"co-{i:05d}", "to": "hub", **S} for i in range(leaves)]
    load_jsonl(store, jsonl(rows))


def test_a_body_without_a_key_is_refused_before_it_is_read(store: GraphStore) -> None:
    # Announce 60 MB, send none of it: a server that reads bodies before checking keys never answers.
    with live_server(store) as base:
        host, port = urlsplit(base).hostname, urlsplit(base).port
        with socket.create_connection((host, port), timeout=5) as conn:
            conn.sendall(
                b"POST /v1/fields HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
                b"Content-Length: 60000000\r\n\r\n{"
            )
            started = time.perf_counter()
            reply = b""
            while b'"details"' not in reply:
                chunk = conn.recv(4096)
                if not chunk:
                    break
                reply += chunk
        assert reply.startswith(b"HTTP/1.1 401"), reply[:200]
        assert time.perf_counter() - started < 2
        assert b'"code":"unauthenticated"' in reply


class CountingStore:
    """A real store that counts the relationship rows neighbourhood expansion reads."""

    def __init__(self, store: GraphStore) -> None:
        self._store = store
        self.rows_read = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def expand(
        self, ids: Sequence[str], direction: Direction, rel_types: Sequence[str] | None, limit: int
    ) -> list[Row]:
        rows = self._store.expand(ids, direction, rel_types, limit)
        self.rows_read += len(rows)
        return rows


def test_a_deep_walk_around_a_hub_reads_a_bounded_number_of_rows(store: GraphStore) -> None:
    _star(store)
    counting = CountingStore(store)
    found = graph.neighbors(counting, "hub", depth=3, limit=1)
    assert len(found.neighbors) == 1
    assert found.truncated
    assert counting.rows_read <= graph.expansion_budget(1) < LEAVES
    # A company two hops from every other company through the hub: by default the hub is returned but
    # not walked through; walked through, the walk stops at the budget too.
    counting.rows_read = 0
    around = graph.neighbors(counting, "co-00001", depth=2, limit=5)
    assert [(n.node["id"], n.distance) for n in around.neighbors] == [("hub", 1)]
    assert counting.rows_read == 1
    counting.rows_read = 0
    through = graph.neighbors(counting, "co-00001", depth=2, limit=5, through_classifiers=True)
    assert [n.distance for n in through.neighbors] == [1, 2, 2, 2, 2]
    assert counting.rows_read <= graph.expansion_budget(5)


def _with_timeout(store: GraphStore, request: pytest.FixtureRequest, seconds: float) -> GraphStore:
    """Another client of the same test graph whose reads time out after ``seconds``."""
    if isinstance(store, Neo4jStore):
        uri = request.getfixturevalue("neo4j_uri")
        return Neo4jStore(uri, "neo4j", "", "neo4j", query_timeout=seconds)
    server = request.getfixturevalue("falkordb_server")
    return FalkorDBStore(server.socket, "test", query_timeout=seconds)


def test_a_query_past_the_time_limit_is_a_504(store: GraphStore, request: pytest.FixtureRequest) -> None:
    _star(store, leaves=20_000)
    impatient = _with_timeout(store, request, 0.001)
    with live_server(impatient) as base:
        key = keys.create_key(store, "timeout", Role.VIEWER).key
        response = httpx.get(
            f"{base}/v1/nodes/hub/neighbors",
            params={"depth": 2, "limit": 1000},
            headers={"X-API-Key": key},
            timeout=30,
        )
    impatient.close()
    assert response.status_code == 504, response.text[:300]
    assert response.json()["error"]["code"] == "store_timeout"


def test_an_unreachable_neo4j_answers_503_fast_and_health_stays_quick() -> None:
    # Each asker holds a worker thread for the 4 s connect timeout: a health check that queued behind
    # them would take that long, one served beside them answers at once (with room for a loaded CI).
    dead = Neo4jStore("bolt://127.0.0.1:9", "neo4j", "", "neo4j", connect_timeout=4.0)
    with live_server(dead, anonymous_role="viewer") as base:
        answers: list[httpx.Response] = []

        def ask() -> None:
            answers.append(httpx.get(f"{base}/v1/fields", timeout=30))

        askers = [threading.Thread(target=ask) for _ in range(45)]
        started = time.perf_counter()
        for asker in askers:
            asker.start()
        time.sleep(0.5)  # the askers now hold the thread pool
        health_started = time.perf_counter()
        health = httpx.get(f"{base}/healthz", timeout=5)
        health_seconds = time.perf_counter() - health_started
        ready = httpx.get(f"{base}/readyz", timeout=10)
        for asker in askers:
            asker.join(60)
        elapsed = time.perf_counter() - started
    dead.close()
    assert health.status_code == 200
    assert health_seconds < 3
    assert ready.status_code == 503
    assert {answer.status_code for answer in answers} == {503}
    assert elapsed < 40
    for answer in [*answers, ready]:
        assert answer.headers["retry-after"].isdigit()
        body = answer.text
        assert answer.json()["error"]["code"] == "store_unavailable"
        assert "127.0.0.1" not in body
        assert ":9" not in body
        assert "bolt" not in body


def _listening_pid(port: int) -> int:
    """The process listening on loopback TCP ``port`` (the test Neo4j, whoever started it)."""
    inodes = {
        fields[9]
        for table in ("tcp", "tcp6")  # Java listens on an IPv6 socket that also takes IPv4
        for line in Path(f"/proc/net/{table}").read_text().splitlines()[1:]
        if (fields := line.split())[1].endswith(f":{port:04X}") and fields[3] == "0A"
    }
    for fd in Path("/proc").glob("[0-9]*/fd/*"):
        with contextlib.suppress(OSError):
            if os.readlink(fd).removeprefix("socket:[").removesuffix("]") in inodes:
                return int(fd.parts[2])
    raise AssertionError(f"nothing listens on port {port}")


def test_neo4j_paused_under_load_gives_errors_within_the_timeout_then_recovers(
    neo4j_session_store: Neo4jStore, neo4j_uri: str
) -> None:
    store = neo4j_session_store
    store.clear()
    pid = _listening_pid(urlsplit(neo4j_uri).port or 7687)
    paused = Neo4jStore(neo4j_uri, "neo4j", "", "neo4j", connect_timeout=1.0, query_timeout=2.0)
    load_jsonl(store, jsonl([{"kind": "field", "id": "ai", "name_en": "AI", **S}]))
    with live_server(paused, anonymous_role="viewer", request_deadline_seconds=3) as base:
        assert httpx.get(f"{base}/v1/fields/ai", timeout=10).status_code == 200
        subprocess.run(["kill", "-STOP", str(pid)], check=True)
        try:
            started = time.perf_counter()
            during = [httpx.get(f"{base}/v1/fields/ai", timeout=30) for _ in range(3)]
            waited = (time.perf_counter() - started) / len(during)
            health = httpx.get(f"{base}/healthz", timeout=5)
        finally:
            subprocess.run(["kill", "-CONT", str(pid)], check=True)
        deadline = time.monotonic() + 30
        after = httpx.get(f"{base}/v1/fields/ai", timeout=30)
        while after.status_code != 200 and time.monotonic() < deadline:
            time.sleep(0.5)
            after = httpx.get(f"{base}/v1/fields/ai", timeout=30)
    paused.close()
    assert {answer.status_code for answer in during} <= {503, 504}
    assert waited < 5
    assert health.status_code == 200
    assert after.status_code == 200
    assert after.json()["id"] == "ai"


def test_store_errors_never_echo_internals(api: Api) -> None:
    response = api.client.get("/readyz")
    assert response.status_code == 200
    assert set(response.json()) == {"status", "backend"}


def test_the_docs_page_loads_nothing_from_outside(api: Api) -> None:
    page = api.client.get("/docs")
    assert page.status_code == 200
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert assets
    assert all(asset.startswith("/static/") for asset in assets)
    assert not re.search(r"https?://", page.text)
    for asset in assets:
        assert api.client.get(asset).status_code == 200
    check = subprocess.run(
        [sys.executable, REPO / "scripts" / "vendor_assets.py", "--check"],
        check=False,
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr


@pytest.mark.parametrize(
    "path",
    [
        "/v1/search?q=a%00b",
        "/v1/experts?title=x%07y",
        "/v1/companies?q=%EF%BF%BF",
        "/v1/fields?x%00=1",
        "/v1/case_studies?year_min=-252004997002003447808",
        "/v1/companies?valuation_usd_min=inf",
    ],
)
def test_query_text_no_store_can_hold_is_a_422(api: Api, path: str) -> None:
    response = api.client.get(path, headers=api.headers())
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "invalid_input"
    assert error["details"][0]["loc"][0] == "query"
