"""Partner selection by the report's own criteria: world-class science *and* business conversion, and
what a partnership transfers.

The source report (p.6, 選定基準) says the institutions to partner with must be world top-class both in
science and technology and in converting them into business (ビジネスの転用), and that the content of
a partnership matters most: it must let Japan acquire know-how structurally. Three analyses follow.

**Commercialisation strength** of an institution in a field (:func:`commercialisation_strength`)
scores its record of turning research into business. A *record* is one of

* ``spin_outs``: a company ``SPUN_OUT_OF`` the institution;
* ``licences``: a licence the institution granted (``LICENSED`` to a company);
* ``incubated``: a venture the institution ``INCUBATED``;
* ``deployments``: a case study ``DEPLOYED_BY`` a company that ``USES`` a technology the institution
  ``DEVELOPS`` (the technology -> business model -> case study chain: the evidence goes through the
  business model when the technology ``ENABLES`` one the case study is ``PROVEN_BY``; a shared
  business model alone does not count, since generic models are proven by unrelated cases).

A record belongs to field ``f`` when ``f`` ``COVERS`` a technology of the record: the licensed
technology (the licensee's technologies when the licence names none), the deployed technology, or a
technology the spin-out or venture develops or deploys. With ``n_k`` records of kind ``k`` in the
field and ``peak_k`` the most any institution has in that field,

``relative_k = log(1 + n_k) / log(1 + peak_k)`` (0 when ``peak_k`` is 0): normalised within the field,
on a log scale so that the tenth spin-out adds less than the first;

``score = damping x (0.5 best + 0.5 breadth)``, where ``best = max_k relative_k`` (an institution
that leads one route to business scores well), ``breadth = mean_k relative_k`` (the four routes
weigh equally: the report names none above another), and ``damping = N / (N + 2)`` with ``N`` the
number of records, so one or two records cannot make an institution look world-class even where
nobody has more (1 record: 0.33, 4: 0.67, 10: 0.83).

**Partner matrix** (:func:`partner_matrix`): every candidate (non-Japanese) institution of a field on
science strength (its ``STRONG_IN`` score) x commercialisation strength, in four quadrants
(``partner_now`` when both reach their thresholds, ``science_only``, ``business_only``, ``neither``),
with its partnerships that include a Japanese party and whether an active one transfers know-how
structurally. The *actionable* list is the ``partner_now`` quadrant without such an active
partnership. Without a field, each institution is placed by its best ``STRONG_IN`` score and its
whole record, normalised over all institutions.

**Partnership content review** (:func:`partnership_content_review`): each partnership's content class
under the rule of :mod:`gxgraph.domain.know_how`, and the gap list of those that only exchange
people (the report's warning).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

import networkx as nx
from pydantic import BaseModel, Field

from gxgraph.analytics.graph import country_regions, is_japanese, nodes_of_kind
from gxgraph.analytics.recommend import parties_of
from gxgraph.analytics.rows import EvidencePath, NodeRow, PlacedNodeRow, Scored, Step
from gxgraph.domain.know_how import ContentClass, content_class, transfers_know_how_structurally

__all__ = [
    "DAMPING",
    "RECORD_KINDS",
    "CommercialisationStrength",
    "ContentReview",
    "MatrixPartnership",
    "MatrixPoint",
    "PartnerMatrix",
    "PartnershipContentReview",
    "Quadrant",
    "commercialisation_scores",
    "commercialisation_strength",
    "partner_matrix",
    "partnership_content_review",
]

RecordKind = Literal["spin_outs", "licences", "incubated", "deployments"]
RECORD_KINDS: tuple[RecordKind, ...] = ("spin_outs", "licences", "incubated", "deployments")
"""The four routes from research to business, in the order components are reported."""
DAMPING = 2.0
"""Records at which the damping factor ``N / (N + DAMPING)`` reaches one half."""
Quadrant = Literal["partner_now", "science_only", "business_only", "neither"]
EVIDENCE_PER_ROW = 6


@dataclass
class _Record:
    """One commercialisation record of an institution, and the steps that tie it to each field."""

    kind: RecordKind
    note: str
    steps: list[Step]
    fields: dict[str, list[Step]] = field(default_factory=dict)


def _steps_of(pairs: Iterable[tuple[str, str, str]]) -> list[Step]:
    return [Step(from_id=a, type=t, to_id=b) for a, t, b in pairs]


def _company_technologies(graph: nx.MultiDiGraph, company: str) -> dict[str, list[Step]]:
    """Technology -> steps showing the company develops it or deploys a case study using it."""
    found: dict[str, list[Step]] = {}
    for tech, keys in sorted(graph.succ[company].items()):
        if "DEVELOPS" in keys:
            found.setdefault(tech, _steps_of([(company, "DEVELOPS", tech)]))
    for case, keys in sorted(graph.pred[company].items()):
        if "DEPLOYED_BY" not in keys:
            continue
        for tech, uses in sorted(graph.succ[case].items()):
            if "USES" in uses:
                pairs = [(case, "DEPLOYED_BY", company), (case, "USES", tech)]
                found.setdefault(tech, _steps_of(pairs))
    return found


def _attribute(covering: dict[str, list[str]], techs: dict[str, list[Step]]) -> dict[str, list[Step]]:
    """Field -> the steps tying a record to it: the first technology (by id) the field covers."""
    fields: dict[str, list[Step]] = {}
    for tech in sorted(techs):
        for fld in covering.get(tech, []):
            fields.setdefault(fld, [*techs[tech], Step(from_id=fld, type="COVERS", to_id=tech)])
    return fields


def _records(graph: nx.MultiDiGraph) -> dict[str, list[_Record]]:
    """Institution -> its commercialisation records, each with its field attribution. O(n + m)."""
    covering: dict[str, list[str]] = defaultdict(list)
    for fld in nodes_of_kind(graph, "field"):
        for tech, keys in graph.succ[fld].items():
            if "COVERS" in keys:
                covering[tech].append(fld)
    company_techs: dict[str, dict[str, list[Step]]] = {}

    def techs_of(company: str) -> dict[str, list[Step]]:
        if company not in company_techs:
            company_techs[company] = _company_technologies(graph, company)
        return company_techs[company]

    records: dict[str, list[_Record]] = defaultdict(list)
    for inst in nodes_of_kind(graph, "institution"):
        for company, keys in sorted(graph.pred[inst].items()):
            if "SPUN_OUT_OF" in keys and graph.nodes[company].get("kind") == "company":
                year = keys["SPUN_OUT_OF"].get("year")
                step = Step(from_id=company, type="SPUN_OUT_OF", to_id=inst)
                note = f"{company} spun out of {inst}" + (f" in {year}" if year else "")
                records[inst].append(
                    _Record("spin_outs", note, [step], _attribute(covering, techs_of(company)))
                )
        for company, keys in sorted(graph.succ[inst].items()):
            if graph.nodes[company].get("kind") != "company":
                continue
            if "INCUBATED" in keys:
                year = keys["INCUBATED"].get("year")
                step = Step(from_id=inst, type="INCUBATED", to_id=company)
                note = f"{inst} incubated {company}" + (f" in {year}" if year else "")
                records[inst].append(
                    _Record("incubated", note, [step], _attribute(covering, techs_of(company)))
                )
            if "LICENSED" in keys:
                licence = keys["LICENSED"]
                tech = licence.get("technology")
                step = Step(from_id=inst, type="LICENSED", to_id=company)
                if tech in graph and graph.nodes[tech].get("kind") == "technology":
                    licensed: dict[str, list[Step]] = {tech: []}
                    note = f"{inst} licensed {tech} to {company}"
                else:  # no (known) technology named: the licensee's technologies place it
                    licensed = techs_of(company)
                    note = f"{inst} licensed technology to {company}"
                note += f" in {licence['year']}" if licence.get("year") else ""
                records[inst].append(_Record("licences", note, [step], _attribute(covering, licensed)))
        records[inst] += _deployments(graph, inst, covering)
    return records


def _deployments(graph: nx.MultiDiGraph, inst: str, covering: dict[str, list[str]]) -> list[_Record]:
    """Case studies deployed by a company that use one of the institution's technologies; one record
    per case study, its evidence through the business model when the technology enables one the case
    study proves."""
    by_case: dict[str, dict[str, list[Step]]] = {}
    for tech, keys in sorted(graph.succ[inst].items()):
        if "DEVELOPS" not in keys:
            continue
        develops = Step(from_id=inst, type="DEVELOPS", to_id=tech)
        models = [m for m, rels in sorted(graph.succ[tech].items()) if "ENABLES" in rels]
        for case, uses in sorted(graph.pred[tech].items()):
            if "USES" not in uses:
                continue
            deployer = next(
                (c for c, rels in sorted(graph.succ[case].items()) if "DEPLOYED_BY" in rels), None
            )
            if deployer is None:
                continue
            chain = [develops, Step(from_id=case, type="USES", to_id=tech)]
            model = next((m for m in models if graph.has_edge(m, case, key="PROVEN_BY")), None)
            if model is not None:
                chain += [
                    Step(from_id=tech, type="ENABLES", to_id=model),
                    Step(from_id=model, type="PROVEN_BY", to_id=case),
                ]
            chain.append(Step(from_id=case, type="DEPLOYED_BY", to_id=deployer))
            by_case.setdefault(case, {}).setdefault(tech, chain)
    found = []
    for case, techs in sorted(by_case.items()):
        first = techs[min(techs)]
        note = f"{first[-1].to_id} deployed {case}, which uses technology {inst} develops"
        fields: dict[str, list[Step]] = {}
        for tech in sorted(techs):
            for fld in covering.get(tech, []):
                fields.setdefault(fld, [*techs[tech], Step(from_id=fld, type="COVERS", to_id=tech)])
        found.append(_Record("deployments", note, first, fields))
    return found


class CommercialisationStrength(Scored):
    """An institution's record of turning research into business, in one field or overall."""

    institution: PlacedNodeRow
    field: NodeRow | None = Field(description="The field; null when the record is counted overall.")
    counts: dict[str, int] = Field(description="Records of each kind: spin_outs, licences, incubated, ...")


