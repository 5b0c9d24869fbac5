"""Page preparation before Tesseract.

Two kinds of steps, kept apart on purpose:
- geometry (deskew; turning by 90/180/270 is ocr.orientation's) is applied
  to the page image that is stored and shown, so the text layer lines up
  with what people see;
- tone (dark border bands, uneven or yellowed paper, contrast, specks) is
  applied only to the copy Tesseract reads.

Each step is kept because the OCR benchmark (bench/ocr_quality.py) measured
it helping; the figures are in the notes of the issue that added it.
OpenCV does the pixel work: its median filter is some 300 times faster
than Pillow's, which decides whether preparation fits the time budget.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import cv2
import numpy as np
from PIL import Image

from ocr.folds import erase_long_lines
from ocr.layers import without_second_impression
from ocr.pixels import ink_mask, otsu_ink, paper_and_noise, quantile

DESKEW_RANGE = 5.0  # degrees; larger angles are the orientation step's job
DESKEW_MIN = 0.2  # below this, resampling costs more sharpness than it gains
DESKEW_MIN_HEIGHT = 300  # px: an inch at 300 dpi, a few lines of text
BORDER_DARK = 0.55  # an edge darker than this share of the page's median is a shadow
MIN_MARKS_TO_SCALE = 50
TARGET_X_HEIGHT = 18.0  # px: Tesseract reads typed text as well at this size, and faster
# A strip of one line (a line cut from a page, as OCR ground-truth sets
# come) is read larger, with a margin of paper around it: Tesseract reads a
# line cut tight to its letters worse, and one line costs little at any
# size. Real scanned lines of print (jze/ocropus-model_cyrillic, training
# folder, 830 lines), character error: 1.20% read as one line at 18 px
# and no margin, 1.09% read as a raw line (page segmentation mode 13),
# 1.06% with the margin, 0.94% with the margin at 26 px (bare Tesseract:
# 1.23% as one line, 1.10% as a raw line).
LINE_X_HEIGHT = 26.0
LINE_MARGIN = 0.4  # of the line's letter height, on every side
SCALE_RANGE = (0.6, 2.0)
# A page whose ink stands less than this many times its paper's noise above
# the paper is denoised hard (a copy of a copy); others keep
# the light median. Measured before deskewing (bench/ocr_degrade.py): clean,
# typed and ordinary photocopied pages 12 and more, toner grain 20-40, the
# harsh photocopies 16, 7.5 and 3.9 at levels 1-3. At 7.5 the median still
# reads better than the hard denoise; at 3.9 it reads nothing. The cut lies midway,
# where the old one (4.7, measured after deskewing, which smooths the grain)
# let one harsh page in four through to the median and to 90% error.
NOISY_BELOW = 5.5
NLM_STRENGTH = 1.5  # the non-local-means filter's h, per unit of paper noise
# Before it, a slight Gaussian blur (σ in px): single specks of salt and
# pepper otherwise make every patch look unlike its neighbours, and the
# filter leaves them. A deskewed page had this by chance from the rotation's
# interpolation; a straight one did not and read at 12% instead of 4-5%.
NLM_PRE_BLUR = 0.5
# The filter runs on the page at half size and the result is brought back:
# a quarter of the pixels is a quarter of its time (the filter was 1.1 of a
# harsh page's 2.5 s), and at half size the patches still hold a letter's
# strokes. Harsh photocopies, level 3, 12 generated pages a language, seeds
# 20-25 set aside: Russian 2.93% → 2.40%, Kyrgyz 4.69% → 4.69%, 3.6 → 2.0 s a page.
NLM_SCALE = 0.5
# Where the filter looks for similar patches (px at half size). Its time goes
# with this squared. Harsh photocopies, level 3, 9 generated pages a language
# (seeds 0-3, and 20-24 kept aside), 11 px against 7: Russian 2.52% → 2.72%,
# Kyrgyz 4.43% → 3.72%, 2.15 → 1.84 s a page; at 5 px 4.9% and 6.3% (seeds
# 20-24): too few patches left to average the grain away.
NLM_SEARCH_PX = 7
INK_SIGMAS = 5.0  # after it, ink is what lies this many of the remaining noise below the paper
# A denoised page with at least this share of ink is read as grey (full
# pages of the harsh sweep: 2.8-3.6%); a sparser one is cut into ink and
# paper first (a few lines on a page: 0.6%).
GREY_INK_SHARE = 0.015
# Paper without grain (a black-and-white or binarised scan, a born-digital
# page) leaves the median only the thin strokes, corners and serifs of its
# letters to take: such a page gets it only when specks of a few pixels
# make this share of its marks of ink (typed pages 1-2%, scanned lines of
# print 0-46%, with salt-and-pepper 91-99%).
GRAINLESS_BELOW = 1.0  # the paper's noise σ, in grey levels
SPECKLED_FROM = 0.5
SPECK_MAX_PX = 4
ROW_INK_SHARE = 0.01  # of the width: a row with less ink is blank (a speck, a letter's tail)
ROW_BAND_SHARE = 0.4
LINE_FILLS = 0.25  # of a strip's height: its line's band (real scanned lines: 0.46 and more)
ALL_STEPS = ("borders", "flatten", "layers", "deskew", "lines", "denoise", "median", "margin", "scale")
DEFAULT_STEPS = ALL_STEPS


@dataclass
class Prepared:
    geometry: Image.Image  # deskewed, tones untouched: stored and shown
    ocr_input: Image.Image  # what Tesseract reads
    skew: float = 0.0
    ocr_scale: float = 1.0  # ocr_input pixels per page pixel
    marks: int = 0  # letter-sized marks of ink: none on a blank page
    steps: list[str] = field(default_factory=list)
    noisy: bool = False  # denoised hard: a damaged page
    single_line: bool = False  # one row of text: a strip cut from a page


def grey(image: Image.Image) -> Image.Image:
    return image if image.mode == "L" else image.convert("L")


def _sample(pixels: np.ndarray) -> np.ndarray:
    """Every 4th pixel of every 4th row: plenty for a page's statistics."""
    return pixels[::4, ::4]


