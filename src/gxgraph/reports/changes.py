"""What changed since a previous report: the report's feedback loop.

The graph counts versions but keeps no history of old ones, so the baseline is a previous report's
*snapshot*: the ranked gaps, case studies and partnerships it showed (:class:`Snapshot`, a small
JSON document). Every report writes one:

* into ``GXGRAPH_DATA_DIR/reports/`` under its graph version and scope (:class:`SnapshotStore`),
  which is what ``--since-version N`` (and ``since_version`` of ``POST /v1/reports``) reads: the
  report made at version N, or the newest made before it, with the same scope;
* inside the report file itself, for the formats that can carry it unseen: an HTML report holds it
  in a ``<script type="application/json" id="gxgraph-report-data">`` element and a CSV report as
  ``report-data.json`` in its zip. ``--since FILE`` reads either, or the JSON itself.

:func:`compare` lists new, closed and moved gaps, new case studies, and new partnerships or
partnerships whose status changed.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, ValidationError

from gxgraph.errors import InvalidInput
from gxgraph.reports.data import ReportData

__all__ = [
    "DATA_ELEMENT_ID",
    "DATA_MEMBER",
    "Change",
    "Changes",
    "GapRef",
    "Snapshot",
    "SnapshotStore",
    "compare",
    "embedded_script",
    "load_baseline",
    "snapshot_of",
]

DATA_ELEMENT_ID = "gxgraph-report-data"
DATA_MEMBER = "report-data.json"
SCORE_MOVE = 0.005  # a score change below this is rounding, not a move
_EMBEDDED = re.compile(rf'<script type="application/json" id="{DATA_ELEMENT_ID}">(.*?)</script>', re.DOTALL)


class GapRef(BaseModel):
    """A gap as a report ranked it."""

    key: str = Field(description="institution|field for a partnership gap, the technology id otherwise.")
    kind: Literal["partnership", "commercialisation"]
    name_en: str
    name_ja: str
    rank: int
    score: float


class Snapshot(BaseModel):
    """What a report showed, enough to say later what changed."""

    report: str
    graph_version: int
    generated_at: dt.datetime
    filters: dict[str, str]
    gaps: list[GapRef]
    case_studies: list[str]
    partnerships: dict[str, str | None]


ChangeKind = Literal[
    "new_gap", "closed_gap", "moved_gap", "new_case_study", "new_partnership", "partnership_status"
]


class Change(BaseModel):
    """One difference between the baseline and this report."""

    change: ChangeKind
    item: str = Field(description="The gap key or node id.")
    kind: str
    before: str | None = None
    after: str | None = None


class Changes(BaseModel):
    """Everything that changed since the baseline."""

    baseline_version: int
    baseline_generated_at: dt.datetime
    items: list[Change]

    def count(self, change: ChangeKind) -> int:
        return sum(1 for item in self.items if item.change == change)


def snapshot_of(data: ReportData) -> Snapshot:
    """The snapshot of a report's data."""
    gaps = [
        GapRef(
            key=f"{row.institution.id}|{row.field.id}",
            kind="partnership",
            name_en=f"{data.name(row.institution.id, 'en')} × {data.name(row.field.id, 'en')}",
            name_ja=f"{data.name(row.institution.id, 'ja')} × {data.name(row.field.id, 'ja')}",
            rank=rank,
            score=row.score,
        )
        for rank, row in enumerate(data.partnership_gaps, 1)
    ]
    gaps += [
        GapRef(
            key=row.id,
            kind="commercialisation",
            name_en=data.name(row.id, "en"),
            name_ja=data.name(row.id, "ja"),
            rank=rank,
            score=row.score,
        )
        for rank, row in enumerate(data.commercialisation_gaps, 1)
    ]
    return Snapshot(
        report=data.request.report,
        graph_version=data.graph_version,
        generated_at=data.generated_at,
        filters=data.request.filters(),
        gaps=gaps,
        case_studies=data.case_studies,
        partnerships=data.partnerships,
    )


def _ranked(gap: GapRef) -> str:
    return f"#{gap.rank} ({gap.score:.3f})"


