"""Render text as a typewritten page scanned at 300 dpi.

What makes a scan of a 1960s carbon copy hard to read is imitated here on
purpose: a Courier-like font, each letter struck with different force,
letters slightly off the line, yellowed uneven paper, noise, specks, a soft
focus and a small skew. A seeded random generator keeps every run identical.
"""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

DPI = 300
PAGE_W, PAGE_H = 2480, 3508  # A4 at 300 dpi
MARGIN_X, MARGIN_TOP = 250, 260
FONT_PX = 46  # about 11 pt at 300 dpi
LINE_PX = 74
LINES_PER_PAGE = (PAGE_H - 2 * MARGIN_TOP) // LINE_PX

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf",
    "/usr/share/fonts/truetype/freefont/FreeMono.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
]
SANS_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
]


def find_font(candidates: list[str]) -> Path:
    for candidate in candidates:
        if Path(candidate).is_file():
            return Path(candidate)
    raise FileNotFoundError(
        "no font with Kyrgyz letters found; install fonts-liberation2 or "
        "fonts-dejavu-core (the README's set-up command does this)"
    )


def paginate(text: str, lines_per_page: int = LINES_PER_PAGE) -> list[list[str]]:
    lines = text.rstrip("\n").split("\n")
    return [lines[i : i + lines_per_page] for i in range(0, len(lines), lines_per_page)] or [[]]


def render_pages(text: str, seed: int = 0, skew_deg: float | None = None) -> list[Image.Image]:
    """Render text into greyscale page images that look scanned."""
    rng = random.Random(seed)
    font = ImageFont.truetype(str(find_font(FONT_CANDIDATES)), FONT_PX)
    pages = []
    for number, lines in enumerate(paginate(text)):
        page_rng = random.Random(rng.random())
        ink = _typeset(lines, font, page_rng)
        angle = skew_deg if skew_deg is not None else page_rng.uniform(-1.2, 1.2)
        pages.append(_age(ink, page_rng, angle, seed * 100 + number))
    return pages


def _typeset(lines: list[str], font: ImageFont.FreeTypeFont, rng: random.Random) -> Image.Image:
    """Strike each letter separately: uneven force and a wandering baseline."""
    ink = Image.new("L", (PAGE_W, PAGE_H), 0)
    draw = ImageDraw.Draw(ink)
    advance = font.getlength("M")
    y = MARGIN_TOP
    for line in lines:
        x = MARGIN_X + rng.uniform(-4, 4)
        for char in line:
            if not char.isspace():
                force = int(rng.uniform(150, 255))
                draw.text((x, y + rng.uniform(-2, 2)), char, font=font, fill=force)
            x += advance
        y += LINE_PX
    return ink


def _age(ink: Image.Image, rng: random.Random, angle: float, noise_seed: int) -> Image.Image:
    """Yellowed paper, noise, specks, soft focus and a small skew."""
    gen = np.random.default_rng(noise_seed)
    h, w = PAGE_H, PAGE_W
    # Uneven paper: a brightness gradient from one corner to the other.
    gy, gx = np.mgrid[0:h, 0:w].astype(np.float32)
    paper = 236 - 18 * (gx / w) * rng.uniform(0.3, 1.0) - 14 * (gy / h) * rng.uniform(0.3, 1.0)
    paper += gen.normal(0, 6, size=(h, w)).astype(np.float32)
    strokes = np.asarray(ink.filter(ImageFilter.GaussianBlur(0.8)), dtype=np.float32) / 255.0
    page = paper * (1 - strokes) + 35 * strokes
    # Specks of dust and toner.
    for _ in range(rng.randint(150, 400)):
        cy, cx = gen.integers(0, h), gen.integers(0, w)
        radius = int(gen.integers(1, 4))
        page[max(0, cy - radius) : cy + radius, max(0, cx - radius) : cx + radius] *= 0.4
    image = Image.fromarray(np.clip(page, 0, 255).astype(np.uint8), "L")
    image = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=230)
    return image.filter(ImageFilter.GaussianBlur(0.4))


def write_pdf(pages: list[Image.Image], path: Path) -> None:
    """A scanned PDF: one JPEG image per page at 300 dpi, no text layer."""
    path.parent.mkdir(parents=True, exist_ok=True)
    first, rest = pages[0], pages[1:]
    first.save(path, "PDF", resolution=DPI, save_all=True, append_images=rest, quality=80)


def write_tiff(pages: list[Image.Image], path: Path) -> None:
    """A multi-page TIFF as scanners write it (LZW, 300 dpi)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    first, rest = pages[0], pages[1:]
    first.save(
        path, "TIFF", save_all=True, append_images=rest, compression="tiff_lzw", dpi=(DPI, DPI)
    )


def write_text_pdf(text: str, path: Path, title: str = "") -> None:
    """A born-digital PDF with a real text layer, as a court's word processor makes it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("SampleSans", str(find_font(SANS_CANDIDATES))))
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.setTitle(title)
    for lines in paginate(text, 48):
        pdf.setFont("SampleSans", 11)
        y = A4[1] - 72
        for line in lines:
            pdf.drawString(60, y, line)
            y -= 15
        pdf.showPage()
    pdf.save()
