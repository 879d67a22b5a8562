"""The technology map as a self-contained SVG bubble chart (the report's p.8 picture), no dependencies.

x is the cell's CAGR (%), y its market size (USD, log scale), bubble area grows with the number of
technologies in the cell and colour is the share of its deployments made by Japanese companies (red:
none, green: all, grey: no deployment at all). Cells whose figures are illustrative get a dashed
outline and an asterisk, and a footnote says they are sample data. Cells missing CAGR or market size
cannot be placed, so a note under the chart lists them instead. Every text is XML-escaped.
"""

from __future__ import annotations

import math
from itertools import pairwise
from xml.sax.saxutils import escape

from gxgraph.analytics.techmap import TechMapCell, TechnologyMap

__all__ = ["FOOTNOTE", "render_bubble_chart"]

FOOTNOTE = "Figures marked illustrative are sample data, not sourced facts"
_WIDTH, _LEFT, _RIGHT, _TOP, _BOTTOM = 1100, 100, 820, 80, 600  # canvas width, plot box
_MIN_R, _MAX_R = 4.0, 22.0
_GREY = "#a6a6a6"
_STOPS = ((0.0, (215, 48, 39)), (0.5, (254, 224, 139)), (1.0, (26, 152, 80)))  # red, yellow, green
_FONT = 'font-family="Helvetica, Arial, sans-serif"'


def _esc(text: object) -> str:
    return escape(str(text), {'"': "&quot;"})


def _colour(share: float | None) -> str:
    if share is None:
        return _GREY
    share = min(max(share, 0.0), 1.0)
    for (lo, low), (hi, high) in pairwise(_STOPS):
        if share <= hi:
            t = (share - lo) / (hi - lo)
            return "#" + "".join(f"{round(a + (b - a) * t):02x}" for a, b in zip(low, high, strict=True))
    return _GREY  # unreachable: share <= 1.0


def _ticks(low: float, high: float) -> list[float]:
    """Round tick values covering [low, high], about six of them."""
    span = max(high - low, 1e-9)
    raw = span / 6
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    return [start + i * step for i in range(math.ceil((high - start) / step + 1e-9) + 1)]


def _usd(value: float) -> str:
    for unit, size in (("T", 1e12), ("B", 1e9), ("M", 1e6), ("k", 1e3)):
        if value >= size:
            return f"${value / size:g}{unit}"
    return f"${value:g}"


def _label(cell: TechMapCell) -> str:
    return f"{cell.industry} × {cell.digital_technology}" + ("*" if cell.illustrative else "")


def _wrap(words: list[str], width: int) -> list[str]:
    lines: list[str] = []
    for word in words:
        if lines and len(lines[-1]) + len(word) + 2 <= width:
            lines[-1] += ", " + word
        else:
            lines.append(word)
    return lines


