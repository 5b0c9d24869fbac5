"""Page conditions for measuring OCR: how the archive's pages really look.

Each function renders one page of text (at most LINES_PER_PAGE lines) as a
300 dpi greyscale image in a given condition, seeded so every run draws
the same page. The OCR benchmark and the OCR tests use them.
"""

from __future__ import annotations

import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from sotarchive.sample_archive.render import (
    FONT_PX,
    LINE_PX,
    MARGIN_TOP,
    MARGIN_X,
    PAGE_H,
    PAGE_W,
    find_font,
    strike,
)

SERIF_CANDIDATES = [
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
]
TYPEWRITER_MISSING = str.maketrans("ңөүҢӨҮ", "ноуНОУ")
CONDITIONS = ("clean", "typewriter", "photocopy", "typewriter-no-ky-letters")


def without_kyrgyz_letters(text: str) -> str:
    """What a typist on a Russian machine typed: ң ө ү became н о у."""
    return text.translate(TYPEWRITER_MISSING)


def render(condition: str, text: str, seed: int) -> Image.Image:
    if condition == "clean":
        return clean(text)
    if condition == "typewriter":
        return typewriter(text, seed)
    if condition == "photocopy":
        return photocopy(text, seed)
    if condition == "typewriter-no-ky-letters":
        return typewriter(without_kyrgyz_letters(text), seed)
    raise ValueError(f"unknown condition {condition!r}; known: {', '.join(CONDITIONS)}")


def clean(text: str) -> Image.Image:
    """Laser-printed and scanned flat: black serif text on white."""
    font = ImageFont.truetype(str(find_font(SERIF_CANDIDATES)), FONT_PX)
    page = Image.new("L", (PAGE_W, PAGE_H), 255)
    draw = ImageDraw.Draw(page)
    for index, line in enumerate(text.rstrip("\n").split("\n")):
        draw.text((MARGIN_X, MARGIN_TOP + index * LINE_PX), line, font=font, fill=0)
    return page


def _strike(text: str, rng: random.Random, faded: float, bold: float) -> Image.Image:
    return strike(
        text.rstrip("\n").split("\n"), rng,
        margin_jitter=5, baseline_jitter=2.5, force=(170, 255), faded=faded, bold=bold,
    )


def _paper(rng: random.Random, gen: np.random.Generator, base: float, texture: float) -> np.ndarray:
    gy, gx = np.mgrid[0:PAGE_H, 0:PAGE_W].astype(np.float32)
    paper = base - 22 * (gx / PAGE_W) * rng.uniform(0.2, 1.0) - 16 * (gy / PAGE_H) * rng.uniform(0.2, 1.0)
    fibres = gen.normal(0, texture, size=(PAGE_H // 4, PAGE_W // 4)).astype(np.float32)
    fibres_img = Image.fromarray(fibres).resize((PAGE_W, PAGE_H), Image.Resampling.BILINEAR)
    return paper + np.asarray(fibres_img, dtype=np.float32)


def _specks(page: np.ndarray, rng: random.Random, gen: np.random.Generator, count: tuple[int, int]) -> None:
    for _ in range(rng.randint(*count)):
        cy, cx = int(gen.integers(0, PAGE_H)), int(gen.integers(0, PAGE_W))
        radius = int(gen.integers(1, 4))
        page[max(0, cy - radius) : cy + radius, max(0, cx - radius) : cx + radius] *= rng.uniform(0.3, 0.7)


def typewriter(text: str, seed: int) -> Image.Image:
    """A 1960s carbon copy: faded and bold strikes, yellowed textured
    paper, specks, carbon blur, skew up to 2°."""
    rng = random.Random(seed)
    gen = np.random.default_rng(seed)
    ink = _strike(text, rng, faded=0.12, bold=0.08).filter(ImageFilter.GaussianBlur(1.1))
    strokes = np.asarray(ink, dtype=np.float32) / 255.0
    paper = _paper(rng, gen, 232, 7) + gen.normal(0, 5, size=(PAGE_H, PAGE_W)).astype(np.float32)
    page = paper * (1 - strokes) + 40 * strokes
    _specks(page, rng, gen, (200, 500))
    image = Image.fromarray(np.clip(page, 0, 255).astype(np.uint8), "L")
    return image.rotate(rng.uniform(-2, 2), resample=Image.Resampling.BICUBIC, fillcolor=225)


def photocopy(text: str, seed: int) -> Image.Image:
    """A bad photocopy of a typed page: skew up to ±4°, everything squeezed
    into greys 80..190, uneven exposure and dark edge bands, toner noise
    σ≈12, 200 dpi blown up to 300, salt-and-pepper."""
    rng = random.Random(seed)
    gen = np.random.default_rng(seed)
    ink = _strike(text, rng, faded=0.1, bold=0.05).filter(ImageFilter.GaussianBlur(0.8))
    strokes = np.asarray(ink, dtype=np.float32) / 255.0
    page = Image.fromarray(np.clip(255 * (1 - strokes), 0, 255).astype(np.uint8), "L")
    page = page.rotate(rng.uniform(-4, 4), resample=Image.Resampling.BICUBIC, fillcolor=255)
    low = page.resize((PAGE_W * 2 // 3, PAGE_H * 2 // 3), Image.Resampling.BILINEAR)
    page = low.resize((PAGE_W, PAGE_H), Image.Resampling.BILINEAR)
    grey = 80 + np.asarray(page, dtype=np.float32) * (110 / 255)
    # Uneven exposure: the copier's lamp fades toward one side, and the
    # lid leaves dark bands along the edges.
    gy, gx = np.mgrid[0:PAGE_H, 0:PAGE_W].astype(np.float32)
    grey -= 45 * (gx / PAGE_W) ** 1.5 * rng.uniform(0.7, 1.0) + 25 * (gy / PAGE_H) * rng.uniform(0.3, 1.0)
    band = int(rng.uniform(60, 140))
    grey[:, :band] = np.minimum(grey[:, :band], 60)
    grey[-band // 2 :, :] = np.minimum(grey[-band // 2 :, :], 70)
    grey += gen.normal(0, 12, size=grey.shape).astype(np.float32)
    salt = gen.random(grey.shape)
    grey[salt < 0.004] = 30
    grey[salt > 0.996] = 230
    return Image.fromarray(np.clip(grey, 0, 255).astype(np.uint8), "L")
