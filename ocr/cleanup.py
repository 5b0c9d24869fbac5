"""Repairs to Tesseract's words that need the page's geometry.

Measured on the benchmark's typewriter pages, most of what remains wrong
after preparation is of two kinds:
- specks read as marks or letters: a lone "`", "‚", "_", "к" or "5" a few
  pixels tall, or a mark stuck to a word ("`изилдеп", "соттун`");
- capitals read as small letters and back: С/с, К/к, О/о, Т/т, Ч/ч ...
  have one shape in two sizes, and the typewriter's jitter misleads
  Tesseract. The letter's height against the line's small letters decides.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from dataclasses import replace

from ocr.engine import PageOcr, Word, mean_confidence, words_to_text
from ocr.glyphs import Glyph, glyphs_by_word
from ocr.language import guess_language

SPECK_SIZE = 0.25  # of the page's median word height: marks smaller are specks
ALWAYS_SPECKS = "`‚"  # never typed in Kyrgyz or Russian court text
DOUBTFUL_QUOTES = "„‘’'"  # typed rarely; at a word's edge with low confidence, a speck
DOUBT_BELOW = 90.0
# Cyrillic letters whose capital is the small letter enlarged, with no
# ascender or descender in either form: only their size tells them apart.
SAME_SHAPE = set("вгжзиклмнопстхчшыэюяө")
X_LETTERS = set("авгежзиклмнопстхчшыьэюяө")  # small letters of x-height
CAPITALS = set("АБВГЕЖЗИКЛМНОПРСТХЧШЭЮЯӨҮ")  # capitals without descenders
MIN_CASE_RATIO = 1.12  # capitals must stand this much taller than small letters to tell them apart
MIN_CAPITALS_WORD = 4  # letters: a shorter word in capitals is an abbreviation as often as not
SMALL_SHARE = 0.75  # of a capitals word's one-shape letters at small-letter height, to read it small


def clean(result: PageOcr) -> PageOcr:
    """The page's words repaired, and its text, confidence and language
    with them. The hOCR and the PDF's text layer keep Tesseract's reading."""
    words = clean_words(result.words, glyphs_by_word(result.hocr))
    if words == result.words:
        return result
    text = words_to_text(words)
    return replace(result, words=words, text=text, confidence=mean_confidence(words), language=guess_language(text))


def clean_words(words: list[Word], glyphs: dict[tuple[int, int], list[Glyph]]) -> list[Word]:
    words = _drop_specks(words)
    words = [w for w in (_strip_speck_marks(w) for w in words) if w.text]
    words = [_inner_capitals(w) for w in words]
    return _join_hyphen_halves(_repair_case(words, glyphs))


# A capital between small letters ("айДын", "соТтун"): on a damaged page a
# small letter's box swollen by grain. Court texts have no such words.
INNER_CAPITAL = re.compile(r"(?<=[а-яёңөү])[А-ЯЁҢӨҮ](?=[а-яёңөү])")


def _inner_capitals(word: Word) -> Word:
    text = INNER_CAPITAL.sub(lambda m: m.group().lower(), word.text)
    return replace(word, text=text) if text != word.text else word


# A hanging hyphen before a conjunction is typed so on purpose: "право- и
# дееспособность", "кино- жана фото-".
CONJUNCTIONS = frozenset({"и", "или", "а", "жана", "же", "менен"})
LETTERS = re.compile(r"[А-Яа-яЁёҢңӨөҮү]")
TWO_LETTERS = re.compile(r"[А-Яа-яЁёҢңӨөҮү]{2}")


def _join_hyphen_halves(words: list[Word]) -> list[Word]:
    """A hyphenated word the typewriter's uneven spacing split on one line
    ("Ысык -Колго", "Көк- Тонду"): one word again, so that it reads, and
    restores, as the word it is."""
    joined: list[Word] = []
    for word in words:
        last = joined[-1] if joined else None
        if last is not None and (last.block, last.paragraph, last.line) == (word.block, word.paragraph, word.line) \
                and _halves(last.text, word.text):
            right = max(last.left + last.width, word.left + word.width)
            top, bottom = min(last.top, word.top), max(last.top + last.height, word.top + word.height)
            joined[-1] = replace(last, text=last.text + word.text, width=right - last.left, top=top,
                                 height=bottom - top, confidence=min(last.confidence, word.confidence))
            continue
        joined.append(word)
    return joined


def _halves(left: str, right: str) -> bool:
    """Two halves of one word: letters on both sides of the hyphen, two at
    least after it (not an initial: "Усубалиев- к." stays), and no
    conjunction after a hanging hyphen."""
    if left.endswith("-") and not right.startswith("-"):
        return bool(LETTERS.match(left[-2:-1] or "") and TWO_LETTERS.match(right)) and right.lower() not in CONJUNCTIONS
    if right.startswith("-") and not left.endswith("-"):
        return bool(TWO_LETTERS.match(right[1:]) and LETTERS.match(left[-1:]))
    return False


def _drop_specks(words: list[Word]) -> list[Word]:
    heights = [w.height for w in words if sum(c.isalpha() for c in w.text) >= 3]
    if len(heights) < 5:
        return words
    # A letter is at least x-height tall or wide, whatever Tesseract names
    # it: a lone "к" or "5" a quarter of a word's height is a speck.
    limit = SPECK_SIZE * statistics.median(heights)
    return [w for w in words if max(w.width, w.height) >= limit]


def _strip_speck_marks(word: Word) -> Word:
    text = word.text
    if any(c.isalpha() for c in text):
        text = text.strip(ALWAYS_SPECKS)
        if word.confidence < DOUBT_BELOW:
            text = text.strip(DOUBTFUL_QUOTES)
        # A speck between two words glued them together.
        for mark in ALWAYS_SPECKS:
            text = text.replace(mark, " ")
    return replace(word, text=text.strip()) if text != word.text else word


def _repair_case(words: list[Word], glyphs: dict[tuple[int, int], list[Glyph]]) -> list[Word]:
    letters = {i: glyphs.get((w.left, w.top), []) for i, w in enumerate(words)}
    small = [g.height for gs in letters.values() for g in gs if g.char in X_LETTERS]
    large = [g.height for gs in letters.values() for g in gs if g.char in CAPITALS]
    if len(small) < 50 or len(large) < 5:
        return words
    ratio = statistics.median(large) / statistics.median(small)
    if ratio < MIN_CASE_RATIO:
        return words
    lines: dict[tuple[int, int, int], list[int]] = defaultdict(list)
    for i, w in enumerate(words):
        lines[(w.block, w.paragraph, w.line)].append(i)
    repaired = list(words)
    for indices in lines.values():
        line_small = [g.height for i in indices for g in letters[i] if g.char in X_LETTERS]
        if len(line_small) < 5:
            continue
        x_height = statistics.median(line_small)
        for i in indices:
            text = _recase(words[i].text, letters[i], x_height, x_height * ratio)
            if text != words[i].text:
                repaired[i] = replace(words[i], text=text)
    return repaired


def _small_word_in_capitals(text: str, letters: list[Glyph], x_height: float, cap_height: float) -> bool:
    """A word Tesseract read in capitals whose letters of one shape in two
    sizes stand at the line's small-letter height ("РОДИВШИЙСЯ" for
    "Родившийся"); a heading or an abbreviation typed in capitals stands at
    capital height and stays."""
    if not text.isupper() or sum(c.isalpha() for c in text) < MIN_CAPITALS_WORD:
        return False
    heights = [g.height for c, g in zip(text, letters) if c.lower() in SAME_SHAPE]
    if len(heights) < MIN_CAPITALS_WORD - 1:
        return False
    small = sum(abs(h - x_height) < abs(h - cap_height) for h in heights)
    return small >= SMALL_SHARE * len(heights)


def _recase(text: str, letters: list[Glyph], x_height: float, cap_height: float) -> str:
    """The first letter of the word (and of each part after a hyphen) in
    the case its height says, where its shape cannot say."""
    if len(letters) != len(text):
        return text  # letters not one to one
    if any(a.isupper() and b.isupper() for a, b in zip(text, text[1:])):
        if _small_word_in_capitals(text, letters, x_height, cap_height):
            return text[0] + text[1:].lower()  # the first letter as read: a sentence's or a name's capital
        return text  # an abbreviation (УК, КР) or a word typed in capitals
    chars = list(text)
    bottoms = [g.bottom for g in letters if g.char in X_LETTERS]
    if len(bottoms) < 2:
        return text
    baseline = statistics.median(bottoms)
    for pos, char in enumerate(chars):
        starts_part = pos == 0 or chars[pos - 1] == "-"
        if not starts_part or char.lower() not in SAME_SHAPE:
            continue
        letter = letters[pos]
        if abs(letter.bottom - baseline) > 0.15 * x_height:
            continue  # the box runs into a neighbour's descender: its height says nothing
        height = letter.height
        if height > cap_height * 1.3 or height < x_height * 0.7:
            continue  # a box swollen by a speck or cut short: no evidence
        looks_capital = abs(height - cap_height) < abs(height - x_height)
        if char.islower() and looks_capital:
            chars[pos] = char.upper()
        elif char.isupper() and not looks_capital and any(c.islower() for c in chars[pos + 1 :]):
            chars[pos] = char.lower()
    return "".join(chars)
