"""A mock OpenAlex API replaying the checked-in fixtures, and the fixture folders."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from gxgraph.store.base import GraphStore

FIXTURES = Path(__file__).parent / "fixtures"
OPENALEX = FIXTURES / "openalex"
SNAPSHOT = OPENALEX / "snapshot"
PATENTSVIEW = FIXTURES / "patentsview"


def fixture(name: str) -> dict[str, Any]:
    body: dict[str, Any] = json.loads((OPENALEX / name).read_text(encoding="utf-8"))
    return body


@dataclass
class MockOpenAlex:
    """Answers like api.openalex.org from the fixtures; ``failures`` maps a request number (1-based)
    to the error response sent instead, and every request is logged."""

    failures: dict[int, httpx.Response] = field(default_factory=dict)
    requests: list[httpx.Request] = field(default_factory=list)
    broken_after: int | None = None
    """Raise ConnectError (no answer at all) for every request after this many."""

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        number = len(self.requests)
        if self.broken_after is not None and number > self.broken_after:
            raise httpx.ConnectError("network down", request=request)
        if number in self.failures:
            return self.failures[number]
        return httpx.Response(200, json=self.answer(request))

    def answer(self, request: httpx.Request) -> dict[str, Any]:
        path, params = request.url.path, request.url.params
        filt, cursor = params.get("filter", ""), params.get("cursor", "*")
        if path == "/works" and params.get("group_by") == "authorships.institutions.id":
            assert filt == "primary_topic.subfield.id:2208", filt
            return fixture("works_group_by_subfield_2208.json")
        pages: dict[tuple[str, str], list[str]] = {
            ("/topics", "subfield.id:2208"): [
                "topics_subfield_2208_page1.json",
                "topics_subfield_2208_page2.json",
            ],
            ("/institutions", "openalex:I9000000001|I9000000002|I9000000003"): ["institutions_by_id.json"],
            ("/institutions", "country_code:jp,type:company"): [
                "institutions_jp_companies_page1.json",
                "institutions_jp_companies_page2.json",
            ],
        }
        if path == "/authors":
            body = fixture("authors.json")
            institution = filt.removeprefix("last_known_institutions.id:")
            results = [
                a
                for a in body["results"]
                if any(i["id"].endswith("/" + institution) for i in a["last_known_institutions"])
            ]
            results.sort(key=lambda a: -int(a["works_count"]))
            body["results"] = results[: int(params.get("per-page", "25"))]
            body["meta"]["count"], body["meta"]["next_cursor"] = len(results), None
            return body
        files = pages[(path, filt)]
        index = 0 if cursor == "*" else 1 + [fixture(f)["meta"]["next_cursor"] for f in files].index(cursor)
        return fixture(files[index])


@pytest.fixture
def mock_openalex() -> MockOpenAlex:
    return MockOpenAlex()


@pytest.fixture
def fresh(store: GraphStore) -> GraphStore:
    """An empty graph with an empty review list (review decisions are not graph entities, so
    ``store.clear()`` keeps them)."""
    store.forget_review_items()
    return store


Sleep = Callable[[float], None]
