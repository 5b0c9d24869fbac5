"""Dates in an act, in the ways acts write them, and which one is the act's own.

"11 марта 2026 года", "15-января 2013", "2026-жылдын 9-февралы",
"09.02.2026"; in text taken from PDFs spaces fall inside words ("31
январ я2013 год"). An act gives its own date in its heading, above the
court's composition; the dates it cites are the lower courts' acts ("от
27 сентября 2012 г.", "2012-жылдын 23-октябрындагы"), earlier
convictions and events. So the act's date is the first one in the opening
that is not a citation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS = ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"]
MONTH = r"(январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр)"
DOTTED = re.compile(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?!\d)")
# A stray space may split the month's ending from the year ("январ я2013").
WORD_RU = re.compile(rf"(?i)(?<!\d)(\d{{1,2}})[\s\-\u00ad]*{MONTH}[а-я]*(?:\s[а-я]{{1,2}})?\s*((?:19|20)\d{{2}})")
WORD_KY = re.compile(rf"(?i)((?:19|20)\d{{2}})[\s\-\u00ad]*ж[ы]?л\w*\s+(\d{{1,2}})[\s\-\u00ad]*{MONTH}([а-яөүң]*)")
# The date a court act is dated, not one it cites: "от ...", "...-дагы".
CITED_BEFORE = re.compile(r"(?i)(?:\bот|\bс|\bпо|\bдо)\s*$")
CITED_SUFFIX = re.compile(r"(?:[дт][аеоө]гы|[дт][аеоө]ги|нда|нде|[дт]ан|[дт]ен|нан|нен)$")
# Where the heading ends: the composition, or the court's chamber.
HEADING_END = re.compile(r"(?i)в\s+составе|курамында|судебная\s+коллегия|соттук\s+коллегия|коллегиясы")


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    day: date
    cited: bool  # "от 27 сентября 2012 г.", "2012-жылдын 23-октябрындагы"

    def iso(self) -> str:
        return self.day.isoformat()


def dates_in(text: str) -> list[Found]:
    """Every valid date in a text, in order."""
    text = text.replace("\u00ad", "-")
    found: list[Found] = []
    for m in DOTTED.finditer(text):
        found += _valid(m, int(m.group(3)), int(m.group(2)), int(m.group(1)), _cited_before(text, m.start()))
    for m in WORD_RU.finditer(text):
        found += _valid(m, int(m.group(3)), month(m.group(2)), int(m.group(1)), _cited_before(text, m.start()))
    for m in WORD_KY.finditer(text):
        found += _valid(m, int(m.group(1)), month(m.group(3)), int(m.group(2)), bool(CITED_SUFFIX.search(m.group(4))))
    return sorted(found, key=lambda f: f.start)


def act_date(text: str, head: int = 1500) -> str | None:
    """The act's own date: the first date above the composition that no
    word marks as cited; else the first uncited date of the opening; else
    the first date at all."""
    opening = text[:head]
    found = dates_in(opening)
    end = HEADING_END.search(opening)
    heading = [f for f in found if not f.cited and (end is None or f.start < end.start())]
    uncited = [f for f in found if not f.cited]
    best = heading or uncited or found
    return best[0].iso() if best else None


def month(word: str) -> int:
    """A month's number from the beginning of its Russian or Kyrgyz name (март before ма[й/я])."""
    lower = word.lower()
    return 3 if lower.startswith("март") else next(i for i, m in enumerate(MONTHS, start=1) if lower.startswith(m))


def _cited_before(text: str, start: int) -> bool:
    return bool(CITED_BEFORE.search(text[max(0, start - 6):start]))


def _valid(m: re.Match[str], year: int, month_: int, day: int, cited: bool) -> list[Found]:
    try:
        return [Found(m.start(), m.end(), date(year, month_, day), cited)]
    except ValueError:
        return []
