"""Text analysis shared by every backend.

Terms are made here, in Python, and handed to the engine as
whitespace-separated tokens, so the embedded engine and OpenSearch index
exactly the same terms. Offsets always point into the original text, which
is what snippets and highlights need.

This is the first analyser: Unicode normalisation, lowercasing, ё→е,
Russian Snowball stemming. Kyrgyz stemming, OCR repairs and the folded
forms for typewriter pages come later, here, behind the same functions.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import Stemmer

# Letters (with combining marks and soft hyphens inside words) or digits.
WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f\u00ad])+")
SOFT_HYPHEN = "\u00ad"
KYRGYZ_ONLY = set("ңөү")
CYRILLIC = re.compile(r"[а-яё]")


@dataclass(frozen=True)
class Token:
    text: str  # as written in the input
    start: int
    end: int
    lang: str  # "ky", "ru" or "other"
    terms: tuple[str, ...]  # what is indexed for it


@lru_cache(maxsize=1)
def _russian() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("russian")


def normalise(word: str) -> str:
    word = unicodedata.normalize("NFC", word).replace(SOFT_HYPHEN, "")
    return word.lower().replace("ё", "е")


def token_language(norm: str) -> str:
    if KYRGYZ_ONLY & set(norm):
        return "ky"
    if CYRILLIC.search(norm):
        return "ru"
    return "other"


def terms_for(norm: str, lang: str) -> tuple[str, ...]:
    if lang == "ru":
        return (_russian().stemWord(norm),)
    return (norm,)


def analyze(text: str) -> list[Token]:
    tokens = []
    for match in WORD.finditer(text):
        norm = normalise(match.group())
        if not norm:
            continue
        lang = token_language(norm)
        tokens.append(Token(match.group(), match.start(), match.end(), lang, terms_for(norm, lang)))
    return tokens


def index_terms(text: str) -> str:
    """The field value the engine indexes: terms separated by spaces."""
    return " ".join(term for token in analyze(text) for term in token.terms)


def query_terms(query: str) -> list[str]:
    """Distinct terms of a free-text query, in order."""
    seen: dict[str, None] = {}
    for token in analyze(query):
        for term in token.terms:
            seen.setdefault(term, None)
    return list(seen)
