"""POST /v1/query: analysts' Cypher reads, read-only by the store's own guarantee, on both stores."""

from __future__ import annotations

import json
from typing import Any

import pytest

from gxgraph.domain.vocabulary import Role
from gxgraph.services.queries import QueryRequest, run_query
from gxgraph.store.base import GraphStore
from tests.conftest import SAMPLE, Api, load_jsonl

# A statement each store refuses as a write, and a write procedure of each.
WRITES = [
    "CREATE (n:Entity {id: 'intruder', kind: 'field'}) RETURN n",
    "MERGE (n:Entity {id: 'intruder'}) RETURN n",
    "MATCH (n:Entity {id: 'field-cybersecurity'}) SET n.name_en = 'changed' RETURN n",
    "MATCH (n:Entity {id: 'field-cybersecurity'}) DETACH DELETE n",
    "MATCH ()-[r:COVERS]->() DELETE r",
]
# Statements refused from their plan: they read files or call procedures.
REFUSED = {
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line": "LOAD CSV",
    "CALL db.labels() YIELD label RETURN label": "procedure calls",
}


def ask(api: Api, body: dict[str, Any], role: Role = Role.ANALYST) -> Any:
    return api.client.post("/v1/query", json=body, headers=api.headers(role))


def test_nodes_relationships_and_paths_come_in_the_api_shapes(sample_api: Api) -> None:
    statement = (
        "MATCH (f:Entity {id: $field})-[r:COVERS]->(t:Entity) "
        "RETURN f, r, t.id AS technology ORDER BY technology LIMIT 2"
    )
    answer = ask(sample_api, {"statement": statement, "parameters": {"field": "field-cybersecurity"}})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["columns"] == ["f", "r", "technology"]
    assert body["graph_version"] == sample_api.store.graph_version()
    field, rel, technology = body["rows"][0]
    assert field["id"] == "field-cybersecurity"
    assert field["kind"] == "field"
    assert not [key for key in field if key.startswith("_")]
    assert (rel["type"], rel["from"], rel["to"]) == ("COVERS", "field-cybersecurity", technology)
    alone = ask(sample_api, {"statement": "MATCH ()-[r:DEVELOPS]->() RETURN r LIMIT 5"}).json()
    assert all(row[0]["from"] and row[0]["to"] for row in alone["rows"])
    path = ask(
        sample_api,
        {
            "statement": "MATCH p = (:Entity {id: $a})-[:COVERS]->(:Entity) RETURN p LIMIT 1",
            "parameters": {"a": "field-cybersecurity"},
        },
    ).json()["rows"][0][0]
    assert path["length"] == 1
    assert path["nodes"][0]["id"] == "field-cybersecurity"
    assert path["relationships"][0]["from"] == "field-cybersecurity"


@pytest.mark.parametrize("statement", WRITES)
def test_a_write_is_refused_and_changes_nothing(sample_api: Api, statement: str) -> None:
    before = (sample_api.store.graph_version(), sample_api.store.counts())
    answer = ask(sample_api, {"statement": statement})
    assert answer.status_code == 422, answer.text
    assert answer.json()["error"]["message"] == "/v1/query is read-only: statements that write are refused"
    assert (sample_api.store.graph_version(), sample_api.store.counts()) == before
    still = sample_api.store.fetch_nodes(["field-cybersecurity", "intruder"])
    assert list(still) == ["field-cybersecurity"]
    assert still["field-cybersecurity"]["name_en"] != "changed"


@pytest.mark.parametrize(("statement", "named"), REFUSED.items())
def test_files_and_procedures_are_refused_from_the_plan(sample_api: Api, statement: str, named: str) -> None:
    answer = ask(sample_api, {"statement": statement})
    assert answer.status_code == 422, answer.text
    assert named in answer.json()["error"]["message"]


def test_rows_are_capped_and_marked_truncated(sample_api: Api) -> None:
    body = ask(sample_api, {"statement": "MATCH (n:Entity) RETURN n.id AS id ORDER BY id", "limit": 3}).json()
    assert len(body["rows"]) == 3
    assert body["truncated"] is True
    few = ask(sample_api, {"statement": "MATCH (n:Entity {kind: 'country'}) RETURN count(n) AS n"}).json()
    assert few["truncated"] is False


def test_bad_statements_and_parameters_are_422(sample_api: Api) -> None:
    syntax = ask(sample_api, {"statement": "MATCH (n RETURN n"})
    assert syntax.status_code == 422
    assert syntax.json()["error"]["details"][0]["loc"] == ["body", "statement"]
    for body in (
        {"statement": "RETURN $x", "parameters": {"a b": 1}},
        {"statement": "RETURN $x", "parameters": {"x": 2**70}},
        {"statement": "RETURN 1", "limit": 0},
        {"statement": ""},
    ):
        assert ask(sample_api, body).status_code == 422, body


