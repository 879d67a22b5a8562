"""The command line against a real embedded store in a temporary data folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gxgraph.cli import app
from gxgraph.settings import get_settings
from tests.test_imports import GOOD, jsonl

runner = CliRunner()


def test_import_export_round_trip(data_dir: Path) -> None:
    source = data_dir / "in.jsonl"
    source.write_text(jsonl(GOOD), encoding="utf-8")
    result = runner.invoke(app, ["import", str(source)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["nodes_created"] == 3
    out = data_dir / "out.jsonl"
    assert runner.invoke(app, ["export", "-o", str(out)]).exit_code == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 5
    graphml = runner.invoke(app, ["export", "--format", "graphml"])
    assert "<graphml" in graphml.stdout


def test_bad_file_exits_2_with_line_numbers(data_dir: Path) -> None:
    source = data_dir / "bad.jsonl"
    source.write_text(jsonl(GOOD) + "{broken\n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(source)])
    assert result.exit_code == 2
    body = json.loads(result.stderr[result.stderr.index("error (") :].partition("\n")[2])
    assert [(d["file"], d["line"]) for d in body["error"]["details"]] == [(str(source), 6)]
    stats = runner.invoke(app, ["store", "stats"])
    assert json.loads(stats.stdout)["nodes"] == {}


def test_multiple_files_import_as_one_batch(data_dir: Path) -> None:
    nodes, rels = data_dir / "nodes.jsonl", data_dir / "rels.csv"
    nodes.write_text(jsonl(GOOD[:3]), encoding="utf-8")
    rels.write_text("type,from,to,source\nCOVERS,ai,llm,s\n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(nodes), str(rels)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["relationships_created"] == 1


def test_import_in_parts_checks_everything_then_writes_in_parts(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = data_dir / "in.jsonl"
    source.write_text(jsonl(GOOD), encoding="utf-8")
    monkeypatch.setenv("GXGRAPH_MAX_IMPORT_ROWS", "4")
    get_settings.cache_clear()
    whole = runner.invoke(app, ["import", str(source)])
    assert whole.exit_code == 2
    assert "error (payload_too_large)" in whole.stderr
    too_big = runner.invoke(app, ["import", str(source), "--part-rows", "5"])
    assert too_big.exit_code == 2
    assert "--part-rows is at most GXGRAPH_MAX_IMPORT_ROWS" in too_big.stderr
    assert runner.invoke(app, ["import", str(source), "--part-rows", "2", "--dry-run"]).exit_code == 2
    assert json.loads(runner.invoke(app, ["store", "stats"]).stdout)["nodes"] == {}
    result = runner.invoke(app, ["import", str(source), "--part-rows", "2"])
    assert result.exit_code == 0, result.output
    assert "imported in 3 part(s)" in result.stderr
    report = json.loads(result.stdout)
    assert (report["rows"], report["nodes_created"], report["relationships_created"]) == (5, 3, 2)


def test_key_lifecycle(data_dir: Path) -> None:
    created = runner.invoke(app, ["keys", "create", "--name", "analyst one", "--role", "analyst"])
    assert created.exit_code == 0, created.output
    key = json.loads(created.stdout)
    assert key["key"].startswith(f"gx_{key['key_id']}_")
    listed = json.loads(runner.invoke(app, ["keys", "list"]).stdout)
    assert [(k["key_id"], k["role"]) for k in listed] == [(key["key_id"], "analyst")]
    assert "key" not in listed[0]
    assert runner.invoke(app, ["keys", "revoke", key["key_id"]]).exit_code == 0
    assert runner.invoke(app, ["keys", "revoke", key["key_id"]]).exit_code == 2


def test_schema_and_openapi_commands(data_dir: Path) -> None:
    assert "flowchart LR" in runner.invoke(app, ["schema"]).stdout
    assert runner.invoke(app, ["openapi"]).stdout.startswith("openapi:")


def test_dev_key_is_created_once_and_works(data_dir: Path) -> None:
    first = runner.invoke(app, ["keys", "dev"])
    assert first.exit_code == 0, first.output
    again = runner.invoke(app, ["keys", "dev"])
    assert again.stdout == first.stdout
    assert (data_dir / "dev-api-key").stat().st_mode & 0o777 == 0o600
    listed = json.loads(runner.invoke(app, ["keys", "list"]).stdout)
    assert [k["role"] for k in listed] == ["admin"]


def test_analyze_commands_answer_on_the_sample(data_dir: Path) -> None:
    assert runner.invoke(app, ["seed"]).exit_code == 0
    gaps = json.loads(runner.invoke(app, ["analyze", "commercialisation-gaps", "--limit", "3"]).stdout)
    assert gaps["graph_version"] >= 1
    assert len(gaps["results"]) == 3
    knowers = json.loads(
        runner.invoke(app, ["analyze", "who-knows", "--q", "サイバーセキュリティ", "--limit", "1"]).stdout
    )
    assert knowers["results"]["knowers"][0]["id"] in ("exp-me-01", "inst-me-innovation-authority")
    chart = data_dir / "map.svg"
    assert runner.invoke(app, ["analyze", "technology-map", "--svg", str(chart)]).exit_code == 0
    assert chart.read_text(encoding="utf-8").startswith("<svg")
    recommended = runner.invoke(
        app, ["analyze", "recommendations", "--company", "co-jp-kasumi", "--method", "jaccard"]
    )
    assert json.loads(recommended.stdout)["results"][0]["shared"]
    profile = json.loads(runner.invoke(app, ["analyze", "country-profile", "jp"]).stdout)
    assert profile["results"]["iso_code"] == "JP"
    missing = runner.invoke(app, ["analyze", "recommendations", "--company", "nobody"])
    assert missing.exit_code == 2
    assert "not_found" in missing.output
    assert "Traceback" not in missing.output


def test_analyze_refuses_bad_input_with_the_http_error_body(data_dir: Path) -> None:
    result = runner.invoke(app, ["analyze", "commercialisation-gaps", "--perspective", "x"])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stderr.startswith("error (invalid_input): the request does not match the schema")
    details = json.loads(result.stderr.split("\n", 1)[1])["error"]["details"]
    assert [detail["loc"] for detail in details] == [["query", "perspective"]]
    assert result.stdout == ""
