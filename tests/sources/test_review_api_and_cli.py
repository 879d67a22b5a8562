"""The review list over HTTP (roles, decisions) and the ``gxgraph sources`` commands end to end."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from gxgraph import cli_sources
from gxgraph.cli import app
from gxgraph.domain.vocabulary import Role
from gxgraph.settings import get_settings
from gxgraph.sources.openalex import OpenAlexClient
from gxgraph.sources.openalex_run import Scope, load_records, read_snapshot
from gxgraph.sources.patents import load_patents
from gxgraph.store.base import GraphStore
from tests.conftest import make_api
from tests.sources.conftest import PATENTSVIEW, SNAPSHOT, MockOpenAlex

runner = CliRunner()


def test_review_list_and_decisions_over_http(fresh: GraphStore) -> None:
    scope = Scope(fields=["subfields/2208"], top=3, experts=0)
    load_records(fresh, read_snapshot(SNAPSHOT, scope), scope)
    load_patents(fresh, PATENTSVIEW)
    for api in make_api(fresh):
        assert api.client.get("/v1/sources/review", headers=api.headers(Role.ANALYST)).status_code == 403
        listed = api.client.get("/v1/sources/review", headers=api.headers(Role.SECRETARIAT))
        assert listed.status_code == 200
        (pair,) = listed.json()
        assert pair["incoming_name"] == "TSINGHUA UNIVERSTY"
        assert pair["candidate_id"] == "inst-openalex-i9000000002"
        assert pair["status"] == "pending"
        url = f"/v1/sources/review/{pair['review_id']}/accept"
        assert api.client.post(url, headers=api.headers(Role.SECRETARIAT)).status_code == 403
        accepted = api.client.post(url, headers=api.headers(Role.ADMIN))
        assert accepted.status_code == 200
        assert accepted.json()["status"] == "accepted"
        assert accepted.json()["decided_by"].startswith("test admin")
        assert api.client.get("/v1/sources/review", headers=api.headers(Role.ADMIN)).json() == []
        decided = api.client.get("/v1/sources/review?status=accepted", headers=api.headers(Role.ADMIN))
        assert [p["review_id"] for p in decided.json()] == [pair["review_id"]]
        missing = api.client.post("/v1/sources/review/rv-0000000000000000/reject", headers=api.headers())
        assert missing.status_code == 404
        assert api.client.post("/v1/sources/review/x/reject", headers=api.headers()).status_code == 422
    # review pairs live beside the graph, not in it: not counted, exported or projected
    exported = list(fresh.iter_nodes())
    assert sum(fresh.counts()["nodes"].values()) == len(exported)
    assert not any("review_id" in node for node in exported)
    # the decision is in the store: the next run merges
    assert load_patents(fresh, PATENTSVIEW).resolution["accepted_review"] == 1


def test_the_commands_fill_an_empty_graph_and_review_decides(data_dir: Path) -> None:
    base = ["sources", "openalex", "--snapshot", str(SNAPSHOT), "--field", "subfields/2208", "--top", "3"]
    dry = runner.invoke(app, [*base, "--japanese-companies", "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "estimated API requests: 0" in dry.stdout
    assert json.loads(dry.stdout[dry.stdout.index("{") :])["imported"]["dry_run"] is True
    loaded = runner.invoke(app, [*base, "--japanese-companies"])
    assert loaded.exit_code == 0, loaded.output
    assert json.loads(loaded.stdout)["imported"]["nodes_created"] > 0
    patents = runner.invoke(app, ["sources", "patents", str(PATENTSVIEW)])
    assert patents.exit_code == 0, patents.output
    assert json.loads(patents.stdout)["held_for_review"] == [
        "patentsview:a1b2c3d4-0000-4000-8000-000000000005"
    ]
    listed = runner.invoke(app, ["sources", "review"])
    assert "TSINGHUA UNIVERSTY" in listed.stdout
    review_id = listed.stdout.split()[0]
    rejected = runner.invoke(app, ["sources", "review", "reject", review_id])
    assert rejected.exit_code == 0, rejected.output
    assert json.loads(rejected.stdout)["status"] == "rejected"
    assert json.loads(rejected.stdout)["decided_by"].startswith("cli:")
    again = runner.invoke(app, ["sources", "patents", str(PATENTSVIEW)])
    assert json.loads(again.stdout)["held_for_review"] == []
    no_scope = runner.invoke(app, ["sources", "openalex"])
    assert no_scope.exit_code == 2


def test_csv_import_resolves_organisations(data_dir: Path) -> None:
    runner.invoke(app, ["sources", "openalex", "--snapshot", str(SNAPSHOT), "--japanese-companies"])
    rows = data_dir / "orgs.csv"
    rows.write_text(
        "kind,id,name_en,name_ja,country,is_japanese,external_ids,source\n"
        'company,co-toyota,Toyota Motor Corp.,トヨタ自動車株式会社,JP,true,"[""jp-corporate-number:9999999999999""]",'
        "secretariat register\n"
        "company,co-new,Example Robotics K.K.,,JP,true,,secretariat register\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["sources", "import-csv", str(rows)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["resolution"] == {"new": 1, "normalised_name": 1}
    stats = json.loads(runner.invoke(app, ["store", "stats"]).stdout)
    assert stats["nodes"]["company"] == 3
    exported = [json.loads(line) for line in runner.invoke(app, ["export"]).stdout.splitlines()]
    toyota = next(row for row in exported if row.get("id") == "co-openalex-i9000000004")
    assert toyota["external_ids"] == [
        "csv:co-toyota",
        "jp-corporate-number:9999999999999",
        "openalex:I9000000004",
    ]
    assert toyota["name_en"] == "Toyota Motor Corporation (Japan)"


def test_the_api_mode_sends_the_settings_and_resumes_from_its_download_folder(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GXGRAPH_OPENALEX_MAILTO", "secretariat@example.org")
    monkeypatch.setenv("GXGRAPH_OPENALEX_API_KEY", "k-456")
    get_settings.cache_clear()
    mock = MockOpenAlex()

    def client(**kwargs: Any) -> OpenAlexClient:
        return OpenAlexClient(**kwargs, transport=mock.transport(), sleep=lambda _: None)

    monkeypatch.setattr(cli_sources, "OpenAlexClient", client)
    args = ["sources", "openalex", "--field", "subfields/2208", "--top", "3", "--japanese-companies"]
    dry = runner.invoke(app, [*args, "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "estimated API requests: 7" in dry.stdout
    loaded = runner.invoke(app, [*args, "--experts", "2"])
    assert loaded.exit_code == 0, loaded.output
    assert json.loads(loaded.stdout)["resolution"] == {"new": 5}
    assert {r.url.params["mailto"] for r in mock.requests} == {"secretariat@example.org"}
    assert {r.url.params["api_key"] for r in mock.requests} == {"k-456"}
    assert (data_dir / "sources" / "openalex" / "checkpoint.json").exists()
    sent = len(mock.requests)
    again = runner.invoke(app, [*args, "--experts", "2"])
    assert again.exit_code == 0, again.output
    assert len(mock.requests) == sent  # everything came from the download folder
    assert json.loads(again.stdout)["imported"]["nodes_created"] == 0
