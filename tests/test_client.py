"""The Python client against a real uvicorn on both stores: every analysis answers as HTTP and the CLI
(local and ``--url``) do, graph calls round-trip the server's models, errors come back as the server's
error classes, and 503/429 answers are retried after their ``Retry-After``."""

from __future__ import annotations

import asyncio
import io
import json
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
import uvicorn
from typer.testing import CliRunner

from gxgraph.analyses import ANALYSES, AnalysisSpec
from gxgraph.cli import app as cli_app
from gxgraph.client import AsyncClient, Client, RemoteError, RetryPolicy, Unreachable
from gxgraph.client.codegen import generate, method_name
from gxgraph.domain.kinds import NodeKind, RelType
from gxgraph.domain.nodes import Company, Technology
from gxgraph.domain.relationships import Develops
from gxgraph.domain.vocabulary import Role
from gxgraph.errors import (
    Forbidden,
    InvalidInput,
    NotFound,
    PreconditionFailed,
    StoreUnavailable,
    TooManyRequests,
    Unauthenticated,
)
from gxgraph.services import keys
from gxgraph.services.saved_queries import ParameterType, SavedQuery, SavedQueryParameter
from gxgraph.store.base import GraphStore
from tests.conftest import BACKENDS, REPO, SAMPLE, load_jsonl
from tests.live import free_port, live_server
from tests.test_analyses_registry import BAD, EXAMPLES, argv, comparable, url

runner = CliRunner()
FAST_RETRY = RetryPolicy(attempts=3, backoff=0.01)
SOURCE = "illustrative: client test"


class Served:
    """A live server over the sample on one backend, with a key per role."""

    def __init__(self, base: str, store: GraphStore) -> None:
        self.base = base
        self.store = store
        self.keys = {role: keys.create_key(store, f"client {role.value}", role).key for role in Role}

    def client(self, role: Role = Role.ADMIN, **options: Any) -> Client:
        return Client(self.base, api_key=self.keys[role], **options)

    def http(self, path: str, params: Any = None, role: Role = Role.ANALYST) -> httpx.Response:
        return httpx.get(
            f"{self.base}{path}", params=params, headers={"X-API-Key": self.keys[role]}, timeout=60
        )


@pytest.fixture(scope="module", params=BACKENDS)
def served(request: pytest.FixtureRequest) -> Iterator[Served]:
    store: GraphStore = request.getfixturevalue(f"{request.param}_session_store")
    store.clear()
    load_jsonl(store, SAMPLE.read_text(encoding="utf-8"))
    with live_server(store) as base:
        yield Served(base, store)


def python_arguments(
    spec: AnalysisSpec[Any, Any], values: dict[str, Any]
) -> tuple[list[Any], dict[str, Any]]:
    """``values`` (keyed as the HTTP query spells them) as the generated method's arguments."""
    by_alias = {info.alias or name: name for name, info in spec.params.model_fields.items()}
    named = {by_alias[key]: value for key, value in values.items()}
    return [named.pop(name) for name in spec.path_params], named


@pytest.mark.parametrize("name", ANALYSES.names())
def test_every_analysis_answers_alike_through_http_the_client_and_cli_url(served: Served, name: str) -> None:
    spec = ANALYSES[name]
    path, query = url(spec, EXAMPLES[name])
    http = served.http(path, query)
    assert http.status_code == 200, http.text
    args, kwargs = python_arguments(spec, EXAMPLES[name])
    with served.client(Role.ANALYST) as client:
        typed = getattr(client, method_name(spec))(*args, **kwargs)
    assert isinstance(typed, spec.envelope)
    assert comparable(typed.model_dump(mode="json", by_alias=True)) == comparable(http.json())

    async def ask() -> Any:
        async with AsyncClient(served.base, api_key=served.keys[Role.ANALYST]) as client:
            return await getattr(client, method_name(spec))(*args, **kwargs)

    assert comparable(asyncio.run(ask()).model_dump(mode="json", by_alias=True)) == comparable(http.json())
    remote = [
        "analyze",
        "--url",
        served.base,
        "--api-key",
        served.keys[Role.ANALYST],
        *argv(spec, EXAMPLES[name])[1:],
    ]
    result = runner.invoke(cli_app, remote)
    assert result.exit_code == 0, result.output
    assert comparable(json.loads(result.stdout)) == comparable(http.json())


