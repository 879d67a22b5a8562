"""The analyses registry drives every front door: each analysis answers the same over HTTP and the CLI
on both stores, bad input fails the same way on both (exit 2, no traceback), and a spec registered
here appears in HTTP, the CLI, the Python client and the OpenAPI document without any hand-written
route, option or method."""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import BaseModel, Field
from typer.testing import CliRunner

from gxgraph.analyses import (
    ANALYSES,
    AnalysisParams,
    AnalysisSpec,
    Projected,
    Registry,
    run_analysis,
    validate_params,
)
from gxgraph.analyses.spec import KNOWLEDGE_INDEX_KEY, memo_key, widest_limit
from gxgraph.analytics.graph import nodes_of_kind
from gxgraph.analytics.partnership_gaps import group_by_region
from gxgraph.api.routes.analytics import build_router
from gxgraph.cli import app as cli_app
from gxgraph.cli_analyze import build_cli
from gxgraph.client import Client
from gxgraph.client.codegen import generate
from gxgraph.domain.kinds import NodeKind
from gxgraph.domain.vocabulary import Role
from gxgraph.errors import InvalidInput
from gxgraph.settings import get_settings
from gxgraph.store.base import GraphStore
from tests.conftest import BACKENDS, SAMPLE, Api, load_jsonl, make_api

runner = CliRunner()

# Parameters each analysis is asked with on the sample; a new spec needs an entry (checked below).
EXAMPLES: dict[str, dict[str, Any]] = {
    "commercialisation-gaps": {"perspective": "global", "domain": "dx", "limit": 5},
    "partnership-gaps": {"field": "field-cybersecurity", "limit": 3},
    "partnership-gaps-by-region": {"min_score": 0.9, "limit": 5},
    "commercialisation-strength": {"field": "field-cybersecurity", "limit": 3},
    "partner-matrix": {"field": "field-cybersecurity", "commercialisation_threshold": 0.6},
    "partnership-content-review": {"status": "proposed"},
    "recommendations": {
        "company": "co-jp-kasumi",
        "method": "jaccard",
        "exclude_existing": False,
        "limit": 3,
    },
    "who-knows": {
        "q": "サイバーセキュリティ",
        "kind": ["institution", "expert"],
        "introduce_from": "co-jp-aoba",
    },
    "warm-introduction": {"from": "co-jp-aoba", "to": "exp-me-01"},
    "technology-map": {"gap_threshold": 0.4},
    "brokers": {"limit": 5},
    "communities": {"resolution": 1.5, "limit": 5},
    "isolated-companies": {"limit": 5},
    "central-institutions": {"limit": 5},
    "countries": {"iso": ["us", "jp"]},
    "country-profile": {"iso_code": "jp"},
    "replication": {"partnership_id": "part-us-univ-ecosystem", "limit": 3},
    "recommendation-evaluation": {"hidden": 0.3, "seed": 1, "max_queries": 50},
}
# Input each analysis must refuse, on both doors, before any analytic runs.
BAD: dict[str, dict[str, Any]] = {
    "commercialisation-gaps": {"perspective": "x"},
    "partnership-gaps": {"limit": 0},
    "partnership-gaps-by-region": {"min_score": 2},
    "commercialisation-strength": {"field": "Not A Slug"},
    "partner-matrix": {"science_threshold": 1.5},
    "partnership-content-review": {"status": "signed"},
    "recommendations": {"company": "Not A Slug"},
    "who-knows": {"limit": 5},
    "warm-introduction": {"from": "co-jp-aoba"},
    "technology-map": {"perspective": "mars"},
    "brokers": {"limit": 501},
    "communities": {"resolution": 0},
    "isolated-companies": {"frontier_min_score": -1},
    "central-institutions": {"limit": "many"},
    "countries": {"iso": ["japan"]},
    "country-profile": {"iso_code": "j1"},
    "replication": {"partnership_id": "part-us-univ-ecosystem", "limit": 101},
    "recommendation-evaluation": {"hidden": 0.01},
}


