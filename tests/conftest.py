"""Session fixtures: a real embedded FalkorDB and a real Neo4j server, and a store parametrised over both.

Neo4j comes from ``GXGRAPH_TEST_NEO4J_URI`` when set (CI and ``make test`` start it with
``scripts/neo4j-test-server``); otherwise this file starts that script itself. It never skips: a
Neo4j that cannot start fails the Neo4j half of the suite.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from gxgraph.api.app import create_app
from gxgraph.domain.vocabulary import Role
from gxgraph.services import keys
from gxgraph.services.imports import ImportFormat, ImportReport, import_rows, parse
from gxgraph.settings import Settings, StoreBackend, get_settings
from gxgraph.store.base import GraphStore
from gxgraph.store.embedded import EmbeddedFalkorDB
from gxgraph.store.falkordb import FalkorDBStore
from gxgraph.store.neo4j import Neo4jStore

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "seeds" / "sample.jsonl"
BACKENDS = ("falkordb", "neo4j")


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A scratch data folder the command line uses, with the embedded store (stopped afterwards)."""
    monkeypatch.setenv("GXGRAPH_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("GXGRAPH_STORE", "falkordb")
    get_settings.cache_clear()
    yield tmp_path
    EmbeddedFalkorDB(tmp_path / "falkordb").stop(only_if_idle=False)
    get_settings.cache_clear()


@pytest.fixture(scope="session")
def falkordb_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedFalkorDB]:
    server = EmbeddedFalkorDB(tmp_path_factory.mktemp("falkordb"))
    server.ensure_running()
    yield server
    server.stop(only_if_idle=False)


@pytest.fixture(scope="session")
def neo4j_uri() -> Iterator[str]:
    uri = os.environ.get("GXGRAPH_TEST_NEO4J_URI")
    if uri:
        yield uri
        return
    script = REPO / "scripts" / "neo4j-test-server"
    subprocess.run([script, "start"], check=True)
    try:
        yield subprocess.run([script, "uri"], check=True, capture_output=True, text=True).stdout.strip()
    finally:
        subprocess.run([script, "stop"], check=False)


@pytest.fixture(scope="session")
def falkordb_session_store(falkordb_server: EmbeddedFalkorDB) -> Iterator[FalkorDBStore]:
    store = FalkorDBStore(falkordb_server.socket, "test")
    store.ensure_schema()
    yield store
    store.close()


@pytest.fixture(scope="session")
def neo4j_session_store(neo4j_uri: str) -> Iterator[Neo4jStore]:
    store = Neo4jStore(neo4j_uri, "neo4j", os.environ.get("GXGRAPH_TEST_NEO4J_PASSWORD", ""), "neo4j")
    store.ensure_schema()
    yield store
    store.close()


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest) -> GraphStore:
    """An empty graph on each real backend in turn."""
    chosen: GraphStore = request.getfixturevalue(f"{request.param}_session_store")
    chosen.clear()
    return chosen


def load_jsonl(store: GraphStore, text: str) -> ImportReport:
    return import_rows(store, parse(text, ImportFormat.JSONL))


@pytest.fixture
def sample_store(store: GraphStore) -> GraphStore:
    """Each backend loaded with the curated sample ecosystem."""
    load_jsonl(store, SAMPLE.read_text(encoding="utf-8"))
    return store


class Api:
    """A TestClient over the real app and store, with keys of each role."""

    def __init__(self, client: TestClient, store: GraphStore) -> None:
        self.client = client
        self.store = store
        self.keys = {role: keys.create_key(store, f"test {role.value}", role).key for role in Role}

    def headers(self, role: Role = Role.ADMIN) -> dict[str, str]:
        return {"X-API-Key": self.keys[role]}


def make_api(store: GraphStore, **settings: object) -> Iterator[Api]:
    config = Settings(store=StoreBackend(store.backend), warm_analytics=False, **settings)  # type: ignore[arg-type]
    with TestClient(create_app(config, store)) as client:
        yield Api(client, store)


@pytest.fixture
def api(store: GraphStore) -> Iterator[Api]:
    yield from make_api(store)


@pytest.fixture
def sample_api(sample_store: GraphStore) -> Iterator[Api]:
    yield from make_api(sample_store)
