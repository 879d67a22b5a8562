"""Analytics routes, generated from the analyses registry: ``GET /v1/analytics/<path>`` per spec, plus
``<path>.svg`` for a spec with a chart. Parameters, bounds and defaults come from each spec's model."""

# FastAPI reads the generated handlers' signatures at runtime; they name per-spec models built in a
# loop, so they must stay real objects rather than postponed strings.
import inspect
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel, create_model
from pydantic.fields import FieldInfo

from gxgraph.analyses import ANALYSES, AnalysisSpec, Registry, run_analysis, validate_params
from gxgraph.api.deps import AnalystKey, SecretariatKey, StoreDep, ViewerKey
from gxgraph.api.errors import ERROR_RESPONSES
from gxgraph.domain.vocabulary import Role
from gxgraph.services.analysis import Analysis
from gxgraph.services.projection import ProjectionCache
from gxgraph.store.base import GraphStore

_ROLE_KEYS: dict[Role, Any] = {
    Role.VIEWER: ViewerKey,
    Role.ANALYST: AnalystKey,
    Role.SECRETARIAT: SecretariatKey,
}
_KW = inspect.Parameter.KEYWORD_ONLY


def _pattern(info: FieldInfo) -> str | None:
    return next((m.pattern for m in info.metadata if isinstance(getattr(m, "pattern", None), str)), None)


def _query_model(spec: AnalysisSpec[Any, Any]) -> type[BaseModel]:
    """The spec's parameters without its path parameters (the whole model when it has none)."""
    if not spec.path_params:
        return spec.params
    fields: dict[str, Any] = {
        name: (info.annotation, info)
        for name, info in spec.params.model_fields.items()
        if name not in spec.path_params
    }
    return create_model(f"{spec.params.__name__}Query", __config__=spec.params.model_config, **fields)


def _answer(spec: AnalysisSpec[Any, Any], values: dict[str, Any]) -> Analysis[Any]:
    """The analysis for one request; ``values`` are the handler's arguments."""
    request: Request = values.pop("request")
    store: GraphStore = values.pop("store")
    values.pop("caller")  # checked by its dependency; only the role matters here
    params: BaseModel = values.pop("query")
    if spec.path_params:
        params = validate_params(spec, params.model_dump(by_alias=True, exclude_unset=True) | values)
    cache: ProjectionCache = request.app.state.projections
    return run_analysis(spec, params, cache, store)


def _signature(spec: AnalysisSpec[Any, Any], returns: Any) -> inspect.Signature:
    parameters = [
        inspect.Parameter("request", _KW, annotation=Request),
        inspect.Parameter("store", _KW, annotation=StoreDep),
        inspect.Parameter("caller", _KW, annotation=_ROLE_KEYS[spec.role]),
    ]
    for name in spec.path_params:
        info = spec.params.model_fields[name]
        path = Path(pattern=_pattern(info), description=info.description)
        parameters.append(inspect.Parameter(name, _KW, annotation=Annotated[str, path]))
    parameters.append(inspect.Parameter("query", _KW, annotation=Annotated[_query_model(spec), Query()]))
    return inspect.Signature(parameters, return_annotation=returns)


def add_routes(router: APIRouter, spec: AnalysisSpec[Any, Any]) -> None:
    """``GET /<spec.path>`` (and ``/<spec.path>.svg`` when the spec has a chart) on ``router``."""

    # A coroutine sending only the analysis to the thread pool: one hop instead of two (FastAPI
    # validates a sync handler's return value in the pool too).
    async def answer(**values: Any) -> Any:
        return await run_in_threadpool(_answer, spec, values)

    answer.__signature__ = _signature(spec, spec.envelope)  # type: ignore[attr-defined]
    operation = spec.name.replace("-", "_")
    router.add_api_route(
        f"/{spec.path}", answer, methods=["GET"], response_model=spec.envelope, summary=spec.summary,
        description=spec.documentation, operation_id=f"analytics_{operation}",
    )  # fmt: skip
    if spec.svg is None:
        return
    render = spec.svg

    def chart(**values: Any) -> Response:
        analysis = _answer(spec, values)
        headers = {"X-Graph-Version": str(analysis.graph_version)}
        return Response(render(analysis.results), media_type="image/svg+xml", headers=headers)

    chart.__signature__ = _signature(spec, Response)  # type: ignore[attr-defined]
    router.add_api_route(
        f"/{spec.path}.svg", chart, methods=["GET"], response_class=Response,
        responses={200: {"content": {"image/svg+xml": {}}, "description": "An SVG chart."}},
        summary=f"{spec.summary} (SVG chart)", description=spec.documentation,
        operation_id=f"analytics_{operation}_svg",
    )  # fmt: skip


def build_router(registry: Registry) -> APIRouter:
    """One router with the routes of every analysis in ``registry``."""
    router = APIRouter(prefix="/analytics", tags=["analytics"], responses=ERROR_RESPONSES)
    for spec in registry:
        add_routes(router, spec)
    return router


router = build_router(ANALYSES)
