"""Checked-in artefacts match what the code generates: openapi.yaml and the README's schema diagram."""

from __future__ import annotations

from pathlib import Path

from gxgraph.api.app import create_app
from gxgraph.api.openapi import openapi_yaml
from gxgraph.domain.schema import mermaid_diagram
from gxgraph.settings import Settings

REPO = Path(__file__).resolve().parents[1]


def test_openapi_yaml_is_current() -> None:
    generated = openapi_yaml(create_app(Settings()))
    assert (REPO / "openapi.yaml").read_text(encoding="utf-8") == generated, "stale: run 'make openapi'"


def test_every_route_has_a_summary_and_error_shape() -> None:
    document = create_app(Settings()).openapi()
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            assert operation.get("summary"), f"{method} {path}"
            if path.startswith("/v1"):
                assert "401" in operation["responses"], f"{method} {path}"


def test_readme_shows_the_current_schema() -> None:
    assert mermaid_diagram() in (REPO / "README.md").read_text(encoding="utf-8"), (
        "update the README's diagram"
    )
