"""Every ``gxgraph`` command, given bad input or an unreachable store, fails the same way: no traceback,
``error (<code>): <message>`` and the HTTP error body on stderr, exit code 2. A new command without an
entry here fails the first test."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.core import TyperGroup
from typer.testing import CliRunner

from gxgraph.analyses import ANALYSES
from gxgraph.cli import app
from gxgraph.settings import get_settings
from gxgraph.store.embedded import EmbeddedFalkorDB
from tests.live import free_port
from tests.test_analyses_registry import BAD as BAD_ANALYSIS
from tests.test_analyses_registry import argv

runner = CliRunner()
UNREACHABLE = "unreachable"  # the store is a Neo4j URI nobody listens on
REACHABLE = "reachable"  # the store is the test FalkorDB

# command path -> (store, arguments, the error code printed; None for a usage error Click reports)
CASES: dict[str, tuple[str, list[str], str | None]] = {
    "import": (REACHABLE, ["import", "{bad_rows}"], "invalid_input"),
    "seed": (REACHABLE, ["seed", "--synthetic", "-5"], None),
    "export": (REACHABLE, ["export", "-o", "{missing_dir}/graph.jsonl"], "file_error"),
    "serve": (UNREACHABLE, ["serve", "--seed-if-empty"], "store_unavailable"),
    "keys create": (REACHABLE, ["keys", "create", "--name", "x", "--role", "emperor"], None),
    "keys dev": (UNREACHABLE, ["keys", "dev"], "store_unavailable"),
    "keys list": (UNREACHABLE, ["keys", "list"], "store_unavailable"),
    "keys revoke": (REACHABLE, ["keys", "revoke", "no-such-key"], "not_found"),
    "store stats": (UNREACHABLE, ["store", "stats"], "store_unavailable"),
    "store stop": (REACHABLE, ["store", "stop", "--force"], None),
    "openapi": (REACHABLE, ["openapi", "--check", "{missing_dir}/openapi.yaml"], "file_error"),
    "schema": (REACHABLE, ["schema", "--format", "svg"], None),
    "report partnership-gaps": (REACHABLE, ["report", "partnership-gaps", "--domain", "zz"], "invalid_input"),
    "query run": (REACHABLE, ["query", "run", "CREATE (n:Entity) RETURN n"], "invalid_input"),
    "query saved": (UNREACHABLE, ["query", "saved"], "store_unavailable"),
    "query run-saved": (REACHABLE, ["query", "run-saved", "no-such-query", "-p", "x"], "invalid_input"),
    "audit list": (REACHABLE, ["audit", "list", "--since", "yesterday"], "invalid_input"),
    "audit export": (UNREACHABLE, ["audit", "export"], "store_unavailable"),
    "sync": (REACHABLE, ["sync", "--from", f"http://127.0.0.1:{free_port()}"], "unreachable"),
    "sources openalex": (REACHABLE, ["sources", "openalex"], None),
    "sources patents": (REACHABLE, ["sources", "patents", "{missing_dir}"], None),
    "sources import-csv": (REACHABLE, ["sources", "import-csv", "{bad_rows}"], "invalid_input"),
    "sources review accept": (REACHABLE, ["sources", "review", "accept", "rv-none"], "not_found"),
    "sources review reject": (UNREACHABLE, ["sources", "review", "reject", "rv-none"], "store_unavailable"),
    **{
        f"analyze {name}": (REACHABLE, argv(ANALYSES[name], BAD_ANALYSIS[name]), "invalid_input")
        for name in ANALYSES.names()
    },
}


def command_paths(group: TyperGroup, prefix: str = "") -> Iterator[str]:
    for name, command in group.commands.items():
        path = f"{prefix}{name}"
        if isinstance(command, TyperGroup):
            yield from command_paths(command, f"{path} ")
        else:
            yield path


def test_every_command_has_a_bad_input_case() -> None:
    root = typer.main.get_command(app)
    assert isinstance(root, TyperGroup)
    assert set(command_paths(root)) == set(CASES)


@pytest.fixture
def environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, falkordb_server: EmbeddedFalkorDB
) -> Iterator[dict[str, dict[str, str]]]:
    reachable = {
        "GXGRAPH_STORE": "falkordb",
        "GXGRAPH_FALKORDB_SOCKET": str(falkordb_server.socket),
        "GXGRAPH_FALKORDB_GRAPH": "cli-errors",
        "GXGRAPH_DATA_DIR": str(tmp_path / "data"),
    }
    unreachable = {
        "GXGRAPH_STORE": "neo4j",
        "GXGRAPH_NEO4J_URI": f"bolt://127.0.0.1:{free_port()}",
        "GXGRAPH_STORE_CONNECT_TIMEOUT_SECONDS": "1",
        "GXGRAPH_DATA_DIR": str(tmp_path / "data"),
    }
    monkeypatch.delenv("GXGRAPH_FALKORDB_SOCKET", raising=False)
    get_settings.cache_clear()
    yield {REACHABLE: reachable, UNREACHABLE: unreachable}
    get_settings.cache_clear()


@pytest.mark.parametrize("command", sorted(CASES))
def test_bad_input_fails_without_a_traceback(
    environment: dict[str, dict[str, str]], tmp_path: Path, command: str
) -> None:
    store, arguments, code = CASES[command]
    bad_rows = tmp_path / "bad.jsonl"
    bad_rows.write_text('{"kind": "field", "id": "f1", "name_en": "F", "source": "s"}\n{"kind": "planet"}\n')
    values = {"bad_rows": str(bad_rows), "missing_dir": str(tmp_path / "missing")}
    result = runner.invoke(app, [argument.format(**values) for argument in arguments], env=environment[store])
    get_settings.cache_clear()
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    if code is None:
        assert "Usage:" in result.stderr or "Error" in result.stderr
        return
    # A progress bar may come first (import); the report is what follows it.
    first, _, rest = result.stderr[result.stderr.index("error (") :].partition("\n")
    assert first.startswith(f"error ({code}): ")
    body: dict[str, Any] = json.loads(rest)
    assert body["error"]["code"] == code
    if command == "import":
        assert [detail["line"] for detail in body["error"]["details"]] == [2]