def _score(counts: dict[RecordKind, int], peaks: dict[RecordKind, int]) -> tuple[float, dict[str, float]]:
    relative: dict[str, float] = {
        k: math.log1p(counts[k]) / math.log1p(peaks[k]) if peaks[k] else 0.0 for k in RECORD_KINDS
    }
    total = sum(counts.values())
    best, breadth = max(relative.values()), sum(relative.values()) / len(RECORD_KINDS)
    damping = total / (total + DAMPING)
    components: dict[str, float] = {**relative, "best": best, "breadth": breadth, "damping": damping}
    return damping * (0.5 * best + 0.5 * breadth), components


def _in_field(records: list[_Record], fld: str | None) -> list[_Record]:
    return [r for r in records if fld is None or fld in r.fields]


def _counts(records: list[_Record]) -> dict[RecordKind, int]:
    counts = dict.fromkeys(RECORD_KINDS, 0)
    for record in records:
        counts[record.kind] += 1
    return counts


def _strengths(
    graph: nx.MultiDiGraph, records: dict[str, list[_Record]], fld: str | None
) -> dict[str, CommercialisationStrength]:
    """Institution -> its strength in ``fld`` (overall when None), for institutions with records there."""
    placed = {inst: _in_field(recs, fld) for inst, recs in records.items()}
    counts = {inst: _counts(recs) for inst, recs in placed.items() if recs}
    peaks = {k: max((c[k] for c in counts.values()), default=0) for k in RECORD_KINDS}
    regions = country_regions(graph)
    found = {}
    for inst, count in counts.items():
        score, components = _score(count, peaks)
        evidence = []
        for record in placed[inst][:EVIDENCE_PER_ROW]:
            if fld is None:
                steps = record.steps
            elif record.kind == "deployments":
                steps = record.fields[fld]  # the chain through the technology this field covers
            else:
                steps = [*record.steps, *record.fields[fld]]
            evidence.append(EvidencePath(note=record.note, steps=steps))
        found[inst] = CommercialisationStrength(
            score=score,
            components=components,
            evidence=evidence,
            institution=PlacedNodeRow.of(graph, inst, regions),
            field=NodeRow.of(graph, fld) if fld else None,
            counts=dict(count),
        )
    return found


