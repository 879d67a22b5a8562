"""Loads ``cypher/*.cypher`` once into a read-only mapping and fills allow-listed fragments.

A query file may hold ``{{name}}`` slots for what Cypher cannot take as a parameter (a label, a
relationship type, a sort direction, a hop bound). Slots are filled only from ``FRAGMENTS``: values
derived from enums, never from request text. The ``{{journal}}`` slot of every write query is always
filled with ``append_audit_entry.cypher``, so no write can leave the audit log out. Backend variants
live in ``cypher/<backend>/`` and shadow the common file of the same name.

The files are package data of ``gxgraph``, found through ``importlib.resources``: in a checkout
``src/gxgraph/cypher`` links to the top-level ``cypher/``, and a wheel carries copies of them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from gxgraph.domain.kinds import NodeKind, RelType

# pip installs wheels unpacked, so the resource is a real folder; as a Path it keeps glob and rglob for
# the loader and the tests.
CYPHER_DIR = Path(str(resources.files("gxgraph") / "cypher"))
_SLOT = re.compile(r"\{\{(\w+)\}\}")
JOURNAL_SLOT = "{{journal}}"
JOURNAL_FRAGMENT = "append_audit_entry"

FRAGMENTS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "label": frozenset(kind.label for kind in NodeKind),
        "rel": frozenset(rel.value for rel in RelType),
        "order": frozenset({"ASC", "DESC"}),
        "after": frozenset({">", "<"}),
        "pattern": frozenset({"-[r]->", "<-[r]-", "-[r]-"}),
        "hops": frozenset(str(n) for n in range(1, 7)),
    }
)


def _load(directory: Path) -> dict[str, str]:
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted(directory.glob("*.cypher"))}


@cache
def library(backend: str) -> Mapping[str, str]:
    """All query texts for ``backend``: the common files overlaid with its own variants."""
    queries = _load(CYPHER_DIR)
    queries.update(_load(CYPHER_DIR / backend))
    return MappingProxyType(queries)


@cache
def render(backend: str, name: str, **fragments: str) -> str:
    """The text of query ``name`` with its slots filled from allow-listed fragments.

    Raises ``KeyError`` for an unknown query and ``ValueError`` for a fragment outside the allow-list
    or a slot left unfilled.
    """
    text = library(backend)[name].replace(JOURNAL_SLOT, library(backend)[JOURNAL_FRAGMENT])
    for slot, value in fragments.items():
        if value not in FRAGMENTS.get(slot, frozenset()):
            raise ValueError(f"fragment {slot}={value!r} is not allow-listed")
        text = text.replace("{{" + slot + "}}", value)
    missing = _SLOT.findall(text)
    if missing:
        raise ValueError(f"query {name} has unfilled slots: {sorted(set(missing))}")
    return text


def reads_parameter(text: str, name: str) -> bool:
    r"""Whether query ``text`` reads parameter ``name`` outside its comments.

    >>> reads_parameter("// $ids is not read here\nUNWIND $keys AS key RETURN key", "ids")
    False
    >>> reads_parameter("UNWIND $ids AS id RETURN id", "ids")
    True
    """
    pattern = re.compile(rf"\${re.escape(name)}\b")
    return any(pattern.search(line) for line in text.splitlines() if not line.lstrip().startswith("//"))


def statements(text: str) -> list[str]:
    """Split a multi-statement file (schema DDL) on ``;`` lines, dropping comments and blanks."""
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    return [part.strip() for part in body.split(";") if part.strip()]
