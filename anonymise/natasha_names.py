"""natasha's Russian NER as a component of the persons pipeline, and the
rules that judge its spans: natasha takes Kyrgyz institutions and places
for people, runs a span on into the next words, and finds foreign names no
lexicon has. On Kyrgyz text only spans with a given name or a surname's
form survive (candidates.kyrgyz_name_only, candidates.plausible), and
foreign names side by side; on Russian text also foreign names the
dictionary does not read as common words.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from anonymise.candidates import (
    PARTY_ROLES,
    ROMAN,
    add_person,
    doc_language,
    is_word,
    kyrgyz_name_only,
    latin_in_brackets,
    name_particle,
    plausible,
    sentence_start,
)
from anonymise.cues import OCCUPATIONS
from anonymise.kin import KIN_WORDS
from anonymise.names import (
    ADJECTIVAL,
    CAPITALISED,
    KYRGYZ_PATRONYMIC,
    SURNAME_KY,
    common_word,
    dictionary_name,
    finite_verb,
    known_word,
    name_base,
    not_a_name,
    not_a_name_in,
    unknown_word,
)
from anonymise.natasha_input import sentences_that_could_name
from anonymise.places import doc_text

NATASHA_PERSONS = "natasha_persons"  # the component's name in the pipeline
# Words that say a person's name follows: kin, a title, "по имени", an
# age, a verb of speech ("сын Гидеон", "императора Кокаку", "69-летнего
# Гарсию", "— сказал Буффье"); with natasha's word for it, one mention is enough.
TITLE_WORDS = r"император\w*|корол\w+|принц\w*|княз\w+|папа|папы"
NAMING_WORDS = (r"по\s+имени|по\s+фамилии|фамили(?:ей|я)|прозвищ\w+|называют|"
                r"\d+-летн\w+|(?:сказал|заявил|отметил|пояснил|сообщил|рассказал|добавил|подчеркнул)а?\s*[,—–-]?")
PERSON_CUE = re.compile(rf"(?i)(?:^|[^\w-])(?:{KIN_WORDS}|{TITLE_WORDS}|{NAMING_WORDS})\s*$")
# Before a name of common words, not kin: "сын Отечества" is the son of the fatherland.
COMMON_WORDS_NAME_CUE = re.compile(rf"(?i)(?:^|[^\w-])(?:{OCCUPATIONS}|{TITLE_WORDS}|{NAMING_WORDS})\s*$")
# A title or an office standing for a person named elsewhere ("Папа подчеркнул", "Доктор получил").
TITLE = re.compile(rf"(?i)(?:{OCCUPATIONS}|{TITLE_WORDS}|пап[уеы]|патриарх\w*|владык\w*|митрополит\w*|доктор\w*|"
                   r"президент\w*|премьер\w*|министр\w*|мэр\w*|губернатор\w*|генерал\w*|профессор\w*|судь[яи]\w*|"
                   r"прокурор\w*|адвокат\w*|следовател\w*)")
# "Лукашенко-младший", "Лукашенко-старшего": the surname is the name.
ELDER_YOUNGER = re.compile(r"-(?:младш|старш)\w*$")


def _cue_on_its_line(doc: Doc, i: int) -> bool:
    """An occupation, a title or a word of naming right before the word on
    its line ("певица Глюкоза", "— сказала Мадонна"; not "в пользу
    сына\n\nСегодня", nor kin: "сын Отечества")."""
    text, start = doc_text(doc), doc[i].idx
    before = text[max(0, start - 40) : start].rsplit("\n", 1)[-1]
    return bool(COMMON_WORDS_NAME_CUE.search(before))


def _person_cue(doc: Doc, i: int) -> bool:
    text, start = doc_text(doc), doc[i].idx
    return bool(PERSON_CUE.search(text[max(0, start - 40) : start]))


def _capitalised_bases(doc: Doc) -> Counter[str]:
    """How often each capitalised word's base stands in the text: counted
    once per document, not once per candidate."""
    counted = doc.user_data.get("capitalised_bases")
    if counted is None:
        counted = Counter(name_base(t.text) for t in doc if CAPITALISED.match(t.text))
        doc.user_data["capitalised_bases"] = counted
    return counted


@lru_cache(maxsize=1)
def _natasha():  # type: ignore[no-untyped-def]
    from natasha import NewsEmbedding, NewsNERTagger

    return NewsNERTagger(NewsEmbedding())


@Language.component(NATASHA_PERSONS)
def natasha_persons(doc: Doc) -> Doc:
    text = doc_text(doc)
    read = sentences_that_could_name(text, doc_language(doc) == "ky")
    if not read.strip():
        return doc
    # The tagger alone, not natasha's Doc: the Doc would first split the text
    # into sentences and tokens that nothing here reads (a fifth of the time).
    people = [found for found in _natasha()(read).spans if found.type == "PER"]
    doc.user_data["natasha_people"] = [(found.start, found.stop) for found in people]
    for found in people:
        for start, stop in _paragraph_pieces(text, found.start, found.stop):
            _add_natasha_span(doc, start, stop)
    return doc


def _paragraph_pieces(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """natasha's span cut at blank lines: it runs a headline's last word
    into the next paragraph's name ("…о Сноудене\n\n Джо Байден"), and
    each piece is judged alone."""
    pieces, at = [], start
    for blank in re.finditer(r"\n[^\S\n]*\n\s*", text[start:stop]):
        pieces.append((at, start + blank.start()))
        at = start + blank.end()
    pieces.append((at, stop))
    return [(a, b) for a, b in pieces if b > a]


def _add_natasha_span(doc: Doc, start: int, stop: int) -> None:
    """One piece of natasha's person, trimmed of what it takes in around the name."""
    span = doc.char_span(start, stop, alignment_mode="expand")
    if span is None:
        return
    first = next((t.i for t in span if not t.like_num and not t.is_punct
                  and not (t.text.islower() and not name_particle(doc, t.i)) and not PARTY_ROLES.match(t.text)), span.end)
    span = doc[first : span.end]  # "62-летнего Стросс-Кана", "Осужденная Асанова (Исмаилова)": an age, a role
    cut = next((t.i for t in span if t.like_num or (t.is_alpha and t.text.islower()
                                                      and not KYRGYZ_PATRONYMIC.match(t.text)
                                                      and not name_particle(doc, t.i))), span.end)
    span = doc[span.start : cut]  # natasha runs on into "1958 г.р." and the next words
    foreign = _foreign_name_ky(doc, span) if doc_language(doc) == "ky" else None
    if foreign is not None:
        add_person(doc, foreign)
        return
    if doc_language(doc) == "ky":
        span = kyrgyz_name_only(doc, span)
    if plausible(doc, span) or (doc_language(doc) == "ru" and _foreign_name(doc, span)):
        add_person(doc, span)


def _foreign_name(doc: Doc, span: Span) -> bool:
    """natasha's Russian person whose capitalised words the dictionary does
    not all read as common words (Барак Обама, Кит Флинт, Кшиштоф
    Пендерецкий, Сумана Сакко (Soumana Sacko)): a foreign name has no
    surname's shape and is in no lexicon, but natasha is seldom wrong in
    Russian when some word of the span is no common one. One word alone
    must be a name in the dictionary (Коля, Шуберта) or come back in the
    text (Акихито, Мадонна): a word garbled by OCR once ("Сведловски
    рмайонны смудом") is no one. A one-word name also stands in a list of
    natasha's people or with its number (Шенуды III). A name of common
    words only (Камерон Диас, Краник) needs an occupation or a title
    before it, or, alone, its verb right after it or a list of people."""
    words = [t for t in span if is_word(t) and len(t.text) > 1 and not latin_in_brackets(doc, t.i)
             and not name_particle(doc, t.i) and not ROMAN.fullmatch(t.text)]  # "Шенуды III": a number
    if not words or not all(CAPITALISED.match(t.text) and not not_a_name_in(t.text, "ru") for t in words):
        return False
    if any(t.i + 1 < len(doc) and doc[t.i + 1].text == "-" and not t.whitespace_ for t in words):
        return False  # "Ысык- Кульского", "Ак- Кудукского": a place's name broken at its hyphen
    plain = [t for t in words if not common_word(t.text) and (not ADJECTIVAL.match(t.text) or dictionary_name(t.text))]
    if not plain:
        # Chinese and Korean names are short syllables the dictionary knows
        # as common words (Мин Си, Ван Бин, Ли Пэн): natasha's word for two
        # or three of them together is enough.
        if 2 <= len(words) <= 3 and all(len(t.text) <= 3 for t in words):
            return True
        # A name of common words (Камерон Диас, певица Глюкоза): natasha's word and
        # an occupation or a title right before it.
        return _cue_on_its_line(doc, words[0].i) or (len(words) == 1 and (
            _subject_of_the_verb_after(doc, words[0].i) or _listed_with_people(doc, span)))
    if len(words) > 1:
        return True
    word = ELDER_YOUNGER.sub("", words[0].text)
    return (dictionary_name(word) or _capitalised_bases(doc)[name_base(word)] >= 2 or _person_cue(doc, words[0].i)
            or (not sentence_start(doc, words[0].i) and not known_word(word) and not _garbled_beside(doc, words[0].i))
            or _listed_with_people(doc, span) or _numbered(doc, words[0].i))


def _foreign_name_ky(doc: Doc, span: Span) -> Span | None:
    """Of natasha's Kyrgyz person, two words or more side by side, each a
    name in the Russian dictionary or a word no lexicon knows, with or
    without its case ending ("Питер Грин", "Мэри Уокер", "Том Кейлер"):
    foreign names the Kyrgyz list has from web text, so no Kyrgyz rule
    takes them. A role word before them ("Күбөлөр") stays outside, and a
    span with a Kyrgyz surname's shape is left to the Kyrgyz rules. natasha's
    single words are left alone: on the development sentences they were
    places and bodies five times for each name."""
    def name(i: int) -> bool:
        text = doc[i].text
        return bool(CAPITALISED.match(text)) and doc[i].is_alpha and not not_a_name(text) and _name_or_unknown(text)

    start, end = span.start, span.end
    while start < end and not name(start):
        start += 1
    while end > start and not name(end - 1):
        end -= 1
    if end - start < 2 or not all(name(i) for i in range(start, end)):
        return None
    if any(SURNAME_KY.match(doc[i].text) for i in range(start, end)):
        return None  # a Kyrgyz name ends with its surname: kyrgyz_name_only knows where
    return doc[start:end]


LIST_BEFORE = re.compile(r"(?:,|\sи)\s*$")
LIST_AFTER = re.compile(r"^\s*(?:,|и\s)\s*")


def _listed_with_people(doc: Doc, span: Span) -> bool:
    """An item of a list whose item before or after it natasha also reads
    as a person ("Дженнифер Лопес, Энрике Иглесиас и Стинг"; "Куман,
    Роналдо, Джеррард"): one word of the dictionary is a name there."""
    text, start, end = doc_text(doc), span.start_char, span.end_char
    people = doc.user_data.get("natasha_people", [])
    before = LIST_BEFORE.search(text[max(0, start - 4) : start])
    after = LIST_AFTER.match(text[end : end + 6])
    return any((before and b == start - len(before.group())) or (after and a == end + after.end())
               for a, b in people if (a, b) != (start, end))


def _numbered(doc: Doc, i: int) -> bool:
    """A monarch's or a patriarch's number after the word: "Шенуды III", "Мсвати III"."""
    return i + 1 < len(doc) and bool(doc[i].whitespace_) and bool(ROMAN.fullmatch(doc[i + 1].text))


def _subject_of_the_verb_after(doc: Doc, i: int) -> bool:
    """Inside a sentence, a capitalised word right before a verb in the
    past or present ("что Краник выиграл", "Вдова Арафата Суха дала"): a
    common noun there would be written small, so natasha's person stands."""
    if sentence_start(doc, i) or i + 1 >= len(doc) or not doc[i].whitespace_ or not doc[i + 1].text.islower():
        return False
    if TITLE.fullmatch(doc[i].text):
        return False  # "Папа подчеркнул", "Доктор получил": a title, the person named elsewhere
    return finite_verb(doc[i + 1].text)


def _name_or_unknown(word: str) -> bool:
    return dictionary_name(word) or dictionary_name(name_base(word)) or unknown_word(word)


def _garbled_beside(doc: Doc, i: int) -> bool:
    """A lowercase word next to this one that the dictionary does not know:
    OCR has garbled the line ("Сведловски рмайонны смудом"), and a word
    unknown to the dictionary there is no evidence of a foreign name."""
    return any(0 <= j < len(doc) and doc[j].is_alpha and doc[j].text.islower() and not known_word(doc[j].text)
               for j in (i - 1, i + 1))
