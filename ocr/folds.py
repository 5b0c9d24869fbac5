"""Folds, creases and ruled lines taken off a page before Tesseract reads
it: a straight dark run across the text makes Tesseract see two columns
and read each half-line apart, and the brightness step a fold leaves
reads as a band of ink."""

from __future__ import annotations

import cv2
import numpy as np

from ocr.pixels import ink_mask, otsu_cut, paper_and_noise

RULE_SHARE = 0.3  # a straight dark run this share of the page's side is a fold or a rule, not a letter
RULE_MIN_PX = 300  # and at least an inch at 300 dpi: on a scanned single line, a letter's stroke is a third of it
LEVEL_PX = 61  # a fold's paper is read along it over this length: longer than a letter, shorter than a word's gap
LEVEL_MARGIN = 9  # and beside it by this much either side, where its edge blurs
INPAINT_PAD = 8  # rows kept around a line for filling it in: the fill reads 3 px around each pixel


def erase_long_lines(pixels: np.ndarray) -> tuple[np.ndarray, int]:
    """Folds and ruled lines taken off: a straight dark run across a third
    of the page, found at a quarter of the size and then followed along its
    own pixels at full size. Returns the page and how many lines were
    erased."""
    # Looked for at a quarter of the size: a fold is long enough to show there, and it costs little.
    ink = ink_mask(cv2.resize(pixels, (pixels.shape[1] // 4, pixels.shape[0] // 4), interpolation=cv2.INTER_AREA))
    h, w = ink.shape
    found = 0
    small = np.zeros_like(ink)
    shortest = RULE_MIN_PX // 4
    full_kernels = []
    for kernel, full in ((np.ones((max(shortest, int(h * RULE_SHARE)), 1), np.uint8), np.ones((RULE_MIN_PX, 1), np.uint8)),
                         (np.ones((1, max(shortest, int(w * RULE_SHARE))), np.uint8), np.ones((1, RULE_MIN_PX), np.uint8))):
        if kernel.shape[0] > h or kernel.shape[1] > w:
            # No rule that long fits. (OpenCV's erosion counts what lies past
            # the edge as ink: on a strip of one line, every letter from top
            # to bottom was taken for a fold and painted over.)
            continue
        lines = cv2.morphologyEx(ink, cv2.MORPH_OPEN, kernel)
        if lines.any():
            found += cv2.connectedComponents(lines)[0] - 1
            small |= lines
            full_kernels.append(full)
    if not found:
        return pixels, 0
    band = cv2.resize(small, (pixels.shape[1], pixels.shape[0]), interpolation=cv2.INTER_NEAREST)
    band &= ink_mask(pixels)  # the ink of the quarter-size blocks along the line
    paper = paper_and_noise(pixels)[0]
    out = pixels
    for full in full_kernels:
        # The line's own pixels: what runs straight on along it at full size.
        # The whole band took the strokes of every letter the fold crossed.
        line = cv2.morphologyEx(band, cv2.MORPH_OPEN, full)
        if not line.any():
            line = band  # a faint line broken by grain at full size
        out = _level_along(out, line, full.shape[0] == 1, paper)
    return out, found


def _level_along(pixels: np.ndarray, line: np.ndarray, horizontal: bool, paper: float) -> np.ndarray:
    """A fold divided out along its own direction: the paper's grey in each
    row of a level fold (each column of an upright one) is what a closing
    along it leaves, letters being shorter than LEVEL_PX; what lies darker
    than that is ink and stays. A fold is a dark line and a step in
    brightness, and the step leaves a shadow some thirty pixels wide after
    flattening, which painting over took with the letters standing in it;
    a stroke crossing the line is darker than the line and stays too.

    A line as dark as the ink (a ruled line, a black crease) leaves nothing
    to tell a crossing stroke from it: there the line is filled in from
    either side, so the letters it crossed are whole again and no white
    channel splits them."""
    if not horizontal:  # an upright line is a level one of the page turned on its side
        turned = _level_along(np.ascontiguousarray(pixels.T), np.ascontiguousarray(line.T), True, paper)
        return np.ascontiguousarray(turned.T)
    ink_cut = otsu_cut(pixels)
    out = pixels.copy()
    # Each line's own rows with room around them, not the whole page: the
    # closing and the filling-in cost a third of a second a page on all of it.
    pad = LEVEL_MARGIN + INPAINT_PAD
    for top, bottom in _row_runs(np.flatnonzero(line.any(axis=1)), gap=2 * pad):
        top, bottom = max(0, top - pad), min(pixels.shape[0], bottom + pad + 1)
        out[top:bottom] = _level_rows(pixels[top:bottom], line[top:bottom], paper, ink_cut)
    return out


def _level_rows(pixels: np.ndarray, line: np.ndarray, paper: float, ink_cut: float) -> np.ndarray:
    """_level_along on the rows of one level line."""
    along = np.ones((1, LEVEL_PX), np.uint8)
    region = cv2.dilate(line, np.ones((LEVEL_MARGIN, 1), np.uint8)).astype(bool)
    background = cv2.morphologyEx(pixels, cv2.MORPH_CLOSE, along)
    leveled = np.where(region, cv2.divide(pixels, np.maximum(background, 1), scale=paper), pixels).astype(np.uint8)
    inky = (line > 0) & (background <= ink_cut)
    if not inky.any():
        return leveled
    return cv2.inpaint(leveled, cv2.dilate(inky.astype(np.uint8), np.ones((3, 3), np.uint8)), 3, cv2.INPAINT_TELEA)


def _row_runs(rows: np.ndarray, gap: int) -> list[tuple[int, int]]:
    """Sorted row numbers as (first, last) runs, rows less than gap apart joined."""
    if rows.size == 0:
        return []
    breaks = np.flatnonzero(np.diff(rows) > gap)
    return list(zip(rows[np.r_[0, breaks + 1]].tolist(), rows[np.r_[breaks, rows.size - 1]].tolist()))
