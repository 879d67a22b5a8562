"""What an OpenAlex run fetches (its scope and plan), from the API or from snapshot files, and the load.

The user chooses the scope: fields (an OpenAlex domain, field, subfield or topic id), countries,
institutions (OpenAlex or ROR ids), the top N institutions per field worldwide, the Global South,
Japan's publishing companies, and how many experts per institution. :func:`plan` turns it into API
queries; :func:`describe` is the dry run's listing with its request estimate. :func:`fetch_api`
downloads through :class:`gxgraph.sources.openalex.OpenAlexClient` (resumable);
:func:`read_snapshot` selects the same records from the snapshot's gzipped JSON Lines files without
any request. Both end in :func:`load_records`, one import.
"""

from __future__ import annotations

import datetime as dt
import gzip
import heapq
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from gxgraph.domain.kinds import Region
from gxgraph.sources.checkpoint import Checkpoint
from gxgraph.sources.load import Load, SourceReport
from gxgraph.sources.openalex import OpenAlexClient, Query, read_spool
from gxgraph.sources.openalex_mapping import PREFIX, OpenAlexMapping, field_node_id, region_of, short_id
from gxgraph.store.base import GraphStore
from gxgraph.store.journal import SYSTEM, Actor

__all__ = ["Records", "Scope", "describe", "fetch_api", "load_records", "plan", "read_snapshot"]

Record = dict[str, Any]
_LEVELS = {"domains": "domain", "fields": "field", "subfields": "subfield"}
_ID_BATCH = 50
_GROUP_BY = "authorships.institutions.id"


class Scope(BaseModel):
    """What to load from OpenAlex; everything selected is loaded together (a union of institutions)."""

    fields: list[str] = Field(default_factory=list, description="fields/17, subfields/1702, T10017, ...")
    countries: list[str] = Field(default_factory=list, description="ISO codes: all their institutions.")
    institutions: list[str] = Field(default_factory=list, description="OpenAlex (I...) or ROR ids.")
    top: int | None = Field(default=None, ge=1, le=200, description="Top N institutions per field.")
    global_south: bool = False
    japanese_companies: bool = False
    experts: int = Field(default=5, ge=0, le=200, description="Authors per institution, most works first.")
    min_score: float = Field(default=0.05, ge=0, le=1)

    def field_ids(self) -> list[str]:
        """The scope's fields as OpenAlex short ids (``fields/17``, ``T10017``)."""
        return [short_id(value.strip()) for value in self.fields]


def _filter(field_id: str, prefix: str) -> str:
    level, _, number = field_id.rpartition("/")
    return f"{prefix}{_LEVELS[level]}.id:{number}" if level else f"{prefix}id:{number}"


def _institution_filter(ids: list[str]) -> list[str]:
    """Filters fetching institutions by OpenAlex or ROR id, 50 ids a request.

    >>> _institution_filter(["https://openalex.org/I27837315", "ror:057zh3y96", "I1"])
    ['openalex:I1|I27837315', 'ror:057zh3y96']
    """
    oa = sorted(i for i in ids if re.fullmatch(r"[Ii]\d+", short_id(i)))
    ror = sorted(i.removeprefix("ror:") for i in ids if i not in oa)
    batches = [
        f"openalex:{'|'.join(short_id(i) for i in oa[n : n + _ID_BATCH])}"
        for n in range(0, len(oa), _ID_BATCH)
    ]
    return batches + [f"ror:{'|'.join(ror[n : n + _ID_BATCH])}" for n in range(0, len(ror), _ID_BATCH)]


@dataclass
class Plan:
    """The API queries of a scope (authors come after: one query per institution loaded)."""

    topics: list[Query]
    groups: list[tuple[str, Query]]
    institutions: list[Query]
    experts: int


def plan(scope: Scope) -> Plan:
    """The queries that fetch ``scope``."""
    fields = scope.field_ids()
    topics = [Query("topics", _filter(f, "")) for f in fields] or [Query("topics")]
    groups = [(f, Query("works", _filter(f, "primary_topic."))) for f in fields] if scope.top else []
    institutions = [Query("institutions", f) for f in _institution_filter(scope.institutions)]
    institutions += [Query("institutions", f"country_code:{c.lower()}") for c in sorted(scope.countries)]
    if scope.global_south:
        institutions.append(Query("institutions", "is_global_south:true"))
    if scope.japanese_companies:
        institutions.append(Query("institutions", "country_code:jp,type:company"))
    return Plan(topics, groups, institutions, scope.experts)


