"""A download's checkpoint: per query, the next cursor and how many bytes of its spool file are whole.

The OpenAlex client appends each page of records to a JSON Lines spool file, fsyncs it, then records
the page's ``next_cursor`` and the file's length here (written to a temporary file and renamed, so a
crash leaves the old checkpoint or the new one, never half of one). A resumed run cuts the spool back
to the recorded length, which drops a page that was being written when the run stopped, and asks for
the recorded cursor: no record is fetched twice or lost.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

__all__ = ["Checkpoint", "QueryState"]


@dataclass(frozen=True)
class QueryState:
    """Where one query's download stands."""

    cursor: str = "*"
    offset: int = 0
    records: int = 0
    pages: int = 0
    done: bool = False
    retrieved: str = ""
    """The date (ISO) the query's first page was fetched: the records' retrieval date."""


class Checkpoint:
    """The checkpoint file of one download folder."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._states: dict[str, QueryState] = {}
        if path.exists():
            raw = json.loads(path.read_text(encoding="utf-8"))
            self._states = {key: QueryState(**value) for key, value in raw.items()}

    def get(self, key: str) -> QueryState:
        """The state of query ``key`` (a fresh one when it never started)."""
        return self._states.get(key, QueryState())

    def save(self, key: str, state: QueryState) -> None:
        """Record ``state`` for ``key`` durably."""
        self._states[key] = state
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        data = {name: asdict(value) for name, value in sorted(self._states.items())}
        with temporary.open("w", encoding="utf-8") as out:
            json.dump(data, out, indent=1)
            out.flush()
            os.fsync(out.fileno())
        temporary.replace(self.path)
