"""Browser sessions for the explorer: an API key is presented once, the browser then holds a cookie.

The cookie carries a random session token, never the key. The session remembers which key signed in
(its ``key_id``), so every request re-reads the key record and a revoked key ends its sessions at
once. Each session has a CSRF token; the page sends it back in the ``X-CSRF-Token`` header (or a form
field) on every write, which a cross-site page cannot read (double-submit, on top of SameSite=Strict).
Sessions live in the server's memory: a restart signs everyone out, which is acceptable for a tool
one secretariat runs and keeps no secret on disk.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from dataclasses import dataclass

from starlette.requests import HTTPConnection
from starlette.responses import Response

from gxgraph.errors import Forbidden, Unauthenticated
from gxgraph.services.keys import ApiKeyInfo, authenticate
from gxgraph.store.base import GraphStore

SESSION_COOKIE = "gx_session"
CSRF_COOKIE = "gx_csrf"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"
SESSION_SECONDS = 12 * 3600
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass(frozen=True)
class Session:
    """One signed-in browser: the key it signed in with, its CSRF token and when it ends."""

    key_id: str
    csrf_token: str
    expires_at: float


class SessionStore:
    """In-memory sessions keyed by their random token; thread-safe."""

    def __init__(self, lifetime_seconds: float = SESSION_SECONDS) -> None:
        self._lifetime = lifetime_seconds
        self._sessions: dict[str, Session] = {}
        self._lock = threading.Lock()

    def open(self, key_id: str) -> tuple[str, Session]:
        """A new session for ``key_id``: its token (for the cookie) and the session."""
        token = secrets.token_urlsafe(32)
        session = Session(key_id, secrets.token_urlsafe(24), time.time() + self._lifetime)
        with self._lock:
            self._drop_expired()
            self._sessions[token] = session
        return token, session

    def find(self, token: str | None) -> Session | None:
        """The live session behind a cookie's token, if any."""
        if not token:
            return None
        with self._lock:
            session = self._sessions.get(token)
            if session is not None and session.expires_at <= time.time():
                del self._sessions[token]
                return None
            return session

    def close(self, token: str | None) -> None:
        """End the session (sign out); unknown tokens are ignored."""
        if token:
            with self._lock:
                self._sessions.pop(token, None)

    def _drop_expired(self) -> None:
        now = time.time()
        for token in [t for t, s in self._sessions.items() if s.expires_at <= now]:
            del self._sessions[token]


def sessions_of(connection: HTTPConnection) -> SessionStore | None:
    """The app's session store (``None`` for an app built without the explorer)."""
    return getattr(connection.app.state, "sessions", None)


def current_session(connection: HTTPConnection) -> Session | None:
    """The live session named by the request's cookie, if any."""
    store = sessions_of(connection)
    return store.find(connection.cookies.get(SESSION_COOKIE)) if store is not None else None


def session_key(store: GraphStore, session: Session) -> ApiKeyInfo:
    """The key a session signed in with, re-read so that revoking the key ends the session."""
    record = store.fetch_api_key(session.key_id)
    if record is None or record.get("revoked_at"):
        raise Unauthenticated("the session's API key is no longer valid; sign in again")
    return ApiKeyInfo.model_validate(record)


def sign_in(store: GraphStore, sessions: SessionStore, presented: str) -> tuple[str, Session, ApiKeyInfo]:
    """Check an API key (``Unauthenticated`` when it is not valid) and open a session for it."""
    key = authenticate(store, presented.strip() or None)
    token, session = sessions.open(key.key_id)
    return token, session, key


def check_csrf(session: Session, presented: str | None) -> None:
    """``Forbidden`` unless ``presented`` is the session's CSRF token."""
    if not presented or not hmac.compare_digest(presented, session.csrf_token):
        raise Forbidden("a write from the explorer needs its CSRF token (header X-CSRF-Token)")


def set_session_cookies(response: Response, token: str, session: Session, secure: bool) -> None:
    """The session cookie (HttpOnly) and the CSRF cookie the page's scripts read (not HttpOnly)."""
    max_age = int(session.expires_at - time.time())
    response.set_cookie(
        SESSION_COOKIE, token, max_age=max_age, httponly=True, samesite="strict", secure=secure, path="/"
    )
    response.set_cookie(
        CSRF_COOKIE, session.csrf_token, max_age=max_age, httponly=False, samesite="strict",
        secure=secure, path="/",
    )  # fmt: skip


def clear_session_cookies(response: Response, secure: bool) -> None:
    """Remove both cookies (sign out)."""
    for name, http_only in ((SESSION_COOKIE, True), (CSRF_COOKIE, False)):
        response.delete_cookie(name, path="/", samesite="strict", secure=secure, httponly=http_only)
