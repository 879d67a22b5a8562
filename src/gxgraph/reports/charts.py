"""The report's charts, each one Vega-Lite description rendered to SVG by vl-convert (no browser).

The same SVG goes inline into the HTML report and, as a vector image, into the PDF. Every chart
marks illustrative figures where they are drawn (a dashed outline or a † after the label) and says
what the mark means in its subtitle. :func:`technology_map_svg` is the chart of
``/v1/analytics/technology-map.svg`` and ``gxgraph analyze technology-map --svg``.
"""

from __future__ import annotations

import json
from typing import Any

import vl_convert

from gxgraph.analytics.partner_selection import PartnerMatrix
from gxgraph.analytics.profile import InnovationProfile
from gxgraph.analytics.techmap import TechMapCell, TechnologyMap
from gxgraph.reports.fonts import FONT_FAMILY, register_chart_fonts
from gxgraph.reports.messages import Lang, text

__all__ = [
    "ILLUSTRATIVE_MARK",
    "destruction_chart",
    "partner_matrix_chart",
    "profile_chart",
    "ranks_illustrative",
    "render_svg",
    "technology_map_chart",
    "technology_map_svg",
]

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
ILLUSTRATIVE_MARK = "†"
GREY = "#a6a6a6"
PANEL_COLUMNS = 2


def _config() -> dict[str, Any]:
    return {
        "font": FONT_FAMILY,
        "view": {"stroke": "#bbbbbb"},
        "axis": {"labelFontSize": 10, "titleFontSize": 11},
        "header": {"labelFontSize": 12, "labelFontWeight": "bold"},
        "title": {"fontSize": 15, "subtitleFontSize": 11, "anchor": "start"},
    }


def _title(lang: Lang, key: str, illustrative: bool) -> dict[str, Any]:
    title: dict[str, Any] = {"text": text(lang, key)}
    if illustrative:
        title["subtitle"] = text(lang, "illustrative_legend")
    return title


def _marked(label: str, illustrative: bool) -> str:
    return f"{label} {ILLUSTRATIVE_MARK}" if illustrative else label


def _axis_names(cell: TechMapCell, lang: Lang) -> tuple[str, str]:
    """The cell's industry and digital technology as its name in ``lang`` writes them."""
    name = (cell.name_ja if lang is Lang.JA else cell.name_en) or cell.name_en or ""
    industry, sep, digital = name.partition(" × ")
    return (industry, digital) if sep else (cell.industry, cell.digital_technology)


