"""PatentsView bulk tables to ``DEVELOPS.patents`` and each technology's reconciled patent figures.

Reads the tables as PatentsView publishes them (TSV, plain, zipped or gzipped): ``g_cpc_current``,
``g_patent``, ``g_assignee_disambiguated``, ``g_location_disambiguated`` and, when present,
``g_us_patent_citation``. Each table is streamed row by row, once, and only what matches the CPC
mapping is kept (patent ids of mapped patents, their assignees and locations), so memory follows the
matched patents, not the tables.

* **Technologies** come from a CPC mapping file (``cpc_prefix,technology_id,name_en,domain``; the
  starter one is ``gxgraph/sources/data/cpc_technologies.csv``): a patent counts towards a technology
  when one of its current CPC groups starts with a prefix mapped to it. Withdrawn patents are skipped.
* **DEVELOPS.patents** of an assignee and a technology is the number of distinct mapped patents.
* A technology's **patent_families** is recomputed as its distinct mapped patents (all assignees) and
  **patent_citations** as the citations those patents receive in ``g_us_patent_citation``: one
  figure from the same rows as the DEVELOPS counts, replacing the old one, never a second one beside
  it. PatentsView holds US grants, not families: the figure counts US grants, and the node's
  ``source`` says so.
* **Assignees** (organisations; individuals are skipped) become companies, or institutions when their
  name says university or institute or their type is a government, through entity resolution
  (``patentsview:<assignee_id>`` first, then names); a location in JP makes a Japanese company.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import re
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import IO, Any

from gxgraph.domain.kinds import RelType
from gxgraph.errors import InvalidInput
from gxgraph.sources.load import Load, SourceReport
from gxgraph.sources.resolution import Incoming
from gxgraph.store.base import GraphStore
from gxgraph.store.journal import SYSTEM, Actor

__all__ = [
    "PREFIX",
    "STARTER_MAPPING",
    "CpcRule",
    "PatentCounts",
    "load_patents",
    "read_mapping",
    "read_tables",
]

PREFIX = "PatentsView "
STARTER_MAPPING = Path(str(resources.files("gxgraph") / "sources" / "data" / "cpc_technologies.csv"))
_INSTITUTION_WORDS = re.compile(r"univers|college|institut|academy|大学|研究所|研究機構", re.IGNORECASE)
_GOVERNMENT_TYPES = {"6", "7", "8", "9"}
_INDIVIDUAL_TYPES = {"4", "5"}
csv.field_size_limit(1 << 24)  # g_patent's abstracts


@dataclass(frozen=True)
class CpcRule:
    """One line of the mapping file."""

    prefix: str
    technology_id: str
    name_en: str
    domain: str


def read_mapping(path: Path) -> list[CpcRule]:
    """The rules of a mapping file (``#`` lines are comments); every problem is listed."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    rules, problems = [], []
    for number, row in enumerate(csv.DictReader(lines), start=2):
        try:
            prefix = row["cpc_prefix"].replace(" ", "").upper()
            rules.append(
                CpcRule(prefix, row["technology_id"].strip(), row["name_en"].strip(), row["domain"].strip())
            )
        except (KeyError, AttributeError):
            problems.append(
                {
                    "file": str(path),
                    "line": number,
                    "message": "needs cpc_prefix, technology_id, name_en, domain",
                }
            )
    if problems or not rules:
        raise InvalidInput(
            f"the CPC mapping {path} is not usable", problems or [{"file": str(path), "message": "no rules"}]
        )
    return sorted(rules, key=lambda rule: (rule.prefix, rule.technology_id))


def _matches(cpc: str, rules: list[CpcRule]) -> set[str]:
    """Technology ids whose prefixes ``cpc`` starts with.

    >>> rules = [CpcRule("H01M10/0562", "t-ssb", "", "gx"), CpcRule("H01M4/", "t-mat", "", "gx")]
    >>> sorted(_matches("H01M10/0562", rules)), sorted(_matches("H01M 4/131", rules))
    (['t-ssb'], ['t-mat'])
    >>> _matches("G06N3/08", rules)
    set()
    """
    code = cpc.replace(" ", "").upper()
    return {rule.technology_id for rule in rules if code.startswith(rule.prefix)}


def _table_path(folder: Path, name: str) -> Path | None:
    for suffix in (".tsv", ".tsv.zip", ".zip", ".tsv.gz"):
        if (folder / f"{name}{suffix}").exists():
            return folder / f"{name}{suffix}"
    return None


@contextmanager
def _open_text(path: Path) -> Iterator[IO[str]]:
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            member = next(n for n in archive.namelist() if n.endswith(".tsv"))
            with archive.open(member) as raw:
                yield io.TextIOWrapper(raw, encoding="utf-8", newline="")
    elif path.suffix == ".gz":
        with gzip.open(path, "rt", encoding="utf-8", newline="") as text:
            yield text
    else:
        with path.open(encoding="utf-8", newline="") as text:
            yield text


def _rows(folder: Path, name: str, required: bool = True) -> Iterator[dict[str, str]]:
    path = _table_path(folder, name)
    if path is None:
        if required:
            raise InvalidInput(f"{folder} has no {name}.tsv (plain, .zip or .gz)")
        return
    with _open_text(path) as text:
        yield from csv.DictReader(text, delimiter="\t")


@dataclass
class PatentCounts:
    """What the tables say about the mapped patents."""

    by_assignee: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))
    by_technology: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    citations: dict[str, int] | None = None
    assignees: dict[str, dict[str, str]] = field(default_factory=dict)
    """assignee_id -> organisation, type, country."""
    files_date: str = ""


