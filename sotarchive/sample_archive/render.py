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


def render_pages(text: str, seed: int = 0) -> list[Image.Image]:
    """Render text into greyscale page images that look scanned."""
    rng = random.Random(seed)
    pages = []
    for number, lines in enumerate(paginate(text)):
        page_rng = random.Random(rng.random())
        ink = strike(lines, page_rng, margin_jitter=4, baseline_jitter=2, force=(150, 255))
        pages.append(_age(ink, page_rng, page_rng.uniform(-1.2, 1.2), seed * 100 + number))
    return pages


def strike(
    lines: list[str],
    rng: random.Random,
    *,
    margin_jitter: float,
    baseline_jitter: float,
    force: tuple[float, float],
    faded: float | None = None,
    bold: float | None = None,
) -> Image.Image:
    """Typewriter strikes, letter by letter: uneven force, a wandering
    baseline and left margin; with faded, that share of letters is struck
    weakly; with bold, that share is struck twice. Returns ink 0..255.
    (Random numbers are drawn only for the effects asked for, so a page's
    seed always gives the same page.)"""
    font = ImageFont.truetype(str(find_font(FONT_CANDIDATES)), FONT_PX)
    ink = Image.new("L", (PAGE_W, PAGE_H), 0)
    draw = ImageDraw.Draw(ink)
    advance = font.getlength("M")
    for index, line in enumerate(lines):
        x = MARGIN_X + rng.uniform(-margin_jitter, margin_jitter)
        y = MARGIN_TOP + index * LINE_PX
        for char in line:
            if not char.isspace():
                weak = faded is not None and rng.random() < faded
                strength = int(rng.uniform(90, 150) if weak else rng.uniform(*force))
                dy = rng.uniform(-baseline_jitter, baseline_jitter)
                draw.text((x, y + dy), char, font=font, fill=strength)
                if bold is not None and rng.random() < bold:
                    draw.text((x + 1.5, y + dy), char, font=font, fill=strength)
            x += advance
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
