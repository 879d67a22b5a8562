"""OpenAlex records to gxgraph rows: topics, institutions and authors (the README's mapping table).

* **Topics.** OpenAlex's domain > field > subfield > topic hierarchy becomes ``Field`` nodes
  (``field-openalex-domain-3``, ``-field-17``, ``-subfield-1702``, ``-t10017``) with ``SUBFIELD_OF``
  from each level to its parent. A field already in the graph with the same OpenAlex id or the same
  normalised name (the sample's "Computer Science") is reused, not duplicated.
* **Institutions** (with ROR id, country and type) become ``Institution`` nodes, ``LOCATED_IN`` their
  country, resolved against the graph (:mod:`gxgraph.sources.resolution`). Type ``company`` becomes a
  ``Company`` (``is_japanese`` when the country is JP): Japan's publishing companies.
* **STRONG_IN** from an institution to each field in scope, scored by :func:`strong_in_score` from its
  works in the field (its topics' counts, or a works ``group_by`` when one was fetched).
* **Authors** become ``Expert`` nodes with ``AFFILIATED_WITH`` their last known institution (when it is
  loaded) and ``EXPERT_IN`` their top topics, ``level`` = :func:`expertise_level` of their works there.

Every row's ``source`` names the OpenAlex entity URL and the retrieval date, ``contributed_by`` is
academia, and nothing is marked illustrative: these are OpenAlex's figures (CC0).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from gxgraph.domain.kinds import InstitutionType, Region
from gxgraph.sources.load import Load
from gxgraph.sources.resolution import Incoming, external_id, normalise_name

__all__ = [
    "EXPERT_DAMPING",
    "PREFIX",
    "STRONG_IN_DAMPING",
    "OpenAlexMapping",
    "expertise_level",
    "region_of",
    "strong_in_score",
]

PREFIX = "OpenAlex "
STRONG_IN_DAMPING = 50
"""Works at which the small-count damping of ``strong_in_score`` halves a score."""
EXPERT_DAMPING = 10
"""Works in a topic at which an author's ``EXPERT_IN.level`` is 0.5."""
MAX_EXPERT_TOPICS = 5
_TYPES = {
    "education": InstitutionType.UNIVERSITY,
    "government": InstitutionType.GOVERNMENT_BODY,
    "funder": InstitutionType.GOVERNMENT_BODY,
}
_EUROPE = frozenset(
    {
        "AT",
        "BE",
        "BG",
        "CH",
        "CY",
        "CZ",
        "DE",
        "DK",
        "EE",
        "ES",
        "FI",
        "FR",
        "GB",
        "GR",
        "HR",
        "HU",
        "IE",
        "IS",
        "IT",
        "LI",
        "LT",
        "LU",
        "LV",
        "MT",
        "NL",
        "NO",
        "PL",
        "PT",
        "RO",
        "SE",
        "SI",
        "SK",
    }
)
_MIDDLE_EAST = frozenset({"AE", "BH", "IL", "JO", "KW", "LB", "OM", "QA", "SA"})
_ASIA = frozenset({"AU", "CN", "HK", "KR", "MO", "NZ", "SG", "TW"})


def strong_in_score(works: int, leader_works: int, damping: int = STRONG_IN_DAMPING) -> float:
    """``STRONG_IN.score`` of an institution with ``works`` in a field whose leading institution
    worldwide has ``leader_works`` there.

    ``score = (works / leader_works) * works / (works + damping)``

    The first factor is the institution's share of the field's output relative to the world leader's
    share (the field's total cancels out): field-normalised, so the leader of a small field and the
    leader of a large one both start from 1. The second damps small counts, where a share is noise:
    at ``damping`` (50) works it halves the score, at 450 it keeps 90 %. Cost: O(1).

    Examples
    --------
    >>> strong_in_score(5000, 5000), strong_in_score(2500, 5000)
    (0.99, 0.49)
    >>> strong_in_score(12, 12)  # a "leader" with 12 works is not world-class
    0.194
    """
    if works <= 0 or leader_works <= 0:
        return 0.0
    return round(min(1.0, works / leader_works) * works / (works + damping), 3)


