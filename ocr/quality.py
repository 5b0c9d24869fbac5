"""How good a page's OCR is, and what an operator should know about it.

The score is the mean word confidence weighted by word length (a long word
read surely says more than a stray mark). Flags say why a page needs
attention, in words an operator can act on: re-scan it, check it by hand,
or mark it handwritten.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ocr.engine import Word

ATTENTION_BELOW = 70.0  # score under which a page is worth a person's look
HANDWRITTEN_BELOW = 45.0
DARK_PAPER = 100  # median grey of a page: below this the scan is too dark
BLANK_MIN_MARKS = 25  # letter-sized marks: even a short line of text has more
LONG_WORD_LETTERS, LONG_WORD_CONFIDENCE = 6, 45.0  # specks do not read as a word this long


@dataclass
class Quality:
    score: float
    flags: list[str] = field(default_factory=list)

    @property
    def needs_attention(self) -> bool:
        return bool(self.flags)


def score(words: list[Word]) -> float:
    letters = sum(len(w.text) for w in words)
    if not letters:
        return 0.0
    return round(sum(w.confidence * len(w.text) for w in words) / letters, 2)


def evidence(words: list[Word]) -> float:
    """How much text was read with confidence: compares two readings."""
    return sum(w.confidence * len(w.text) for w in words) / 100


def N_(message: str) -> str:
    """Marks a message template for the translation catalogues (a no-op):
    flags are recorded in English, and the staff pages say them in the
    operator's language."""
    return message


# Why a page needs a person's eye, in words an operator can act on.
FLAGS = {
    "dark": N_("too dark: re-scan with more light or a lighter setting"),
    "skewed": N_("too skewed (at least %(angle)s°): re-scan the page straight"),
    "handwritten": N_("probably handwritten or damaged (OCR confidence %(score)s): check by hand"),
    "low_confidence": N_("low OCR confidence (%(score)s): check the text"),
}


def confident_words(words: list[Word], above: float = 60.0) -> int:
    return sum(1 for w in words if w.confidence >= above and len(w.text) >= 2)


def reads_as_text(words: list[Word]) -> bool:
    """Whether what OCR read on a page of a few marks is text, not specks:
    a word it is sure of, or a long word it is fairly sure of. A strip
    holding the one word "Наименованіе" read at 56% was taken for a blank
    page, and its word was lost (real scanned lines, jze/ocropus-model_cyrillic)."""
    return bool(confident_words(words)) or any(
        w.confidence >= LONG_WORD_CONFIDENCE and sum(c.isalpha() for c in w.text) >= LONG_WORD_LETTERS for w in words)


def assess(words: list[Word], page: np.ndarray, skew: float, skew_limit: float) -> Quality:
    quality = Quality(score(words))
    if float(np.median(page[::4, ::4])) < DARK_PAPER:
        quality.flags.append(FLAGS["dark"])
    if abs(skew) >= skew_limit - 0.05:
        quality.flags.append(FLAGS["skewed"] % {"angle": f"{abs(skew):.1f}"})
    if quality.score < HANDWRITTEN_BELOW:
        quality.flags.append(FLAGS["handwritten"] % {"score": f"{quality.score:.0f}"})
    elif quality.score < ATTENTION_BELOW:
        quality.flags.append(FLAGS["low_confidence"] % {"score": f"{quality.score:.0f}"})
    return quality