def render_bubble_chart(tech_map: TechnologyMap) -> str:
    """Render a technology map as a standalone SVG document.

    Parameters
    ----------
    tech_map : TechnologyMap
        The map from :func:`gxgraph.analytics.techmap.technology_map`.

    Returns
    -------
    str
        An SVG document (UTF-8 text, parseable by any XML parser). Cost: O(c log c) for c cells.

    Examples
    --------
    >>> from gxgraph.analytics.techmap import TechMapCell, TechnologyMap
    >>> cell = TechMapCell(id="s", industry="energy", digital_technology="ai", segment_ids=["s"],
    ...     cagr_pct=20.0, market_size_usd=5e9, illustrative=True, technologies=3, deployments=2,
    ...     japanese_deployments=1, japanese_deployment_share=0.5, gap_count=1,
    ...     technology_ids=["a", "b", "c"], gap_technology_ids=["a"])
    >>> svg = render_bubble_chart(TechnologyMap(industries=["energy"], digital_technologies=["ai"],
    ...     gap_threshold=0.3, perspective="japan", illustrative=True, cells=[cell]))
    >>> svg.count('class="bubble"'), FOOTNOTE in svg, "energy × ai*" in svg
    (1, True, True)
    """
    plotted: list[TechMapCell] = []
    missing: list[TechMapCell] = []
    for cell in tech_map.cells:  # a size of 0 has no place on a log scale either
        (plotted if cell.cagr_pct is not None and cell.market_size_usd else missing).append(cell)
    cagrs = [float(c.cagr_pct) for c in plotted if c.cagr_pct is not None] or [0.0, 10.0]
    logs = [math.log10(float(c.market_size_usd)) for c in plotted if c.market_size_usd] or [9.0, 10.0]
    x_ticks = _ticks(min(cagrs), max(cagrs))
    # Half-decade bounds keep the bubbles off empty decades; ticks at 1x and 3x each power of ten.
    y_low, y_high = math.floor(min(logs) * 2 - 0.2) / 2, math.ceil(max(logs) * 2 + 0.2) / 2
    y_ticks = [p + math.log10(m) for p in range(math.floor(y_low), math.ceil(y_high) + 1) for m in (1, 3)]
    x_low, x_high = x_ticks[0], x_ticks[-1]

    def x(value: float) -> float:
        return _LEFT + (value - x_low) / (x_high - x_low) * (_RIGHT - _LEFT)

    def y(value: float) -> float:
        return _BOTTOM - (value - y_low) / (y_high - y_low) * (_BOTTOM - _TOP)

    most = max([c.technologies for c in plotted] + [1])

    def radius(count: int) -> float:
        return max(_MIN_R, _MAX_R * math.sqrt(count / most))

    notes = _wrap([_label(c) for c in missing], 150)
    height = _BOTTOM + 90 + 16 * (len(notes) + 1 if notes else 0) + (20 if tech_map.illustrative else 0)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_WIDTH}" height="{height}" '
        f'viewBox="0 0 {_WIDTH} {height}" role="img" {_FONT}>',
        "<title>Technology map: market growth, size and Japanese deployment by cell</title>",
        f'<rect width="{_WIDTH}" height="{height}" fill="#ffffff"/>',
        f'<text x="{_LEFT}" y="32" font-size="20" font-weight="bold">Technology map: industry × digital '
        "technology</text>",
        f'<text x="{_LEFT}" y="54" font-size="12" fill="#555">Bubble area = technologies in the cell; '
        "colour = share of its deployments by Japanese companies "
        f"(gap threshold {tech_map.gap_threshold:g}, perspective {_esc(tech_map.perspective)})</text>",
        f'<rect x="{_LEFT}" y="{_TOP}" width="{_RIGHT - _LEFT}" height="{_BOTTOM - _TOP}" fill="#fafafa" '
        'stroke="#999"/>',
    ]
    for tick in x_ticks:
        px = x(tick)
        out.append(f'<line x1="{px:.1f}" y1="{_TOP}" x2="{px:.1f}" y2="{_BOTTOM}" stroke="#e3e3e3"/>')
        out.append(f'<line x1="{px:.1f}" y1="{_BOTTOM}" x2="{px:.1f}" y2="{_BOTTOM + 5}" stroke="#555"/>')
        out.append(
            f'<text x="{px:.1f}" y="{_BOTTOM + 19}" font-size="11" text-anchor="middle">{tick:g}%</text>'
        )
    for tick in (t for t in y_ticks if y_low - 1e-9 <= t <= y_high + 1e-9):
        py = y(tick)
        out.append(f'<line x1="{_LEFT}" y1="{py:.1f}" x2="{_RIGHT}" y2="{py:.1f}" stroke="#e3e3e3"/>')
        out.append(f'<line x1="{_LEFT - 5}" y1="{py:.1f}" x2="{_LEFT}" y2="{py:.1f}" stroke="#555"/>')
        out.append(
            f'<text x="{_LEFT - 8}" y="{py + 4:.1f}" font-size="11" text-anchor="end">'
            f"{_usd(round(10.0**tick, -6))}</text>"
        )
    middle = (_LEFT + _RIGHT) / 2
    out.append(
        f'<text x="{middle}" y="{_BOTTOM + 42}" font-size="13" text-anchor="middle">'
        "Market growth: CAGR (%)</text>"
    )
    out.append(
        f'<text transform="translate(30 {(_TOP + _BOTTOM) / 2}) rotate(-90)" font-size="13" '
        'text-anchor="middle">Market size (USD, log scale)</text>'
    )
    # Largest first, so small bubbles stay visible on top; labels after all bubbles stay readable.
    order = sorted(plotted, key=lambda c: (-c.technologies, c.industry, c.digital_technology))
    labels = []
    for cell in order:
        cx, cy = x(float(cell.cagr_pct or 0.0)), y(math.log10(float(cell.market_size_usd or 1.0)))
        r = radius(cell.technologies)
        share = (
            "no deployment"
            if cell.japanese_deployment_share is None
            else (f"{cell.japanese_deployment_share:.0%} of {cell.deployments} deployments Japanese")
        )
        tip = (
            f"{_label(cell)}: CAGR {cell.cagr_pct:g}%, size {_usd(float(cell.market_size_usd or 0))}"
            f" ({cell.year}); {cell.technologies} technologies, {cell.gap_count} gaps; {share}"
        )
        dash = ' stroke-dasharray="3 2"' if cell.illustrative else ""
        out.append(
            f'<circle class="bubble" cx="{cx:.1f}" cy="{cy:.1f}" r="{r:.1f}" '
            f'fill="{_colour(cell.japanese_deployment_share)}" fill-opacity="0.8" stroke="#333"'
            f"{dash}><title>{_esc(tip)}</title></circle>"
        )
        labels.append(
            f'<text x="{cx + r + 3:.1f}" y="{cy + 3:.1f}" font-size="9">{_esc(_label(cell))}</text>'
        )
    if not plotted:
        out.append(
            f'<text x="{middle}" y="{(_TOP + _BOTTOM) / 2}" text-anchor="middle">No cell to plot</text>'
        )
    out.extend(labels)
    out.extend(_legend(tech_map.illustrative, most))
    line_y = _BOTTOM + 70
    if tech_map.illustrative:
        out.append(f'<text x="{_LEFT}" y="{line_y}" font-size="12" fill="#b00">* {FOOTNOTE}.</text>')
        line_y += 20
    if notes:
        out.append(
            f'<text x="{_LEFT}" y="{line_y}" font-size="11" fill="#555">'
            "Not plotted (missing CAGR or market size):</text>"
        )
        for i, note in enumerate(notes, start=1):
            out.append(
                f'<text x="{_LEFT}" y="{line_y + 16 * i}" font-size="11" fill="#555">{_esc(note)}</text>'
            )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _legend(illustrative: bool, most: int) -> list[str]:
    left, top = _RIGHT + 30, _TOP
    out = [
        f'<text x="{left}" y="{top + 10}" font-size="12" font-weight="bold">Japanese deployment share</text>'
    ]
    for i, share in enumerate((0.0, 0.25, 0.5, 0.75, 1.0)):
        row = top + 22 + 20 * i
        out.append(
            f'<rect class="legend" x="{left}" y="{row}" width="14" height="14" fill="{_colour(share)}" '
            'stroke="#333"/>'
        )
        out.append(f'<text x="{left + 22}" y="{row + 11}" font-size="11">{share:.0%}</text>')
    row = top + 22 + 20 * 5
    out.append(
        f'<rect class="legend" x="{left}" y="{row}" width="14" height="14" fill="{_GREY}" stroke="#333"/>'
    )
    out.append(f'<text x="{left + 22}" y="{row + 11}" font-size="11">no deployment</text>')
    top = row + 45
    out.append(f'<text x="{left}" y="{top}" font-size="12" font-weight="bold">Technologies in cell</text>')
    sizes = sorted({1, max(1, most // 2), most})
    cy = top + 15.0
    for count in sizes:
        r = max(_MIN_R, _MAX_R * math.sqrt(count / most))
        cy += r
        out.append(
            f'<circle class="legend" cx="{left + _MAX_R}" cy="{cy:.1f}" r="{r:.1f}" '
            'fill="none" stroke="#333"/>'
        )
        out.append(f'<text x="{left + 2 * _MAX_R + 10}" y="{cy + 4:.1f}" font-size="11">{count}</text>')
        cy += r + 8
    if illustrative:
        cy += 10
        out.append(
            f'<circle class="legend" cx="{left + 8}" cy="{cy:.1f}" r="7" fill="none" stroke="#333" '
            'stroke-dasharray="3 2"/>'
        )
        out.append(f'<text x="{left + 22}" y="{cy + 4:.1f}" font-size="11">* illustrative figures</text>')
    return out