def expertise_level(works: int, damping: int = EXPERT_DAMPING) -> float:
    """``EXPERT_IN.level`` of an author with ``works`` in a topic: ``works / (works + damping)``.

    >>> expertise_level(10), expertise_level(90), expertise_level(0)
    (0.5, 0.9, 0.0)
    """
    return round(works / (works + damping), 3) if works > 0 else 0.0


def region_of(country: str | None, global_south: bool | None = None) -> Region | None:
    """The secretariat's region of an ISO country code; ``global_south`` (OpenAlex's flag, when the
    records were fetched with ``is_global_south``) wins over the built-in country table.

    >>> region_of("JP"), region_of("DE"), region_of("KE"), region_of("US", global_south=True)
    (<Region.JAPAN: 'japan'>, <Region.EUROPE: 'europe'>, <Region.GLOBAL_SOUTH: 'global_south'>, \
<Region.GLOBAL_SOUTH: 'global_south'>)
    """
    if global_south:
        return Region.GLOBAL_SOUTH
    if not country:
        return None
    code = country.upper()
    if code == "JP":
        return Region.JAPAN
    if code in ("US", "CA"):
        return Region.NORTH_AMERICA
    for codes, region in ((_EUROPE, Region.EUROPE), (_MIDDLE_EAST, Region.MIDDLE_EAST), (_ASIA, Region.ASIA)):
        if code in codes:
            return region
    return Region.GLOBAL_SOUTH


def short_id(url: str) -> str:
    """``https://openalex.org/fields/17`` -> ``fields/17``; ``https://openalex.org/T10017`` -> ``T10017``."""
    return url.removeprefix("https://openalex.org/")


def field_node_id(url: str) -> str:
    """The gxgraph id of an OpenAlex domain, field, subfield or topic.

    >>> field_node_id("https://openalex.org/subfields/1702"), field_node_id("https://openalex.org/T10017")
    ('field-openalex-subfield-1702', 'field-openalex-t10017')
    """
    level, _, number = short_id(url).rpartition("/")
    return f"field-openalex-{level.removesuffix('s') + '-' if level else ''}{number.lower()}"


