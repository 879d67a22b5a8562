"""Deterministic synthetic GX x DX graphs for load tests, benchmarks and link-prediction experiments.

The generator streams import rows: every node first, then every relationship, as plain
JSON-serialisable dicts that validate against :data:`gxgraph.domain.nodes.Node` and
:data:`gxgraph.domain.relationships.Relationship`. Every row is ``illustrative`` and its ``source``
is ``synthetic:seed=<seed>``, so synthetic data can never pass for sourced facts.

Popularity follows shuffled power laws, so a few institutions, technologies, fields and business
models are hubs. Each technology sits in one industry x digital-technology cell (its market
segment); organisations, experts, case studies and partnerships lean towards one cell, which is
what makes hidden partnerships between Japanese companies and institutions predictable.
The countries, industries, digital technologies and name stems come from
:mod:`gxgraph.seeding.vocabulary`.

Examples
--------
>>> rows = list(generate(SyntheticConfig(nodes=200, seed=7)))
>>> sum(1 for row in rows if "kind" in row)
200
>>> rows[0]["id"], rows[0]["region"]
('syn-country-jp', 'japan')
"""

from __future__ import annotations

import datetime as dt
import json
import random
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import Any

from gxgraph.domain.kinds import (
    CompanySize,
    Contributor,
    Indicator,
    InstitutionType,
    InvestorType,
    NodeKind,
    PartnershipContent,
    PartnershipStatus,
    Region,
    RelType,
    TechDomain,
)
from gxgraph.seeding.vocabulary import (
    COUNTRIES,
    DIGITAL_JA,
    DIGITAL_TECHNOLOGIES,
    GREEN_INDUSTRIES,
    INDUSTRIES,
    INDUSTRIES_JA,
    NAME_STEMS,
    REVENUE_MODELS,
    TITLES,
)

K = NodeKind
R = RelType

MIN_NODES = 100
"""Below this the kind mix cannot give every kind at least one node."""

_DIG = len(DIGITAL_TECHNOLOGIES)
_CELLS = len(INDUSTRIES) * _DIG
SEGMENT_YEARS = (2025, 2030, 2024, 2026, 2023, 2027, 2022, 2028, 2021, 2029, 2020)
"""Segments beyond the 80-cell grid repeat the cells in further years, snapshot year first."""

# fmt: off
KIND_SHARES: dict[NodeKind, float] = {
    K.COMPANY: 0.30, K.TECHNOLOGY: 0.15, K.EXPERT: 0.20, K.INSTITUTION: 0.08, K.CASE_STUDY: 0.10,
    K.BUSINESS_MODEL: 0.05, K.PARTNERSHIP: 0.05, K.INVESTOR: 0.03, K.FIELD: 0.02,
}
# fmt: on
"""Shares of the nodes left after the fixed countries and the capped market segments."""

_ACADEMIC = frozenset(
    {InstitutionType.UNIVERSITY, InstitutionType.RESEARCH_INSTITUTE, InstitutionType.TECH_TRANSFER_NETWORK}
)
_INST_TYPES = [t for t in InstitutionType if t is not InstitutionType.SECRETARIAT]  # the real one only
_INST_CUM = list(accumulate((45, 25, 6, 6, 6, 4, 8)))
_INVESTOR_TYPES, _INVESTOR_MIX = list(InvestorType), (25, 45, 18, 12)
_TRL_CUM = list(accumulate((2, 4, 8, 12, 14, 14, 12, 8, 5)))
_SIZES = (CompanySize.STARTUP, CompanySize.SME, CompanySize.LARGE)
_STATUSES = (PartnershipStatus.ACTIVE, PartnershipStatus.ENDED, PartnershipStatus.PROPOSED)
_SIZE_CUT, _STATUS_CUT = (0.5, 0.85), (0.6, 0.85)  # 50/35/15 % sizes; 60 % active, 25 % ended
_PARTY_ROLES = {K.INVESTOR: "investor", K.COMPANY: "industry_partner"}
_CONTENTS = list(PartnershipContent)
# Mean commercialisation records per institution (times its popularity): spin-outs, licences, and
# ventures incubated (incubator networks and innovation agencies incubate most).
_SPIN_OUTS, _LICENCES, _INCUBATED, _INCUBATED_BY_INCUBATORS = 0.4, 0.5, 0.1, 2.0
_INCUBATORS = frozenset({InstitutionType.INCUBATOR_NETWORK, InstitutionType.INNOVATION_AGENCY})

