"""Conversion between domain models and the flat property maps a graph store holds."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from pathlib import Path
from typing import Any

import orjson
import pydantic
from pydantic import ValidationError

from gxgraph.domain.kinds import NodeKind, RelType
from gxgraph.domain.nodes import NodeBase
from gxgraph.domain.relationships import RelationshipBase
from gxgraph.domain.schema import NESTED_FIELDS, NODE_MODELS, REL_MODELS
from gxgraph.errors import GxGraphError

Row = dict[str, Any]
_ENDPOINT_FIELDS = {"source_id", "target_id", "type"}
HASH_KEY = "_hash"
"""The stored property holding the ``row_digest`` of the import row a node or relationship was
written from (or, written before digests or from a row no encoder could read, its ``content_hash``)."""


def normalize(text: str) -> str:
    """Fold width and case so 'ＡＩ', 'Ai' and 'ai' match alike (NFKC, then casefold).

    >>> normalize("ＧＸ  Hydrogen")
    'gx  hydrogen'
    """
    return unicodedata.normalize("NFKC", text).casefold().strip()


def search_key(props: Row) -> str:
    """The hidden ``_search`` property: normalised id, English and Japanese names, space-led."""
    parts = [props["id"], props["id"].replace("-", " "), props.get("name_en"), props.get("name_ja")]
    return " " + " ".join(normalize(str(part)) for part in parts if part)


def node_props(node: NodeBase) -> Row:
    """The property map stored for ``node``: JSON-compatible primitives, nested fields as JSON text."""
    props = node.model_dump(mode="json", exclude_none=True)
    for name in NESTED_FIELDS & props.keys():
        props[name] = json.dumps(props[name], ensure_ascii=False, sort_keys=True)
    props["_search"] = search_key(props)
    return props


def public_props(props: Row) -> Row:
    """Stored properties without the store-internal ones (``_search``) and with nested fields parsed."""
    data = {key: value for key, value in props.items() if not key.startswith("_")}
    for name in NESTED_FIELDS & data.keys():
        if isinstance(data[name], str):
            data[name] = json.loads(data[name])
    return data


def node_from_props(props: Row) -> NodeBase:
    """Rebuild the domain model of a stored node."""
    data = public_props(props)
    try:
        return NODE_MODELS[NodeKind(data["kind"])].model_validate(data)
    except (KeyError, ValueError, ValidationError) as exc:
        raise GxGraphError(f"stored node {data.get('id')!r} does not match the schema: {exc}") from exc


def relationship_props(rel: RelationshipBase) -> Row:
    """The property map stored on a relationship (its endpoints and type are the graph's own)."""
    return rel.model_dump(mode="json", exclude_none=True, exclude=_ENDPOINT_FIELDS)


def relationship_from_props(
    rel_type: RelType | str, source: str, target: str, props: Row
) -> RelationshipBase:
    """Rebuild the domain model of a stored relationship (its internal ``_`` properties left out)."""
    model = REL_MODELS[RelType(rel_type)]
    public = {key: value for key, value in props.items() if not key.startswith("_")}
    return model.model_validate({**public, "from": source, "to": target})


def content_hash(props: Row) -> str:
    """A digest of what an import compares: the public properties of a stored map but ``updated_at``.

    Maps with the same hash hold the same compared properties (up to a 128-bit collision), so a
    re-import reads the stored hashes and reads the full maps only of the items whose hash differs.

    >>> content_hash({"id": "a", "updated_at": "x", "_rev": "1"}) == content_hash({"id": "a"})
    True
    """
    compared = {k: v for k, v in props.items() if not k.startswith("_") and k != "updated_at"}
    return hashlib.blake2b(orjson.dumps(compared, option=orjson.OPT_SORT_KEYS), digest_size=16).hexdigest()


def _code_fingerprint() -> bytes:
    """A digest of the code that turns an import row into stored properties: the domain package,
    this module and pydantic's version. A release that changes validation or normalisation changes
    every row's digest."""
    domain = Path(__file__).parent.parent / "domain"
    fingerprint = hashlib.blake2b(pydantic.VERSION.encode(), digest_size=16)
    for path in [*sorted(domain.glob("*.py")), Path(__file__)]:
        fingerprint.update(path.read_bytes())
    return fingerprint.digest()


_CODE_FINGERPRINT = _code_fingerprint()


def row_digest(row: Row) -> str | None:
    """A digest of an import row as given, keyed with the code that validates it: a stored node or
    relationship holding it was written from an equal row by the same validation, so a re-import skips
    the row without validating it. ``None`` when no encoder reads the row (it is then validated).

    >>> row_digest({"id": "a", "kind": "field"}) == row_digest({"kind": "field", "id": "a"})
    True
    >>> row_digest({"id": "a", "x": None}) == row_digest({"id": "a", "x": float("nan")})
    False
    """
    try:
        text: bytes | None = orjson.dumps(row, option=orjson.OPT_SORT_KEYS)
    except orjson.JSONEncodeError:
        text = None
    if text is None or b"null" in text:
        # orjson writes NaN and the infinities as null (an invalid row would pass for a valid one)
        # and refuses integers past 64 bits; the standard encoder tells them apart, five times slower.
        try:
            text = json.dumps(row, sort_keys=True).encode()
        except (TypeError, ValueError):
            return None
    return hashlib.blake2b(text, digest_size=16, key=_CODE_FINGERPRINT).hexdigest()
