"""Values a store cannot hold are refused (422, nothing written) on create, patch and import, the same
on both stores; edge values both stores can hold are stored and read back exactly."""

from __future__ import annotations

import json
from typing import Any

import pytest

from gxgraph.domain.kinds import NodeKind
from gxgraph.domain.storable import storable_problem
from gxgraph.store.base import GraphStore
from tests.conftest import Api

COMPANY = {"id": "edge-co", "name_en": "Edge Co", "source": "test"}
NDJSON = {"Content-Type": "application/x-ndjson"}

# (field, JSON text of the value, what the 422 says). JSON text, because some of these values
# (a lone surrogate escape, 1e400, NaN) cannot be produced by json.dumps of a Python value.
BAD_VALUES = [
    ("name_en", '"nul\\u0000inside"', "U+0000"),
    ("description", '"bell\\u0007"', "U+0007"),
    ("description", '"escape\\u001b[0m"', "U+001B"),
    ("sector", '"vertical\\u000btab"', "U+000B"),
    ("name_ja", '"lone \\ud800 surrogate"', "unicode"),
    ("description", '"low \\udfff half"', "unicode"),
    ("source", '"non\\ufffecharacter"', "U+FFFE"),
    ("source", '"non\\uffffcharacter"', "U+FFFF"),
    ("valuation_usd", "1e400", "finite"),
    ("valuation_usd", "NaN", "finite"),
    ("valuation_usd", "-Infinity", "finite"),
    ("confidence", "1e400", "finite"),
    ("valuation_usd", "1.7976931348623157e308", "too large"),
]
BAD_INTEGERS = [
    ("patent_families", str(2**63), "64-bit"),
    ("patent_citations", str(10**30), "64-bit"),
]


def _body(base: dict[str, Any], field: str, value_json: str) -> str:
    """``base`` as JSON with ``field`` set to the raw JSON text ``value_json``."""
    text = json.dumps({key: value for key, value in base.items() if key != field})
    return f'{text[:-1]}, "{field}": {value_json}}}'


def _problem_text(response: Any) -> str:
    error = response.json()["error"]
    return str(error["message"]) + json.dumps(error["details"])


@pytest.mark.parametrize(("field", "value", "says"), BAD_VALUES)
def test_bad_values_are_refused_on_create_patch_and_import(
    api: Api, field: str, value: str, says: str
) -> None:
    c, h = api.client, {**api.headers(), "Content-Type": "application/json"}
    created = c.post("/v1/companies", content=_body(COMPANY, field, value), headers=h)
    assert created.status_code == 422, created.text
    assert says.lower() in _problem_text(created).lower()
    assert c.get("/v1/companies/edge-co", headers=h).status_code == 404

    assert c.post("/v1/companies", json=COMPANY, headers=h).status_code == 201
    before = c.get("/v1/companies/edge-co", headers=h)
    patched = c.patch("/v1/companies/edge-co", content=f'{{"{field}": {value}}}', headers=h)
    assert patched.status_code == 422, patched.text
    assert says.lower() in _problem_text(patched).lower()
    after = c.get("/v1/companies/edge-co", headers=h)
    assert (after.json(), after.headers["ETag"]) == (before.json(), before.headers["ETag"])

    row = _body({"kind": "company", **COMPANY, "id": "edge-imported"}, field, value)
    imported = c.post("/v1/import", content=row, headers={**h, **NDJSON})
    assert imported.status_code == 422, imported.text
    assert says.lower() in _problem_text(imported).lower()
    assert c.get("/v1/nodes/edge-imported", headers=h).status_code == 404


@pytest.mark.parametrize(("field", "value", "says"), BAD_INTEGERS)
def test_integers_beyond_64_bits_are_refused_not_clamped(api: Api, field: str, value: str, says: str) -> None:
    c, h = api.client, {**api.headers(), "Content-Type": "application/json"}
    tech = {"id": "edge-tech", "name_en": "Edge", "domain": "gx", "source": "test"}
    created = c.post("/v1/technologies", content=_body(tech, field, value), headers=h)
    assert created.status_code == 422, created.text
    assert says.lower() in _problem_text(created).lower()
    assert c.post("/v1/technologies", json=tech, headers=h).status_code == 201
    patched = c.patch("/v1/technologies/edge-tech", content=f'{{"{field}": {value}}}', headers=h)
    assert patched.status_code == 422, patched.text
    assert c.get("/v1/technologies/edge-tech", headers=h).json()[field] is None
    row = _body({"kind": "technology", **tech, "id": "edge-imported"}, field, value)
    imported = c.post("/v1/import", content=row, headers={**h, **NDJSON})
    assert imported.status_code == 422, imported.text
    assert says.lower() in _problem_text(imported).lower()
    assert c.get("/v1/nodes/edge-imported", headers=h).status_code == 404


