"""A carbon copy's second impression: the text again, fainter, a few
pixels off, as a sheet that slipped under the typewriter's strike leaves it.

Tesseract binarises a page with one global threshold. Where the faint copy
covers as many pixels as the text itself, that threshold falls inside it,
so its strokes join the letters ("ghost" at level 3 of bench/ocr_degrade.py:
6.5% character error on Kyrgyz pages, 3.3% on Russian ones). Such a page
has three modes in its histogram: ink, the faint layer, paper.

A grey layer is no proof of a second impression: the faint strikes of an
uneven typewriter, or the grey paper beyond a crease, make one too, and
must stay. So the layer must also repeat the ink at one offset (found by
cross-correlating the ink with the layer's pixels that do not touch it).
Then the layer's grey is set to paper where the ink, moved by that offset,
lies, and nowhere else; from halfway up the layer's dark flank to its
peak, since below that lie the letters' own grey edges, which a cut in the
valley would shave off. Only the copy Tesseract reads is changed. Noisy
pages are left to the denoising step: their grain would pass for a layer.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

SMOOTH = 15  # grey levels: the histogram's comb of resampled tones smoothed away
NEIGHBOURHOOD = 20  # a mode is the highest count within this many levels each way
BELOW_PAPER = 30  # a layer lies at least this far below the paper's grey
MIN_APART = 40  # between the ink's mode and the layer's
MIN_VALLEY_TO_INK = 15
VALLEY_DEPTH = 0.75  # of the ink's mode: shallow on a 200 dpi scan, whose edges fill it; the offset decides
INK_TO_LAYER_MASS = 0.5
# The second impression's offset, in pixels of the half-size page that is
# searched: up to 24 px at 300 dpi, a good part of a letter.
MAX_OFFSET = 12
MIN_OFFSET = 2  # nearer, it is the letters' own grey edges
OFFSET_SHARE = 0.4  # of the layer away from the ink, at one offset from it
WINDOW = (512, 1024)  # rows, columns of the half-size page: sizes the FFT is fast for
ZONE = 7  # px around the moved ink: the offset is found to 2 px, and the impression is blurred


@dataclass(frozen=True)
class Layer:
    """A faint layer's grey levels: from `valley` (the ink ends) to `top`
    (the paper begins); `cut` is where it is set to paper, `paper` the
    paper's own grey."""

    valley: int
    cut: int
    top: int
    paper: int


def faint_layer(pixels: np.ndarray) -> Layer | None:
    """The page's faint layer, as its histogram shows it, or None."""
    counts = np.bincount(pixels[::2, ::2].ravel(), minlength=256).astype(np.float64)
    smooth = np.convolve(counts, np.ones(SMOOTH) / SMOOTH, mode="same")
    paper = int(np.argmax(counts))
    top = int(np.argmax(smooth)) - BELOW_PAPER
    modes = [
        i for i in range(2, max(2, top))
        if smooth[i] > 0 and smooth[i] >= smooth[max(0, i - NEIGHBOURHOOD) : i + NEIGHBOURHOOD + 1].max()
    ]
    if len(modes) < 2:
        return None
    layer = max(modes, key=lambda i: smooth[i])
    inks = [i for i in modes if i <= layer - MIN_APART]
    if not inks:
        return None
    ink = max(inks, key=lambda i: smooth[i])
    valley = ink + int(np.argmin(smooth[ink : layer + 1]))
    if not (
        smooth[layer] >= smooth[ink]
        and smooth[valley] <= VALLEY_DEPTH * smooth[ink]
        and valley - ink >= MIN_VALLEY_TO_INK
        and counts[:valley].sum() >= INK_TO_LAYER_MASS * counts[valley:top].sum()
    ):
        return None
    cut = valley + int(np.argmax(smooth[valley : layer + 1] >= smooth[layer] / 2))
    return Layer(valley=valley, cut=cut, top=top, paper=paper)


def impression_offset(pixels: np.ndarray, layer: Layer) -> tuple[int, int] | None:
    """The offset (rows, columns, in page pixels) at which the layer repeats
    the ink, when it does: a second impression. Faint letters of an uneven
    typewriter, or a crease's grey paper, make a layer too, but lie at no
    one offset from the dark letters, and must not be erased.

    The layer's pixels next to the ink (the letters' own edges) are left
    out; the rest is cross-correlated with the ink on the half-size page
    (by FFT, in the window of it with the most ink), and the best
    offset must hold OFFSET_SHARE of them."""
    small = _densest_window(pixels[::2, ::2], layer.valley)
    ink = small < layer.valley
    near = cv2.dilate(ink.astype(np.uint8), np.ones((5, 5), np.uint8)) > 0
    away = (small >= layer.valley) & (small < layer.top) & ~near
    total = int(away.sum())
    if total == 0:
        return None
    spectrum = np.fft.rfft2(away.astype(np.float32)) * np.conj(np.fft.rfft2(ink.astype(np.float32)))
    correlation = np.fft.irfft2(spectrum, s=small.shape)
    shifts = range(-MAX_OFFSET, MAX_OFFSET + 1)
    window = correlation[np.ix_([d % small.shape[0] for d in shifts], [d % small.shape[1] for d in shifts])]
    row, column = np.unravel_index(int(np.argmax(window)), window.shape)
    dy, dx = row - MAX_OFFSET, column - MAX_OFFSET
    if window[row, column] < OFFSET_SHARE * total or max(abs(dy), abs(dx)) < MIN_OFFSET:
        return None
    return int(2 * dy), int(2 * dx)


def _densest_window(pixels: np.ndarray, valley: int) -> np.ndarray:
    """The WINDOW-sized part of the page with the most ink: a Fourier
    transform of a whole page, whose sides are rarely of a size it is fast
    for, costs ten times as much, and a few lines of text tell the offset."""
    rows, columns = WINDOW
    if pixels.shape[0] <= rows and pixels.shape[1] <= columns:
        return pixels
    ink = (pixels < valley).astype(np.float32)
    top = int(np.argmax(np.convolve(ink.sum(axis=1), np.ones(rows), mode="valid"))) if pixels.shape[0] > rows else 0
    left = int(np.argmax(np.convolve(ink.sum(axis=0), np.ones(columns), mode="valid"))) if pixels.shape[1] > columns else 0
    return pixels[top : top + rows, left : left + columns]


def without_second_impression(pixels: np.ndarray) -> tuple[np.ndarray, str]:
    """The page with its second impression set to the paper's grey, and
    what was done (an empty string where the page has none). Only the
    layer's grey where the ink, moved by the offset, lies is set: faint
    letters of the text itself elsewhere on the page stay."""
    layer = faint_layer(pixels)
    offset = impression_offset(pixels, layer) if layer is not None else None
    if layer is None or offset is None:
        return pixels, ""
    dy, dx = offset
    h, w = pixels.shape
    ink = (pixels < layer.valley).astype(np.uint8)
    moved = cv2.warpAffine(ink, np.float32([[1, 0, dx], [0, 1, dy]]), (w, h), flags=cv2.INTER_NEAREST)
    zone = cv2.dilate(moved, np.ones((ZONE, ZONE), np.uint8)) > 0
    cleared = np.where(zone & (pixels >= layer.cut), np.uint8(layer.paper), pixels)
    return cleared, f"second impression at ({dy:+d}, {dx:+d}) px from grey {layer.cut} set to paper"