def commercialisation_strength(
    graph: nx.MultiDiGraph, *, field: str | None = None, limit: int | None = None
) -> list[CommercialisationStrength]:
    """Institutions ranked by their record of turning research into business, in a field or overall.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The projection.
    field : str, optional
        A field id: count only the records this field covers and normalise among its institutions.
        Without it, every record counts and institutions are normalised among all.
    limit : int, optional
        Most rows returned.

    Returns
    -------
    list of CommercialisationStrength
        Institutions with at least one record, best first (score, then id); ``components`` holds
        each kind's ``relative_k``, ``best``, ``breadth`` and ``damping`` (module docstring), and the
        evidence paths show the records. Cost: O(n + m).

    Examples
    --------
    >>> from gxgraph.analytics.graph import graph_from_rows
    >>> g = graph_from_rows([{"kind": "institution", "id": "i"}, {"kind": "company", "id": "c"},
    ...     {"type": "SPUN_OUT_OF", "from": "c", "to": "i", "year": 2020}])
    >>> row = commercialisation_strength(g)[0]
    >>> row.institution.id, row.counts["spin_outs"], round(row.score, 4)  # 1/3 x (0.5 + 0.5 x 1/4)
    ('i', 1, 0.2083)
    >>> row.evidence[0].note
    'c spun out of i in 2020'
    """
    rows = sorted(
        _strengths(graph, _records(graph), field).values(), key=lambda r: (-r.score, r.institution.id)
    )
    return rows[:limit] if limit is not None else rows


