"""``gxgraph sources``: fill the graph from OpenAlex and PatentsView, and decide the review list."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from gxgraph.cli_errors import ReportErrors
from gxgraph.services.imports import ImportFormat, parse
from gxgraph.settings import get_settings
from gxgraph.sources import review
from gxgraph.sources.csv_import import load_csv
from gxgraph.sources.load import SourceReport
from gxgraph.sources.openalex import OpenAlexClient
from gxgraph.sources.openalex_run import (
    Scope,
    describe,
    fetch_api,
    load_records,
    read_snapshot,
    snapshot_files,
)
from gxgraph.sources.patents import STARTER_MAPPING, load_patents
from gxgraph.store import opened_store
from gxgraph.store.journal import Actor

app = typer.Typer(cls=ReportErrors, help="Fill the graph from OpenAlex and PatentsView; review weak matches.")
review_app = typer.Typer(cls=ReportErrors, help="The review list of weak entity-resolution matches.")
app.add_typer(review_app, name="review")
console = Console(stderr=True)


def _print(report: SourceReport) -> None:
    typer.echo(report.model_dump_json(indent=2))


@app.command("openalex")
def openalex(
    field: Annotated[
        list[str] | None,
        typer.Option(help="OpenAlex domain/field/subfield/topic: fields/17, subfields/2208, T10017."),
    ] = None,
    country: Annotated[list[str] | None, typer.Option(help="ISO code: every institution there.")] = None,
    institution: Annotated[list[str] | None, typer.Option(help="OpenAlex (I...) or ROR id.")] = None,
    top: Annotated[
        int | None, typer.Option(min=1, max=200, help="Top N institutions per --field worldwide.")
    ] = None,
    global_south: Annotated[bool, typer.Option(help="Every institution in the Global South.")] = False,
    japanese_companies: Annotated[
        bool, typer.Option(help="Japan's publishing companies (type company, JP).")
    ] = False,
    experts: Annotated[
        int, typer.Option(min=0, max=200, help="Authors per institution, most works first.")
    ] = 5,
    min_score: Annotated[float, typer.Option(min=0, max=1, help="Least STRONG_IN score written.")] = 0.05,
    snapshot: Annotated[
        Path | None,
        typer.Option(exists=True, file_okay=False, help="Read this OpenAlex snapshot instead of the API."),
    ] = None,
    download_dir: Annotated[
        Path | None,
        typer.Option(help="API downloads and checkpoint; default GXGRAPH_DATA_DIR/sources/openalex."),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option(help="Print what would be fetched and the request estimate.")
    ] = False,
) -> None:
    """Load institutions, fields, STRONG_IN, experts and Japanese companies from OpenAlex."""
    scope = Scope(
        fields=field or [],
        countries=country or [],
        institutions=institution or [],
        top=top,
        global_south=global_south,
        japanese_companies=japanese_companies,
        experts=experts,
        min_score=min_score,
    )
    if not (scope.fields or scope.countries or scope.institutions or global_south or japanese_companies):
        raise typer.BadParameter(
            "choose a scope: --field, --country, --institution, --global-south or --japanese-companies"
        )
    settings = get_settings()
    if snapshot is not None:
        if dry_run:
            for entity, paths in snapshot_files(snapshot).items():
                size = sum(p.stat().st_size for p in paths)
                typer.echo(f"{entity}: {len(paths)} files, {size:,} bytes compressed, read once, streaming")
            typer.echo("estimated API requests: 0")
        records = read_snapshot(snapshot, scope)
    else:
        if not settings.openalex_mailto:
            console.print("GXGRAPH_OPENALEX_MAILTO is not set: OpenAlex asks for it (the polite pool)")
        key = settings.openalex_api_key.get_secret_value() if settings.openalex_api_key else None
        with OpenAlexClient(
            mailto=settings.openalex_mailto, api_key=key, base_url=settings.openalex_url
        ) as client:
            if dry_run:
                lines, total = describe(scope, client)
                typer.echo("\n".join(lines))
                typer.echo(f"estimated API requests: {total} (sizes asked with {client.requests} requests)")
                return
            records = fetch_api(client, scope, download_dir or settings.sources_dir / "openalex")
            console.print(f"{client.requests} OpenAlex requests")
    with opened_store(settings) as store:
        _print(
            load_records(
                store,
                records,
                scope,
                dry_run=dry_run,
                batch_size=settings.import_batch_size,
                actor=Actor.command_line(),
            )
        )


@app.command("patents")
def patents(
    folder: Annotated[
        Path, typer.Argument(exists=True, file_okay=False, help="PatentsView bulk tables (.tsv/.zip).")
    ],
    mapping: Annotated[
        Path, typer.Option(exists=True, dir_okay=False, help="CPC prefix -> technology id mapping (CSV).")
    ] = STARTER_MAPPING,
    since: Annotated[
        int | None, typer.Option(min=1976, max=2100, help="Only patents granted from this year.")
    ] = None,
    country: Annotated[
        list[str] | None, typer.Option(help="Only assignees located in these ISO countries.")
    ] = None,
    min_patents: Annotated[int, typer.Option(min=1, help="Least patents for a DEVELOPS relationship.")] = 1,
    dry_run: Annotated[bool, typer.Option(help="Count and plan, write nothing.")] = False,
) -> None:
    """Add DEVELOPS.patents and each mapped technology's patent figures from PatentsView tables."""
    settings = get_settings()
    with opened_store(settings) as store:
        report = load_patents(
            store,
            folder,
            mapping,
            since=since,
            countries=country,
            min_patents=min_patents,
            dry_run=dry_run,
            batch_size=settings.import_batch_size,
            actor=Actor.command_line(),
        )
        _print(report)


