"""API keys with roles; only a SHA-256 digest of each secret is stored.

A key reads ``gx_<key_id>_<secret>``: the id finds the record, the secret is compared in constant
time with the stored digest. SHA-256 suffices because secrets are 32 random bytes, not passwords.

A server process keeps the records of the active keys it read lately in a ``KeyCache``, so most
requests authenticate without a store round trip; a revoked key is refused everywhere within the
cache's ``seconds`` (``GXGRAPH_API_KEY_CACHE_SECONDS``).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable

from pydantic import BaseModel

from gxgraph.domain.vocabulary import Role, allows, utc_now
from gxgraph.errors import Forbidden, NotFound, Unauthenticated
from gxgraph.store.base import GraphStore
from gxgraph.store.journal import SYSTEM, Actor


class ApiKeyInfo(BaseModel):
    """An API key's public record (never its secret)."""

    key_id: str
    name: str
    role: Role
    created_at: str
    revoked_at: str | None = None

    @property
    def actor(self) -> Actor:
        """The key as the author of the writes made with it (the audit log's actor)."""
        return Actor(self.key_id, self.name)


class NewApiKey(ApiKeyInfo):
    key: str
    """The full key; shown once, at creation."""


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create_key(store: GraphStore, name: str, role: Role, actor: Actor = SYSTEM) -> NewApiKey:
    """Create a key; the returned ``key`` is the only time the secret is visible."""
    key_id = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    record = {
        "key_id": key_id,
        "name": name,
        "role": role.value,
        "created_at": utc_now(),
        "hash": _digest(secret),
    }
    store.put_api_key(record, actor)
    return NewApiKey(key=f"gx_{key_id}_{secret}", **{k: v for k, v in record.items() if k != "hash"})


def list_keys(store: GraphStore) -> list[ApiKeyInfo]:
    """Every key, revoked ones included."""
    return [ApiKeyInfo.model_validate(record) for record in store.list_api_keys()]


def revoke_key(store: GraphStore, key_id: str, actor: Actor = SYSTEM) -> None:
    """Revoke a key (servers' ``KeyCache`` forget it within their bound); ``NotFound`` when unknown or
    already revoked."""
    if not store.revoke_api_key(key_id, utc_now(), actor):
        raise NotFound(f"no active API key {key_id!r}")


class KeyCache:
    """The active keys this process read from the store lately: digest and public record by key id.

    An entry is trusted for ``seconds`` after its read, then read again; so a key revoked by another
    process (the command line, another worker or host) is refused here at most ``seconds`` later.
    Only active keys are kept: an unknown, malformed or revoked key is looked up on every request.
    ``seconds=0`` keeps nothing.
    """

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self._clock = clock
        self._entries: dict[str, tuple[float, str, ApiKeyInfo]] = {}

    def recall(self, key_id: str) -> tuple[str, ApiKeyInfo] | None:
        """The digest and record of ``key_id`` if read less than ``seconds`` ago."""
        entry = self._entries.get(key_id)
        if entry is None or self._clock() >= entry[0]:
            return None
        return entry[1], entry[2]

    def remember(self, digest: str, key: ApiKeyInfo) -> None:
        if self.seconds > 0:
            self._entries[key.key_id] = (self._clock() + self.seconds, digest, key)

    def holds(self, presented: str | None) -> bool:
        """Whether ``authenticate`` can check ``presented`` without the store (no key, or a fresh one)."""
        if not presented:
            return True
        key_id, _ = _split(presented)
        return key_id is not None and self.recall(key_id) is not None


def _split(presented: str) -> tuple[str | None, str]:
    """The key id and secret of ``gx_<key_id>_<secret>``; ``None`` for the id when malformed."""
    prefix, _, rest = presented.partition("_")
    key_id, _, secret = rest.partition("_")
    return (key_id if prefix == "gx" and key_id and secret else None), secret


def authenticate(
    store: GraphStore,
    presented: str | None,
    anonymous: Role | None = None,
    cache: KeyCache | None = None,
) -> ApiKeyInfo:
    """The key record behind a presented key; ``Unauthenticated`` when missing, malformed or revoked.

    With ``cache``, a key read less than ``cache.seconds`` ago is checked against the remembered
    digest instead of the store, and an active key read from the store is remembered.
    """
    if not presented:
        if anonymous is not None:
            return ApiKeyInfo(key_id="anonymous", name="anonymous", role=anonymous, created_at="")
        raise Unauthenticated("an API key is required (header X-API-Key or Authorization: Bearer)")
    key_id, secret = _split(presented)
    recalled = cache.recall(key_id) if cache is not None and key_id is not None else None
    if recalled is not None:
        digest, key = recalled
        if not hmac.compare_digest(digest, _digest(secret)):
            raise Unauthenticated("the API key is not valid")
        return key
    record = store.fetch_api_key(key_id) if key_id is not None else None
    if record is None or not hmac.compare_digest(record["hash"], _digest(secret)):
        raise Unauthenticated("the API key is not valid")
    if record.get("revoked_at"):
        raise Unauthenticated("the API key has been revoked")
    key = ApiKeyInfo.model_validate(record)
    if cache is not None:
        cache.remember(record["hash"], key)
    return key


def require(key: ApiKeyInfo, needed: Role) -> None:
    """``Forbidden`` unless the key's role reaches ``needed``."""
    if not allows(key.role, needed):
        raise Forbidden(f"this needs the {needed.value} role; the key has {key.role.value}")