def commercialisation_scores(graph: nx.MultiDiGraph) -> dict[tuple[str, str], float]:
    """(institution, field) -> commercialisation strength, for every pair with a record. O(n + m).

    What :func:`gxgraph.analytics.partnership_gaps.partnership_gaps` weighs its gaps with.

    >>> from gxgraph.analytics.graph import graph_from_rows
    >>> g = graph_from_rows([{"kind": "institution", "id": "i"}, {"kind": "company", "id": "c"},
    ...     {"kind": "field", "id": "f"}, {"kind": "technology", "id": "t"},
    ...     {"type": "COVERS", "from": "f", "to": "t"}, {"type": "DEVELOPS", "from": "c", "to": "t"},
    ...     {"type": "INCUBATED", "from": "i", "to": "c"}])
    >>> {pair: round(score, 4) for pair, score in commercialisation_scores(g).items()}
    {('i', 'f'): 0.2083}
    """
    records = _records(graph)
    fields = sorted({fld for recs in records.values() for r in recs for fld in r.fields})
    scores = {}
    for fld in fields:
        for inst, row in _strengths(graph, records, fld).items():
            scores[(inst, fld)] = row.score
    return dict(sorted(scores.items()))


class MatrixPartnership(PlacedNodeRow):
    """A partnership of a matrix institution that includes a Japanese party."""

    status: str | None = None
    content: list[str] = Field(default_factory=list, description="What it transfers (may be empty).")
    content_class: ContentClass
    structural: bool = Field(description="True when its content acquires know-how structurally.")


