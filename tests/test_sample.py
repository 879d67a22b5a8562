"""The curated sample: built from its data tables, valid, honest about invented figures, and loadable
into both stores alike; and the builder names the file and row of every problem in the tables."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from seeds import build_sample

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


def test_data_tables_build_exactly_the_committed_sample() -> None:
    nodes, rels, problems = build_sample.build(build_sample.DATA)
    assert problems == []
    assert build_sample.OUT == SAMPLE
    assert build_sample.render(nodes, rels) == SAMPLE.read_text(encoding="utf-8")


# A tiny valid data directory; each case below breaks one thing in it.
COUNTRY = """\
- id: country-jp
  name_en: Japan
  name_ja: 日本
  iso_code: JP
  source: "p.4: Japan in the report"
"""
COMPANY = """\
- id: co-a
  name_en: A Corp (sample)
  name_ja: A社（サンプル）
  country: JP
  source: sample
"""
LOCATED_IN = "from,to,source\nco-a,country-jp,sample\n"
TABLES = {
    "nodes/country.yaml": COUNTRY,
    "nodes/company.yaml": COMPANY,
    "relationships/located_in.csv": LOCATED_IN,
}


def _write_data(folder: Path, changes: dict[str, str]) -> Path:
    (folder / "nodes").mkdir(parents=True)
    (folder / "relationships").mkdir()
    shutil.copy(build_sample.DATA / "sources.yaml", folder / "sources.yaml")
    for name, text in (TABLES | changes).items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_a_small_valid_directory_builds_with_provenance_from_its_sources(tmp_path: Path) -> None:
    data, out = _write_data(tmp_path / "data", {}), tmp_path / "sample.jsonl"
    assert build_sample.main(["--data", str(data), "--out", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    sample = "illustrative: secretariat sample data, not a sourced figure"
    assert rows == [
        {"kind": "company", "id": "co-a", "name_en": "A Corp (sample)", "name_ja": "A社（サンプル）"}
        | {"country": "JP", "is_japanese": False, "is_unicorn": False, "source": sample}
        | {"contributed_by": "company", "confidence": 0.5, "illustrative": True},
        {"kind": "country", "id": "country-jp", "name_en": "Japan", "name_ja": "日本", "iso_code": "JP"}
        | {"indicators": [], "source": "GX2040 Leaders Panel report (2024-07), p.4: Japan in the report"}
        | {"contributed_by": "secretariat", "confidence": 0.9, "illustrative": False},
        {"type": "LOCATED_IN", "from": "co-a", "to": "country-jp", "source": sample}
        | {"contributed_by": "secretariat", "confidence": 0.5, "illustrative": True},
    ]


def _company(node_id: str, *fields: str, source: str = "source: sample") -> str:
    """``COMPANY`` followed by one more row (it starts on line 7)."""
    lines = [f"- id: {node_id}", "  name_en: B Corp (sample)", "  name_ja: B社（サンプル）", *fields, source]
    return COMPANY + "\n" + "\n".join(lines[:3] + [f"  {line}" for line in lines[3:]]) + "\n"


BROKEN = {
    "unknown kind (file)": (
        {"nodes/compnay.yaml": "- id: co-x\n"},
        "nodes/compnay.yaml: unknown node kind 'compnay'",
    ),
    "unknown kind (row)": (
        {"nodes/company.yaml": _company("co-b", "kind: compnay")},
        "nodes/company.yaml:7 (co-b): kind: Input should be 'company'",
    ),
    "table with another extension": (
        {"nodes/company.yml": COMPANY},
        "nodes/company.yml: unknown node kind 'company' or not a table",
    ),
    "YAML syntax error": (
        {"nodes/company.yaml": COMPANY + "\n- id: co-b\n  source: p.5: unquoted colon\n"},
        'nodes/company.yaml", line 8',
    ),
    "unknown relationship type": (
        {"relationships/locatd_in.csv": LOCATED_IN},
        "relationships/locatd_in.csv: unknown relationship type 'locatd_in'",
    ),
    "dangling endpoint": (
        {"relationships/located_in.csv": LOCATED_IN + "co-a,country-xx,sample\n"},
        "relationships/located_in.csv:3 (co-a -> country-xx): to: unknown node 'country-xx'",
    ),
    "endpoint kind mismatch": (
        {"relationships/located_in.csv": "from,to,source\ncountry-jp,co-a,sample\n"},
        "relationships/located_in.csv:2 (country-jp -> co-a): from: LOCATED_IN cannot link a country",
    ),
    "node without provenance": (
        {"nodes/company.yaml": _company("co-b", source="")},
        "nodes/company.yaml:7 (co-b): no source",
    ),
    "relationship without provenance": (
        {"relationships/located_in.csv": LOCATED_IN + "co-a,country-jp,\n"},
        "relationships/located_in.csv:3 (co-a -> country-jp): no source",
    ),
    "indicator without provenance": (
        {"nodes/country.yaml": COUNTRY + "  indicators:\n    - {indicator: patents, year: 2023, rank: 3}\n"},
        "nodes/country.yaml:1 (country-jp): indicator 1: no source",
    ),
    "unknown source": (
        {"nodes/company.yaml": _company("co-b", source="source: smaple")},
        "nodes/company.yaml:7 (co-b): unknown source 'smaple'",
    ),
    "illustrative flag set by hand": (
        {"nodes/company.yaml": _company("co-b", "illustrative: false")},
        "nodes/company.yaml:7 (co-b): illustrative and contributed_by follow from the source",
    ),
    "duplicate node id": (
        {"nodes/company.yaml": _company("co-a")},
        "nodes/company.yaml:7 (co-a): duplicate node id 'co-a', first at {data}/nodes/company.yaml:1",
    ),
    "duplicate relationship": (
        {"relationships/located_in.csv": LOCATED_IN + "co-a,country-jp,sample\n"},
        "relationships/located_in.csv:3 (co-a -> country-jp): duplicate LOCATED_IN relationship",
    ),
    "value outside the model": (
        {"nodes/company.yaml": _company("co-b", "size: huge")},
        "nodes/company.yaml:7 (co-b): size: Input should be 'startup', 'sme' or 'large'",
    ),
    "invented node named like a real one": (
        {"nodes/company.yaml": COMPANY.replace("A Corp (sample)", "A Corp")},
        "nodes/company.yaml:1 (co-a): invented, so its names end in ' (sample)'",
    ),
}


@pytest.mark.parametrize(("changes", "expected"), BROKEN.values(), ids=BROKEN.keys())
def test_each_problem_names_its_file_and_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], changes: dict[str, str], expected: str
) -> None:
    data, out = _write_data(tmp_path / "data", changes), tmp_path / "sample.jsonl"
    assert build_sample.main(["--data", str(data), "--out", str(out)]) == 1
    assert not out.exists()
    assert f"{data}/{expected.format(data=data)}" in capsys.readouterr().err


def test_cross_checks_of_technologies_and_cited_scores(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    technology = """\
- id: tech-x
  name_en: X
  domain: gx
  industry: energy
  patent_families: 10
  source: sample
