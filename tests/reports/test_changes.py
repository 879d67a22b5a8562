""" "What changed since": import a change between two reports and find it listed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gxgraph.errors import InvalidInput
from gxgraph.reports.build import write_report
from gxgraph.reports.changes import SnapshotStore, load_baseline
from gxgraph.reports.data import ReportFormat, ReportRequest
from gxgraph.reports.messages import Lang, text
from gxgraph.services.projection import ProjectionCache
from gxgraph.store.falkordb import FalkorDBStore
from tests.conftest import SAMPLE, load_jsonl

PROVENANCE = {"source": "illustrative: test change", "illustrative": True}


def _change(institution: str) -> str:
    """A new case study, and an active partnership of a Japanese company with ``institution``."""
    rows = [
        {"kind": "partnership", "id": "part-test-new", "name_en": "Test partnership", "name_ja": "テスト連携",
         "status": "active", **PROVENANCE},
        {"type": "PARTY", "from": "part-test-new", "to": institution, "role": "research_partner", **PROVENANCE},
        {"type": "PARTY", "from": "part-test-new", "to": "co-jp-aoba", "role": "company_member", **PROVENANCE},
        {"kind": "case_study", "id": "cs-test-new", "name_en": "Test deployment", "name_ja": "テスト事例",
         "country": "JP", **PROVENANCE},
    ]  # fmt: skip
    return "\n".join(json.dumps(row, ensure_ascii=False) for row in rows)


def test_a_change_between_two_reports_is_listed(
    falkordb_session_store: FalkorDBStore, tmp_path: Path
) -> None:
    store = falkordb_session_store
    store.clear()
    load_jsonl(store, SAMPLE.read_text(encoding="utf-8"))
    cache = ProjectionCache(store)
    snapshots = SnapshotStore(tmp_path / "reports")
    first = write_report(store, cache, ReportRequest(lang=Lang.EN, format=ReportFormat.HTML), snapshots)
    (tmp_path / "first.html").write_bytes(first.content)
    baseline = load_baseline(tmp_path / "first.html")
    closed = next(gap for gap in baseline.gaps if gap.kind == "partnership")
    institution = closed.key.split("|")[0]

    load_jsonl(store, _change(institution))
    request = ReportRequest(lang=Lang.EN, format=ReportFormat.MD, since_version=first.graph_version)
    second = write_report(store, cache, request, snapshots)
    assert second.graph_version > first.graph_version
    page = second.content.decode("utf-8")
    changes = page.split(f"## {text('en', 's_changes')}")[1].split("\n## ")[0]
    rows = [line for line in changes.splitlines() if line.startswith("| ")]
    assert f"graph version {first.graph_version}" in changes
    listed = {(row.split(" | ")[0].lstrip("| "), row.split(" | ")[2]) for row in rows}
    assert (text("en", "change_closed_gap"), closed.name_en) in listed, rows
    assert (text("en", "change_new_case_study"), "Test deployment") in listed
    assert (text("en", "change_new_partnership"), "Test partnership") in listed

    # The same baseline read from the first report's file, in Japanese.
    from_file = write_report(
        store, cache, ReportRequest(lang=Lang.JA, format=ReportFormat.MD), snapshots, baseline=baseline
    ).content.decode("utf-8")
    assert "テスト事例" in from_file
    assert text("ja", "change_closed_gap") in from_file


def test_no_report_before_the_version_asked_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="no partnership-gaps report with this scope"):
        SnapshotStore(tmp_path).find("partnership-gaps", 3, {})
