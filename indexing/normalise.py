"""Normalisation of one word before it is analysed: what OCR and old
typewriters did to it is undone, the same way for documents and queries.

- Unicode NFC (a "й" typed as и + combining breve is one letter);
- soft hyphens removed;
- Latin look-alike letters inside a Cyrillic word made Cyrillic: OCR reads
  "Cуд" with a Latin C, and the word would match nothing;
- lowercase, ё → е (Russian print drops the dots at will).

The folded form (ң → н, ө → о, ү → у) is what a typewriter without the
Kyrgyz letters typed; it is indexed beside the exact form.
"""

from __future__ import annotations

import re
import unicodedata

SOFT_HYPHEN = "\u00ad"
# Latin letters that look like Cyrillic ones, lowercase and capital.
LOOK_ALIKES = str.maketrans(
    {
        "a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у",
        "A": "А", "E": "Е", "O": "О", "P": "Р", "C": "С", "X": "Х", "Y": "У",
        "H": "Н", "K": "К", "M": "М", "T": "Т", "B": "В",
    }
)
LATIN = re.compile(r"[A-Za-z]")
UNLIKE_CYRILLIC = re.compile(r"[bdfghijklmnqrstuvwzDFGIJLNQRSUVWZ]")
LATIN_STEM = re.compile(r"^[A-Z][a-z]{2,}[а-яёөүң]{1,6}$")  # "Sydykovaга", "Aibekке"
CYRILLIC = re.compile(r"[А-Яа-яЁёҢңӨөҮү]")
FOLD = str.maketrans("ңөү", "ноу")


def repair_look_alikes(word: str) -> str:
    """Latin look-alikes made Cyrillic, in a word that has Cyrillic letters
    (an all-Latin word is left alone: it may be Latin). A word with a
    Latin letter no Cyrillic one looks like is Latin with a Kyrgyz case
    ending ("Sydykovaга"), not OCR's confusion, and is left alone too."""
    if LATIN.search(word) and CYRILLIC.search(word) and not (LATIN_STEM.match(word) and UNLIKE_CYRILLIC.search(word)):
        return word.translate(LOOK_ALIKES)
    return word


def normalise(word: str) -> str:
    word = unicodedata.normalize("NFC", word).replace(SOFT_HYPHEN, "")
    return repair_look_alikes(word).lower().replace("ё", "е")


def fold(word: str) -> str:
    """ң ө ү as a typewriter without them wrote them."""
    return word.translate(FOLD)
