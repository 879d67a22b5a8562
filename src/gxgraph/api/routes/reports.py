"""Reports for the secretariat: queued as jobs, because a report over a large graph takes a while."""

from __future__ import annotations

import threading
from typing import Annotated

from fastapi import APIRouter, Path, Request, Response

from gxgraph.api.deps import SecretariatKey
from gxgraph.api.errors import ERROR_RESPONSES
from gxgraph.reports.changes import SnapshotStore
from gxgraph.reports.data import ReportRequest
from gxgraph.services.report_jobs import ReportJob, ReportJobs
from gxgraph.settings import Settings

router = APIRouter(prefix="/reports", tags=["reports"], responses=ERROR_RESPONSES)

JobId = Annotated[str, Path(pattern="^[0-9a-f]{32}$", description="The job id POST /v1/reports answered.")]
_STATE = "report_jobs"
_creating = threading.Lock()


def _jobs(request: Request) -> ReportJobs:
    """The app's report jobs, made on first use (so the app needs no wiring for them)."""
    state = request.app.state
    with _creating:
        jobs: ReportJobs | None = getattr(state, _STATE, None)
        if jobs is None:
            settings: Settings = state.settings
            jobs = ReportJobs(state.store, state.projections, SnapshotStore(settings.data_dir / "reports"))
            setattr(state, _STATE, jobs)
    return jobs


@router.post("", status_code=202)
def create_report(body: ReportRequest, request: Request, response: Response, _: SecretariatKey) -> ReportJob:
    """Queue a report; answers 202 with the job at once (poll it, then download its file)."""
    job = _jobs(request).submit(body)
    response.headers["Location"] = f"/v1/reports/{job.id}"
    return job


@router.get("/{job_id}")
def get_report(job_id: JobId, request: Request, _: SecretariatKey) -> ReportJob:
    """A report job's status and progress; when done, its file's name, and when failed, why."""
    return _jobs(request).get(job_id)


@router.get(
    "/{job_id}/file",
    response_class=Response,
    responses={
        200: {
            "description": "The report file (PDF, HTML, XLSX, a zip of CSV files, or Markdown).",
            "content": {"application/pdf": {}, "text/html": {}, "application/zip": {}, "text/markdown": {}},
        }
    },
)
def download_report(job_id: JobId, request: Request, _: SecretariatKey) -> Response:
    """Download a finished report (404 while the job is queued, running or failed)."""
    report = _jobs(request).file(job_id)
    headers = {
        "Content-Disposition": f'attachment; filename="{report.filename}"',
        "X-Graph-Version": str(report.graph_version),
    }
    return Response(report.content, media_type=report.media_type, headers=headers)
