"""What every explorer page shares: the caller, the language, the templates, the error page.

A page handler builds a :class:`Page` from its request (which finds who is asking, from the session
cookie or the demo role) and renders a template with it. Errors from the services (``NotFound``,
``Forbidden``, ``InvalidInput``) become an HTML error page with the same status the API would give;
a visitor with no session is sent to sign in.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Coroutine, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import networkx as nx
from fastapi.routing import APIRoute
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from gxgraph.domain.vocabulary import Role, allows
from gxgraph.errors import GxGraphError, Unauthenticated
from gxgraph.services.keys import ApiKeyInfo
from gxgraph.services.projection import ProjectionCache
from gxgraph.settings import Settings
from gxgraph.store.base import GraphStore
from gxgraph.web.messages import LANGUAGES, Language, translator
from gxgraph.web.sessions import Session, current_session, session_key

LANGUAGE_COOKIE = "gx_lang"

templates = Jinja2Templates(
    env=Environment(
        loader=PackageLoader("gxgraph.web", "templates"),
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
)


class SignInRequired(Exception):
    """Raised by :meth:`Page.of` when nobody is signed in and there is no demo role."""


def language_of(request: Request) -> Language:
    """``?lang=`` first (so a shared URL keeps its language), then the cookie, then the browser's."""
    for candidate in (request.query_params.get("lang"), request.cookies.get(LANGUAGE_COOKIE)):
        if candidate in LANGUAGES:
            return "ja" if candidate == "ja" else "en"
    return "ja" if request.headers.get("accept-language", "").lower().startswith("ja") else "en"


def caller_of(request: Request, store: GraphStore, settings: Settings) -> tuple[ApiKeyInfo, Session | None]:
    """Who is asking: the session's key, else the demo role; ``SignInRequired`` otherwise."""
    session = current_session(request)
    if session is not None:
        try:
            return session_key(store, session), session
        except Unauthenticated:
            pass  # a revoked key: sign in again (or fall back to the demo role)
    if settings.anonymous_role:
        anonymous = ApiKeyInfo(
            key_id="anonymous", name="anonymous", role=Role(settings.anonymous_role), created_at=""
        )
        return anonymous, None
    raise SignInRequired


@dataclass
class Page:
    """A page request: the store, the caller, the language and how to name nodes."""

    request: Request
    store: GraphStore
    settings: Settings
    caller: ApiKeyInfo
    session: Session | None
    language: Language

    @classmethod
    def of(cls, request: Request) -> Page:
        """The page for ``request``; ``SignInRequired`` when nobody may see it."""
        store: GraphStore = request.app.state.store
        settings: Settings = request.app.state.settings
        caller, session = caller_of(request, store, settings)
        return cls(request, store, settings, caller, session, language_of(request))

    @property
    def projections(self) -> ProjectionCache:
        cache: ProjectionCache = self.request.app.state.projections
        return cache

    def can(self, role: str) -> bool:
        """Whether the caller's role reaches ``role`` (viewer, analyst, secretariat, admin)."""
        return allows(self.caller.role, Role(role))

    def name(self, node: Mapping[str, Any] | None, fallback: str = "") -> str:
        """A node's name in the page's language (the English one when it has no Japanese name)."""
        if not node:
            return fallback
        if self.language == "ja" and node.get("name_ja"):
            return str(node["name_ja"])
        return str(node.get("name_en") or node.get("id") or fallback)

    def names(self, ids: set[str]) -> dict[str, dict[str, Any]]:
        """Id -> {id, kind, name_en, name_ja} read from the analytics projection (no extra query)."""
        graph: nx.MultiDiGraph = self.projections.get().graph
        found = {}
        for node_id in ids:
            if node_id in graph:
                attrs = graph.nodes[node_id]
                found[node_id] = {
                    "id": node_id,
                    "kind": attrs.get("kind"),
                    "name_en": attrs.get("name_en"),
                    "name_ja": attrs.get("name_ja"),
                }
        return found

    def url(self, path: str | None = None, **changes: Any) -> str:
        """This page's URL (or ``path``) with query parameters changed; ``None`` removes one."""
        params = [(k, v) for k, v in self.request.query_params.multi_items() if k not in changes]
        for key, value in changes.items():
            if value is None:
                continue
            values = value if isinstance(value, list | tuple) else [value]
            params.extend((key, str(v)) for v in values)
        query = urlencode(params)
        return (path or self.request.url.path) + (f"?{query}" if query else "")

    def render(self, template: str, status_code: int = 200, **context: Any) -> Response:
        """``template`` rendered with the page's shared context and ``context``."""
        response = templates.TemplateResponse(
            self.request,
            template,
            {
                "page": self,
                "t": translator(self.language),
                "lang": self.language,
                "csrf_token": self.session.csrf_token if self.session else "",
                **context,
            },
            status_code=status_code,
        )
        if self.request.query_params.get("lang") in LANGUAGES:
            response.set_cookie(LANGUAGE_COOKIE, self.language, samesite="strict", max_age=365 * 86400)
        return response


def json_script(value: Any) -> Markup:
    """``value`` as JSON safe to place inside ``<script type="application/json">``."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))  # noqa: S704


templates.env.filters["json_script"] = json_script


def error_page(request: Request, exc: GxGraphError) -> Response:
    """An HTML page for a service error, with the API's status code."""
    language = language_of(request)
    store: GraphStore = request.app.state.store
    settings: Settings = request.app.state.settings
    try:
        caller, session = caller_of(request, store, settings)
    except (SignInRequired, GxGraphError):
        caller = ApiKeyInfo(key_id="-", name="-", role=Role.VIEWER, created_at="")
        session = None
    page = Page(request, store, settings, caller, session, language)
    return page.render("error.html", status_code=exc.status_code, error=exc)


class PageRoute(APIRoute):
    """A route whose errors are pages: sign-in redirects and HTML error pages instead of JSON."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def page_handler(request: Request) -> Response:
            try:
                return await handler(request)
            except SignInRequired:
                target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
                return RedirectResponse(f"/signin?{urlencode({'next': target})}", status_code=303)
            except GxGraphError as exc:
                return error_page(request, exc)

        return page_handler
