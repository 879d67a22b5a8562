"""The query files and the sample ship as package data, read through ``importlib.resources``.

The top-level ``cypher/`` and ``seeds/sample.jsonl`` are the sources; ``src/gxgraph/cypher`` and
``src/gxgraph/sample.jsonl`` link to them, and pyproject.toml's package-data patterns copy them into the
wheel. ``scripts/wheel-smoke`` (``make wheel-test``) checks the built wheel itself.
"""

from __future__ import annotations

import glob
import json
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from gxgraph import cli
from gxgraph.store import cypher
from gxgraph.store.falkordb import FalkorDBStore
from tests.conftest import REPO

PACKAGE = REPO / "src" / "gxgraph"
QUERY_FILES = sorted(path.relative_to(REPO / "cypher") for path in (REPO / "cypher").rglob("*.cypher"))


def _package_data_patterns() -> list[str]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    patterns: list[str] = config["tool"]["setuptools"]["package-data"]["gxgraph"]
    return patterns


def _shipped_by_patterns() -> set[Path]:
    """The package's files the wheel carries: the patterns expanded the way setuptools expands them."""
    return {
        Path(match).relative_to(PACKAGE)
        for pattern in _package_data_patterns()
        for match in glob.glob(str(PACKAGE / pattern), recursive=True)
        if Path(match).is_file()
    }


def test_the_packaged_folders_are_links_to_the_top_level_sources() -> None:
    assert (PACKAGE / "cypher").is_symlink()
    assert (PACKAGE / "cypher").resolve() == (REPO / "cypher").resolve()
    assert (PACKAGE / "sample.jsonl").is_symlink()
    assert (PACKAGE / "sample.jsonl").resolve() == (REPO / "seeds" / "sample.jsonl").resolve()


def test_there_are_backend_variants_to_check() -> None:
    backends = {path.parts[0] for path in QUERY_FILES if len(path.parts) > 1}
    assert {"neo4j", "falkordb"} <= backends


@pytest.mark.parametrize("relative", QUERY_FILES, ids=str)
def test_every_query_file_is_a_package_resource_the_wheel_carries(relative: Path) -> None:
    resource = resources.files("gxgraph").joinpath("cypher", *relative.parts)
    assert resource.read_text(encoding="utf-8") == (REPO / "cypher" / relative).read_text(encoding="utf-8")
    assert Path("cypher", relative) in _shipped_by_patterns(), f"package-data leaves out cypher/{relative}"


def test_the_query_library_reads_the_package_resources() -> None:
    packaged = Path(str(resources.files("gxgraph") / "cypher"))
    assert packaged == cypher.CYPHER_DIR
    expected = {path.stem for path in QUERY_FILES if len(path.parts) == 1 or path.parts[0] == "falkordb"}
    assert set(cypher.library("falkordb")) == expected


def test_the_sample_is_a_package_resource_the_wheel_carries() -> None:
    assert Path("sample.jsonl") in _shipped_by_patterns()
    packaged = Path(str(resources.files("gxgraph") / "sample.jsonl"))
    assert packaged == cli.SAMPLE_FILE
    assert cli.SAMPLE_FILE.read_bytes() == (REPO / "seeds" / "sample.jsonl").read_bytes()


def test_the_sample_loads_from_the_packaged_path(falkordb_session_store: FalkorDBStore) -> None:
    rows = [json.loads(line) for line in cli.SAMPLE_FILE.read_text(encoding="utf-8").splitlines()]
    nodes = sum(1 for row in rows if "kind" in row)
    falkordb_session_store.clear()

    report = cli.run_import(falkordb_session_store, [cli.SAMPLE_FILE], quiet=True)

    assert nodes > 250
    assert (report.rows, report.nodes_created, report.relationships_created) == (
        len(rows),
        nodes,
        len(rows) - nodes,
    )
    counts = falkordb_session_store.counts()
    assert sum(counts["nodes"].values()) == nodes
    assert sum(counts["relationships"].values()) == len(rows) - nodes
