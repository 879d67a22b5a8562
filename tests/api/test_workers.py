"""Several workers, one graph: a write through one worker reaches the analytics of every other."""

from __future__ import annotations

import http.client
import json
import os
import time
from typing import Any

from gxgraph.domain.vocabulary import Role
from gxgraph.services import keys
from gxgraph.store.base import GraphStore
from tests.live import free_port, served_by_cli, store_env, worker_pid

ISOLATED = "/v1/analytics/isolated-companies?limit=500"


def _ask(port: int, key: str, method: str, path: str, body: Any = None) -> tuple[int, Any, int]:
    """One request on a new connection (so the kernel hands them to either worker): its status, its
    JSON body and the pid of the worker that accepted the connection."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        headers = {"X-API-Key": key, "Content-Type": "application/json"}
        connection.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
        response = connection.getresponse()
        pid = worker_pid(port, connection.sock.getsockname()[1])
        return response.status, json.loads(response.read()), pid
    finally:
        connection.close()


def _answers_by_worker(port: int, key: str, wanted: int, within: float = 120) -> dict[int, Any]:
    """The isolated-companies answer of each of ``wanted`` workers (asking until each has answered)."""
    answers: dict[int, Any] = {}
    deadline = time.monotonic() + within
    while len(answers) < wanted and time.monotonic() < deadline:
        status, body, pid = _ask(port, key, "GET", ISOLATED)
        assert status == 200, body
        answers[pid] = body
    assert len(answers) == wanted, "the requests did not reach every worker"
    return answers


def test_a_write_through_one_worker_is_in_the_analytics_of_the_other(sample_store: GraphStore) -> None:
    admin = keys.create_key(sample_store, "two workers", Role.ADMIN).key
    env = {**os.environ, **store_env(sample_store), "GXGRAPH_PORT": str(free_port())}
    env["GXGRAPH_WARM_ANALYTICS"] = "false"
    with served_by_cli(env, options=("--workers", "2")) as base:
        port = int(base.rsplit(":", 1)[1])
        before = _answers_by_worker(port, admin, 2)  # both workers hold a projection of the sample
        assert {answer["graph_version"] for answer in before.values()} == {sample_store.graph_version()}
        company = {"id": "co-jp-worker-test", "name_en": "Worker test", "country": "JP", "is_japanese": True}
        company |= {"source": "test", "contributed_by": "company", "illustrative": True}
        status, created, writer = _ask(port, admin, "POST", "/v1/companies", company)
        assert status == 201, created
        version = sample_store.graph_version()

        after = _answers_by_worker(port, admin, 2)

    assert writer in after
    for pid, answer in after.items():
        assert answer["graph_version"] == version, f"worker {pid} answered from an older projection"
        assert answer["projection"]["nodes"] == before[pid]["projection"]["nodes"] + 1
        assert answer["results"][0]["id"] == "co-jp-worker-test"  # out of reach of every frontier
        assert answer["results"][0]["hops"] is None
