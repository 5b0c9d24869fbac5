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

from anonymise.entity import Entity

CONTEXT_CHARS = 40  # how far before a number its context word may stand


def _always(match: re.Match[str], text: str) -> bool:
    return True


@dataclass(frozen=True)
class Shape:
    """One way an identifier is written: a pattern that finds candidates,
    and a check that throws out what only looks like one."""

    pattern: Pattern[str]
    valid: Callable[[re.Match[str], str], bool] = _always
    group: int = 0  # the part of the match that is the identifier
    confidence: float = 1.0


@dataclass(frozen=True)
class Recognizer:
    """One kind of personal identifier, everything about it in one place:
    its label, what stands for it in a published act (in the act's
    language), what a reviewer sees it called (in the interface's
    language), and the shapes it is written in. Registered, it is found,
    redacted, named on the review page and offered in its label list."""

    label: str
    placeholder: dict[str, str]  # act language (ru, ky) → "[ПАСПОРТ]"'s word
    name: dict[str, str]  # interface language (ky, ru, en) → the reviewer's word
    shapes: tuple[Shape, ...]

    def find(self, text: str) -> Iterator[Entity]:
        for shape in self.shapes:
            for match in shape.pattern.finditer(text):
                if shape.valid(match, text):
                    start, end = match.span(shape.group)
                    yield Entity(start, end, self.label, text[start:end], "redact", confidence=shape.confidence)


RECOGNIZERS: dict[str, Recognizer] = {}


def register(recognizer: Recognizer) -> Recognizer:
    """Add a kind of identifier (a label registered again replaces the old one)."""
    RECOGNIZERS[recognizer.label] = recognizer
    return recognizer


def placeholder(label: str, language: str) -> str:
    """What stands for a redacted identifier in an act of this language: "[ПАСПОРТ]"."""
    recognizer = RECOGNIZERS.get(label)
    return f"[{recognizer.placeholder.get(language, label) if recognizer else label}]"


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
    """A card's number passes the Luhn check; beside the word "card" it is one
    even if it fails it (a typist's or OCR's slip in one digit)."""
    digits = _digits(match.group())
    if not 13 <= len(digits) <= 19:
        return False
    return _luhn(digits) or bool(CARD_CONTEXT.search(text[max(0, match.start() - CONTEXT_CHARS) : match.start()]))


def _after_context(words: Pattern[str]) -> Callable[[re.Match[str], str], bool]:
    def valid(match: re.Match[str], text: str) -> bool:
        return bool(words.search(text[max(0, match.start() - CONTEXT_CHARS) : match.start()]))

    return valid


def _before_context(words: Pattern[str]) -> Callable[[re.Match[str], str], bool]:
    """A Kyrgyz text names the number first and its word after it
    ("1280016012345678 эсебине", to the account 1280016012345678)."""
    def valid(match: re.Match[str], text: str) -> bool:
        return bool(words.match(text[match.end() : match.end() + CONTEXT_CHARS]))

    return valid


def _valid_phone(match: re.Match[str], text: str) -> bool:
    digits = _digits(match.group())
    if digits.startswith("996"):
        return len(digits) == 12
    return digits.startswith("0") and len(digits) == 10


def _international_phone(match: re.Match[str], text: str) -> bool:
    """A number abroad with its country's code: 10 to 13 digits ("+7 (912)
    345-67-89" in Russia, where many who come before Kyrgyz courts work;
    "+998 90 123 45 67")."""
    return 10 <= len(_digits(match.group())) <= 13


def _russian_trunk_phone(match: re.Match[str], text: str) -> bool:
    """A Russian number dialled from within Russia ("8-912-345-67-89"): eleven
    digits from 8; unspaced ("89123456789") only after a word for a phone."""
    if len(_digits(match.group())) != 11:
        return False
    spaced = any(not c.isdigit() for c in match.group())
    return spaced or _after_context(PHONE_CONTEXT)(match, text)


