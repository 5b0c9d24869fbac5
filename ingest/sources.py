"""Opening originals: what a file holds, how many pages, and each page's image.

Every check that can be done without decoding pixels is done first (file
type, PDF password, declared image size), so a corrupt file or a
decompression bomb is refused before it costs memory.
"""

from __future__ import annotations

import io
import subprocess
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
from pdf2image import convert_from_path
from pdf2image.exceptions import PDFInfoNotInstalledError, PDFPageCountError, PDFSyntaxError
from PIL import Image, ImageOps

from archive.errors import BadInput, N_
from ingest.sniff import describe, expected_kind, sniff

# Why a file or a page is refused, in words an operator can act on.
REASONS = {
    "empty": N_("the file is empty (0 bytes); scan or copy it again"),
    "misnamed": N_("the name says %(expected)s but the file holds %(found)s; "
                   "rename it to match its content, or export it again"),
    "unsupported": N_("unsupported file type: %(found)s; accepted are PDF, TIFF, PNG, JPEG and TXT"),
    "password": N_("the PDF is password-protected; ask for the password or an unprotected copy"),
    "pdf_broken": N_("the PDF is damaged beyond repair: %(detail)s"),
    "pdf_no_pages": N_("the PDF has no pages (it may be truncated)"),
    "pdf_page_too_large": N_("page %(number)s is %(width)s×%(height)s inches, too large to be a "
                             "document page at %(dpi)s dpi; the file may be corrupt"),
    "pdf_truncated": N_("the PDF is damaged (probably truncated): %(detail)s"),
    "damaged_after": N_("the file is damaged after page %(number)s: %(detail)s"),
    "no_readable_page": N_("no readable page in the image: %(detail)s"),
    "image_unreadable": N_("the image cannot be read: %(detail)s"),
    "page_too_large": N_("page %(number)s is too large to be a page scan (%(width)s×%(height)s pixels; the limit is "
                         "%(limit)s megapixels): the file is corrupt or a decompression bomb"),
    "image_too_large": N_("the image is too large to be a page scan (%(detail)s; the limit is "
                          "%(limit)s megapixels): the file is corrupt or a decompression bomb"),
    "page_too_small": N_("page %(number)s is only %(width)s×%(height)s pixels; it is not a page scan"),
    "page_undecodable": N_("page %(number)s cannot be decoded: %(detail)s"),
    "pdf_page_unrenderable": N_("page %(number)s of the PDF cannot be rendered: %(detail)s"),
    "pdf_page_truncated": N_("page %(number)s of the PDF cannot be rendered (the file may be truncated)"),
    "text_encoding": N_("the text file is neither UTF-8 nor Windows-1251"),
}


def refused(code: str, **params: object) -> BadInput:
    """The refusal with its reason in English (the template filled in)."""
    return BadInput(REASONS[code] % params)


MAX_PAGE_PIXELS = 150_000_000  # an A0 sheet at 300 dpi is 140 MP
MIN_TEXT_LAYER_CHARS = 40
PDF_RENDER_TIMEOUT_S = 120
POINTS_PER_INCH = 72


@dataclass
class SourceInfo:
    kind: str
    page_count: int
    text_layer_pages: set[int] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)

    def page_source(self, number: int) -> str:
        """Where a page's text comes from: "text" (a text file), "text_layer"
        (a born-digital PDF page, not OCR'd) or "ocr"."""
        if self.kind == "text":
            return "text"
        return "text_layer" if number in self.text_layer_pages else "ocr"


def inspect_source(path: Path, name: str, dpi: int = 300) -> SourceInfo:
    """Identify the file and count its pages; raise BadInput with the reason."""
    size = path.stat().st_size
    if size == 0:
        raise refused("empty")
    with open(path, "rb") as handle:
        head = handle.read(4096)
    kind = sniff(head)
    expected = expected_kind(Path(name))
    if expected is not None and expected != kind:
        raise refused("misnamed", expected=describe(expected), found=describe(kind))
    if kind == "pdf":
        return _inspect_pdf(path, dpi)
    if kind in ("tiff", "png", "jpeg"):
        return _inspect_image(path, kind)
    if kind == "text":
        read_text(path)
        return SourceInfo(kind="text", page_count=1)
    raise refused("unsupported", found=describe(kind))


def _open_pdf(path: Path) -> pikepdf.Pdf:
    try:
        return pikepdf.open(path)
    except pikepdf.PasswordError as exc:
        raise refused("password") from exc
    except pikepdf.PdfError as exc:
        raise refused("pdf_broken", detail=_first_line(exc)) from exc


def _inspect_pdf(path: Path, dpi: int) -> SourceInfo:
    with _open_pdf(path) as pdf:
        problems = [w for w in pdf.get_warnings()]
        count = len(pdf.pages)
        if count == 0:
            raise refused("pdf_no_pages")
        for number, page in enumerate(pdf.pages, start=1):
            width_in, height_in = _page_inches(page)
            pixels = width_in * dpi * height_in * dpi
            if pixels > MAX_PAGE_PIXELS:
                raise refused("pdf_page_too_large", number=number, width=f"{width_in:.0f}",
                              height=f"{height_in:.0f}", dpi=dpi)
    info = SourceInfo(kind="pdf", page_count=count, warnings=[_first_line(p) for p in problems])
    if problems:
        # qpdf rebuilt the file: check that poppler can really read it.
        _check_pdf_renders(path)
    for number in range(1, count + 1):
        if len(pdf_page_text(path, number).strip()) >= MIN_TEXT_LAYER_CHARS:
            info.text_layer_pages.add(number)
    return info


