"""A parametrised family of page degradations for the OCR benchmark.

The benchmark's four conditions (sotarchive/sample_archive/conditions.py)
are single recipes, and a preparation can be tuned to one recipe without
holding on pages a little different. Here each kind of damage real court
papers show has a severity from 1 (mild) to 3 (harsh), and the benchmark
sweeps every kind at every level, so a figure is a curve, not a point:

- contrast: paper and ink squeezed into a grey range (to 70..200 at 3);
- grain: toner grain, σ up to 12, drawn at the copier's resolution;
- resolution: scanned at 250, 200 or 150 dpi, resampled to 300;
- blur: out of focus or a worn copier;
- ghost: a carbon copy's second, shifted impression;
- fading: weak ink, faded unevenly across the page;
- skew: up to ±4°;
- show-through: the back page's text, mirrored, through thin paper;
- stains: blotches and rings of darker paper;
- folds: creases, dark lines with a shift in brightness across them;
- salt: salt-and-pepper specks;
and "harsh-photocopy", the mix an independent measurement used (greys
70..200, grain σ≈12, 200 dpi resampled to 300, skew up to ±4°,
salt-and-pepper), at its own three levels.
"""

from __future__ import annotations

import random
from typing import Callable

import numpy as np
from PIL import Image, ImageFilter

from sotarchive.sample_archive.conditions import _strike
from sotarchive.sample_archive.render import PAGE_H, PAGE_W

KINDS = ("contrast", "grain", "resolution", "blur", "ghost", "fading", "skew", "show-through", "stains", "folds",
         "salt", "harsh-photocopy")
LEVELS = (1, 2, 3)


def typed(text: str, rng: random.Random) -> np.ndarray:
    """Ink coverage 0..1 of a typed page (the archive's typewriter)."""
    ink = _strike(text, rng, faded=0.05, bold=0.03).filter(ImageFilter.GaussianBlur(0.6))
    return np.asarray(ink, dtype=np.float32) / 255.0


def on_paper(strokes: np.ndarray, ink: float = 35.0, paper: float = 235.0) -> np.ndarray:
    return paper * (1 - strokes) + ink * strokes


def squeeze(page: np.ndarray, low: float, high: float) -> np.ndarray:
    return low + page * ((high - low) / 255.0)


