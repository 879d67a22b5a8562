"""The web explorer: server-rendered pages over the same services and analyses as the API.

:func:`mount_explorer` adds the pages, their static files (the explorer's scripts and the JavaScript
libraries vendored from npm by ``scripts/vendor_assets.py``) and the browser sessions to an app.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from gxgraph.web.pages import router
from gxgraph.web.sessions import SessionStore

__all__ = ["mount_explorer"]

STATIC_PATH = "/explorer/static"


def mount_explorer(app: FastAPI) -> None:
    """Serve the explorer's pages at ``/`` and its assets under ``/explorer/static``."""
    app.state.sessions = SessionStore()
    app.mount(STATIC_PATH, StaticFiles(packages=[("gxgraph.web", "static")]), name="explorer-static")
    app.include_router(router)