def describe(scope: Scope, client: OpenAlexClient | None) -> tuple[list[str], int]:
    """The dry run: a line per query with its records and requests, and the total requests. With a
    client, each list query's size is asked (one small request each, not counted in the total)."""
    queries = plan(scope)
    lines, total = [], 0
    for query in queries.topics + queries.institutions:
        count = client.count(query) if client else None
        requests = query.estimated_requests(count) if count is not None else None
        total += requests or 0
        lines.append(
            f"{query.entity}?filter={query.filter or ''}: {count if count is not None else '?'} records, "
            f"{requests if requests is not None else '?'} requests"
        )
    for field_id, query in queries.groups:
        total += 1
        lines.append(
            f"works?filter={query.filter}&group_by={_GROUP_BY}: top {scope.top} of {field_id}, 1 request"
        )
    if queries.groups:
        by_id = -(-(scope.top or 0) * len(queries.groups) // _ID_BATCH)
        total += by_id
        lines.append(f"institutions by id (the top {scope.top} of each field): at most {by_id} requests")
    institutions = len(scope.institutions) + (scope.top or 0) * len(queries.groups)
    lines.append(
        f"authors: up to {queries.experts} per institution loaded, 1 request per institution "
        f"(at least {institutions} known before the institution queries run)"
    )
    total += institutions if queries.experts else 0
    return lines, total


@dataclass
class Records:
    """What a run maps: record streams and, per field, a works ``group_by``."""

    topics: list[Record]
    institutions: list[Record]
    authors: list[Record]
    groups: dict[str, list[Record]] = field(default_factory=dict)
    retrieved: str = field(default_factory=lambda: dt.date.today().isoformat())


def fetch_api(client: OpenAlexClient, scope: Scope, folder: Path) -> Records:
    """Download ``scope`` into ``folder`` (resumable: ``folder/checkpoint.json``)."""
    checkpoint = Checkpoint(folder / "checkpoint.json")
    queries = plan(scope)
    topics = [r for q in queries.topics for r in read_spool(client.download(q, folder, checkpoint))]
    groups: dict[str, list[Record]] = {}
    dates = {checkpoint.get(q.key).retrieved for q in queries.topics}
    for field_id, query in queries.groups:
        path = folder / f"{query.key}-group-by.json"
        if not path.exists():
            answer = {"retrieved": dt.date.today().isoformat(), "groups": client.group_by(query, _GROUP_BY)}
            path.write_text(json.dumps(answer), encoding="utf-8")
        saved = json.loads(path.read_text(encoding="utf-8"))
        groups[field_id] = saved["groups"]
        dates.add(saved["retrieved"])
    top = sorted({str(g["key"]) for rows in groups.values() for g in rows[: scope.top or 0] if g.get("key")})
    by_id = [Query("institutions", f) for f in _institution_filter(top)]
    institutions: dict[str, Record] = {}
    for query in by_id + queries.institutions:
        for record in read_spool(client.download(query, folder, checkpoint)):
            if query.filter == "is_global_south:true":
                record["is_global_south"] = True
            institutions.setdefault(str(record["id"]), record)
    authors: list[Record] = []
    author_keys = []
    for oa_id in sorted(short_id(i) for i in institutions) if queries.experts else []:
        query = Query("authors", f"last_known_institutions.id:{oa_id}", "works_count:desc", queries.experts)
        authors.extend(read_spool(client.download(query, folder, checkpoint)))
        author_keys.append(query.key)
    dates |= {checkpoint.get(q.key).retrieved for q in by_id + queries.institutions}
    if queries.experts:
        dates |= {checkpoint.get(key).retrieved for key in author_keys}
    # The oldest retrieval date of what was used: a download resumed or reused later says so.
    today = dt.date.today().isoformat()
    return Records(
        topics, list(institutions.values()), authors, groups, min((d for d in dates if d), default=today)
    )


def _snapshot_files(root: Path, entity: str) -> list[Path]:
    return sorted({*root.glob(f"data/{entity}/*/*.gz"), *root.glob(f"{entity}/*/*.gz")})


def _snapshot_records(files: list[Path]) -> Iterator[Record]:
    for path in files:
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    yield json.loads(line)


def snapshot_files(root: Path) -> dict[str, list[Path]]:
    """The snapshot's entity files (``data/<entity>/updated_date=.../part_*.gz``)."""
    return {entity: _snapshot_files(root, entity) for entity in ("topics", "institutions", "authors")}


def _retrieved(files: Iterable[Path]) -> str:
    dates = [m.group(1) for p in files if (m := re.search(r"updated_date=(\d{4}-\d{2}-\d{2})", str(p)))]
    return max(dates) if dates else dt.date.today().isoformat()


def _in_fields(topic: Record, fields: set[str]) -> bool:
    levels = [topic, *(topic.get(level) or {} for level in ("subfield", "field", "domain"))]
    return not fields or any(short_id(str(level.get("id"))) in fields for level in levels)


def read_snapshot(root: Path, scope: Scope) -> Records:
    """Select ``scope`` from snapshot files in one pass per entity, holding only what is selected.

    "Top N per field" ranks institutions by their topics' counts in the field (the snapshot has no
    ``group_by``), and the Global South is the built-in country table (``region_of``): the snapshot's
    records carry no ``is_global_south`` flag."""
    files = snapshot_files(root)
    fields = set(scope.field_ids())
    topics = [t for t in _snapshot_records(files["topics"]) if _in_fields(t, fields)]
    wanted = {short_id(i) for i in scope.institutions} | {i.removeprefix("ror:") for i in scope.institutions}
    countries = {c.upper() for c in scope.countries}
    chosen: dict[str, Record] = {}
    heaps: dict[str, list[tuple[int, str, Record]]] = defaultdict(list)
    for record in _snapshot_records(files["institutions"]):
        oa_id, country = short_id(str(record["id"])), str(record.get("country_code") or "").upper()
        ror = str(record.get("ror") or "").removeprefix("https://ror.org/")
        if (
            oa_id in wanted
            or (ror and ror in wanted)
            or country in countries
            or (scope.global_south and region_of(country) is Region.GLOBAL_SOUTH)
            or (scope.japanese_companies and country == "JP" and record.get("type") == "company")
        ):
            chosen[oa_id] = record
        if scope.top:
            for field_id in fields:
                works = sum(
                    int(t.get("count") or 0) for t in record.get("topics") or [] if _in_fields(t, {field_id})
                )
                if works:
                    entry = (works, oa_id, record)
                    (heapq.heappush if len(heaps[field_id]) < scope.top else heapq.heappushpop)(
                        heaps[field_id], entry
                    )
    for heap in heaps.values():
        chosen.update((oa_id, record) for _, oa_id, record in heap)
    authors: dict[str, list[tuple[int, str, Record]]] = defaultdict(list)
    for record in _snapshot_records(files["authors"]) if scope.experts else iter(()):
        last = record.get("last_known_institutions") or [record.get("last_known_institution") or {}]
        for institution in last:
            oa_id = short_id(str((institution or {}).get("id")))
            if oa_id in chosen:
                entry = (int(record.get("works_count") or 0), str(record["id"]), record)
                heap = authors[oa_id]
                (heapq.heappush if len(heap) < scope.experts else heapq.heappushpop)(heap, entry)
                break
    selected = {str(r["id"]): r for heap in authors.values() for _, _, r in heap}
    retrieved = _retrieved(path for paths in files.values() for path in paths)
    return Records(topics, list(chosen.values()), list(selected.values()), {}, retrieved)


def load_records(
    store: GraphStore,
    records: Records,
    scope: Scope,
    *,
    dry_run: bool = False,
    batch_size: int = 5000,
    actor: Actor = SYSTEM,
) -> SourceReport:
    """Map ``records`` and import them (one all-or-nothing import; ``dry_run`` writes nothing)."""
    load = Load.open(store, "openalex", PREFIX)
    scope_fields = {field_node_id(f) for f in scope.field_ids()} or None
    mapping = OpenAlexMapping(load, records.retrieved, None, scope.min_score)
    mapping.topics(records.topics)
    if scope_fields is not None:  # a scope field reused from the graph keeps the graph's id
        mapping.scope_fields = {
            mapping.field_of("https://openalex.org/" + f) or field_node_id(f) for f in scope.field_ids()
        }
    mapping.institutions(records.institutions)
    for field_id, groups in sorted(records.groups.items()):
        mapping.world_works("https://openalex.org/" + field_id, groups)
    mapping.strong_in()
    if not records.groups:
        load.notes.append("STRONG_IN: each field's leader is the best loaded institution (no works group_by)")
    mapping.authors(records.authors)
    load.notes.append(
        f"{len(records.topics)} topics, {len(records.institutions)} institutions, "
        f"{len(records.authors)} authors read (retrieved {records.retrieved})"
    )
    return load.write(dry_run=dry_run, batch_size=batch_size, actor=actor)
