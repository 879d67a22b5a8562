"""A real uvicorn server in a thread, serving the app over a given store (for tests that need sockets)."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import uvicorn

from gxgraph.api.app import create_app
from gxgraph.settings import Settings, StoreBackend
from gxgraph.store.base import GraphStore


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
