"""Letter boxes from Tesseract's hOCR (run with hocr_char_boxes=1).

The TSV gives words; some repairs need the size of single letters: on a
typewriter page Cyrillic С/с, К/к, О/о, Т/т differ only in height, and
Tesseract's case guesses for them are poor. The words' boxes key the
letters, so the TSV's words and the hOCR's letters meet.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

WORD_BOX = re.compile(r"title='bbox (\d+) (\d+) (\d+) (\d+); x_wconf")
LETTER = re.compile(r"class='ocrx_cinfo' title='x_bboxes (\d+) (\d+) (\d+) (\d+); x_conf [\d.]+'>([^<]*)</span>")


@dataclass(frozen=True)
class Glyph:
    char: str
    left: int
    top: int
    right: int
    bottom: int

    @property
    def height(self) -> int:
        return self.bottom - self.top


def glyphs_by_word(hocr: bytes) -> dict[tuple[int, int], list[Glyph]]:
    """Each word's letters, keyed by the word box's (left, top)."""
    found: dict[tuple[int, int], list[Glyph]] = {}
    for chunk in hocr.decode("utf-8", "replace").split("class='ocrx_word'")[1:]:
        box = WORD_BOX.search(chunk)
        if not box:
            continue
        letters = [
            Glyph(html.unescape(m.group(5)), int(m.group(1)), int(m.group(2)), int(m.group(3)), int(m.group(4)))
            for m in LETTER.finditer(chunk)
        ]
        found[(int(box.group(1)), int(box.group(2)))] = letters
    return found
