"""Swagger UI for the API, served with the assets vendored in ``gxgraph/api/static`` (no CDN)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse

router = APIRouter(include_in_schema=False)
ASSETS = "/static/swagger-ui"


@router.get("/docs")
async def swagger_ui() -> HTMLResponse:
    """Interactive API documentation."""
    return get_swagger_ui_html(
        openapi_url="/openapi.json",
        title="gxgraph API",
        swagger_js_url=f"{ASSETS}/swagger-ui-bundle.js",
        swagger_css_url=f"{ASSETS}/swagger-ui.css",
        swagger_favicon_url=f"{ASSETS}/favicon-32x32.png",
        # No validator badge: it would send the spec to an outside service.
        swagger_ui_parameters={"validatorUrl": None},
    )
