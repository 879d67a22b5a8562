"""The audit log and the change feed on both stores: every kind of write is recorded with its author
and before/after, in the same transaction as the write; the feed replays into an empty store as the
same graph."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from gxgraph.domain.vocabulary import Role
from gxgraph.errors import Conflict
from gxgraph.services import keys
from gxgraph.services.audit import Change
from gxgraph.services.changes import apply_changes
from gxgraph.services.exports import ExportFormat, snapshot
from gxgraph.store.base import GraphStore
from gxgraph.store.embedded import EmbeddedFalkorDB
from gxgraph.store.falkordb import FalkorDBStore
from gxgraph.store.journal import Actor
from tests.conftest import SAMPLE, Api

SOURCE = {"source": "test: audit"}
COMPANY = {"id": "co-audit", "name_en": "Audit Co", "country": "JP", **SOURCE}


def _entries(api: Api, **filters: Any) -> list[dict[str, Any]]:
    params = {key: value for key, value in filters.items() if value is not None}
    response = api.client.get("/v1/audit", params=params, headers=api.headers(Role.ADMIN))
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


def _key_id(api: Api, role: Role) -> str:
    return api.keys[role].split("_")[1]


def _writes_of_every_kind(api: Api) -> None:
    """Create, patch, delete nodes (with and without If-Match), link and unlink, import."""
    secretariat = api.headers(Role.SECRETARIAT)
    created = api.client.post("/v1/companies", json=COMPANY, headers=secretariat)
    assert created.status_code == 201, created.text
    patched = api.client.patch(
        "/v1/companies/co-audit",
        json={"name_en": "Audit Company"},
        headers=secretariat | {"If-Match": created.headers["ETag"]},
    )
    assert patched.status_code == 200, patched.text
    link = {"type": "DEVELOPS", "from": "co-audit", "to": "tech-ai-drug-discovery", **SOURCE}
    assert api.client.post("/v1/relationships", json=link, headers=secretariat).status_code == 201
    unlinked = api.client.delete(
        "/v1/relationships/DEVELOPS/co-audit/tech-ai-drug-discovery", headers=secretariat
    )
    assert unlinked.status_code == 204
    rows = [
        {"kind": "company", "id": "co-audit-2", "name_en": "Second", "country": "JP", **SOURCE},
        {"kind": "company", "id": "co-audit", "name_en": "Audit Company", "country": "US", **SOURCE},
        {"type": "DEVELOPS", "from": "co-audit-2", "to": "tech-ai-drug-discovery", **SOURCE},
    ]
    imported = api.client.post(
        "/v1/import",
        content="\n".join(json.dumps(row) for row in rows),
        headers=secretariat | {"Content-Type": "application/x-ndjson"},
    )
    assert imported.status_code == 200, imported.text
    assert api.client.delete("/v1/companies/co-audit-2", headers=secretariat).status_code == 204
    etag = api.client.get("/v1/companies/co-audit", headers=secretariat).headers["ETag"]
    deleted = api.client.delete("/v1/companies/co-audit", headers=secretariat | {"If-Match": etag})
    assert deleted.status_code == 204


def test_every_kind_of_write_is_audited_with_its_author_and_before_after(sample_api: Api) -> None:
    start = sample_api.store.graph_version()
    _writes_of_every_kind(sample_api)
    author = _key_id(sample_api, Role.SECRETARIAT)
    entries = list(reversed(_entries(sample_api, actor=author)))
    assert [entry["operation"] for entry in entries] == [
        "create_node", "update_node", "create_relationship", "delete_relationship", "import",
        "delete_node", "delete_node",
    ]  # fmt: skip
    assert {entry["actor_name"] for entry in entries} == {"test secretariat"}
    assert [entry["version"] for entry in entries] == list(range(start + 1, start + 8))
    create, update, link, unlink, imported, delete_plain, delete_checked = entries
    assert create["changes"][0]["after"]["name_en"] == "Audit Co"
    assert create["changes"][0]["before"] is None
    assert {key: update["changes"][0][key] for key in ("before", "after")} == {
        "before": {"name_en": "Audit Co", "updated_at": create["changes"][0]["after"]["updated_at"]},
        "after": {"name_en": "Audit Company", "updated_at": update["changes"][0]["after"]["updated_at"]},
    }
    assert link["changes"][0] | {"after": None} == {
        "entity": "relationship", "op": "create", "type": "DEVELOPS", "from": "co-audit",
        "to": "tech-ai-drug-discovery", "before": None, "after": None, "id": None, "kind": None,
    }  # fmt: skip
    assert unlink["changes"][0]["op"] == "delete"
    assert unlink["changes"][0]["before"]["source"] == "test: audit"
    by_target = {
        (change["entity"], change.get("id") or change.get("from"), change["op"]): change
        for change in imported["changes"]
    }
    assert set(by_target) == {
        ("node", "co-audit-2", "create"),
        ("node", "co-audit", "update"),
        ("relationship", "co-audit-2", "create"),
    }
    country = by_target[("node", "co-audit", "update")]
    assert (country["before"]["country"], country["after"]["country"]) == ("JP", "US")
    assert imported["change_count"] == 3
    assert delete_plain["changes"][0]["before"]["id"] == "co-audit-2"
    assert delete_checked["changes"][0]["before"]["country"] == "US"
    assert delete_checked["changes"][0]["after"] is None


def test_key_and_saved_query_writes_are_audited_but_not_in_the_feed(sample_api: Api) -> None:
    store = sample_api.store
    operator = Actor("cli", f"cli:tester-{uuid.uuid4().hex[:6]}")
    version = store.graph_version()
    new = keys.create_key(store, "audited key", Role.VIEWER, operator)
    keys.revoke_key(store, new.key_id, operator)
    name = f"audited-query-{uuid.uuid4().hex[:8]}"  # the Neo4j test database outlives a session
    saved = {
        "name": name,
        "title": "Audited",
        "statement": "MATCH (n:Entity) RETURN count(n) AS n",
    }
    headers = sample_api.headers(Role.SECRETARIAT)
    assert sample_api.client.post("/v1/saved-queries", json=saved, headers=headers).status_code == 201
    assert sample_api.client.delete(f"/v1/saved-queries/{name}", headers=headers).status_code == 204
    by_operator = list(reversed(_entries(sample_api, actor=operator.name)))
    assert [entry["operation"] for entry in by_operator] == ["create_api_key", "revoke_api_key"]
    created = by_operator[0]["changes"][0]["after"]
    assert created["name"] == "audited key"
    assert "hash" not in created
    assert all(not entry["graph_write"] and entry["version"] == version for entry in by_operator)
    queries = list(reversed(_entries(sample_api, id=name)))
    assert [entry["operation"] for entry in queries] == ["create_saved_query", "delete_saved_query"]
    assert queries[1]["changes"][0]["before"]["statement"] == saved["statement"]
    feed = sample_api.client.get(f"/v1/changes?since={version}", headers=headers).json()
    assert feed["changes"] == []
    assert feed["up_to_version"] == version == feed["graph_version"]


def test_filters_paging_roles_and_export(sample_api: Api) -> None:
    _writes_of_every_kind(sample_api)
    author = _key_id(sample_api, Role.SECRETARIAT)
    every = _entries(sample_api, actor=author)
    touching = _entries(sample_api, actor=author, id="co-audit-2")
    assert [entry["operation"] for entry in touching] == ["delete_node", "import"]
    assert {change["id"] or change["from"] for change in touching[1]["changes"]} == {"co-audit-2"}
    middle = every[3]["at"]
    assert _entries(sample_api, actor=author, since=middle) == every[:4]
    assert _entries(sample_api, actor=author, until=middle) == every[3:]
    assert _entries(sample_api, actor=author, operation="delete_node") == every[:2]
    first = sample_api.client.get(
        "/v1/audit", params={"actor": author, "limit": 4}, headers=sample_api.headers()
    ).json()
    rest = sample_api.client.get(
        "/v1/audit", params={"actor": author, "limit": 4, "cursor": first["next_cursor"]},
        headers=sample_api.headers(),
    ).json()  # fmt: skip
    assert first["items"] + rest["items"] == every
    assert rest["next_cursor"] is None
    exported = sample_api.client.get(
        "/v1/audit/export", params={"actor": author}, headers=sample_api.headers()
    )
    lines = [json.loads(line) for line in exported.text.splitlines()]
    assert [line["seq"] for line in lines] == [entry["seq"] for entry in every]
    for role in (Role.VIEWER, Role.ANALYST, Role.SECRETARIAT):
        refused = sample_api.client.get("/v1/audit", headers=sample_api.headers(role))
        assert refused.status_code == 403
        assert refused.json()["error"]["code"] == "forbidden"
    bad = sample_api.client.get("/v1/audit?since=yesterday", headers=sample_api.headers())
    assert bad.status_code == 422
    assert bad.json()["error"]["code"] == "invalid_input"


def test_the_log_cannot_be_edited_and_failed_writes_leave_no_entry(sample_api: Api) -> None:
    headers = sample_api.headers(Role.ADMIN)
    before = sample_api.client.get("/v1/audit", params={"limit": 1}, headers=headers).json()["items"]
    for method in ("PUT", "PATCH", "DELETE", "POST"):
        assert sample_api.client.request(method, "/v1/audit", headers=headers).status_code == 405
    wipe = {"statement": "MATCH (e:AuditEntry) DETACH DELETE e"}
    assert sample_api.client.post("/v1/query", json=wipe, headers=headers).status_code == 422
    dangling = {"type": "DEVELOPS", "from": "co-nobody", "to": "tech-ai-drug-discovery", **SOURCE}
    refused = sample_api.client.post(
        "/v1/import", content=json.dumps(dangling), headers=headers | {"Content-Type": "application/x-ndjson"}
    )
    assert refused.status_code == 422
    stale = sample_api.client.patch(
        "/v1/technologies/tech-ai-drug-discovery",
        json={"name_en": "X"},
        headers=headers | {"If-Match": '"0"'},
    )
    assert stale.status_code == 412
    assert sample_api.client.post("/v1/companies", json=COMPANY, headers=headers).status_code == 201
    assert sample_api.client.post("/v1/companies", json=COMPANY, headers=headers).status_code == 409
    after = sample_api.client.get("/v1/audit", params={"limit": 2}, headers=headers).json()["items"]
    assert [entry["operation"] for entry in after] == ["create_node", before[0]["operation"]]
    assert after[1]["seq"] == before[0]["seq"]


@pytest.fixture
def empty_copy(falkordb_server: EmbeddedFalkorDB) -> Iterator[FalkorDBStore]:
    """A new, empty graph on the embedded server: the client app's copy."""
    copy = FalkorDBStore(falkordb_server.socket, f"copy-{uuid.uuid4().hex[:8]}")
    copy.ensure_schema()
    yield copy
    copy.clear()
    copy.close()


