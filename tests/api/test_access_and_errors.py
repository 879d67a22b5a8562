"""API keys and roles, the one error shape, body limits, health probes, import and export over HTTP."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import networkx as nx
import pytest

from gxgraph.domain.vocabulary import Role
from gxgraph.errors import Unauthenticated
from gxgraph.services import keys
from gxgraph.store.base import GraphStore
from tests.conftest import Api, make_api
from tests.test_imports import GOOD, jsonl

FIELD = {"id": "ai", "name_en": "AI", "source": "s"}


def test_reads_need_a_key(api: Api) -> None:
    response = api.client.get("/v1/fields")
    assert response.status_code == 401
    assert response.json() == {
        "error": {
            "code": "unauthenticated",
            "message": "an API key is required (header X-API-Key or Authorization: Bearer)",
            "details": [],
        }
    }
    assert api.client.get("/v1/fields", headers={"X-API-Key": "gx_nope_nope"}).status_code == 401
    assert api.client.get("/v1/fields", headers={"X-API-Key": "garbage"}).status_code == 401


def test_bearer_tokens_work_too(api: Api) -> None:
    response = api.client.get("/v1/fields", headers={"Authorization": f"Bearer {api.keys[Role.VIEWER]}"})
    assert response.status_code == 200


def test_roles_gate_writes(api: Api) -> None:
    for role, expected in ((Role.VIEWER, 403), (Role.ANALYST, 403), (Role.SECRETARIAT, 201)):
        body = {**FIELD, "id": f"ai-{role.value}"}
        response = api.client.post("/v1/fields", json=body, headers=api.headers(role))
        assert response.status_code == expected, role
    assert api.client.get("/v1/fields", headers=api.headers(Role.VIEWER)).json()["total"] == 1


@pytest.fixture
def uncached_api(store: GraphStore) -> Iterator[Api]:
    yield from make_api(store, api_key_cache_seconds=0)


def test_revoked_key_stops_at_once_without_the_key_cache(uncached_api: Api) -> None:
    new = keys.create_key(uncached_api.store, "temp", Role.VIEWER)
    assert uncached_api.client.get("/v1/fields", headers={"X-API-Key": new.key}).status_code == 200
    keys.revoke_key(uncached_api.store, new.key_id)
    response = uncached_api.client.get("/v1/fields", headers={"X-API-Key": new.key})
    assert response.status_code == 401
    assert "revoked" in response.json()["error"]["message"]


def test_the_key_cache_trusts_a_key_for_its_bound_and_no_longer(store: GraphStore) -> None:
    now = [0.0]
    cache = keys.KeyCache(2.0, clock=lambda: now[0])
    new = keys.create_key(store, "cached", Role.ANALYST)
    assert keys.authenticate(store, new.key, cache=cache).role == Role.ANALYST
    assert cache.holds(new.key)
    keys.revoke_key(store, new.key_id)  # as the command line or another worker would
    now[0] = 1.99
    assert keys.authenticate(store, new.key, cache=cache).key_id == new.key_id  # within the bound
    with pytest.raises(Unauthenticated, match="not valid"):  # a wrong secret never passes on the cache
        keys.authenticate(store, new.key[:-1] + ("A" if new.key[-1] != "A" else "B"), cache=cache)
    now[0] = 2.0
    assert not cache.holds(new.key)
    with pytest.raises(Unauthenticated, match="revoked"):
        keys.authenticate(store, new.key, cache=cache)
    with pytest.raises(Unauthenticated, match="revoked"):  # a revoked key is not remembered
        keys.authenticate(store, new.key, cache=cache)
    assert not cache.holds(new.key)


def test_a_key_revoked_elsewhere_stops_in_every_worker_within_the_bound(store: GraphStore) -> None:
    bound = 0.5
    workers = [make_api(store, api_key_cache_seconds=bound) for _ in range(2)]  # two processes' caches
    apis: list[Api] = []
    try:
        apis += (next(worker) for worker in workers)
        new = keys.create_key(store, "two workers", Role.VIEWER)
        headers = {"X-API-Key": new.key}
        for api in apis:
            assert api.client.get("/v1/fields", headers=headers).status_code == 200
        keys.revoke_key(store, new.key_id)
        revoked = time.monotonic()
        for api in apis:
            while (response := api.client.get("/v1/fields", headers=headers)).status_code == 200:
                assert time.monotonic() - revoked < bound + 1, "the revoked key outlived the cache's bound"
                time.sleep(0.05)
            assert response.status_code == 401
            assert "revoked" in response.json()["error"]["message"]
    finally:
        for worker in workers[: len(apis)]:
            next(worker, None)  # past its yield: the app's lifespan ends


def test_keys_are_stored_hashed(api: Api) -> None:
    new = keys.create_key(api.store, "hashed", Role.VIEWER)
    stored = api.store.fetch_api_key(new.key_id)
    assert stored is not None
    assert new.key.split("_", 2)[2] not in json.dumps(stored)


@pytest.fixture
def open_api(store: GraphStore) -> Iterator[Api]:
    yield from make_api(store, anonymous_role="viewer", max_body_bytes=2048)


def test_anonymous_role_allows_reads_not_writes(open_api: Api) -> None:
    assert open_api.client.get("/v1/fields").status_code == 200
    assert open_api.client.post("/v1/fields", json=FIELD).status_code == 403


def test_oversized_bodies_are_413_and_write_nothing(open_api: Api) -> None:
    big = {**FIELD, "description": "x" * 4000}
    response = open_api.client.post("/v1/fields", json=big, headers=open_api.headers())
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"

    def chunks() -> Iterator[bytes]:  # no Content-Length: cut off once past the limit
        yield json.dumps(FIELD).encode()[:-1]
        yield b" " * 4096 + b"}"

    headers = {**open_api.headers(), "Content-Type": "application/json"}
    streamed = open_api.client.post("/v1/fields", content=chunks(), headers=headers)
    assert streamed.status_code == 413
    assert open_api.store.counts()["nodes"] == {}


def test_an_import_has_a_limit_of_its_own_and_is_read_as_a_stream(store: GraphStore) -> None:
    """An import body may pass the other routes' limit (it is spooled and parsed line by line), up to
    its own: a declared or streamed body over that is 413 and writes nothing."""
    body = (jsonl(GOOD) + "\n" * 4096).encode()  # blank lines: valid, and over max_body_bytes
    for api in make_api(store, max_body_bytes=2048, max_import_bytes=len(body)):
        over = api.client.post("/v1/import", content=body + b"\n", headers=api.headers())
        streamed_over = api.client.post("/v1/import", content=iter([body, b"\n"]), headers=api.headers())
        assert (over.status_code, streamed_over.status_code) == (413, 413)
        assert api.store.counts()["nodes"] == {}
        imported = api.client.post(
            "/v1/import", content=iter([body[:3000], body[3000:]]), headers=api.headers()
        )
        assert imported.status_code == 200, imported.text
        assert imported.json()["nodes_created"] == 3
        assert (
            api.client.post(
                "/v1/fields", json={**FIELD, "description": "x" * 4000}, headers=api.headers()
            ).status_code
            == 413
        )


def test_an_import_over_the_row_limit_is_413_and_writes_nothing(store: GraphStore) -> None:
    for api in make_api(store, max_import_rows=len(GOOD) - 1):
        response = api.client.post("/v1/import", content=jsonl(GOOD).encode(), headers=api.headers())
        assert response.status_code == 413
        assert response.json()["error"]["code"] == "payload_too_large"
        assert "part_rows=N" in response.json()["error"]["message"]
        assert api.store.counts()["nodes"] == {}
        fits = api.client.post("/v1/import", content=jsonl(GOOD[:-1]).encode(), headers=api.headers())
        assert fits.status_code == 200, fits.text


def test_an_import_over_the_row_limit_goes_in_parts_over_http(store: GraphStore) -> None:
    for api in make_api(store, max_import_rows=2):
        body, h = jsonl(GOOD).encode(), api.headers()
        for bad in ("part_rows=3", "part_rows=2&dry_run=true", "part_rows=-1"):
            refused = api.client.post(f"/v1/import?{bad}", content=body, headers=h)
            assert (refused.status_code, refused.json()["error"]["code"]) == (422, "invalid_input"), bad
        broken = jsonl([*GOOD, {**GOOD[0], "id": "other", "kind": "nothing"}]).encode()
        refused = api.client.post("/v1/import?part_rows=2", content=broken, headers=h)
        assert refused.status_code == 422
        assert [problem["line"] for problem in refused.json()["error"]["details"]] == [len(GOOD) + 1]
        assert api.store.counts()["nodes"] == {}
        imported = api.client.post("/v1/import?part_rows=2", content=body, headers=h)
        assert imported.status_code == 200, imported.text
        assert (imported.json()["nodes_created"], imported.json()["relationships_created"]) == (3, 2)
        again = api.client.post("/v1/import?part_rows=2", content=body, headers=h).json()
        assert (again["nodes_unchanged"], again["relationships_unchanged"]) == (3, 2)


def test_malformed_json_body_is_422(api: Api) -> None:
    response = api.client.post(
        "/v1/fields", content=b"{not json", headers={**api.headers(), "Content-Type": "application/json"}
    )
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_input"


def test_unknown_route_and_method_share_the_shape(api: Api) -> None:
    assert api.client.get("/v1/planets", headers=api.headers()).json()["error"]["code"] == "not_found"
    response = api.client.put("/v1/fields", headers=api.headers())
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"


def test_health_probes(api: Api) -> None:
    assert api.client.get("/healthz").json() == {"status": "ok"}
    assert api.client.get("/readyz").json() == {"status": "ready", "backend": api.store.backend}


def test_import_over_http_reports_every_error_and_writes_nothing(api: Api) -> None:
    bad = (
        jsonl(GOOD)
        + '{"kind": "technology", "id": "x", "name_en": "X", "source": "s", "domain": "gx", "trl": 0}\n{oops\n'
    )
    before = api.store.graph_version()
    response = api.client.post("/v1/import", content=bad.encode(), headers=api.headers(Role.SECRETARIAT))
    assert response.status_code == 422
    body = response.json()["error"]
    assert [d["line"] for d in body["details"]] == [6, 7]
    assert "nothing was written" in body["message"]
    assert api.store.graph_version() == before
    assert (
        api.client.post(
            "/v1/import", content=jsonl(GOOD).encode(), headers=api.headers(Role.VIEWER)
        ).status_code
        == 403
    )


def test_import_then_export_over_http(api: Api) -> None:
    h = api.headers(Role.SECRETARIAT)
    first = api.client.post("/v1/import", content=jsonl(GOOD).encode(), headers=h).json()
    assert (first["nodes_created"], first["relationships_created"]) == (3, 2)
    second = api.client.post("/v1/import", content=jsonl(GOOD).encode(), headers=h).json()
    assert (second["nodes_unchanged"], second["relationships_unchanged"]) == (3, 2)
    exported = api.client.get("/v1/export", headers=h)
    assert exported.headers["content-type"].startswith("application/x-ndjson")
    assert len(exported.text.splitlines()) == 5
    csv = "kind,id,name_en,source\nfield,robotics,Robotics,s\n"
    response = api.client.post("/v1/import", content=csv.encode(), headers={**h, "Content-Type": "text/csv"})
    assert response.json()["nodes_created"] == 1


def test_graphml_export_reads_back_into_networkx(api: Api, tmp_path: object) -> None:
    api.client.post("/v1/import", content=jsonl(GOOD).encode(), headers=api.headers())
    response = api.client.get("/v1/export?format=graphml", headers=api.headers())
    assert response.headers["content-type"].startswith("application/graphml+xml")
    graph = nx.parse_graphml(response.text)
    assert sorted(graph.nodes) == ["ai", "llm", "uni"]
    assert graph.nodes["ai"]["name_ja"] == "人工知能"
    assert graph.edges["uni", "ai"]["score"] == 0.9
    assert graph.edges["ai", "llm"]["type"] == "COVERS"
