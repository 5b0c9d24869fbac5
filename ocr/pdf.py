"""Searchable PDF assembly: one-page PDFs merged into the document's PDF."""

from __future__ import annotations

import io

import pikepdf


def merge_pdfs(pages: list[bytes], title: str | None = None) -> bytes:
    """Concatenate one-page PDFs (Tesseract's or the original's) in order."""
    out = pikepdf.new()
    sources = []
    for data in pages:
        source = pikepdf.open(io.BytesIO(data))
        sources.append(source)
        out.pages.extend(source.pages)
    if title:
        with out.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["dc:title"] = title
    buffer = io.BytesIO()
    out.save(buffer, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    for source in sources:
        source.close()
    return buffer.getvalue()
