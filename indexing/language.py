"""Which analyser a word gets: Kyrgyz or Russian.

Decided from the word alone, so that a word is analysed the same way in
every document and in every query (a phrase query must meet the terms the
document was indexed with). Evidence, strongest first:
- the letters ң ө ү are Kyrgyz; щ ъ and ё are Russian;
- the project's Kyrgyz word lists (indexing/data: common words, the
  stemmer's stems and exceptions): жана, бала are Kyrgyz here although
  Russian has those letters too; and ы where Russian spelling never puts
  it (after ж ш ч к г х й or a vowel: жыл, кылмыш, жайыт);
- a Russian dictionary (pymorphy3's OpenCorpora dictionary, shipped in the
  pymorphy3-dicts-ru wheel): a word form it knows is Russian;
- a Kyrgyz suffix the stemmer can cut under its sound rules (-дын, -тор,
  -га ...), or a Kyrgyz double vowel (аа, уу, ыы, ээ).
A word with no evidence either way is given to Russian: Snowball leaves a
bare word it does not know much as it is.
"""

from __future__ import annotations

import re
from functools import lru_cache

from indexing import kyrgyz

KYRGYZ_LETTERS = set("ңөү")
RUSSIAN_LETTERS = set("щъё")
CYRILLIC = re.compile(r"^[а-яёңөү]+$")
KYRGYZ_DOUBLES = re.compile(r"аа|уу|ыы|ээ")
# Russian spelling never writes ы after these letters or at a word's start
# (жи, ши, ки, not жы, шы, кы); Kyrgyz does all the time (жыл, кылмыш, айыл).
KYRGYZ_SPELLING = re.compile(r"[жшчщкгхйаеиоуыэюя]ы|^ы")


def russian_words() -> frozenset[str]:
    return kyrgyz.read_word_list("russian_words.txt")


@lru_cache(maxsize=1)
def kyrgyz_words() -> frozenset[str]:
    return kyrgyz.read_word_list("kyrgyz_words.txt") | kyrgyz.known_stems()


@lru_cache(maxsize=1)
def _russian_dictionary():  # type: ignore[no-untyped-def]
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


def is_russian_word(word: str) -> bool:
    return word in russian_words() or _russian_dictionary().word_is_known(word)


@lru_cache(maxsize=200_000)
def word_language(word: str) -> str:
    """"ky", "ru" or "other" (digits, Latin) for a normalised word."""
    if not CYRILLIC.match(word):
        return "other"
    letters = set(word)
    if letters & KYRGYZ_LETTERS:
        return "ky"
    if letters & RUSSIAN_LETTERS:
        return "ru"
    if word in kyrgyz_words() or KYRGYZ_SPELLING.search(word):
        return "ky"
    if is_russian_word(word):
        return "ru"
    if kyrgyz.stem(word) != word or KYRGYZ_DOUBLES.search(word):
        return "ky"
    return "ru"
