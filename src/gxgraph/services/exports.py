"""Export the graph as re-importable JSON Lines or as GraphML, one graph version at a time.

An export reads the graph page by page into a spooled temporary file (memory up to
``SPOOL_MEMORY_BYTES``, disk beyond), reading the graph version before and after. When a write landed
in between (the version moved) the pages may mix two graphs, so the read starts again, a few times,
before giving up with 409. Only then does streaming start: every byte sent belongs to the version the
export names (the API's ``X-Graph-Version``). GraphML declares its keys up front, so they are
collected during the same single read.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

from gxgraph.domain.storable import UNSTORABLE_CHARACTERS
from gxgraph.errors import GraphChanged
from gxgraph.services.records import public_props
from gxgraph.store.base import GraphStore

SPOOL_MEMORY_BYTES = 16 * 1024 * 1024
EXPORT_ATTEMPTS = 3


class ExportFormat(StrEnum):
    JSONL = "jsonl"
    GRAPHML = "graphml"


@dataclass
class Snapshot:
    """One graph version, spooled: ``head`` + the spooled body + ``tail`` is the export."""

    version: int
    body: IO[str]
    head: str = ""
    tail: str = ""

    def __iter__(self) -> Iterator[str]:
        try:
            if self.head:
                yield self.head
            yield from self.body  # line by line: one row or one GraphML element each
            if self.tail:
                yield self.tail
        finally:
            self.close()

    def close(self) -> None:
        self.body.close()


def _spool() -> IO[str]:
    # newline="\n": lines end at LF only, and nothing is translated on the way in or out.
    return tempfile.SpooledTemporaryFile(
        max_size=SPOOL_MEMORY_BYTES, mode="w+", encoding="utf-8", newline="\n"
    )


def _jsonl_body(store: GraphStore, out: IO[str]) -> None:
    for props in store.iter_nodes():
        out.write(json.dumps(public_props(props), ensure_ascii=False, sort_keys=True) + "\n")
    for rel in store.iter_relationships():
        out.write(json.dumps(rel, ensure_ascii=False, sort_keys=True) + "\n")


_WIDER = {frozenset({"long", "double"}): "double"}


def _graphml_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    return "string"


def _declare(keys: dict[str, str], name: str, value: Any) -> None:
    """Record ``name``'s GraphML type: the first value's, widened to fit every later one."""
    kind = _graphml_type(value)
    seen = keys.setdefault(name, kind)
    if seen != kind:
        keys[name] = _WIDER.get(frozenset({seen, kind}), "string")


def _xml_safe(text: str) -> str:
    # XML 1.0 cannot carry the characters the domain refuses, even as references; the domain refuses
    # them at input, but an export must stay well-formed whatever a store holds.
    return UNSTORABLE_CHARACTERS.sub("\ufffd", text)


def _xml_text(value: Any) -> str:
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, list | dict):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = str(value)
    # A parser turns a raw CR (and CRLF) into LF; the reference keeps it.
    return escape(_xml_safe(text)).replace("\r", "&#13;")


def _graphml_body(
    store: GraphStore, out: IO[str], node_keys: dict[str, str], edge_keys: dict[str, str]
) -> None:
    for props in store.iter_nodes():
        public = public_props(props)
        for key, value in public.items():
            _declare(node_keys, key, value)
        data = "".join(f'<data key="n_{k}">{_xml_text(v)}</data>' for k, v in sorted(public.items()))
        out.write(f"    <node id={quoteattr(_xml_safe(props['id']))}>{data}</node>\n")
    for rel in store.iter_relationships():
        props = {k: v for k, v in rel.items() if k not in ("from", "to")}
        for key, value in props.items():
            _declare(edge_keys, key, value)
        data = "".join(f'<data key="e_{k}">{_xml_text(v)}</data>' for k, v in sorted(props.items()))
        source, target = quoteattr(_xml_safe(rel["from"])), quoteattr(_xml_safe(rel["to"]))
        out.write(f"    <edge source={source} target={target}>{data}</edge>\n")


def _graphml_head(node_keys: dict[str, str], edge_keys: dict[str, str]) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n',
    ]
    for key, kind in sorted(node_keys.items()):
        lines.append(f'  <key id="n_{key}" for="node" attr.name={quoteattr(key)} attr.type="{kind}"/>\n')
    for key, kind in sorted(edge_keys.items()):
        lines.append(f'  <key id="e_{key}" for="edge" attr.name={quoteattr(key)} attr.type="{kind}"/>\n')
    lines.append('  <graph id="gxgraph" edgedefault="directed">\n')
    return "".join(lines)


def snapshot(store: GraphStore, fmt: ExportFormat) -> Snapshot:
    """Read the graph once, at one version, into a spool ready to stream; ``GraphChanged`` (409)
    when writes kept landing during ``EXPORT_ATTEMPTS`` reads."""
    for _ in range(EXPORT_ATTEMPTS):
        version = store.graph_version()
        body = _spool()
        try:
            node_keys: dict[str, str] = {}
            edge_keys: dict[str, str] = {}
            if fmt is ExportFormat.GRAPHML:
                _graphml_body(store, body, node_keys, edge_keys)
            else:
                _jsonl_body(store, body)
        except BaseException:
            body.close()
            raise
        if store.graph_version() == version:
            body.seek(0)
            if fmt is ExportFormat.GRAPHML:
                return Snapshot(
                    version, body, _graphml_head(node_keys, edge_keys), "  </graph>\n</graphml>\n"
                )
            return Snapshot(version, body)
        body.close()
    raise GraphChanged(f"the graph changed during each of {EXPORT_ATTEMPTS} export reads; try again")


def export_jsonl(store: GraphStore) -> Iterator[str]:
    """Lines of JSON: every node (with ``kind``) then every relationship (with ``type``, ``from``, ``to``)."""
    return iter(snapshot(store, ExportFormat.JSONL))


def export_graphml(store: GraphStore) -> Iterator[str]:
    """GraphML for Gephi, yEd or NetworkX; lists and maps become JSON text."""
    return iter(snapshot(store, ExportFormat.GRAPHML))


def export(store: GraphStore, fmt: ExportFormat) -> Iterator[str]:
    """The export stream in ``fmt``."""
    return iter(snapshot(store, fmt))