class MatrixPoint(PlacedNodeRow, Scored):
    """An institution placed on science strength x commercialisation strength.

    ``score`` is science x commercialisation: both are needed, as the report says.
    """

    science: float = Field(description="STRONG_IN score in the field (the best one without a field).")
    science_field: str | None = Field(description="The field the science score is from.")
    commercialisation: float
    quadrant: Quadrant
    partnerships: list[MatrixPartnership] = Field(
        description="Partnerships (any status) of the institution that include a Japanese party."
    )
    partnered: bool = Field(description="An ACTIVE partnership with a Japanese party exists.")
    know_how_partnership: bool = Field(
        description="An ACTIVE partnership with a Japanese party transfers know-how structurally."
    )
    actionable: bool = Field(description="partner_now, but no active know-how-transferring partnership.")


class PartnerMatrix(BaseModel):
    """Candidate partners of a field on the report's two axes, with the quadrants and the actionable list."""

    field: NodeRow | None = Field(description="The field; null for all fields (best STRONG_IN score).")
    science_threshold: float
    commercialisation_threshold: float
    points: list[MatrixPoint] = Field(description="Every candidate, best first (score, then id).")
    quadrants: dict[str, list[str]] = Field(description="Quadrant -> institution ids, best first.")
    actionable: list[str] = Field(
        description="partner_now institutions without an active partnership that transfers know-how "
        "structurally: whom to approach, or whose partnership content to change."
    )
    chart: dict[str, Any] = Field(description="The matrix as a Vega-Lite v5 scatter-plot specification.")


def _japanese_partnerships(graph: nx.MultiDiGraph, inst: str) -> list[MatrixPartnership]:
    found = []
    for deal, keys in sorted(graph.pred[inst].items()):
        if "PARTY" not in keys or graph.nodes[deal].get("kind") != "partnership":
            continue
        others = [p for p in parties_of(graph, deal) if p != inst]
        if not any(is_japanese(graph, p) for p in others):
            continue
        content = list(graph.nodes[deal].get("content") or [])
        found.append(
            MatrixPartnership.of(
                graph,
                deal,
                status=graph.nodes[deal].get("status"),
                content=content,
                content_class=content_class(content),
                structural=transfers_know_how_structurally(content),
            )
        )
    return found


def _quadrant(science: float, business: float, science_min: float, business_min: float) -> Quadrant:
    if science >= science_min:
        return "partner_now" if business >= business_min else "science_only"
    return "business_only" if business >= business_min else "neither"


def _chart(title: str, points: list[MatrixPoint], science_min: float, business_min: float) -> dict[str, Any]:
    values = [
        {
            "id": p.id,
            "name": p.name_en,
            "science": p.science,
            "commercialisation": round(p.commercialisation, 4),
            "quadrant": p.quadrant,
            "partnered": p.partnered,
            "know_how_partnership": p.know_how_partnership,
        }
        for p in points
    ]
    axis = {"type": "quantitative", "scale": {"domain": [0, 1]}}
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": title,
        "data": {"values": values},
        "layer": [
            {
                "mark": {"type": "point", "filled": True, "size": 120},
                "encoding": {
                    "x": {"field": "science", "title": "science strength (STRONG_IN)", **axis},
                    "y": {"field": "commercialisation", "title": "commercialisation strength", **axis},
                    "color": {"field": "quadrant", "type": "nominal"},
                    "shape": {"field": "partnered", "type": "nominal", "title": "active Japanese partner"},
                    "tooltip": [{"field": "name"}, {"field": "science"}, {"field": "commercialisation"}],
                },
            },
            {"mark": {"type": "rule", "strokeDash": [4, 4]}, "encoding": {"x": {"datum": science_min}}},
            {"mark": {"type": "rule", "strokeDash": [4, 4]}, "encoding": {"y": {"datum": business_min}}},
        ],
    }


