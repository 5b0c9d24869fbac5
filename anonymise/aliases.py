"""Other names of a person, in brackets right after a mention of them.

Judgments and the news write a person's other names in brackets after
the name: a maiden or former surname ("Асанова (Исмаилова) Г."), other
spellings ("Михаилс Савикис (Савицкис, Савискис; Mihails Savickis)"), the
original spelling, quoted or not ("Дональд Синден (англ. ''Donald Sinden'')").
Each such name is the same person's and is hidden with them; its words
join the person's, so that its other mentions are found as well.

A bracket holds another name only where every piece read so far is
made of capitalised words the Russian dictionary does not know as
common words or places: "Ума Турман (США)", "Иванов (Москва)" and
"Асанов (осуждённый)" hold none. Reading stops at the first piece that is
no name ("(Теодорус, Тавадрос; в миру — …)").
"""

from __future__ import annotations

import re

from anonymise.candidates import LOWER_LETTERS, ROMAN, UPPER_LETTERS
from anonymise.names import NAME_PARTICLES, common_word

MAX_WORDS = 4  # a piece longer than a full name is a phrase
MAX_BRACKET = 160

UPPER = UPPER_LETTERS + "ЄІЇЎҐ"
LOWER = LOWER_LETTERS + "єіїўґ"
OPENING = re.compile(r"[^\S\n]*(?:['\"»”][^\S\n]*)?\(")
PIECES = re.compile(r"\s*[;,]\s*|\s+(?:или|or)\s+")
QUOTES = "«»\"'“”„"
# "англ.", "укр.": the language the spelling is in; "в девичестве", "урождённая",
# "мурунку фамилиясы" (former surname): a maiden name.
LABEL = re.compile(r"^(?:[a-zа-яё]{2,5}\.|в\s+девичестве|урожд[её]нн\w+|мурунку\s+фамилия\w*|кыз\s+кезиндеги\s+фамилия\w*)\s*")
WORD = re.compile(rf"[{UPPER}][{LOWER}’'-]*[{LOWER}]|[{UPPER}]\.")


def bracket_aliases(text: str, mentions: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """(start, end, which mention) of each other name in brackets after a mention."""
    found = []
    for index, (_, end) in enumerate(mentions):
        opening = OPENING.match(text, end)
        if not opening:
            continue
        closing = text.find(")", opening.end(), opening.end() + MAX_BRACKET)
        inside = text[opening.end() : closing] if closing != -1 else ""
        if not inside or "\n" in inside:
            continue
        at = opening.end()
        for piece in PIECES.split(inside):
            start = opening.end() + inside.index(piece, at - opening.end()) if piece else at
            at = start + len(piece)
            name = _name_in(piece)
            if name is None:
                break
            offset = start + piece.index(name)
            if not any(a <= offset < b for a, b in mentions):
                found.append((offset, offset + len(name), index))
    return found


def _name_in(piece: str) -> str | None:
    """The name a piece of the bracket holds, less quotes and a language's label; None if it is no name."""
    name = LABEL.sub("", piece.strip()).strip(QUOTES + " ")
    words = name.split()
    if not 1 <= len(words) <= MAX_WORDS:
        return None
    if not all(WORD.fullmatch(w) or ROMAN.fullmatch(w) or w.lower() in NAME_PARTICLES for w in words):
        return None
    spelled = [w for w in words if WORD.fullmatch(w) and not w.endswith(".")]
    if not spelled or any(common_word(w) or _place(w) for w in spelled):
        return None
    return name


def _place(word: str) -> bool:
    """A word the Russian dictionary reads as a place (Ливан, which it also knows as a surname)."""
    from anonymise.names import _morph

    return any("Geox" in parse.tag.grammemes for parse in _morph().parse(word.lower()) if parse.score >= 0.2)


AFTER_BRACKET = re.compile(rf"[^\S\n]*\)[^\S\n]*((?:[{UPPER}][{LOWER}]+|[{UPPER}]\.[^\S\n]?)(?:[^\S\n]?[{UPPER}]\.|[^\S\n]+[{UPPER}][{LOWER}]+)?)")


def name_after_bracket(text: str, end: int) -> tuple[int, int] | None:
    """The name's words after the bracket that holds another surname:
    "Жээнбекова (Осмонова) Гүлмира", "Асанова (Исмаилова) Г.К."; (start, end)
    of the words after ")", to be checked by the caller."""
    found = AFTER_BRACKET.match(text, end)
    return found.span(1) if found else None
