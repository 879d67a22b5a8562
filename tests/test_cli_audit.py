"""``gxgraph audit`` and ``gxgraph sync`` against real stores: a copy made by following a server's
change feed holds the server's graph, and a second sync brings only what changed."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from gxgraph.cli import app
from gxgraph.client import Client
from gxgraph.domain.kinds import NodeKind
from gxgraph.domain.nodes import Company
from gxgraph.domain.vocabulary import Role
from gxgraph.services import keys
from gxgraph.store.base import GraphStore
from tests.conftest import SAMPLE
from tests.live import live_server

runner = CliRunner()


def _export(arguments: list[str]) -> list[str]:
    result = runner.invoke(app, arguments)
    assert result.exit_code == 0, result.output
    return sorted(result.stdout.splitlines())


def test_sync_copies_a_server_and_then_only_what_changed(store: GraphStore, data_dir: Path) -> None:
    reader = keys.create_key(store, "sync reader", Role.VIEWER).key
    writer = keys.create_key(store, "sync writer", Role.SECRETARIAT).key
    state = data_dir / "sync.json"
    # The feed goes back to the store's first write; the test's Neo4j database outlives sessions.
    start = str(store.graph_version())
    with live_server(store) as base, Client(base, api_key=writer) as client:
        client.import_graph(SAMPLE)
        sync = ["sync", "--from", base, "--api-key", reader, "--state", str(state)]
        first = runner.invoke(app, [*sync, "--since", start])
        assert first.exit_code == 0, first.output
        reached = json.loads(first.stdout)
        assert reached["version"] == store.graph_version()
        assert reached["applied"] > 1000
        client.export(data_dir / "served.jsonl")
        assert _export(["export"]) == sorted((data_dir / "served.jsonl").read_text().splitlines())

        client.create_node(Company(id="co-synced", name_en="Synced", country="JP", source="test: sync"))
        client.delete_node(NodeKind.COMPANY, "co-synced")
        client.create_node(Company(id="co-kept", name_en="Kept", country="JP", source="test: sync"))
        second = runner.invoke(app, sync)
        assert second.exit_code == 0, second.output
        assert json.loads(second.stdout) == {
            "source": base, "applied": 3, "version": reached["version"] + 3
        }  # fmt: skip
        assert json.loads(state.read_text())["version"] == reached["version"] + 3
        copied = runner.invoke(app, ["export"]).stdout
        assert '"co-kept"' in copied
        assert '"co-synced"' not in copied


def test_audit_list_and_export_on_the_local_store(data_dir: Path) -> None:
    assert runner.invoke(app, ["seed"]).exit_code == 0
    listed = runner.invoke(app, ["audit", "list", "--operation", "import", "--changes", "2"])
    assert listed.exit_code == 0, listed.output
    [entry] = json.loads(listed.stdout)["items"]
    assert entry["actor_id"] == "cli"
    assert entry["actor_name"].startswith("cli:")
    assert entry["change_count"] > 1000
    assert len(entry["changes"]) == 2
    exported = runner.invoke(app, ["audit", "export", "--operation", "import"])
    [line] = exported.stdout.splitlines()
    assert len(json.loads(line)["changes"]) == entry["change_count"]
    bad = runner.invoke(app, ["audit", "list", "--since", "last tuesday"])
    assert bad.exit_code == 2
    assert "invalid_input" in bad.stderr
