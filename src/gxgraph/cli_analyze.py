"""``gxgraph analyze <name>``: one command per analysis in the registry, printed as the JSON envelope the
HTTP route answers with. Options come from each spec's parameters model; errors print as the HTTP error
body on stderr, with exit code 2."""

from __future__ import annotations

import enum
import inspect
import json
import sys
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic.fields import FieldInfo

from gxgraph.analyses import ANALYSES, AnalysisParams, AnalysisSpec, Registry, run_analysis, validate_params
from gxgraph.cli_errors import ReportErrors
from gxgraph.services.analysis import Analysis
from gxgraph.services.projection import ProjectionCache
from gxgraph.store import opened_store

_KW = inspect.Parameter.KEYWORD_ONLY
SVG_OPTION = "svg"
CONTEXT = "ctx"


def _is_list(info: FieldInfo) -> bool:
    annotation = info.annotation
    options = typing.get_args(annotation) if isinstance(annotation, types.UnionType) else (annotation,)
    return any(typing.get_origin(option) is list for option in options)


def _choices(annotation: Any) -> list[str]:
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return [str(member.value) for member in annotation]
    if typing.get_origin(annotation) is typing.Literal:
        return [str(value) for value in typing.get_args(annotation)]
    return [choice for arg in typing.get_args(annotation) for choice in _choices(arg)]


def _help(info: FieldInfo) -> str:
    text = info.description or ""
    choices = _choices(info.annotation)
    if choices:
        text += f" One of: {', '.join(choices)}."
    if not info.is_required() and info.default is not None:
        text += f" Default: {getattr(info.default, 'value', info.default)}."
    return text.strip()


def _parameter(spec: AnalysisSpec[Any, Any], name: str, info: FieldInfo) -> inspect.Parameter:
    """A Typer parameter for one model field. Values stay text (or a flag) so that the model, not
    Typer, validates and defaults them: the CLI then fails exactly as the HTTP route does."""
    flag = (info.alias or name).replace("_", "-")
    if name in spec.path_params:
        return inspect.Parameter(name, _KW, annotation=Annotated[str, typer.Argument(help=_help(info))])
    if info.annotation is bool:
        option = typer.Option(f"--{flag}/--no-{flag}", help=_help(info))
        return inspect.Parameter(name, _KW, annotation=Annotated[bool | None, option], default=None)
    if _is_list(info):
        option = typer.Option(f"--{flag}", help=f"{_help(info)} (repeat for several)")
        return inspect.Parameter(name, _KW, annotation=Annotated[list[str] | None, option], default=None)
    option = typer.Option(f"--{flag}", help=_help(info))
    return inspect.Parameter(name, _KW, annotation=Annotated[str | None, option], default=None)


@dataclass(frozen=True)
class Remote:
    """The server ``--url`` names, if any, and the key to send it."""

    url: str | None = None
    api_key: str | None = None


def _compute_here(
    spec: AnalysisSpec[Any, Any], params: AnalysisParams, chart: bool
) -> tuple[Analysis[Any], str | None]:
    with opened_store() as store:
        analysis = run_analysis(spec, params, ProjectionCache(store), store)
    return analysis, spec.svg(analysis.results) if chart and spec.svg else None


def _ask_server(
    spec: AnalysisSpec[Any, Any], params: AnalysisParams, remote: Remote, chart: bool
) -> tuple[Analysis[Any], str | None]:
    from gxgraph.client import Client  # the HTTP client loads only for --url

    values = params.model_dump()
    with Client(remote.url, api_key=remote.api_key, registry=Registry((spec,))) as client:
        analysis = client.analyze(spec.name, **values)
        return analysis, client.analysis_svg(spec.name, **values) if chart and spec.svg else None


def _run(spec: AnalysisSpec[Any, Any], values: dict[str, Any]) -> None:
    svg: Path | None = values.pop(SVG_OPTION, None)
    remote: Remote = values.pop(CONTEXT).obj or Remote()
    fields = spec.params.model_fields
    given = {fields[name].alias or name: value for name, value in values.items() if value is not None}
    params = validate_params(spec, given)
    if remote.url:
        analysis, chart = _ask_server(spec, params, remote, svg is not None)
    else:
        analysis, chart = _compute_here(spec, params, svg is not None)
    if svg is not None and chart is not None:
        svg.write_text(chart, encoding="utf-8")
    sys.stdout.write(
        json.dumps(analysis.model_dump(mode="json", by_alias=True), ensure_ascii=False, indent=2)
    )
    sys.stdout.write("\n")


def add_command(app: typer.Typer, spec: AnalysisSpec[Any, Any]) -> None:
    """``<app> <spec.name>`` with an option per parameter (path parameters as arguments)."""
    parameters = [_parameter(spec, name, info) for name, info in spec.params.model_fields.items()]
    # Arguments first, in the order of the route's path: click reads them by position.
    order = {name: index for index, name in enumerate(spec.path_params)}
    parameters.sort(key=lambda parameter: order.get(parameter.name, len(order)))
    if spec.svg is not None:
        option = typer.Option(help="Also write the chart to this SVG file.")
        parameters.append(
            inspect.Parameter(SVG_OPTION, _KW, annotation=Annotated[Path | None, option], default=None)
        )

    parameters.insert(0, inspect.Parameter(CONTEXT, _KW, annotation=typer.Context))

    def command(**values: Any) -> None:
        _run(spec, values)

    command.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    command.__annotations__ = {}
    app.command(spec.name, help=f"{spec.summary}\n\n{spec.documentation}")(command)


def _choose_server(
    ctx: typer.Context,
    url: Annotated[
        str | None,
        typer.Option(
            envvar="GXGRAPH_URL",
            help="Ask this gxgraph server (http://host:port) instead of opening the store.",
        ),
    ] = None,
    api_key: Annotated[
        str | None, typer.Option(envvar="GXGRAPH_API_KEY", help="API key to send with --url (analyst role).")
    ] = None,
) -> None:
    ctx.obj = Remote(url, api_key)


def build_cli(registry: Registry) -> typer.Typer:
    """A Typer app with one command per analysis in ``registry``."""
    app = typer.Typer(
        cls=ReportErrors,
        help="Analytics over the current graph; every answer names the graph version it reflects.",
    )
    # The callback also keeps the app a group of commands when the registry holds a single analysis.
    app.callback()(_choose_server)
    for spec in registry:
        add_command(app, spec)
    return app


app = build_cli(ANALYSES)
