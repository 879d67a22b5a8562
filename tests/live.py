"""A real uvicorn server in a thread, serving the app over a given store (for tests that need sockets)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import uvicorn

from gxgraph.api.app import create_app
from gxgraph.settings import Settings, StoreBackend
from gxgraph.store.base import GraphStore
from gxgraph.store.falkordb import FalkorDBStore
from gxgraph.store.neo4j import Neo4jStore


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def live_server(store: GraphStore, **settings: object) -> Iterator[str]:
    """Serve ``create_app(settings, store)`` on a free loopback port; yields the base URL."""
    config = Settings(store=StoreBackend(store.backend), warm_analytics=False, **settings)  # type: ignore[arg-type]
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(config, store), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


@contextmanager
def served_by_cli(
    env: dict[str, str], ready_within: float = 120, options: tuple[str, ...] = ("--seed-if-empty",)
) -> Iterator[str]:
    """``gxgraph serve`` with ``options`` (by default as a new user runs it) and ``env``, on
    ``env["GXGRAPH_PORT"]``; yields the base URL once it is ready."""
    process = subprocess.Popen(
        [sys.executable, "-m", "gxgraph", "serve", *options],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{env['GXGRAPH_PORT']}"
    try:
        deadline = time.monotonic() + ready_within
        while not _ready(base):
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("gxgraph serve did not become ready")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=60)


def _ready(base: str) -> bool:
    try:
        return httpx.get(f"{base}/readyz", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


def store_env(store: GraphStore) -> dict[str, str]:
    """Environment that makes ``gxgraph serve`` open the very store the test fixture holds."""
    if isinstance(store, FalkorDBStore):
        socket = store._db.connection.connection_pool.connection_kwargs["path"]
        return {
            "GXGRAPH_STORE": "falkordb",
            "GXGRAPH_FALKORDB_SOCKET": socket,
            "GXGRAPH_FALKORDB_GRAPH": "test",
        }
    assert isinstance(store, Neo4jStore)
    return {
        "GXGRAPH_STORE": "neo4j",
        "GXGRAPH_NEO4J_URI": os.environ.get("GXGRAPH_TEST_NEO4J_URI", "bolt://127.0.0.1:17687"),
        "GXGRAPH_NEO4J_PASSWORD": os.environ.get("GXGRAPH_TEST_NEO4J_PASSWORD", ""),
    }


def _socket_inode(server_port: int, client_port: int) -> str:
    """The inode of the server's end of the loopback connection from ``client_port``."""
    wanted = (f"0100007F:{server_port:04X}", f"0100007F:{client_port:04X}")
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if (fields[1], fields[2]) == wanted:
            return fields[9]
    raise AssertionError(f"no server socket for client port {client_port}")


def _process_holding(inode: str) -> int:
    """The pid of the process that holds socket ``inode`` open (the worker that accepted it)."""
    target = f"socket:[{inode}]"
    for fd_dir in Path("/proc").glob("[0-9]*/fd"):
        try:
            if any(os.readlink(fd) == target for fd in fd_dir.iterdir()):
                return int(fd_dir.parent.name)
        except OSError:
            continue
    raise AssertionError(f"no process holds socket {inode}")


def worker_pid(server_port: int, client_port: int) -> int:
    """The pid of the worker process that accepted the loopback connection from ``client_port``."""
    return _process_holding(_socket_inode(server_port, client_port))