def read_tables(folder: Path, rules: list[CpcRule], since: int | None = None) -> PatentCounts:
    """Stream the tables in ``folder`` and count mapped patents per assignee and technology."""
    techs: dict[str, set[str]] = defaultdict(set)
    for row in _rows(folder, "g_cpc_current"):
        found = _matches(row.get("cpc_group") or row.get("cpc_subclass") or "", rules)
        if found:
            techs[row["patent_id"]].update(found)
    valid = set()
    for row in _rows(folder, "g_patent"):
        patent = row["patent_id"]
        if patent in techs and row.get("withdrawn", "0") not in ("1", "true", "True"):
            year = int((row.get("patent_date") or "0000")[:4] or 0)
            if since is None or year >= since:
                valid.add(patent)
    counts = PatentCounts()
    locations: dict[str, str] = {}
    for row in _rows(folder, "g_assignee_disambiguated"):
        patent, organisation = row["patent_id"], (row.get("disambig_assignee_organization") or "").strip()
        kind = (row.get("assignee_type") or "").strip()[-1:]
        if patent not in valid or not organisation or kind in _INDIVIDUAL_TYPES:
            continue
        assignee = row["assignee_id"]
        counts.assignees.setdefault(
            assignee, {"name": organisation, "type": kind, "location": row.get("location_id") or ""}
        )
        locations[row.get("location_id") or ""] = ""
        for tech in techs[patent]:
            counts.by_assignee[(assignee, tech)].add(patent)
    for patent in valid:
        for tech in techs[patent]:
            counts.by_technology[tech].add(patent)
    for row in _rows(folder, "g_location_disambiguated", required=False):
        if row["location_id"] in locations:
            locations[row["location_id"]] = (row.get("disambig_country") or "").strip().upper()
    for info in counts.assignees.values():
        info["country"] = locations.get(info.pop("location"), "")
    if _table_path(folder, "g_us_patent_citation") is not None:
        cited: dict[str, int] = defaultdict(int)
        for row in _rows(folder, "g_us_patent_citation"):
            if row.get("citation_patent_id") in valid:
                cited[row["citation_patent_id"]] += 1
        counts.citations = dict(cited)
    paths = [
        p
        for name in ("g_cpc_current", "g_patent", "g_assignee_disambiguated")
        if (p := _table_path(folder, name))
    ]
    counts.files_date = max(
        dt.datetime.fromtimestamp(p.stat().st_mtime, dt.UTC).date().isoformat() for p in paths
    )
    return counts


def _organisation_row(assignee: str, info: dict[str, str], source: dict[str, Any]) -> dict[str, Any]:
    country = info["country"] or None
    slug = re.sub(r"[^a-z0-9]+", "-", assignee.lower()).strip("-")[:100]
    if _INSTITUTION_WORDS.search(info["name"]) or info["type"] in _GOVERNMENT_TYPES:
        kind = "university" if re.search(r"univers|college|大学", info["name"], re.IGNORECASE) else None
        kind = kind or ("government_body" if info["type"] in _GOVERNMENT_TYPES else "research_institute")
        row: dict[str, Any] = {
            "kind": "institution",
            "id": f"inst-patentsview-{slug}",
            "institution_type": kind,
        }
    else:
        row = {"kind": "company", "id": f"co-patentsview-{slug}", "is_japanese": country == "JP"}
    return {**row, "name_en": info["name"][:300], "country": country, **source}