# A street named after a hero or a poet keeps the title in small letters:
# "Бердике баатыр көчөсү, 12-үй" was published whole.
STREET_TITLE = r"(?:(?:баатыр|ата|акын|ажы|манасчы|эне|апа)\s+)?"
# A procedural role word before a street's name is not part of it ("Жоопкер Токтогул көчөсү...").
ROLE_WORDS = r"(?:Доогер|Жоопкер|Айыпталуучу|Соттолуучу|Жабырлануучу|Күбө|Арыздануучу|Истец|Ответчик)\b"
ID_CONTEXT = re.compile(r"(?i)(паспорт\w*|ID[\s\-]?карт\w*|идентификац\w*|удостоверени\w*|күбөлүк\w*|серия|серии|документ\w*)")
ACCOUNT_CONTEXT = re.compile(r"(?i)(р/с|р/сч|расч[её]тн\w*\s+сч[её]т|сч[её]т\w*|эсеп\w*|IBAN|л/с|лицев\w*\s+сч[её]т)")
ACCOUNT_AFTER = re.compile(r"(?i)\s*(?:номерлүү\s+|№\s*)?(?:(?:банк|карта|эсептешүү)\w*\s+)?эсеб\w*")
PIN_CONTEXT = re.compile(r"(?i)(ПИН|ИНН|ИИН|СНИЛС|жеке\s+номер\w*|персональн\w*\s+номер\w*|идентификационн\w*\s+номер\w*)")
ZERO, ONE = "OО", "IlІ|"  # what OCR reads for 0 and for 1
# A number with its country's code, as written: "+7 (912) 345-67-89", "+998 90 123 45 67".
INTERNATIONAL_PHONE = r"\+\d{1,3}[\s\-]?\(?\d{2,4}\)?(?:[\s\-]?\d{2,4}){2,4}"
PHONE_CONTEXT = re.compile(r"(?i)(тел\w*|моб\w*|номер\w*|звон\w*|чал\w*|whatsapp|ватсап|telegram)")
CARD_CONTEXT = re.compile(r"(?i)(карт\w*|card|visa|mastercard|элкарт\w*)")
# The words that name a vehicle's number, and those that name the vehicle.
PLATE_WORDS = (r"г/н|гос\.?\s*номер\w*|госномер\w*|государственн\w+\s+(?:регистрационн\w+\s+)?номер\w*|"
               r"мамлекеттик\s+номер\w*|номерн\w+\s+знак\w*|регистрационн\w+\s+знак\w*")
PLATE_CONTEXT = re.compile(rf"(?i)({PLATE_WORDS}|автомаш\w+|автомобил\w+|унаа\w*|марк\w+)")
# Today's plate, "01 KG 123 ABC", also printed without the KG of its flag.
PLATE_TODAY = r"\d{2}[ ]?(?:KG[ ]?)?\d{3}[ ]?[A-Z]{3}"

