"""OCR with the real Tesseract (kir+rus): preparation, orientation, blank
pages, quality flags and the page PDF, on small generated pages."""

from __future__ import annotations

import io
import random
import subprocess
from pathlib import Path

import numpy as np
import pikepdf
import pytest
from PIL import Image, ImageDraw

from ocr import guess_language, merge_pdfs, read_image
from ocr.prepare import estimate_skew
from sotarchive.sample_archive.conditions import clean, photocopy, typewriter
from sotarchive.sample_archive.render import LINE_PX, MARGIN_TOP
from tests.conftest import SHORT_KY, SHORT_RU


@pytest.fixture(scope="module")
def typed_ru() -> Image.Image:
    return typewriter(SHORT_RU, seed=31)


def test_russian_typewriter_page_is_read_with_boxes_on_the_page(typed_ru: Image.Image) -> None:
    result = read_image(typed_ru)
    assert "государственной" in result.text and "Фрунзе" in result.text
    assert result.ocr.confidence > 80 and result.ocr.language == "ru"
    assert not result.blank and not result.quality.flags
    assert any(step.startswith("scale") for step in result.steps)
    # Boxes come back in page pixels, not in the resized copy's: the word
    # on the third line sits where the third line was typed.
    word = next(w for w in result.ocr.words if w.text.startswith("государственной"))
    expected_top = MARGIN_TOP + 2 * LINE_PX
    assert abs(word.top - expected_top) < LINE_PX / 2 + 60
    assert word.width > 200 and word.height > 20


def test_kyrgyz_letters_are_read() -> None:
    result = read_image(typewriter(SHORT_KY, seed=32))
    assert "күчүнө" in result.text
    assert result.ocr.language == "ky"


@pytest.mark.parametrize("degrees", [90, 180])
def test_a_turned_page_is_read_upright(typed_ru: Image.Image, degrees: int) -> None:
    result = read_image(typed_ru.rotate(degrees, expand=True))
    assert result.turned == degrees
    assert "государственной" in result.text
    assert result.width < result.height  # stored upright: portrait again


def test_skew_is_recovered_within_a_third_of_a_degree() -> None:
    page = clean(SHORT_RU)
    for angle in (0.8, -2.5, 4.0):
        tilted = page.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
        assert abs(estimate_skew(np.asarray(tilted)) + angle) <= 0.3, angle
    result = read_image(page.rotate(-2.5, resample=Image.Resampling.BICUBIC, fillcolor=255))
    assert abs(result.skew - 2.5) <= 0.3
    assert "deskew +2." in " ".join(result.steps)


def test_a_blank_page_is_blank_not_a_failure() -> None:
    noise = np.random.default_rng(3).normal(232, 6, size=(3508, 2480))
    page = Image.fromarray(np.clip(noise, 0, 255).astype(np.uint8), "L")
    ImageDraw.Draw(page).ellipse((1200, 1700, 1210, 1710), fill=60)  # a speck
    result = read_image(page)
    assert result.blank and result.text == ""
    assert not result.quality.flags
    with pikepdf.open(io.BytesIO(result.pdf)) as pdf:
        assert len(pdf.pages) == 1


def test_a_long_word_read_fairly_surely_on_a_few_marks_is_text_not_a_blank_page() -> None:
    """A strip of one word ("Наименованіе", read at 56%) was called blank
    and its word lost; specks read as short scraps stay a blank page."""
    from ocr.engine import Word
    from ocr.quality import reads_as_text

    def word(text: str, confidence: float) -> Word:
        return Word(text, 0, 0, 10, 10, confidence, 1, 1, 1)

    assert reads_as_text([word("Наименован!е", 55.8)])
    assert reads_as_text([word("иш", 75.0)])
    assert not reads_as_text([word("ш", 70.0), word("—:", 50.0), word("ии", 40.0), word("лшщгнт", 30.0)])


