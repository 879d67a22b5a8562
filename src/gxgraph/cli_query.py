"""``gxgraph query``: analysts' read-only Cypher and saved queries, on the local store or, with ``--url``,
on a server through the Python client. Answers print as the JSON the HTTP routes return."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

import typer
from pydantic import BaseModel

from gxgraph.cli_errors import ReportErrors
from gxgraph.errors import InvalidInput
from gxgraph.services import saved_queries
from gxgraph.services.queries import QueryRequest, run_query
from gxgraph.services.saved_queries import SavedQueryRun
from gxgraph.store import opened_store
from gxgraph.store.base import GraphStore

app = typer.Typer(cls=ReportErrors, help="Read-only Cypher and saved queries (analyst role with --url).")
T = TypeVar("T")

Params = Annotated[
    list[str] | None,
    typer.Option("--param", "-p", help="name=value; the value is read as JSON when it parses, else as text."),
]
Limit = Annotated[int | None, typer.Option(min=1, help="Most rows returned.")]


@dataclass(frozen=True)
class Target:
    url: str | None
    api_key: str | None


@app.callback()
def choose_target(
    ctx: typer.Context,
    url: Annotated[str | None, typer.Option(envvar="GXGRAPH_URL", help="Ask this gxgraph server.")] = None,
    api_key: Annotated[str | None, typer.Option(envvar="GXGRAPH_API_KEY", help="API key for --url.")] = None,
) -> None:
    """Where the command asks: the local store, or with ``--url`` a server through the client."""
    ctx.obj = Target(url, api_key)


def parameters(pairs: list[str] | None) -> dict[str, Any]:
    """``name=value`` pairs as parameters: JSON values where they parse, text otherwise.

    >>> parameters(["n=3", "iso=JP", 'kinds=["field"]'])
    {'n': 3, 'iso': 'JP', 'kinds': ['field']}
    """
    values: dict[str, Any] = {}
    for pair in pairs or ():
        name, separator, text = pair.partition("=")
        if not separator or not name:
            detail = {"loc": ["param"], "msg": f"{pair!r} is not name=value", "type": "value_error"}
            raise InvalidInput("a --param must read name=value", [detail])
        try:
            values[name] = json.loads(text)
        except ValueError:
            values[name] = text
    return values


def answer(
    ctx: typer.Context, local: Callable[[GraphStore], BaseModel | list[Any]], remote: Callable[[Any], Any]
) -> None:
    """Print, as the HTTP route's JSON, ``local``'s answer on the local store or ``remote``'s through
    the client (``--url``)."""
    target: Target = ctx.obj
    if target.url:
        from gxgraph.client import Client  # the HTTP client loads only for --url

        with Client(target.url, api_key=target.api_key) as client:
            answer = remote(client)
    else:
        with opened_store() as store:
            answer = local(store)
    data = (
        [item.model_dump(mode="json") for item in answer]
        if isinstance(answer, list)
        else answer.model_dump(mode="json")
    )
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


@app.command("run")
def run_command(
    ctx: typer.Context,
    statement: Annotated[str, typer.Argument(help="A Cypher read; pass values with --param.")],
    param: Params = None,
    limit: Limit = None,
) -> None:
    """Run a Cypher read: writes are refused by the store, files and procedures from the plan."""
    values = parameters(param)
    request = QueryRequest.model_validate(
        {"statement": statement, "parameters": values, "limit": limit or 1000}
    )
    answer(
        ctx,
        lambda store: run_query(store, request),
        lambda client: client.query(statement, values, limit=limit or 1000),
    )


@app.command("saved")
def saved_command(ctx: typer.Context) -> None:
    """List the saved queries with their declared parameters."""
    answer(ctx, saved_queries.list_all, lambda client: client.saved_queries())


@app.command("run-saved")
def run_saved_command(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The saved query's name.")],
    param: Params = None,
    limit: Limit = None,
) -> None:
    """Run a saved query with values for its declared parameters."""
    values = parameters(param)
    run = SavedQueryRun(parameters=values, limit=limit)
    answer(
        ctx,
        lambda store: saved_queries.run(store, name, run),
        lambda client: client.run_saved_query(name, values, limit=limit),
    )
