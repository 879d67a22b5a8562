"""PDF pages as pictures: render with pypdfium2, write PNG with the standard library (no Pillow)."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

import pypdfium2

__all__ = ["Page", "render_pages"]


@dataclass(frozen=True)
class Page:
    """One rendered page: RGB rows."""

    width: int
    height: int
    rgb: bytes

    def ink(self) -> float:
        """Share of pixels that are not (near) white."""
        pixels = len(self.rgb) // 3
        dark = sum(
            1
            for i in range(0, len(self.rgb), 3 * 7)
            if min(self.rgb[i], self.rgb[i + 1], self.rgb[i + 2]) < 200
        )
        return dark / max(pixels // 7, 1)

    def png(self) -> bytes:
        rows = b"".join(
            b"\x00" + self.rgb[y * self.width * 3 : (y + 1) * self.width * 3] for y in range(self.height)
        )

        def chunk(kind: bytes, data: bytes) -> bytes:
            return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)
        return (
            b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(rows, 6))
            + chunk(b"IEND", b"")
        )


def render_pages(pdf: bytes, scale: float = 1.0) -> list[Page]:
    """Every page of ``pdf`` rendered at ``scale`` (1.0 = 72 dpi)."""
    document = pypdfium2.PdfDocument(pdf)
    pages = []
    try:
        for index in range(len(document)):
            bitmap = document[index].render(scale=scale, rev_byteorder=True)  # RGB(A) byte order
            width, height, stride = bitmap.width, bitmap.height, bitmap.stride
            channels = bitmap.n_channels
            raw = bytes(bitmap.buffer)
            rgb = bytearray()
            for y in range(height):
                line = raw[y * stride : y * stride + width * channels]
                if channels == 3:
                    rgb += line
                else:
                    for x in range(0, len(line), channels):
                        rgb += line[x : x + 3]
            pages.append(Page(width, height, bytes(rgb)))
    finally:
        document.close()
    return pages