def technology_map_chart(tech_map: TechnologyMap, lang: Lang = Lang.EN) -> dict[str, Any]:
    """The industry × digital-technology bubble chart: one panel per industry.

    In each panel x is the cell's market size (USD, log scale) and y its CAGR; the bubble's area
    follows the market size and its colour the share of deployments made by Japanese companies
    (grey: no deployment). Panels keep the labels of a crowded corner apart: at most one bubble per
    digital technology shares a panel. Cells without both figures cannot be placed and are left
    out (the table lists every cell).
    """
    panels: dict[str, list[dict[str, Any]]] = {}
    for cell in tech_map.cells:
        if cell.cagr_pct is None or not cell.market_size_usd:
            continue
        industry, digital = _axis_names(cell, lang)
        panels.setdefault(industry, []).append(
            {
                "industry": industry,
                "label": _marked(digital, cell.illustrative),
                "cagr": cell.cagr_pct,
                "market": cell.market_size_usd,
                "share": cell.japanese_deployment_share,
                "illustrative": cell.illustrative,
            }
        )
    rows = []
    for cells in panels.values():
        # Neighbours by CAGR put their labels on opposite sides, so near bubbles' labels do not collide.
        for position, row in enumerate(sorted(cells, key=lambda row: row["cagr"])):
            rows.append({**row, "side": "right" if position % 2 == 0 else "left"})
    x = {
        "field": "market",
        "type": "quantitative",
        "scale": {"type": "log"},
        "axis": {"format": "~s", "tickCount": 4},
        "title": text(lang, "market_size"),
    }
    y = {"field": "cagr", "type": "quantitative", "title": text(lang, "cagr")}
    bubble = {
        # invalid None: a cell with no deployment (share null) is drawn grey, not dropped.
        "mark": {"type": "circle", "opacity": 0.85, "stroke": "#333333", "strokeWidth": 1, "invalid": None},
        "encoding": {
            "x": x,
            "y": y,
            "size": {
                "field": "market",
                "type": "quantitative",
                "scale": {"range": [30, 700]},
                "legend": None,
            },
            "color": {
                "condition": {"test": "datum.share === null", "value": GREY},
                "field": "share",
                "type": "quantitative",
                "scale": {"domain": [0, 1], "scheme": "redyellowgreen"},
                "legend": {"title": text(lang, "japanese_share"), "format": ".0%", "orient": "bottom"},
            },
            "strokeDash": {"condition": {"test": "datum.illustrative", "value": [3, 2]}, "value": [1, 0]},
        },
    }
    labels = [
        {
            "transform": [{"filter": f"datum.side === '{side}'"}],
            "mark": {"type": "text", "align": align, "dx": dx, "fontSize": 9},
            "encoding": {"x": x, "y": y, "text": {"field": "label"}},
        }
        for side, align, dx in (("right", "left", 9), ("left", "right", -9))
    ]
    return {
        "$schema": SCHEMA,
        "title": _title(lang, "chart_techmap", tech_map.illustrative),
        "data": {"values": rows},
        "facet": {"field": "industry", "type": "nominal", "title": None},
        "columns": PANEL_COLUMNS,
        "spec": {"width": 230, "height": 150, "layer": [bubble, *labels]},
        "config": _config(),
    }


def ranks_illustrative(profile: InnovationProfile) -> bool:
    """True when one of the ranks behind the profile's mean input or output rank is illustrative."""
    return any(figure.illustrative for figure in [*profile.inputs, *profile.outputs])


def profile_chart(profiles: list[InnovationProfile], lang: Lang, names: dict[str, str]) -> dict[str, Any]:
    """Each country's mean input rank against its mean output rank, joined by a line, widest gap first.

    ``names`` maps a country's id to its name in ``lang``; a country whose ranks include an
    illustrative figure gets † after its name.
    """
    rows = [
        {
            "country": _marked(names.get(p.id, p.iso_code), ranks_illustrative(p)),
            "input": p.mean_input_rank,
            "output": p.mean_output_rank,
            "gap": p.gap,
        }
        for p in profiles
        if p.mean_input_rank is not None and p.mean_output_rank is not None
    ]
    order = [str(row["country"]) for row in sorted(rows, key=lambda row: -float(row["gap"] or 0))]
    y = {"field": "country", "type": "nominal", "sort": order, "title": None}
    input_label, output_label = text(lang, "mean_input_rank"), text(lang, "mean_output_rank")
    return {
        "$schema": SCHEMA,
        "title": _title(lang, "chart_profile", any(ranks_illustrative(p) for p in profiles)),
        "data": {"values": rows},
        "width": 460,
        "height": {"step": 22},
        "layer": [
            {
                "mark": {"type": "rule", "color": "#888888", "strokeWidth": 2},
                "encoding": {
                    "y": y,
                    "x": {"field": "input", "type": "quantitative"},
                    "x2": {"field": "output"},
                },
            },
            {
                "transform": [{"fold": ["input", "output"], "as": ["side", "rank"]}],
                "mark": {"type": "point", "filled": True, "size": 90},
                "encoding": {
                    "y": y,
                    "x": {"field": "rank", "type": "quantitative", "title": text(lang, "rank")},
                    "color": {
                        "field": "side",
                        "type": "nominal",
                        "scale": {"domain": ["input", "output"], "range": ["#2166ac", "#d6604d"]},
                        "legend": {
                            "title": None,
                            "orient": "bottom",
                            "labelExpr": f"datum.label === 'input' ? {json.dumps(input_label)} "
                            f": {json.dumps(output_label)}",
                        },
                    },
                },
            },
        ],
        "config": _config(),
    }