def test_a_dark_scan_is_flagged_with_a_reason(typed_ru: Image.Image) -> None:
    dark = Image.fromarray((np.asarray(typed_ru, dtype=np.float32) * 0.35).astype(np.uint8), "L")
    result = read_image(dark)
    assert any(flag.startswith("too dark") for flag in result.quality.flags)


def test_scribbles_are_flagged_as_probably_handwritten() -> None:
    page = Image.new("L", (2480, 3508), 235)
    draw = ImageDraw.Draw(page)
    rng = random.Random(5)
    for line in range(12):
        y = 300 + line * 120
        x = 250
        while x < 2100:
            points = [(x + i * 9, y + rng.randint(-25, 25)) for i in range(rng.randint(6, 14))]
            draw.line(points, fill=40, width=5)
            x = points[-1][0] + rng.randint(30, 60)
    result = read_image(page)
    assert not result.blank
    assert result.quality.needs_attention
    assert any("handwritten" in flag or "low OCR confidence" in flag for flag in result.quality.flags)


def test_bad_photocopy_is_readable_after_preparation() -> None:
    result = read_image(photocopy(SHORT_RU, seed=33))
    assert "государственной" in result.text and "удовлетворить" in result.text
    assert {"borders", "flatten", "median3"} <= set(result.steps)


def test_page_pdf_is_the_image_under_an_aligned_text_layer(tmp_path: Path, typed_ru: Image.Image) -> None:
    first = read_image(typed_ru)
    second = read_image(typewriter(SHORT_KY, seed=34))
    merged = merge_pdfs([first.pdf, second.pdf], title="Тест")
    with pikepdf.open(io.BytesIO(merged)) as pdf:
        assert len(pdf.pages) == 2
        page = pdf.pages[0]
        images = page.get_images()
        (image,) = images.values()
        assert image.Filter == pikepdf.Name.DCTDecode  # stored as is, not re-encoded
        assert abs(float(page.mediabox[2]) - 595.2) < 1  # A4 at 300 dpi, like the scan
    path = tmp_path / "merged.pdf"
    path.write_bytes(merged)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "государственной" in text and "күчүнө" in text


def test_language_guess() -> None:
    assert guess_language("Сот чечими күчүнө кирет жана ал аткарылат") == "ky"
    assert guess_language("Суд рассмотрел дело и постановил приговор") == "ru"
    assert guess_language("Суд рассмотрел дело. Сот чечими күчүнө кирет жана аткарылат") == "mixed"


def test_specks_on_a_short_page_do_not_pass_for_small_type() -> None:
    """Two lines of typing and hundreds of specks: the page must not be
    blown up as if the specks were tiny letters (slow, and worse)."""
    page = typewriter("РЕШЕНИЕ\nнародный суд города Фрунзе рассмотрел дело", seed=35)
    pixels = np.asarray(page).copy()
    rng = np.random.default_rng(7)
    for y, x in zip(rng.integers(0, 3508, 600), rng.integers(0, 2480, 600)):
        pixels[y : y + 4, x : x + 4] = 60
    result = read_image(Image.fromarray(pixels, "L"))
    assert not any(step.startswith("scale ×1") or step.startswith("scale ×2") for step in result.steps)
    assert "Фрунзе" in result.text


def test_a_preparation_step_is_one_registered_function() -> None:
    """Registered, a step runs in its place when asked for, and the page's
    preparation records it; not asked for, it does not run."""
    import numpy as np
    from PIL import Image

    from ocr import prepare as preparation

    @preparation.step("gamma")
    def gamma(work: preparation.Work) -> None:
        work.tone = (255 * (work.tone / 255.0) ** 2).astype(np.uint8)
        work.done.append("gamma 2")

    try:
        grey = Image.fromarray(np.full((120, 200), 128, np.uint8), "L")
        asked = preparation.prepare(grey, ("gamma",))
        assert asked.steps == ["gamma 2"] and np.asarray(asked.ocr_input).max() == 64
        assert "gamma 2" not in preparation.prepare(grey, ("median",)).steps
    finally:
        preparation.STEPS[:] = [s for s in preparation.STEPS if s.name != "gamma"]
