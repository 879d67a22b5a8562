"""Analyses as call builders, for any spec of a registry: the parameters are checked with the spec's
own model before the request (so a bad value fails exactly as the server would fail it), and the
answer is read into the spec's own envelope."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gxgraph.analyses import ANALYSES, AnalysisSpec, Registry, validate_params
from gxgraph.client.calls import model, query_params, segment
from gxgraph.client.transport import Call
from gxgraph.errors import NotFound
from gxgraph.services.analysis import Analysis

__all__ = ["analysis_call", "svg_call"]


def _request(
    name: str, values: Mapping[str, Any], registry: Registry, suffix: str = ""
) -> tuple[AnalysisSpec[Any, Any], str, Any]:
    try:
        spec = registry[name]
    except KeyError:
        raise NotFound(f"no analysis {name!r}; there are: {', '.join(registry.names())}") from None
    params = validate_params(spec, {key: value for key, value in values.items() if value is not None})
    fields = params.model_dump(mode="json", by_alias=True)
    path_values = {name: segment(str(getattr(params, name))) for name in spec.path_params}
    aliases = {spec.params.model_fields[name].alias or name for name in spec.path_params}
    path = f"/v1/analytics/{spec.path.format(**path_values)}{suffix}"
    return spec, path, query_params({key: value for key, value in fields.items() if key not in aliases})


def analysis_call(name: str, values: Mapping[str, Any], registry: Registry = ANALYSES) -> Call[Analysis[Any]]:
    """The request for analysis ``name`` with ``values`` (by parameter name; None means the default)."""
    spec, path, params = _request(name, values, registry)
    return Call("GET", path, model(spec.envelope), params=params)


def svg_call(name: str, values: Mapping[str, Any], registry: Registry = ANALYSES) -> Call[str]:
    """The request for the SVG chart of analysis ``name``."""
    spec, path, params = _request(name, values, registry, ".svg")
    if spec.svg is None:
        raise NotFound(f"analysis {name!r} has no chart")
    return Call("GET", path, lambda response: response.text, params=params)
