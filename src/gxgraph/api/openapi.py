"""Renders the app's OpenAPI document as the YAML checked in at ``openapi.yaml``."""

from __future__ import annotations

import yaml
from fastapi import FastAPI


def openapi_yaml(app: FastAPI) -> str:
    """The OpenAPI document, deterministic, as YAML."""
    return yaml.safe_dump(app.openapi(), sort_keys=False, allow_unicode=True, width=100)
