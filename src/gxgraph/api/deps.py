"""Dependencies shared by the routers: the store and the caller's API key, as ``Annotated`` aliases."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, Path, Query, Request, Security
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from gxgraph.api.auth import STATE_KEY
from gxgraph.domain.nodes import SLUG_PATTERN
from gxgraph.domain.vocabulary import Role
from gxgraph.services.keys import ApiKeyInfo, require
from gxgraph.settings import Settings
from gxgraph.store.base import GraphStore

_api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="gxgraph API key")
_bearer = HTTPBearer(auto_error=False, description="gxgraph API key as a bearer token")


# Plain attribute reads: coroutines, so they cost no thread-pool hop (a sync dependency takes one).
async def get_store(request: Request) -> GraphStore:
    store: GraphStore = request.app.state.store
    return store


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


StoreDep = Annotated[GraphStore, Depends(get_store)]
NodeId = Annotated[str, Path(pattern=SLUG_PATTERN, description="Node id (slug).")]
SlugQuery = Annotated[str, Query(pattern=SLUG_PATTERN, description="Node id (slug).")]
SlugPath = Annotated[str, Path(pattern=SLUG_PATTERN, description="Name (slug).")]
FromNode = Annotated[str, Query(alias="from", pattern=SLUG_PATTERN, description="Start node id.")]
ToNode = Annotated[str, Query(alias="to", pattern=SLUG_PATTERN, description="End node id.")]
SettingsDep = Annotated[Settings, Depends(get_settings)]


async def _caller(
    request: Request,
    # Declared for the OpenAPI security schemes; AuthenticateFirst has already checked the key.
    header_key: Annotated[str | None, Security(_api_key_header)] = None,
    bearer: Annotated[HTTPAuthorizationCredentials | None, Security(_bearer)] = None,
) -> ApiKeyInfo:
    key: ApiKeyInfo = getattr(request.state, STATE_KEY)
    return key


def _requires(role: Role) -> Callable[[ApiKeyInfo], Awaitable[ApiKeyInfo]]:
    async def check(key: Annotated[ApiKeyInfo, Depends(_caller)]) -> ApiKeyInfo:
        require(key, role)
        return key

    return check


ViewerKey = Annotated[ApiKeyInfo, Depends(_requires(Role.VIEWER))]
AnalystKey = Annotated[ApiKeyInfo, Depends(_requires(Role.ANALYST))]
SecretariatKey = Annotated[ApiKeyInfo, Depends(_requires(Role.SECRETARIAT))]
AdminKey = Annotated[ApiKeyInfo, Depends(_requires(Role.ADMIN))]
