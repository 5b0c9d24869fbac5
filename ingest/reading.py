"""Reading one page of an original: its text, and the image and PDF made of it.

Shared by the pipeline's OCR stage and the `sotarchive ocr` command, so a
page reads the same whether or not the catalog is involved. Scans go
through ocr.read_image (preparation, orientation, quality); born-digital
pages keep their own text layer and are not OCR'd.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from ingest.sources import page_image, pdf_page_bytes, pdf_page_text, read_text
from ocr import encode_jpeg, guess_language, read_image


@dataclass
class PageReading:
    source: str  # "ocr", "text_layer" or "text"
    text: str
    language: str
    confidence: float | None = None
    image: bytes | None = None  # encoded page image (JPEG or PNG)
    width: int | None = None
    height: int | None = None
    pdf: bytes | None = None  # one-page PDF with a text layer
    hocr: bytes | None = None
    words_json: bytes | None = None
    quality: float | None = None
    blank: bool = False
    attention: str | None = None  # why a person should look at this page
    skew: float | None = None
    preparation: str | None = None


def read_page(
    path: Path, kind: str, number: int, source: str, languages: str, timeout_s: int, dpi: int
) -> PageReading:
    """Raises archive.errors.BadInput or ocr.OcrError with the reason."""
    if source == "text":
        text = read_text(path)
        return PageReading(source, text, guess_language(text))
    image = page_image(path, kind, number, dpi)
    if source == "text_layer":
        text = pdf_page_text(path, number)
        return PageReading(
            source, text, guess_language(text), pdf=pdf_page_bytes(path, number),
            image=encode_jpeg(image), width=image.width, height=image.height,
        )
    page = read_image(image, languages, timeout_s)
    words = json.dumps([asdict(w) for w in page.ocr.words], ensure_ascii=False).encode("utf-8")
    return PageReading(
        source,
        page.text,
        page.ocr.language,
        page.ocr.confidence,
        image=page.image,
        width=page.width,
        height=page.height,
        pdf=page.pdf,
        hocr=page.ocr.hocr or None,
        words_json=words,
        quality=page.quality.score,
        blank=page.blank,
        attention="; ".join(page.quality.flags) or None,
        skew=page.skew,
        preparation=", ".join(page.steps),
    )
