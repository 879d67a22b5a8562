"""The OpenAlex API client: polite pool, cursor paging, backoff, resumable downloads.

* Every request sends ``mailto`` (``GXGRAPH_OPENALEX_MAILTO``, OpenAlex's polite pool) and, when set,
  ``api_key`` (``GXGRAPH_OPENALEX_API_KEY``).
* Lists are read with ``per-page=200`` (the API's largest page) and cursor paging (``cursor=*``, then
  each answer's ``meta.next_cursor``), which has no 10,000-record ceiling, unlike page numbers.
* A 429 or a 5xx answer, or a connection error, is retried up to ``max_attempts`` times: after the
  answer's ``Retry-After`` seconds when it sends one, else after an exponential backoff
  (1, 2, 4, ... seconds, at most 60). Other 4xx answers are not retried. When the retries run out the
  run stops with :class:`gxgraph.errors.SourceUnavailable`, and running it again resumes.
* :meth:`OpenAlexClient.download` spools a query's records to a JSON Lines file, page by page, with a
  :class:`gxgraph.sources.checkpoint.Checkpoint`, so an interrupted download resumes at its cursor.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import json
import math
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from gxgraph.errors import InvalidInput, SourceUnavailable
from gxgraph.sources.checkpoint import Checkpoint, QueryState

__all__ = ["PER_PAGE", "OpenAlexClient", "Query", "read_spool"]

PER_PAGE = 200
RETRYABLE = frozenset({429, 500, 502, 503, 504})
MAX_WAIT = 60.0


@dataclass(frozen=True)
class Query:
    """One list request of the API: ``entity`` (institutions, topics, authors, works) with its
    ``filter``, ``sort`` and an optional cap on records (``limit``)."""

    entity: str
    filter: str | None = None
    sort: str | None = None
    limit: int | None = None

    @property
    def key(self) -> str:
        """Stable name of the query (its spool file and checkpoint entry)."""
        text = json.dumps([self.entity, self.filter, self.sort, self.limit])
        return f"{self.entity}-{hashlib.sha256(text.encode()).hexdigest()[:12]}"

    def params(self) -> dict[str, str]:
        """The query string, without paging."""
        params = {"filter": self.filter, "sort": self.sort}
        return {key: value for key, value in params.items() if value}

    def estimated_requests(self, count: int) -> int:
        """Requests the download takes when ``count`` records match.

        >>> Query("institutions").estimated_requests(401), Query("authors", limit=5).estimated_requests(90)
        (3, 1)
        """
        wanted = min(count, self.limit) if self.limit is not None else count
        return max(1, math.ceil(wanted / min(PER_PAGE, self.limit or PER_PAGE)))


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds a ``Retry-After`` header asks to wait (delta-seconds or an HTTP date), or None.

    >>> retry_after("7"), retry_after(None), retry_after("Thu, 01 Jan 1970 00:00:10 GMT", now=4.0)
    (7.0, None, 6.0)
    """
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = email.utils.parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError):
        return None
    return max(0.0, when - (time.time() if now is None else now))


class OpenAlexClient:
    """A blocking OpenAlex client over httpx; ``transport`` and ``sleep`` are the test seams."""

    def __init__(
        self,
        *,
        mailto: str | None,
        api_key: str | None = None,
        base_url: str = "https://api.openalex.org",
        transport: httpx.BaseTransport | None = None,
        max_attempts: int = 6,
        sleep: Callable[[float], None] = time.sleep,
        timeout: float = 60.0,
    ) -> None:
        self._auth = {key: value for key, value in {"mailto": mailto, "api_key": api_key}.items() if value}
        self._http = httpx.Client(
            base_url=base_url,
            transport=transport,
            timeout=timeout,
            headers={"User-Agent": f"gxgraph (mailto:{mailto})" if mailto else "gxgraph"},
        )
        self.max_attempts = max_attempts
        self.sleep = sleep
        self.requests = 0
        """Requests sent, retries included."""

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> OpenAlexClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, path: str, params: dict[str, str]) -> dict[str, Any]:
        """GET ``path`` with ``params`` (and the polite-pool parameters), retrying as the module says."""
        problem = ""
        for attempt in range(self.max_attempts):
            self.requests += 1
            try:
                response = self._http.get(path, params={**params, **self._auth})
            except httpx.TransportError as exc:
                problem, wait = f"connection failed: {type(exc).__name__}", None
            else:
                if response.status_code < 400:
                    body: dict[str, Any] = response.json()
                    return body
                if response.status_code not in RETRYABLE:
                    raise InvalidInput(
                        f"OpenAlex refused {path}: HTTP {response.status_code}",
                        [{"status": response.status_code, "body": response.text[:500]}],
                    )
                problem = f"HTTP {response.status_code}"
                wait = retry_after(response.headers.get("Retry-After"))
            if attempt + 1 < self.max_attempts:
                self.sleep(min(MAX_WAIT, wait if wait is not None else 2.0**attempt))
        raise SourceUnavailable(
            f"OpenAlex {path} failed {self.max_attempts} times ({problem}); run again to resume"
        )

    def count(self, query: Query) -> int:
        """How many records ``query`` matches (one request of one record)."""
        body = self.get(f"/{query.entity}", {**query.params(), "per-page": "1", "select": "id"})
        return int(body["meta"]["count"])

    def group_by(self, query: Query, group_by: str) -> list[dict[str, Any]]:
        """The ``group_by`` answer of ``query``: ``[{key, key_display_name, count}]``, largest first."""
        body = self.get(f"/{query.entity}", {**query.params(), "group_by": group_by, "per-page": "200"})
        groups: list[dict[str, Any]] = body.get("group_by", [])
        return sorted(groups, key=lambda group: (-int(group["count"]), str(group["key"])))

    def download(self, query: Query, folder: Path, checkpoint: Checkpoint) -> Path:
        """Spool every record of ``query`` to ``folder/<key>.jsonl``, resuming from ``checkpoint``."""
        path = folder / f"{query.key}.jsonl"
        state = checkpoint.get(query.key)
        if state.done:
            return path
        folder.mkdir(parents=True, exist_ok=True)
        with path.open("ab") as out:
            out.truncate(state.offset)  # drop a page half-written when the last run stopped
            out.seek(state.offset)
            while not state.done:
                page_size = min(PER_PAGE, (query.limit - state.records) if query.limit else PER_PAGE)
                params = {**query.params(), "per-page": str(page_size), "cursor": state.cursor}
                body = self.get(f"/{query.entity}", params)
                results: list[dict[str, Any]] = body.get("results", [])
                for record in results:
                    out.write(json.dumps(record, ensure_ascii=False).encode() + b"\n")
                out.flush()
                os.fsync(out.fileno())
                records = state.records + len(results)
                cursor = body.get("meta", {}).get("next_cursor")
                done = not cursor or not results or (query.limit is not None and records >= query.limit)
                retrieved = state.retrieved or dt.date.today().isoformat()
                state = QueryState(str(cursor or ""), out.tell(), records, state.pages + 1, done, retrieved)
                checkpoint.save(query.key, state)
        return path


def read_spool(path: Path) -> Iterator[dict[str, Any]]:
    """The records of a spool file, in the order they were fetched."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)