@dataclass
class OpenAlexMapping:
    """Maps one run's records into ``load``; ``retrieved`` is the retrieval date (ISO)."""

    load: Load
    retrieved: str
    scope_fields: set[str] | None = None
    """Field node ids that get STRONG_IN edges; None: every subfield and field of a topic loaded."""
    min_score: float = 0.05
    loaded: dict[str, str] = field(default_factory=dict)
    """OpenAlex institution id (``I...``) -> node id, for the institutions this run loaded."""
    _urls: dict[str, str] = field(default_factory=dict)  # node id -> the first OpenAlex url merged into it
    _fields: dict[str, str] = field(default_factory=dict)  # OpenAlex field url -> node id
    _works: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))

    def _source(self, url: str, what: str = "") -> dict[str, Any]:
        return {
            "source": f"{PREFIX}{url}{what} (retrieved {self.retrieved}; CC0)",
            "contributed_by": "academia",
        }

    # -- topics ----------------------------------------------------------------------------------
    def topics(self, records: Iterable[Mapping[str, Any]]) -> None:
        """Fields for every topic and its subfield, field and domain, with ``SUBFIELD_OF``."""
        by_name = {
            normalise_name(str(props["name_en"])): node_id
            for node_id, props in self.load.stored.items()
            if props.get("kind") == "field"
        }
        by_ext = {
            ext: node_id
            for node_id, props in self.load.stored.items()
            if props.get("kind") == "field"
            for ext in props.get("external_ids") or []
        }
        for topic in sorted(records, key=lambda record: str(record["id"])):
            chain = [topic, *(topic.get(level) for level in ("subfield", "field", "domain"))]
            levels = [item for item in chain if item]
            for child, parent in zip(levels, [*levels[1:], None], strict=True):
                url = str(child["id"])
                if url not in self._fields:
                    ext = external_id("openalex", url)
                    name = str(child.get("display_name") or short_id(url))
                    node_id = by_ext.get(ext) or by_name.get(normalise_name(name)) or field_node_id(url)
                    self._fields[url] = node_id
                    row = {"kind": "field", "id": node_id, "name_en": name, "external_ids": [ext]}
                    if child is topic and topic.get("description"):
                        row["description"] = str(topic["description"])[:10_000]
                    self.load.put_node({**row, **self._source(url)})
                if parent is not None:
                    source, target = (
                        self._fields[url],
                        self._fields.get(str(parent["id"])) or field_node_id(str(parent["id"])),
                    )
                    if source != target:
                        self.load.relationship(
                            {"type": "SUBFIELD_OF", "from": source, "to": target, **self._source(url)}
                        )

    def field_of(self, url: str) -> str | None:
        """The node id of a loaded OpenAlex field (any level), or None."""
        return self._fields.get(url)

    # -- institutions ----------------------------------------------------------------------------
    def institutions(self, records: Iterable[Mapping[str, Any]]) -> None:
        """Institutions and companies, their countries, and their works per field for STRONG_IN."""
        for record in sorted(records, key=lambda r: str(r["id"])):
            node_id = self._institution(record)
            if node_id is None:
                continue
            for topic in record.get("topics") or []:
                count = int(topic.get("count") or 0)
                for level in (topic, topic.get("subfield"), topic.get("field"), topic.get("domain")):
                    target = self._fields.get(str(level["id"])) if level else None
                    if target is not None:
                        key = (node_id, target)
                        self._works[key] = self._works[key] + count

    def _institution(self, record: Mapping[str, Any]) -> str | None:
        url = str(record["id"])
        oa_id = short_id(url)
        country = record.get("country_code") or (record.get("geo") or {}).get("country_code")
        country = str(country).upper() if country else None
        ids = {external_id("openalex", url)}
        for scheme in ("ror", "grid"):
            value = record.get(scheme) or (record.get("ids") or {}).get(scheme)
            if value:
                ids.add(external_id(scheme, str(value)))
        international = ((record.get("international") or {}).get("display_name")) or {}
        name_ja = international.get("ja")
        name = str(record["display_name"])
        alternatives = tuple(str(n) for n in record.get("display_name_alternatives") or [])
        incoming = Incoming(
            key=external_id("openalex", url),
            name=name,
            other_names=(*alternatives, *([str(name_ja)] if name_ja else [])),
            country=country,
            external_ids=frozenset(ids),
        )
        is_company = record.get("type") == "company"
        row: dict[str, Any] = {
            "kind": "company" if is_company else "institution",
            "id": f"{'co' if is_company else 'inst'}-openalex-{oa_id.lower()}",
            "name_en": name[:300],
            "country": country,
            **self._source(url),
        }
        if name_ja:
            row["name_ja"] = str(name_ja)[:300]
        if is_company:
            row["is_japanese"] = country == "JP"
        else:
            row["institution_type"] = _TYPES.get(str(record.get("type")), InstitutionType.RESEARCH_INSTITUTE)
            row["region"] = region_of(country, record.get("is_global_south"))
        node_id = self.load.organisation(incoming, {k: v for k, v in row.items() if v is not None})
        if node_id is None:
            return None
        self.loaded[oa_id] = node_id
        self._urls.setdefault(node_id, url)
        if country:
            geo = record.get("geo") or {}
            self._country(node_id, country, str(geo.get("country") or country), url)
        return node_id

    def _country(self, node_id: str, code: str, name: str, url: str) -> None:
        country_id = f"country-{code.lower()}"
        if self.load.known(country_id) is None:
            row = {"kind": "country", "id": country_id, "name_en": name, "iso_code": code}
            self.load.put_node({**row, "region": region_of(code), **self._source(url, " geo")})
        self.load.relationship({"type": "LOCATED_IN", "from": node_id, "to": country_id, **self._source(url)})

    def world_works(self, field_url: str, groups: Iterable[Mapping[str, Any]]) -> None:
        """Counts from a works ``group_by`` of institutions in one field (``authorships.institutions.id``):
        complete per-field counts, and the field's world leader, even if not loaded."""
        target = self._fields.get(field_url) or field_node_id(field_url)
        for group in groups:
            oa_id = short_id(str(group["key"]))
            node_id = self.loaded.get(oa_id, f"openalex:{oa_id}")  # leader not loaded: still counts
            self._works[(node_id, target)] = max(self._works.get((node_id, target), 0), int(group["count"]))

    def strong_in(self) -> None:
        """STRONG_IN from each loaded institution to each field in scope (score >= ``min_score``)."""
        leaders: dict[str, int] = defaultdict(int)
        for (_, target), works in self._works.items():
            leaders[target] = max(leaders[target], works)
        kinds = {node_id: self.load.nodes[node_id]["kind"] for node_id in set(self.loaded.values())}
        for (node_id, target), works in sorted(self._works.items()):
            if kinds.get(node_id) != "institution" or not self._in_scope(target):
                continue
            score = strong_in_score(works, leaders[target])
            if score >= self.min_score:
                rel = {"type": "STRONG_IN", "from": node_id, "to": target, "score": score}
                what = f" works in {target}: {works}, field leader {leaders[target]}"
                self.load.relationship({**rel, **self._source(self._urls[node_id], what)}, _higher_score)

    def _in_scope(self, target: str) -> bool:
        if self.scope_fields is not None:
            return target in self.scope_fields
        return "-subfield-" in target or "-field-" in target or not target.startswith("field-openalex-")

    # -- authors ---------------------------------------------------------------------------------
    def authors(self, records: Iterable[Mapping[str, Any]]) -> None:
        """Experts with AFFILIATED_WITH their last known institution and EXPERT_IN their top topics."""
        for record in sorted(records, key=lambda r: str(r["id"])):
            url = str(record["id"])
            last = record.get("last_known_institutions") or [record.get("last_known_institution") or {}]
            institution = next((i for i in last if i and short_id(str(i.get("id"))) in self.loaded), None)
            topics = sorted(
                (t for t in record.get("topics") or [] if str(t["id"]) in self._fields),
                key=lambda t: (-int(t.get("count") or 0), str(t["id"])),
            )[:MAX_EXPERT_TOPICS]
            if institution is None and not topics:
                continue
            node_id = f"expert-openalex-{short_id(url).lower()}"
            ids = [external_id("openalex", url)]
            if record.get("orcid"):
                ids.append(external_id("orcid", str(record["orcid"])))
            country = (institution or (last[0] if last else {}) or {}).get("country_code")
            row: dict[str, Any] = {
                "kind": "expert",
                "id": node_id,
                "name_en": str(record["display_name"])[:300],
            }
            row |= {"external_ids": ids, **self._source(url)}
            if country:
                row["country"] = str(country).upper()
            self.load.put_node(row)
            if institution is not None:
                target = self.loaded[short_id(str(institution["id"]))]
                self.load.relationship(
                    {"type": "AFFILIATED_WITH", "from": node_id, "to": target, **self._source(url)}
                )
            for topic in topics:
                level = expertise_level(int(topic.get("count") or 0))
                rel = {
                    "type": "EXPERT_IN",
                    "from": node_id,
                    "to": self._fields[str(topic["id"])],
                    "level": level,
                }
                self.load.relationship({**rel, **self._source(url, f" works in topic: {topic.get('count')}")})


def _higher_score(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    return new if new["score"] > old["score"] else old
