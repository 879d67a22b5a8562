"""``gxgraph audit`` (who changed what) and ``gxgraph sync`` (keep a local copy of a server's graph
by following its change feed)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from gxgraph.cli_errors import ReportErrors
from gxgraph.cli_query import answer, choose_target
from gxgraph.services import audit
from gxgraph.services.audit import AuditFilter
from gxgraph.services.changes import apply_changes
from gxgraph.store import opened_store
from gxgraph.store.journal import Actor

app = typer.Typer(cls=ReportErrors, help="The audit log: every write, its author, before and after.")
app.callback()(choose_target)

Actor_ = Annotated[str | None, typer.Option("--actor", help="An API key's id or name, or cli:<login>.")]
ItemId = Annotated[str | None, typer.Option("--id", help="Entries changing this node, key or query.")]
Operation = Annotated[str | None, typer.Option(help="create_node, update_node, import, ...")]
Since = Annotated[str | None, typer.Option(help="From this time on (ISO 8601).")]
Until = Annotated[str | None, typer.Option(help="Up to this time (ISO 8601).")]


@app.command("list")
def list_command(
    ctx: typer.Context,
    actor: Actor_ = None,
    item_id: ItemId = None,
    operation: Operation = None,
    since: Since = None,
    until: Until = None,
    limit: Annotated[int, typer.Option(min=1, max=500)] = 50,
    changes: Annotated[int, typer.Option(min=0, max=1000, help="Most changes per entry.")] = 100,
) -> None:
    """A page of the audit log, newest first (admin role with --url)."""
    values = {"actor": actor, "id": item_id, "operation": operation, "since": since, "until": until}
    request = AuditFilter.model_validate(values | {"limit": limit, "changes": changes})
    answer(
        ctx,
        lambda store: audit.list_entries(store, request),
        lambda client: client.audit(**values, limit=limit, changes=changes),
    )


@app.command("export")
def export_command(
    actor: Actor_ = None,
    item_id: ItemId = None,
    operation: Operation = None,
    since: Since = None,
    until: Until = None,
) -> None:
    """Every matching entry of the local store's log with all its changes, as JSON Lines on stdout."""
    values = {"actor": actor, "id": item_id, "operation": operation, "since": since, "until": until}
    request = AuditFilter.model_validate(values)
    with opened_store() as store:
        for line in audit.export_entries(store, request):
            typer.echo(line, nl=False)


def sync(
    source: Annotated[str, typer.Option("--from", help="The gxgraph server to copy (its URL).")],
    api_key: Annotated[
        str | None, typer.Option(envvar="GXGRAPH_API_KEY", help="API key for the server (viewer role).")
    ] = None,
    state: Annotated[
        Path | None,
        typer.Option(help="A JSON file remembering the version reached, read first and updated after."),
    ] = None,
    since: Annotated[int | None, typer.Option(min=0, help="Start after this version (default: 0).")] = None,
) -> None:
    """Bring the local store up to date with a server by replaying its change feed.

    All of it the first time, then what changed since the version reached (``--state`` keeps it).
    """
    from gxgraph.client import Client  # the HTTP client loads only for sync

    start = since
    if start is None and state is not None and state.exists():
        start = int(json.loads(state.read_text(encoding="utf-8"))["version"])
    reached, applied = start or 0, 0
    with opened_store() as store, Client(source, api_key=api_key) as client:
        for page in client.iter_changes(reached):
            applied += apply_changes(store, page.changes, Actor("sync", f"sync:{source}"))
            reached = page.up_to_version
            if state is not None:
                state.write_text(json.dumps({"url": source, "version": reached}), encoding="utf-8")
    typer.echo(json.dumps({"source": source, "applied": applied, "version": reached}))
