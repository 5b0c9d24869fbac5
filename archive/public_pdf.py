"""The PDF the public downloads: every page redacted, nothing else left.

Scanned pages get black boxes over the redacted words (their OCR boxes)
and a text layer of the redacted text; pages with a text of their own
(born-digital PDFs, text files) are set again from the redacted text, so
no original glyph or text object survives. The document carries no
metadata but a title. Before it is stored, its text and metadata are
extracted again and checked for every detected value.
"""

from __future__ import annotations

import io
import json
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pikepdf

from anonymise import Entity
from anonymise.scans import place_words, redact_image, redacted_page_pdf, redacted_words
from archive.services import Services
from storage.models import Page

PAGE_W, PAGE_H = 595.0, 842.0  # A4 in points, for pages set from text


def build(svc: Services, pages: list[Page], entities: list[dict[str, Any]], title: str) -> tuple[bytes, dict[int, bytes]]:
    """The public PDF, titled as the public index titles the act, and the
    redacted image of each scanned page (by page number) for the public
    document view."""
    parts, images = [], {}
    for page in pages:
        on_page = [Entity(**{k: v for k, v in e.items() if k != "page"}) for e in entities if e["page"] == page.number]
        if page.text_source == "ocr" and page.image_blob and page.words_blob and page.width and page.height:
            words = json.loads(svc.blobs.read_bytes(page.words_blob))
            placed = place_words(page.text or "", words)
            image = redact_image(svc.blobs.read_bytes(page.image_blob), redacted_words(placed, on_page))
            images[page.number] = image
            parts.append(redacted_page_pdf(image, page.width, page.height, page.text or "", placed, on_page))
        else:
            parts.append(_typeset(page.redacted_text or ""))
    merged = pikepdf.new()
    for part in parts:
        merged.pages.extend(pikepdf.open(io.BytesIO(part)).pages)
    # A new PDF: no XMP, and an information dictionary with a title alone.
    merged.docinfo = merged.make_indirect(pikepdf.Dictionary(Title=pikepdf.String(title)))
    out = io.BytesIO()
    merged.save(out)
    return out.getvalue(), images


def _typeset(text: str) -> bytes:
    from reportlab.pdfgen import canvas

    from anonymise.scans import text_font

    font, size, margin, leading = text_font(), 11.0, 56.0, 15.0
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=(PAGE_W, PAGE_H))
    page.setTitle("")
    page.setAuthor("")
    page.setCreator("sotarchive")
    y = PAGE_H - margin
    for paragraph in text.splitlines() or [""]:
        line = ""
        for word in paragraph.split():
            trial = f"{line} {word}".strip()
            if page.stringWidth(trial, font, size) > PAGE_W - 2 * margin and line:
                page.setFont(font, size)
                page.drawString(margin, y, line)
                y -= leading
                line = word
            else:
                line = trial
        page.setFont(font, size)
        page.drawString(margin, y, line)
        y -= leading
        if y < margin:
            page.showPage()
            y = PAGE_H - margin
    page.showPage()
    page.save()
    return buffer.getvalue()


def extracted_text(pdf: bytes) -> str:
    """All a reader can get out of the PDF: its text and its metadata."""
    with tempfile.TemporaryDirectory(prefix="sotarchive-leak-") as tmp:
        path = Path(tmp) / "public.pdf"
        path.write_bytes(pdf)
        text = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        meta = " ".join(str(v) for v in opened.docinfo.values())
        xmp = bytes(opened.Root.Metadata.read_bytes()).decode("utf-8", "replace") if "/Metadata" in opened.Root else ""
    return "\n".join((text, meta, xmp))
