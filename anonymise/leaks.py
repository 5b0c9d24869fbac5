"""A second look at a redacted text that does not trust the detectors.

The publish-time check of what was detected can only find again what the
detectors found. This pass reads the text the public would get for
anything shaped like personal data, by rules of its own and cruder on
purpose: a surname's or patronymic's form, a word beside initials,
"Асан уулу", a run of digits as long as an identifier, a street or a
flat with its number. Whatever it finds that is not an official's name
kept by policy, a word a reviewer kept, or a known common word holds the
act back for a person to look at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from anonymise.identifiers import INTERNATIONAL_PHONE, PLATE_TODAY
from anonymise.latin import LATIN_SURNAME, NO_ONES_WORDS
from anonymise.linebreaks import Joined
from anonymise.names import (
    ADJECTIVAL,
    FATHER_WORDS,
    INITIAL_LETTER,
    LOCATIVE_ADJECTIVE,
    PATRONYMIC,
    SURNAME,
    SURNAME_KY,
    common_word,
    diaspora_surname,
    dictionary_name,
    double_surname,
    is_given_name,
    known_word,
    kyrgyz_common_word,
    kyrgyz_given_name,
    kyrgyz_listed,
    name_base,
    not_a_name,
    small_surname,
    unknown_word,
)
from anonymise.places import place_around
from anonymise.reading import repaired

WORD = re.compile(r"[А-ЯЁӨҮҢ][а-яёөүң]+(?:-[А-ЯЁӨҮҢа-яёөүң]+)*")
LATIN_WORD = re.compile(r"(?<![\w@.])[A-Z][a-z]{2,}(?![\w@])")
# Two or three capitalised Latin words alone ("Heinrich Neumann", "Mehmet Yilmaz"): the detectors
# hide a Latin name only with a lexicon's given name or a cue, so a person looks at the rest.
LATIN_PAIR = re.compile(r"(?<![\w@.\-])[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}(?![\w@\-])")
SMALL_WORD = re.compile(r"(?<![\w-])[а-яёөүң]{5,}(?![\w-])")
GIVEN_BEFORE = re.compile(r"([А-ЯЁӨҮҢ][а-яёөүң]+) $")  # "Камчыбек алиев": a given name, then the surname
INITIAL = rf"{INITIAL_LETTER}\."
BESIDE_INITIALS = re.compile(rf"(?:{INITIAL}\s?){{1,2}}\s?$")
INITIALS_AFTER = re.compile(rf"^\s(?:{INITIAL}\s?){{1,2}}")
KYRGYZ_PATRONYMIC = re.compile(rf"[А-ЯЁӨҮҢ][а-яёөүң]+\s+(?:{FATHER_WORDS})\w*")
# Identifier-shaped runs: 7 digits or more in a row, a phone as written (at
# home or abroad: "+7 (912) 345-67-89"), two letters and six digits or more,
# a vehicle's plate ("01 KG 123 ABC", "01 123 ABC", "B 1234 BA").
DIGITS = re.compile(r"(?<![\d.,/])(?:\d{7,}|\+?996[\s\-]?\d{3}[\s\-]?\d{3}[\s\-]?\d{3}|0\d{3}[\s\-]\d{6}|"
                    rf"{INTERNATIONAL_PHONE}|"
                    rf"{PLATE_TODAY}(?![A-Za-z])|(?<![\w])[A-Z] ?\d{{4}} ?[A-Z]{{2}}(?![A-Za-z])|"
                    r"[A-ZА-ЯЁ]{2}[\s\-№]?\d{6,})(?!\d|[.,/]\d)")
ADDRESS = re.compile(r"(?i)(?:\bул\.|\bулиц\w*|\bкөчө\w*|\bпроспект\w*|\bмкр\.|\bмикрорайон\w*)\s*[\w\-.«»\"]{0,30}"
                     r"[\s,]*(?:д\.|дом\w*)?\s*№?\s*\d+[а-яА-Я]?(?:\s*[-,]\s*(?:үй|кв\.?|батир)\w*\s*\d*)?|"
                     r"\b(?:кв\.|квартир\w*)\s*№?\s*\d+|\d+\s*-\s*(?:үй|батир)\w*")
PLACEHOLDER = re.compile(r"\[[^\]]{1,40}\]")


def _mid_sentence(text: str, position: int) -> bool:
    before = text[max(0, position - 3) : position].rstrip(" ")
    return bool(before) and before[-1] not in ".!?:;\n«\"“„(" and not before[-1].isdigit()


def _kyrgyz_name_word(word: str) -> bool:
    """A word of a Kyrgyz text that no Kyrgyz word list has in lowercase
    and that, less its case ending, the given-name lexicons or the Russian
    dictionary have as a name (Харристин, Браун, Ковальскийди). Places the
    dictionary knows (Венгриянын) are no names; Kyrgyz names in the list
    (Асан, Садыр) are left to the shapes."""
    return not kyrgyz_listed(word) and (
        is_given_name(word) or dictionary_name(word) or dictionary_name(name_base(word)))


def _kyrgyz_place_or_word(word: str) -> bool:
    """A Kyrgyz common word (Быйыл, Мамлекеттик) or a place in a Kyrgyz
    case that the Russian dictionary knows as no name (Россиянын, Пекинде)."""
    base = name_base(word)
    return kyrgyz_common_word(word) or (known_word(base) and not dictionary_name(base))


def _kyrgyz_unknown_word(word: str) -> bool:
    """A word no lexicon knows (names.unknown_word: Гвендолин, Кейлерден),
    less a place's locative (Таластагы, Германиядагы, "the one in …"),
    which is no one's name."""
    return not LOCATIVE_ADJECTIVE.search(word) and unknown_word(word)


