"""Relationships, neighbours, paths, search, schema and stats over HTTP."""

from __future__ import annotations

from tests.conftest import Api

S = {"source": "test", "illustrative": True}


def _build(api: Api) -> None:
    h = api.headers()
    rows: list[tuple[str, dict[str, object]]] = [
        ("/v1/fields", {"id": "cyber", "name_en": "Cybersecurity", "name_ja": "サイバーセキュリティ"}),
        (
            "/v1/institutions",
            {
                "id": "authority",
                "name_en": "Innovation Authority",
                "institution_type": "innovation_agency",
                "country": "IL",
            },
        ),
        ("/v1/technologies", {"id": "ot-sec", "name_en": "OT security", "domain": "dx"}),
        ("/v1/companies", {"id": "jp-co", "name_en": "Japan Co", "country": "JP", "is_japanese": True}),
    ]
    for path, body in rows:
        assert api.client.post(path, json={**body, **S}, headers=h).status_code == 201
    for rel in (
        {"type": "STRONG_IN", "from": "authority", "to": "cyber", "score": 0.95},
        {"type": "COVERS", "from": "cyber", "to": "ot-sec"},
        {"type": "DEVELOPS", "from": "jp-co", "to": "ot-sec", "patents": 12},
    ):
        response = api.client.post("/v1/relationships", json={**rel, **S}, headers=h)
        assert response.status_code == 201, response.text


def test_relationship_lifecycle(api: Api) -> None:
    _build(api)
    h = api.headers()
    got = api.client.get("/v1/relationships/DEVELOPS/jp-co/ot-sec", headers=h)
    assert got.json()["patents"] == 12
    assert (got.json()["from"], got.json()["to"]) == ("jp-co", "ot-sec")
    again = api.client.post(
        "/v1/relationships", json={"type": "COVERS", "from": "cyber", "to": "ot-sec", **S}, headers=h
    )
    assert again.status_code == 409
    assert api.client.delete("/v1/relationships/COVERS/cyber/ot-sec", headers=h).status_code == 204
    assert api.client.delete("/v1/relationships/COVERS/cyber/ot-sec", headers=h).status_code == 404


def test_relationship_endpoint_errors_are_422(api: Api) -> None:
    _build(api)
    h = api.headers()
    ghost = api.client.post(
        "/v1/relationships", json={"type": "COVERS", "from": "cyber", "to": "ghost", **S}, headers=h
    )
    assert ghost.status_code == 422
    assert ghost.json()["error"]["details"][0]["msg"] == "unknown node 'ghost'"
    wrong = api.client.post(
        "/v1/relationships", json={"type": "COVERS", "from": "jp-co", "to": "ot-sec", **S}, headers=h
    )
    assert wrong.status_code == 422
    missing_score = api.client.post(
        "/v1/relationships", json={"type": "STRONG_IN", "from": "jp-co", "to": "cyber", **S}, headers=h
    )
    assert missing_score.status_code == 422


def test_neighbors_by_depth_direction_type_and_kind(api: Api) -> None:
    _build(api)
    h = api.headers()
    one = api.client.get("/v1/nodes/cyber/neighbors", headers=h).json()
    assert sorted(n["node"]["id"] for n in one["neighbors"]) == ["authority", "ot-sec"]
    two = api.client.get("/v1/nodes/authority/neighbors?depth=3&kind=company", headers=h).json()
    assert [n["node"]["id"] for n in two["neighbors"]] == ["jp-co"]
    via = two["neighbors"][0]["via"]
    assert [(e["type"], e["from"], e["to"]) for e in via] == [
        ("STRONG_IN", "authority", "cyber"),
        ("COVERS", "cyber", "ot-sec"),
        ("DEVELOPS", "jp-co", "ot-sec"),
    ]
    assert two["neighbors"][0]["distance"] == 3
    out = api.client.get("/v1/nodes/cyber/neighbors?direction=out", headers=h).json()
    assert [n["node"]["id"] for n in out["neighbors"]] == ["ot-sec"]
    typed = api.client.get("/v1/nodes/cyber/neighbors?rel_type=STRONG_IN", headers=h).json()
    assert [n["node"]["id"] for n in typed["neighbors"]] == ["authority"]
    assert api.client.get("/v1/nodes/cyber/neighbors?depth=4", headers=h).status_code == 422
    assert api.client.get("/v1/nodes/ghost/neighbors", headers=h).status_code == 404


def test_paths(api: Api) -> None:
    _build(api)
    h = api.headers()
    result = api.client.get("/v1/paths?from=authority&to=jp-co", headers=h).json()
    assert [[n["id"] for n in p["nodes"]] for p in result["paths"]] == [
        ["authority", "cyber", "ot-sec", "jp-co"]
    ]
    assert result["paths"][0]["length"] == 3
    assert api.client.get("/v1/paths?from=authority&to=jp-co&max_hops=2", headers=h).json()["paths"] == []
    assert api.client.get("/v1/paths?from=authority&to=ghost", headers=h).status_code == 404
    assert api.client.get("/v1/paths?from=authority&to=jp-co&max_hops=7", headers=h).status_code == 422


def test_search_in_both_languages(api: Api) -> None:
    _build(api)
    h = api.headers()
    hits = api.client.get("/v1/search?q=cyber", headers=h).json()
    assert hits[0] == {
        "id": "cyber",
        "kind": "field",
        "name_en": "Cybersecurity",
        "name_ja": "サイバーセキュリティ",
        "rank": 0,
    }
    assert [x["id"] for x in api.client.get("/v1/search?q=セキュリティ", headers=h).json()] == ["cyber"]
    assert [x["id"] for x in api.client.get("/v1/search?q=sec", headers=h).json()] == ["ot-sec", "cyber"]
    assert api.client.get("/v1/search?q=sec&kind=technology", headers=h).json()[0]["id"] == "ot-sec"
    assert api.client.get("/v1/search?q=", headers=h).status_code == 422
    assert api.client.get("/v1/search?q=%20", headers=h).status_code == 422


def test_schema_and_stats(api: Api) -> None:
    _build(api)
    h = api.headers()
    schema = api.client.get("/v1/schema", headers=h).json()
    assert schema["relationships"]["COVERS"] == {"from": ["field"], "to": ["technology"]}
    assert "trl" in schema["kinds"]["technology"]["ranges"]
    stats = api.client.get("/v1/stats", headers=h).json()
    assert stats["nodes"]["field"] == 1
    assert stats["relationships"]["DEVELOPS"] == 1
    assert stats["graph_version"] >= 7