def partner_matrix(
    graph: nx.MultiDiGraph,
    *,
    field: str | None = None,
    science_threshold: float = 0.8,
    commercialisation_threshold: float = 0.5,
) -> PartnerMatrix:
    """Place every candidate partner of a field on science x commercialisation strength.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The projection.
    field : str, optional
        A field id; without it every institution is placed by its best ``STRONG_IN`` score and its
        whole commercialisation record.
    science_threshold : float
        ``STRONG_IN`` score from which science counts as world-class.
    commercialisation_threshold : float
        Commercialisation strength from which business conversion counts as world-class.

    Returns
    -------
    PartnerMatrix
        Candidates are the non-Japanese institutions ``STRONG_IN`` the field or with a record in it.
        Each point has both scores, its quadrant, its partnerships with Japanese parties and the
        ``actionable`` flag; ``chart`` is a Vega-Lite scatter plot of the points. Cost: O(n + m).

    Examples
    --------
    >>> from gxgraph.analytics.graph import graph_from_rows
    >>> g = graph_from_rows([{"kind": "institution", "id": "i", "country": "IL"},
    ...     {"kind": "field", "id": "f"}, {"kind": "technology", "id": "t"},
    ...     {"kind": "company", "id": "c", "country": "IL"},
    ...     {"type": "STRONG_IN", "from": "i", "to": "f", "score": 0.95},
    ...     {"type": "COVERS", "from": "f", "to": "t"}, {"type": "DEVELOPS", "from": "c", "to": "t"},
    ...     {"type": "SPUN_OUT_OF", "from": "c", "to": "i"}, {"type": "INCUBATED", "from": "i", "to": "c"}])
    >>> m = partner_matrix(g, field="f", commercialisation_threshold=0.3)
    >>> [(p.id, p.science, round(p.commercialisation, 3), p.quadrant) for p in m.points], m.actionable
    ([('i', 0.95, 0.375, 'partner_now')], ['i'])
    """
    records = _records(graph)
    strengths = _strengths(graph, records, field)
    regions = country_regions(graph)
    points = []
    for inst in nodes_of_kind(graph, "institution"):
        if is_japanese(graph, inst):
            continue
        science, science_field, science_step = 0.0, None, None
        for fld, keys in sorted(graph.succ[inst].items()):
            if "STRONG_IN" in keys and field in (None, fld):
                score = float(keys["STRONG_IN"].get("score", 0.0))
                if score > science or science_field is None:
                    science, science_field = score, fld
                    science_step = Step(from_id=inst, type="STRONG_IN", to_id=fld)
        strength = strengths.get(inst)
        if science_field is None and strength is None:
            continue
        business = strength.score if strength else 0.0
        deals = _japanese_partnerships(graph, inst)
        active = [d for d in deals if d.status == "active"]
        know_how = any(d.structural for d in active)
        quadrant = _quadrant(science, business, science_threshold, commercialisation_threshold)
        evidence = []
        if science_step is not None:
            note = f"{inst} is strong in {science_field} ({science})"
            evidence.append(EvidencePath(note=note, steps=[science_step]))
        evidence += strength.evidence if strength else []
        points.append(
            MatrixPoint.of(
                graph,
                inst,
                regions,
                score=science * business,
                components={"science": science, "commercialisation": business},
                evidence=evidence,
                science=science,
                science_field=science_field,
                commercialisation=business,
                quadrant=quadrant,
                partnerships=deals,
                partnered=bool(active),
                know_how_partnership=know_how,
                actionable=quadrant == "partner_now" and not know_how,
            )
        )
    points.sort(key=lambda p: (-p.score, -p.science, p.id))
    quadrants: dict[str, list[str]] = {
        q: [] for q in ("partner_now", "science_only", "business_only", "neither")
    }
    for point in points:
        quadrants[point.quadrant].append(point.id)
    title = f"Partner matrix: {graph.nodes[field].get('name_en') or field}" if field else "Partner matrix"
    return PartnerMatrix(
        field=NodeRow.of(graph, field) if field else None,
        science_threshold=science_threshold,
        commercialisation_threshold=commercialisation_threshold,
        points=points,
        quadrants=quadrants,
        actionable=[p.id for p in points if p.actionable],
        chart=_chart(title, points, science_threshold, commercialisation_threshold),
    )