@pytest.mark.parametrize("name", ANALYSES.names())
def test_bad_analysis_input_fails_in_the_client_as_on_the_server(served: Served, name: str) -> None:
    spec = ANALYSES[name]
    path, query = url(spec, BAD[name])
    http = served.http(path, query)
    assert http.status_code == 422
    args, kwargs = python_arguments(spec, BAD[name])
    with served.client(Role.ANALYST) as client, pytest.raises(InvalidInput) as refused:
        client.analyze(name, **kwargs, **dict(zip(spec.path_params, args, strict=True)))
    assert refused.value.details == http.json()["error"]["details"]
    result = runner.invoke(cli_app, ["analyze", "--url", served.base, *argv(spec, BAD[name])[1:]])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert json.loads(result.stderr.split("\n", 1)[1])["error"]["details"] == http.json()["error"]["details"]


def test_the_technology_map_chart_comes_back_as_svg(served: Served) -> None:
    with served.client(Role.ANALYST) as client:
        chart = client.technology_map_svg(gap_threshold=0.4)
    http = served.http("/v1/analytics/technology-map.svg", {"gap_threshold": 0.4})
    assert chart.startswith("<svg") or chart.startswith("<?xml")
    # Each rendering numbers its gradients afresh; otherwise the two charts are the same document.
    assert re.sub(r"gradient_\d+", "gradient", chart) == re.sub(r"gradient_\d+", "gradient", http.text)


def test_search_nodes_neighbours_and_paths_use_the_servers_models(served: Served) -> None:
    with served.client(Role.VIEWER) as client:
        hits = client.search("サイバーセキュリティ", kind=[NodeKind.FIELD], limit=3)
        assert hits
        assert all(hit.kind is NodeKind.FIELD for hit in hits)
        stored = client.get_node(hits[0].id)
        assert stored.node.id == hits[0].id
        assert stored.revision
        assert client.get_node(hits[0].id, NodeKind.FIELD).node == stored.node
        around = client.neighbors(hits[0].id, depth=2, limit=20)
        assert around.neighbors
        assert around.graph_version == served.store.graph_version()
        far = around.neighbors[-1].node["id"]
        found = client.paths(hits[0].id, far, max_hops=4)
        assert found.paths
        assert found.paths[0].nodes[-1]["id"] == far
        assert client.stats()["graph_version"] == served.store.graph_version()
        assert "technology" in client.schema()["kinds"]


def test_iteration_follows_the_cursor_over_every_page(served: Served) -> None:
    with served.client(Role.VIEWER) as client:
        first = client.list_nodes(NodeKind.TECHNOLOGY, limit=7, sort="trl", order="desc")
        every = list(client.iter_nodes(NodeKind.TECHNOLOGY, page_size=7, sort="trl", order="desc"))

    async def collect() -> list[Any]:
        async with AsyncClient(served.base, api_key=served.keys[Role.VIEWER]) as client:
            return [node async for node in client.iter_nodes(NodeKind.TECHNOLOGY, page_size=5)]

    assert first.total > 14  # so the walk crosses several pages
    assert [node.id for node in every[:7]] == [node.id for node in first.items]
    assert len(every) == len({node.id for node in every}) == first.total
    assert {node.id for node in asyncio.run(collect())} == {node.id for node in every}


def test_a_bad_filter_fails_before_any_request(served: Served) -> None:
    with served.client(Role.VIEWER) as client, pytest.raises(InvalidInput) as refused:
        client.list_nodes(NodeKind.TECHNOLOGY, sort="name_en; DROP")
    assert refused.value.details[0]["loc"] == ["query", "sort"]


