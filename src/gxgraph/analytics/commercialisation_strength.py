"""Commercialisation strength: how well an institution turns research into business, per field.

The source report (p.6, 選定基準) asks for partners world top-class in converting science and technology
into business (ビジネスの転用). **Commercialisation strength** of an institution in a field
(:func:`commercialisation_strength`) scores its record of turning research into business. A *record* is one of

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
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import networkx as nx
from pydantic import Field

from gxgraph.analytics.graph import country_regions, nodes_of_kind
from gxgraph.analytics.rows import EvidencePath, NodeRow, PlacedNodeRow, Scored, Step
from gxgraph.errors import NotFound

__all__ = [
    "DAMPING",
    "RECORD_KINDS",
    "CommercialisationStrength",
    "commercialisation_scores",
    "commercialisation_strength",
    "field_strengths",
    "institution_records",
    "require_field",
]

RecordKind = Literal["spin_outs", "licences", "incubated", "deployments"]
RECORD_KINDS: tuple[RecordKind, ...] = ("spin_outs", "licences", "incubated", "deployments")
"""The four routes from research to business, in the order components are reported."""
DAMPING = 2.0
"""Records at which the damping factor ``N / (N + DAMPING)`` reaches one half."""
EVIDENCE_PER_ROW = 6


@dataclass
class _Record:
    """One commercialisation record of an institution, and what ties it to each field.

    ``techs`` maps each technology of the record to the steps that tie the record to it, and
    ``fields`` each field to the technology (the first by id) through which it covers the record,
    worked out when first read (an overall ranking never reads it); :meth:`field_steps` builds the
    evidence from them only for the records a row shows.
    """

    kind: RecordKind
    note: str
    steps: list[Step]
    techs: dict[str, list[Step]]
    covering: dict[str, list[str]]
    """Technology -> the fields covering it (shared by every record)."""
    _fields: dict[str, str] | None = None

    @property
    def fields(self) -> dict[str, str]:
        """Field -> the technology tying the record to it: the first (by id) the field covers."""
        # Memoised by hand: functools.cached_property takes a lock per read in Python 3.11.
        if self._fields is None:
            self._fields = {}
            for tech in sorted(self.techs):
                for fld in self.covering.get(tech, []):
                    self._fields.setdefault(fld, tech)
        return self._fields

    def field_steps(self, fld: str) -> list[Step]:
        """The steps tying the record to ``fld``: to its technology, then the field ``COVERS`` it."""
        tech = self.fields[fld]
        return [*self.techs[tech], Step(from_id=fld, type="COVERS", to_id=tech)]


def _steps_of(pairs: Iterable[tuple[str, str, str]]) -> list[Step]:
    return [Step(from_id=a, type=t, to_id=b) for a, t, b in pairs]


def _company_technologies(graph: nx.MultiDiGraph, company: str) -> dict[str, list[Step]]:
    """Technology -> steps showing the company develops it or deploys a case study using it."""
    found: dict[str, list[Step]] = {}
    for tech, keys in sorted(graph._succ[company].items()):
        if "DEVELOPS" in keys:
            found.setdefault(tech, _steps_of([(company, "DEVELOPS", tech)]))
    for case, keys in sorted(graph._pred[company].items()):
        if "DEPLOYED_BY" not in keys:
            continue
        for tech, uses in sorted(graph._succ[case].items()):
            if "USES" in uses:
                pairs = [(case, "DEPLOYED_BY", company), (case, "USES", tech)]
                found.setdefault(tech, _steps_of(pairs))
    return found


def institution_records(graph: nx.MultiDiGraph) -> dict[str, list[_Record]]:
    """Institution -> its commercialisation records, each with its field attribution. O(n + m)."""
    succ, pred, attrs = graph._succ, graph._pred, graph._node
    covering: dict[str, list[str]] = defaultdict(list)
    for fld in nodes_of_kind(graph, "field"):
        for tech, keys in succ[fld].items():
            if "COVERS" in keys:
                covering[tech].append(fld)
    company_techs: dict[str, dict[str, list[Step]]] = {}

    def techs_of(company: str) -> dict[str, list[Step]]:
        if company not in company_techs:
            company_techs[company] = _company_technologies(graph, company)
        return company_techs[company]

    # A technology's deployments are the same for every institution developing it: walk them once.
    deployed: dict[str, list[tuple[str, list[Step]]]] = {}
    records: dict[str, list[_Record]] = defaultdict(list)
    for inst in nodes_of_kind(graph, "institution"):
        for company, keys in sorted(pred[inst].items()):
            if "SPUN_OUT_OF" in keys and attrs[company].get("kind") == "company":
                year = keys["SPUN_OUT_OF"].get("year")
                step = Step(from_id=company, type="SPUN_OUT_OF", to_id=inst)
                note = f"{company} spun out of {inst}" + (f" in {year}" if year else "")
                techs = techs_of(company)
                records[inst].append(_Record("spin_outs", note, [step], techs, covering))
        for company, keys in sorted(succ[inst].items()):
            if attrs[company].get("kind") != "company":
                continue
            if "INCUBATED" in keys:
                year = keys["INCUBATED"].get("year")
                step = Step(from_id=inst, type="INCUBATED", to_id=company)
                note = f"{inst} incubated {company}" + (f" in {year}" if year else "")
                techs = techs_of(company)
                records[inst].append(_Record("incubated", note, [step], techs, covering))
            if "LICENSED" in keys:
                licence = keys["LICENSED"]
                tech = licence.get("technology")
                step = Step(from_id=inst, type="LICENSED", to_id=company)
                if tech in attrs and attrs[tech].get("kind") == "technology":
                    licensed: dict[str, list[Step]] = {tech: []}
                    note = f"{inst} licensed {tech} to {company}"
                else:  # no (known) technology named: the licensee's technologies place it
                    licensed = techs_of(company)
                    note = f"{inst} licensed technology to {company}"
                note += f" in {licence['year']}" if licence.get("year") else ""
                records[inst].append(_Record("licences", note, [step], licensed, covering))
        records[inst] += _deployments(graph, inst, covering, deployed)
    return records


def _tech_deployments(graph: nx.MultiDiGraph, tech: str) -> list[tuple[str, list[Step]]]:
    """(case study, chain from its USES of ``tech`` to its deployer) for each deployed case study using
    ``tech``, by case id; the chain goes through the first business model (by id) that ``tech``
    ``ENABLES`` and the case study is ``PROVEN_BY``."""
    succ, pred = graph._succ, graph._pred
    models = sorted(m for m, rels in succ[tech].items() if "ENABLES" in rels)
    found = []
    for case, uses in sorted(pred[tech].items()):
        if "USES" not in uses:
            continue
        deployer = min((c for c, rels in succ[case].items() if "DEPLOYED_BY" in rels), default=None)
        if deployer is None:
            continue
        proving = pred[case]
        model = next((m for m in models if "PROVEN_BY" in proving.get(m, ())), None)
        chain = [Step(from_id=case, type="USES", to_id=tech)]
        if model is not None:
            chain += [
                Step(from_id=tech, type="ENABLES", to_id=model),
                Step(from_id=model, type="PROVEN_BY", to_id=case),
            ]
        chain.append(Step(from_id=case, type="DEPLOYED_BY", to_id=deployer))
        found.append((case, chain))
    return found


def _deployments(
    graph: nx.MultiDiGraph,
    inst: str,
    covering: dict[str, list[str]],
    deployed: dict[str, list[tuple[str, list[Step]]]],
) -> list[_Record]:
    """Case studies deployed by a company that use one of the institution's technologies; one record
    per case study, its evidence through the business model when the technology enables one the case
    study proves. ``deployed`` memoises :func:`_tech_deployments` across institutions."""
    by_case: dict[str, dict[str, list[Step]]] = {}
    for tech, keys in sorted(graph._succ[inst].items()):
        if "DEVELOPS" not in keys:
            continue
        develops = Step(from_id=inst, type="DEVELOPS", to_id=tech)
        if tech not in deployed:
            deployed[tech] = _tech_deployments(graph, tech)
        for case, chain in deployed[tech]:
            by_case.setdefault(case, {}).setdefault(tech, [develops, *chain])
    found = []
    for case, techs in sorted(by_case.items()):
        first = techs[min(techs)]
        note = f"{first[-1].to_id} deployed {case}, which uses technology {inst} develops"
        found.append(_Record("deployments", note, first, techs, covering))
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


def _peaks(counts: Iterable[dict[RecordKind, int]]) -> dict[RecordKind, int]:
    peaks = dict.fromkeys(RECORD_KINDS, 0)
    for count in counts:
        for kind, n in count.items():
            peaks[kind] = max(peaks[kind], n)
    return peaks


def _counts(records: list[_Record]) -> dict[RecordKind, int]:
    counts = dict.fromkeys(RECORD_KINDS, 0)
    for record in records:
        counts[record.kind] += 1
    return counts


def field_strengths(
    graph: nx.MultiDiGraph, records: dict[str, list[_Record]], fld: str | None
) -> dict[str, CommercialisationStrength]:
    """Institution -> its strength in ``fld`` (overall when None), for institutions with records there."""
    placed = {inst: _in_field(recs, fld) for inst, recs in records.items()}
    counts = {inst: _counts(recs) for inst, recs in placed.items() if recs}
    peaks = _peaks(counts.values())
    regions = country_regions(graph)
    found = {}
    for inst, count in counts.items():
        score, components = _score(count, peaks)
        evidence = []
        for record in placed[inst][:EVIDENCE_PER_ROW]:
            if fld is None:
                steps = record.steps
            elif record.kind == "deployments":
                steps = record.field_steps(fld)  # the chain through the technology this field covers
            else:
                steps = [*record.steps, *record.field_steps(fld)]
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
    require_field(graph, field)
    rows = sorted(
        field_strengths(graph, institution_records(graph), field).values(),
        key=lambda r: (-r.score, r.institution.id),
    )
    return rows[:limit] if limit is not None else rows


def require_field(graph: nx.MultiDiGraph, field: str | None) -> None:
    """NotFound unless ``field`` is None or a field of the graph.

    >>> require_field(nx.MultiDiGraph(), "nowhere")
    Traceback (most recent call last):
    gxgraph.errors.NotFound: no field 'nowhere'
    """
    if field is not None and graph.nodes.get(field, {}).get("kind") != "field":
        raise NotFound(f"no field {field!r}")


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
    # One pass over the records counts every (field, institution) pair; scoring each field by
    # field_strengths would rescan every record per field (O(fields x records)) and build rows.
    by_field: dict[str, dict[str, dict[RecordKind, int]]] = defaultdict(dict)
    for inst, recs in institution_records(graph).items():
        for record in recs:
            for fld in record.fields:
                counts = by_field[fld].get(inst)
                if counts is None:
                    counts = by_field[fld][inst] = dict.fromkeys(RECORD_KINDS, 0)
                counts[record.kind] += 1
    scores = {}
    for fld, counted in by_field.items():
        peaks = _peaks(counted.values())
        for inst, counts in counted.items():
            scores[(inst, fld)] = _score(counts, peaks)[0]
    return dict(sorted(scores.items()))
