"""``gxgraph report``: bad options fail the way every command fails, before the store is opened."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from gxgraph.cli import app


def test_a_bad_option_prints_the_error_body_and_exits_2() -> None:
    result = CliRunner().invoke(app, ["report", "partnership-gaps", "--domain", "zz", "--quiet"])
    assert result.exit_code == 2
    first, body = result.stderr.split("\n", 1)
    assert first.startswith("error (invalid_input):")
    assert json.loads(body)["error"]["details"][0]["loc"] == ["domain"]


def test_the_report_command_lists_its_formats_and_languages() -> None:
    result = CliRunner().invoke(app, ["report", "partnership-gaps", "--help"])
    assert result.exit_code == 0
    for word in ("--lang", "--format", "--since-version", "--since", "--region", "--industry"):
        assert word in result.output
