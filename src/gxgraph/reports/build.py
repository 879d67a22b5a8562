"""Writing a report: assemble the data, compare with a baseline, lay out the document, render the format.

:func:`write_report` is what the CLI and the report jobs call. It saves the report's snapshot under the
data folder (:class:`~gxgraph.reports.changes.SnapshotStore`) once the file is made, so a later report
can say what changed since this one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from gxgraph.reports.changes import Snapshot, SnapshotStore, compare, snapshot_of
from gxgraph.reports.data import Progress, ReportFormat, ReportRequest, assemble
from gxgraph.reports.document import Document, build_document
from gxgraph.reports.render_html import render_html
from gxgraph.reports.render_markdown import render_markdown
from gxgraph.reports.render_pdf import render_pdf
from gxgraph.reports.render_tables import render_csv_zip, render_xlsx
from gxgraph.services.projection import ProjectionCache
from gxgraph.store.base import GraphStore

__all__ = ["MEDIA_TYPES", "ReportFile", "write_report"]

RENDERERS: dict[ReportFormat, tuple[Callable[[Document], bytes], str, str]] = {
    ReportFormat.PDF: (render_pdf, "application/pdf", "pdf"),
    ReportFormat.HTML: (render_html, "text/html; charset=utf-8", "html"),
    ReportFormat.XLSX: (
        render_xlsx,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsx",
    ),
    ReportFormat.CSV: (render_csv_zip, "application/zip", "zip"),
    ReportFormat.MD: (render_markdown, "text/markdown; charset=utf-8", "md"),
}
MEDIA_TYPES = {fmt: media for fmt, (_, media, _) in RENDERERS.items()}
ASSEMBLY_SHARE = 0.6
LAYOUT_SHARE = 0.8


@dataclass(frozen=True)
class ReportFile:
    """A written report."""

    content: bytes
    media_type: str
    filename: str
    graph_version: int


def write_report(
    store: GraphStore,
    cache: ProjectionCache,
    request: ReportRequest,
    snapshots: SnapshotStore,
    baseline: Snapshot | None = None,
    progress: Progress | None = None,
) -> ReportFile:
    """Write the report ``request`` asks for.

    Parameters
    ----------
    store, cache
        The store and its analytics projection cache.
    request
        Language, format, scope and ``since_version``.
    snapshots
        Where snapshots of reports are kept: ``since_version`` is looked up there, and this report's
        snapshot is saved there.
    baseline
        A previous report's snapshot to compare with (``--since FILE``); wins over ``since_version``.
    progress
        Told the share done and the step under way.

    Returns
    -------
    ReportFile
        The file's bytes, media type, suggested name and the graph version it reflects.
    """

    def tell(share: float, step: str) -> None:
        if progress:
            progress(share, step)

    data = assemble(store, cache, request, progress, share=ASSEMBLY_SHARE)
    current = snapshot_of(data)
    if baseline is None and request.since_version is not None:
        baseline = snapshots.find(request.report, request.since_version, request.filters())
    changes = compare(baseline, current) if baseline is not None else None
    tell(ASSEMBLY_SHARE, "layout and charts")
    document = build_document(data, current, changes)
    tell(LAYOUT_SHARE, f"rendering {request.format.value}")
    render, media_type, extension = RENDERERS[request.format]
    content = render(document)
    snapshots.save(current)
    tell(1.0, "done")
    name = f"{request.report}-v{data.graph_version}-{request.lang.value}.{extension}"
    return ReportFile(content=content, media_type=media_type, filename=name, graph_version=data.graph_version)
