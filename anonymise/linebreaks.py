"""Words broken at a line's end, read whole.

A typist or a typesetter breaks a long word at the line's end with a
hyphen: "Кова-" / "ленко", "Токто-" / "сунов". OCR keeps the break, and
neither half has a surname's shape, so a name broken there was published
in clear; a phone broken at its hyphen ("0555-" / "123456") was too. The
rules read a copy of the text with such words joined; the positions of
that copy map every span found back to the text as it is.

The copy also leaves out stress marks. Encyclopaedic and news text marks
a name's stress ("Диа́с Кадырба́ев", NEREL train): the combining accent
cuts the word in two for every rule, and the name went unseen.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from anonymise.names import known_word

# A hyphen at a line's end between letters, or between digits ("0555-" / "123456").
BREAK = re.compile(r"(?<=[А-Яа-яЁёӨөҮүҢң\d])-[ \t]*\r?\n[ \t]*(?=[А-Яа-яЁёӨөҮүҢң\d])")
# A combining acute or grave accent on a Cyrillic letter.
STRESS = re.compile("(?<=[А-Яа-яЁёӨөҮүҢң])[\u0300\u0301]")
GAP = re.compile(rf"(?P<stress>{STRESS.pattern})|{BREAK.pattern}")
LONGEST_WORD = 60  # letters: how far back the broken word may begin
HEAD = re.compile(r"[А-Яа-яЁёӨөҮүҢң]+$")
TAIL = re.compile(r"[А-Яа-яЁёӨөҮүҢң]+")


def _hyphen_kept(head: str, tail: str) -> bool:
    """Whether the hyphen at the break is the word's own: before a capital,
    a hyphenated name's second half ("Жалал-Абад"); before a small letter,
    a compound's linking vowel and a word the dictionary knows, which make
    no word together ("торгово-бытового", "уголовно-процессуального").
    Otherwise the word goes on ("Кова-ленко", "Токто-сунов", "Миро-нова")."""
    if tail[:1].isupper():
        return True
    return head[-1:] in "ое" and len(tail) >= 4 and known_word(tail) and not known_word(head + tail)


class Joined:
    """The text with its broken words joined and its stress marks left
    out, and the way back."""

    def __init__(self, text: str) -> None:
        pieces: list[str] = []
        # From each position in _at on, the original is _ahead characters further on.
        self._at: list[int] = []
        self._ahead: list[int] = []
        at = length = 0
        for match in GAP.finditer(text):
            before = text[at : match.start()]
            if match.group("stress"):
                kept = ""
            elif text[match.start() - 1].isdigit() or text[match.end()].isdigit():
                kept = "-"  # a phone's or a number's own hyphen: the line break goes, the hyphen stays
            else:
                head = HEAD.search(text, max(0, match.start() - LONGEST_WORD), match.start())
                tail = TAIL.match(text, match.end())
                kept = "-" if head and tail and _hyphen_kept(head.group(), tail.group()) else ""
            pieces += [before, kept]
            length += len(before) + len(kept)
            self._at.append(length)
            self._ahead.append(match.end() - length)
            at = match.end()
        pieces.append(text[at:])
        self.text = "".join(pieces)

    def start(self, position: int) -> int:
        """Where a span that starts here in the joined text starts in the original."""
        return position + self._ahead_at(position)

    def end(self, position: int) -> int:
        """Where a span that ends here in the joined text ends in the original."""
        return position if position <= 0 else position + self._ahead_at(position - 1)

    def _ahead_at(self, position: int) -> int:
        index = bisect_right(self._at, position) - 1
        return self._ahead[index] if index >= 0 else 0