def _graph(store: GraphStore) -> list[str]:
    """The store's export, line by line in a stable order."""
    spooled = snapshot(store, ExportFormat.JSONL)
    try:
        return sorted("".join(spooled).splitlines())
    finally:
        spooled.close()


def _feed(api: Api, since: int, limit: int) -> Iterator[dict[str, Any]]:
    cursor: str | None = None
    while True:
        params: dict[str, Any] = {"since": since, "limit": limit} | ({"cursor": cursor} if cursor else {})
        page = api.client.get("/v1/changes", params=params, headers=api.headers(Role.VIEWER)).json()
        yield from page["changes"]
        if page["next_cursor"] is None:
            assert page["up_to_version"] == api.store.graph_version()
            return
        cursor = page["next_cursor"]


def test_the_change_feed_replays_into_an_empty_store_as_the_same_graph(
    api: Api, empty_copy: FalkorDBStore
) -> None:
    since = api.store.graph_version()
    loaded = api.client.post(
        "/v1/import", content=SAMPLE.read_bytes(),
        headers=api.headers(Role.SECRETARIAT) | {"Content-Type": "application/x-ndjson"},
    )  # fmt: skip
    assert loaded.status_code == 200, loaded.text
    _writes_of_every_kind(api)
    secretariat = api.headers(Role.SECRETARIAT)
    for path in (
        "relationships/SUBFIELD_OF/field-ai/field-computer-science",
        "technologies/tech-ai-drug-discovery",
    ):
        assert api.client.delete(f"/v1/{path}", headers=secretariat).status_code == 204
    changes = list(_feed(api, since, limit=333))  # pages end inside the sample's one big import
    versions = [change["version"] for change in changes]
    assert versions == sorted(versions)
    assert versions[-1] == api.store.graph_version()
    assert {change["op"] for change in changes} == {"create", "update", "delete"}
    applied = apply_changes(empty_copy, (Change.model_validate(change) for change in changes))
    assert applied == len(changes)
    copied = _graph(empty_copy)
    assert len(copied) > 1000
    assert copied == _graph(api.store)
    # Polling again from where the copy is finds nothing new; a later write is the next change.
    assert list(_feed(api, versions[-1], limit=10)) == []
    api.client.post("/v1/companies", json=COMPANY, headers=secretariat)
    [latest] = list(_feed(api, versions[-1], limit=10))
    assert (latest["op"], latest["id"], latest["version"]) == ("create", "co-audit", versions[-1] + 1)
    apply_changes(empty_copy, [Change.model_validate(latest)])
    assert _graph(empty_copy) == _graph(api.store)


def test_a_copy_that_missed_changes_is_told_so(api: Api, empty_copy: FalkorDBStore) -> None:
    update = {"entity": "node", "op": "update", "id": "co-x", "kind": "company", "before": {}, "after": {}}
    with pytest.raises(Conflict, match="does not hold"):
        apply_changes(empty_copy, [Change.model_validate(update)])
    bad = api.client.get("/v1/changes?cursor=nonsense", headers=api.headers(Role.VIEWER))
    assert bad.status_code == 422
    assert bad.json()["error"]["code"] == "invalid_input"
    for query in ("since=-1", f"since={2**63}"):
        assert api.client.get(f"/v1/changes?{query}", headers=api.headers(Role.VIEWER)).status_code == 422
    for cursor in ("9" * 30, "²", "-1"):
        for path in ("/v1/audit", "/v1/audit/export"):
            refused = api.client.get(path, params={"cursor": cursor}, headers=api.headers())
            assert refused.status_code == 422, (path, cursor)
