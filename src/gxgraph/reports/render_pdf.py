"""The PDF renderer: Typst (the ``typst`` package from PyPI, no system packages) sets the document.

``templates/report.typ`` reads the document as JSON and the charts as SVG files from a scratch folder,
so text from the graph is data and never markup. The PDF is A4 with a title page, a table of
contents, running headers, page numbers, vector charts and the Noto Sans CJK JP fonts embedded
(subset) from their PyPI packages; system fonts are ignored, so every machine makes the same file.
"""

from __future__ import annotations

import json
import tempfile
from importlib import resources
from pathlib import Path

import typst

from gxgraph.reports.document import Document
from gxgraph.reports.fonts import font_folders

__all__ = ["render_pdf"]

TEMPLATE = resources.files("gxgraph.reports") / "templates" / "report.typ"


def render_pdf(document: Document) -> bytes:
    """The document as PDF bytes."""
    with tempfile.TemporaryDirectory(prefix="gxgraph-report-") as scratch:
        folder = Path(scratch)
        content = document.model_dump(mode="json", exclude={"snapshot"})
        for number, block in enumerate(
            block for section in content["sections"] for block in section["blocks"]
        ):
            if block["type"] == "chart":
                name = f"chart-{number}.svg"
                (folder / name).write_text(block["chart"], encoding="utf-8")
                block["chart"] = name
        (folder / "doc.json").write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
        (folder / "report.typ").write_text(TEMPLATE.read_text(encoding="utf-8"), encoding="utf-8")
        fonts = typst.Fonts(
            include_system_fonts=False,
            include_embedded_fonts=True,
            font_paths=[str(path) for path in font_folders()],
        )
        pdf: bytes = typst.compile(
            str(folder / "report.typ"), root=str(folder), font_paths=fonts, format="pdf"
        )
        return pdf
