"""Innovation profile: does a country turn its innovation inputs into outputs?

The report's diagnosis of Japan (GII 2023) is that it ranks high on inputs (R&D investment 5th,
patents 3rd, IP receipts 1st) and low on outputs (ICT services exports 83rd, labour productivity
growth 111th, creative services exports 58th, unicorn valuation 46th). For one year:

* ``mean_input_rank`` = the mean rank over :data:`INPUT_INDICATORS` the country has that year;
* ``mean_output_rank`` = the same over :data:`OUTPUT_INDICATORS`;
* ``gap = mean_output_rank - mean_input_rank``: how many places worse outputs rank than inputs
  (positive = inputs not converted into outputs; None unless both sides have a rank).

The creative-destruction index is ``firm_entry_rate + firm_exit_rate`` for every year with both.

Data honesty: every figure carries its ``illustrative`` flag and source; ``illustrative`` on the
profile is true when any figure used is, and ``illustrative_figures`` names them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from statistics import fmean
from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from gxgraph.analytics.graph import nodes_of_kind
from gxgraph.analytics.rows import NodeRow, Scored
from gxgraph.domain.kinds import Indicator
from gxgraph.domain.nodes import IndicatorValue
from gxgraph.errors import NotFound

__all__ = [
    "INPUT_INDICATORS",
    "OUTPUT_INDICATORS",
    "DestructionPoint",
    "InnovationProfile",
    "compare_countries",
    "innovation_profile",
]

INPUT_INDICATORS = (Indicator.RD_INVESTMENT, Indicator.PATENTS, Indicator.IP_RECEIPTS)
OUTPUT_INDICATORS = (
    Indicator.ICT_SERVICES_EXPORTS,
    Indicator.LABOUR_PRODUCTIVITY_GROWTH,
    Indicator.CREATIVE_SERVICES_EXPORTS,
    Indicator.UNICORN_VALUATION,
)


class DestructionPoint(BaseModel):
    """The creative-destruction index for one year."""

    year: int
    entry_rate: float
    exit_rate: float
    index: float = Field(description="firm_entry_rate + firm_exit_rate")
    illustrative: bool


class InnovationProfile(NodeRow, Scored):
    """A country (``id``) and its inputs against its outputs; ``score`` is the gap (0 when unknown)."""

    iso_code: str
    region: str | None = Field(default=None, description="The country's region.")
    year: int | None = Field(description="The year the ranks are for.")
    inputs: list[IndicatorValue]
    outputs: list[IndicatorValue]
    missing: list[str] = Field(description="Input and output indicators with no rank that year.")
    mean_input_rank: float | None
    mean_output_rank: float | None
    gap: float | None
    creative_destruction: list[DestructionPoint]
    illustrative: bool
    illustrative_figures: list[str]


def _figures(attrs: Mapping[str, Any]) -> list[IndicatorValue]:
    """The node's figures, non-illustrative first for the same indicator and year, then as stored."""
    figures = [IndicatorValue.model_validate(item) for item in attrs.get("indicators") or []]
    return sorted(figures, key=lambda f: (f.indicator, f.year, f.illustrative))


def _pick(
    figures: Iterable[IndicatorValue], indicator: str, year: int | None, *, ranked: bool
) -> IndicatorValue | None:
    for figure in figures:
        usable = figure.rank is not None if ranked else figure.value is not None
        if figure.indicator == indicator and figure.year == year and usable:
            return figure
    return None


def _profile(graph: nx.MultiDiGraph, node: str, year: int | None) -> InnovationProfile:
    attrs = graph.nodes[node]
    figures = _figures(attrs)
    names = {str(i) for i in (*INPUT_INDICATORS, *OUTPUT_INDICATORS)}
    if year is None:
        year = max((f.year for f in figures if f.indicator in names and f.rank is not None), default=None)
    sides: list[list[IndicatorValue]] = [[], []]
    missing: list[str] = []
    for side, indicators in zip(sides, (INPUT_INDICATORS, OUTPUT_INDICATORS), strict=True):
        for indicator in indicators:
            figure = _pick(figures, indicator, year, ranked=True)
            if figure is None:
                missing.append(str(indicator))
            else:
                side.append(figure)
    inputs, outputs = sides
    mean_in = fmean(f.rank for f in inputs if f.rank is not None) if inputs else None
    mean_out = fmean(f.rank for f in outputs if f.rank is not None) if outputs else None
    gap = mean_out - mean_in if mean_in is not None and mean_out is not None else None
    destruction = []
    for entry_year in sorted({f.year for f in figures if f.indicator == Indicator.FIRM_ENTRY_RATE}):
        entry = _pick(figures, Indicator.FIRM_ENTRY_RATE, entry_year, ranked=False)
        exit_ = _pick(figures, Indicator.FIRM_EXIT_RATE, entry_year, ranked=False)
        if entry and exit_ and entry.value is not None and exit_.value is not None:
            destruction.append(
                DestructionPoint(
                    year=entry_year,
                    entry_rate=entry.value,
                    exit_rate=exit_.value,
                    index=round(entry.value + exit_.value, 6),
                    illustrative=entry.illustrative or exit_.illustrative,
                )
            )
    flagged = [f"{f.indicator} {f.year}" for f in (*inputs, *outputs) if f.illustrative]
    flagged += [f"creative_destruction {p.year}" for p in destruction if p.illustrative]
    components = {"gap": gap or 0.0, "mean_input_rank": mean_in or 0.0, "mean_output_rank": mean_out or 0.0}
    return InnovationProfile.of(
        graph,
        node,
        score=gap or 0.0,
        components={key: round(value, 6) for key, value in components.items()},
        iso_code=attrs["iso_code"],
        region=attrs.get("region"),
        year=year,
        inputs=inputs,
        outputs=outputs,
        missing=missing,
        mean_input_rank=mean_in,
        mean_output_rank=mean_out,
        gap=gap,
        creative_destruction=destruction,
        illustrative=bool(flagged),
        illustrative_figures=flagged,
    )