@dataclass(frozen=True)
class Suspect:
    start: int
    end: int
    text: str
    reason: str  # one of REASONS

    @property
    def label(self) -> str:
        """What a reviewer's "Redact" hides the span as: a person's name
        unless it is an address or a number (an unknown word, a Latin name
        and a Kyrgyz name word were hidden as an account)."""
        return NOT_A_PERSON.get(self.reason, "PERSON")


REASONS = ("surname", "surname in small letters", "patronymic", "beside initials", "unknown word", "name word",
           "Latin name", "uulu/kyzy", "identifier", "address")
NOT_A_PERSON = {"identifier": "ACCOUNT", "address": "ADDRESS"}


def suspects(text: str, language: str, allowed: Iterable[str] = ()) -> list[Suspect]:
    """What in a text to be published still looks like personal data.
    allowed: words or phrases that may stand (officials' names kept by
    policy, spans a reviewer kept), matched without regard to case."""
    # "Cыдыкова" with a Latin C is read as the name it is, and "Кова-" / "ленко"
    # broken at a line's end as one word; each finding is shown as printed.
    shown, joined = text, Joined(repaired(text))
    text = joined.text

    def suspect(start: int, end: int, reason: str) -> Suspect:
        start, end = joined.start(start), joined.end(end)
        return Suspect(start, end, shown[start:end], reason)

    phrases = [repaired(phrase).lower() for phrase in allowed]
    allowed_words = {w for phrase in phrases for w in re.findall(r"\w+", phrase) if len(w) > 1}
    surname = SURNAME_KY if language == "ky" else SURNAME
    found: list[Suspect] = []
    for match in WORD.finditer(text):
        word = match.group()
        if word.lower() in allowed_words or not_a_name(word):
            continue
        if "-" in text[match.start() : match.end() + 1]:
            # A hyphenated place, or its first half at a line's end (Ак-, Ысык-), is no one's
            # name; a double surname (Асанова-Токтогулова) is.
            if double_surname(word, language):
                found.append(suspect(match.start(), match.end(), "surname"))
            continue
        if place_around(text, match.start(), match.end(), word):
            continue  # a street, a village or a district ("Аламүдүн районунун", "ул. Калинина"), not a person
        before, after = text[max(0, match.start() - 8) : match.start()], text[match.end() : match.end() + 8]
        if PATRONYMIC.match(word):
            reason = "patronymic"
        elif (INITIALS_AFTER.match(after) or BESIDE_INITIALS.search(before)) and (diaspora_surname(word) or (
                not common_word(word) and not (language == "ky" and _kyrgyz_place_or_word(word)))):
            # After initials a common word is the next sentence's first ("… В. А. К. При таких …"); in
            # Kyrgyz, the place or the word after a name the anonymiser made initials ("Д. А. Россиянын").
            # A Korean or Dungan surname is a word to the lists, and a name all the same ("Цой В.", "Пак О.").
            reason = "beside initials"
        elif surname.match(word) and not ADJECTIVAL.match(word) and not common_word(word):
            reason = "surname"
        elif language == "ru" and _mid_sentence(text, match.start()) and not ADJECTIVAL.match(word) \
                and not known_word(word):
            reason = "unknown word"  # Огай, Бутейда: a name no shape betrays, in the middle of a sentence
        elif language == "ky" and _mid_sentence(text, match.start()) and _kyrgyz_name_word(word):
            reason = "name word"  # Харристин, Браун: a name by the lexicons, in a Kyrgyz case
        elif language == "ky" and _mid_sentence(text, match.start()) and _kyrgyz_unknown_word(word) \
                and not text[match.start() - 1 : match.start()].isupper():
            reason = "unknown word"  # Гвендолин, Кейлер; not the ending of an abbreviation (КЧПнын)
        else:
            continue
        found.append(suspect(match.start(), match.end(), reason))
    for match in SMALL_WORD.finditer(text):
        word = match.group()
        if word in allowed_words or not small_surname(word):
            continue
        # A word the Kyrgyz list has in small letters ("алиев" is on the web so)
        # counts only after a given name ("Камчыбек алиев").
        given = GIVEN_BEFORE.search(text[max(0, match.start() - 30) : match.start()])
        if kyrgyz_listed(word) and not (given and kyrgyz_given_name(given.group(1))):
            continue
        found.append(suspect(match.start(), match.end(), "surname in small letters"))
    for match in LATIN_WORD.finditer(text):
        if match.group().lower() not in allowed_words and LATIN_SURNAME.match(match.group()):
            found.append(suspect(match.start(), match.end(), "surname"))  # Asanov, Toktogulova: a name in Latin letters
    for match in LATIN_PAIR.finditer(text):
        words = match.group().lower().split()
        if not any(w in allowed_words or w in NO_ONES_WORDS for w in words):
            found.append(suspect(match.start(), match.end(), "Latin name"))  # Heinrich Neumann: no lexicon knows it
    for pattern, reason in ((KYRGYZ_PATRONYMIC, "uulu/kyzy"), (DIGITS, "identifier"), (ADDRESS, "address")):
        for match in pattern.finditer(text):
            if PLACEHOLDER.search(match.group()) or any(match.group().lower() in phrase for phrase in phrases):
                continue
            found.append(suspect(match.start(), match.end(), reason))
    found.sort(key=lambda s: s.start)
    return [s for i, s in enumerate(found) if not any(o.start <= s.start < o.end for o in found[:i])]