def destruction_chart(
    profiles: list[InnovationProfile], lang: Lang, names: dict[str, str]
) -> dict[str, Any] | None:
    """The creative-destruction index by year, one line per country; None when no country has it."""
    rows = [
        {
            "country": _marked(
                names.get(p.id, p.iso_code), any(pt.illustrative for pt in p.creative_destruction)
            ),
            "year": point.year,
            "index": point.index,
        }
        for p in profiles
        for point in p.creative_destruction
    ]
    if not rows:
        return None
    illustrative = any(pt.illustrative for p in profiles for pt in p.creative_destruction)
    return {
        "$schema": SCHEMA,
        "title": _title(lang, "chart_destruction", illustrative),
        "data": {"values": rows},
        "width": 460,
        "height": 220,
        "mark": {"type": "line", "point": True},
        "encoding": {
            "x": {"field": "year", "type": "ordinal", "title": text(lang, "c_year")},
            "y": {"field": "index", "type": "quantitative", "title": text(lang, "c_index")},
            "color": {"field": "country", "type": "nominal", "title": None, "legend": {"orient": "bottom"}},
        },
        "config": _config(),
    }


def partner_matrix_chart(matrix: PartnerMatrix, lang: Lang, names: dict[str, str]) -> dict[str, Any]:
    """Every candidate on science x commercialisation strength, coloured by quadrant, with the thresholds."""
    values = [
        {
            "name": names.get(point.id, point.id),
            "science": point.science,
            "commercialisation": round(point.commercialisation, 4),
            "quadrant": text(lang, f"quadrant_{point.quadrant}"),
        }
        for point in matrix.points
    ]
    axis = {"type": "quantitative", "scale": {"domain": [0, 1]}}
    return {
        "$schema": SCHEMA,
        "title": {"text": text(lang, "s_partners")},
        "width": 420,
        "height": 300,
        "data": {"values": values},
        "layer": [
            {
                "mark": {"type": "point", "filled": True, "size": 90, "opacity": 0.8},
                "encoding": {
                    "x": {"field": "science", "title": text(lang, "chart_science"), **axis},
                    "y": {
                        "field": "commercialisation",
                        "title": text(lang, "chart_commercialisation"),
                        **axis,
                    },
                    "color": {"field": "quadrant", "type": "nominal", "title": text(lang, "c_quadrant")},
                },
            },
            {
                "mark": {"type": "rule", "strokeDash": [4, 4]},
                "encoding": {"x": {"datum": matrix.science_threshold}},
            },
            {
                "mark": {"type": "rule", "strokeDash": [4, 4]},
                "encoding": {"y": {"datum": matrix.commercialisation_threshold}},
            },
        ],
        "config": _config(),
    }


def render_svg(spec: dict[str, Any]) -> str:
    """The chart as SVG text, its labels set in the report font."""
    register_chart_fonts()
    svg: str = vl_convert.vegalite_to_svg(spec)
    return svg


def technology_map_svg(tech_map: TechnologyMap) -> str:
    """The technology map as an SVG bubble chart in English (the analysis route's chart).

    Examples
    --------
    >>> from gxgraph.analytics.graph import graph_from_rows
    >>> from gxgraph.analytics.techmap import technology_map
    >>> cell = {"kind": "market_segment", "id": "s", "industry": "energy", "digital_technology": "ai",
    ...         "name_en": "Energy × AI", "cagr_pct": 12.0, "market_size_usd": 5e9, "illustrative": True}
    >>> svg = technology_map_svg(technology_map(graph_from_rows([cell])))
    >>> svg.startswith("<svg"), "illustrative" in svg
    (True, True)
    """
    return render_svg(technology_map_chart(tech_map, Lang.EN))