def _page_inches(page: pikepdf.Page) -> tuple[float, float]:
    box = page.mediabox
    width = abs(float(box[2]) - float(box[0])) / POINTS_PER_INCH
    height = abs(float(box[3]) - float(box[1])) / POINTS_PER_INCH
    if page.get("/Rotate", 0) in (90, 270):
        width, height = height, width
    return width, height


def _check_pdf_renders(path: Path) -> None:
    result = subprocess.run(
        ["pdfinfo", str(path)], capture_output=True, text=True, timeout=PDF_RENDER_TIMEOUT_S
    )
    if result.returncode != 0:
        raise refused("pdf_truncated", detail=_first_line(result.stderr or "pdfinfo could not read it"))


def _inspect_image(path: Path, kind: str) -> SourceInfo:
    """Count the frames one by one: a truncated multi-page TIFF still gives
    up the pages before the cut, and the rest is reported, not guessed."""
    info = SourceInfo(kind=kind, page_count=0)
    with _open_image(path) as image:
        while True:
            try:
                image.seek(info.page_count)
            except EOFError:
                break
            except (OSError, SyntaxError, ValueError, TypeError, KeyError) as exc:
                info.warnings.append(REASONS["damaged_after"] % {"number": info.page_count, "detail": _first_line(exc)})
                break
            _check_size(image, info.page_count + 1)
            info.page_count += 1
    if info.page_count == 0:
        raise refused("no_readable_page", detail="; ".join(info.warnings))
    return info


def _open_image(path: Path) -> Image.Image:
    """Open lazily (header only); PIL's own bomb guard becomes our message."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            return Image.open(path)
    except Image.DecompressionBombError as exc:
        raise refused("image_too_large", detail=str(exc), limit=MAX_PAGE_PIXELS // 1_000_000) from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise refused("image_unreadable", detail=_first_line(exc)) from exc


def _check_size(image: Image.Image, number: int) -> None:
    width, height = image.size
    if width * height > MAX_PAGE_PIXELS:
        raise refused("page_too_large", number=number, width=width, height=height,
                      limit=MAX_PAGE_PIXELS // 1_000_000)
    if width < 16 or height < 16:
        raise refused("page_too_small", number=number, width=width, height=height)


def page_image(path: Path, kind: str, number: int, dpi: int = 300) -> Image.Image:
    """The page as a greyscale (or bilevel) image, decoded once."""
    if kind == "pdf":
        return _render_pdf_page(path, number, dpi)
    with _open_image(path) as image:
        try:
            image.seek(number - 1)
            _check_size(image, number)
            image.load()
            frame = ImageOps.exif_transpose(image) if kind == "jpeg" else image.copy()
        except (OSError, SyntaxError, ValueError, EOFError, TypeError, KeyError) as exc:
            raise refused("page_undecodable", number=number, detail=_first_line(exc)) from exc
    if frame.mode not in ("1", "L"):
        frame = frame.convert("L")
    return frame


def _render_pdf_page(path: Path, number: int, dpi: int) -> Image.Image:
    try:
        images = convert_from_path(
            path,
            dpi=dpi,
            first_page=number,
            last_page=number,
            grayscale=True,
            timeout=PDF_RENDER_TIMEOUT_S,
        )
    except PDFInfoNotInstalledError as exc:
        raise RuntimeError("poppler-utils is not installed (pdftoppm, pdfinfo)") from exc
    except (PDFPageCountError, PDFSyntaxError) as exc:
        raise refused("pdf_page_unrenderable", number=number, detail=_first_line(exc)) from exc
    if not images:
        raise refused("pdf_page_truncated", number=number)
    return images[0]


def pdf_page_text(path: Path, number: int) -> str:
    """The text layer of one PDF page (poppler's pdftotext), empty if none."""
    result = subprocess.run(
        ["pdftotext", "-f", str(number), "-l", str(number), "-layout", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        timeout=PDF_RENDER_TIMEOUT_S,
    )
    if result.returncode != 0:
        return ""
    return result.stdout.decode("utf-8", errors="replace").replace("\f", "").rstrip()


def pdf_page_bytes(path: Path, number: int) -> bytes:
    """One page of a PDF as a PDF of its own (keeps its text layer)."""

    with _open_pdf(path) as pdf:
        single = pikepdf.new()
        single.pages.append(pdf.pages[number - 1])
        buffer = io.BytesIO()
        single.save(buffer)
        return buffer.getvalue()


def read_text(path: Path) -> str:
    """A text file's content: UTF-8, or the Windows-1251 many old files use."""
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise refused("text_encoding")


def _first_line(value: object) -> str:
    text = str(value).strip()
    return text.splitlines()[0] if text else type(value).__name__
