"""The embedded FalkorDB: one server per data folder, shared by processes, stopped only when idle."""

from __future__ import annotations

import gc
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

from gxgraph.domain.kinds import NodeKind
from gxgraph.seeding.synthetic import SyntheticConfig, generate
from gxgraph.services.imports import ParsedRow, import_rows
from gxgraph.store.base import WriteBatch
from gxgraph.store.embedded import EmbeddedFalkorDB
from gxgraph.store.falkordb import FalkorDBStore


def _pid(directory: Path) -> int:
    return int((directory / "falkordb.pid").read_text())


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state not in {"Z", "X"}  # an exited child nobody has reaped yet is not running


def test_second_opener_reuses_the_server_and_data_survives_restart(tmp_path: Path) -> None:
    first = FalkorDBStore.embedded(tmp_path, "g")
    pid = _pid(tmp_path)
    second = FalkorDBStore.embedded(tmp_path, "g")
    assert _pid(tmp_path) == pid
    props = {"id": "ai", "kind": "field", "name_en": "AI", "_search": " ai"}
    first.write(WriteBatch(nodes={NodeKind.FIELD: [{"id": "ai", "props": props}]}))
    assert second.fetch_nodes(["ai"])["ai"]["name_en"] == "AI"
    first.close()
    assert EmbeddedFalkorDB(tmp_path).is_running(), "the other process still uses it"
    second.close()
    assert not EmbeddedFalkorDB(tmp_path).is_running(), "the last one out stops it"
    reopened = FalkorDBStore.embedded(tmp_path, "g")
    try:
        assert reopened.fetch_nodes(["ai"])["ai"]["name_en"] == "AI"
    finally:
        reopened.close()


def test_long_data_paths_get_a_short_socket(tmp_path: Path) -> None:
    deep = tmp_path / ("d" * 60) / ("e" * 60)
    server = EmbeddedFalkorDB(deep)
    assert len(str(server.socket)) < 100
    server.ensure_running()
    try:
        assert server.is_running()
    finally:
        assert server.stop(only_if_idle=False)


def _load_synthetic(store: FalkorDBStore, nodes: int) -> None:
    store.ensure_schema()  # without the id index every MERGE scans the graph
    rows = (ParsedRow("synthetic", n, row) for n, row in enumerate(generate(SyntheticConfig(nodes=nodes)), 1))
    import_rows(store, rows)


def _aof_parts(directory: Path) -> dict[str, int]:
    return {p.name.split(".")[-1]: p.stat().st_size for p in (directory / "appendonlydir").glob("*.aof.*")}


def test_store_files_are_private(tmp_path: Path) -> None:
    directory = tmp_path / "store"
    directory.mkdir(mode=0o755)
    (directory / "old.log").write_text("from a version that left files world-readable")
    (directory / "old.log").chmod(0o644)
    store = FalkorDBStore.embedded(directory, "g")
    try:
        _load_synthetic(store, 100)
        files = [p for p in directory.rglob("*") if p.is_file()]
        assert len(files) >= 4, files  # the log, the locks, the pid file and the AOF parts at least
        assert stat.S_IMODE(directory.stat().st_mode) == 0o700
        assert stat.S_IMODE((directory / "appendonlydir").stat().st_mode) == 0o700
        assert {p.name: stat.S_IMODE(p.stat().st_mode) for p in files} == {p.name: 0o600 for p in files}
        assert stat.S_IMODE(EmbeddedFalkorDB(directory).socket.stat().st_mode) & 0o077 == 0
    finally:
        store.close()


def test_clean_stop_folds_the_log_into_a_snapshot_and_reopens_fast(tmp_path: Path) -> None:
    store = FalkorDBStore.embedded(tmp_path, "g")
    _load_synthetic(store, 2000)
    expected = store.counts()
    store.close()
    assert not EmbeddedFalkorDB(tmp_path).is_running()
    parts = _aof_parts(tmp_path)
    assert parts["rdb"] > 100_000, "the graph lives in the RDB base"
    assert parts["aof"] < 1024, "the increment replayed at start-up is (nearly) empty"
    start = time.perf_counter()
    reopened = FalkorDBStore.embedded(tmp_path, "g")
    seconds = time.perf_counter() - start
    try:
        assert reopened.counts() == expected
    finally:
        reopened.close()
    assert seconds < 3, f"reopening 2,000 nodes took {seconds:.1f} s"