# Mean out-degrees of the "free" relationships at ratio ~5; _scale() stretches them to the requested
# ratio. The structural ones (one country, one segment, the parties) are never scaled.
_DEVELOPS_INST, _DEVELOPS_CO, _STRONG_IN_INST, _INVESTS = 5.6, 2.5, 2.5, 6.0
_EXPERT_IN_TECH, _EXPERT_IN_FIELD, _COVERS, _ENABLES = 3.0, 1.0, 2.0, 1.67
_PROVEN_BY, _DEPLOYED_EXTRA, _USES_EXTRA = 2.0, 0.5, 3.5
_SECOND_AFFILIATION, _COUNTRY_STRENGTHS = 0.25, 5
_LOCAL = 0.65  # chance a draw stays in the source's cell: the signal link prediction learns from


@dataclass(frozen=True)
class SyntheticConfig:
    """What to generate.

    Parameters
    ----------
    nodes : int
        Exact total node count, at least :data:`MIN_NODES`.
    rels_per_node : float
        Target relationships per node. About 1.5 per node are structural, so lower targets are
        floored there.
    seed : int
        Seed of the private random generator; the same config always gives the same rows.
    japanese_company_share : float
        Share of companies that are Japanese (``is_japanese`` and located in JP).
    """

    nodes: int = 10_000
    rels_per_node: float = 5.0
    seed: int = 42
    japanese_company_share: float = 0.3

    def __post_init__(self) -> None:
        if self.nodes < MIN_NODES:
            raise ValueError(f"nodes must be at least {MIN_NODES}, got {self.nodes}")
        if self.rels_per_node < 0:
            raise ValueError("rels_per_node must not be negative")
        if not 0.0 <= self.japanese_company_share <= 1.0:
            raise ValueError("japanese_company_share must be between 0 and 1")


class _Sampler:
    """Weighted draws from a fixed population in O(log n) each (cumulative weights and bisect)."""

    __slots__ = ("cum", "hi", "pop", "total")

    def __init__(self, pop: list[int], weights: Sequence[float]) -> None:
        self.pop, self.cum = pop, list(accumulate(weights))
        self.total, self.hi = (self.cum[-1] if self.cum else 0.0), len(pop) - 1

    def one(self, rng: random.Random) -> int:
        # hi guards against random() * total rounding up to total itself.
        return self.pop[bisect_right(self.cum, rng.random() * self.total, 0, self.hi)]


def _by_cell(
    cells: Sequence[int], weights: Sequence[float], pop: Sequence[int] | None = None
) -> list[_Sampler | None]:
    """One sampler per cell; member ``i`` is ``pop[i]`` (or ``i``) and lies in ``cells[i]``."""
    members: list[list[int]] = [[] for _ in range(_CELLS)]
    for i, cell in enumerate(cells):
        members[cell].append(i)
    samplers: list[_Sampler | None] = []
    for m in members:
        w = [weights[i] for i in m]
        # A cell whose members all weigh zero (no Japanese company there) falls back to the world.
        keep = sum(w) > 0
        samplers.append(_Sampler([pop[i] for i in m] if pop is not None else m, w) if keep else None)
    return samplers


def _pick(rng: random.Random, local: _Sampler | None, world: _Sampler, k: int) -> list[int]:
    """Up to ``k`` distinct members, mostly from ``local``; hubs repeat, so redraws are bounded."""
    k = min(k, len(world.pop))
    got: dict[int, None] = {}
    for _ in range(3 * k):
        if len(got) >= k:
            break
        got[(local if local is not None and rng.random() < _LOCAL else world).one(rng)] = None
    return list(got)


def _degree(rng: random.Random, mean: float, shape: float = 1.0) -> int:
    """Gamma-distributed with stochastic rounding: an integer with exactly this mean.

    Shape 1 (exponential) gives a long tail; activity-weighted sources use a larger shape because
    their weight already carries the skew.
    """
    return int(rng.gammavariate(shape, mean / shape) + rng.random()) if mean > 0 else 0


def _zipf(rng: random.Random, n: int, s: float) -> list[float]:
    """Power-law weights with shuffled ranks, so the hubs are not simply the lowest ids."""
    ranks = list(range(1, n + 1))
    rng.shuffle(ranks)
    return [r**-s for r in ranks]


