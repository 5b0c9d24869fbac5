"""Tesseract through pytesseract, one process per call and per core.

One Tesseract run produces the TSV (words, boxes, confidences), the hOCR
and a one-page PDF with the image and an invisible text layer, so a page is
decoded and recognised once. OMP_THREAD_LIMIT=1 because the pipeline runs
one Tesseract per core; Tesseract's own threads would only fight for them.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pytesseract

from ocr.language import guess_language

DEFAULT_LANGUAGES = "kir+rus"
DEFAULT_TIMEOUT_S = 300


class OcrError(Exception):
    """Tesseract could not read a page; the message says why."""


@dataclass(frozen=True)
class Word:
    text: str
    left: int
    top: int
    width: int
    height: int
    confidence: float
    block: int
    paragraph: int
    line: int


@dataclass
class PageOcr:
    text: str
    confidence: float
    language: str
    words: list[Word] = field(default_factory=list)
    pdf: bytes = b""
    hocr: bytes = b""


@lru_cache(maxsize=1)
def tesseract_version() -> str:
    try:
        return str(pytesseract.get_tesseract_version())
    except pytesseract.TesseractNotFoundError as exc:
        raise OcrError(
            "Tesseract is not installed: install tesseract-ocr, tesseract-ocr-kir "
            "and tesseract-ocr-rus (the README's set-up command does this)"
        ) from exc


LINE = 7  # one line of text, found by Tesseract's line finder
RAW_LINE = 13  # the whole image is the line: no line finding


def recognise(
    image_path: Path,
    languages: str = DEFAULT_LANGUAGES,
    timeout_s: int = DEFAULT_TIMEOUT_S,
    dpi: int | None = None,
    text_only_pdf: bool = False,
    segmentation: int | None = None,
) -> PageOcr:
    """Recognise one page image file with Tesseract.

    segmentation is Tesseract's page segmentation mode where the default
    (layout analysis) is wrong: on a strip cut from a page it finds columns
    and blocks that are not there (RAW_LINE, LINE: see ocr.read).

    With text_only_pdf the PDF holds only the invisible text layer (the
    caller lays it over the page image it keeps), which spares Tesseract
    re-compressing the image: about a fifth of its time per page.
    """
    os.environ["OMP_THREAD_LIMIT"] = "1"
    tesseract_version()
    options = ["-c tessedit_create_tsv=1", "-c hocr_char_boxes=1"]
    if dpi:
        options.append(f"--dpi {dpi}")
    if text_only_pdf:
        options.append("-c textonly_pdf=1")
    if segmentation is not None:
        options.append(f"--psm {segmentation}")
    with tempfile.TemporaryDirectory(prefix="sotarchive-ocr-") as tmp:
        base = os.path.join(tmp, "page")
        _run_tesseract(image_path, base, languages, timeout_s, " ".join(options))
        with open(base + ".pdf", "rb") as f_pdf, open(base + ".hocr", "rb") as f_hocr:
            pdf, hocr = f_pdf.read(), f_hocr.read()
        with open(base + ".tsv", encoding="utf-8", errors="replace") as f_tsv:
            tsv = f_tsv.read()
    words = parse_tsv(tsv)
    text = words_to_text(words)
    return PageOcr(
        text=text,
        confidence=mean_confidence(words),
        language=guess_language(text),
        words=words,
        pdf=pdf,
        hocr=hocr,
    )


def _run_tesseract(image_path: Path, base: str, languages: str, timeout_s: int, config: str) -> None:
    """One Tesseract run writing base.pdf, base.hocr and base.tsv.

    pytesseract's run_and_get_multiple_output would pass `-c` only before
    the first of several options, so the TSV would silently go missing.
    """
    try:
        pytesseract.pytesseract.run_tesseract(
            str(image_path),
            base,
            extension="pdf hocr",
            lang=languages,
            config=config,
            timeout=timeout_s,
        )
    except RuntimeError as exc:
        if "timeout" in str(exc).lower():
            raise OcrError(f"Tesseract took longer than {timeout_s} s on this page") from exc
        raise OcrError(f"Tesseract failed: {exc}") from exc
    except pytesseract.TesseractError as exc:
        raise OcrError(f"Tesseract failed: {exc.message or exc}") from exc


def parse_tsv(tsv: str) -> list[Word]:
    """Words (level 5 rows) from Tesseract's TSV output."""
    words: list[Word] = []
    reader = csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    for row in reader:
        if row.get("level") != "5":
            continue
        text = (row.get("text") or "").strip()
        if not text:
            continue
        words.append(
            Word(
                text=text,
                left=int(row["left"]),
                top=int(row["top"]),
                width=int(row["width"]),
                height=int(row["height"]),
                confidence=max(0.0, float(row["conf"])),
                block=int(row["block_num"]),
                paragraph=int(row["par_num"]),
                line=int(row["line_num"]),
            )
        )
    return words


def words_to_text(words: list[Word]) -> str:
    """Lines joined by newlines, paragraphs by a blank line, as on the page."""
    out: list[str] = []
    previous: tuple[int, int, int] | None = None
    for word in words:
        key = (word.block, word.paragraph, word.line)
        if previous is None:
            out.append(word.text)
        elif key[:2] != previous[:2]:
            out.append("\n\n" + word.text)
        elif key != previous:
            out.append("\n" + word.text)
        else:
            out.append(" " + word.text)
        previous = key
    return "".join(out)


def mean_confidence(words: list[Word]) -> float:
    if not words:
        return 0.0
    return round(sum(w.confidence for w in words) / len(words), 2)