register(Recognizer(
    "PIN", {"ru": "ПИН", "ky": "ПИН"},
    {"ky": "жеке номер (ПИН)", "ru": "персональный номер (ПИН)", "en": "personal number (PIN)"},
    (
        Shape(re.compile(r"(?<!\d)[12]\d{13}(?!\d)"), _valid_pin),
        # As OCR or a typist leaves it beside its name: O for 0, I or l for 1, stray
        # spaces ("21203I98500123", "2 1203 1985 00123"); the date is not checked then.
        Shape(re.compile(rf"(?<![\w\d])[12{ONE}](?:\s?[\d{ZERO}{ONE}]){{13}}(?![\w\d])"),
              lambda match, text: bool(PIN_CONTEXT.search(text[max(0, match.start() - CONTEXT_CHARS) : match.start()]))
              and sum(c.isdigit() for c in match.group()) >= 10, confidence=0.9),
        # A personal number of another country after its name: Russia's and Kazakhstan's
        # 12 digits (ИНН, ИИН), Russia's pension number (СНИЛС 123-456-789 01).
        Shape(re.compile(r"(?<![\w\d])(?:\d{12}|\d{3}-\d{3}-\d{3}[\s\-]\d{2})(?![\w\d])"), _after_context(PIN_CONTEXT)),
    ),
))
register(Recognizer(
    "CARD", {"ru": "КАРТА", "ky": "КАРТА"}, {"ky": "банк картасы", "ru": "банковская карта", "en": "bank card"},
    (Shape(re.compile(r"(?<!\d)\d{4}(?:[\s\-]?\d{4}){3}(?:\d{1,3})?(?!\d)"), _valid_card),),
))
register(Recognizer(
    "ACCOUNT", {"ru": "СЧЕТ", "ky": "ЭСЕП"}, {"ky": "банк эсеби", "ru": "банковский счёт", "en": "bank account"},
    (Shape(re.compile(r"(?<!\d)\d{16,20}(?!\d)"), _after_context(ACCOUNT_CONTEXT)),
     Shape(re.compile(r"(?<!\d)\d{16,20}(?!\d)"), _before_context(ACCOUNT_AFTER))),
))
register(Recognizer(
    "PASSPORT", {"ru": "ПАСПОРТ", "ky": "ПАСПОРТ"}, {"ky": "паспорт", "ru": "паспорт", "en": "passport"},
    (
        # Passports and ID cards: two letters (Latin or Cyrillic) and seven digits.
        Shape(re.compile(r"(?<![\w\d])(?:[A-Z]{2}|[А-ЯЁ]{2})[\s\-№]?\d{7}(?!\d)")),
        # As OCR reads it: Latin and Cyrillic letters mixed, O for 0, I or l for 1,
        # a stray space ("АМ1 234567", "AN O123456"); beside a word for an identity document.
        Shape(re.compile(r"(?<![\w\d])[A-ZА-ЯЁ]{2}[\s\-№]{0,3}(?:[\dOОIlІ|][\s]?){6}[\dOОIlІ|](?![\w\d])"),
              lambda match, text: bool(ID_CONTEXT.search(text[max(0, match.start() - CONTEXT_CHARS) : match.start()]))
              and sum(c.isdigit() for c in match.group()) >= 5, confidence=0.9),
        # A Russian passport, series and number: "серии 45 12 № 345678".
        Shape(re.compile(r"(?<![\w\d])\d{2}\s?\d{2}\s*№?\s*\d{6}(?![\w\d])"), _after_context(ID_CONTEXT)),
    ),
))
register(Recognizer(
    "PHONE", {"ru": "ТЕЛЕФОН", "ky": "ТЕЛЕФОН"}, {"ky": "телефон", "ru": "телефон", "en": "phone"},
    (Shape(re.compile(r"(?<![\w\d+])(?:\+?996|0)[\s\-]?\(?\d{3}\)?[\s\-]?(?:\d{3}[\s\-]?\d{3}|\d{2,3}[\s\-]?\d{2}[\s\-]?\d{2})(?!\d)"),
           _valid_phone),
     Shape(re.compile(rf"(?<![\w\d+]){INTERNATIONAL_PHONE}(?!\d)"), _international_phone),
     Shape(re.compile(r"(?<![\w\d+])8[\s\-]?\(?9\d{2}\)?[\s\-]?\d{3}[\s\-]?\d{2}[\s\-]?\d{2}(?!\d)"), _russian_trunk_phone)),
))
register(Recognizer(
    "EMAIL", {"ru": "ЭЛ. ПОЧТА", "ky": "ЭЛ. ПОЧТА"}, {"ky": "электрондук почта", "ru": "электронная почта", "en": "e-mail"},
    (Shape(re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")),),
))
register(Recognizer(
    "PLATE", {"ru": "ГОС. НОМЕР", "ky": "МАМ. НОМЕР"}, {"ky": "мамлекеттик номер", "ru": "госномер", "en": "number plate"},
    (
        # Vehicle plates: today's "01 KG 123 ABC", the 1990s–2000s "B 1234 AK",
        # and Soviet "12-34 ФРА" (the last two only beside a word for a vehicle).
        Shape(re.compile(r"(?<![\w\d])\d{2}[ ]?KG[ ]?\d{3}[ ]?[A-Z]{3}(?![\w])")),
        # ... written without the KG of the flag: "государственным номером 01 123 ABC"
        Shape(re.compile(rf"(?<![\w\d]){PLATE_TODAY}(?![\w])"), _after_context(PLATE_CONTEXT)),
        Shape(re.compile(r"(?<![\w\d])[A-ZА-Я][ ]?\d{4}[ ]?[A-ZА-Я]{2}(?![\w])"), _after_context(PLATE_CONTEXT)),
        Shape(re.compile(r"(?<![\w\d])\d{2}-\d{2}[ ]?[А-Я]{2,3}(?![\w])"), _after_context(PLATE_CONTEXT)),
        # Any code of letters and digits that a text calls a vehicle's number
        # ("1805 KGBH номерлүү", "О9746Е н номерлүү", "г/н B 1234 AK").
        Shape(re.compile(r"(?<![\w\d])((?=[\w ]*\d)(?=[\w ]*[A-ZА-ЯЁ])[A-ZА-ЯЁ0-9]{1,4}(?:[ \-]?[A-ZА-ЯЁ0-9]{1,4}){1,3})"
                         r"(?:\s+[а-яa-z]{1,2})?\s+(?:номерлүү|мамлекеттик\s+номерлүү|номерли)"), group=1),
        # Only the words before it in any case: the code's own letters are
        # capitals, so the word after it ("01KG123ABC принадлежит") is no part.
        Shape(re.compile(rf"(?i:{PLATE_WORDS})\s*:?\s*"
                         r"((?=[\w ]*\d)[A-ZА-ЯЁ0-9]{1,4}(?:[ \-]?[A-ZА-ЯЁ0-9]{1,4}){1,3})(?!\w)"), group=1),
    ),
))
register(Recognizer(
    "DOCUMENT", {"ru": "ДОКУМЕНТ", "ky": "ДОКУМЕНТ"},
    {"ky": "документтин номери", "ru": "номер документа", "en": "document number"},
    # Other identity papers by their series and number after their name: a
    # birth certificate's Roman series ("свидетельство о рождении серии
    # II-АН № 123456"), a driving licence's, a military card's.
    (Shape(re.compile(r"(?i:свидетельств\w*\s+о\s+(?:рождении|браке|смерти)|туулгандыгы\s+(?:тууралуу\s+)?күбөлүг?\w*|"
                      r"водительск\w+\s+удостоверени\w*|айдоочулук\s+күбөлүг?\w*|военн\w+\s+билет\w*|"
                      r"аскердик\s+билет\w*)[^.\n\d]{0,30}?"
                      r"((?:[IVXІ]{1,4}\s*-\s*[А-ЯЁA-Z]{2}|[А-ЯЁA-Z]{1,3}(?:\s*-\s*[А-ЯЁA-Z]{1,3})?|\d{2}\s?[А-ЯЁA-Z]{2})?"
                      r"\s*№?\s*\d{6,8})(?!\d)"),
           group=1),),
))
register(Recognizer(
    "IMEI", {"ru": "IMEI", "ky": "IMEI"}, {"ky": "телефондун IMEI коду", "ru": "IMEI телефона", "en": "phone IMEI"},
    # A phone's own number, 15 digits after the word ("IMEI: 356938035643809", "IMEI1 ...").
    (Shape(re.compile(r"(?i:IMEI)\s*\d?\s*(?:код\w*)?[\s:\-–№]*(\d{15})(?!\d)"), group=1),),
))
register(Recognizer(
    "VIN", {"ru": "VIN", "ky": "VIN"}, {"ky": "унаанын VIN коду", "ru": "VIN-код автомобиля", "en": "vehicle VIN"},
    # A vehicle's identification number after its word: 17 letters and digits, no I, O or Q
    # ("VIN JTJHK31U802012345", "номер кузова ...", "идентификационный номер (VIN) ...").
    (Shape(re.compile(r"(?i:VIN|номер\w*\s+кузова|кузов\w*\s+№|шасси\w*\s+№|идентификациялык\s+номер\w*|"
                      r"идентификационн\w+\s+номер\w*)(?:\s*\(VIN\))?[\s:\-–№]*([A-HJ-NPR-Z0-9]{17})(?![\w])"), group=1),),
))
register(Recognizer(
    "PROPERTY", {"ru": "КОД ОБЪЕКТА", "ky": "МҮЛКТҮН КОДУ"},
    {"ky": "кыймылсыз мүлктүн коду", "ru": "код объекта недвижимости", "en": "property code"},
    # The identification code of a plot or a building in the state register
    # ("1-02-03-0004-0567", a flat's "-01-001" after it): a shape nothing else has.
    (Shape(re.compile(r"(?<![\w\-])\d-\d{2}-\d{2}-\d{4}-\d{3,4}(?:-\d{1,3}){0,2}(?![\w\-])")),),
))
register(Recognizer(
    "BIRTHDATE", {"ru": "ДАТА РОЖДЕНИЯ", "ky": "ТУУЛГАН КҮНҮ"}, {"ky": "туулган күнү", "ru": "дата рождения", "en": "date of birth"},
    (  # Dates of birth, in the words that say so.
        Shape(re.compile(r"(?i)(\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4})(?:\s*(?:года|г\.)\s*рождения|\s*г\.\s?р\.)"), group=1),
        Shape(re.compile(r"(?i)(?:родил\w*|родивш\w*|рожд[её]нн\w*|дата\s+рождения:?)\s+"
                         r"(\d{1,2}[./]\d{1,2}[./]\d{4}|\d{1,2}\s+[а-я]+\s+\d{4})"), group=1),
        # "1985-жылы туулган", "12.03.1985-ж. туулган", "1985-жылы Ош шаарында туулган" (born in Osh), "1985-ж.т."
        Shape(re.compile(r"(?i)(\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4})\s*-?\s*(?:жылы|ж\.)\s+(?:[\w-]+\s+){0,8}туулган"),
              group=1),
        # ... and the day after the year, places between it and the word: "1985-жылы 12-мартта Ош шаарында туулган";
        # a village is named with its region and district: eight words at most ("Ош облусунун Кара-Суу
        # районунун Нариман айылында туулган" left the whole date in clear at four).
        # The year and the day are one date, one placeholder ("[ТУУЛГАН КҮНҮ]-жылы [ТУУЛГАН КҮНҮ]" before).
        Shape(re.compile(r"(?i)(\d{4}\s*-?\s*(?:жылы|ж\.)\s+\d{1,2}\s*-?\s*(?:январ|феврал|март|апрел|май|июн|июл|"
                         r"август|сентябр|октябр|ноябр|декабр)\w*)\s+(?:[\w-]+\s+){0,8}туулган"), group=1),
        Shape(re.compile(r"(?i)(\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4})\s*-?\s*ж\.\s*т\."), group=1),
        Shape(re.compile(r"(?i)туулган\s+(?:күнү|жылы):?\s+(\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4})"), group=1),
        Shape(re.compile(r"(?i)(\d{4}\s*-?\s*жыл\w*\s+\d{1,2}\s*-?\s*[а-яөүң]+)\s+(?:туулган|төрөлгөн)"), group=1),
        Shape(re.compile(r"(?i)(\d{1,2}\s+[а-я]+\s+\d{4})\s*(?:года|г\.)\s*рождения"), group=1),
    ),
))
register(Recognizer(
    "ADDRESS", {"ru": "АДРЕС", "ky": "ДАРЕК"}, {"ky": "дарек", "ru": "адрес", "en": "address"},
    (  # Home addresses: a street and a house, perhaps a flat, in either language; where one ends is a guess.
        Shape(re.compile(
            r"(?<!\w)(?:ул\.|улиц[аеыу]|пр\.|просп\.|проспект[а-я]*|мкр\.|микрорайон[а-я]*|пер\.|переул[а-я]*)\s*[«\"]?[А-ЯЁӨҮҢA-Z0-9][\w\-\.]*"
            r"(?:,?\s(?:\d+\s)?[А-ЯЁӨҮҢа-яё][\w\-]*){0,3}[»\"]?"
            r",?\s*(?:д\.|дом)?\s*№?\s*\d+[а-яА-Я]?(?:/\d+)?(?:\s*\(\d+\))?(?:,?\s*(?:кв\.|квартир[а-я]*)\s*№?\s*\d+)?"
        ), confidence=0.9),
        # The house first: "дом №59 по ул.Тилебалиева", "квартиру № 6 дома № 17", "дома №19А, по ул.Подгорная".
        Shape(re.compile(
            r"(?<!\w)(?:(?:[Кк]вартир[а-яё]*|кв\.)\s*№?\s*\d+[а-я]?\s*,?\s*(?:в\s+)?)?(?<!\w)(?:[Дд]ом[а-яё]*|д\.)\s*№?\s*\d+[а-яА-Я]?(?:/\d+)?"
            r"(?:\s*,?\s*(?:кв\.|квартир[а-яё]*)\s*№?\s*\d+)?"
            r"(?:\s*,?\s*(?:по|на)?\s*(?:ул\.|улиц[а-яё]*|пр\.|просп\.|проспект[а-яё]*|пер\.|переулк?[а-яё]*)\s*[«\"]?[А-ЯЁӨҮҢA-Z0-9][\w\-]*)?"
        ), confidence=0.9),
        Shape(re.compile(
            r"(?:(?!" + ROLE_WORDS + r")[А-ЯЁӨҮҢ][\w\-]*\s)?[А-ЯЁӨҮҢ][\w\-]*\.?\s+" + STREET_TITLE +
            r"(?:көчө\w*|кө\.|к\.|проспекти\w*|кичи\s+район\w*|"
            r"микрорайон\w*|м-н\w*)\s*,?\s*(?:№\s*)?\d+[а-яА-Я]?(?:/\d+[а-яА-Я]?)?(?:\s*-\s*үй\w*)?"
            r"(?:,?\s*(?:үй\s*)?\d*,?\s*(?:\d+\s*-\s*батир\w*|батир\s*\d+|\d+\s*-\s*кв\w*))?"
        ), confidence=0.9),
        # A numbered microdistrict, or a house and a flat by their numbers alone:
        # "12-кичи район, 34-үй, 56-батир", "34-үй, 56-батир".
        Shape(re.compile(
            r"(?<![\w-])(?:\d+\s*-\s*кичи\s+район\w*\s*,?\s*)?\d+(?:/\d+)?\s*-\s*үй\w*\s*,?\s*\d+\s*-\s*батир\w*"
        ), confidence=0.9),
    ),
))


def find_identifiers(text: str) -> list[Entity]:
    """Every valid identifier in the text; where two overlap, the longer."""
    found = sorted((e for r in RECOGNIZERS.values() for e in r.find(text)), key=lambda e: (e.start, -(e.end - e.start)))
    kept: list[Entity] = []
    for entity in found:
        if kept and entity.start < kept[-1].end:
            continue  # inside or across one already kept
        kept.append(entity)
    return kept
