"""The embedded FalkorDB under faults: kill -9 of the server and of its clients, concurrent openers of a
store that is still loading, and a service whose store process dies under it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import redis
from fastapi.testclient import TestClient

from gxgraph.api.app import create_app
from gxgraph.domain.vocabulary import Role
from gxgraph.errors import StoreUnavailable
from gxgraph.seeding.synthetic import SyntheticConfig, generate
from gxgraph.services import keys
from gxgraph.services.imports import ParsedRow, import_rows
from gxgraph.settings import Settings, StoreBackend
from gxgraph.store.embedded import EmbeddedFalkorDB
from gxgraph.store.falkordb import FalkorDBStore
from tests.conftest import load_jsonl

REDIS_SERVER = "redis-server"


def _owners(directory: Path) -> list[int]:
    """Pids of the live redis-server processes working in ``directory`` (redis chdirs to --dir)."""
    pids = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if (
                Path(os.readlink(proc / "exe")).name == REDIS_SERVER
                and Path(os.readlink(proc / "cwd")) == directory
            ):
                pids.append(int(proc.name))
        except OSError:
            continue  # gone, a zombie, or not ours to read
    return pids


def _kill_server(directory: Path) -> int:
    (pid,) = _owners(directory)
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while _owners(directory) and time.monotonic() < deadline:
        time.sleep(0.01)
    return pid


def _load(store: FalkorDBStore, nodes: int) -> dict[str, dict[str, int]]:
    store.ensure_schema()
    rows = (ParsedRow("synthetic", n, row) for n, row in enumerate(generate(SyntheticConfig(nodes=nodes)), 1))
    import_rows(store, rows)
    return store.counts()


WRITER = """
import json, sys
from pathlib import Path
from gxgraph.seeding.synthetic import SyntheticConfig, generate
from gxgraph.services.imports import ParsedRow, import_rows
from gxgraph.store.falkordb import FalkorDBStore

store = FalkorDBStore.embedded(Path(sys.argv[1]), "g")
store.ensure_schema()
rows = (ParsedRow("synthetic", n, row) for n, row in enumerate(generate(SyntheticConfig(nodes=2000)), 1))
import_rows(store, rows)
print(json.dumps(store.counts()), flush=True)
sys.stdin.read()  # stay connected until killed
"""


def test_acknowledged_writes_survive_kill_9_of_client_and_server_and_reopen_fast(tmp_path: Path) -> None:
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(tmp_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None
    acknowledged = writer.stdout.readline()
    writer.kill()  # SIGKILL: the service process dies without closing anything
    writer.wait()
    _kill_server(tmp_path)  # and so does the store, with the whole import only in its log
    start = time.perf_counter()
    reopened = FalkorDBStore.embedded(tmp_path, "g")
    seconds = time.perf_counter() - start
    try:
        assert reopened.counts() == json.loads(acknowledged)
        assert sum(reopened.counts()["nodes"].values()) == 2000
    finally:
        reopened.close()
    assert seconds < 3, f"replaying the log of 2,000 nodes took {seconds:.1f} s"


def _slow_to_load(directory: Path, nodes: int = 4000) -> dict[str, dict[str, int]]:
    """A store whose log replays in seconds: thousands of one-node writes logged as query text (each
    replays as a MERGE without the index, which is rebuilt only after loading), then a crash."""
    store = FalkorDBStore.embedded(directory, "g")
    store.ensure_schema()
    with redis.Redis(unix_socket_path=str(EmbeddedFalkorDB(directory).socket)) as client:
        client.execute_command("GRAPH.CONFIG", "SET", "EFFECTS_THRESHOLD", 2**31 - 1)
        pipeline = client.pipeline(transaction=False)
        for n in range(nodes):  # ids made here, not user text
            pipeline.execute_command("GRAPH.QUERY", "g", f"MERGE (n:Entity {{id: 'n{n}'}}) SET n.kind = 'x'")
        pipeline.execute()
    counts = store.counts()
    _kill_server(directory)
    return counts


@pytest.mark.slow
def test_one_server_owns_a_loading_store_and_every_opener_waits_for_it(tmp_path: Path) -> None:
    expected = _slow_to_load(tmp_path)
    impatient = EmbeddedFalkorDB(tmp_path, start_timeout=0.5)
    with pytest.raises(StoreUnavailable, match="did not"):
        impatient.ensure_running()
    assert len(_owners(tmp_path)) == 1, "the server it started keeps loading"

    opened: list[FalkorDBStore] = []
    errors: list[BaseException] = []

    def open_store() -> None:
        try:
            opened.append(FalkorDBStore.embedded(tmp_path, "g"))
        except BaseException as exc:  # the assertion below reports it
            errors.append(exc)

    openers = [threading.Thread(target=open_store) for _ in range(2)]
    for opener in openers:
        opener.start()
    seen: set[int] = set()
    most = 0
    while any(opener.is_alive() for opener in openers):
        owners = _owners(tmp_path)
        seen.update(owners)
        most = max(most, len(owners))
        time.sleep(0.02)
    try:
        assert not errors
        assert most == 1, f"servers seen at once on one folder: {most}"
        assert len(seen) == 1, f"servers seen on one folder: {sorted(seen)}"
        assert [store.counts() for store in opened] == [expected, expected]
    finally:
        for store in opened:
            store.close()
        for pid in _owners(tmp_path):
            os.kill(pid, signal.SIGKILL)


FIELD = (
    '{"kind": "field", "id": "field-durable", "name_en": "Durable field", "source": "test", '
    '"illustrative": true}\n'
)
OTHER = FIELD.replace("field-durable", "field-after-crash").replace("Durable", "Later")


def test_service_restarts_a_killed_store_and_recovers_without_a_restart(tmp_path: Path) -> None:
    settings = Settings(store=StoreBackend.FALKORDB, data_dir=tmp_path, warm_analytics=False)
    directory = settings.falkordb_dir
    with TestClient(create_app(settings)) as client:
        store = client.app.state.store  # type: ignore[attr-defined]
        headers = {"X-API-Key": keys.create_key(store, "admin", Role.ADMIN).key}
        load_jsonl(store, FIELD)
        assert client.get("/readyz").status_code == 200
        before = _kill_server(directory)

        ready = client.get("/readyz")
        assert ready.status_code == 200, ready.text
        (after,) = _owners(directory)
        assert after != before
        node = client.get("/v1/nodes/field-durable", headers=headers)
        assert node.status_code == 200, node.text
        assert node.json()["name_en"] == "Durable field"
        load_jsonl(store, OTHER)
        assert client.get("/v1/nodes/field-after-crash", headers=headers).status_code == 200

        _kill_server(directory)
        assert client.get("/v1/nodes/field-after-crash", headers=headers).status_code == 200
        assert len(_owners(directory)) == 1
    assert not _owners(directory), "the last client out stops the restarted server too"


def test_concurrent_queries_after_a_crash_restart_one_server(tmp_path: Path) -> None:
    store = FalkorDBStore.embedded(tmp_path, "g")
    try:
        expected = _load(store, 200)
        _kill_server(tmp_path)
        answers: list[dict[str, dict[str, int]]] = []
        errors: list[BaseException] = []

        def count() -> None:
            try:
                answers.append(store.counts())
            except BaseException as exc:  # the assertion below reports it
                errors.append(exc)

        threads = [threading.Thread(target=count) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert not errors
        assert answers == [expected] * 8
        assert len(_owners(tmp_path)) == 1
    finally:
        store.close()
    assert not _owners(tmp_path)
