"""The embedded FalkorDB: one server per data folder, shared by processes, stopped only when idle."""

from __future__ import annotations

from pathlib import Path

from gxgraph.domain.kinds import NodeKind
from gxgraph.store.base import WriteBatch
from gxgraph.store.embedded import EmbeddedFalkorDB
from gxgraph.store.falkordb import FalkorDBStore


def _pid(directory: Path) -> int:
    return int((directory / "falkordb.pid").read_text())


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
