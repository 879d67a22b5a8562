"""The domain models accept what the schema allows and reject the rest."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from gxgraph.domain.kinds import NodeKind
from gxgraph.domain.nodes import Node, NodeBase
from gxgraph.domain.schema import NODE_MODELS, REL_ENDPOINTS, REL_MODELS, field_filters, mermaid_diagram

nodes: TypeAdapter[NodeBase] = TypeAdapter(Node)
BASE = {"id": "x", "name_en": "X", "source": "s"}


def test_every_kind_and_type_has_a_model_and_endpoints() -> None:
    assert set(NODE_MODELS) == set(NodeKind)
    assert set(REL_MODELS) == set(REL_ENDPOINTS)
    for kind, model in NODE_MODELS.items():
        assert model.model_fields["kind"].default == kind.value


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ({**BASE, "kind": "technology", "domain": "gx", "trl": 10}, "trl"),
        ({**BASE, "kind": "technology", "domain": "space"}, "domain"),
        ({**BASE, "kind": "field", "id": "Has Spaces"}, "id"),
        ({**BASE, "kind": "field", "confidence": 1.5}, "confidence"),
        ({**BASE, "kind": "field", "colour": "red"}, "colour"),
        ({**BASE, "kind": "field", "name_en": "  "}, "name_en"),
        ({**BASE, "kind": "company", "country": "JPN"}, "country"),
        (
            {
                **BASE,
                "kind": "partnership",
                "status": "active",
                "start_date": "2024-02-01",
                "end_date": "2024-01-01",
            },
            "end_date",
        ),
        (
            {
                **BASE,
                "kind": "country",
                "iso_code": "JP",
                "indicators": [{"indicator": "patents", "year": 2023}],
            },
            "rank or a value",
        ),
        ({**BASE, "kind": "market_segment", "industry": "energy"}, "digital_technology"),
        ({"kind": "field", "id": "x", "name_en": "X"}, "source"),
    ],
)
def test_invalid_nodes_are_rejected(row: dict[str, object], problem: str) -> None:
    with pytest.raises(ValidationError, match=problem):
        nodes.validate_python(row)


def test_values_are_normalised() -> None:
    company = nodes.validate_python({**BASE, "kind": "company", "country": "jp", "name_en": "  Acme  "})
    assert (company.country, company.name_en) == ("JP", "Acme")  # type: ignore[attr-defined]


def test_filters_come_from_the_model() -> None:
    tech = field_filters(NodeKind.TECHNOLOGY)
    assert {"domain", "industry", "digital_technology"} <= set(tech.equality)
    assert {"trl", "patent_families"} <= set(tech.ranges)
    assert "description" not in tech.equality
    assert tech.sortable[:2] == ("name_en", "id")


def test_mermaid_diagram_names_every_relationship_type() -> None:
    diagram = mermaid_diagram()
    for rel_type in REL_ENDPOINTS:
        assert f"-- {rel_type.value} -->" in diagram
