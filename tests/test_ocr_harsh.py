"""A harsh photocopy (a copy of a copy: faint thin typing, the lamp fading
to one side, greys squeezed to 70..200, heavy toner grain, 200 dpi,
salt-and-pepper) read with the real Tesseract: the preparation measures
the page, chooses the hard denoise for it, and says so in
the page's steps; a clean page is not put through them."""

from __future__ import annotations

import difflib

import numpy as np
from PIL import Image

from bench.ocr_degrade import degrade
from ocr import read_image
from sotarchive.sample_archive.conditions import clean
from tests.conftest import SHORT_KY, SHORT_RU


def character_error(truth: str, seen: str) -> float:
    """Edits per character of the truth, whitespace normalised (difflib's
    opcodes: close enough to Levenshtein for a bound)."""
    a, b = " ".join(truth.split()), " ".join(seen.split())
    edits = sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False)
                .get_opcodes() if op != "equal")
    return edits / max(len(a), 1)


def test_a_harsh_photocopy_is_read_to_under_eight_percent() -> None:
    for text, seed in ((SHORT_RU, 5), (SHORT_KY, 6)):
        page = degrade("harsh-photocopy", 3, text, seed)
        bare_looking = read_image(page, steps=("borders", "flatten", "deskew", "median", "scale"))
        result = read_image(page)
        assert any(step.startswith("denoise nlm") for step in result.steps), result.steps
        # The damaged page is read with its own language's model, as a sample of its lines decided.
        model = "rus" if text is SHORT_RU else "kir"
        assert any(step.startswith(f"read with {model} ") for step in result.steps), result.steps
        assert character_error(text, result.text) < 0.08, result.text
        # Without the choice the same page is not readable: the step earns its place.
        assert character_error(text, bare_looking.text) > 0.3


def test_a_clean_page_keeps_the_light_preparation() -> None:
    result = read_image(clean(SHORT_RU))
    assert not any(step.startswith("denoise") or step.startswith("read with") for step in result.steps)
    # Paper without grain or specks: the median would only take the letters' corners.
    assert "median3" not in result.steps and "no median: paper without grain or specks" in result.steps
    assert character_error(SHORT_RU, result.text) < 0.02


def test_grainless_paper_gets_the_median_only_with_specks() -> None:
    """A black-and-white scan with dust on it still gets the median; the
    same page without the dust does not (scanned lines of print read worse
    with it: their thin strokes are what it takes)."""
    from ocr.prepare import prepare

    pixels = np.where(np.asarray(clean(SHORT_RU)) < 128, 0, 255).astype(np.uint8)
    assert "median3" not in prepare(Image.fromarray(pixels)).steps
    dusty = pixels.copy()
    rng = np.random.default_rng(3)
    dusty[rng.random(dusty.shape) < 0.004] = 0
    assert "median3" in prepare(Image.fromarray(dusty)).steps


def test_letters_that_span_a_strip_of_one_line_are_no_fold() -> None:
    """On a strip shorter than any fold, OpenCV's erosion counted what lies
    past the edge as ink, and every letter reaching from top to bottom was
    painted over as a fold."""
    from ocr.folds import erase_long_lines

    strip = np.full((48, 1200), 255, np.uint8)
    for x in range(40, 1160, 50):
        strip[:, x : x + 4] = 0  # strokes from the strip's top to its bottom
    erased, found = erase_long_lines(strip)
    assert found == 0 and np.array_equal(erased, strip)


def test_a_fold_across_the_page_is_erased_not_read_as_a_column_gap() -> None:
    page = degrade("folds", 3, SHORT_RU, 7)
    result = read_image(page)
    assert any(step.startswith("erased") and "long line" in step for step in result.steps), result.steps
    assert character_error(SHORT_RU, result.text) < 0.05, result.text


def test_a_strip_of_one_line_is_read_as_one_line() -> None:
    """A line cut from a page (as OCR ground-truth sets and clipped
    snippets come) is read in single-line mode, where the page layout
    analysis would look for blocks; a page of several lines is not."""
    page = clean(SHORT_RU)
    pixels = np.asarray(page)
    rows = np.flatnonzero((pixels < 128).any(axis=1))
    top = rows[0]
    gap = next(i for i in range(top, pixels.shape[0]) if not (pixels[i] < 128).any())
    strip = page.crop((0, max(0, top - 12), page.width, gap + 12))
    result = read_image(strip)
    assert "read as one line" in result.steps
    assert character_error(SHORT_RU.splitlines()[0], result.text) < 0.05, result.text
    assert "read as one line" not in read_image(page).steps


def test_a_strip_whose_ascenders_stand_apart_is_still_one_line_and_gets_a_margin() -> None:
    """A scanned line of print cut tight: the threshold leaves a few rows
    of ascenders and of descenders apart from the line's body, which once
    counted as three rows and sent one real line in four to the page
    layout analysis. Read as one line, it gets paper around it, on the
    stored image too; a lone heading on an empty page is no strip."""
    from ocr.prepare import one_line, prepare

    strip = np.full((40, 1200), 255, np.uint8)
    for x in range(20, 1180, 24):
        strip[10:30, x : x + 12] = 0  # the line's body
    for x in range(20, 1180, 240):
        strip[4:7, x : x + 3] = 0  # ascenders, few and apart
        strip[33:36, x + 100 : x + 103] = 0  # descenders
    assert one_line(strip)
    prepared = prepare(Image.fromarray(strip))
    assert prepared.single_line and any(step.startswith("margin") for step in prepared.steps), prepared.steps
    assert prepared.geometry.height > strip.shape[0] and prepared.geometry.width > strip.shape[1]
    page = np.full((3508, 2480), 255, np.uint8)
    page[300:340, 200:2200] = np.tile(strip[:, :1000], 2)
    assert not one_line(page)
    two = np.vstack([strip, strip])
    assert not one_line(two)


