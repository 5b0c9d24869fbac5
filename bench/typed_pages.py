"""Real text written as typed pages for bench/ocr_quality.py --texts DIR.

A typewriter has the hyphen and the straight quote only, so dashes,
curly and angle quotes and no-break spaces are typed as those; lines are
60 characters and pages 18 lines, the measure of bench/ocr_texts. Used by
bench/kyrgyz_treebank.py (real Kyrgyz) and bench/nerel.py (real Russian).
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from pathlib import Path

PAGE_WIDTH, PAGE_LINES = 60, 18
TYPEWRITER = str.maketrans({"–": "-", "—": "-", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "\xa0": " ",
                            "’": "'"})


def typed_lines(paragraphs: Iterable[str]) -> list[str]:
    """Each paragraph as typed, wrapped at the page's width."""
    return [line for paragraph in paragraphs for line in textwrap.wrap(paragraph.translate(TYPEWRITER), PAGE_WIDTH)]


def write_pages(lines: list[str], folder: Path, prefix: str, pages: int | None = None) -> int:
    """The lines as pages named PREFIX_01.txt, PREFIX_02.txt ... in folder
    (all of them, or the first `pages`); how many were written."""
    chunks = [lines[i : i + PAGE_LINES] for i in range(0, len(lines), PAGE_LINES)][:pages]
    folder.mkdir(parents=True, exist_ok=True)
    for n, page in enumerate(chunks, 1):
        (folder / f"{prefix}_{n:02d}.txt").write_text("\n".join(page) + "\n", "utf-8")
    return len(chunks)
