"""The OpenAlex client against a mock transport replaying the fixtures: paging, backoff, resume."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import httpx
import pytest

from gxgraph.errors import InvalidInput, SourceUnavailable
from gxgraph.sources.checkpoint import Checkpoint
from gxgraph.sources.openalex import OpenAlexClient, Query, read_spool
from gxgraph.sources.openalex_run import Scope, describe, fetch_api, plan
from tests.sources.conftest import MockOpenAlex

TOPICS = Query("topics", "subfield.id:2208")
COMPANIES = Query("institutions", "country_code:jp,type:company")


def _client(mock: MockOpenAlex, waits: list[float], **kwargs: object) -> OpenAlexClient:
    return OpenAlexClient(
        mailto="secretariat@example.org",
        api_key="k-123",
        transport=mock.transport(),
        sleep=waits.append,
        **kwargs,  # type: ignore[arg-type]
    )


def test_cursor_paging_sends_the_polite_pool_parameters_and_per_page_200(
    mock_openalex: MockOpenAlex, tmp_path: Path
) -> None:
    waits: list[float] = []
    with _client(mock_openalex, waits) as client:
        path = client.download(TOPICS, tmp_path, Checkpoint(tmp_path / "checkpoint.json"))
    ids = [record["id"].rsplit("/", 1)[1] for record in read_spool(path)]
    assert ids == ["T10018", "T10791"]
    cursors = [r.url.params["cursor"] for r in mock_openalex.requests]
    assert cursors == ["*", "IlsxMDAxOF0i"]
    for request in mock_openalex.requests:
        assert request.url.params["mailto"] == "secretariat@example.org"
        assert request.url.params["api_key"] == "k-123"
        assert request.url.params["per-page"] == "200"
    assert waits == []
    state = json.loads((tmp_path / "checkpoint.json").read_text())[TOPICS.key]
    assert state["done"]
    assert state["records"] == 2
    assert state["pages"] == 2


def test_a_429_waits_for_retry_after_and_a_5xx_backs_off(mock_openalex: MockOpenAlex, tmp_path: Path) -> None:
    mock_openalex.failures = {
        1: httpx.Response(429, headers={"Retry-After": "7"}, json={"error": "slow down"}),
        3: httpx.Response(503, text="upstream unavailable"),
        4: httpx.Response(502, text="bad gateway"),
    }
    waits: list[float] = []
    with _client(mock_openalex, waits) as client:
        path = client.download(TOPICS, tmp_path, Checkpoint(tmp_path / "checkpoint.json"))
        assert client.requests == 5
    # 429: the server's Retry-After; then two 5xx in a row: exponential backoff 1 s, 2 s.
    assert waits == [7.0, 1.0, 2.0]
    assert len(list(read_spool(path))) == 2


def test_retries_run_out_with_source_unavailable_and_a_4xx_is_not_retried(
    mock_openalex: MockOpenAlex, tmp_path: Path
) -> None:
    mock_openalex.failures = {n: httpx.Response(500) for n in range(1, 10)}
    waits: list[float] = []
    with _client(mock_openalex, waits, max_attempts=3) as client, pytest.raises(SourceUnavailable):
        client.download(TOPICS, tmp_path, Checkpoint(tmp_path / "checkpoint.json"))
    assert waits == [1.0, 2.0]
    refused = MockOpenAlex(failures={1: httpx.Response(400, json={"error": "Invalid query parameters"})})
    with _client(refused, waits) as client, pytest.raises(InvalidInput, match="HTTP 400"):
        client.count(TOPICS)
    assert len(refused.requests) == 1


def test_an_interrupted_download_resumes_at_its_cursor(tmp_path: Path) -> None:
    checkpoint_file = tmp_path / "checkpoint.json"
    first = MockOpenAlex(broken_after=1)  # page 1 arrives, then the network goes away
    with _client(first, [], max_attempts=2) as client, pytest.raises(SourceUnavailable):
        client.download(COMPANIES, tmp_path, Checkpoint(checkpoint_file))
    state = json.loads(checkpoint_file.read_text())[COMPANIES.key]
    assert state["records"] == 1
    assert not state["done"]
    # A half-written page left at the end of the spool is cut off on resume.
    spool = tmp_path / f"{COMPANIES.key}.jsonl"
    with spool.open("ab") as out:
        out.write(b'{"id": "https://openalex.org/I-half-writ')
    second = MockOpenAlex()
    with _client(second, []) as client:
        client.download(COMPANIES, tmp_path, Checkpoint(checkpoint_file))
    assert [r.url.params["cursor"] for r in second.requests] == ["IlsiaTkwMDAwMDAwMDUiXSI="]
    names = [record["display_name"] for record in read_spool(spool)]
    assert names == ["Panasonic (Japan)", "Toyota Motor Corporation (Japan)"]
    # Done is done: a third run asks nothing.
    third = MockOpenAlex()
    with _client(third, []) as client:
        client.download(COMPANIES, tmp_path, Checkpoint(checkpoint_file))
    assert third.requests == []


def test_fetch_api_follows_the_scope_and_resumes_as_a_whole(
    mock_openalex: MockOpenAlex, tmp_path: Path
) -> None:
    scope = Scope(fields=["subfields/2208"], top=3, japanese_companies=True, experts=2)
    with _client(mock_openalex, []) as client:
        records = fetch_api(client, scope, tmp_path)
    assert sorted(t["id"].rsplit("/", 1)[1] for t in records.topics) == ["T10018", "T10791"]
    names = sorted(i["display_name"] for i in records.institutions)
    assert names == [
        "Massachusetts Institute of Technology",
        "Panasonic (Japan)",
        "The University of Tokyo",
        "Toyota Motor Corporation (Japan)",
        "Tsinghua University",
    ]
    assert sorted(a["display_name"] for a in records.authors) == [
        "Elena Rossi",
        "Haruka Sato",
        "Ken Tanaka",
        "Na Li",
        "Taro Suzuki",
        "Wei Zhang",
    ]
    assert [g["count"] for g in records.groups["subfields/2208"]][:3] == [2650, 2420, 1830]
    sent = len(mock_openalex.requests)
    # topics 2 pages, group_by 1, institutions by id 1, Japanese companies 2 pages, authors 1 per institution
    assert sent == 2 + 1 + 1 + 2 + 5
    assert records.retrieved == dt.date.today().isoformat()
    # Reused downloads keep the date they were fetched: the provenance says when, not when loaded.
    checkpoint = tmp_path / "checkpoint.json"
    states = json.loads(checkpoint.read_text())
    checkpoint.write_text(json.dumps({k: {**v, "retrieved": "2024-01-02"} for k, v in states.items()}))
    again = MockOpenAlex()
    with _client(again, []) as client:
        reused = fetch_api(client, scope, tmp_path)
    assert reused.institutions == records.institutions
    assert reused.retrieved == "2024-01-02"
    assert again.requests == []


def test_dry_run_lists_the_queries_and_estimates_requests(mock_openalex: MockOpenAlex) -> None:
    scope = Scope(fields=["subfields/2208"], top=3, japanese_companies=True, experts=2)
    queries = plan(scope)
    assert [q.filter for q in queries.topics] == ["subfield.id:2208"]
    assert [q.filter for q in queries.institutions] == ["country_code:jp,type:company"]
    with _client(mock_openalex, []) as client:
        lines, total = describe(scope, client)
    assert lines[0] == "topics?filter=subfield.id:2208: 2 records, 1 requests"
    assert "institutions?filter=country_code:jp,type:company: 2 records, 1 requests" in lines
    assert any("group_by=authorships.institutions.id: top 3 of subfields/2208" in line for line in lines)
    assert "institutions by id (the top 3 of each field): at most 1 requests" in lines
    assert total == 1 + 1 + 1 + 1 + 3
    assert all(r.url.params["per-page"] == "1" for r in mock_openalex.requests)
    offline_lines, offline_total = describe(scope, None)
    assert offline_lines[0].endswith("? records, ? requests")
    assert offline_total == 1 + 1 + 3