def test_the_harsh_pages_are_told_from_the_mild_ones_whatever_their_skew() -> None:
    """The grain is measured before deskewing: rotating smooths it, and a
    harsh page turned 4° once passed for a mild one (median, 86% error)."""
    from pathlib import Path

    from ocr.prepare import prepare

    text = (Path(__file__).parent.parent / "bench" / "ocr_texts" / "ru_1983_grazhdanskoe.txt").read_text("utf-8")
    for seed in (101, 103):
        assert prepare(degrade("harsh-photocopy", 3, text, seed)).noisy, seed
        assert not prepare(degrade("harsh-photocopy", 2, text, seed)).noisy, seed


def _bench_page(stem: str, seed: int) -> tuple[str, Image.Image]:
    """A full page of the OCR benchmark's own court text, harsh level 3, as
    `bench/ocr_quality.py --sweep` renders it for that seed."""
    import zlib
    from pathlib import Path

    text = (Path(__file__).parent.parent / "bench" / "ocr_texts" / f"{stem}.txt").read_text("utf-8")
    name = f"{stem}-harsh-photocopy-3-{seed}"
    return text, degrade("harsh-photocopy", 3, text, seed=zlib.crc32(name.encode()) & 0xFFFF)


def test_the_language_sample_of_a_grey_page_is_taken_where_its_lines_are() -> None:
    """A denoised harsh page goes on as grey, its ink at 190-200: a fixed cut
    at 128 found no ink there, the sample was the blank top of the page, and
    a Kyrgyz page was read with the Russian model first."""
    from ocr import page_language
    from ocr.prepare import prepare

    _, page = _bench_page("ky_2015_kylmysh", 0)
    prepared = prepare(page)
    assert prepared.noisy
    band = np.asarray(page_language.densest_band(prepared.ocr_input))
    paper = float(np.percentile(np.asarray(prepared.ocr_input), 90))
    assert (band < paper - 20).mean() > 0.01  # the band holds lines of ink, not blank paper
    assert page_language.choose(prepared.ocr_input, "kir+rus", 120) == ("kir", "ky")


def test_a_straight_harsh_page_is_read_as_well_as_a_skewed_one() -> None:
    """Unrotated, a harsh page kept its single specks through the denoise
    (a rotation's interpolation had smoothed them on skewed pages) and read
    at 12%; the slight blur before the filter does what rotation did."""
    text, page = _bench_page("ky_2015_kylmysh", 3)  # skewed 0.29°: not deskewed
    result = read_image(page)
    assert not any(step.startswith("deskew") for step in result.steps), result.steps
    assert character_error(text, result.text) < 0.07, result.text


def test_a_fold_is_taken_off_along_its_own_pixels_only() -> None:
    """The letters a fold crosses keep their strokes beside it: only what
    runs straight on along the fold is taken off, not the band around it."""
    from ocr.folds import erase_long_lines

    page = np.asarray(clean(SHORT_RU)).copy()
    x = page.shape[1] // 3 // 4 * 4 + 3  # across two of the quarter-size cells the fold is traced on
    page[:, x : x + 2] = 40  # a fold from top to bottom, through the typed lines
    erased, found = erase_long_lines(page)
    assert found == 1
    assert (erased[:, x : x + 2] > 128).mean() > 0.9  # the fold is gone
    beside = np.r_[x - 40 : x - 1, x + 3 : x + 40]
    assert np.array_equal(erased[:, beside], page[:, beside])  # the letters beside it are untouched


def test_letters_in_the_shadow_of_a_fold_are_read() -> None:
    """A fold is a dark line and a step in brightness; flattening leaves a
    shadow some thirty pixels wide on the step's dark side. A typed line
    standing in it is read, not painted over with the fold."""
    page = np.asarray(clean(SHORT_RU), dtype=np.float32)
    fold = _line_tops(page)[1] - 4  # just above the second typed line
    page[fold:, :] -= 30  # the two halves lit differently
    page[fold - 3 : fold + 3, :] -= 60
    image = Image.fromarray(np.clip(page, 0, 255).astype(np.uint8))
    result = read_image(image)
    assert any(step.startswith("erased") for step in result.steps), result.steps
    assert character_error(SHORT_RU, result.text) < 0.03, result.text


def test_letters_crossed_by_black_rules_are_read() -> None:
    """A rule as dark as the ink leaves nothing to tell a crossing stroke
    from it: it is filled in from either side, and the letters it crossed
    are whole again (divided out like a grey fold, they lost their middles)."""
    page = np.asarray(clean(SHORT_RU)).copy()
    for top in _line_tops(page)[:4]:
        page[top + 20 : top + 23, 150:-150] = 25  # through the middle of the typed line
    result = read_image(Image.fromarray(page))
    assert any(step.startswith("erased") for step in result.steps), result.steps
    assert character_error(SHORT_RU, result.text) < 0.03, result.text


def _line_tops(page: np.ndarray) -> np.ndarray:
    """The first row of each typed line of a clean page."""
    rows = np.flatnonzero((page < 128).any(axis=1))
    return rows[np.r_[0, np.flatnonzero(np.diff(rows) > 1) + 1]]