def plan_counts(nodes: int) -> dict[NodeKind, int]:
    """Node count per kind, summing exactly to ``nodes`` (largest-remainder rounding)."""
    counts = {
        K.COUNTRY: min(len(COUNTRIES), max(2, nodes // 50)),
        K.MARKET_SEGMENT: min(_CELLS * len(SEGMENT_YEARS), max(1, round(nodes * 0.01))),
    }
    rest = nodes - sum(counts.values())
    total = sum(KIND_SHARES.values())
    raw = {kind: rest * share / total for kind, share in KIND_SHARES.items()}
    counts |= {kind: max(1, int(value)) for kind, value in raw.items()}
    short = nodes - sum(counts.values())
    for kind in sorted(raw, key=lambda k: raw[k] - int(raw[k]), reverse=True)[:short]:
        counts[kind] += 1
    return counts


class _Builder:
    """Yields the nodes while recording what the relationships need: weight, country and cell."""

    def __init__(self, config: SyntheticConfig) -> None:
        self.cfg, self.rng, self.src = config, random.Random(config.seed), f"synthetic:seed={config.seed}"
        # Partnership contents and commercialisation records draw from their own generator, so the
        # rows that existed before them stay the same for a seed.
        self.crng = random.Random(f"{config.seed}:commercialisation")
        self.inst_techs: dict[int, list[int]] = {}
        self.n = n = plan_counts(config.nodes)
        self.ids = {
            kind: [f"syn-{kind.value.replace('_', '-')}-{i:06d}" for i in range(1, count + 1)]
            for kind, count in n.items()
        }
        self.ids[K.COUNTRY] = [f"syn-country-{c[0].lower()}" for c in COUNTRIES[: n[K.COUNTRY]]]
        # JP is index 0; placements abroad skip it and favour the innovation leaders.
        self.abroad = _Sampler(list(range(1, n[K.COUNTRY])), [1.0 / i for i in range(1, n[K.COUNTRY])])
        self.w: dict[NodeKind, list[float]] = {}
        self.country: dict[NodeKind, list[int]] = {}
        self.cell: dict[NodeKind, list[int]] = {}
        self.world: dict[NodeKind, _Sampler] = {}
        self.local: dict[NodeKind, list[_Sampler | None]] = {}
        self.patents: list[int] = []

    def rows(self) -> Iterator[dict[str, Any]]:
        yield from self._countries_and_segments()
        yield from self._fields_and_technologies()
        yield from self._organisations()
        yield from self._people_and_deals()
        yield from self._structural_rels()
        scale = self._scale()
        yield from self._free_rels(scale)
        yield from self._case_rels(scale)
        yield from self._commercialisation_rels()

    def _node(
        self,
        kind: NodeKind,
        i: int,
        fields: dict[str, Any],
        names: tuple[str, str] | None = None,
        by: Contributor = Contributor.SECRETARIAT,
    ) -> dict[str, Any]:
        en, ja = names or (f"{NAME_STEMS[kind][0]} {i + 1}", f"{NAME_STEMS[kind][1]} {i + 1}")
        return {
            "kind": kind.value,
            "id": self.ids[kind][i],
            "name_en": en,
            "name_ja": ja,
            **fields,
            "source": self.src,
            "contributed_by": by.value,
            "confidence": round(0.4 + 0.5 * self.rng.random(), 2),
            "illustrative": True,
        }

    def _rel(self, rel: RelType, a: str, b: str, **props: Any) -> dict[str, Any]:
        return {"type": rel.value, "from": a, "to": b, **props, "source": self.src, "illustrative": True}

    def _weighted(self, kind: NodeKind, weights: list[float]) -> None:
        """Fix a kind's popularity; mean 1, so it also scales out-degrees without moving the total."""
        mean = sum(weights) / len(weights)
        self.w[kind] = weights = [x / mean for x in weights]
        self.world[kind] = _Sampler(list(range(self.n[kind])), weights)
        if kind in self.cell:
            self.local[kind] = _by_cell(self.cell[kind], weights)

    def _home(self, japan_share: float) -> int:
        return 0 if self.rng.random() < japan_share else self.abroad.one(self.rng)

    def _tech_cell(self) -> int:
        """A cell in proportion to its technologies' popularity, so busy cells attract more actors."""
        return self.cell[K.TECHNOLOGY][self.world[K.TECHNOLOGY].one(self.rng)]

    def _org(self, institution: bool, cell: int | None = None) -> tuple[NodeKind, int]:
        kind = K.INSTITUTION if institution else K.COMPANY
        local = self.local[kind][cell] if cell is not None else None
        return kind, (local or self.world[kind]).one(self.rng)

    def _countries_and_segments(self) -> Iterator[dict[str, Any]]:
        rng, count = self.rng, self.n[K.COUNTRY]
        ranks = {
            ind: rng.sample(range(1, count + 1), count)
            for ind in (Indicator.RD_INVESTMENT, Indicator.PATENTS)
        }
        for i, (code, en, ja, region) in enumerate(COUNTRIES[:count]):
            indicators = [
                {"indicator": ind.value, "year": 2023, "rank": r[i], "source": self.src, "illustrative": True}
                for ind, r in ranks.items()
            ]
            fields = {"iso_code": code, "region": region.value, "indicators": indicators}
            yield self._node(K.COUNTRY, i, fields, (en, ja))
        order = list(range(_CELLS))
        rng.shuffle(order)  # a small graph should still span many industries, not just the first
        self.seg_cell = [order[g % _CELLS] for g in range(self.n[K.MARKET_SEGMENT])]
        for g, cell in enumerate(self.seg_cell):
            (ind, dig), year = divmod(cell, _DIG), SEGMENT_YEARS[g // _CELLS]
            names = (
                f"{INDUSTRIES[ind].capitalize()} x {DIGITAL_TECHNOLOGIES[dig]} ({year})",
                f"{INDUSTRIES_JA[ind]} × {DIGITAL_JA[dig]}（{year}年）",
            )
            yield self._node(
                K.MARKET_SEGMENT,
                g,
                {
                    "industry": INDUSTRIES[ind],
                    "digital_technology": DIGITAL_TECHNOLOGIES[dig],
                    "cagr_pct": round(rng.uniform(-2.0, 35.0), 1),
                    "market_size_usd": round(1e8 * rng.lognormvariate(1.0, 1.2), -5),
                    "year": year,
                },
                names,
            )
        self._weighted(K.MARKET_SEGMENT, _zipf(rng, len(self.seg_cell), 0.8))

    def _fields_and_technologies(self) -> Iterator[dict[str, Any]]:
        rng, fields, count = self.rng, self.n[K.FIELD], self.n[K.TECHNOLOGY]
        roots = max(1, fields // 10)
        # A random recursive tree: acyclic by construction, and early fields gather many sub-fields.
        self.parent = [-1] * roots + [rng.randrange(i) for i in range(roots, fields)]
        for f in range(fields):
            yield self._node(K.FIELD, f, {}, by=Contributor.ACADEMIA)
        self._weighted(K.FIELD, _zipf(rng, fields, 0.6))
        self.tech_seg = [self.world[K.MARKET_SEGMENT].one(rng) for _ in range(count)]
        self.cell[K.TECHNOLOGY] = [self.seg_cell[g] for g in self.tech_seg]
        self._weighted(K.TECHNOLOGY, _zipf(rng, count, 0.6))
        for t, cell in enumerate(self.cell[K.TECHNOLOGY]):
            industry, u = INDUSTRIES[cell // _DIG], rng.random()
            gx, both = (0.45, 0.55) if industry in GREEN_INDUSTRIES else (0.1, 0.45)
            domain = TechDomain.GX if u < gx else TechDomain.BOTH if u < gx + both else TechDomain.DX
            patents = int(4 * self.w[K.TECHNOLOGY][t] ** 0.5 * rng.paretovariate(1.6))  # hubs patent more
            self.patents.append(patents)
            yield self._node(
                K.TECHNOLOGY,
                t,
                {
                    "domain": domain.value,
                    "trl": bisect_right(_TRL_CUM, rng.random() * _TRL_CUM[-1]) + 1,
                    "patent_families": patents,
                    "patent_citations": int(patents * rng.uniform(1.0, 10.0)),
                    "publications": int(patents * rng.uniform(0.5, 4.0)) + rng.randrange(5),
                    "industry": industry,
                    "digital_technology": DIGITAL_TECHNOLOGIES[cell % _DIG],
                },
                by=Contributor.ACADEMIA,
            )
        # Commercialisation gaps: about 30% of the top-quartile patent holders never get a case study.
        cut = sorted(self.patents)[(3 * count) // 4]
        used = [t for t, p in enumerate(self.patents) if p < cut or rng.random() >= 0.3]
        used_w = [self.w[K.TECHNOLOGY][t] for t in used]
        self.usable = _Sampler(used, used_w)
        self.usable_local = _by_cell([self.cell[K.TECHNOLOGY][t] for t in used], used_w, used)
        self.first_use = used[:]
        rng.shuffle(self.first_use)

    def _organisations(self) -> Iterator[dict[str, Any]]:
        rng, count = self.rng, self.n[K.INSTITUTION]
        self.inst_type = [
            _INST_TYPES[bisect_right(_INST_CUM, rng.random() * _INST_CUM[-1])] for _ in range(count)
        ]
        self.country[K.INSTITUTION] = [self._home(0.3) for _ in range(count)]
        self.cell[K.INSTITUTION] = [self._tech_cell() for _ in range(count)]
        for i, (kind, c) in enumerate(zip(self.inst_type, self.country[K.INSTITUTION], strict=True)):
            region = Region.GLOBAL if kind is InstitutionType.INTERNATIONAL_ORG else COUNTRIES[c][3]
            yield self._node(
                K.INSTITUTION,
                i,
                {"institution_type": kind.value, "country": COUNTRIES[c][0], "region": region.value},
                by=Contributor.ACADEMIA if kind in _ACADEMIC else Contributor.GOVERNMENT,
            )
        self._weighted(K.INSTITUTION, _zipf(rng, count, 0.6))
        count, share = self.n[K.COMPANY], self.cfg.japanese_company_share
        japanese = [rng.random() < share for _ in range(count)]
        self.country[K.COMPANY] = [0 if jp else self.abroad.one(rng) for jp in japanese]
        self.cell[K.COMPANY] = [self._tech_cell() for _ in range(count)]
        sizes = [_SIZES[bisect_right(_SIZE_CUT, rng.random())] for _ in range(count)]
        for c, size in enumerate(sizes):
            unicorn = size is CompanySize.STARTUP and rng.random() < 0.02
            value = 1e9 * rng.paretovariate(1.5) if unicorn else 1e6 * rng.lognormvariate(3.0, 1.5)
            yield self._node(
                K.COMPANY,
                c,
                {
                    "country": COUNTRIES[self.country[K.COMPANY][c]][0],
                    "is_japanese": japanese[c],
                    "sector": INDUSTRIES[self.cell[K.COMPANY][c] // _DIG],
                    "size": size.value,
                    "is_unicorn": unicorn,
                    "valuation_usd": None if size is CompanySize.LARGE else round(min(value, 9.99e11), -3),
                },
                by=Contributor.COMPANY,
            )
        # Large firms deploy and partner more; startups attract the investors.
        boost = {CompanySize.LARGE: 3.0, CompanySize.SME: 1.5, CompanySize.STARTUP: 1.0}
        self._weighted(K.COMPANY, [w * boost[s] for w, s in zip(_zipf(rng, count, 0.6), sizes, strict=True)])
        w = self.w[K.COMPANY]
        pull = [3.0 if s is CompanySize.STARTUP else 0.5 for s in sizes]
        self.startups = _Sampler(list(range(count)), [x * y for x, y in zip(w, pull, strict=True)])
        self.jp_local = _by_cell(self.cell[K.COMPANY], [x * jp for x, jp in zip(w, japanese, strict=True)])

    def _people_and_deals(self) -> Iterator[dict[str, Any]]:
        rng, n = self.rng, self.n
        self.affil = [self._org(rng.random() < 0.55) for _ in range(n[K.EXPERT])]
        self.country[K.EXPERT] = [self.country[k][o] for k, o in self.affil]
        for e, c in enumerate(self.country[K.EXPERT]):
            yield self._node(
                K.EXPERT,
                e,
                {"title": rng.choice(TITLES), "country": COUNTRIES[c][0]},
                by=Contributor.ACADEMIA,
            )
        self.country[K.INVESTOR] = [self._home(0.25) for _ in range(n[K.INVESTOR])]
        for v, c in enumerate(self.country[K.INVESTOR]):
            kind = rng.choices(_INVESTOR_TYPES, _INVESTOR_MIX)[0]
            yield self._node(
                K.INVESTOR,
                v,
                {"investor_type": kind.value, "country": COUNTRIES[c][0]},
                by=Contributor.COMPANY,
            )
        self._weighted(K.INVESTOR, _zipf(rng, n[K.INVESTOR], 0.6))
        for b in range(n[K.BUSINESS_MODEL]):
            yield self._node(
                K.BUSINESS_MODEL, b, {"revenue_model": rng.choice(REVENUE_MODELS)}, by=Contributor.COMPANY
            )
        self._weighted(K.BUSINESS_MODEL, _zipf(rng, n[K.BUSINESS_MODEL], 0.8))
        # The lead deployer of a case study fixes its country and the cell of the technologies it uses.
        self.lead = [self.world[K.COMPANY].one(rng) for _ in range(n[K.CASE_STUDY])]
        self.country[K.CASE_STUDY] = [self.country[K.COMPANY][c] for c in self.lead]
        for s, c in enumerate(self.country[K.CASE_STUDY]):
            yield self._node(
                K.CASE_STUDY,
                s,
                {
                    "year": rng.randint(2012, 2025),
                    "country": COUNTRIES[c][0],
                    "outcome": rng.choice(("pilot", "scaled", "discontinued")),
                },
                by=Contributor.COMPANY,
            )
        self.deal_cell = [self._tech_cell() for _ in range(n[K.PARTNERSHIP])]
        for p, cell in enumerate(self.deal_cell):
            u, start = rng.random(), dt.date(rng.randint(2015, 2025), rng.randint(1, 12), 1)
            status = _STATUSES[bisect_right(_STATUS_CUT, u)]
            end = start.replace(year=start.year + rng.randint(1, 4))
            scope = f"{INDUSTRIES[cell // _DIG]} x {DIGITAL_TECHNOLOGIES[cell % _DIG]}"
            yield self._node(
                K.PARTNERSHIP,
                p,
                {
                    "status": status.value,
                    "scope": scope,
                    "content": sorted(set(self.crng.sample(_CONTENTS, self.crng.choice((1, 1, 2, 3))))),
                    "start_date": None if status is PartnershipStatus.PROPOSED else start.isoformat(),
                    "end_date": end.isoformat() if status is PartnershipStatus.ENDED else None,
                },
            )

    def _scale(self) -> float:
        """Factor on the free means so that the expected total meets ``rels_per_node``."""
        n = self.n
        # Per source node: LOCATED_IN, IN_SEGMENT, AFFILIATED_WITH, ~3 PARTY, lead DEPLOYED_BY + first USES.
        per_node: dict[NodeKind, float] = {
            K.COMPANY: 1,
            K.INSTITUTION: 1,
            K.INVESTOR: 1,
            K.TECHNOLOGY: 1,
            K.PARTNERSHIP: 3,
        }
        per_node |= {K.EXPERT: 2 + _SECOND_AFFILIATION, K.CASE_STUDY: 3}
        structural = sum(n[k] * m for k, m in per_node.items()) + sum(p >= 0 for p in self.parent)
        structural += n[K.COUNTRY] * min(n[K.FIELD], _COUNTRY_STRENGTHS)
        free_per_node = {
            K.INSTITUTION: _DEVELOPS_INST + _STRONG_IN_INST,
            K.COMPANY: _DEVELOPS_CO,
            K.EXPERT: _EXPERT_IN_TECH + _EXPERT_IN_FIELD,
            K.TECHNOLOGY: _COVERS + _ENABLES,
            K.CASE_STUDY: _PROVEN_BY + _DEPLOYED_EXTRA + _USES_EXTRA,
            K.INVESTOR: _INVESTS,
        }
        free = sum(n[k] * m for k, m in free_per_node.items())
        return max(0.0, (self.cfg.rels_per_node * self.cfg.nodes - structural) / free)

    def _structural_rels(self) -> Iterator[dict[str, Any]]:
        rng, ids, rel, country = self.rng, self.ids, self._rel, self.ids[K.COUNTRY]
        for kind in (K.INSTITUTION, K.COMPANY, K.INVESTOR, K.EXPERT, K.CASE_STUDY):
            for i, c in enumerate(self.country[kind]):
                yield rel(R.LOCATED_IN, ids[kind][i], country[c])
        for t, g in enumerate(self.tech_seg):
            yield rel(R.IN_SEGMENT, ids[K.TECHNOLOGY][t], ids[K.MARKET_SEGMENT][g])
        for f, p in enumerate(self.parent):
            if p >= 0:
                yield rel(R.SUBFIELD_OF, ids[K.FIELD][f], ids[K.FIELD][p])
        for e, (kind, o) in enumerate(self.affil):
            yield rel(
                R.AFFILIATED_WITH,
                ids[K.EXPERT][e],
                ids[kind][o],
                role="researcher" if kind is K.INSTITUTION else "engineer",
            )
            if rng.random() < _SECOND_AFFILIATION:  # the other sector, same cell: a bridge between them
                other, o2 = self._org(kind is K.COMPANY, self.cell[kind][o])
                yield rel(R.AFFILIATED_WITH, ids[K.EXPERT][e], ids[other][o2], role="advisor")
        for c in range(self.n[K.COUNTRY]):
            for f in _pick(rng, None, self.world[K.FIELD], _COUNTRY_STRENGTHS):
                yield rel(R.STRONG_IN, country[c], ids[K.FIELD][f], score=round(rng.uniform(0.3, 1.0), 3))
        for p, cell in enumerate(self.deal_cell):
            # An institution and a company of the deal's cell (half the time a Japanese one), then others.
            jp = self.jp_local[cell] if rng.random() < 0.5 else None
            parties = [self._org(True, cell), (K.COMPANY, jp.one(rng)) if jp else self._org(False, cell)]
            for _ in range(rng.choice((0, 1, 1, 2))):
                u = rng.random()
                parties.append(
                    (K.INVESTOR, self.world[K.INVESTOR].one(rng))
                    if u < 0.15
                    else self._org(u < 0.55, cell if rng.random() < _LOCAL else None)
                )
            for kind, o in dict.fromkeys(parties):
                academic = kind is K.INSTITUTION and self.inst_type[o] in _ACADEMIC
                role = _PARTY_ROLES.get(kind) or ("academic_partner" if academic else "window")
                yield rel(R.PARTY, ids[K.PARTNERSHIP][p], ids[kind][o], role=role)

    def _free_rels(self, f: float) -> Iterator[dict[str, Any]]:
        rng, ids, rel, w = self.rng, self.ids, self._rel, self.w
        tech, techs, tech_local = ids[K.TECHNOLOGY], self.world[K.TECHNOLOGY], self.local[K.TECHNOLOGY]
        fields = self.world[K.FIELD]
        # Split each technology's patents over its expected developers, so owners' shares sum to about
        # the technology's patent_families instead of exceeding it many times at the hubs.
        per_tech = f * (self.n[K.INSTITUTION] * _DEVELOPS_INST + self.n[K.COMPANY] * _DEVELOPS_CO) / len(tech)
        share = [
            2.0 * p / max(1.0, per_tech * wt) for p, wt in zip(self.patents, w[K.TECHNOLOGY], strict=True)
        ]
        for kind, mean in ((K.INSTITUTION, _DEVELOPS_INST), (K.COMPANY, _DEVELOPS_CO)):
            for o, cell in enumerate(self.cell[kind]):
                for t in _pick(rng, tech_local[cell], techs, _degree(rng, mean * f * w[kind][o], 4.0)):
                    if kind is K.INSTITUTION:
                        self.inst_techs.setdefault(o, []).append(t)
                    yield rel(
                        R.DEVELOPS,
                        ids[kind][o],
                        tech[t],
                        patents=int(share[t] * rng.random()),
                        publications=int(3.0 * share[t] * rng.random()) + rng.randrange(3),
                    )
        top = max(w[K.INSTITUTION])
        for i, wi in enumerate(w[K.INSTITUTION]):
            hub = (wi / top) ** 0.25  # world-leading scores concentrate on the hub institutions
            for fld in _pick(rng, None, fields, _degree(rng, _STRONG_IN_INST * f * wi, 4.0)):
                yield rel(
                    R.STRONG_IN,
                    ids[K.INSTITUTION][i],
                    ids[K.FIELD][fld],
                    score=round(min(1.0, 0.1 + 0.5 * hub + 0.4 * rng.random()), 3),
                )
        for e, (kind, o) in enumerate(self.affil):
            expert = ids[K.EXPERT][e]
            for t in _pick(rng, tech_local[self.cell[kind][o]], techs, _degree(rng, _EXPERT_IN_TECH * f)):
                yield rel(R.EXPERT_IN, expert, tech[t], level=round(0.3 + 0.7 * rng.random(), 2))
            for fld in _pick(rng, None, fields, _degree(rng, _EXPERT_IN_FIELD * f)):
                yield rel(R.EXPERT_IN, expert, ids[K.FIELD][fld], level=round(0.3 + 0.7 * rng.random(), 2))
        for t in range(self.n[K.TECHNOLOGY]):
            for fld in _pick(rng, None, fields, _degree(rng, _COVERS * f)):
                yield rel(R.COVERS, ids[K.FIELD][fld], tech[t])
            for b in _pick(rng, None, self.world[K.BUSINESS_MODEL], _degree(rng, _ENABLES * f)):
                yield rel(R.ENABLES, tech[t], ids[K.BUSINESS_MODEL][b])
        for v, wv in enumerate(w[K.INVESTOR]):
            mean = _INVESTS * f * wv
            startups = _pick(rng, None, self.startups, _degree(rng, 0.8 * mean, 4.0))
            funded = [ids[K.COMPANY][c] for c in startups]
            funded += [tech[t] for t in _pick(rng, None, techs, _degree(rng, 0.2 * mean, 4.0))]
            for target in funded:
                amount = round(1e5 * rng.lognormvariate(2.5, 1.5), -3)  # median ~1M USD, mean ~4M
                yield rel(
                    R.INVESTS_IN, ids[K.INVESTOR][v], target, amount_usd=amount, year=rng.randint(2015, 2025)
                )

    def _case_rels(self, f: float) -> Iterator[dict[str, Any]]:
        rng, ids, rel = self.rng, self.ids, self._rel
        case, tech, company = ids[K.CASE_STUDY], ids[K.TECHNOLOGY], ids[K.COMPANY]
        for s, lead in enumerate(self.lead):
            cell = self.cell[K.COMPANY][lead]
            for b in _pick(rng, None, self.world[K.BUSINESS_MODEL], _degree(rng, _PROVEN_BY * f)):
                yield rel(R.PROVEN_BY, ids[K.BUSINESS_MODEL][b], case[s])
            more = _pick(
                rng, self.local[K.COMPANY][cell], self.world[K.COMPANY], _degree(rng, _DEPLOYED_EXTRA * f)
            )
            for c in dict.fromkeys([lead, *more]):
                yield rel(R.DEPLOYED_BY, case[s], company[c])
            # The first use walks a shuffled list, so most technologies get at least one case study.
            more = _pick(rng, self.usable_local[cell], self.usable, _degree(rng, _USES_EXTRA * f))
            for t in dict.fromkeys([self.first_use[s % len(self.first_use)], *more]):
                yield rel(R.USES, case[s], tech[t])

    def _commercialisation_rels(self) -> Iterator[dict[str, Any]]:
        """Spin-outs, licences of the institution's own technologies, and incubated ventures."""
        rng, ids, rel = self.crng, self.ids, self._rel
        company, local = ids[K.COMPANY], self.local[K.COMPANY]
        for i, (inst, wi) in enumerate(zip(ids[K.INSTITUTION], self.w[K.INSTITUTION], strict=True)):
            near = local[self.cell[K.INSTITUTION][i]]
            for c in _pick(rng, near, self.startups, _degree(rng, _SPIN_OUTS * wi, 4.0)):
                yield rel(R.SPUN_OUT_OF, company[c], inst, year=rng.randint(2005, 2025))
            own = self.inst_techs.get(i, [])
            licensees = (
                _pick(rng, near, self.world[K.COMPANY], _degree(rng, _LICENCES * wi, 4.0)) if own else []
            )
            for c in licensees:
                yield rel(
                    R.LICENSED,
                    inst,
                    company[c],
                    technology=ids[K.TECHNOLOGY][rng.choice(own)],
                    year=rng.randint(2010, 2025),
                    exclusive=rng.random() < 0.3,
                )
            mean = _INCUBATED_BY_INCUBATORS if self.inst_type[i] in _INCUBATORS else _INCUBATED
            for c in _pick(rng, near, self.startups, _degree(rng, mean * wi, 4.0)):
                yield rel(R.INCUBATED, inst, company[c], year=rng.randint(2010, 2025))


def generate(config: SyntheticConfig) -> Iterator[dict[str, Any]]:
    """Stream the rows of a synthetic graph: all nodes, then all relationships.

    Parameters
    ----------
    config : SyntheticConfig
        Size, density, seed and Japanese share.

    Yields
    ------
    dict of str to Any
        A node row (with ``kind``) or a relationship row (with ``type``, ``from`` and ``to``).
    """
    yield from _Builder(config).rows()


def write_jsonl(config: SyntheticConfig, path: Path) -> tuple[int, int]:
    """Write the synthetic graph as JSON Lines, byte-identical for the same config.

    Parameters
    ----------
    config : SyntheticConfig
        What to generate.
    path : Path
        Destination file; overwritten.

    Returns
    -------
    tuple of int
        The numbers of node rows and of relationship rows written.
    """
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    nodes = rels = 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for row in generate(config):
            out.write(encode(row) + "\n")
            if "kind" in row:
                nodes += 1
            else:
                rels += 1
    return nodes, rels