def test_bad_values_inside_nested_indicators_and_relationships_are_refused(api: Api) -> None:
    c, h = api.client, {**api.headers(), "Content-Type": "application/json"}
    country = {"id": "edge-jp", "name_en": "Japan", "iso_code": "JP", "source": "test"}
    indicator = {"indicator": "patents", "year": 2023, "rank": 3, "source": "GII\u0000"}
    response = c.post("/v1/countries", json={**country, "indicators": [indicator]}, headers=h)
    assert response.status_code == 422
    assert "indicators" in _problem_text(response)
    assert "U+0000" in _problem_text(response)
    huge = {**indicator, "source": "GII", "rank": 2**64}
    assert c.post("/v1/countries", json={**country, "indicators": [huge]}, headers=h).status_code == 422
    assert c.get("/v1/nodes/edge-jp", headers=h).status_code == 404

    c.post("/v1/fields", json={"id": "edge-f", "name_en": "F", "source": "s"}, headers=h)
    c.post("/v1/countries", json=country, headers=h)
    rel = {"type": "STRONG_IN", "from": "edge-jp", "to": "edge-f", "score": 0.5, "source": "s\u0000"}
    assert c.post("/v1/relationships", json=rel, headers=h).status_code == 422
    assert c.get("/v1/relationships/STRONG_IN/edge-jp/edge-f", headers=h).status_code == 404


GOOD_TEXT = {
    "name_en": "Line\u2028separator \u2029paragraph \u0085next-line \U0001f331 emoji",
    "name_ja": "ペロブスカイト太陽電池\u3000（全角）",
    "description": "tab\there\nnew line\r\nCRLF, DEL \x7f and C1 \x9f, U+FDD0 \ufdd0, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
}


def test_edge_values_both_stores_hold_round_trip_exactly(api: Api) -> None:
    c, h = api.client, api.headers()
    tech = {"id": "edge-tech", "domain": "gx", "source": "test", "patent_families": 2**63 - 1, **GOOD_TEXT}
    created = c.post("/v1/technologies", json=tech, headers=h)
    assert created.status_code == 201, created.text
    got = c.get("/v1/technologies/edge-tech", headers=h).json()
    assert {key: got[key] for key in tech} == tech

    company = {**COMPANY, "valuation_usd": 1.79769313486231e308, "confidence": 5e-324}
    assert c.post("/v1/companies", json=company, headers=h).status_code == 201
    got = c.get("/v1/companies/edge-co", headers=h).json()
    assert (got["valuation_usd"], got["confidence"]) == (1.79769313486231e308, 5e-324)
    # FalkorDB answers 15 significant digits; the domain rounds to them so both stores agree.
    rounded = c.patch("/v1/companies/edge-co", json={"valuation_usd": 0.1 + 0.2}, headers=h)
    assert rounded.json()["valuation_usd"] == 0.3
    assert c.get("/v1/companies/edge-co", headers=h).json()["valuation_usd"] == 0.3

    patched = c.patch("/v1/companies/edge-co", json={"description": GOOD_TEXT["name_en"]}, headers=h)
    assert patched.status_code == 200
    assert c.get("/v1/nodes/edge-co", headers=h).json()["description"] == GOOD_TEXT["name_en"]


def test_the_stores_hold_the_whole_signed_64_bit_range(store: GraphStore) -> None:
    props = {"id": "edge-ints", "kind": "field", "name_en": "ints", "low": -(2**63), "high": 2**63 - 1}
    assert store.create_node(NodeKind.FIELD, props) is not None
    stored = store.fetch_nodes(["edge-ints"])["edge-ints"]
    assert (stored["low"], stored["high"]) == (-(2**63), 2**63 - 1)


def test_storable_problem_names_the_path_and_keeps_ordinary_text() -> None:
    assert storable_problem({"a": [1, {"b": "x\x00"}]}) == (
        "a[1].b: control character U+0000 at position 1 is not allowed"
    )
    assert (
        storable_problem([-(2**63) - 1])
        == "[0]: integer -9223372036854775809 is outside the signed 64-bit range"
    )
    assert storable_problem(float("nan")) == "nan is not a finite number"
    assert storable_problem(GOOD_TEXT) is None
    assert storable_problem([-(2**63), 2**63 - 1, True, None, 1.5]) is None


def test_csv_imports_refuse_control_characters_and_huge_integers(api: Api) -> None:
    h = {**api.headers(), "Content-Type": "text/csv"}
    for bad_row in ("technology,edge-tech,a\x00b,gx,1", f"technology,edge-tech,ok,gx,{2**63}"):
        body = f"kind,id,name_en,domain,patent_families,source\n{bad_row},test\n"
        response = api.client.post("/v1/import", content=body.encode(), headers=h)
        assert response.status_code == 422, response.text
        assert api.client.get("/v1/nodes/edge-tech", headers=api.headers()).status_code == 404