def _countries(graph: nx.MultiDiGraph) -> dict[str, str]:
    """ISO code (upper case) -> country node id."""
    return {str(graph.nodes[n].get("iso_code", "")).upper(): n for n in nodes_of_kind(graph, "country")}


def innovation_profile(
    graph: nx.MultiDiGraph, iso_code: str, *, year: int | None = None
) -> InnovationProfile:
    """One country's input and output ranks, their gap and its creative-destruction index.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The projection.
    iso_code : str
        ISO 3166-1 alpha-2 code, any case.
    year : int, optional
        Year of the ranks; by default the latest year with any input or output rank.

    Returns
    -------
    InnovationProfile
        Formulas in the module docstring. Cost: O(figures log figures) on the one country node.

    Examples
    --------
    >>> from gxgraph.analytics.graph import graph_from_rows
    >>> fig = lambda ind, year, **kw: {"indicator": ind, "year": year, "illustrative": False, **kw}
    >>> g = graph_from_rows([{"kind": "country", "id": "country-jp", "iso_code": "JP", "indicators": [
    ...     fig("rd_investment", 2023, rank=5), fig("patents", 2023, rank=3),
    ...     fig("ict_services_exports", 2023, rank=83), fig("unicorn_valuation", 2023, rank=46),
    ...     fig("firm_entry_rate", 2022, value=4.6),
    ...     fig("firm_exit_rate", 2022, value=3.6, illustrative=True),
    ... ]}])
    >>> p = innovation_profile(g, "jp")
    >>> p.year, p.mean_input_rank, p.mean_output_rank, p.gap
    (2023, 4.0, 64.5, 60.5)
    >>> [(d.year, d.index, d.illustrative) for d in p.creative_destruction], p.illustrative_figures
    ([(2022, 8.2, True)], ['creative_destruction 2022'])
    """
    node = _countries(graph).get(iso_code.upper())
    if node is None:
        raise NotFound(f"no country with ISO code {iso_code!r}")
    return _profile(graph, node, year)


def compare_countries(
    graph: nx.MultiDiGraph, iso_codes: Sequence[str] | None = None, *, year: int | None = None
) -> list[InnovationProfile]:
    """Profiles of many countries, the widest input-output gap first.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The projection.
    iso_codes : sequence of str, optional
        Countries to compare; every country in the graph by default.
    year : int, optional
        As in :func:`innovation_profile` (each country's latest year by default).

    Returns
    -------
    list of InnovationProfile
        By gap descending; countries without a gap last; ties by ISO code. Cost: O(countries × figures).

    Examples
    --------
    >>> from gxgraph.analytics.graph import graph_from_rows
    >>> def country(iso, patents, ict=None):
    ...     ranks = {"patents": patents, "ict_services_exports": ict}
    ...     figures = [{"indicator": k, "year": 2023, "rank": r} for k, r in ranks.items() if r]
    ...     return {"kind": "country", "id": iso.lower(), "iso_code": iso, "indicators": figures}
    >>> g = graph_from_rows([country("AA", 2, 9), country("BB", 5, 4), country("CC", 1)])
    >>> [(p.iso_code, p.gap) for p in compare_countries(g)]
    [('AA', 7.0), ('BB', -1.0), ('CC', None)]
    """
    countries = _countries(graph)
    codes = sorted(countries) if iso_codes is None else [code.upper() for code in iso_codes]
    unknown = [code for code in codes if code not in countries]
    if unknown:
        raise NotFound(f"no country with ISO code {', '.join(unknown)}")
    profiles = [_profile(graph, countries[code], year) for code in dict.fromkeys(codes)]
    return sorted(profiles, key=lambda p: (p.gap is None, -(p.gap or 0.0), p.iso_code))
