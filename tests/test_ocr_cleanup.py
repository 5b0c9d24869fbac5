"""Word repairs from the page's geometry: specks read as marks, and the
case of letters that differ only in size. The words and letter boxes are
written out here, as Tesseract reports them, so each rule is seen alone;
the OCR benchmark measures them on whole typewriter pages."""

from __future__ import annotations

from ocr.cleanup import clean_words
from ocr.engine import Word
from ocr.glyphs import Glyph, glyphs_by_word

X, CAP, DESCENDER = 26, 34, 10  # pixels: small letters, capitals, below the line
BASELINE = 400
DESCENDING = set("уүрдфцщң")


def word(text: str, left: int, heights: dict[int, int] | None = None, conf: float = 90.0, line: int = 1,
         boxes: dict[int, tuple[int, int]] | None = None) -> tuple[Word, list[Glyph]]:
    """A word on the line at BASELINE, letters 20 px wide: capitals CAP
    tall, small letters X tall, descenders below the line. heights and
    boxes override a letter's height or (top, bottom)."""
    glyphs = []
    for i, char in enumerate(text):
        height = CAP if char.isupper() else X
        top, bottom = BASELINE - height, BASELINE + (DESCENDER if char in DESCENDING else 0)
        if heights and i in heights:
            top = BASELINE - heights[i]
        if boxes and i in boxes:
            top, bottom = boxes[i]
        glyphs.append(Glyph(char, left + 20 * i, top, left + 20 * i + 18, bottom))
    top = min(g.top for g in glyphs)
    bottom = max(g.bottom for g in glyphs)
    return Word(text, left, top, 20 * len(text), bottom - top, conf, 1, 1, line), glyphs


def page(*entries: tuple[Word, list[Glyph]]) -> list[str]:
    """Cleaned texts, with enough ordinary words around for the page's
    letter sizes to be measured."""
    filler = [word(t, 2000 + 300 * i, line=9) for i, t in enumerate(["Сот", "жана", "иштин", "Каракол", "мамлекет", "Коллегия", "ошондой", "Нарын"] * 3)]
    everything = list(entries) + filler
    words = [w for w, _ in everything]
    glyphs = {(w.left, w.top): g for w, g in everything}
    return [w.text for w in clean_words(words, glyphs) if w.line != 9]


def test_tiny_marks_alone_are_dropped_but_a_dash_is_kept() -> None:
    speck = Word("`", 300, 380, 4, 4, 50.0, 1, 1, 1), []
    dash = Word("—", 400, 385, 40, 4, 80.0, 1, 1, 1), []
    assert page(word("иштин", 100), speck, dash, word("жана", 500)) == ["иштин", "—", "жана"]


def test_a_speck_read_as_a_letter_or_digit_is_dropped_but_a_real_one_letter_word_is_kept() -> None:
    # Real KTMU pages under typewriter damage: specks 5-7 px tall beside
    # 39 px words came out as "к", "Е", "5" between the sentences.
    speck_letter = Word("к", 300, 394, 6, 6, 60.0, 1, 1, 1), []
    speck_digit = Word("5", 330, 394, 6, 6, 55.0, 1, 1, 1), []
    assert page(word("берди.", 100), speck_letter, speck_digit, word("в", 400), word("с", 450), word("жана", 500)) == [
        "берди.", "в", "с", "жана",
    ]


def test_a_hyphenated_word_split_on_its_line_is_one_word_again() -> None:
    # Real KTMU pages under typewriter damage read "Ысык -Колго" and "Көк- Тонду".
    assert page(word("Ысык", 100), word("-Колго", 200), word("Көк-", 400), word("Тонду", 500)) == [
        "Ысык-Колго", "Көк-Тонду",
    ]


def test_a_hanging_hyphen_a_dash_and_a_break_at_the_line_end_stay() -> None:
    assert page(word("кино-", 100), word("жана", 250), word("фото", 400), word("-", 500), word("сүрөт", 550),
                word("Ысык-", 700), word("Көл", 100, line=2), word("Усубалиев-", 300, line=2), word("к.,", 600, line=2),
                ) == ["кино-", "жана", "фото", "-", "сүрөт", "Ысык-", "Көл", "Усубалиев-", "к.,"]


def test_specks_stuck_to_words_are_removed() -> None:
    assert page(word("`изилдеп,", 100, conf=40), word("соттун`", 400), word("ортосундагы`нике", 700)) == [
        "изилдеп,", "соттун", "ортосундагы нике",
    ]


def test_a_doubtful_quote_goes_only_when_the_word_is_doubtful() -> None:
    assert page(word("„күнөөсүн", 100, conf=70), word("„күнөөсүн", 400, conf=96)) == ["күнөөсүн", "„күнөөсүн"]


def test_a_letter_the_size_of_a_capital_is_a_capital_and_back() -> None:
    # "нарын" whose н stands as tall as the capitals; "Толугу" whose Т is small.
    read = page(word("нарын", 100, heights={0: CAP}), word("Толугу", 400, heights={0: X}), word("Кылмыш-жаза", 700, heights={7: CAP}))
    assert read == ["Нарын", "толугу", "Кылмыш-Жаза"]


def test_a_word_read_in_capitals_at_small_letter_height_is_small() -> None:
    # Real Russian text under typewriter damage: "Родившийся" came out "РОДИВШИЙСЯ".
    small = {i: X for i in range(1, 10)}
    assert page(word("РОДИВШИЙСЯ", 100, heights=small), word("ПРИГОВОР", 400), word("УК", 700),
                word("жана", 800), word("иштин", 900)) == ["Родившийся", "ПРИГОВОР", "УК", "жана", "иштин"]


def test_case_is_left_alone_without_evidence() -> None:
    # т's box merged with the ү after it reaches below the line: no evidence.
    merged = word("түрдө", 100, boxes={0: (BASELINE - X, BASELINE + DESCENDER)})
    # Abbreviations and headings keep their capitals; a letter of another
    # shape in each case (у/У) is Tesseract's to decide.
    assert page(merged, word("УК", 400, heights={1: X}), word("ушуга", 700, heights={0: CAP})) == ["түрдө", "УК", "ушуга"]


def test_letter_boxes_are_read_from_hocr() -> None:
    hocr = (
        "<span class='ocrx_word' id='word_1_1' title='bbox 10 20 60 50; x_wconf 91'>"
        "<span class='ocrx_cinfo' title='x_bboxes 10 20 30 50; x_conf 99.1'>С</span>"
        "<span class='ocrx_cinfo' title='x_bboxes 32 28 60 50; x_conf 98.7'>&lt;</span></span>"
    ).encode()
    assert glyphs_by_word(hocr) == {(10, 20): [Glyph("С", 10, 20, 30, 50), Glyph("<", 32, 28, 60, 50)]}
