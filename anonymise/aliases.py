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
from anonymise.names import NAME_PARTICLES, common_word, dictionary_place

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
    if not spelled or any(common_word(w) or dictionary_place(w) for w in spelled):
        return None
    return name


AFTER_BRACKET = re.compile(rf"[^\S\n]*((?:[{UPPER}][{LOWER}]+|[{UPPER}]\.[^\S\n]?)(?:[^\S\n]?[{UPPER}]\.|[^\S\n]+[{UPPER}][{LOWER}]+)?)")


def words_after_brackets(text: str, mentions: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """(start, end, which mention) of the capitalised words or initials right
    after a bracket that follows a mention and holds another one: the given
    name in "Жээнбекова (Осмонова) Гүлмира", "Асанова (мурунку фамилиясы
    Исмаилова) Г.К.". The caller says whether they are a name."""
    found = []
    for index, (_, end) in enumerate(mentions):
        opening = OPENING.match(text, end)
        closing = text.find(")", opening.end(), opening.end() + MAX_BRACKET) if opening else -1
        if closing == -1 or not any(opening.end() <= a < closing for a, _ in mentions):
            continue
        if words := AFTER_BRACKET.match(text, closing + 1):
            found.append((*words.span(1), index))
    return found
