"""Pages in a Cyrillic alphabet Kyrgyz and Russian lack (ocr.other_cyrillic),
read with the real Tesseract: a line of Komi print with ј ӧ і is read again
with the Cyrillic script model and keeps its letters; Kyrgyz and Russian
pages never pay for that second reading."""

from __future__ import annotations

import difflib
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from ocr import read_image, recognise
from ocr.engine import RAW_LINE
from ocr.other_cyrillic import better, misread_share
from sotarchive.sample_archive.conditions import SERIF_CANDIDATES, clean, find_font
from tests.conftest import SHORT_KY, SHORT_RU

# Our own line in the Komi letters of the 1930s (ӧ і ј), not from any scan.
KOMI = "Мі ӧні сіјӧс вајам колхозјас вылӧ, тајӧ бур уҗ: јӧз сіјӧн кывзӧны школаын"


def test_words_with_brackets_and_digits_for_letters_are_counted_as_misread() -> None:
    assert misread_share("рабочб] класс ба сЦбн та]б 4а] понижен!е") == 4 / 7
    assert misread_share("Сот өкүмү, 12-март. Суд установил: «иск удовлетворить»!") == 0.0
    assert misread_share("1234 5678") == 0.0  # no Cyrillic words: nothing to say


def test_a_reading_that_lost_its_letters_is_not_better() -> None:
    first = "рабочб] класс ба сЦбн та]б 4а]"
    assert better(first, "рабочӧј класс да сіјӧн тајӧ дај")
    assert not better(first, "")
    assert not better(first, "класс")


def test_a_line_of_komi_print_is_read_with_the_cyrillic_script_model(tmp_path: Path) -> None:
    font = ImageFont.truetype(str(find_font(SERIF_CANDIDATES)), 40)
    line = Image.new("L", (1750, 70), 255)
    ImageDraw.Draw(line).text((10, 10), KOMI, font=font, fill=0)
    result = read_image(line)
    assert any(step.startswith("read with the Cyrillic script model") for step in result.steps), result.steps
    seen = " ".join(result.text.split())
    assert "ј" in seen and "і" in seen, seen
    # Kyrgyz and Russian alone, the same line as Tesseract reads it: further from the truth.
    line.save(tmp_path / "line.png")
    alone = " ".join(recognise(tmp_path / "line.png", "kir+rus", segmentation=RAW_LINE).text.split())
    assert similarity(KOMI, seen) > similarity(KOMI, alone) + 0.05, (seen, alone)
    assert similarity(KOMI, seen) > 0.85, seen


def similarity(truth: str, seen: str) -> float:
    return difflib.SequenceMatcher(None, truth, seen, autojunk=False).ratio()


def test_kyrgyz_and_russian_pages_are_read_once() -> None:
    for text in (SHORT_KY, SHORT_RU):
        result = read_image(clean(text))
        assert not any("Cyrillic" in step for step in result.steps), result.steps
