"""Bulk import (JSON Lines or CSV) and streamed export (JSON Lines or GraphML)."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse
from starlette.background import BackgroundTask

from gxgraph.api.deps import SecretariatKey, SettingsDep, StoreDep, ViewerKey
from gxgraph.api.errors import ERROR_RESPONSES
from gxgraph.services.exports import ExportFormat, snapshot
from gxgraph.services.import_parts import check_part_options, import_in_parts
from gxgraph.services.imports import ImportFormat, ImportReport, ParsedRow, import_rows, parse_stream

router = APIRouter(tags=["import and export"], responses=ERROR_RESPONSES)

_CSV_TYPES = ("text/csv", "application/csv")
SPOOL_IN_MEMORY_BYTES = 8 * 1024 * 1024
"""An import body up to this size stays in memory; a larger one goes to a temporary file."""


@router.post(
    "/import",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/x-ndjson": {"schema": {"type": "string"}},
                "text/csv": {"schema": {"type": "string"}},
            },
        }
    },
)
async def import_graph(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    caller: SecretariatKey,
    fmt: Annotated[
        ImportFormat | None, Query(alias="format", description="Default: from Content-Type.")
    ] = None,
    dry_run: bool = False,
    part_rows: Annotated[
        int,
        Query(
            ge=0,
            description="Past GXGRAPH_MAX_IMPORT_ROWS: check every row first, then write nodes and then "
            "relationships as consecutive all-or-nothing imports of at most this many rows (0: one "
            "import). A part failing midway leaves the earlier ones; sending the file again finishes it.",
        ),
    ] = 0,
) -> ImportReport:
    """Import JSON Lines or CSV; a file with any bad row writes nothing and lists every problem."""
    check_part_options(part_rows, dry_run, settings.max_import_rows)
    if fmt is None:
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        fmt = ImportFormat.CSV if content_type in _CSV_TYPES else ImportFormat.JSONL
    # Spooled rather than read whole: a national-scale file is parsed line by line from disk.
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY_BYTES) as body:
        async for chunk in request.stream():
            body.write(chunk)
        body.seek(0)
        if part_rows:

            def read() -> Iterator[ParsedRow]:
                body.seek(0)
                return parse_stream(body, fmt)

            imported = await run_in_threadpool(
                import_in_parts,
                store,
                read,
                part_rows,
                batch_size=settings.import_batch_size,
                actor=caller.actor,
            )
            return imported[0]
        return await run_in_threadpool(
            import_rows,
            store,
            parse_stream(body, fmt),
            batch_size=settings.import_batch_size,
            dry_run=dry_run,
            actor=caller.actor,
            max_rows=settings.max_import_rows,
        )


@router.get(
    "/export",
    response_class=StreamingResponse,
    responses={
        200: {
            "content": {"application/x-ndjson": {}, "application/graphml+xml": {}},
            "headers": {
                "X-Graph-Version": {
                    "description": "The one graph version the whole export reflects.",
                    "schema": {"type": "integer"},
                }
            },
        }
    },
)
async def export_graph(
    store: StoreDep, _: ViewerKey, fmt: Annotated[ExportFormat, Query(alias="format")] = ExportFormat.JSONL
) -> StreamingResponse:
    """Stream the whole graph, at one version, as re-importable JSON Lines or as GraphML."""
    # All of it at one graph version, named in the X-Graph-Version header.
    # Read it all before the response starts: a failure (409, 503) is then still an error answer, not
    # a truncated 200.
    spooled = await run_in_threadpool(snapshot, store, fmt)
    media = "application/graphml+xml" if fmt is ExportFormat.GRAPHML else "application/x-ndjson"
    filename = f"gxgraph.{'graphml' if fmt is ExportFormat.GRAPHML else 'jsonl'}"
    return StreamingResponse(
        iter(spooled),
        media_type=media,
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "X-Graph-Version": str(spooled.version),
        },
        background=BackgroundTask(spooled.close),
    )