def test_server_runs_in_its_own_session_and_is_reused(tmp_path: Path) -> None:
    server = EmbeddedFalkorDB(tmp_path, start_timeout=10)
    server.ensure_running()
    try:
        pid = _pid(tmp_path)
        assert os.getsid(pid) == pid, "its own session: a hang-up of the caller's terminal does not stop it"
        assert server.is_running()
        assert EmbeddedFalkorDB(tmp_path).ensure_running() == server.socket
        assert _pid(tmp_path) == pid
    finally:
        assert server.stop(only_if_idle=False)
    assert not server.is_running()
    assert not server.stop(only_if_idle=False), "nothing left to stop"


def test_a_server_started_without_the_owner_lock_is_retired_not_doubled(tmp_path: Path) -> None:
    old_style = EmbeddedFalkorDB(tmp_path)
    tmp_path.chmod(0o700)
    # How earlier versions started it: daemonized, holding no owner lock.
    subprocess.run([*old_style._command(), "--daemonize", "yes"], check=True, capture_output=True)
    deadline = time.monotonic() + 10
    while not old_style.socket.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    legacy_pid = _pid(tmp_path)
    try:
        legacy = FalkorDBStore(old_style.socket, "g")
        props = {"id": "ai", "kind": "field", "name_en": "AI", "_search": " ai"}
        legacy.write(WriteBatch(nodes={NodeKind.FIELD: [{"id": "ai", "props": props}]}))
        legacy.close()
        store = FalkorDBStore.embedded(tmp_path, "g")
        try:
            assert _pid(tmp_path) != legacy_pid
            assert not _alive(legacy_pid)
            assert store.fetch_nodes(["ai"])["ai"]["name_en"] == "AI"
        finally:
            store.close()
    finally:
        if _alive(legacy_pid):
            os.kill(legacy_pid, signal.SIGKILL)


def test_the_server_takes_queries_past_redis_default_512_mb(tmp_path: Path) -> None:
    """An import is one query: at ~770 bytes of query per node, Redis's default cap on one argument
    (512 MB) refused imports of more than about 650k nodes. (A 600 MB query was tried by hand.)"""
    store = FalkorDBStore.embedded(tmp_path, "g")
    try:
        connection = store._db.connection
        for setting in ("proto-max-bulk-len", "client-query-buffer-limit"):
            assert int(connection.config_get(setting)[setting]) >= 4 << 30
    finally:
        store.close()


def test_a_script_that_fails_before_closing_its_store_leaves_no_server(tmp_path: Path) -> None:
    script = (
        "import sys\nfrom pathlib import Path\nfrom gxgraph.store.falkordb import FalkorDBStore\n"
        "store = FalkorDBStore.embedded(Path(sys.argv[1]), 'g')\nstore.ping()\n"
        "raise SystemExit('failed before store.close()')\n"
    )
    command = [sys.executable, "-c", script, str(tmp_path)]
    failed = subprocess.run(command, check=False, capture_output=True, text=True)
    assert failed.returncode == 1, failed.stderr
    assert "failed before" in failed.stderr
    assert not EmbeddedFalkorDB(tmp_path).is_running(), "the store was released at exit"


def test_a_store_dropped_unclosed_releases_its_server_but_not_anothers(tmp_path: Path) -> None:
    kept = FalkorDBStore.embedded(tmp_path, "g")
    dropped = FalkorDBStore.embedded(tmp_path, "g")
    dropped.ping()
    del dropped
    gc.collect()
    assert EmbeddedFalkorDB(tmp_path).is_running(), "another store still uses it"
    kept.ping()
    kept.close()
    assert not EmbeddedFalkorDB(tmp_path).is_running()