"""
    strong_in = (
        "from,to,score,source\n"
        "country-jp,field-a,0.8,\"p.6: Japan is world-leading (score: 'world_leading' on the fixed wording scale)\"\n"
    )
    changes = {
        "nodes/technology.yaml": technology,
        "nodes/field.yaml": "- id: field-a\n  name_en: A\n  source: taxonomy\n",
        "relationships/develops.csv": "from,to,patents,source\nco-a,tech-x,7,sample\n",
        "relationships/strong_in.csv": strong_in,
    }
    data = _write_data(tmp_path / "data", changes)
    assert build_sample.main(["--data", str(data), "--out", str(tmp_path / "out.jsonl")]) == 1
    err = capsys.readouterr().err
    assert (
        f"{data}/nodes/technology.yaml:1 (tech-x): patent_families is 10, its DEVELOPS rows add up to 7"
        in err
    )
    assert f"{data}/nodes/technology.yaml:1 (tech-x): industry or digital_technology is not an axis" in err
    assert (
        f"{data}/relationships/strong_in.csv:2 (country-jp -> field-a): score 0.8, but its source says" in err
    )


def test_invalid_data_exits_non_zero_with_a_readable_message(tmp_path: Path) -> None:
    data = _write_data(
        tmp_path / "data", {"relationships/located_in.csv": LOCATED_IN + "co-a,country-xx,sample\n"}
    )
    out = tmp_path / "sample.jsonl"
    result = subprocess.run(
        [sys.executable, str(REPO / "seeds" / "build_sample.py"), "--data", str(data), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"1 problem(s) in {data}, nothing written:",
        f"  {data}/relationships/located_in.csv:3 (co-a -> country-xx): to: unknown node 'country-xx'",
    ]
    assert not out.exists()


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
