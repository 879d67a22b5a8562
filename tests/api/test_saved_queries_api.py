"""Saved queries on both stores: the secretariat saves, analysts run by name with typed parameters."""

from __future__ import annotations

from typing import Any

import pytest

from gxgraph.domain.vocabulary import Role
from tests.conftest import Api

STRONG = {
    "name": "strong-institutions",
    "title": "Institutions strong in a field",
    "description": "World-class institutions (STRONG_IN score at least min_score) in one field.",
    "statement": (
        "MATCH (i:Entity {kind: 'institution'})-[s:STRONG_IN]->(f:Entity {id: $field}) "
        "WHERE s.score >= $min_score RETURN i.id AS institution, s.score AS score "
        "ORDER BY score DESC, institution"
    ),
    "parameters": [
        {"name": "field", "type": "string", "description": "Field id."},
        {"name": "min_score", "type": "number", "default": 0.8},
    ],
}


@pytest.fixture(autouse=True)
def no_saved_queries(sample_api: Api) -> None:
    """Saved queries outlive a cleared graph (like API keys): start each test without any."""
    for saved in sample_api.store.list_saved_queries():
        sample_api.store.delete_saved_query(saved["name"])


def post(api: Api, path: str, body: dict[str, Any], role: Role) -> Any:
    return api.client.post(f"/v1/saved-queries{path}", json=body, headers=api.headers(role))


def test_save_list_run_and_delete(sample_api: Api) -> None:
    saved = post(sample_api, "", STRONG, Role.SECRETARIAT)
    assert saved.status_code == 201, saved.text
    assert saved.json()["created_by"].startswith("test secretariat")
    listed = sample_api.client.get("/v1/saved-queries", headers=sample_api.headers(Role.ANALYST)).json()
    assert [q["name"] for q in listed] == ["strong-institutions"]
    run = post(
        sample_api, "/strong-institutions/run", {"parameters": {"field": "field-cybersecurity"}}, Role.ANALYST
    )
    assert run.status_code == 200, run.text
    rows = run.json()["rows"]
    assert rows
    assert all(score >= 0.8 for _, score in rows)
    wider = post(
        sample_api, "/strong-institutions/run",
        {"parameters": {"field": "field-computer-science", "min_score": 0}, "limit": 1}, Role.ANALYST,
    ).json()  # fmt: skip
    assert (len(wider["rows"]), wider["truncated"]) == (1, True)
    assert post(sample_api, "", STRONG, Role.SECRETARIAT).status_code == 409
    gone = sample_api.client.delete(
        "/v1/saved-queries/strong-institutions", headers=sample_api.headers(Role.SECRETARIAT)
    )
    assert gone.status_code == 204
    assert post(sample_api, "/strong-institutions/run", {}, Role.ANALYST).status_code == 404


def test_run_values_are_checked_against_the_declared_types(sample_api: Api) -> None:
    assert post(sample_api, "", STRONG, Role.SECRETARIAT).status_code == 201
    for parameters, loc in (
        ({}, ["body", "parameters", "field"]),  # required, no default
        ({"field": 7}, ["body", "parameters", "field"]),
        ({"field": "f", "min_score": "high"}, ["body", "parameters", "min_score"]),
        ({"field": "f", "extra": 1}, ["body", "parameters", "extra"]),
    ):
        refused = post(sample_api, "/strong-institutions/run", {"parameters": parameters}, Role.ANALYST)
        assert refused.status_code == 422, parameters
        assert refused.json()["error"]["details"][0]["loc"] == loc


def test_parameters_may_have_any_cypher_parameter_name(sample_api: Api) -> None:
    """Names pydantic would take for private attributes (a leading underscore) or that shadow its own
    (model_config): found by the fuzzer as a 500."""
    query = {
        "name": "odd-names",
        "title": "Odd names",
        "statement": "MATCH (n:Entity {id: $_from}) RETURN n.id AS id, $model_config AS echo",
        "parameters": [
            {"name": "_from", "type": "string"},
            {"name": "model_config", "type": "integer", "default": 3},
        ],
    }
    assert post(sample_api, "", query, Role.SECRETARIAT).status_code == 201
    run = post(sample_api, "/odd-names/run", {"parameters": {"_from": "field-cybersecurity"}}, Role.ANALYST)
    assert run.status_code == 200, run.text
    assert run.json()["rows"] == [["field-cybersecurity", 3]]
    refused = post(sample_api, "/odd-names/run", {"parameters": {"_from": 1}}, Role.ANALYST)
    assert refused.status_code == 422
    assert refused.json()["error"]["details"][0]["loc"] == ["body", "parameters", "_from"]


def test_only_readable_statements_can_be_saved(sample_api: Api) -> None:
    for statement in (
        "CREATE (n:Entity {id: 'x'}) RETURN n",
        "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
        "MATCH (n RETURN n",
    ):
        body = {**STRONG, "name": "bad", "statement": statement, "parameters": []}
        answer = post(sample_api, "", body, Role.SECRETARIAT)
        if "CREATE" in statement:
            # The plan of a write is fine; the store refuses it when it runs.
            assert answer.status_code == 201
            ran = post(sample_api, "/bad/run", {}, Role.ANALYST)
            assert ran.status_code == 422
            assert "read-only" in ran.json()["error"]["message"]
            sample_api.client.delete("/v1/saved-queries/bad", headers=sample_api.headers(Role.SECRETARIAT))
        else:
            assert answer.status_code == 422, statement
    # Text no store can hold is refused at the edge (schemathesis found a 500 here).
    control = {**STRONG, "name": "bad", "statement": "MATCH (n) RETURN n\u001d"}
    assert post(sample_api, "", control, Role.SECRETARIAT).status_code == 422
    bad_default = {
        **STRONG,
        "name": "bad",
        "parameters": [{"name": "field", "type": "integer", "default": "x"}],
    }
    assert post(sample_api, "", bad_default, Role.SECRETARIAT).status_code == 422


def test_roles(sample_api: Api) -> None:
    assert post(sample_api, "", STRONG, Role.ANALYST).status_code == 403
    assert post(sample_api, "", STRONG, Role.SECRETARIAT).status_code == 201
    assert (
        post(sample_api, "/strong-institutions/run", {"parameters": {"field": "f"}}, Role.VIEWER).status_code
        == 403
    )
