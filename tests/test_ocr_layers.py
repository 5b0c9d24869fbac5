"""A carbon copy's second impression (the text again, fainter, a few
pixels off) is set to paper before Tesseract reads the page, with the
real Tesseract; faint letters of the text itself, which make the same
kind of grey layer but lie at no one offset from the dark ones, stay."""

from __future__ import annotations

import random

import numpy as np
from PIL import Image

from bench.ocr_degrade import degrade, on_paper, typed
from ocr import read_image
from ocr.layers import faint_layer, impression_offset
from ocr.prepare import ALL_STEPS, prepare
from sotarchive.sample_archive.conditions import clean
from tests.conftest import SHORT_KY, SHORT_RU
from tests.test_ocr_harsh import character_error

WITHOUT_LAYERS = tuple(step for step in ALL_STEPS if step != "layers")


def _impression_steps(steps: list[str]) -> list[str]:
    return [step for step in steps if step.startswith("second impression")]


def test_a_second_impression_is_set_to_paper_and_the_page_reads_better() -> None:
    for text, seed, dpi in ((SHORT_KY, 11, 300), (SHORT_RU, 12, 300), (SHORT_RU, 32, 200)):
        page = degrade("ghost", 3, text, seed)
        if dpi != 300:  # a low-resolution scan: a few lines, their modes blurred together
            page = page.resize((page.width * dpi // 300, page.height * dpi // 300), Image.Resampling.LANCZOS)
        result = read_image(page)
        (step,) = _impression_steps(result.steps)
        # The damage is 5 rows and 8 columns off at 300 dpi; found to 2 px.
        assert "(+6, +8) px" in step or "(+4, +8) px" in step or (dpi == 200 and "(+4, +6) px" in step), step
        without = read_image(page, steps=WITHOUT_LAYERS)
        assert character_error(text, result.text) < 0.03, result.text
        assert character_error(text, result.text) < character_error(text, without.text)
        # Only the copy Tesseract reads is changed: the stored page keeps every grey.
        assert np.array_equal(np.asarray(prepare(page).geometry), np.asarray(page))


def test_faint_letters_of_the_text_itself_stay() -> None:
    """Every other line struck faintly, as an uneven typewriter does: the
    page's histogram has a grey layer as large as the ink, but it repeats
    no letter at an offset, so nothing is set to paper and the faint lines
    are read."""
    strokes = typed(SHORT_RU, random.Random(4))
    inked = (strokes.max(axis=1) > 0.3).astype(int)
    line_of_row = np.cumsum(np.r_[0, np.diff(inked) == 1])  # a line begins where ink begins
    faint = (line_of_row % 2 == 0)[:, None]
    page = np.clip(on_paper(np.where(faint, 0.42 * strokes, strokes)), 0, 255).astype(np.uint8)
    layer = faint_layer(page)
    assert layer is not None  # the histogram alone would have erased the faint lines
    assert impression_offset(page, layer) is None
    result = read_image(Image.fromarray(page, "L"))
    assert not _impression_steps(result.steps)
    assert character_error(SHORT_RU, result.text) < 0.03, result.text


def test_a_clean_page_has_no_layer_to_look_for() -> None:
    assert faint_layer(np.asarray(clean(SHORT_KY))) is None
