"""Case numbers in the opening of an act: the deciding court's own, and
the lower courts' it cites.

A Supreme Court act often opens with two or three numbers: the first
instance's ("Дело № ГД-15940/24Б3", "Иш АД-147/12-ми"), then the Supreme
Court's proceedings ("К/п 05-494/26 ГД", "надзорное производство
№ 6-769/12 АД", "Көзөмөл өндүрүшү № 6-853/12 АД"). Taking the first number
files the act under the lower court's case; so each number is judged by
the words before it and by its shape. Lower courts write the case type
first ("АД-147/12-ми"); the Supreme Court writes the digits first
("05-354/26-ГД") or its chamber's letters glued to them ("ВСИ604-0203/26 УД").

Hyphens arrive as soft hyphens, spaces fall anywhere ("4-023 /13 УД",
"ВСБ 304-0255/26 УД"), a dot stands for a hyphen ("6-400/12.АД"): the
deciding number is written back in one form, "ВСИ604-0203/26-УД".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# The words that name the Supreme Court's own proceedings before a number.
OWN_LABEL = (r"н\s*/\s*п|[Кк]\s*/\s*[пөо]|надзорно[ея]\s+производств\w*|кассационно[ея]\s+производств\w*|"
             r"[Кк]өзөмөл\s+өндүрүш\w*|[Кк]ассация\w*\s+өндүрүш\w*")
# Possessive runs (*+): white space is read once, not tried in every split
# between two runs, which took seconds on a line of spaces from OCR.
LABEL = rf"(?:(?P<own>{OWN_LABEL})|(?P<case>[Дд]ело|ДЕЛО|[Ии]ш|ИШ))?[\s.:]*+(?P<sign>№|N(?=\s*\d))?"
DASH = r"\s*[-\u00ad–]\s*"
TYPE = r"(?:УД|ГД|АД|ЭД|ЭК|АП|ГП|УП|КП|ЖИ|КИ|АИ)"
# Digits first: the Supreme Court's and the Soviet courts' numbers.
OWN_SHAPE = (rf"(?P<prefix>ВС[А-ЯӨҮ]{{0,3}}\s?)?(?P<a>\d{{1,4}}){DASH}(?P<b>\d{{1,5}})\s*/\s*(?P<year>\d{{2}}(?:\d{{2}})?)"
             rf"(?:\s*[-\u00ad.]?\s*(?P<type>{TYPE})(?![а-яё]))?")
# The case type first: the lower courts' numbers ("АД-147/12-ми", "ГД-15940/24Б3").
LOWER_SHAPE = rf"(?P<lower>[А-ЯӨҮ]{{1,3}}{DASH}\d{{1,6}}\s*/\s*\d{{2,4}}(?:[-.\u00ad][А-ЯӨҮа-яөү]{{1,4}}(?:-?\d)?|[А-ЯӨҮ]{{1,2}}\d)?)"
NUMBER = re.compile(rf"{LABEL}\s*+(?:{OWN_SHAPE}|{LOWER_SHAPE})")
OPENING = 700  # characters: the numbers stand above the act's heading


@dataclass
class CaseNumbers:
    deciding: str | None = None
    others: list[str] = field(default_factory=list)  # more numbers of the deciding court (a re-registration)
    lower: list[str] = field(default_factory=list)  # the lower courts' numbers, as written


@dataclass
class _Found:
    text: str
    own_label: bool
    own_shape: bool
    position: int


def case_numbers(text: str) -> CaseNumbers:
    """The deciding court's number and the others, from an act's opening."""
    found = _candidates(text[:OPENING])
    if not found:
        return CaseNumbers()
    deciding = (next((f for f in found if f.own_label), None)
                or next((f for f in found if f.own_shape), None) or found[0])
    others = [f.text for f in found if f is not deciding and f.own_shape and f.position > deciding.position]
    lower = [f.text for f in found if f is not deciding and f.text not in others]
    return CaseNumbers(deciding.text, list(dict.fromkeys(others)), list(dict.fromkeys(lower)))


def _candidates(opening: str) -> list[_Found]:
    """Numbers that a label introduces, or that say by their letters that
    they are a court's ("ВСИ604-…", "…/26-ГД"); a bare "№796" (a
    resolution's number) has no year and is no case."""
    found = []
    for match in NUMBER.finditer(opening.replace("\u00ad", "-")):
        labelled = bool(match.group("own") or match.group("case") or match.group("sign"))
        if match.group("lower"):
            if labelled:
                found.append(_Found(_tidy(match.group("lower")), bool(match.group("own")), False, match.start()))
            continue
        if not (labelled or match.group("prefix") or match.group("type")):
            continue
        found.append(_Found(canonical(match), bool(match.group("own")), True, match.start()))
    return found


def canonical(match: re.Match[str]) -> str:
    """One spelling of a deciding number: "ВСБ304-0255/26-УД", "05-354/26-ГД", "1-234/1967"."""
    prefix = re.sub(r"\s", "", match.group("prefix") or "")
    core = f"{prefix}{match.group('a')}-{match.group('b')}/{match.group('year')}"
    return f"{core}-{match.group('type')}" if match.group("type") else core


def _tidy(number: str) -> str:
    return re.sub(r"\s+", "", number.replace("\u00ad", "-").replace("–", "-"))


def same_number(a: str | None, b: str | None) -> bool:
    """Two spellings of one number: hyphens, spaces and "№" aside."""
    if a is None or b is None:
        return a is b
    return number_key(a) == number_key(b)


def number_key(number: str) -> str:
    """A number as compared and linked: "05-354/26-ГД" and "05-354/26 ГД" are one."""
    return re.sub(r"[\s\-\u00ad–.№]", "", number).upper()
