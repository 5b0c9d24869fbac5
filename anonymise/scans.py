"""Redacting a scanned page: black boxes burnt into the image over every
redacted word, and an invisible text layer rebuilt from the redacted text.

The OCR's word boxes say where each word of the page's text stands: the
text was made from those words in order (a space between words of a line,
a line break between lines, a blank line between paragraphs), so walking
the words the same way gives each word's place in the text. A word that
overlaps a redacted span is boxed out; the text layer holds the other
words, and the replacement where a redacted run begins.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw

from anonymise.entity import Entity

BOX_PADDING = 3  # pixels around a word's box: no stroke of a letter may show
FONTS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/freefont/FreeSans.ttf",
]


class ScanRedactionError(ValueError):
    """The page's words do not line up with its text: it cannot be redacted safely."""


@dataclass(frozen=True)
class PlacedWord:
    start: int
    end: int
    left: int
    top: int
    width: int
    height: int


def place_words(text: str, words: list[dict[str, object]]) -> list[PlacedWord]:
    """Each OCR word's span in the page text."""
    placed, position, previous = [], 0, None
    for word in words:
        key = (word["block"], word["paragraph"], word["line"])
        if previous is not None:
            position += 2 if key[:2] != previous[:2] else 1
        length = len(str(word["text"]))
        placed.append(PlacedWord(position, position + length, int(word["left"]), int(word["top"]),  # type: ignore[call-overload]
                                 int(word["width"]), int(word["height"])))  # type: ignore[call-overload]
        position += length
        previous = key
    if position != len(text):
        raise ScanRedactionError(f"the page's words make {position} characters, its text {len(text)}")
    return placed


def redacted_words(placed: list[PlacedWord], entities: list[Entity]) -> list[PlacedWord]:
    spans = [(e.start, e.end) for e in entities if e.action == "redact"]
    return [w for w in placed if any(a < w.end and w.start < b for a, b in spans)]


def redact_image(jpeg: bytes, boxes: list[PlacedWord]) -> bytes:
    """The page image with black boxes burnt in (re-encoded: nothing of the
    covered pixels survives in the file)."""
    with Image.open(io.BytesIO(jpeg)) as opened:
        image = opened.convert("L")
    draw = ImageDraw.Draw(image)
    for box in boxes:
        draw.rectangle(
            (box.left - BOX_PADDING, box.top - BOX_PADDING,
             box.left + box.width + BOX_PADDING, box.top + box.height + BOX_PADDING),
            fill=0,
        )
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85, dpi=(300, 300))
    return out.getvalue()


@lru_cache(maxsize=1)
def text_font() -> str:
    """A font with Cyrillic letters, registered with reportlab once."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for path in FONTS:
        if Path(path).is_file():
            pdfmetrics.registerFont(TTFont("RedactedText", path))
            return "RedactedText"
    raise ScanRedactionError("no font with Cyrillic letters for the text layer (install fonts-dejavu-core)")


def redacted_page_pdf(image: bytes, width: int, height: int, text: str, placed: list[PlacedWord],
                      entities: list[Entity], dpi: int = 300) -> bytes:
    """One PDF page: the image, already redacted by redact_image, under an
    invisible text layer of the kept words, with each redaction's
    replacement at its first word."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    boxed = redacted_words(placed, entities)
    scale = 72 / dpi
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=(width * scale, height * scale), pageCompression=1)
    page.setTitle("")
    page.setAuthor("")
    page.setCreator("sotarchive")
    page.drawImage(ImageReader(io.BytesIO(image)), 0, 0, width * scale, height * scale)
    font = text_font()
    covered = {(w.start, w.end) for w in boxed}
    written: set[tuple[int, int]] = set()
    for word in placed:
        if (word.start, word.end) in covered:
            entity = next((e for e in entities if e.action == "redact" and e.start < word.end and word.start < e.end), None)
            if entity is None or (entity.start, entity.end) in written:
                continue
            written.add((entity.start, entity.end))
            label = entity.replacement or "[...]"
        else:
            label = text[word.start : word.end]
        size = max(4.0, word.height * scale * 0.9)
        text_object = page.beginText()
        text_object.setTextRenderMode(3)  # invisible: found by search and copy, not seen
        text_object.setFont(font, size)
        natural = page.stringWidth(label, font, size) or 1
        text_object.setHorizScale(100 * word.width * scale / natural)
        text_object.setTextOrigin(word.left * scale, (height - word.top - word.height) * scale)
        text_object.textOut(label)
        page.drawText(text_object)
    page.showPage()
    page.save()
    return buffer.getvalue()
