"""The HTML renderer: one self-contained file (inline CSS and SVG charts, no request elsewhere), readable
on screen and in print (A4, a section per page). It carries the report's snapshot in a JSON script
element, so a later report can list what changed since this one (``--since FILE``)."""

from __future__ import annotations

from importlib import resources

import jinja2

from gxgraph.reports.changes import embedded_script
from gxgraph.reports.document import Document
from gxgraph.reports.messages import text

__all__ = ["render_html"]

_ENVIRONMENT = jinja2.Environment(
    loader=jinja2.FunctionLoader(
        lambda name: (resources.files("gxgraph.reports") / "templates" / name).read_text(encoding="utf-8")
    ),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def render_html(document: Document) -> bytes:
    """The document as one UTF-8 HTML page; every text from the graph is escaped."""
    template = _ENVIRONMENT.get_template("report.html.j2")
    page = template.render(
        doc=document,
        contents=text(document.lang, "contents"),
        snapshot=embedded_script(document.snapshot),
    )
    return page.encode("utf-8")