def test_api_key_records_are_shown_by_label_only(sample_api: Api) -> None:
    body = ask(sample_api, {"statement": "MATCH (k:ApiKey) RETURN k LIMIT 1"}).json()
    assert body["rows"] == [[{"label": "ApiKey", "internal": True}]]


def test_viewers_cannot_query(sample_api: Api) -> None:
    assert ask(sample_api, {"statement": "RETURN 1"}, Role.VIEWER).status_code == 403


QUERIES = [
    ("MATCH (n:Entity) RETURN n.kind AS kind, count(*) AS nodes ORDER BY kind", {}),
    ("MATCH (i:Entity {kind: 'institution'})-[s:STRONG_IN]->(f:Entity) WHERE s.score >= $min "
     "RETURN i.id AS institution, f.id AS field, s.score AS score ORDER BY score DESC, institution, field",
     {"min": 0.8}),
    ("MATCH (c:Entity {kind: 'company', country: $iso})-[:DEVELOPS]->(t) "
     "RETURN c, t.id AS technology ORDER BY c.id, technology LIMIT 20", {"iso": "JP"}),
]  # fmt: skip


def without_times(value: Any) -> Any:
    """``value`` without ``updated_at`` (each store was loaded at its own moment)."""
    if isinstance(value, dict):
        return {key: without_times(item) for key, item in value.items() if key != "updated_at"}
    if isinstance(value, list):
        return [without_times(item) for item in value]
    return value


def test_both_stores_answer_the_same(
    falkordb_session_store: GraphStore, neo4j_session_store: GraphStore
) -> None:
    answers = []
    for store in (falkordb_session_store, neo4j_session_store):
        store.clear()
        load_jsonl(store, SAMPLE.read_text(encoding="utf-8"))
        answers.append(
            [
                run_query(store, QueryRequest(statement=text, parameters=params)).model_dump(
                    exclude={"graph_version"}
                )
                for text, params in QUERIES
            ]
        )
    assert all(answer["rows"] for answer in answers[0])
    assert without_times(answers[0]) == without_times(answers[1])


def _lines(api: Api, body: dict[str, Any]) -> Any:
    headers = api.headers(Role.ANALYST) | {"Accept": "application/x-ndjson"}
    return api.client.post("/v1/query", json=body, headers=headers)


def test_json_lines_stream_every_row_past_the_json_cap(sample_api: Api) -> None:
    # A cross product of the sample, far more rows than a JSON answer may hold.
    statement = "MATCH (a:Entity), (b:Entity) RETURN a.id AS a, b.id AS b ORDER BY a, b"
    nodes = sum(sample_api.store.counts()["nodes"].values())
    answer = _lines(sample_api, {"statement": statement, "limit": 20_000})
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("application/x-ndjson")
    head, *rows, tail = [json.loads(line) for line in answer.text.splitlines()]
    assert head == {"columns": ["a", "b"], "graph_version": sample_api.store.graph_version()}
    assert len(rows) == 20_000 < nodes * nodes
    assert tail == {"truncated": True, "rows": 20_000}
    assert rows == sorted(rows)
    assert len({tuple(row) for row in rows}) == 20_000
    everything = _lines(
        sample_api, {"statement": "MATCH (n:Entity {kind: 'country'}) RETURN n", "limit": 100_000}
    )
    *countries, trailer = [json.loads(line) for line in everything.text.splitlines()[1:]]
    assert trailer == {"truncated": False, "rows": len(countries)}
    assert countries
    assert all(row[0]["kind"] == "country" for row in countries)
    as_json = ask(sample_api, {"statement": statement, "limit": 20_000})
    assert as_json.status_code == 422
    assert "JSON Lines" in as_json.json()["error"]["message"]


def test_json_lines_refuse_writes_before_the_stream_starts(sample_api: Api) -> None:
    before = sample_api.store.graph_version()
    refused = _lines(sample_api, {"statement": WRITES[0]})
    assert refused.status_code == 422
    assert refused.json()["error"]["code"] == "invalid_input"
    assert sample_api.store.graph_version() == before
    empty = _lines(sample_api, {"statement": "MATCH (n:Entity {id: 'nobody'}) RETURN n"})
    assert [json.loads(line) for line in empty.text.splitlines()][1:] == [{"truncated": False, "rows": 0}]