@app.command("import-csv")
def import_csv(
    files: Annotated[
        list[Path], typer.Argument(exists=True, dir_okay=False, help="CSV (or JSON Lines) files.")
    ],
    dry_run: Annotated[bool, typer.Option(help="Validate and count, write nothing.")] = False,
) -> None:
    """Import organisations through entity resolution: rows matching a node merge into it."""
    rows = [
        row
        for path in files
        for row in parse(
            path.read_bytes(),
            ImportFormat.CSV if path.suffix.lower() == ".csv" else ImportFormat.JSONL,
            str(path),
        )
    ]
    settings = get_settings()
    with opened_store(settings) as store:
        _print(
            load_csv(
                store,
                rows,
                dry_run=dry_run,
                batch_size=settings.import_batch_size,
                actor=Actor.command_line(),
            )
        )


@review_app.callback(invoke_without_command=True)
def review_list(
    ctx: typer.Context,
    status: Annotated[review.ReviewStatus | None, typer.Option(help="Only pairs with this status.")] = None,
) -> None:
    """List the review pairs (pending ones by default); accept or reject them by review id."""
    if ctx.invoked_subcommand is not None:
        return
    with opened_store() as store:
        items = review.list_items(store, status or review.ReviewStatus.PENDING)
    for item in items:
        typer.echo(
            f"{item.review_id}  {item.status.value:8}  {item.score:.3f}  {item.source}: "
            f"{item.incoming_name!r} ({item.incoming_key}) -> {item.candidate_name!r} ({item.candidate_id})"
        )
    if not items:
        console.print("no pairs")


def _decide(review_id: str, status: review.ReviewStatus) -> None:
    with opened_store() as store:
        item = review.decide(store, review_id, status, Actor.command_line())
    typer.echo(item.model_dump_json(indent=2))


@review_app.command("accept")
def review_accept(
    review_id: Annotated[str, typer.Argument(help="The pair's review id (rv-...).")],
) -> None:
    """Accept a pair: the next run merges the organisation into the node."""
    _decide(review_id, review.ReviewStatus.ACCEPTED)


@review_app.command("reject")
def review_reject(
    review_id: Annotated[str, typer.Argument(help="The pair's review id (rv-...).")],
) -> None:
    """Reject a pair: the next run loads the organisation as its own node."""
    _decide(review_id, review.ReviewStatus.REJECTED)
