"""The curated sample: valid, honest about invented figures, and loadable into both stores alike."""

from __future__ import annotations

import json
import subprocess
import sys

from gxgraph.domain.kinds import NodeKind, RelType
from gxgraph.services.exports import export_jsonl
from gxgraph.store.base import GraphStore
from tests.conftest import REPO, SAMPLE

ROWS = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
BY_ID = {row["id"]: row for row in ROWS if "kind" in row}


def test_builder_output_is_current() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "seeds" / "build_sample.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_kind_and_relationship_type_is_present() -> None:
    assert {row["kind"] for row in ROWS if "kind" in row} == set(NodeKind)
    assert {row["type"] for row in ROWS if "type" in row} == set(RelType)
    assert 250 <= len(BY_ID) <= 500


def test_invented_figures_are_marked_illustrative() -> None:
    for row in ROWS:
        invented = row["source"].startswith("illustrative:")
        assert row.get("illustrative", False) == invented, row
        if row.get("kind") in ("technology", "market_segment") and not invented:
            numbers = {"trl", "patent_families", "publications", "cagr_pct", "market_size_usd"} & row.keys()
            assert not numbers, f"{row['id']} states figures without being illustrative"


def test_japan_indicators_are_the_reports() -> None:
    japan = next(row for row in ROWS if row.get("kind") == "country" and row["iso_code"] == "JP")
    ranks = {(i["indicator"], i["year"]): i["rank"] for i in japan["indicators"] if not i.get("illustrative")}
    assert ranks == {
        ("rd_investment", 2023): 5,
        ("patents", 2023): 3,
        ("ip_receipts", 2023): 1,
        ("ict_services_exports", 2023): 83,
        ("labour_productivity_growth", 2023): 111,
        ("creative_services_exports", 2023): 58,
        ("unicorn_valuation", 2023): 46,
    }


def test_middle_east_authority_leads_cybersecurity() -> None:
    scores = {(r["from"], r["to"]): r["score"] for r in ROWS if r.get("type") == "STRONG_IN"}
    assert scores[("inst-me-innovation-authority", "field-cybersecurity")] == 0.95
    best = max(
        (score, source) for (source, target), score in scores.items() if target == "field-cybersecurity"
    )
    assert best[1] in ("inst-me-innovation-authority", "country-il")


def test_sample_loads_and_exports_identically_on_both_backends(sample_store: GraphStore) -> None:
    counts = sample_store.counts()
    assert sum(counts["nodes"].values()) == len(BY_ID)
    assert sum(counts["relationships"].values()) == len(ROWS) - len(BY_ID)
    exported = [json.loads(line) for line in export_jsonl(sample_store)]
    assert {
        row["id"]: {k: v for k, v in row.items() if k != "updated_at"} for row in exported if "kind" in row
    } == BY_ID
