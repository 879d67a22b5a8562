"""Rate limits: per key by role, per client address without a key, counted in the store across workers."""

from __future__ import annotations

import http.client
import os
import time
from collections.abc import Iterator
from random import randrange

import httpx
import pytest

from gxgraph.domain.vocabulary import Role
from gxgraph.services import keys
from gxgraph.store.base import GraphStore
from tests.conftest import Api, make_api
from tests.live import free_port, live_server, served_by_cli, store_env, worker_pid

HOUR = 3600


def wait_for_fresh_window(window_seconds: int, needed: float) -> None:
    """Sleep into the next window unless ``needed`` seconds are left in this one, so a test's requests
    all land in one fixed window."""
    left = window_seconds - time.time() % window_seconds
    if left < needed:
        time.sleep(left + 0.05)


def assert_too_many(response: httpx.Response, window_seconds: int) -> int:
    """The 429 in the one error shape; its Retry-After in seconds."""
    assert response.status_code == 429
    assert response.json()["error"]["code"] == "too_many_requests"
    assert set(response.json()["error"]) == {"code", "message", "details"}
    retry_after = int(response.headers["Retry-After"])
    assert 1 <= retry_after <= window_seconds
    left = window_seconds - time.time() % window_seconds
    assert abs(retry_after - left) <= 1.5
    return retry_after


@pytest.fixture
def limited_api(store: GraphStore) -> Iterator[Api]:
    yield from make_api(store, rate_limit_viewer=3, rate_limit_window_seconds=HOUR)


def test_a_key_past_its_limit_gets_429_and_other_keys_do_not(limited_api: Api) -> None:
    wait_for_fresh_window(HOUR, 30)
    viewer = limited_api.headers(Role.VIEWER)
    for _ in range(3):
        assert limited_api.client.get("/v1/fields", headers=viewer).status_code == 200
    assert_too_many(limited_api.client.get("/v1/fields", headers=viewer), HOUR)
    # Refused requests count too: the key stays refused until the window ends.
    assert_too_many(limited_api.client.get("/v1/fields", headers=viewer), HOUR)
    other_viewer = keys.create_key(limited_api.store, "second viewer", Role.VIEWER).key
    assert limited_api.client.get("/v1/fields", headers={"X-API-Key": other_viewer}).status_code == 200
    # The analyst role's limit is 0: unlimited.
    for _ in range(6):
        response = limited_api.client.get("/v1/fields", headers=limited_api.headers(Role.ANALYST))
        assert response.status_code == 200


def test_health_probes_and_static_files_are_not_limited(store: GraphStore) -> None:
    for api in make_api(store, rate_limit_viewer=1):
        wait_for_fresh_window(60, 10)
        viewer = api.headers(Role.VIEWER)
        for _ in range(3):
            assert api.client.get("/healthz", headers=viewer).status_code == 200
            assert api.client.get("/readyz", headers=viewer).status_code == 200
            favicon = api.client.get("/static/swagger-ui/favicon-32x32.png", headers=viewer)
            assert favicon.status_code == 200
        # None of those counted: the key still has its one request.
        assert api.client.get("/v1/fields", headers=viewer).status_code == 200
        assert_too_many(api.client.get("/v1/fields", headers=viewer), 60)


def test_the_window_resets(store: GraphStore) -> None:
    window = 2
    for api in make_api(store, rate_limit_viewer=2, rate_limit_window_seconds=window):
        wait_for_fresh_window(window, 1.5)
        viewer = api.headers(Role.VIEWER)
        assert [api.client.get("/v1/fields", headers=viewer).status_code for _ in range(2)] == [200, 200]
        retry_after = assert_too_many(api.client.get("/v1/fields", headers=viewer), window)
        time.sleep(retry_after)
        assert api.client.get("/v1/fields", headers=viewer).status_code == 200


def _client_from(address: str, base: str) -> httpx.Client:
    return httpx.Client(base_url=base, transport=httpx.HTTPTransport(local_address=address))


def test_keyless_requests_are_limited_per_client_address(store: GraphStore) -> None:
    viewer = keys.create_key(store, "viewer", Role.VIEWER).key
    settings = {"anonymous_role": "viewer", "rate_limit_anonymous": 2, "rate_limit_window_seconds": HOUR}
    with live_server(store, **settings) as base:
        wait_for_fresh_window(HOUR, 30)
        # Counters outlive the graph's clear(): fresh loopback addresses keep reruns within the hour apart.
        first_address, second_address = (f"127.{randrange(1, 255)}.{randrange(256)}.{n}" for n in (2, 3))
        with _client_from(first_address, base) as first, _client_from(second_address, base) as second:
            assert [first.get("/v1/fields").status_code for _ in range(2)] == [200, 200]
            assert_too_many(first.get("/v1/fields"), HOUR)
            assert second.get("/v1/fields").status_code == 200
            # A key from the same address counts against the key, not the address.
            assert first.get("/v1/fields", headers={"X-API-Key": viewer}).status_code == 200


def test_counters_live_outside_the_graph(store: GraphStore) -> None:
    keys.create_key(store, "keeps the store non-empty", Role.VIEWER)
    version, counts = store.graph_version(), store.counts()
    start = int(time.time())
    assert [store.hit_rate_window("key:k1", start, 60) for _ in range(3)] == [1, 2, 3]
    assert store.hit_rate_window("key:k2", start, 60) == 1
    assert store.hit_rate_window("key:k1", start + 60, 60) == 1
    assert store.graph_version() == version
    assert store.counts() == counts
    assert list(store.iter_nodes()) == []


# -- several workers ---------------------------------------------------------------------------
def test_two_workers_count_against_one_limit(store: GraphStore) -> None:
    limit = 12
    viewer = keys.create_key(store, "spread over workers", Role.VIEWER).key
    env = store_env(store) | {
        "GXGRAPH_RATE_LIMIT_VIEWER": str(limit),
        "GXGRAPH_RATE_LIMIT_WINDOW_SECONDS": str(HOUR),
    }
    served_env = {**os.environ, **env, "GXGRAPH_PORT": str(free_port()), "GXGRAPH_WARM_ANALYTICS": "false"}
    admin = keys.create_key(store, "unlimited prober", Role.ADMIN).key  # admin: no limit set

    def ask(port: int, key: str) -> tuple[int, int]:
        """One request on a new connection (so the kernel hands them to both workers): its status and
        the worker process that accepted the connection."""
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            connection.request("GET", "/v1/fields", headers={"X-API-Key": key})
            status = connection.getresponse().status
            client_port = connection.sock.getsockname()[1]
            return status, worker_pid(port, client_port)
        finally:
            connection.close()

    with served_by_cli(served_env, options=("--workers", "2")) as base:
        port = int(base.rsplit(":", 1)[1])
        # /readyz answers once one worker is up: wait until the other accepts connections too.
        started: set[int] = set()
        deadline = time.monotonic() + 60
        while len(started) < 2 and time.monotonic() < deadline:
            started.add(ask(port, admin)[1])
        wait_for_fresh_window(HOUR, 60)
        statuses: list[int] = []
        workers: set[int] = set()
        for _ in range(3 * limit):
            status, worker = ask(port, viewer)
            statuses.append(status)
            workers.add(worker)
    assert len(workers) == 2, "the requests did not reach both workers"
    assert statuses == [200] * limit + [429] * (2 * limit)
