"""Text analysis shared by every backend.

Terms are made here, in Python, and handed to the engine as
whitespace-separated tokens, so the embedded engine and OpenSearch index
exactly the same terms. Offsets always point into the original text, which
is what snippets and highlights need.

Each word gets two terms, at the same position in two fields:
- the exact term: the word normalised (indexing/normalise.py) and stemmed
  by its language's stemmer (Kyrgyz: indexing/kyrgyz.py; Russian:
  Snowball through PyStemmer);
  A Kyrgyz stem that is also a Russian word (the law's loanwords:
  республика, система) is given its Russian stem, so the two languages'
  forms of it meet;
- the folded term: the same with ң ө ү folded to н о у before stemming,
  so a 1967 page that says "окумдун" and a query for "өкүм" meet; for a
  surname, the surname in one form for both genders and every case
  ("Касымовой", "Касымовдун" → касымов). A query matches both fields; a
  document with the exact form matches twice and ranks higher.
A word that does not show its language (бер, кирет, мугалим) takes its
sentence's (indexing/language.py).
A word hyphenated across a line break ("сис-\\nтемасы") is one word.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

import Stemmer

from indexing import kyrgyz, names
from indexing.language import is_russian_word, word_evidence
from indexing.normalise import fold, normalise

# Letters (with combining marks and soft hyphens inside words) or digits.
WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f\u00ad])+")
# A hyphen at the end of a line, then the word's second part.
LINE_BREAK_HYPHEN = re.compile(r"[-\u2010\u00ac][ \t]*\r?\n[ \t]*")


@dataclass(frozen=True)
class Token:
    text: str  # as written in the input
    start: int
    end: int
    lang: str  # "ky", "ru" or "other"
    term: str  # indexed in the exact field
    folded: str  # indexed in the folded field

    @property
    def terms(self) -> tuple[str, ...]:
        return (self.term,) if self.folded == self.term else (self.term, self.folded)


@lru_cache(maxsize=1)
def _russian() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("russian")


@lru_cache(maxsize=500_000)
def analyse_word(word: str, context: str | None = None, query: bool = False) -> tuple[str, str, str]:
    """(language, exact term, folded term) of one word as written, in a
    sentence of language `context` (None: unknown). A word that does not
    decide its language by itself takes its sentence's. A surname's folded
    term is the surname itself, the same for every gender and case
    (indexing/names.py): "Касымова" is found by "Касымов", the exact form
    still matching twice and ranking first. In a document a surname is
    capitalised; in a query it may not be."""
    norm = normalise(word)
    lang, decisive = word_evidence(norm)
    if not decisive and context in ("ky", "ru"):
        lang = context
    surname = names.surname_base(norm) if word[:1].isupper() or query else None
    if surname:
        # The form as written is the exact term: "Касымов" must not meet the
        # first name "Касым" that Snowball would cut it to.
        return lang, norm, fold(surname)
    if lang == "ky":
        term = _shared(kyrgyz.stem(norm, dictionary=is_russian_word))
        folded = _shared(kyrgyz.stem(fold(norm), dictionary=is_russian_word))
    elif lang == "ru":
        term = folded = _russian().stemWord(norm)
    else:
        term = folded = norm
    return lang, term, folded


def query_analyses(word: str, context: str | None) -> list[tuple[str, str, str]]:
    """A query word's analyses: one where the query or the word itself
    decides the language, both where nothing does (a query of one short
    word, "бер": Kyrgyz "give" or nothing Russian)."""
    norm = normalise(word)
    lang, decisive = word_evidence(norm)
    if decisive or context in ("ky", "ru") or lang == "other":
        found = [analyse_word(word, context, query=True)]
    else:
        found = [analyse_word(word, c, query=True) for c in (lang, "ru" if lang == "ky" else "ky")]
    if names.surname_base(norm) and not word[:1].isupper():
        # "законов" typed in lower case may be a plural, not a name: searched as a word too.
        found += [analyse_word(word.lower(), c) for c in dict.fromkeys((lang, context or lang))]
    return list(dict.fromkeys(found))


def stems_in_both(word: str) -> tuple[str, str]:
    """The word's stem as Russian and as Kyrgyz, whatever its language."""
    norm = normalise(word)
    return _russian().stemWord(norm), _shared(kyrgyz.stem(norm, dictionary=is_russian_word))


