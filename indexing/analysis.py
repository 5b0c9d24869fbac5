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
  so a 1967 page that says "окумдун" and a query for "өкүм" meet. A query
  matches both fields; a document with the exact form matches twice and
  ranks higher.
A word hyphenated across a line break ("сис-\\nтемасы") is one word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import Stemmer

from indexing import kyrgyz
from indexing.language import is_russian_word, word_language
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
def analyse_word(word: str) -> tuple[str, str, str]:
    """(language, exact term, folded term) of one word as written."""
    norm = normalise(word)
    lang = word_language(norm)
    if lang == "ky":
        return lang, _shared(kyrgyz.stem(norm, dictionary=is_russian_word)), _shared(
            kyrgyz.stem(fold(norm), dictionary=is_russian_word)
        )
    if lang == "ru":
        term = _russian().stemWord(norm)
        return lang, term, term
    return lang, norm, norm


def stems_in_both(word: str) -> tuple[str, str]:
    """The word's stem as Russian and as Kyrgyz, whatever its language."""
    norm = normalise(word)
    return _russian().stemWord(norm), _shared(kyrgyz.stem(norm, dictionary=is_russian_word))


def _shared(stem: str) -> str:
    """A Kyrgyz stem that is a Russian word (республика, система, кодекс:
    the loanwords of the law) gets the Russian stem, so "Республикасынын"
    and "Республики" meet."""
    if is_russian_word(stem):
        return _russian().stemWord(stem)
    return stem


def _words(text: str) -> list[tuple[str, int, int]]:
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


def analyze(text: str) -> list[Token]:
    tokens = []
    for word, start, end in _words(text):
        lang, term, folded = analyse_word(word)
        if term:
            tokens.append(Token(text[start:end], start, end, lang, term, folded))
    return tokens


def index_fields(text: str) -> tuple[str, str]:
    """The two field values the engine indexes: exact and folded terms,
    separated by spaces, position for position."""
    tokens = analyze(text)
    return " ".join(t.term for t in tokens), " ".join(t.folded for t in tokens)


def index_terms(text: str) -> str:
    return index_fields(text)[0]


def query_terms(query: str) -> list[str]:
    """Distinct exact terms of a free text, in order."""
    return list(dict.fromkeys(t.term for t in analyze(query)))