def estimate_skew(pixels: np.ndarray) -> float:
    """The angle (degrees, counter-clockwise) that makes text lines level.

    Projection profiles on a quarter-size thresholded copy: at the right
    angle rows of text and the gaps between them are sharpest, so row sums
    change most from row to row. Coarse steps, then finer ones.
    """
    ink = otsu_ink(cv2.resize(pixels, (pixels.shape[1] // 4, pixels.shape[0] // 4), interpolation=cv2.INTER_AREA))
    h, w = ink.shape
    centre = (w / 2, h / 2)

    def score(angle: float) -> float:
        # 0/1 pixels turned as bytes and their rows summed exactly: the same
        # sums as in floating point, at a fraction of the cost.
        matrix = cv2.getRotationMatrix2D(centre, angle, 1.0)
        turned = cv2.warpAffine(ink, matrix, (w, h), flags=cv2.INTER_NEAREST)
        rows = cv2.reduce(turned, 1, cv2.REDUCE_SUM, dtype=cv2.CV_32S).ravel().astype(np.int64)
        return float(np.square(np.diff(rows)).sum())

    best = max(np.arange(-DESKEW_RANGE, DESKEW_RANGE + 0.01, 0.5), key=score)
    best = max(np.arange(best - 0.5, best + 0.51, 0.1), key=score)
    best = max(np.arange(best - 0.1, best + 0.101, 0.02), key=score)
    return round(float(best), 2)


def rotate(pixels: np.ndarray, angle: float, fill: int) -> np.ndarray:
    h, w = pixels.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(pixels, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=fill)


def paper_tone(pixels: np.ndarray) -> int:
    return int(quantile(_sample(pixels), 0.9))


def whiten_border_bands(pixels: np.ndarray) -> np.ndarray:
    """Copier lid shadows and scanner edges: dark bands along the edges,
    which otherwise read as rows of junk characters and fool deskew."""
    sample = _sample(pixels)
    limit = quantile(sample, 0.5) * BORDER_DARK
    h, w = sample.shape
    # Only the outer sixth on each side can be a band: its rows' and columns' medians alone.
    left = _dark_run(np.median(sample[:, : w // 6], axis=0), limit)
    right = _dark_run(np.median(sample[:, w - w // 6 :], axis=0)[::-1], limit)
    top = _dark_run(np.median(sample[: h // 6], axis=1), limit)
    bottom = _dark_run(np.median(sample[h - h // 6 :], axis=1)[::-1], limit)
    if not (left or right or top or bottom):
        return pixels
    paper = paper_tone(pixels)
    out = pixels.copy()
    H, W = pixels.shape
    out[:, : left * 4] = paper
    out[: top * 4, :] = paper
    if right:
        out[:, W - right * 4 :] = paper
    if bottom:
        out[H - bottom * 4 :, :] = paper
    return out


def _dark_run(profile: np.ndarray, limit: float) -> int:
    """How many leading entries are darker than limit, plus one of margin."""
    run = 0
    for value in profile:
        if value >= limit:
            break
        run += 1
    return run + 1 if run else 0


def flatten_background(pixels: np.ndarray) -> np.ndarray:
    """Divide by the paper's own brightness, estimated at 1/8 scale with
    the ink dilated away: yellowed, uneven or under-exposed paper becomes
    even white, and faint ink keeps its contrast to it."""
    h, w = pixels.shape
    small = cv2.resize(pixels, (max(1, w // 8), max(1, h // 8)), interpolation=cv2.INTER_AREA)
    paper = cv2.dilate(small, np.ones((7, 7), np.uint8))
    paper = cv2.GaussianBlur(paper, (0, 0), 6)
    background = cv2.resize(paper, (w, h), interpolation=cv2.INTER_LINEAR)
    return cv2.divide(pixels, np.maximum(background, 1), scale=255)


def speck_share(pixels: np.ndarray) -> float:
    """The share of the page's marks of ink (below its Otsu threshold) that
    are specks of a few pixels: salt-and-pepper and dust, not letters.
    Counted on the middle half of the page's rows: specks lie all over a
    speckled page, and labelling the whole page cost 45 ms."""
    height = pixels.shape[0]
    if height >= 4 * DESKEW_MIN_HEIGHT:
        pixels = pixels[height // 4 : height - height // 4]
    _, _, stats, _ = cv2.connectedComponentsWithStats(otsu_ink(pixels), connectivity=8)
    areas = stats[1:, cv2.CC_STAT_AREA]
    return float((areas <= SPECK_MAX_PX).sum()) / max(int(areas.size), 1)


def letter_marks(mask: np.ndarray) -> np.ndarray:
    """Heights (in page pixels) of the letter-sized marks of an ink mask."""
    small = cv2.resize(mask, (mask.shape[1] // 2, mask.shape[0] // 2), interpolation=cv2.INTER_NEAREST)
    _, _, stats, _ = cv2.connectedComponentsWithStats(small, connectivity=8)
    heights, widths = stats[1:, cv2.CC_STAT_HEIGHT], stats[1:, cv2.CC_STAT_WIDTH]
    # Under 10 px (5 here) is dust, not a letter: even 6 pt print at 300 dpi
    # has taller letters, and specks must not pass for small type.
    return heights[(heights >= 5) & (heights <= 60) & (widths >= 2) & (widths <= 60)] * 2


def noise_and_contrast(pixels: np.ndarray) -> tuple[float, float]:
    """The paper's noise (robust σ: median absolute deviation) and how far
    the darkest ink stands below the paper, on a flattened page: the
    darkest 0.2% after a 5×5 median, so specks do not count as ink and a
    page of four lines has enough ink to measure."""
    paper, noise = paper_and_noise(pixels)
    return noise, paper - quantile(cv2.medianBlur(pixels, 5)[::2, ::2], 0.002)


def denoise_hard(pixels: np.ndarray, noise: float) -> np.ndarray:
    """Non-local means, as strong as the page is noisy: toner grain and
    speckle averaged out against the many similar patches of paper, where a
    median would leave grain the size of a letter's stroke.

    A page with ink enough goes to Tesseract as smoothed grey: cutting it
    into ink and paper here broke thin strokes (harsh photocopies, level 3,
    12 generated pages a language: Russian 5.08% → 3.00%, Kyrgyz 6.12% →
    5.50%; `bench/ocr_quality.py --sweep --kinds harsh-photocopy --seeds 6`).
    A sparse page is cut here: on a page of a few lines, Tesseract's own
    global threshold falls inside what is left of the paper's grain and
    reads nothing."""
    blurred = cv2.GaussianBlur(pixels, (0, 0), NLM_PRE_BLUR)
    small = cv2.resize(blurred, None, fx=NLM_SCALE, fy=NLM_SCALE, interpolation=cv2.INTER_AREA)
    # Averaging four pixels into one halves the grain the filter must take.
    small = cv2.fastNlMeansDenoising(small, None, h=NLM_STRENGTH * noise * NLM_SCALE,
                                     templateWindowSize=5, searchWindowSize=NLM_SEARCH_PX)
    smooth = cv2.resize(small, (pixels.shape[1], pixels.shape[0]), interpolation=cv2.INTER_CUBIC)
    # The cut between ink and paper from the paper's side: what is left of
    # its noise, several times over. Otsu splits a sparse page's paper in two.
    paper, left = paper_and_noise(smooth)
    ink_below = paper - max(INK_SIGMAS * left, 8.0)
    if float((smooth[::2, ::2] < ink_below).mean()) >= GREY_INK_SHARE:
        return smooth
    return np.where(smooth < ink_below, 0, 255).astype(np.uint8)


def ocr_scale(marks: np.ndarray, target: float = TARGET_X_HEIGHT) -> float:
    """How much to resize the OCR copy so letters have TARGET_X_HEIGHT:
    large type shrinks (faster, no loss), small print and low-resolution
    scans grow (Tesseract misreads letters under about 10 px). Needs enough
    marks to measure; otherwise the page is read as it is."""
    if marks.size < MIN_MARKS_TO_SCALE:
        return 1.0
    scale = min(max(target / float(np.median(marks)), SCALE_RANGE[0]), SCALE_RANGE[1])
    return 1.0 if abs(scale - 1) < 0.1 else round(scale, 3)


def one_line(pixels: np.ndarray) -> bool:
    """Whether the image is a strip of one row of text: one band of rows
    with ink, apart from others by rows without (a page has dozens), that
    fills a good part of the image's height (one heading on a page
    otherwise empty is not a strip).

    A band under ROW_BAND_SHARE of the tallest is a row's ascenders or
    descenders, cut off by the threshold where few letters reach (a
    scanned line of print counted as two or three rows in one case of
    four, and was read with page layout analysis)."""
    ink = (pixels < 128).sum(axis=1) >= max(2, ROW_INK_SHARE * pixels.shape[1])
    edges = np.flatnonzero(np.diff(np.concatenate(([0], ink.astype(np.int8), [0]))))
    heights = edges[1::2] - edges[::2]
    if heights.size == 0:
        return False
    rows = int((heights >= ROW_BAND_SHARE * heights.max()).sum())
    return rows == 1 and heights.max() >= LINE_FILLS * pixels.shape[0]


@dataclass
class Work:
    """A page on its way through the steps: what each step reads and leaves."""

    page: np.ndarray  # geometry only: stored and shown
    tone: np.ndarray  # what Tesseract will read
    asked: tuple[str, ...]
    done: list[str] = field(default_factory=list)
    skew: float = 0.0
    noise: float = 0.0
    contrast: float = 0.0
    noisy: bool = False
    marks: np.ndarray = field(default_factory=lambda: np.zeros(0))
    scale: float = 1.0
    single_line: bool = False


@dataclass(frozen=True)
class Step:
    name: str
    run: Callable[[Work], None]
    wanted: Callable[[tuple[str, ...]], bool]


STEPS: list[Step] = []  # in the order they run


def step(name: str, wanted: Callable[[tuple[str, ...]], bool] | None = None) -> Callable[[Callable[[Work], None]], Callable[[Work], None]]:
    """Register a preparation step, run after those registered before it
    when `wanted` (by default: when its name is among the steps asked for)."""
    def register(run: Callable[[Work], None]) -> Callable[[Work], None]:
        STEPS.append(Step(name, run, wanted or (lambda asked: name in asked)))
        return run
    return register


@step("borders")
def _borders(work: Work) -> None:
    work.tone = whiten_border_bands(work.tone)
    work.done.append("borders")


@step("flatten")
def _flatten(work: Work) -> None:
    work.tone = flatten_background(work.tone)
    work.done.append("flatten")


@step("grain", wanted=lambda asked: bool({"denoise", "median", "layers"} & set(asked)))
def _grain(work: Work) -> None:
    """The page's grain measured before any rotation: rotating interpolates,
    which smooths the grain and would let a harsh page pass for a mild one."""
    work.noise, work.contrast = noise_and_contrast(work.tone)


def _grainy(work: Work) -> bool:
    """The ink hardly stands above the paper's grain: a page for the hard denoise."""
    return work.contrast < NOISY_BELOW * work.noise


@step("layers")
def _layers(work: Work) -> None:
    """A carbon copy's second impression set to paper on a page without
    grain (see ocr.layers); measured before any rotation blurs the
    histogram's modes together."""
    if _grainy(work):
        return  # the denoising step's page
    work.tone, done = without_second_impression(work.tone)
    if done:
        work.done.append(done)


@step("deskew")
def _deskew(work: Work) -> None:
    # A strip of a line or two has no rows of text to level: its skew estimate is noise.
    work.skew = estimate_skew(work.tone) if work.tone.shape[0] >= DESKEW_MIN_HEIGHT else 0.0
    if abs(work.skew) >= DESKEW_MIN:
        work.page = rotate(work.page, work.skew, paper_tone(work.page))
        work.tone = rotate(work.tone, work.skew, paper_tone(work.tone))
        work.done.append(f"deskew {work.skew:+.2f}°")


@step("lines")
def _lines(work: Work) -> None:
    work.tone, lines = erase_long_lines(work.tone)
    if lines:
        work.done.append(f"erased {lines} long line{'s' if lines > 1 else ''}")


@step("denoise")
def _denoise(work: Work) -> None:
    work.noisy = _grainy(work)
    if work.noisy:
        work.tone = denoise_hard(work.tone, work.noise)
        work.done.append(f"denoise nlm h={NLM_STRENGTH * work.noise:.0f} (noise {work.noise:.0f}, "
                         f"ink {work.contrast:.0f})")


@step("median")
def _median(work: Work) -> None:
    if work.noisy:
        return  # denoised already, more than a median would
    # At 300 dpi a typed stroke is 3-5 px wide and survives a 3x3 median;
    # salt-and-pepper and toner specks do not.
    if work.noise < GRAINLESS_BELOW and speck_share(work.tone) < SPECKLED_FROM:
        work.done.append("no median: paper without grain or specks")
        return
    work.tone = cv2.medianBlur(work.tone, 3)
    work.done.append("median3")


@step("marks", wanted=lambda asked: True)
def _marks(work: Work) -> None:
    work.marks = letter_marks(ink_mask(work.tone))
    work.single_line = one_line(work.tone)


@step("margin")
def _margin(work: Work) -> None:
    """Paper around a strip of one line, on the page as stored too, so the
    text layer Tesseract lays out over the OCR copy still fits the image."""
    if not work.single_line or work.marks.size == 0:
        return
    pad = max(2, round(LINE_MARGIN * float(np.median(work.marks))))
    work.page = cv2.copyMakeBorder(work.page, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=paper_tone(work.page))
    work.tone = cv2.copyMakeBorder(work.tone, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=paper_tone(work.tone))
    work.done.append(f"margin {pad} px")


@step("scale")
def _scale(work: Work) -> None:
    work.scale = ocr_scale(work.marks, LINE_X_HEIGHT if work.single_line else TARGET_X_HEIGHT)
    if work.noisy:
        work.scale = min(work.scale, 1.0)  # what grain left of broken strokes is no reason to enlarge the page
    if work.scale != 1.0:
        interpolation = cv2.INTER_AREA if work.scale < 1 else cv2.INTER_CUBIC
        work.tone = cv2.resize(work.tone, None, fx=work.scale, fy=work.scale, interpolation=interpolation)
        work.done.append(f"scale ×{work.scale:.2f}")


def prepare(image: Image.Image, steps: tuple[str, ...] = DEFAULT_STEPS) -> Prepared:
    """The page through every registered step that is asked for, in order."""
    page = np.asarray(grey(image))
    work = Work(page=page, tone=page, asked=tuple(steps))
    for registered in STEPS:
        if registered.wanted(work.asked):
            registered.run(work)
    return Prepared(
        geometry=Image.fromarray(work.page, "L"),
        ocr_input=Image.fromarray(work.tone, "L"),
        skew=work.skew,
        ocr_scale=work.scale,
        marks=int(work.marks.size),
        steps=work.done,
        noisy=work.noisy,
        single_line=work.single_line,
    )