def url(spec: AnalysisSpec[Any, Any], values: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The HTTP path and query parameters of ``values``."""
    path = spec.path.format(**{name: values[name] for name in spec.path_params})
    query = {name: value for name, value in values.items() if name not in spec.path_params}
    return f"/v1/analytics/{path}", {
        k: str(v).lower() if isinstance(v, bool) else v for k, v in query.items()
    }


def argv(spec: AnalysisSpec[Any, Any], values: dict[str, Any]) -> list[str]:
    """``gxgraph analyze`` arguments for ``values``: path parameters by position, the rest as options."""
    args = ["analyze", spec.name, *(str(values[name]) for name in spec.path_params)]
    for name, value in values.items():
        flag = name.replace("_", "-")
        if name in spec.path_params:
            continue
        if isinstance(value, bool):
            args.append(f"--{flag}" if value else f"--no-{flag}")
        else:
            for item in value if isinstance(value, list) else [value]:
                args += [f"--{flag}", str(item)]
    return args


def comparable(body: dict[str, Any]) -> dict[str, Any]:
    """An answer without its timings (the only figures that differ between two runs)."""

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in ("computed_ms", "seconds")}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    result: dict[str, Any] = strip(body)
    return result


@pytest.fixture
def cli_on(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> Iterator[None]:
    """Point the CLI's settings at the store the API of the test uses."""
    store: GraphStore = request.getfixturevalue("sample_api").store
    if store.backend == "neo4j":
        monkeypatch.setenv("GXGRAPH_STORE", "neo4j")
        monkeypatch.setenv("GXGRAPH_NEO4J_URI", request.getfixturevalue("neo4j_uri"))
        monkeypatch.setenv("GXGRAPH_NEO4J_PASSWORD", os.environ.get("GXGRAPH_TEST_NEO4J_PASSWORD", ""))
    else:
        monkeypatch.setenv("GXGRAPH_STORE", "falkordb")
        monkeypatch.setenv("GXGRAPH_FALKORDB_SOCKET", str(request.getfixturevalue("falkordb_server").socket))
        monkeypatch.setenv("GXGRAPH_FALKORDB_GRAPH", "test")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture(scope="module", params=BACKENDS)
def module_sample_api(request: pytest.FixtureRequest) -> Iterator[Api]:
    """One sample load per backend for the whole module: these tests only read."""
    store: GraphStore = request.getfixturevalue(f"{request.param}_session_store")
    store.clear()
    load_jsonl(store, SAMPLE.read_text(encoding="utf-8"))
    yield from make_api(store)


@pytest.fixture
def sample_api(module_sample_api: Api) -> Api:
    return module_sample_api


def test_every_analysis_has_an_example_and_a_bad_input() -> None:
    assert set(EXAMPLES) == set(BAD) == set(ANALYSES.names())


@pytest.mark.parametrize("name", ANALYSES.names())
def test_every_analysis_answers_identically_over_http_and_cli(
    sample_api: Api, cli_on: None, name: str
) -> None:
    spec = ANALYSES[name]
    path, query = url(spec, EXAMPLES[name])
    response = sample_api.client.get(path, params=query, headers=sample_api.headers(Role.ANALYST))
    assert response.status_code == 200, response.text
    http = response.json()
    assert http["results"], name
    assert http["graph_version"] == sample_api.store.graph_version()
    result = runner.invoke(cli_app, argv(spec, EXAMPLES[name]))
    assert result.exit_code == 0, result.output
    assert comparable(json.loads(result.stdout)) == comparable(http)


@pytest.mark.parametrize("name", ANALYSES.names())
def test_bad_input_fails_alike_on_http_and_cli(sample_api: Api, cli_on: None, name: str) -> None:
    spec = ANALYSES[name]
    path, query = url(spec, BAD[name])
    response = sample_api.client.get(path, params=query, headers=sample_api.headers(Role.ANALYST))
    assert response.status_code == 422, response.text
    http = response.json()
    result = runner.invoke(cli_app, argv(spec, BAD[name]))
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert result.stderr.startswith("error (invalid_input): ")
    cli = json.loads(result.stderr.split("\n", 1)[1])
    assert cli["error"]["details"] == http["error"]["details"]
    assert cli["error"]["details"], name


def test_who_knows_answers_in_one_shape_for_text_and_ids(sample_api: Api) -> None:
    headers = sample_api.headers(Role.ANALYST)
    by_text = sample_api.client.get("/v1/analytics/who-knows", params={"q": "cybersecurity"}, headers=headers)
    targets = by_text.json()["results"]["targets"]
    assert targets
    by_ids = sample_api.client.get("/v1/analytics/who-knows", params={"node": targets}, headers=headers)
    assert by_ids.json()["results"] == by_text.json()["results"]


def test_answers_and_the_knowledge_index_live_in_the_projection_memo(sample_api: Api) -> None:
    spec = ANALYSES["recommendations"]
    values = {"company": "co-jp-kasumi", "limit": 2}
    path, query = url(spec, values)
    response = sample_api.client.get(path, params=query, headers=sample_api.headers(Role.ANALYST))
    assert response.status_code == 200, response.text
    memo = sample_api.client.app.state.projections.get().memo  # type: ignore[attr-defined]
    widest = spec.params.model_validate(values | {"limit": widest_limit(spec.params)})
    assert memo_key(spec, widest) in memo  # a ranked analysis is memoised once, at its widest limit
    assert KNOWLEDGE_INDEX_KEY in memo


def test_the_gaps_by_region_are_the_memoised_gap_ranking_grouped(sample_api: Api) -> None:
    cache = sample_api.client.app.state.projections  # type: ignore[attr-defined]
    gaps, by_region = ANALYSES["partnership-gaps"], ANALYSES["partnership-gaps-by-region"]
    asked = validate_params(by_region, {"min_score": 0.85, "limit": 4})
    grouped = run_analysis(by_region, asked, cache, sample_api.store).results
    widest = validate_params(gaps, {"min_score": 0.85, "limit": widest_limit(gaps.params)})
    ranking = cache.get().memo[memo_key(gaps, widest)]  # the list's memo entry, made by the grouped view
    assert len(ranking) > 4
    assert grouped == group_by_region(ranking[:4])
    rows = [gap for institutions in grouped.values() for found in institutions.values() for gap in found]
    assert {id(gap) for gap in rows} <= {id(gap) for gap in ranking}  # the same objects: computed once
    listed = run_analysis(gaps, validate_params(gaps, asked.model_dump()), cache, sample_api.store)
    assert listed.results == ranking[:4]


# The candidate pool of brokers grows with limit: each answer is a slice of the widest pool's ranking,
# which a direct computation with a small limit does not reproduce.
RANKED_BY_POOL = {"brokers"}


def rounded(value: Any) -> Any:
    """``value`` as JSON with floats to 9 digits (PageRank's last digits vary between runs)."""
    if isinstance(value, BaseModel):
        return rounded(value.model_dump(mode="json"))
    if isinstance(value, dict):
        return {key: rounded(item) for key, item in value.items()}
    if isinstance(value, list):
        return [rounded(item) for item in value]
    return round(value, 9) if isinstance(value, float) else value


@pytest.mark.parametrize("name", [spec.name for spec in ANALYSES if spec.ranked])
def test_a_ranked_analysis_answers_every_limit_from_one_ranking(sample_api: Api, name: str) -> None:
    spec = ANALYSES[name]
    cache = sample_api.client.app.state.projections  # type: ignore[attr-defined]
    small = validate_params(spec, EXAMPLES[name] | {"limit": 1})
    answer = run_analysis(spec, small, cache, sample_api.store)
    wider = run_analysis(spec, small.model_copy(update={"limit": 3}), cache, sample_api.store)
    assert len(answer.results) == 1
    assert answer.results == wider.results[:1]
    widest = small.model_copy(update={"limit": widest_limit(spec.params)})
    memo = cache.get().memo
    assert memo_key(spec, widest) in memo
    assert memo_key(spec, small) not in memo
    if name not in RANKED_BY_POOL:
        direct = spec.compute(Projected(cache.get().graph), small)
        assert rounded(direct) == rounded(answer.results)


class KindCount(BaseModel):
    kind: str
    nodes: int


class KindCountParams(AnalysisParams):
    kind: NodeKind | None = Field(default=None, description="Only this kind.")
    limit: int = Field(default=20, ge=1, le=100, description="Most rows returned.")


def kind_counts(projected: Projected, params: KindCountParams) -> list[KindCount]:
    kinds = [params.kind] if params.kind else list(NodeKind)
    counts = Counter({kind.value: len(nodes_of_kind(projected.graph, kind.value)) for kind in kinds})
    return [KindCount(kind=kind, nodes=n) for kind, n in counts.most_common(params.limit)]


NEW = AnalysisSpec(
    name="kind-counts",
    params=KindCountParams,
    result=list[KindCount],
    compute=kind_counts,
    summary="Nodes per kind.",
    description="How many nodes of each kind the projection holds.",
    formula=kind_counts,
)


def test_a_new_spec_appears_in_http_cli_client_and_openapi(sample_api: Api, cli_on: None) -> None:
    registry = Registry((NEW,))
    app = sample_api.client.app
    app.include_router(build_router(registry), prefix="/v1")  # type: ignore[attr-defined]
    app.openapi_schema = None  # type: ignore[attr-defined]
    countries = sum('"kind": "country"' in line for line in SAMPLE.read_text(encoding="utf-8").splitlines())
    headers = sample_api.headers(Role.ANALYST)
    http = sample_api.client.get("/v1/analytics/kind-counts", params={"kind": "country"}, headers=headers)
    assert http.status_code == 200, http.text
    assert http.json()["results"] == [{"kind": "country", "nodes": countries}]
    viewer = sample_api.client.get("/v1/analytics/kind-counts", headers=sample_api.headers(Role.VIEWER))
    assert viewer.status_code == 403
    cli = runner.invoke(build_cli(registry), ["kind-counts", "--kind", "country"])
    assert cli.exit_code == 0, cli.output
    assert comparable(json.loads(cli.stdout)) == comparable(http.json())
    refused = runner.invoke(build_cli(registry), ["kind-counts", "--kind", "planet"])
    assert refused.exit_code == 2
    assert json.loads(refused.stderr.split("\n", 1)[1])["error"]["details"][0]["loc"] == ["query", "kind"]
    with Client(http=sample_api.client, api_key=sample_api.keys[Role.ANALYST], registry=registry) as client:
        answer = client.analyze("kind-counts", kind=NodeKind.COUNTRY)
        assert comparable(answer.model_dump(mode="json")) == comparable(http.json())
        with pytest.raises(InvalidInput):
            client.analyze("kind-counts", kind="planet")
    generated = generate(registry)
    assert (
        "def kind_counts(*, kind: NodeKind | None = None, limit: int = 20) -> Call[Analysis[list[KindCount]]]:"
        in generated
    )
    assert "    kind_counts = sync_method(kind_counts)" in generated
    assert "    kind_counts = async_method(kind_counts)" in generated
    document = sample_api.client.get("/openapi.json").json()
    operation = document["paths"]["/v1/analytics/kind-counts"]["get"]
    assert {p["name"] for p in operation["parameters"]} == {"kind", "limit"}
    assert operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/KindCountsAnalysis"
    )
    assert "KindCountsAnalysis" in document["components"]["schemas"]
