"""Kyrgyz and Russian names written in Latin letters with no cue before
them: a social-media name quoted in a verdict, a foreigner's transfer
record, a payee in a bank statement ("переписывался с Aibek Asanov",
"перевёл на карту Nurlan Bekov", "A. Asanov").

Such a name has none of the Cyrillic shapes the other rules read, and
alone, capitalised Latin words are as often a car ("Mercedes Benz", "Toyota
Camry"), a company ("Kumtor Gold Company") or a title. Two kinds of
evidence together make a person: a given name of the lexicons as people
transliterate it (Айбек → Aibek, Aybek) and a surname's transliterated
ending (-ov, -eva, -bekov, -uulu); or a surname's ending with Latin
initials. One alone is not enough ("Roman Empire", "Kirov Plaza").
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from anonymise.candidates import LOWER_LATIN, UPPER_LATIN
from anonymise.cues import PLATFORMS
from anonymise.names import first_names
from anonymise.places import token_texts

LATIN_PERSONS = "latin_persons"  # the component's name in the pipeline
MAX_WORDS = 4
# A Kyrgyz case ending may follow in Cyrillic: "Aigul Sydykovaга".
TITLE_WORD = re.compile(rf"^([{UPPER_LATIN}][{LOWER_LATIN}]+)(?:[а-яёөүң]{{1,6}})?$")
LATIN_INITIAL = re.compile(rf"^[{UPPER_LATIN}]$")
# A surname's ending as people transliterate one (Асанов → Asanov,
# Бекмуратова → Bekmuratova, Токтогулов → Toktogulov, Шевченко → Shevchenko).
LATIN_SURNAME = re.compile(r"^[A-Z][a-z]{2,}(?:ov|ev|ova|eva|iev|ieva|yev|yeva|baev|baeva|bekov|bekova|enko|skiy|sky|skii|"
                           r"skaya|ovich|evich|ovna|evna|uulu|kyzy|kizi)$")
LATIN_FATHER_WORDS = frozenset({"uulu", "kyzy", "kizi", "uly", "qizi"})
NOT_PEOPLE = frozenset("mercedes benz toyota lexus honda hyundai kia nissan mazda audi bmw volkswagen daewoo "
                       "chevrolet ford opel lada niva gazel kamaz".split())
# Words of a body's Latin name ("Optima Bank", "Kumtor Gold Company"); with
# cars and platforms, what no Latin name of a person is made of.
BODY_WORDS = frozenset("bank company group trade gold mining holding limited ltd inc llc city service services "
                       "studio style market center centre street avenue international".split())
NO_ONES_WORDS = NOT_PEOPLE | BODY_WORDS | PLATFORMS

_LATIN = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяөүң",
                  ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s",
                   "t", "u", "f", "kh", "ts", "ch", "sh", "sch", "", "y", "", "e", "yu", "ya", "o", "u", "n"]))
# Spellings of one sound that people mix when they write a Cyrillic name
# in Latin letters: Жылдыз / Zhyldyz / Jyldyz, Айбек / Aibek / Aybek.
_SKELETON = (("dzh", "j"), ("dj", "j"), ("zh", "j"), ("kh", "h"), ("x", "h"), ("q", "k"), ("w", "v"), ("y", "i"),
             ("ts", "c"))


def transliterate(word: str) -> str:
    """A Cyrillic name as people write it in Latin letters (Асанов → asanov, Кемеев → kemeev)."""
    return "".join(_LATIN.get(c, c) for c in word.lower())


def skeleton(latin: str) -> str:
    """A Latin spelling less the choices between spellings of one sound."""
    word = latin.lower()
    for spelling, sound in _SKELETON:
        word = word.replace(spelling, sound)
    return word


@lru_cache(maxsize=1)
def latin_given_names() -> frozenset[str]:
    """The lexicons' given names as skeletons of their Latin spellings;
    four letters at least, since short ones (Ян, Ли, Макс) spell English words."""
    return frozenset(skeleton(transliterate(name)) for name in first_names() if len(name) >= 4)


def latin_given_name(word: str) -> bool:
    return word.lower() not in NOT_PEOPLE and skeleton(word) in latin_given_names()


@Language.component(LATIN_PERSONS)
def latin_persons(doc: Doc) -> Doc:
    """Runs of capitalised Latin words and initials that hold both a given
    name and a surname's ending, or initials and a surname's ending."""
    words = token_texts(doc)
    i = 0
    while i < len(doc):
        if not words[i][:1].isascii() or not words[i][:1].isupper():
            i += 1  # no Latin capital: no run starts here
            continue
        end = _run_end(doc, i)
        if end > i and _a_person(doc, i, end):
            doc.spans.setdefault("persons", []).append(doc[i:end])
            i = end
        else:
            i = max(end, i + 1)
    return doc


def _run_end(doc: Doc, i: int) -> int:
    """The end of the Latin name words from token i on ("Aibek Asanov",
    "A. Asanov", "Nurlan Bekov uulu"); i where none starts there."""
    words = token_texts(doc)
    end = i
    while end < len(doc):
        text = words[end]
        if LATIN_INITIAL.match(text) and end + 1 < len(doc) and words[end + 1] == ".":
            end += 2  # an initial with its dot
        elif TITLE_WORD.match(text) or (end > i and text in LATIN_FATHER_WORDS):
            end += 1
        else:
            break
    return end


def _a_person(doc: Doc, start: int, end: int) -> bool:
    words = [_latin_part(t.text) for t in doc[start:end] if len(t.text) > 1]
    initials = any(LATIN_INITIAL.match(t.text) for t in doc[start:end])
    if not words or len(words) > MAX_WORDS or any(w.lower() in NOT_PEOPLE for w in words):
        return False
    surname = any(LATIN_SURNAME.match(w) for w in words)
    given = any(latin_given_name(w) for w in words)
    father = any(w in LATIN_FATHER_WORDS for w in words[1:])
    return (surname and (given or initials)) or (given and father)


def _latin_part(word: str) -> str:
    match = TITLE_WORD.match(word)
    return match.group(1) if match else word
