"""One JSON error shape for every failure: ``{"error": {"code", "message", "details"}}``."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from gxgraph.errors import GxGraphError, StoreUnavailable, TooManyRequests, validation_details

log = logging.getLogger("gxgraph.api")


class ErrorDetail(BaseModel):
    code: str
    message: str
    details: list[dict[str, Any]]


class ErrorBody(BaseModel):
    """The body of every error response."""

    error: ErrorDetail


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries in the one error shape for ``statuses``."""
    return {status: {"model": ErrorBody, "description": HTTPStatus(status).phrase} for status in statuses}


STORE_ERRORS = error_responses(503, 504)
"""Every route that reads the store can meet an unreachable store (503) or a query timeout (504)."""
ERROR_RESPONSES = error_responses(400, 401, 403, 404, 409, 413, 422, 429) | STORE_ERRORS


def error_response(
    status: int, code: str, message: str, details: list[dict[str, Any]] | None = None
) -> JSONResponse:
    body = {"error": {"code": code, "message": message, "details": details or []}}
    return JSONResponse(status_code=status, content=body)


def gxgraph_error_response(request: Request, exc: GxGraphError) -> JSONResponse:
    """The error body of ``exc``; a 503 or a 429 also says when to retry."""
    headers = None
    if isinstance(exc, StoreUnavailable):
        headers = {"Retry-After": str(request.app.state.settings.retry_after_seconds)}
    elif isinstance(exc, TooManyRequests):
        headers = {"Retry-After": str(exc.retry_after_seconds)}
    return JSONResponse(status_code=exc.status_code, content=exc.to_body(), headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    """Render the gxgraph error tree, request validation and routing errors in the one shape."""

    @app.exception_handler(GxGraphError)
    async def _gxgraph(request: Request, exc: GxGraphError) -> JSONResponse:
        if exc.status_code >= 500:
            log.error("%s: %s", exc.code, exc.message)
        return gxgraph_error_response(request, exc)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(
            422, "invalid_input", "the request does not match the schema", validation_details(exc.errors())
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = HTTPStatus(exc.status_code).phrase.lower().replace(" ", "_").replace("-", "_")
        return error_response(exc.status_code, code, str(exc.detail))

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error", exc_info=exc)
        return error_response(500, "internal", "internal error; the server log has the details")
