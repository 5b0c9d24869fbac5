"""Pages in a Cyrillic alphabet that neither the Kyrgyz nor the Russian
model knows.

An archive holds more than Kyrgyz and Russian in today's spelling: print
of before 1918 (ѣ, і), and pages in other Cyrillic alphabets (Komi ӧ і ј,
Ukrainian і ї). `kir+rus` reads such letters as brackets, digits and Latin
letters inside words ("та]б" for тајӧ, "понижен!е" for пониженіе); letters
it has a near twin for (Uzbek ў for у) it reads as the twin, and they are
not caught here. Tesseract's Cyrillic script model (Debian's
tesseract-ocr-script-cyrl) has those letters, but reads today's Russian
worse (lines of a 1923 book: 3.5% against 2.1%), so it is asked only when the
first reading is full of such words, and kept only when its own reading
has fewer.

Real scanned lines, `bench/ocr_quality.py --lines`: 1931 Komi print of
nikopartanen/molodcov-ocr (train_1 and train_2, 118 lines; train_3 set
aside), and pre-1918 Russian print of jze/ocropus-model_cyrillic
(training folder). The share of misread words in a reading with
`kir+rus`: Komi lines a third (median), pre-1918 lines up to 0.45, the
benchmark's generated Kyrgyz and Russian pages at most 0.05 at every kind
and level of damage.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ocr.kyrgyz_letters import tessdata_dir

MODEL = "Cyrillic"
KEEPS_LETTERS = 0.8  # of the first reading's letters, at least, in the second
MISREAD_FROM = 0.15  # of a reading's Cyrillic words: above the 0.05 of damaged Kyrgyz and Russian pages

CYRILLIC = re.compile(r"[\u0400-\u052F]")
# Inside a word of Cyrillic letters, none of these belongs: what OCR puts
# for a letter its model does not have. ї stands for і (kir+rus has no і).
MISREAD = re.compile(r"[\[\]{}|©®$€@#%&*<>_=+~^\\/!?0-9A-Za-zї]")
EDGE = ".,;:!?()«»\"'„“”‘’-—–"


def misread_share(text: str) -> float:
    """The share of Cyrillic words (punctuation at their ends aside) that
    hold a mark no Cyrillic word holds; 0 for a text without them. The
    parts of a hyphenated word count apart: "2013-жылы" is a year and a
    suffix, not a misread word."""
    words = [part.strip(EDGE) for token in text.split() for part in token.split("-")]
    cyrillic = [word for word in words if CYRILLIC.search(word)]
    if not cyrillic:
        return 0.0
    return sum(1 for word in cyrillic if MISREAD.search(word)) / len(cyrillic)


def wanted(text: str) -> bool:
    """Whether a reading with kir+rus is worth reading again with the
    Cyrillic script model (and the model is installed)."""
    return misread_share(text) >= MISREAD_FROM and installed()


def better(first: str, second: str) -> bool:
    """Whether the script model's reading (second) has fewer misread words,
    and not for want of words: a reading that lost most of the letters has
    no misread words either."""
    return misread_share(second) < misread_share(first) and _letters(second) >= KEEPS_LETTERS * _letters(first)


def _letters(text: str) -> int:
    return sum(1 for c in text if c.isalpha())


@lru_cache(maxsize=1)
def installed() -> bool:
    try:
        return (tessdata_dir() / f"{MODEL}.traineddata").is_file()
    except FileNotFoundError:
        return False
