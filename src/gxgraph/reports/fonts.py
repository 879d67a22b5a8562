"""The fonts reports are set in: Noto Sans CJK JP (regular and bold), shipped by PyPI packages.

``noto-cjk-sans-jp-regular`` and ``noto-cjk-sans-jp-bold`` carry Google's OpenType files (SIL Open
Font License 1.1, which allows bundling and embedding) inside their wheels, so ``pip install`` is all
a machine needs: nothing is downloaded at run time and no system font is used. The same family sets
Latin text, so English and Japanese reports look alike. Typst embeds subsets of them in the PDF; the
charts (vl-convert) register the same folders, so chart labels in Japanese render too.
"""

from __future__ import annotations

import threading
from functools import cache
from pathlib import Path

import noto_cjk_sans_jp_bold
import noto_cjk_sans_jp_regular
import vl_convert

__all__ = ["FONT_FAMILY", "font_folders", "register_chart_fonts"]

FONT_FAMILY = "Noto Sans CJK JP"
_lock = threading.Lock()


@cache
def font_folders() -> tuple[Path, ...]:
    """The folders holding the report fonts (the packages' own folders)."""
    files = (noto_cjk_sans_jp_regular.FONT_PATH, noto_cjk_sans_jp_bold.FONT_PATH)
    return tuple(sorted({Path(str(font)).parent for font in files}))


_registered: list[Path] = []


def register_chart_fonts() -> None:
    """Make the report fonts known to vl-convert (once per process)."""
    with _lock:
        for folder in font_folders():
            if folder not in _registered:
                vl_convert.register_font_directory(str(folder))
                _registered.append(folder)
