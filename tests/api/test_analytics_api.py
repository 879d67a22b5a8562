"""Analytics over HTTP on the sample ecosystem, on both stores: findings a reader of the report expects,
answers tied to a graph version, and invalidation when the graph changes."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from seeds.build_sample import GAP_TECHS

from gxgraph.domain.vocabulary import Role
from tests.conftest import Api


def get(api: Api, path: str, **params: Any) -> Any:
    response = api.client.get(f"/v1/analytics/{path}", params=params, headers=api.headers(Role.ANALYST))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["graph_version"] == api.store.graph_version()
    return body["results"]


def test_analytics_need_the_analyst_role(sample_api: Api) -> None:
    response = sample_api.client.get("/v1/analytics/brokers", headers=sample_api.headers(Role.VIEWER))
    assert response.status_code == 403


def test_commercialisation_gaps_show_japans_strong_patents_without_deployment(sample_api: Api) -> None:
    rows = get(sample_api, "commercialisation-gaps", limit=6)
    assert {row["id"] for row in rows} == set(GAP_TECHS)
    assert all(row["japanese_deployments"] == 0 and row["components"]["strength"] > 0.5 for row in rows)
    assert rows[0]["evidence"][0]["steps"][0]["type"] == "DEVELOPS"
    dx = get(sample_api, "commercialisation-gaps", domain="dx", min_trl=5)
    assert dx
    assert all(row["domain"] in ("dx", "both") and row["trl"] >= 5 for row in dx)


def test_a_japanese_deployment_closes_the_gap_on_the_next_answer(sample_api: Api) -> None:
    before = get(sample_api, "commercialisation-gaps", limit=50)
    assert "tech-perovskite-pv" in {row["id"] for row in before}
    h = sample_api.headers(Role.SECRETARIAT)
    case = {
        "id": "cs-jp-perovskite-pilot",
        "name_en": "Japanese perovskite pilot",
        "source": "illustrative: test",
        "illustrative": True,
    }
    assert sample_api.client.post("/v1/case_studies", json=case, headers=h).status_code == 201
    for rel in (
        {"type": "USES", "from": case["id"], "to": "tech-perovskite-pv"},
        {"type": "DEPLOYED_BY", "from": case["id"], "to": "co-jp-kaito"},
    ):
        assert (
            sample_api.client.post("/v1/relationships", json={**rel, "source": "test"}, headers=h).status_code
            == 201
        )
    after = {row["id"]: row for row in get(sample_api, "commercialisation-gaps", limit=50)}
    old = {row["id"]: row for row in before}
    assert after.get("tech-perovskite-pv", {"score": 0})["score"] < old["tech-perovskite-pv"]["score"]


def test_partnership_gaps_put_cybersecurity_with_the_middle_east_authority(sample_api: Api) -> None:
    gaps = get(sample_api, "partnership-gaps", field="field-cybersecurity")
    institutions = {gap["institution"]["id"] for gap in gaps}
    assert "inst-me-innovation-authority" in institutions
    first = next(gap for gap in gaps if gap["institution"]["id"] == "inst-me-innovation-authority")
    assert first["companies"]
    assert first["companies"][0]["shared"]
    everything = get(sample_api, "partnership-gaps")
    assert "inst-us-east-univ-ecosystem" not in {gap["institution"]["id"] for gap in everything}


def test_recommendations_come_with_reasons(sample_api: Api) -> None:
    for method in ("adamic_adar", "jaccard", "resource_allocation", "personalized_pagerank"):
        recs = get(sample_api, "recommendations", company="co-jp-kasumi", method=method, limit=3)
        assert recs[0]["id"] == "inst-me-innovation-authority", method
        assert recs[0]["shared"], method
    consortia = get(sample_api, "recommendations", company="co-jp-kasumi", target_kind="company")
    assert all(rec["kind"] == "company" for rec in consortia)
    missing = sample_api.client.get(
        "/v1/analytics/recommendations?company=nobody", headers=sample_api.headers()
    )
    assert missing.status_code == 404


def test_who_knows_cybersecurity_in_both_languages(sample_api: Api) -> None:
    english = get(sample_api, "who-knows", q="cybersecurity", kind="expert", limit=3)
    assert [k["id"] for k in english["knowers"]][:2] == ["exp-me-01", "exp-me-02"]
    japanese = get(sample_api, "who-knows", q="サイバーセキュリティ", kind="expert", limit=3)
    assert japanese["knowers"][0]["id"] == "exp-me-01"
    warm = get(
        sample_api,
        "who-knows",
        node="field-cybersecurity",
        introduce_from="co-jp-aoba",
        kind="institution",
        limit=1,
    )
    path = warm["knowers"][0]["introduction"]
    assert path["nodes"][0]["id"] == "co-jp-aoba"
    assert path["nodes"][-1]["id"] == "inst-me-innovation-authority"
    assert all(
        node["kind"] in ("company", "institution", "expert", "investor", "partnership", "case_study")
        for node in path["nodes"]
    )
    intro = get(sample_api, "warm-introduction", **{"from": "co-jp-aoba", "to": "exp-me-01"})
    assert intro["hops"] == len(intro["steps"]) >= 2


def test_technology_map_json_and_chart(sample_api: Api) -> None:
    tech_map = get(sample_api, "technology-map")
    assert tech_map["illustrative"] is True
    assert sum(cell["gap_count"] for cell in tech_map["cells"]) >= 6
    response = sample_api.client.get(
        "/v1/analytics/technology-map.svg", headers=sample_api.headers(Role.ANALYST)
    )
    assert response.headers["content-type"].startswith("image/svg+xml")
    assert int(response.headers["x-graph-version"]) == sample_api.store.graph_version()
    root = ET.fromstring(response.text)
    assert root.tag.endswith("svg")
    assert "illustrative" in response.text


def test_structure_endpoints(sample_api: Api) -> None:
    top = [row["id"] for row in get(sample_api, "brokers", limit=5)]
    assert "inst-jp-secretariat" in top
    groups = get(sample_api, "communities")
    assert sum(group["size"] for group in groups) > 300
    isolated = get(sample_api, "isolated-companies", limit=5)
    assert isolated
    assert all(row["kind"] == "company" for row in isolated)
    central = get(sample_api, "central-institutions", limit=5)
    assert central
    assert all(row["kind"] == "institution" for row in central)


def test_country_profiles(sample_api: Api) -> None:
    japan = get(sample_api, "countries/jp")
    assert [v["rank"] for v in japan["inputs"]] == [5, 3, 1]
    assert japan["gap"] > 50
    compared = get(sample_api, "countries")
    assert compared[0]["iso_code"] == "JP"


def test_replication_reaches_the_global_south(sample_api: Api) -> None:
    result = get(sample_api, "partnerships/part-us-univ-ecosystem/replication")
    assert any(candidate["global_south"] for candidate in result["candidates"])
    assert all(candidate["country"] != "US" for candidate in result["candidates"])


def test_partnership_gaps_take_a_limit_and_unknown_parameters_are_refused(sample_api: Api) -> None:
    everything = get(sample_api, "partnership-gaps", limit=500)
    assert len(everything) > 2
    assert get(sample_api, "partnership-gaps", limit=2) == everything[:2]
    typo = sample_api.client.get(
        "/v1/analytics/partnership-gaps", params={"limt": 2}, headers=sample_api.headers(Role.ANALYST)
    )
    assert typo.status_code == 422
    assert typo.json()["error"]["details"][0]["loc"] == ["query", "limt"]


def test_envelopes_have_names_that_read_well_in_openapi(sample_api: Api) -> None:
    schemas = sample_api.client.get("/openapi.json").json()["components"]["schemas"]
    assert {"PartnershipGapsAnalysis", "WhoKnowsAnalysis", "CountryProfileAnalysis"} <= set(schemas)
    assert not [name for name in schemas if name.startswith("Analysis")]
