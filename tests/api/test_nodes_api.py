"""Per-kind collections over HTTP: create, get, patch, delete, list with filters, sort and cursors."""

from __future__ import annotations

from tests.conftest import Api

TECH = {"id": "perovskite-pv", "name_en": "Perovskite PV", "name_ja": "ペロブスカイト太陽電池", "domain": "gx",
        "trl": 6, "source": "test", "illustrative": True}  # fmt: skip


def test_create_get_patch_delete(api: Api) -> None:
    c, h = api.client, api.headers()
    created = c.post("/v1/technologies", json=TECH, headers=h)
    assert created.status_code == 201, created.text
    assert created.json()["kind"] == "technology"
    assert created.json()["updated_at"]
    got = c.get("/v1/technologies/perovskite-pv", headers=h).json()
    assert got["name_ja"] == "ペロブスカイト太陽電池"
    patched = c.patch("/v1/technologies/perovskite-pv", json={"trl": 7, "description": "tandem"}, headers=h)
    assert patched.status_code == 200, patched.text
    assert (patched.json()["trl"], patched.json()["name_en"]) == (7, "Perovskite PV")
    assert c.get("/v1/nodes/perovskite-pv", headers=h).json()["description"] == "tandem"
    assert c.delete("/v1/technologies/perovskite-pv", headers=h).status_code == 204
    assert c.get("/v1/technologies/perovskite-pv", headers=h).status_code == 404


def test_kind_mismatch_is_404(api: Api) -> None:
    api.client.post("/v1/technologies", json=TECH, headers=api.headers())
    response = api.client.get("/v1/companies/perovskite-pv", headers=api.headers())
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_duplicate_id_is_409_even_across_kinds(api: Api) -> None:
    api.client.post("/v1/technologies", json=TECH, headers=api.headers())
    response = api.client.post(
        "/v1/fields", json={"id": "perovskite-pv", "name_en": "x", "source": "s"}, headers=api.headers()
    )
    assert response.status_code == 409
    assert "technology" in response.json()["error"]["message"]


def test_patch_that_breaks_the_schema_is_422_and_changes_nothing(api: Api) -> None:
    api.client.post("/v1/technologies", json=TECH, headers=api.headers())
    for body in ({"trl": 10}, {"id": "other"}, {"colour": "red"}, {"domain": "space"}):
        response = api.client.patch("/v1/technologies/perovskite-pv", json=body, headers=api.headers())
        assert response.status_code == 422, body
    assert api.client.get("/v1/technologies/perovskite-pv", headers=api.headers()).json()["trl"] == 6


def test_partnership_dates_are_checked_on_patch(api: Api) -> None:
    body = {"id": "p1", "name_en": "P1", "status": "active", "start_date": "2024-07-01", "source": "s"}
    assert api.client.post("/v1/partnerships", json=body, headers=api.headers()).status_code == 201
    response = api.client.patch("/v1/partnerships/p1", json={"end_date": "2020-01-01"}, headers=api.headers())
    assert response.status_code == 422
    assert "end_date is before start_date" in response.text


def _seed_techs(api: Api, n: int) -> None:
    for i in range(n):
        body = {
            **TECH,
            "id": f"t{i:02d}",
            "name_en": f"Tech {i:02d}",
            "trl": i % 9 + 1,
            "domain": ["gx", "dx"][i % 2],
        }
        assert api.client.post("/v1/technologies", json=body, headers=api.headers()).status_code == 201


def test_list_filters_sorts_and_pages_with_cursor(api: Api) -> None:
    _seed_techs(api, 12)
    h = api.headers()
    first = api.client.get("/v1/technologies?domain=gx&sort=trl&order=desc&limit=4", headers=h).json()
    assert first["total"] == 6
    assert [item["trl"] for item in first["items"]] == [9, 7, 5, 3]
    second = api.client.get(
        f"/v1/technologies?domain=gx&sort=trl&order=desc&limit=4&cursor={first['next_cursor']}", headers=h
    ).json()
    assert [item["trl"] for item in second["items"]] == [2, 1]
    assert second["next_cursor"] is None
    ranged = api.client.get("/v1/technologies?trl_min=3&trl_max=4", headers=h).json()
    assert sorted(item["trl"] for item in ranged["items"]) == [3, 3, 4]


def test_list_text_filter_matches_japanese_and_fullwidth(api: Api) -> None:
    _seed_techs(api, 3)
    h = api.headers()
    assert api.client.get("/v1/technologies?q=ペロブスカイト", headers=h).json()["total"] == 3
    assert api.client.get("/v1/technologies?q=ＴＥＣＨ%2001", headers=h).json()["total"] == 1


def test_country_filter_is_normalised_like_the_data(api: Api) -> None:
    body = {"id": "acme", "name_en": "Acme", "country": "jp", "is_japanese": True, "source": "s"}
    api.client.post("/v1/companies", json=body, headers=api.headers())
    assert api.client.get("/v1/companies?country=jp", headers=api.headers()).json()["total"] == 1
    assert api.client.get("/v1/companies?is_japanese=false", headers=api.headers()).json()["total"] == 0


def test_list_rejects_unknown_filters_sorts_and_foreign_cursors(api: Api) -> None:
    _seed_techs(api, 3)
    h = api.headers()
    for query in ("contry=JP", "sort=colour", "limit=0", "limit=501", "trl_min=abc", "cursor=@@@"):
        response = api.client.get(f"/v1/technologies?{query}", headers=h)
        assert response.status_code == 422, query
        assert response.json()["error"]["code"] == "invalid_input"
    page = api.client.get("/v1/technologies?limit=1", headers=h).json()
    response = api.client.get(f"/v1/technologies?limit=1&sort=trl&cursor={page['next_cursor']}", headers=h)
    assert response.status_code == 422
    assert "another sort" in response.json()["error"]["message"]