def grain(page: np.ndarray, gen: np.random.Generator, sigma: float, cell: int = 1) -> np.ndarray:
    h, w = page.shape
    noise = gen.normal(0, sigma, size=(h // cell + 1, w // cell + 1)).astype(np.float32)
    if cell > 1:
        noise = np.asarray(Image.fromarray(noise).resize((w, h), Image.Resampling.NEAREST), dtype=np.float32)
    return page + noise[:h, :w]


def resample(page: np.ndarray, dpi: int) -> np.ndarray:
    if dpi >= 300:
        return page
    image = Image.fromarray(np.clip(page, 0, 255).astype(np.uint8), "L")
    low = image.resize((PAGE_W * dpi // 300, PAGE_H * dpi // 300), Image.Resampling.BILINEAR)
    return np.asarray(low.resize((PAGE_W, PAGE_H), Image.Resampling.BILINEAR), dtype=np.float32)


def blur(page: np.ndarray, radius: float) -> np.ndarray:
    image = Image.fromarray(np.clip(page, 0, 255).astype(np.uint8), "L")
    return np.asarray(image.filter(ImageFilter.GaussianBlur(radius)), dtype=np.float32)


def skew(page: np.ndarray, degrees: float, fill: float) -> np.ndarray:
    image = Image.fromarray(np.clip(page, 0, 255).astype(np.uint8), "L")
    return np.asarray(image.rotate(degrees, resample=Image.Resampling.BICUBIC, fillcolor=int(fill)), dtype=np.float32)


def salt(page: np.ndarray, gen: np.random.Generator, share: float) -> np.ndarray:
    draw = gen.random(page.shape)
    out = page.copy()
    out[draw < share / 2] = 25
    out[draw > 1 - share / 2] = 240
    return out


def degrade(kind: str, level: int, text: str, seed: int) -> Image.Image:
    """One page of `text`, typed, with damage `kind` at `level` (1..3)."""
    if kind not in KINDS or level not in LEVELS:
        raise ValueError(f"unknown degradation {kind!r} at level {level}; kinds: {', '.join(KINDS)}; levels 1-3")
    rng = random.Random(seed)
    gen = np.random.default_rng(seed)
    strokes = typed(text, rng)
    page = DAMAGE[kind](strokes, level, rng, gen)
    return Image.fromarray(np.clip(page, 0, 255).astype(np.uint8), "L")


def _contrast(strokes: np.ndarray, level: int, rng: random.Random, gen: np.random.Generator) -> np.ndarray:
    low, high = {1: (40, 220), 2: (60, 210), 3: (70, 200)}[level]
    return grain(squeeze(on_paper(strokes), low, high), gen, 3)


def _grain(strokes: np.ndarray, level: int, rng: random.Random, gen: np.random.Generator) -> np.ndarray:
    return grain(on_paper(strokes), gen, {1: 5, 2: 9, 3: 12}[level], cell=2)


def _resolution(strokes: np.ndarray, level: int, rng: random.Random, gen: np.random.Generator) -> np.ndarray:
    return resample(on_paper(strokes), {1: 250, 2: 200, 3: 150}[level])


def _blur(strokes: np.ndarray, level: int, rng: random.Random, gen: np.random.Generator) -> np.ndarray:
    return blur(on_paper(strokes), {1: 0.8, 2: 1.3, 3: 1.8}[level])


def _ghost(strokes: np.ndarray, level: int, rng: random.Random, gen: np.random.Generator) -> np.ndarray:
    shift = {1: 3, 2: 5, 3: 8}[level]
    weight = {1: 0.2, 2: 0.3, 3: 0.45}[level]
    ghost = np.roll(np.roll(strokes, shift, axis=1), shift // 2 + 1, axis=0)
    return on_paper(np.clip(strokes + weight * ghost, 0, 1))


def _fading(strokes: np.ndarray, level: int, rng: random.Random, gen: np.random.Generator) -> np.ndarray:
    gy, gx = np.mgrid[0:PAGE_H, 0:PAGE_W].astype(np.float32)
    strength = {1: 0.75, 2: 0.55, 3: 0.4}[level]
    # Weaker toward one corner, as a ribbon runs dry or a copy fades in the light.
    fade = strength + (1 - strength) * (1 - 0.5 * (gx / PAGE_W + gy / PAGE_H) * rng.uniform(0.6, 1.0))
    return grain(on_paper(strokes * fade), gen, 3)


def _skew(strokes: np.ndarray, level: int, rng: random.Random, gen: np.random.Generator) -> np.ndarray:
    angle = {1: 1.0, 2: 2.5, 3: 4.0}[level] * rng.choice((-1, 1))
    return skew(on_paper(strokes), angle, 235)


def _show_through(strokes: np.ndarray, level: int, rng: random.Random, gen: np.random.Generator) -> np.ndarray:
    back = np.roll(strokes[:, ::-1], int(rng.uniform(20, 60)), axis=0)  # the back page, mirrored, off register
    back = np.asarray(Image.fromarray((back * 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(1.5)),
                      dtype=np.float32) / 255
    return on_paper(np.clip(strokes + {1: 0.12, 2: 0.2, 3: 0.3}[level] * back, 0, 1))


def _stains(strokes: np.ndarray, level: int, rng: random.Random, gen: np.random.Generator) -> np.ndarray:
    page = on_paper(strokes)
    gy, gx = np.mgrid[0:PAGE_H, 0:PAGE_W].astype(np.float32)
    for _ in range({1: 1, 2: 3, 3: 6}[level]):
        cy, cx, radius = rng.uniform(0, PAGE_H), rng.uniform(0, PAGE_W), rng.uniform(60, 220)
        distance = np.sqrt((gy - cy) ** 2 + (gx - cx) ** 2) / radius
        blot = np.clip(1 - distance, 0, 1) ** 0.5 * rng.uniform(35, 80)
        ring = np.exp(-((distance - 1) ** 2) / 0.002) * rng.uniform(20, 50)  # a cup's rim
        page = page - blot - ring
    return page


def _folds(strokes: np.ndarray, level: int, rng: random.Random, gen: np.random.Generator) -> np.ndarray:
    page = on_paper(strokes)
    for n in range({1: 1, 2: 2, 3: 3}[level]):
        if n % 2 == 0:
            y = int(rng.uniform(0.3, 0.7) * PAGE_H)
            page[y:, :] -= rng.uniform(8, 25)  # the two halves lit differently
            page[y - 3: y + 3, :] -= rng.uniform(40, 90)
        else:
            x = int(rng.uniform(0.3, 0.7) * PAGE_W)
            page[:, x:] -= rng.uniform(8, 25)
            page[:, x - 3: x + 3] -= rng.uniform(40, 90)
    return page


def _salt(strokes: np.ndarray, level: int, rng: random.Random, gen: np.random.Generator) -> np.ndarray:
    return salt(on_paper(strokes), gen, {1: 0.002, 2: 0.006, 3: 0.015}[level])


def _harsh_photocopy(strokes: np.ndarray, level: int, rng: random.Random, gen: np.random.Generator) -> np.ndarray:
    """A copy of a copy: the typing thinned and blurred, the lamp fading to
    one side with dark lid bands at the edges, greys squeezed toward
    70..200, toner grain σ up to 12 drawn at the copier's resolution,
    200 dpi resampled to 300, skew up to ±4°, salt-and-pepper (the harsh
    level is the independent measurement's recipe, as near as it was told)."""
    low, high = {1: (45, 215), 2: (60, 205), 3: (70, 200)}[level]
    thin = np.clip(strokes * {1: 0.95, 2: 0.85, 3: 0.75}[level], 0, 1)
    page = blur(on_paper(thin), {1: 0.5, 2: 0.8, 3: 1.1}[level])
    page = skew(page, rng.uniform(-1, 1) * {1: 1.5, 2: 3.0, 3: 4.0}[level], 235)
    page = resample(page, {1: 250, 2: 220, 3: 200}[level])
    page = squeeze(page, low, high)
    gy, gx = np.mgrid[0:PAGE_H, 0:PAGE_W].astype(np.float32)
    page -= {1: 15, 2: 30, 3: 45}[level] * (gx / PAGE_W) ** 1.5 * rng.uniform(0.7, 1.0)
    band = int(rng.uniform(40, 120)) * level // 3
    if band:
        page[:, :band] = np.minimum(page[:, :band], 60)
    page = grain(page, gen, {1: 6, 2: 9, 3: 12}[level], cell=3)
    return salt(page, gen, {1: 0.002, 2: 0.005, 3: 0.01}[level])


DAMAGE: dict[str, Callable[[np.ndarray, int, random.Random, np.random.Generator], np.ndarray]] = {
    "contrast": _contrast, "grain": _grain, "resolution": _resolution, "blur": _blur, "ghost": _ghost,
    "fading": _fading, "skew": _skew, "show-through": _show_through, "stains": _stains, "folds": _folds,
    "salt": _salt, "harsh-photocopy": _harsh_photocopy,
}
