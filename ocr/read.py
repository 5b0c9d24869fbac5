"""Reading a page image: preparation, recognition, orientation, fallback,
quality, and the page's searchable PDF.

The pipeline's OCR stage and `sotarchive ocr` both come through here, so a
page reads the same everywhere.
"""

from __future__ import annotations

import io
import logging
import re
import subprocess
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
from PIL import Image

from ocr import other_cyrillic, page_language
from ocr.cleanup import clean
from ocr.engine import DEFAULT_LANGUAGES, DEFAULT_TIMEOUT_S, LINE, RAW_LINE, OcrError, PageOcr, recognise
from ocr.kyrgyz_letters import restore, surely_marked
from ocr.language import guess_language
from ocr.orientation import clockwise_turn, turn
from ocr.pdf import page_with_text_layer
from ocr.prepare import DESKEW_RANGE, DEFAULT_STEPS, Prepared, grey, prepare
from ocr.quality import ATTENTION_BELOW, BLANK_MIN_MARKS, Quality, assess, evidence, reads_as_text

log = logging.getLogger(__name__)

DPI = 300
JPEG_QUALITY = 85
MIN_WORDS = 5  # fewer on a page with ink, and the page is probably turned


@dataclass
class PageResult:
    """What reading one page gives: the OCR, how the page was prepared,
    how good the reading is, and the page as stored and shown."""

    ocr: PageOcr
    image: bytes  # the page turned upright and deskewed, as JPEG
    width: int
    height: int
    pdf: bytes  # one page: that image under an invisible, aligned text layer
    quality: Quality
    blank: bool = False
    skew: float = 0.0
    turned: int = 0
    steps: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.ocr.text


def read_image(
    image: Image.Image | Path,
    languages: str = DEFAULT_LANGUAGES,
    timeout_s: int = DEFAULT_TIMEOUT_S,
    steps: tuple[str, ...] = DEFAULT_STEPS,
) -> PageResult:
    """OCR one page image (a PIL image or an image file)."""
    page = _load(image)
    prepared = prepare(page, steps)
    if prepared.marks == 0:
        return _blank(prepared)  # not one mark of ink: nothing to read
    if prepared.single_line:
        prepared.steps.append("read as one line")
    chosen = languages
    if prepared.noisy:
        chosen, found = page_language.choose(prepared.ocr_input, languages, timeout_s)
        if chosen != languages:
            prepared.steps.append(f"read with {chosen} (a sample of its lines reads as {found})")
    result = _recognise(prepared, chosen, timeout_s)
    if chosen != languages and not page_language.confirmed(result.text, chosen):
        result = _recognise(prepared, languages, timeout_s)
        prepared.steps.append(f"read again with {languages}: the page reads as {result.language}")
        chosen = languages
    if prepared.single_line and result.confidence < ATTENTION_BELOW:
        result = _surer_as_line(prepared, result, chosen, timeout_s)
    # With a few marks, blank only when OCR agrees: a faint page called
    # blank would lose its text.
    if prepared.marks < BLANK_MIN_MARKS and not reads_as_text(result.words):
        return _blank(prepared)
    turned = 0
    if len(result.words) < MIN_WORDS or result.confidence < ATTENTION_BELOW:
        # Sideways or upside down? Ask OSD only now: it costs time.
        clockwise = clockwise_turn(prepared.ocr_input, timeout_s)
        if clockwise:
            upright = prepare(turn(page, clockwise), steps)
            second = _recognise(upright, chosen, timeout_s)
            if evidence(second.words) > evidence(result.words):
                prepared, result, turned = upright, second, clockwise
                prepared.steps.insert(0, f"turned {clockwise}° clockwise")
    if result.confidence < ATTENTION_BELOW and len(prepared.steps) > 1:
        # Preparation can make a page worse: read it as it is, keep the better.
        plain = Prepared(geometry=prepared.geometry, ocr_input=prepared.geometry, skew=prepared.skew)
        unprepared = _recognise(plain, chosen, timeout_s)
        if evidence(unprepared.words) > evidence(result.words):
            result = unprepared
            prepared.steps.append("fell back to the unprepared image")
    if other_cyrillic.wanted(result.text):
        # Only now: whether the page is blank or turned is decided on the
        # first reading, which is surer of what it reads.
        result = _other_cyrillic(prepared, result, timeout_s)
    result = _restore_kyrgyz_letters(result, prepared)
    return _result(prepared, result, turned)


def _surer_as_line(prepared: Prepared, raw: PageOcr, languages: str, timeout_s: int) -> PageOcr:
    """A strip read as a raw line, unsurely, is read again with Tesseract's
    line finder and the surer reading kept. The raw line reads real lines
    of print better (see ocr.prepare.LINE_X_HEIGHT), but its confidence on
    a word or two swings with a few pixels of margin: the one word
    "волость." read right at 23% on a real scanned strip, which then
    passed for specks on a blank page."""
    as_line = _recognise(prepared, languages, timeout_s, LINE)
    if evidence(as_line.words) <= evidence(raw.words):
        return raw
    prepared.steps.append("read again with line finding (surer)")
    return as_line


