"""Which analyser a word gets: Kyrgyz or Russian.

A word decides by itself where it can; where it cannot, its sentence
decides (indexing/analysis.py), and a query of one undecided word is
searched under both. Evidence, strongest first:
- the letters ң ө ү are Kyrgyz; щ ъ and ё are Russian;
- the project's Kyrgyz word lists (indexing/data: common words, the
  stemmer's stems and exceptions): жана, бала are Kyrgyz here although
  Russian has those letters too; and ы where Russian spelling never puts
  it (after ж ш ч к г х й or a vowel: жыл, кылмыш, жайыт);
- a Russian dictionary (pymorphy3's OpenCorpora dictionary, shipped in the
  pymorphy3-dicts-ru wheel): a word form it knows is Russian, unless the
  Kyrgyz lexicon knows it too;
- a Kyrgyz suffix the stemmer can cut under its sound rules (-дын, -тор,
  -га ...), deciding where it leaves a word of the Kyrgyz lexicon
  (уулуна, кирет), or a Kyrgyz double vowel (аа, уу, ыы, ээ).
The letters, the lists, spelling and a known word with a Kyrgyz ending
decide; the rest only suggest. A word
with no evidence either way, and no sentence to go by, is given to
Russian: Snowball leaves a bare word it does not know much as it is.
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
    """Words that are Kyrgyz by themselves: the hand lists, and the
    treebank's lemmas that are not also Russian words (its loanwords are
    both: экспорт, система)."""
    treebank = kyrgyz.read_word_list("kyrgyz_treebank_lemmas.txt")
    return (kyrgyz.read_word_list("kyrgyz_words.txt") | kyrgyz.read_word_list("kyrgyz_stems.txt")
            | kyrgyz.exceptions() | frozenset(w for w in treebank if not is_russian_word(w)))


@lru_cache(maxsize=1)
def _russian_dictionary():  # type: ignore[no-untyped-def]
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


def is_russian_word(word: str) -> bool:
    return word in russian_words() or _russian_dictionary().word_is_known(word)


@lru_cache(maxsize=200_000)
def word_evidence(word: str) -> tuple[str, bool]:
    """A normalised word's language, "ky", "ru" or "other" (digits, Latin),
    and whether the word alone decides it. The letters, the Kyrgyz word
    lists and Kyrgyz spelling decide; the Russian dictionary, a suffix the
    stemmer can cut or a double vowel only suggest (Kyrgyz берди, болду,
    курсу are in the Russian dictionary as place names and cases), and a
    word without deciding evidence (бер, кирет, мугалим, китеп) takes its
    sentence's language (indexing/analysis.py: contexts)."""
    if not CYRILLIC.match(word):
        return "other", True
    letters = set(word)
    if letters & KYRGYZ_LETTERS:
        return "ky", True
    if letters & RUSSIAN_LETTERS:
        return "ru", True
    if word in kyrgyz_words() or KYRGYZ_SPELLING.search(word):
        return "ky", True
    if is_russian_word(word):
        return "ru", False
    stem = kyrgyz.stem(word)
    if stem != word and stem in kyrgyz.known_canonical():
        return "ky", True  # a known Kyrgyz word with a Kyrgyz ending: уулуна, кирет
    if stem != word or KYRGYZ_DOUBLES.search(word):
        return "ky", False
    return "ru", False


def word_language(word: str) -> str:
    """The language of a normalised word taken alone (see word_evidence)."""
    return word_evidence(word)[0]
