"""API keys with roles; only a SHA-256 digest of each secret is stored.

A key reads ``gx_<key_id>_<secret>``: the id finds the record, the secret is compared in constant
time with the stored digest. SHA-256 suffices because secrets are 32 random bytes, not passwords.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

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
    """Revoke a key at once; ``NotFound`` when unknown or already revoked."""
    if not store.revoke_api_key(key_id, utc_now(), actor):
        raise NotFound(f"no active API key {key_id!r}")


def authenticate(store: GraphStore, presented: str | None, anonymous: Role | None = None) -> ApiKeyInfo:
    """The key record behind a presented key; ``Unauthenticated`` when missing, malformed or revoked."""
    if not presented:
        if anonymous is not None:
            return ApiKeyInfo(key_id="anonymous", name="anonymous", role=anonymous, created_at="")
        raise Unauthenticated("an API key is required (header X-API-Key or Authorization: Bearer)")
    prefix, _, rest = presented.partition("_")
    key_id, _, secret = rest.partition("_")
    record = store.fetch_api_key(key_id) if prefix == "gx" and key_id and secret else None
    if record is None or not hmac.compare_digest(record["hash"], _digest(secret)):
        raise Unauthenticated("the API key is not valid")
    if record.get("revoked_at"):
        raise Unauthenticated("the API key has been revoked")
    return ApiKeyInfo.model_validate(record)


def require(key: ApiKeyInfo, needed: Role) -> None:
    """``Forbidden`` unless the key's role reaches ``needed``."""
    if not allows(key.role, needed):
        raise Forbidden(f"this needs the {needed.value} role; the key has {key.role.value}")