def test_writes_round_trip_with_revisions(served: Served) -> None:
    with served.client(Role.SECRETARIAT) as client:
        created = client.create_node(
            Company(id="co-client-test", name_en="Client Test KK", country="JP", source=SOURCE)
        )
        updated = client.update_node(
            NodeKind.COMPANY, "co-client-test", {"name_ja": "クライアント試験"}, if_match=created.revision
        )
        assert updated.node.name_ja == "クライアント試験"
        with pytest.raises(PreconditionFailed):
            client.update_node(
                NodeKind.COMPANY, "co-client-test", {"name_en": "Stale"}, if_match=created.revision
            )
        technology = client.search("Zero trust", kind=[NodeKind.TECHNOLOGY])[0].id
        link = Develops(**{"from": "co-client-test", "to": technology, "source": SOURCE})
        client.create_relationship(link)
        assert (
            client.get_relationship(RelType.DEVELOPS, "co-client-test", technology).source_id
            == "co-client-test"
        )
        client.delete_relationship(RelType.DEVELOPS, "co-client-test", technology)
        client.delete_node(NodeKind.COMPANY, "co-client-test", if_match=updated.revision)
        with pytest.raises(NotFound):
            client.get_node("co-client-test")


def test_import_and_export(served: Served) -> None:
    row = Technology(id="tech-client-import", name_en="Client import", domain="dx", source=SOURCE)
    line = json.dumps(row.model_dump(mode="json", exclude_none=True)) + "\n"
    with served.client(Role.SECRETARIAT) as client:
        dry = client.import_graph(line, dry_run=True)
        assert (dry.dry_run, dry.nodes_created) == (True, 1)
        done = client.import_graph(line.encode())
        assert done.nodes_created == 1
        assert client.import_graph(line).nodes_unchanged == 1  # sending it again changes nothing
        assert client.import_graph(line, part_rows=1).nodes_unchanged == 1
        sink = io.BytesIO()
        version = client.export(sink)
        http = served.http("/v1/export")
        assert version == int(http.headers["X-Graph-Version"]) == served.store.graph_version()
        assert sink.getvalue() == http.content
        assert b"tech-client-import" in sink.getvalue()
        client.delete_node(NodeKind.TECHNOLOGY, "tech-client-import")


def test_errors_are_the_servers_error_classes(served: Served) -> None:
    with Client(served.base, api_key="gx_nope_nope") as stranger, pytest.raises(Unauthenticated):
        stranger.stats()
    with served.client(Role.VIEWER) as viewer:
        with pytest.raises(Forbidden):
            viewer.create_node(Company(id="co-forbidden", name_en="No", country="JP", source=SOURCE))
        with pytest.raises(NotFound):
            viewer.get_node("no-such-node")
        with pytest.raises(NotFound, match="no analysis"):
            viewer.analyze("no-such-analysis")
        with pytest.raises(Forbidden):
            viewer.brokers(limit=3)  # analyses need the analyst role