def _other_cyrillic(prepared: Prepared, result: PageOcr, timeout_s: int) -> PageOcr:
    """A page full of words with brackets and digits for letters is read
    again with Tesseract's Cyrillic script model, and kept if that reads
    fewer such words (see ocr.other_cyrillic)."""
    try:
        second = _recognise(prepared, other_cyrillic.MODEL, timeout_s)
    except OcrError as exc:
        # A second opinion is not worth the page: keep the first reading.
        log.warning("the Cyrillic script model could not read the page: %s", exc)
        return result
    if not other_cyrillic.better(result.text, second.text):
        return result
    share = other_cyrillic.misread_share(result.text)
    prepared.steps.append(f"read with the Cyrillic script model ({share:.0%} of words misread with Kyrgyz and Russian)")
    return second


def _restore_kyrgyz_letters(result: PageOcr, prepared: Prepared) -> PageOcr:
    """ң ө ү back on a page typed without them, or the ө ү OCR lost on a
    page typed with them (the text only: the word boxes and the PDF's text
    layer keep Tesseract's reading)."""
    own = surely_marked((word.text, word.confidence) for word in result.words)
    try:
        restoration = restore(result.text, own=own)
    except (OSError, subprocess.CalledProcessError) as exc:
        log.warning("Kyrgyz letters not restored: the word list is unavailable (%s)", exc)
        return result
    if not restoration.restored:
        return result
    if restoration.typed_without_marks:
        prepared.steps.append(f"restored ң ө ү in {restoration.restored} words")
    else:
        prepared.steps.append(f"put back ө ү that OCR lost in {restoration.restored} words (vowel harmony)")
    return replace(result, text=restoration.text, language=guess_language(restoration.text))


def _load(image: Image.Image | Path) -> Image.Image:
    if isinstance(image, Path):
        with Image.open(image) as opened:
            opened.load()
            return grey(opened)
    return grey(image)


def _recognise(prepared: Prepared, languages: str, timeout_s: int, line_mode: int = RAW_LINE) -> PageOcr:
    # PGM: no compression to spend time on, and Leptonica reads it directly.
    # The dpi tells Tesseract the page's real size, so its text-only PDF
    # page has the same size in points as the page image laid under it.
    with tempfile.NamedTemporaryFile(suffix=".pgm") as tmp:
        prepared.ocr_input.save(tmp.name, "PPM")
        result = recognise(
            Path(tmp.name), languages, timeout_s, dpi=round(DPI * prepared.ocr_scale), text_only_pdf=True,
            segmentation=line_mode if prepared.single_line else None,
        )
    result = clean(result)
    return scale_back(result, 1 / prepared.ocr_scale) if prepared.ocr_scale != 1.0 else result


def _result(prepared: Prepared, result: PageOcr, turned: int, blank: bool = False) -> PageResult:
    jpeg = encode_jpeg(prepared.geometry)
    width, height = prepared.geometry.size
    quality = (
        Quality(score=0.0)
        if blank
        else assess(result.words, np.asarray(prepared.geometry), prepared.skew, DESKEW_RANGE)
    )
    return PageResult(
        ocr=result,
        image=jpeg,
        width=width,
        height=height,
        pdf=page_with_text_layer(jpeg, width, height, result.pdf or None),
        quality=quality,
        blank=blank,
        skew=prepared.skew,
        turned=turned,
        steps=prepared.steps,
    )


def _blank(prepared: Prepared) -> PageResult:
    """A blank page is a page (kept, counted, shown), not a failure."""
    return _result(prepared, PageOcr(text="", confidence=0.0, language="blank"), 0, blank=True)


BBOX = re.compile(rb"bbox (\d+) (\d+) (\d+) (\d+)")


def scale_back(result: PageOcr, factor: float) -> PageOcr:
    """Word boxes and hOCR boxes from the resized OCR copy to page pixels."""
    words = [
        replace(w, left=round(w.left * factor), top=round(w.top * factor),
                width=round(w.width * factor), height=round(w.height * factor))
        for w in result.words
    ]
    hocr = BBOX.sub(
        lambda m: b"bbox " + b" ".join(str(round(int(v) * factor)).encode() for v in m.groups()),
        result.hocr,
    )
    return replace(result, words=words, hocr=hocr)


def encode_jpeg(image: Image.Image) -> bytes:
    """A page image as stored and put in the PDF: greyscale JPEG at 300 dpi."""
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=JPEG_QUALITY, dpi=(DPI, DPI))
    return buffer.getvalue()
