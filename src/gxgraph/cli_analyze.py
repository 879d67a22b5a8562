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
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic.fields import FieldInfo

from gxgraph.analyses import ANALYSES, AnalysisSpec, Registry, run_analysis, validate_params
from gxgraph.errors import GxGraphError
from gxgraph.services.projection import ProjectionCache
from gxgraph.settings import get_settings
from gxgraph.store import open_store

_KW = inspect.Parameter.KEYWORD_ONLY
SVG_OPTION = "svg"


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


def _fail(exc: GxGraphError) -> typer.Exit:
    """The one error path of every analyze command: the HTTP error body on stderr, exit code 2."""
    typer.echo(f"error ({exc.code}): {exc.message}", err=True)
    typer.echo(json.dumps(exc.to_body(), ensure_ascii=False, indent=2), err=True)
    return typer.Exit(code=2)


def _run(spec: AnalysisSpec[Any, Any], values: dict[str, Any]) -> None:
    svg: Path | None = values.pop(SVG_OPTION, None)
    fields = spec.params.model_fields
    given = {fields[name].alias or name: value for name, value in values.items() if value is not None}
    try:
        params = validate_params(spec, given)
        store = open_store(get_settings())
        try:
            analysis = run_analysis(spec, params, ProjectionCache(store), store)
        finally:
            store.close()
    except GxGraphError as exc:
        raise _fail(exc) from exc
    if svg is not None and spec.svg is not None:
        svg.write_text(spec.svg(analysis.results), encoding="utf-8")
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

    def command(**values: Any) -> None:
        _run(spec, values)

    command.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    command.__annotations__ = {}
    app.command(spec.name, help=f"{spec.summary}\n\n{spec.documentation}")(command)


def build_cli(registry: Registry) -> typer.Typer:
    """A Typer app with one command per analysis in ``registry``."""
    app = typer.Typer(
        help="Analytics over the current graph; every answer names the graph version it reflects."
    )
    # A callback keeps the app a group of commands even when the registry holds a single analysis.
    app.callback()(lambda: None)
    for spec in registry:
        add_command(app, spec)
    return app


app = build_cli(ANALYSES)