class ContentReview(BaseModel):
    """One partnership's content judged against the report's rule."""

    partnership: MatrixPartnership
    structural_content: list[str] = Field(description="The items of its content that count as structural.")
    foreign_parties: list[PlacedNodeRow]
    japanese_parties: list[PlacedNodeRow]
    evidence: list[EvidencePath] = Field(description="The PARTY relationships behind the parties named.")


class PartnershipContentReview(BaseModel):
    """Every reviewed partnership, and the gap lists the report warns about."""

    rule: str = Field(description="The rule applied, in one sentence (gxgraph.domain.know_how).")
    reviews: list[ContentReview] = Field(description="Each partnership of the status asked, by id.")
    people_only: list[str] = Field(
        description="Partnerships that only exchange or train people: the report's warning."
    )
    research_only: list[str] = Field(description="Joint research without a commercialisation channel.")
    unrecorded: list[str] = Field(description="Partnerships whose content is not recorded yet.")


RULE = (
    "A partnership acquires know-how structurally when its content includes licensing, co-founded "
    "ventures, incubation access, data/IP sharing or a commercialisation know-how programme; joint "
    "research alone is research_only, staff exchange and executive education alone are people_only."
)


def partnership_content_review(
    graph: nx.MultiDiGraph, *, status: str | None = "active"
) -> PartnershipContentReview:
    """Whether each partnership's content transfers know-how structurally, and which only exchange people.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The projection.
    status : str, optional
        Review partnerships of this status (default ``active``); None reviews all.

    Returns
    -------
    PartnershipContentReview
        One review per partnership (by id), with its content class (:func:`~gxgraph.domain.know_how.
        content_class`), and the ids of the ``people_only``, ``research_only`` and ``unrecorded``
        ones. Cost: O(partnerships + their parties).

    Examples
    --------
    >>> from gxgraph.analytics.graph import graph_from_rows
    >>> g = graph_from_rows([
    ...     {"kind": "partnership", "id": "p", "status": "active", "content": ["staff_exchange"]},
    ...     {"kind": "partnership", "id": "q", "status": "active", "content": ["licensing"]},
    ...     {"kind": "company", "id": "j", "is_japanese": True},
    ...     {"kind": "institution", "id": "i", "country": "US"},
    ...     {"type": "PARTY", "from": "p", "to": "j"}, {"type": "PARTY", "from": "p", "to": "i"}])
    >>> review = partnership_content_review(g)
    >>> [(r.partnership.id, r.partnership.content_class) for r in review.reviews], review.people_only
    ([('p', 'people_only'), ('q', 'structural')], ['p'])
    """
    regions = country_regions(graph)
    reviews = []
    for deal in nodes_of_kind(graph, "partnership"):
        attrs = graph.nodes[deal]
        if status is not None and attrs.get("status") != status:
            continue
        content = list(attrs.get("content") or [])
        parties = parties_of(graph, deal)
        japanese = [p for p in parties if is_japanese(graph, p)]
        foreign = [p for p in parties if not is_japanese(graph, p)]
        reviews.append(
            ContentReview(
                partnership=MatrixPartnership.of(
                    graph,
                    deal,
                    regions,
                    status=attrs.get("status"),
                    content=content,
                    content_class=content_class(content),
                    structural=transfers_know_how_structurally(content),
                ),
                structural_content=[c for c in content if transfers_know_how_structurally([c])],
                foreign_parties=[PlacedNodeRow.of(graph, p, regions) for p in foreign],
                japanese_parties=[PlacedNodeRow.of(graph, p, regions) for p in japanese],
                evidence=[
                    EvidencePath(
                        note=f"{party} is a party to {deal}",
                        steps=[Step(from_id=deal, type="PARTY", to_id=party)],
                    )
                    for party in [*foreign, *japanese]
                ],
            )
        )

    def having(kind: ContentClass) -> list[str]:
        return [r.partnership.id for r in reviews if r.partnership.content_class == kind]

    return PartnershipContentReview(
        rule=RULE,
        reviews=reviews,
        people_only=having("people_only"),
        research_only=having("research_only"),
        unrecorded=having("unrecorded"),
    )