def load_patents(
    store: GraphStore,
    folder: Path,
    mapping: Path = STARTER_MAPPING,
    *,
    since: int | None = None,
    countries: list[str] | None = None,
    min_patents: int = 1,
    dry_run: bool = False,
    batch_size: int = 5000,
    actor: Actor = SYSTEM,
) -> SourceReport:
    """Read the tables in ``folder`` and import DEVELOPS and technology figures (all or nothing)."""
    rules = read_mapping(mapping)
    counts = read_tables(folder, rules, since)
    load = Load.open(store, "patents", PREFIX)
    tables = "g_cpc_current, g_patent, g_assignee_disambiguated"
    stamp = f"(files of {counts.files_date})"
    load.prefetch(sorted(counts.by_technology))
    names = {rule.technology_id: rule for rule in rules}
    for tech, patents in sorted(counts.by_technology.items()):
        figures: dict[str, Any] = {"patent_families": len(patents)}
        note = f"patent_families = US grants in PatentsView {tables}"
        if counts.citations is not None:
            figures["patent_citations"] = sum(counts.citations.get(p, 0) for p in patents)
            note += "; patent_citations = citations received in g_us_patent_citation"
        if load.known(tech) is None:
            rule = names[tech]
            row = {"kind": "technology", "id": tech, "name_en": rule.name_en, "domain": rule.domain}
            load.put_node(
                {**row, **figures, "source": f"{PREFIX}{note} {stamp}", "contributed_by": "secretariat"}
            )
        else:
            load.set_fields(tech, figures, f"{note} {stamp}")
    wanted = {c.upper() for c in countries or []}
    linked: dict[str, str] = {}
    for assignee, info in sorted(counts.assignees.items()):
        if wanted and info["country"] not in wanted:
            continue
        provenance = {
            "source": f"{PREFIX}g_assignee_disambiguated assignee_id {assignee} {stamp}",
            "contributed_by": "company",
        }
        key = f"patentsview:{assignee}"
        incoming = Incoming(key, info["name"], (), info["country"] or None, frozenset({key}))
        node_id = load.organisation(
            incoming,
            {k: v for k, v in _organisation_row(assignee, info, provenance).items() if v is not None},
        )
        if node_id is not None:
            linked[assignee] = node_id
    per_pair: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (assignee, tech), patents in counts.by_assignee.items():
        if assignee in linked:
            per_pair[(linked[assignee], tech)].update(patents)  # assignees merged into one node add up
    for tech, patents in sorted(counts.by_technology.items()):
        shared = sum(len(p) for (_, t), p in counts.by_assignee.items() if t == tech) - len(patents)
        if shared > 0:
            load.notes.append(
                f"{tech}: {len(patents)} US grants; co-assigned ones count once per assignee in "
                f"DEVELOPS.patents, so its DEVELOPS add up to {len(patents) + shared}"
            )
    stored = store.fetch_relationships(RelType.DEVELOPS, sorted(per_pair))
    for (node_id, tech), patents in sorted(per_pair.items()):
        if len(patents) >= min_patents:
            rel = {"type": "DEVELOPS", "from": node_id, "to": tech, "patents": len(patents)}
            source = f"{PREFIX}{tables}: distinct US grants of {node_id} in {tech}'s CPC groups {stamp}"
            load.relationship({**rel, **_kept_publications(stored.get((node_id, tech)), source)})
    return load.write(dry_run=dry_run, batch_size=batch_size, actor=actor)


def _kept_publications(old: dict[str, Any] | None, source: str) -> dict[str, Any]:
    """Provenance of a DEVELOPS row, keeping a publication count someone else recorded on the same
    relationship (with its source and illustrative flag: the patents are ours, the count is theirs)."""
    row: dict[str, Any] = {"source": source, "contributed_by": "company"}
    if not old or old.get("publications") is None:
        return row
    old_source = str(old.get("source", ""))
    note = old_source.partition("; publications: ")[2] if old_source.startswith(PREFIX) else old_source
    row["publications"] = old["publications"]
    row["illustrative"] = bool(old.get("illustrative"))
    if note and len(source) + len(note) < 980:
        row["source"] = f"{source}; publications: {note}"
    return row