def compare(baseline: Snapshot, current: Snapshot) -> Changes:
    """What changed from ``baseline`` to ``current``.

    Parameters
    ----------
    baseline, current : Snapshot
        Two reports' snapshots with the same scope.

    Returns
    -------
    Changes
        New gaps, closed gaps, gaps whose rank or score moved, new case studies, and new partnerships
        or ones whose status changed. Cost: O(gaps + case studies + partnerships).

    Examples
    --------
    >>> when = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    >>> gap = GapRef(key="i|f", kind="partnership", name_en="I × F", name_ja="I × F", rank=1, score=0.9)
    >>> old = Snapshot(report="partnership-gaps", graph_version=1, generated_at=when, filters={},
    ...                gaps=[gap], case_studies=[], partnerships={})
    >>> new = old.model_copy(update={"graph_version": 2, "gaps": [], "case_studies": ["cs-x"]})
    >>> [(c.change, c.item) for c in compare(old, new).items]
    [('closed_gap', 'i|f'), ('new_case_study', 'cs-x')]
    """
    if baseline.filters != current.filters or baseline.report != current.report:
        raise InvalidInput(
            "the baseline report has another scope; compare reports of the same scope",
            [{"baseline": baseline.filters, "current": current.filters}],
        )
    before = {(gap.kind, gap.key): gap for gap in baseline.gaps}
    now = {(gap.kind, gap.key): gap for gap in current.gaps}
    items: list[Change] = []
    for key, gap in now.items():
        old = before.get(key)
        if old is None:
            items.append(Change(change="new_gap", item=gap.key, kind=gap.kind, after=_ranked(gap)))
        elif old.rank != gap.rank or abs(old.score - gap.score) >= SCORE_MOVE:
            items.append(
                Change(
                    change="moved_gap", item=gap.key, kind=gap.kind, before=_ranked(old), after=_ranked(gap)
                )
            )
    items += [
        Change(change="closed_gap", item=gap.key, kind=gap.kind, before=_ranked(gap))
        for key, gap in before.items()
        if key not in now
    ]
    known_cases = set(baseline.case_studies)
    items += [
        Change(change="new_case_study", item=case, kind="case_study")
        for case in current.case_studies
        if case not in known_cases
    ]
    for partnership, status in sorted(current.partnerships.items()):
        if partnership not in baseline.partnerships:
            items.append(Change(change="new_partnership", item=partnership, kind="partnership", after=status))
        elif baseline.partnerships[partnership] != status:
            items.append(
                Change(
                    change="partnership_status",
                    item=partnership,
                    kind="partnership",
                    before=baseline.partnerships[partnership],
                    after=status,
                )
            )
    return Changes(
        baseline_version=baseline.graph_version,
        baseline_generated_at=baseline.generated_at,
        items=items,
    )


def _scope_key(filters: dict[str, str]) -> str:
    parts = [f"{name}-{re.sub(r'[^A-Za-z0-9_]+', '_', value)}" for name, value in sorted(filters.items())]
    return "+".join(parts) or "all"


class SnapshotStore:
    """Snapshots of the reports made, one file per report kind, graph version and scope."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, report: str, version: int, filters: dict[str, str]) -> Path:
        return self.folder / f"{report}.v{version}.{_scope_key(filters)}.json"

    def save(self, snapshot: Snapshot) -> Path:
        """Write ``snapshot`` (replacing one of the same version and scope)."""
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = self._path(snapshot.report, snapshot.graph_version, snapshot.filters)
        scratch = path.with_suffix(".tmp")
        scratch.write_text(snapshot.model_dump_json(), encoding="utf-8")
        scratch.replace(path)
        return path

    def find(self, report: str, version: int, filters: dict[str, str]) -> Snapshot:
        """The snapshot of ``version`` with this scope, or the newest one before it."""
        pattern = re.compile(rf"{re.escape(report)}\.v(\d+)\.{re.escape(_scope_key(filters))}\.json")
        found = {
            int(match.group(1)): path
            for path in (self.folder.glob("*.json") if self.folder.is_dir() else [])
            if (match := pattern.fullmatch(path.name))
        }
        usable = [known for known in found if known <= version]
        if not usable:
            raise InvalidInput(
                f"no {report} report with this scope was made at graph version {version} or before",
                [{"versions_with_reports": sorted(found)}],
            )
        return Snapshot.model_validate_json(found[max(usable)].read_text(encoding="utf-8"))


def embedded_script(snapshot: Snapshot) -> str:
    """The ``<script>`` element an HTML report carries its snapshot in (``<`` escaped for HTML)."""
    body = snapshot.model_dump_json().replace("<", "\\u003c")
    return f'<script type="application/json" id="{DATA_ELEMENT_ID}">{body}</script>'


def load_baseline(path: Path) -> Snapshot:
    """The snapshot a previous report file carries: an HTML report, a CSV report's zip, or the JSON."""
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                if DATA_MEMBER not in archive.namelist():
                    raise InvalidInput(f"{path} holds no {DATA_MEMBER}: not a gxgraph CSV report")
                return Snapshot.model_validate_json(archive.read(DATA_MEMBER))
        content = path.read_text(encoding="utf-8")
        match = _EMBEDDED.search(content)
        if match:
            return Snapshot.model_validate_json(match.group(1))
        return Snapshot.model_validate(json.loads(content))
    except (ValidationError, ValueError) as exc:
        raise InvalidInput(
            f"{path} is not a gxgraph report with its data: give an HTML report, a CSV report's zip, "
            "or use --since-version"
        ) from exc
