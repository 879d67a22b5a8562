"""Export the graph as re-importable JSON Lines or as GraphML, streamed page by page."""

from __future__ import annotations

import json
from collections.abc import Iterator
from enum import StrEnum
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from gxgraph.services.records import public_props
from gxgraph.store.base import GraphStore


class ExportFormat(StrEnum):
    JSONL = "jsonl"
    GRAPHML = "graphml"


def export_jsonl(store: GraphStore) -> Iterator[str]:
    """Lines of JSON: every node (with ``kind``) then every relationship (with ``type``, ``from``, ``to``)."""
    for props in store.iter_nodes():
        yield json.dumps(public_props(props), ensure_ascii=False, sort_keys=True) + "\n"
    for rel in store.iter_relationships():
        yield json.dumps(rel, ensure_ascii=False, sort_keys=True) + "\n"


def _graphml_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    return "string"


def _graphml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def export_graphml(store: GraphStore) -> Iterator[str]:
    """GraphML for Gephi, yEd or NetworkX. Lists become JSON text; keys are declared up front,
    which costs one extra pass over the properties (not over memory: only key names are kept)."""
    node_keys: dict[str, str] = {}
    edge_keys: dict[str, str] = {}
    for props in store.iter_nodes():
        for key, value in public_props(props).items():
            node_keys.setdefault(key, _graphml_type(value))
    for rel in store.iter_relationships():
        for key, value in rel.items():
            if key not in ("from", "to"):
                edge_keys.setdefault(key, _graphml_type(value))
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    yield '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
    for key, kind in sorted(node_keys.items()):
        yield f'  <key id="n_{key}" for="node" attr.name={quoteattr(key)} attr.type="{kind}"/>\n'
    for key, kind in sorted(edge_keys.items()):
        yield f'  <key id="e_{key}" for="edge" attr.name={quoteattr(key)} attr.type="{kind}"/>\n'
    yield '  <graph id="gxgraph" edgedefault="directed">\n'
    for props in store.iter_nodes():
        data = "".join(
            f'<data key="n_{k}">{escape(_graphml_value(v))}</data>'
            for k, v in sorted(public_props(props).items())
        )
        yield f"    <node id={quoteattr(props['id'])}>{data}</node>\n"
    for rel in store.iter_relationships():
        data = "".join(
            f'<data key="e_{k}">{escape(_graphml_value(v))}</data>'
            for k, v in sorted(rel.items())
            if k not in ("from", "to")
        )
        yield f"    <edge source={quoteattr(rel['from'])} target={quoteattr(rel['to'])}>{data}</edge>\n"
    yield "  </graph>\n</graphml>\n"


def export(store: GraphStore, fmt: ExportFormat) -> Iterator[str]:
    """The export stream in ``fmt``."""
    return export_graphml(store) if fmt is ExportFormat.GRAPHML else export_jsonl(store)
