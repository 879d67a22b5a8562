"""POST /v1/reports queues a job (202); GET shows its progress; when done, the file downloads."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gxgraph.domain.vocabulary import Role
from gxgraph.store.falkordb import FalkorDBStore
from tests.conftest import SAMPLE, Api, load_jsonl, make_api

POLL_SECONDS = 120


@pytest.fixture
def report_api(falkordb_session_store: FalkorDBStore, tmp_path: Path) -> Iterator[Api]:
    store = falkordb_session_store
    store.clear()
    load_jsonl(store, SAMPLE.read_text(encoding="utf-8"))
    yield from make_api(store, data_dir=tmp_path)


def _wait(api: Api, job_id: str) -> list[dict[str, Any]]:
    """Poll the job until it ends; every state seen, in order."""
    seen = []
    deadline = time.monotonic() + POLL_SECONDS
    while time.monotonic() < deadline:
        response = api.client.get(f"/v1/reports/{job_id}", headers=api.headers(Role.SECRETARIAT))
        assert response.status_code == 200
        seen.append(response.json())
        if seen[-1]["status"] in ("done", "failed"):
            return seen
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} did not end in {POLL_SECONDS} s: {seen[-1]}")


def test_a_report_job_runs_and_its_file_downloads(report_api: Api) -> None:
    body = {"lang": "ja", "format": "pdf", "region": "middle_east"}
    response = report_api.client.post("/v1/reports", json=body, headers=report_api.headers(Role.SECRETARIAT))
    assert response.status_code == 202
    job = response.json()
    assert response.headers["location"] == f"/v1/reports/{job['id']}"
    assert job["status"] in ("queued", "running")
    assert job["request"]["region"] == "middle_east"
    early = report_api.client.get(
        f"/v1/reports/{job['id']}/file", headers=report_api.headers(Role.SECRETARIAT)
    )
    seen = _wait(report_api, job["id"])
    done = seen[-1]
    assert done["status"] == "done", done
    assert done["progress"] == 1.0
    assert done["error"] is None
    progress = [state["progress"] for state in seen]
    assert progress == sorted(progress)
    if early.status_code != 200:  # asked before the job finished: no file yet
        assert early.status_code == 404
    download = report_api.client.get(done_url(done), headers=report_api.headers(Role.ADMIN))
    assert download.status_code == 200
    assert download.headers["content-type"] == "application/pdf"
    assert download.content.startswith(b"%PDF-")
    assert len(download.content) == done["size_bytes"]
    assert download.headers["x-graph-version"] == str(done["graph_version"])
    assert done["filename"] in download.headers["content-disposition"]


def done_url(job: dict[str, Any]) -> str:
    return f"/v1/reports/{job['id']}/file"


def test_a_failed_job_says_why(report_api: Api) -> None:
    body = {"format": "html", "since_version": 0}
    response = report_api.client.post("/v1/reports", json=body, headers=report_api.headers(Role.ADMIN))
    assert response.status_code == 202
    failed = _wait(report_api, response.json()["id"])[-1]
    assert failed["status"] == "failed"
    assert failed["error"]["error"]["code"] == "invalid_input"
    assert "no partnership-gaps report with this scope" in failed["error"]["error"]["message"]
    missing = report_api.client.get(done_url(failed), headers=report_api.headers(Role.ADMIN))
    assert missing.status_code == 404


@pytest.mark.parametrize("role", [Role.VIEWER, Role.ANALYST])
def test_reports_need_the_secretariat_role(report_api: Api, role: Role) -> None:
    post = report_api.client.post("/v1/reports", json={"format": "md"}, headers=report_api.headers(role))
    assert post.status_code == 403
    assert post.json()["error"]["code"] == "forbidden"
    get = report_api.client.get(f"/v1/reports/{'0' * 32}", headers=report_api.headers(role))
    assert get.status_code == 403


def test_bad_requests_are_refused_before_any_job(report_api: Api) -> None:
    headers = report_api.headers(Role.SECRETARIAT)
    bad = report_api.client.post("/v1/reports", json={"format": "docx"}, headers=headers)
    assert bad.status_code == 422
    unknown = report_api.client.get(f"/v1/reports/{'a' * 32}", headers=headers)
    assert unknown.status_code == 404
