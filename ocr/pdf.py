"""Searchable PDF assembly: the page image under an invisible text layer,
pages merged into the document, and PDF/A-2b where every page is ours."""

from __future__ import annotations

import io
from datetime import datetime, timezone
from functools import lru_cache

import pikepdf
from PIL import ImageCms


def page_with_text_layer(image: bytes, width: int, height: int, text_pdf: bytes | None, dpi: int = 300) -> bytes:
    """One PDF page: the page image as it is (JPEG bytes, not re-encoded)
    under Tesseract's invisible text layer, which has the same page size.
    Without a text layer (a blank page), the image alone at its size."""
    if text_pdf:
        pdf = pikepdf.open(io.BytesIO(text_pdf))
        page = pdf.pages[0]
    else:
        pdf = pikepdf.new()
        pdf.add_blank_page(page_size=(width * 72 / dpi, height * 72 / dpi))
        page = pdf.pages[0]
    xobject = pikepdf.Stream(pdf, image)
    xobject.Type = pikepdf.Name.XObject
    xobject.Subtype = pikepdf.Name.Image
    xobject.Width, xobject.Height = width, height
    xobject.ColorSpace = pikepdf.Name.DeviceGray
    xobject.BitsPerComponent = 8
    xobject.Filter = pikepdf.Name.DCTDecode
    name = page.add_resource(xobject, pikepdf.Name.XObject, prefix="Im")
    box = page.mediabox
    page_w, page_h = float(box[2]) - float(box[0]), float(box[3]) - float(box[1])
    draw = f"q {page_w:.4f} 0 0 {page_h:.4f} 0 0 cm {name} Do Q\n".encode()
    page.contents_add(pikepdf.Stream(pdf, draw), prepend=True)
    buffer = io.BytesIO()
    pdf.save(buffer, compress_streams=True)
    return buffer.getvalue()


@lru_cache(maxsize=1)
def srgb_profile() -> bytes:
    """An sRGB ICC profile, made by LittleCMS (inside Pillow): offline."""
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def make_pdfa(pdf: pikepdf.Pdf, title: str | None) -> None:
    """Mark a PDF of our own pages as PDF/A-2b: an output intent (PDF/A
    allows DeviceGray images under one) and the XMP identification.
    Only for pages we built: images and Tesseract's embedded glyph-less
    font, nothing a born-digital original might bring."""
    profile = pikepdf.Stream(pdf, srgb_profile())
    profile.N = 3
    pdf.Root.OutputIntents = pikepdf.Array(
        [
            pikepdf.Dictionary(
                Type=pikepdf.Name.OutputIntent,
                S=pikepdf.Name.GTS_PDFA1,
                OutputConditionIdentifier="sRGB IEC61966-2.1",
                Info="sRGB IEC61966-2.1",
                DestOutputProfile=profile,
            )
        ]
    )
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["pdfaid:part"] = "2"
        meta["pdfaid:conformance"] = "B"
        meta["xmp:CreateDate"] = now
        meta["xmp:ModifyDate"] = now
        meta["xmp:CreatorTool"] = "sotarchive"
        meta["pdf:Producer"] = "sotarchive (pikepdf, Tesseract)"
        if title:
            meta["dc:title"] = title


def merge_pdfs(pages: list[bytes], title: str | None = None, pdfa: bool = False) -> bytes:
    """Concatenate one-page PDFs (ours or the original's) in order."""
    out = pikepdf.new()
    sources = []
    for data in pages:
        source = pikepdf.open(io.BytesIO(data))
        sources.append(source)
        out.pages.extend(source.pages)
    if pdfa:
        make_pdfa(out, title)
    elif title:
        with out.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["dc:title"] = title
    buffer = io.BytesIO()
    out.save(buffer, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    for source in sources:
        source.close()
    return buffer.getvalue()
