"""The ``gxgraph`` command line: serve, seed, import, export, keys, openapi, schema, store."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from gxgraph.cli_analyze import app as analyze_app
from gxgraph.cli_audit import app as audit_app
from gxgraph.cli_audit import sync
from gxgraph.cli_errors import ReportErrors
from gxgraph.cli_query import app as query_app
from gxgraph.cli_report import app as report_app
from gxgraph.cli_sources import app as sources_app
from gxgraph.domain.vocabulary import Role
from gxgraph.errors import GxGraphError
from gxgraph.services import keys as key_service
from gxgraph.services.exports import ExportFormat, snapshot
from gxgraph.services.import_parts import check_part_options, import_in_parts
from gxgraph.services.imports import ImportFormat, ImportReport, ParsedRow, import_rows, parse_stream
from gxgraph.settings import get_settings
from gxgraph.store import opened_store
from gxgraph.store.base import GraphStore
from gxgraph.store.journal import Actor

app = typer.Typer(
    cls=ReportErrors,
    help="gxgraph: knowledge graph of who knows what, who commercialises it, and where the gaps are.",
)
keys_app = typer.Typer(help="Create, list and revoke API keys.")
store_app = typer.Typer(help="Inspect or stop the configured store.")
app.add_typer(keys_app, name="keys")
app.add_typer(store_app, name="store")
app.add_typer(analyze_app, name="analyze")
app.add_typer(query_app, name="query")
app.add_typer(report_app, name="report")
app.add_typer(sources_app, name="sources")
app.add_typer(audit_app, name="audit")
app.command("sync")(sync)
console = Console(stderr=True)

# Package data: a symlink to seeds/sample.jsonl in a checkout, a copy in a wheel. pip installs wheels
# unpacked, so the resource is a real file.
SAMPLE_FILE = Path(str(resources.files("gxgraph") / "sample.jsonl"))


def _format_of(path: Path) -> ImportFormat:
    return ImportFormat.CSV if path.suffix.lower() == ".csv" else ImportFormat.JSONL


def _read_rows(files: list[Path]) -> Iterator[ParsedRow]:
    """The rows of ``files`` in turn, read line by line (a large file is never held whole)."""
    for path in files:
        with path.open("rb") as stream:
            yield from parse_stream(stream, _format_of(path), str(path))


def run_import(
    store: GraphStore, files: list[Path], dry_run: bool = False, quiet: bool = False, part_rows: int = 0
) -> ImportReport:
    """Import ``files`` as one all-or-nothing import (or, with ``part_rows``, checked whole and then
    written in parts: ``services.import_parts``), with a progress bar on the terminal."""
    settings = get_settings()
    columns = (TextColumn("importing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, disable=quiet) as progress:
        task = progress.add_task("import", total=None)
        if part_rows:
            report, parts = import_in_parts(
                store,
                lambda: _read_rows(files),
                part_rows,
                batch_size=settings.import_batch_size,
                progress=lambda n: progress.advance(task, n),
                actor=Actor.command_line(),
            )
            console.print(f"imported in {parts} part(s) of at most {part_rows:,} rows")
            return report
        return import_rows(
            store,
            _read_rows(files),
            batch_size=settings.import_batch_size,
            dry_run=dry_run,
            progress=lambda n: progress.advance(task, n),
            on_planned=lambda total: progress.update(task, total=total),
            actor=Actor.command_line(),
            max_rows=settings.max_import_rows,
        )


def _print_report(report: ImportReport) -> None:
    typer.echo(report.model_dump_json(indent=2))


@app.command("import")
def import_command(
    files: Annotated[
        list[Path], typer.Argument(exists=True, dir_okay=False, help="JSON Lines or CSV files.")
    ],
    dry_run: Annotated[bool, typer.Option(help="Validate and count, write nothing.")] = False,
    part_rows: Annotated[
        int,
        typer.Option(
            min=0,
            help="Past GXGRAPH_MAX_IMPORT_ROWS: check every row first, then write nodes and then "
            "relationships as consecutive all-or-nothing imports of at most this many rows (0: one "
            "import). A part failing midway leaves the earlier ones; running it again finishes it.",
        ),
    ] = 0,
) -> None:
    """Import files as one all-or-nothing batch; every bad row is listed with its line number."""
    settings = get_settings()
    check_part_options(part_rows, dry_run, settings.max_import_rows, ("--part-rows", "--dry-run"))
    with opened_store() as store:
        _print_report(run_import(store, files, dry_run=dry_run, part_rows=part_rows))


@app.command()
def seed(
    synthetic: Annotated[
        int, typer.Option(min=0, help="Load a synthetic graph of this many nodes instead.")
    ] = 0,
    random_seed: Annotated[int, typer.Option("--seed", help="Seed of the synthetic generator.")] = 42,
    replace: Annotated[bool, typer.Option(help="Delete the current graph first.")] = False,
    if_empty: Annotated[bool, typer.Option(help="Do nothing when the graph already has nodes.")] = False,
) -> None:
    """Load the curated sample ecosystem (default) or a synthetic graph."""
    with opened_store() as store:
        if if_empty and store.counts()["nodes"]:
            console.print("graph already has nodes; leaving it as it is")
            return
        if replace:
            store.clear(Actor.command_line())
        if synthetic:
            from gxgraph.seeding.synthetic import SyntheticConfig, generate

            rows = (
                ParsedRow("synthetic", n, row)
                for n, row in enumerate(generate(SyntheticConfig(nodes=synthetic, seed=random_seed)), 1)
            )
            report = import_rows(
                store,
                rows,
                batch_size=get_settings().import_batch_size,
                actor=Actor.command_line(),
                max_rows=get_settings().max_import_rows,
            )
        else:
            report = run_import(store, [SAMPLE_FILE])
        _print_report(report)


@app.command("export")
def export_command(
    fmt: Annotated[
        ExportFormat, typer.Option("--format", help="jsonl (re-importable) or graphml.")
    ] = ExportFormat.JSONL,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File to write; default stdout.")
    ] = None,
) -> None:
    """Export the whole graph at one graph version (printed on stderr)."""
    with opened_store() as store:
        # Read before opening the output, so a failed export leaves an existing file as it was.
        spooled = snapshot(store, fmt)
        out = output.open("w", encoding="utf-8") if output else sys.stdout
        try:
            for chunk in spooled:
                out.write(chunk)
        finally:
            if output:
                out.close()
        console.print(f"exported graph version {spooled.version}")


@app.command()
def serve(
    seed_if_empty: Annotated[
        bool, typer.Option(help="Load the sample ecosystem when the graph is empty.")
    ] = False,
    reload: Annotated[bool, typer.Option(help="Restart on code changes (development).")] = False,
    workers: Annotated[
        int | None,
        typer.Option(min=1, max=64, help="Worker processes; default GXGRAPH_WORKERS (1)."),
    ] = None,
) -> None:
    """Serve the REST API on GXGRAPH_HOST:GXGRAPH_PORT."""
    import uvicorn

    settings = get_settings()
    # Each worker opens the store itself; rate limits are counted in the store, so they hold across them.
    workers = workers or settings.workers
    if seed_if_empty:
        with opened_store(settings) as store:
            if not store.counts()["nodes"]:
                _print_report(run_import(store, [SAMPLE_FILE]))
    console.print(
        f"gxgraph on http://{settings.host}:{settings.port} (store: {settings.store.value}); docs at /docs"
    )
    uvicorn.run(
        "gxgraph.api.app:create_app",
        factory=True,
        host=settings.host,
        port=settings.port,
        reload=reload,
        workers=None if reload else workers,
    )


@keys_app.command("create")
def keys_create(
    name: Annotated[str, typer.Option(help="Who or what the key is for.")],
    role: Annotated[Role, typer.Option(help="viewer < analyst < secretariat < admin.")] = Role.VIEWER,
) -> None:
    """Create an API key and print it (the only time it is shown)."""
    with opened_store() as store:
        new = key_service.create_key(store, name, role, Actor.command_line())
        typer.echo(new.model_dump_json(indent=2))


@keys_app.command("dev")
def keys_dev() -> None:
    """Print the local development admin key, creating it (in GXGRAPH_DATA_DIR) the first time."""
    settings = get_settings()
    path = settings.data_dir / "dev-api-key"
    with opened_store(settings) as store:
        if path.exists():
            try:
                key_service.authenticate(store, path.read_text(encoding="utf-8").strip())
                typer.echo(path.read_text(encoding="utf-8").strip())
                return
            except GxGraphError:
                console.print(f"{path} holds a key this graph does not know; making a new one")
        new = key_service.create_key(store, "local development", Role.ADMIN, Actor.command_line())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600)
    path.write_text(new.key + "\n", encoding="utf-8")
    typer.echo(new.key)


@keys_app.command("list")
def keys_list() -> None:
    """List API keys (never their secrets)."""
    with opened_store() as store:
        typer.echo(json.dumps([k.model_dump() for k in key_service.list_keys(store)], indent=2))


@keys_app.command("revoke")
def keys_revoke(key_id: Annotated[str, typer.Argument(help="The key_id shown by 'keys list'.")]) -> None:
    """Revoke an API key; servers refuse it within GXGRAPH_API_KEY_CACHE_SECONDS (2 s by default)."""
    with opened_store() as store:
        key_service.revoke_key(store, key_id, Actor.command_line())
        typer.echo(f"revoked {key_id}")


@store_app.command("stats")
def store_stats() -> None:
    """Print node and relationship counts and the graph version."""
    with opened_store() as store:
        version, counts = store.versioned_counts()
        typer.echo(json.dumps({**counts, "graph_version": version}, indent=2))


@store_app.command("stop")
def store_stop() -> None:
    """Stop the embedded FalkorDB server of GXGRAPH_DATA_DIR (its log folded into a snapshot first)."""
    from gxgraph.store.embedded import EmbeddedFalkorDB

    settings = get_settings()
    server = EmbeddedFalkorDB(settings.falkordb_dir, settings.falkordb_start_timeout)
    stopped = server.stop(only_if_idle=False)
    typer.echo("stopped" if stopped else "not running")


@app.command()
def openapi(
    check: Annotated[
        Path | None, typer.Option(help="Exit 1 when this file differs from the app's document.")
    ] = None,
) -> None:
    """Print the OpenAPI document as YAML (what openapi.yaml holds)."""
    from gxgraph.api.app import create_app
    from gxgraph.api.openapi import openapi_yaml

    text = openapi_yaml(create_app())
    if check is not None:
        if check.read_text(encoding="utf-8") != text:
            console.print(f"{check} is stale; run 'make openapi'")
            raise typer.Exit(code=1)
        return
    typer.echo(text, nl=False)


@app.command()
def schema() -> None:
    """Print the graph schema as a Mermaid diagram."""
    from gxgraph.domain.schema import mermaid_diagram

    typer.echo(mermaid_diagram())
