"""``gxgraph report partnership-gaps``: write the partnership-gap report from the graph, with a progress bar.

The command opens the configured store (as ``gxgraph analyze`` without ``--url`` does) and writes
the same file ``POST /v1/reports`` makes. Bad input raises the gxgraph errors, which the top-level
group prints as the HTTP error body (exit code 2).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn

from gxgraph.cli_errors import ReportErrors
from gxgraph.domain.kinds import Region
from gxgraph.errors import InvalidInput, validation_details
from gxgraph.reports.build import write_report
from gxgraph.reports.changes import SnapshotStore, load_baseline
from gxgraph.reports.data import ReportFormat, ReportRequest
from gxgraph.reports.messages import Lang
from gxgraph.services.projection import ProjectionCache
from gxgraph.settings import get_settings
from gxgraph.store import open_store

app = typer.Typer(
    cls=ReportErrors, help="Write reports (PDF, HTML, XLSX, CSV, Markdown; Japanese or English)."
)
console = Console(stderr=True)


@app.callback()
def _reports() -> None:
    """Keeps ``report`` a group of commands while it has a single report."""


@app.command("partnership-gaps")
def partnership_gaps(
    lang: Annotated[Lang, typer.Option(help="Language of the report.")] = Lang.EN,
    fmt: Annotated[ReportFormat, typer.Option("--format", help="pdf, html, xlsx, csv (a zip) or md.")] = (
        ReportFormat.PDF
    ),
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File to write; default: a name with the version.")
    ] = None,
    region: Annotated[Region | None, typer.Option(help="Only partnership gaps in this region.")] = None,
    domain: Annotated[
        str | None, typer.Option(help="gx or dx: only commercialisation gaps of this domain.")
    ] = None,
    industry: Annotated[
        str | None, typer.Option(help="Only commercialisation gaps of this industry.")
    ] = None,
    since_version: Annotated[
        int | None,
        typer.Option(help="List what changed since the report made at this graph version (or before it)."),
    ] = None,
    since: Annotated[
        Path | None,
        typer.Option(
            exists=True,
            dir_okay=False,
            help="List what changed since this report (an HTML or CSV-zip report).",
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option(help="No progress bar.")] = False,
) -> None:
    """The partnership-gap report: summary, innovation profile, technology map, commercialisation and
    partnership gaps, brokers and communities, what changed, and data provenance."""
    try:
        request = ReportRequest.model_validate(
            {
                "lang": lang,
                "format": fmt,
                "region": region,
                "domain": domain,
                "industry": industry,
                "since_version": since_version,
            }
        )
    except ValidationError as exc:
        raise InvalidInput(
            "the options do not match the report's parameters", validation_details(exc.errors())
        ) from exc
    baseline = load_baseline(since) if since is not None else None
    settings = get_settings()
    store = open_store(settings)
    columns = (TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(), TimeElapsedColumn())
    try:
        with Progress(*columns, console=console, disable=quiet) as progress:
            task = progress.add_task("report", total=1.0)
            report = write_report(
                store,
                ProjectionCache(store),
                request,
                SnapshotStore(settings.data_dir / "reports"),
                baseline=baseline,
                progress=lambda share, step: progress.update(task, completed=share, description=step),
            )
    finally:
        store.close()
    target = output or Path(report.filename)
    target.write_bytes(report.content)
    console.print(f"wrote {target} ({len(report.content):,} bytes, graph version {report.graph_version})")
