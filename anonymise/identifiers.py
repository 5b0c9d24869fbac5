"""Structured personal identifiers: found by pattern, kept only when valid.

One small recognizer per kind of identifier (as in Presidio's registry):
a pattern that finds candidates, and a check that throws out what only
looks like one (a 14-digit number whose "birth date" is 31.02.1975 is
not a ПИН; a 16-digit number failing the Luhn check is not a card).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Callable, Iterator, Pattern

from anonymise.result import Entity

CONTEXT_CHARS = 40  # how far before a number its context word may stand


@dataclass(frozen=True)
class Recognizer:
    label: str
    pattern: Pattern[str]
    valid: Callable[[re.Match[str], str], bool] = lambda match, text: True
    group: int = 0  # the part of the match that is the identifier
    confidence: float = 1.0

    def find(self, text: str) -> Iterator[Entity]:
        for match in self.pattern.finditer(text):
            if self.valid(match, text):
                start, end = match.span(self.group)
                yield Entity(start, end, self.label, text[start:end], "redact", confidence=self.confidence)


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def _real_date(day: int, month: int, year: int) -> bool:
    try:
        born = date(year, month, day)
    except ValueError:
        return False
    return date(1900, 1, 1) <= born <= date.today()


def _valid_pin(match: re.Match[str], text: str) -> bool:
    """A person's ПИН: 1 (female) or 2 (male), then the birth date DDMMYYYY."""
    digits = _digits(match.group())
    return digits[0] in "12" and _real_date(int(digits[1:3]), int(digits[3:5]), int(digits[5:9]))


def _luhn(digits: str) -> bool:
    total = 0
    for i, char in enumerate(reversed(digits)):
        n = int(char)
        if i % 2:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


def _valid_card(match: re.Match[str], text: str) -> bool:
    digits = _digits(match.group())
    return 13 <= len(digits) <= 19 and _luhn(digits)


def _after_context(words: Pattern[str]) -> Callable[[re.Match[str], str], bool]:
    def valid(match: re.Match[str], text: str) -> bool:
        return bool(words.search(text[max(0, match.start() - CONTEXT_CHARS) : match.start()]))

    return valid


def _valid_phone(match: re.Match[str], text: str) -> bool:
    digits = _digits(match.group())
    if digits.startswith("996"):
        return len(digits) == 12
    return digits.startswith("0") and len(digits) == 10


# A procedural role word before a street's name is not part of it ("Жоопкер Токтогул көчөсү...").
ROLE_WORDS = r"(?:Доогер|Жоопкер|Айыпталуучу|Соттолуучу|Жабырлануучу|Күбө|Арыздануучу|Истец|Ответчик)\b"
ACCOUNT_CONTEXT = re.compile(r"(?i)(р/с|р/сч|расч[её]тн\w*\s+сч[её]т|сч[её]т\w*|эсеп\w*|IBAN|л/с|лицев\w*\s+сч[её]т)")
PLATE_CONTEXT = re.compile(r"(?i)(гос\.?\s*номер|г/н|госномер|номерн\w+\s+знак|автомаш\w+|автомобил\w+|унаа\w*|мамлекеттик\s+номер\w*|марк\w+)")

RECOGNIZERS: list[Recognizer] = [
    Recognizer("PIN", re.compile(r"(?<!\d)[12]\d{13}(?!\d)"), _valid_pin),
    Recognizer("CARD", re.compile(r"(?<!\d)\d{4}(?:[\s\-]?\d{4}){3}(?:\d{1,3})?(?!\d)"), _valid_card),
    Recognizer("ACCOUNT", re.compile(r"(?<!\d)\d{16,20}(?!\d)"), _after_context(ACCOUNT_CONTEXT)),
    # Passports and ID cards: two letters (Latin or Cyrillic) and seven digits.
    Recognizer("PASSPORT", re.compile(r"(?<![\w\d])(?:[A-Z]{2}|[А-ЯЁ]{2})[\s\-№]?\d{7}(?!\d)")),
    Recognizer(
        "PHONE",
        re.compile(
            r"(?<![\w\d+])(?:\+?996|0)[\s\-]?\(?\d{3}\)?[\s\-]?(?:\d{3}[\s\-]?\d{3}|\d{2,3}[\s\-]?\d{2}[\s\-]?\d{2})(?!\d)"
        ),
        _valid_phone,
    ),
    Recognizer("EMAIL", re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")),
    # Vehicle plates: today's "01 KG 123 ABC", the 1990s–2000s "B 1234 AK",
    # and Soviet "12-34 ФРА" (the last two only beside a word for a vehicle).
    Recognizer("PLATE", re.compile(r"(?<![\w\d])\d{2}[ ]?KG[ ]?\d{3}[ ]?[A-Z]{3}(?![\w])")),
    Recognizer("PLATE", re.compile(r"(?<![\w\d])[A-ZА-Я][ ]?\d{4}[ ]?[A-ZА-Я]{2}(?![\w])"), _after_context(PLATE_CONTEXT)),
    Recognizer("PLATE", re.compile(r"(?<![\w\d])\d{2}-\d{2}[ ]?[А-Я]{2,3}(?![\w])"), _after_context(PLATE_CONTEXT)),
    # Dates of birth, in the words that say so.
    Recognizer(
        "BIRTHDATE",
        re.compile(r"(?i)(\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4})(?:\s*(?:года|г\.)\s*рождения|\s*г\.\s?р\.)"),
        group=1,
    ),
    Recognizer("BIRTHDATE", re.compile(r"(?i)(?:родил\w*|дата\s+рождения:?)\s+(\d{1,2}[./]\d{1,2}[./]\d{4})"), group=1),
    Recognizer("BIRTHDATE", re.compile(r"(?i)(\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4})(?:-?\s*жылы)\s+туулган"), group=1),
    Recognizer("BIRTHDATE", re.compile(r"(?i)туулган\s+(?:күнү|жылы):?\s+(\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4})"), group=1),
    # Home addresses: a street and a house, perhaps a flat, in either language.
    Recognizer(
        "ADDRESS",
        re.compile(
            r"(?:ул\.|улица|пр\.|просп\.|проспект|мкр\.|микрорайон|пер\.|переулок)\s*[«\"]?[А-ЯЁӨҮҢA-Z0-9][\w\-\.]*(?:\s[А-ЯЁӨҮҢ][\w\-]*)?[»\"]?"
            r",?\s*(?:д\.|дом)?\s*№?\s*\d+[а-яА-Я]?(?:/\d+)?(?:,?\s*(?:кв\.|квартира)\s*\d+)?"
        ),
        confidence=0.9,  # where an address ends is a guess
    ),
    Recognizer(
        "ADDRESS",
        re.compile(
            r"(?:(?!" + ROLE_WORDS + r")[А-ЯЁӨҮҢ][\w\-]*\s)?[А-ЯЁӨҮҢ][\w\-]*\s+(?:көчөсү\w*|кө\.|к\.)\s*,?\s*(?:№\s*)?\d+[а-я]?(?:-үй\w*)?"
            r"(?:,?\s*(?:үй\s*)?\d*,?\s*(?:\d+-батир\w*|батир\s*\d+))?"
        ),
        confidence=0.9,
    ),
]


def find_identifiers(text: str) -> list[Entity]:
    """Every valid identifier in the text; where two overlap, the longer."""
    found = sorted((e for r in RECOGNIZERS for e in r.find(text)), key=lambda e: (e.start, -(e.end - e.start)))
    kept: list[Entity] = []
    for entity in found:
        if kept and entity.start < kept[-1].end:
            continue  # inside or across one already kept
        kept.append(entity)
    return kept
