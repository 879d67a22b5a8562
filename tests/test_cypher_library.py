"""Every Cypher file is used, every used name exists, and slots take allow-listed fragments only."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gxgraph.store import cypher

SRC = Path(__file__).resolve().parents[1] / "src" / "gxgraph" / "store"


def _referenced() -> set[str]:
    text = "".join(path.read_text() for path in SRC.glob("*.py"))
    return set(re.findall(r'_q\(\s*"([a-z_]+)"', text))


def _files() -> set[str]:
    return {path.stem for path in cypher.CYPHER_DIR.rglob("*.cypher")}


def test_every_file_is_used_and_every_reference_exists() -> None:
    assert _referenced() == _files()


def test_file_names_are_verb_noun_with_a_header_comment() -> None:
    for path in cypher.CYPHER_DIR.rglob("*.cypher"):
        assert re.fullmatch(r"[a-z]+_[a-z_]+", path.stem), path
        assert path.read_text().startswith("//"), f"{path} needs a header comment"


@pytest.mark.parametrize("backend", ["neo4j", "falkordb"])
def test_every_query_renders_for_each_backend(backend: str) -> None:
    fills = {
        "label": "Technology",
        "rel": "COVERS",
        "order": "ASC",
        "after": ">",
        "pattern": "-[r]-",
        "hops": "3",
    }
    for name, text in cypher.library(backend).items():
        slots = {slot: fills[slot] for slot in set(re.findall(r"\{\{(\w+)\}\}", text)) - {"journal"}}
        assert "{{" not in cypher.render(backend, name, **slots)


def test_fragments_outside_the_allow_list_are_refused() -> None:
    with pytest.raises(ValueError, match="not allow-listed"):
        cypher.render("neo4j", "merge_nodes", label="Technology) DETACH DELETE (n")
    with pytest.raises(ValueError, match="unfilled"):
        cypher.render("neo4j", "merge_nodes")


# The two openers of a multi-statement write: their write appends its entry through
# neo4j/record_audit_entry (same transaction) or the appended fragment (same FalkorDB query).
_OPENERS = {"bump_graph_version", "guard_graph_version"}
_WRITES = re.compile(
    r"SET m\.version|CREATE \(k:ApiKey\)|SET k\.revoked_at|SavedQuery[^\n]*\n[^\n]*(SET|DELETE)"
)


@pytest.mark.parametrize("backend", ["neo4j", "falkordb"])
def test_every_write_query_appends_its_audit_entry(backend: str) -> None:
    writes = {
        name
        for name, text in cypher.library(backend).items()
        if _WRITES.search(text) and name not in _OPENERS
    }
    assert {"create_node", "update_node", "delete_node_revision", "revoke_api_key"} <= writes
    for name in writes:
        assert cypher.JOURNAL_SLOT in cypher.library(backend)[name], name
        assert "CREATE (audit_entry:AuditEntry)" in cypher.render(
            backend, name, label="Company", rel="COVERS"
        )
