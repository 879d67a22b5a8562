"""Imports under kill -9: of the importing process (both stores) and of the embedded store's server.
Afterwards the graph is exactly the old one or exactly the new one, and its version says which."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from gxgraph.seeding.synthetic import SyntheticConfig, generate
from gxgraph.services.exports import export_jsonl
from gxgraph.store.base import GraphStore
from gxgraph.store.embedded import EmbeddedFalkorDB
from gxgraph.store.falkordb import FalkorDBStore
from tests.conftest import REPO, load_jsonl

GXGRAPH = REPO / ".venv" / "bin" / "gxgraph"
OLD = SyntheticConfig(nodes=400, seed=1)
NEW = SyntheticConfig(nodes=5000, seed=2)  # about 30,000 rows: a second or two of writing


def _jsonl(config: SyntheticConfig) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in generate(config))


def _state(store: GraphStore) -> tuple[list[str], int]:
    """The graph as sorted export lines without ``updated_at`` (stamped at import time), and its version."""
    lines = []
    for line in "".join(export_jsonl(store)).split("\n"):
        if line:
            row = json.loads(line)
            row.pop("updated_at", None)
            lines.append(json.dumps(row, sort_keys=True))
    return sorted(lines), store.graph_version()


@pytest.fixture(scope="module")
def expected(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[list[str], list[str], Path]]:
    """The old graph, the graph after the import, and the import file, made once on a scratch store."""
    folder = tmp_path_factory.mktemp("import-faults-reference")
    server = EmbeddedFalkorDB(folder / "falkordb")
    store = FalkorDBStore(server.ensure_running(), "reference")
    store.ensure_schema()
    try:
        load_jsonl(store, _jsonl(OLD))
        old = _state(store)[0]
        new_file = folder / "new.jsonl"
        new_file.write_text(_jsonl(NEW), encoding="utf-8")
        load_jsonl(store, new_file.read_text(encoding="utf-8"))
        yield old, _state(store)[0], new_file
    finally:
        store.close()
        server.stop(only_if_idle=False)


def _env(store: GraphStore, data_dir: Path, neo4j_uri: str) -> dict[str, str]:
    env = dict(os.environ, GXGRAPH_DATA_DIR=str(data_dir), GXGRAPH_IMPORT_BATCH_SIZE="1000")
    # main committed every GXGRAPH_NEO4J_TRANSACTION_ROWS rows; the setting is gone, so this is ignored.
    env["GXGRAPH_NEO4J_TRANSACTION_ROWS"] = "2000"
    if store.backend == "neo4j":
        env |= {"GXGRAPH_STORE": "neo4j", "GXGRAPH_NEO4J_URI": neo4j_uri}
    else:
        env |= {"GXGRAPH_STORE": "falkordb", "GXGRAPH_FALKORDB_GRAPH": "gxgraph"}
    return env


def _planning_seconds(env: dict[str, str], file: Path) -> float:
    """How long the importer takes to start writing: a dry run does everything before the write."""
    start = time.monotonic()
    subprocess.run([GXGRAPH, "import", "--dry-run", str(file)], env=env, check=True, capture_output=True)
    return time.monotonic() - start


def _writing(store: GraphStore) -> bool:
    """FalkorDB: a client is blocked in a GRAPH.QUERY, the import's one write query (planning only reads)."""
    if not isinstance(store, FalkorDBStore):
        return False
    clients = store._db.connection.client_list()
    return any(c["cmd"].lower() == "graph.query" and "b" in c["flags"] for c in clients)


def _kill_mid_write(
    importer: subprocess.Popen[bytes], store: GraphStore, planning: float, kill: Callable[[], None]
) -> None:
    """Kill while the importer writes: on FalkorDB once a write query runs (a read would wait for it to
    finish), on Neo4j a moment after planning ends (its transaction is invisible until commit) or as
    soon as the graph shows a first write (main committed batch after batch). Not at all if the
    importer finished."""
    falkordb = isinstance(store, FalkorDBStore)
    before = None if falkordb else store.graph_version()
    start = time.monotonic()
    while importer.poll() is None and time.monotonic() < start + planning + 10:
        elapsed = time.monotonic() - start
        if falkordb and elapsed > planning / 2 and _writing(store):
            break
        if not falkordb and (elapsed > planning + 0.3 or store.graph_version() != before):
            break
        time.sleep(0.005)
    if importer.poll() is None:
        kill()


def _settled(store: GraphStore, timeout: float = 60.0) -> tuple[list[str], int]:
    """The state once it stops changing (a server finishes a query whose client died)."""
    deadline = time.monotonic() + timeout
    last = _state(store)
    while time.monotonic() < deadline:
        time.sleep(0.5)
        now = _state(store)
        if now == last:
            return now
        last = now
    return last


@pytest.fixture
def fault_store(store: GraphStore, tmp_path: Path, neo4j_uri: str) -> Iterator[GraphStore]:
    """The store under test, as the importer subprocess will open it (the embedded one in its own folder)."""
    if store.backend == "neo4j":
        yield store
        return
    embedded = FalkorDBStore.embedded(tmp_path / "falkordb", "gxgraph")
    embedded.ensure_schema()
    try:
        yield embedded
    finally:
        embedded.close()
        EmbeddedFalkorDB(tmp_path / "falkordb").stop(only_if_idle=False)


def test_killing_the_importer_leaves_the_old_graph_or_the_new_one(
    fault_store: GraphStore, tmp_path: Path, neo4j_uri: str, expected: tuple[list[str], list[str], Path]
) -> None:
    old, new, file = expected
    store = fault_store
    store.clear()
    load_jsonl(store, _jsonl(OLD))
    assert _state(store)[0] == old
    version = store.graph_version()
    env = _env(store, tmp_path, neo4j_uri)
    planning = _planning_seconds(env, file)
    importer = subprocess.Popen(
        [GXGRAPH, "import", str(file)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        _kill_mid_write(importer, store, planning, lambda: importer.send_signal(signal.SIGKILL))
    finally:
        importer.wait(timeout=120)
    graph, after = _settled(store)
    assert (graph, after) in ((old, version), (new, version + 1))


def test_killing_the_embedded_server_mid_import_leaves_the_old_graph_or_the_new_one(
    tmp_path: Path, expected: tuple[list[str], list[str], Path]
) -> None:
    old, new, file = expected
    folder = tmp_path / "falkordb"
    store = FalkorDBStore.embedded(folder, "gxgraph")
    store.ensure_schema()
    try:
        load_jsonl(store, _jsonl(OLD))
        version = store.graph_version()
        env = _env(store, tmp_path, "")
        planning = _planning_seconds(env, file)
        importer = subprocess.Popen(
            [GXGRAPH, "import", str(file)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        server_pid = _server_pid(store)
        try:
            _kill_mid_write(importer, store, planning, lambda: os.kill(server_pid, signal.SIGKILL))
        finally:
            importer.wait(timeout=120)
        store.close()
        store = FalkorDBStore.embedded(folder, "gxgraph")  # restarts the server if nobody did
        graph, after = _settled(store)
        assert (graph, after) in ((old, version), (new, version + 1))
    finally:
        store.close()
        EmbeddedFalkorDB(folder).stop(only_if_idle=False)


def _server_pid(store: FalkorDBStore) -> int:
    return int(store._db.connection.info("server")["process_id"])