def test_the_cli_url_reports_an_unreachable_server_without_a_traceback() -> None:
    result = runner.invoke(cli_app, ["analyze", "--url", f"http://127.0.0.1:{free_port()}", "brokers"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error (unreachable): ")
    assert "Traceback" not in result.output


# --- retries against a real socket server that answers as told -------------------------------------


class Scripted:
    """A uvicorn server answering each request with the next scripted (status, headers) pair."""

    def __init__(self, script: list[tuple[int, dict[str, str]]]) -> None:
        self.script = script
        self.seen: list[float] = []

    async def __call__(
        self, scope: dict[str, Any], receive: Callable[..., Any], send: Callable[..., Any]
    ) -> None:
        if scope["type"] != "http":
            return
        self.seen.append(time.monotonic())
        status, headers = self.script[min(len(self.seen), len(self.script)) - 1]
        body = (
            b'{"graph_version": 1}'
            if status == 200
            else json.dumps(
                {"error": {"code": "store_unavailable", "message": "busy", "details": []}}
            ).encode()
        )
        if status == 429:
            body = json.dumps(
                {"error": {"code": "too_many_requests", "message": "slow down", "details": []}}
            ).encode()
        raw = [
            (b"content-type", b"application/json"),
            *((k.encode(), v.encode()) for k, v in headers.items()),
        ]
        await send({"type": "http.response.start", "status": status, "headers": raw})
        await send({"type": "http.response.body", "body": body})


@pytest.fixture
def scripted() -> Iterator[Callable[[list[tuple[int, dict[str, str]]]], tuple[str, Scripted]]]:
    servers: list[tuple[uvicorn.Server, threading.Thread]] = []

    def start(script: list[tuple[int, dict[str, str]]]) -> tuple[str, Scripted]:
        app = Scripted(script)
        port = free_port()
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.01)
        servers.append((server, thread))
        return f"http://127.0.0.1:{port}", app

    yield start
    for server, thread in servers:
        server.should_exit = True
        thread.join(10)


def test_503_and_429_are_retried_after_their_retry_after(scripted: Any) -> None:
    base, app = scripted([(503, {"Retry-After": "1"}), (429, {"Retry-After": "0"}), (200, {})])
    with Client(base, api_key="k", retry=FAST_RETRY) as client:
        assert client.stats() == {"graph_version": 1}
    assert len(app.seen) == 3
    assert app.seen[1] - app.seen[0] >= 0.95  # waited the second the server asked for
    assert app.seen[2] - app.seen[1] < 0.9


def test_retries_end_with_the_servers_error(scripted: Any) -> None:
    base, app = scripted([(503, {"Retry-After": "0"})])
    with Client(base, api_key="k", retry=FAST_RETRY) as client, pytest.raises(StoreUnavailable, match="busy"):
        client.stats()
    assert len(app.seen) == FAST_RETRY.attempts
    base, app = scripted([(429, {})])

    async def ask() -> Any:
        async with AsyncClient(base, api_key="k", retry=FAST_RETRY) as client:
            return await client.stats()

    with pytest.raises(TooManyRequests, match="slow down"):
        asyncio.run(ask())
    assert len(app.seen) == FAST_RETRY.attempts
    # An answer the error tree has no class for (here a 500 whose code belongs to a 503) is not retried.
    base, app = scripted([(500, {})])
    with Client(base, api_key="k", retry=FAST_RETRY) as client, pytest.raises(RemoteError) as odd:
        client.stats()
    assert (odd.value.status, len(app.seen)) == (500, 1)


def test_a_closed_port_is_unreachable_after_the_retries() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with Client(f"http://127.0.0.1:{port}", retry=FAST_RETRY) as client, pytest.raises(Unreachable):
        client.stats()


def test_generated_methods_are_current() -> None:
    """``make openapi`` rewrites the generated client methods; this fails when they are stale."""
    import subprocess
    import sys

    formatted = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--stdin-filename", "generated.py", "-"],
        input=generate(), capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    committed = (REPO / "src" / "gxgraph" / "client" / "generated.py").read_text(encoding="utf-8")
    assert formatted == committed, "run `make openapi` to regenerate src/gxgraph/client/generated.py"


def test_analyst_queries_through_the_client(served: Served) -> None:
    with served.client(Role.ANALYST) as client:
        answer = client.query(
            "MATCH (n:Entity {kind: $kind}) RETURN n.id AS id ORDER BY id", {"kind": "country"}, limit=2
        )
        assert (answer.columns, len(answer.rows), answer.truncated) == (["id"], 2, True)
        with pytest.raises(InvalidInput, match="read-only"):
            client.query("CREATE (n:Entity {id: 'x'})")
        with pytest.raises(InvalidInput):
            client.query("RETURN $x", {"not a name": 1})  # refused before any request


def test_saved_queries_through_the_client(served: Served) -> None:
    saved = SavedQuery(
        name="kinds-of-nodes",
        title="Nodes of one kind",
        statement="MATCH (n:Entity {kind: $kind}) RETURN n.id AS id ORDER BY id",
        parameters=[SavedQueryParameter(name="kind", type=ParameterType.STRING, default="country")],
    )
    with served.client(Role.SECRETARIAT) as secretariat:
        for existing in secretariat.saved_queries():
            secretariat.delete_saved_query(existing.name)
        assert secretariat.save_query(saved).created_by.startswith("client secretariat")
    with served.client(Role.ANALYST) as client:
        assert [q.name for q in client.saved_queries()] == ["kinds-of-nodes"]
        countries = client.run_saved_query("kinds-of-nodes")
        institutions = client.run_saved_query("kinds-of-nodes", {"kind": "institution"}, limit=2)
        assert countries.rows
        assert (len(institutions.rows), institutions.truncated) == (2, True)
        with pytest.raises(InvalidInput):
            client.run_saved_query("kinds-of-nodes", {"kind": 3})
        with pytest.raises(Forbidden):
            client.delete_saved_query("kinds-of-nodes")