def _shared(stem: str) -> str:
    """A Kyrgyz stem that is a Russian word (республика, система, кодекс:
    the loanwords of the law) gets the Russian stem, so "Республикасынын"
    and "Республики" meet. Not a short one: бала, кары are Kyrgyz words
    that happen to be Russian forms (of бал, кара)."""
    if len(stem) >= kyrgyz.MIN_DICTIONARY_STEM and is_russian_word(stem):
        return _russian().stemWord(stem)
    return stem


def words_in(text: str) -> list[tuple[str, int, int]]:
    """Words with their offsets; the two halves of a word hyphenated at a
    line's end are joined (offsets span both halves)."""
    found = [(m.group(), m.start(), m.end()) for m in WORD.finditer(text)]
    joined: list[tuple[str, int, int]] = []
    i = 0
    while i < len(found):
        word, start, end = found[i]
        if i + 1 < len(found):
            after, next_start, next_end = found[i + 1]
            gap = text[end:next_start]
            if LINE_BREAK_HYPHEN.fullmatch(gap) and after[:1].islower() and word[-1:].isalpha():
                joined.append((word + after, start, next_end))
                i += 2
                continue
        joined.append((word, start, end))
        i += 1
    return joined


SENTENCE_END = re.compile(r"[.!?]\s|\n\s*\n")


@lru_cache(maxsize=500_000)
def _weight(word: str) -> tuple[int, int]:
    """What a word as written says of its sentence's language: (Kyrgyz, Russian) weight."""
    lang, decisive = word_evidence(normalise(word))
    weight = 3 if decisive else 1
    return (weight, 0) if lang == "ky" else (0, weight) if lang == "ru" else (0, 0)


NO_WEIGHT = (0, 0)


def _side(ky: int, ru: int) -> str | None:
    return None if ky == ru else "ky" if ky > ru else "ru"


def contexts(text: str, words: list[tuple[str, int, int]], default: str | None = None) -> list[str | None]:
    """Each word's context: the language its sentence's words weigh
    towards (a deciding word three times a suggesting one), else the whole
    text's, else `default`. A name inside a sentence says nothing of its
    language: Russian acts name Kyrgyz people (Бакыт, Касым уулу)."""
    if not words:
        return []
    weight = _weight
    pairs = [NO_WEIGHT if w[:1].isupper() else weight(w) for w, _, _ in words]
    cuts = [0]
    if "." in text or "!" in text or "?" in text or "\n" in text:
        starts = [start for _, start, _ in words]
        # The word after each sentence's end begins the next sentence.
        cuts = sorted({0, *(bisect_left(starts, m.end()) for m in SENTENCE_END.finditer(text))} - {len(words)})
    for first in cuts:  # a sentence's first word is capitalised for being first
        pairs[first] = weight(words[first][0])
    ky, ru = (list(side) for side in zip(*pairs))
    whole = _side(sum(ky), sum(ru)) or default
    out: list[str | None] = []
    for first, last in zip(cuts, cuts[1:] + [len(words)]):
        out += [_side(sum(ky[first:last]), sum(ru[first:last])) or whole] * (last - first)
    return out


def text_language(text: str) -> str | None:
    """The language a text's words weigh towards, or None."""
    weights = [_weight(w) for w, _, _ in words_in(text)]
    return _side(sum(w[0] for w in weights), sum(w[1] for w in weights))


def analyze(text: str, context: str | None = None) -> list[Token]:
    """The text's tokens, each analysed in its sentence's language
    (`context` where nothing in the text decides)."""
    words = words_in(text)
    tokens = []
    for (word, start, end), lang_context in zip(words, contexts(text, words, context)):
        lang, term, folded = analyse_word(word, lang_context)
        if term:
            tokens.append(Token(text[start:end], start, end, lang, term, folded))
    return tokens


def index_fields(text: str) -> tuple[str, str]:
    """The two field values the engine indexes: exact and folded terms,
    separated by spaces, position for position."""
    words = words_in(text)
    # The terms alone, without a Token each: indexing's hot path.
    analysed = [analyse_word(word, context) for (word, _, _), context in zip(words, contexts(text, words))]
    kept = [a for a in analysed if a[1]]
    return " ".join(a[1] for a in kept), " ".join(a[2] for a in kept)


def index_terms(text: str) -> str:
    return index_fields(text)[0]


def query_terms(query: str) -> list[str]:
    """Distinct exact terms of a free text, in order."""
    return list(dict.fromkeys(t.term for t in analyze(query)))
