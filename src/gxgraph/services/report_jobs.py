"""Report jobs: a report over a large graph takes a while, so the API queues it and answers at once.

One worker thread per process writes the reports in turn (a report is CPU-bound: running several at
once on a small machine only slows each). A job records its status (queued, running, done, failed),
its progress and step, and when done the file; a failed job keeps the error that stopped it. Jobs
live in memory: a restart forgets them, and the finished files of the newest :data:`KEEP_JOBS` jobs
are kept (older ones are dropped as new jobs arrive).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import uuid
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field

from gxgraph.errors import GxGraphError, NotFound
from gxgraph.reports.build import ReportFile, write_report
from gxgraph.reports.changes import SnapshotStore
from gxgraph.reports.data import ReportRequest
from gxgraph.services.projection import ProjectionCache
from gxgraph.store.base import GraphStore

__all__ = ["JobStatus", "ReportJob", "ReportJobs"]

log = logging.getLogger("gxgraph.reports")
KEEP_JOBS = 50


class JobStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class ReportJob(BaseModel):
    """A report job as the API shows it."""

    id: str = Field(description="The job id.")
    status: JobStatus
    progress: float = Field(ge=0, le=1, description="Share of the work done.")
    step: str = Field(description="What the job is doing now (or did last).")
    request: ReportRequest
    created_at: dt.datetime
    finished_at: dt.datetime | None = None
    graph_version: int | None = Field(default=None, description="The graph version the report reflects.")
    filename: str | None = Field(default=None, description="The report's file name, when done.")
    media_type: str | None = None
    size_bytes: int | None = None
    error: dict[str, Any] | None = Field(
        default=None, description="Why the job failed: the API error body (code, message, details)."
    )


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


class ReportJobs:
    """The report jobs of one process, written one at a time by a worker thread."""

    def __init__(self, store: GraphStore, cache: ProjectionCache, snapshots: SnapshotStore) -> None:
        self._store = store
        self._cache = cache
        self._snapshots = snapshots
        self._lock = threading.Lock()
        self._jobs: OrderedDict[str, ReportJob] = OrderedDict()
        self._files: dict[str, ReportFile] = {}
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="report")

    def submit(self, request: ReportRequest) -> ReportJob:
        """Queue a report; the job is returned at once."""
        job = ReportJob(
            id=uuid.uuid4().hex,
            status=JobStatus.QUEUED,
            progress=0.0,
            step="queued",
            request=request,
            created_at=_now(),
        )
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > KEEP_JOBS:
                old, _ = self._jobs.popitem(last=False)
                self._files.pop(old, None)
        self._worker.submit(self._run, job.id)
        return job

    def get(self, job_id: str) -> ReportJob:
        """The job's current state, or NotFound."""
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None:
            raise NotFound(f"no report job {job_id!r} (jobs are kept in memory until the server restarts)")
        return job

    def file(self, job_id: str) -> ReportFile:
        """The finished report, or NotFound while the job is not done."""
        job = self.get(job_id)
        with self._lock:
            report = self._files.get(job_id)
        if report is None:
            raise NotFound(f"report job {job_id} is {job.status.value}: no file (yet)")
        return report

    def _update(self, job_id: str, **changes: Any) -> None:
        with self._lock:
            job = self._jobs.get(job_id)
            if job is not None:
                self._jobs[job_id] = job.model_copy(update=changes)

    def _run(self, job_id: str) -> None:
        job = self.get(job_id)
        self._update(job_id, status=JobStatus.RUNNING, step="starting")
        try:
            report = write_report(
                self._store,
                self._cache,
                job.request,
                self._snapshots,
                progress=lambda share, step: self._update(job_id, progress=round(share, 3), step=step),
            )
        except GxGraphError as exc:
            self._update(job_id, status=JobStatus.FAILED, error=exc.to_body(), finished_at=_now())
            return
        except Exception as exc:
            log.exception("report job %s failed", job_id)
            body = {"error": {"code": "internal", "message": f"the report failed: {exc}", "details": []}}
            self._update(job_id, status=JobStatus.FAILED, error=body, finished_at=_now())
            return
        with self._lock:
            self._files[job_id] = report
        self._update(
            job_id,
            status=JobStatus.DONE,
            progress=1.0,
            step="done",
            finished_at=_now(),
            graph_version=report.graph_version,
            filename=report.filename,
            media_type=report.media_type,
            size_bytes=len(report.content),
        )

    def close(self) -> None:
        """Stop taking jobs; a running job finishes."""
        self._worker.shutdown(wait=False, cancel_futures=True)
