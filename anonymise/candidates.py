"""Candidate person spans in a judgment: the spaCy components of the
persons pipeline (anonymise/persons.py builds it) and the rules that judge
each candidate against the language.

- natasha_persons (anonymise/natasha_names.py): natasha's NER, its spans
  judged by the rules here (plausible, kyrgyz_name_only);
- name_patterns_to_persons: an EntityRuler of name shapes (a given name
  from the lexicons, a surname's or patronymic's ending, "Асан уулу",
  initials next to a surname, all with their case endings);
- role_persons and cued_persons (anonymise/cues.py): the words after a
  procedural role (истец, жоопкер...); Latin names and nicknames after a
  role, an occupation or the word for a nickname;
- latin_persons (anonymise/latin.py): Kyrgyz and Russian names in Latin letters;
- dictionary_persons: in Russian, a word the dictionary reads first as a name.
The words of kin and the Kyrgyz given-name shapes they cue live in
anonymise/kin.py.
Each adds spans to doc.spans["persons"]; a word the Russian dictionary
reads only as a common word, an adjective of a place, a street's or a
quoted body's name is no one's name alone.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from anonymise.names import (
    ADJECTIVAL,
    CAPITALISED,
    INITIAL_LETTER,
    KYRGYZ_PATRONYMIC,
    LOCATIVE_ADJECTIVE,
    NAME_PARTICLES,
    PATRONYMIC,
    SURNAME,
    SURNAME_KY,
    common_word,
    diaspora_surname,
    double_surname,
    first_reading_is_name,
    hyphenated_place,
    is_given_name,
    known_word,
    kyrgyz_common_word,
    kyrgyz_given_name,
    kyrgyz_listed,
    name_base,
    not_a_name,
    not_a_name_in,
    small_surname,
    surname_shaped,
)
from anonymise.kin import (
    KYRGYZ_KIN_WORD,
    father_word,
    given_after_father_word,
    given_name_shape,
    kyrgyz_name_form,
)
from anonymise.places import doc_text, street_or_body, token_texts
from anonymise.roles import PARTY_WORDS

PARTY_ROLES = re.compile(r"(?i)^(" + PARTY_WORDS + r")$")
MAX_NAME_TOKENS = 4
# Latin with its accented letters (Matías, Schäfer, Şahin): a foreign name
# in brackets is one word, not cut at its first accent.
UPPER_LATIN, LOWER_LATIN = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĪİĶŁŃŅŇŌŐŒŘŚŞŠŢŤŪŮŰŹŻŽ", "a-zß-öø-ÿāăąćčďđēėęěğīıķłńņňōőœřśşšţťūůűźżž"
UPPER_LETTERS, LOWER_LETTERS = UPPER_LATIN + "А-ЯЁӨҮҢ", LOWER_LATIN + "а-яёөүң"
LETTER = UPPER_LETTERS + LOWER_LETTERS
# Words (hyphenated ones whole where both halves are written alike:
# Ак-Кудукского, Ысык-Көл, жарым-жартылай), numbers, each initial apart
# from its dot, and any other character alone; runs of white space other
# than one space. "судья-Сатарова" and "КР-Ташиевой" are two words each.
TOKEN = re.compile(rf"[{UPPER_LETTERS}][{LOWER_LETTERS}]+(?:-[{UPPER_LETTERS}][{LOWER_LETTERS}]+)+|"
                   rf"[{LOWER_LETTERS}]+(?:-[{LOWER_LETTERS}]+)+|[{UPPER_LETTERS}][{LOWER_LETTERS}]+(?:-[{LOWER_LETTERS}]+)+|"
                   rf"[{LETTER}]+|\d+|\S")
INITIAL = re.compile(rf"^{INITIAL_LETTER}$")
HYPHENATED = re.compile(rf"[{LETTER}]+(?:-[{LETTER}]+)+")
LATIN_NAME = re.compile(rf"^[{UPPER_LATIN}][{LOWER_LATIN}]*(?:[{UPPER_LATIN}][{LOWER_LATIN}]+)*$|^[{LOWER_LATIN}]{{2,}}$")  # Gideon Yu, McKinnon, von
ROMAN = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")


def doc_language(doc: Doc) -> str:
    return "ky" if doc.lang_ == "ky" else "ru"


def _is_initial(doc: Doc, i: int) -> bool:
    """A capital letter alone followed by its dot: "К" in "К.Кемеев"."""
    return (bool(INITIAL.fullmatch(doc[i].text)) and i + 1 < len(doc) and doc[i + 1].text == "."
            and not doc[i].whitespace_)


def _initials_beside(doc: Doc, i: int) -> bool:
    """Initials stand right before the word (К. Кемеев, К.Кемеев) or right after it (Кемеев К., Кемеев К.М.)."""
    before = i >= 2 and doc[i - 1].text == "." and _is_initial(doc, i - 2)
    after = i + 2 < len(doc) and _is_initial(doc, i + 1) and "\n" not in doc[i].whitespace_
    return before or after


# A bank's, a mountain's or a lake's word beside two capitalised words: "банк Бай Тушум",
# "пик Хан Тенгри", "озеро Сон Куль", "Бай Түшүм банкынан".
NAMED_PLACE_BEFORE = re.compile(r"(?i)(?:\bбанк\w*|\bпик\w*|\bозер\w*|\bгор[аеуы]\b|\bрек[аеиу]\b|\bперевал\w*|"
                                r"\bущель\w*|\b(?-i:ЗАО|ОАО|ОсОО|АО|ААК|ЖАК))\s*[«\"]?\s*$")
NAMED_PLACE_AFTER = re.compile(r"(?i)^[»\"]?\s*(?:банк\w*|тоо\w*|көл\w*)")


def _chinese_or_korean_name(doc: Doc, i: int) -> bool:
    """Such a surname and a capitalised word right after it inside a
    sentence: "Күбө Ли Мин акчаны Ван Лэйге бергенин айтты". The given
    name is a syllable or two that no lexicon lists, and the Kyrgyz web
    word list has them all (вэй, мин, цзюнь); two capitalised words so
    inside a sentence are a name, unless a bank's or a mountain's word
    stands beside them. At a sentence's start the first may be a word
    ("Ким Бишкекке барды?": who went to Bishkek?)."""
    if i + 1 >= len(doc) or not diaspora_surname(doc[i].text) or sentence_start(doc, i):
        return False
    after = doc[i + 1].text
    if not (doc[i].whitespace_ == " " and CAPITALISED.match(after) is not None and "-" not in after
            and not not_a_name(after) and not diaspora_surname(after) and not street_or_body(doc, i, i + 2)):
        return False
    text, start, end = doc_text(doc), doc[i].idx, doc[i + 1].idx + len(after)
    return not NAMED_PLACE_BEFORE.search(text[max(0, start - 20) : start]) and not NAMED_PLACE_AFTER.match(text[end : end + 20])


def _beside(words: list[str], i: int, step: int) -> int:
    """The word before (step -1) or after (+1) word i, past one line's end:
    a typed page breaks a name between its lines ("Жабырлануучу Сыдыкова" /
    "Гүлнара келди"), and the given name on the next line was published."""
    n = i + step
    if 0 <= n < len(words) and not words[n].strip() and words[n].count("\n") == 1:
        n += step
    return n


def _given_name_beside(doc: Doc, i: int) -> bool:
    """A given name of the lexicons right before or after the word, on its line."""
    return any(0 <= n < len(doc) and CAPITALISED.match(doc[n].text) and is_given_name(doc[n].text)
               and not diaspora_surname(doc[n].text) and "\n" not in doc[min(i, n)].whitespace_ for n in (i - 1, i + 1))


def _is_name_token(doc: Doc, i: int) -> bool:
    """A word that is a name by its own shape, or by the initials beside it."""
    text = doc[i].text
    if KYRGYZ_PATRONYMIC.match(text):
        return father_word(text, doc[i - 1].text if i else "")
    if "-" in text:
        return double_surname(text, doc_language(doc))  # Иванова-Петрова; not Ак-Кудук
    if not_a_name(text) or not CAPITALISED.match(text) or KYRGYZ_KIN_WORD.fullmatch(text):
        return False
    if PATRONYMIC.match(text) or (i + 1 < len(doc) and father_word(doc[i + 1].text, text)):
        return True
    if diaspora_surname(text) and (_initials_beside(doc, i) or _given_name_beside(doc, i)):
        return True  # "Цой В.", "Пак Олег": a word of the Kyrgyz list, but no common word is used so
    if doc_language(doc) == "ky" and kyrgyz_common_word(text):
        return False  # "Натыйжада А. А." (as a result, А. А.): a common word before a victim's initials
    if _initials_beside(doc, i):
        return True  # even a common word or an adjective's shape: Заречной Л.А.
    if common_word(text):
        return False
    if surname_shaped(text, doc_language(doc)):
        return True
    if doc_language(doc) == "ky" and kyrgyz_name_form(text):
        return True  # "Жээнбеков Жээнбек": a given name no lexicon lists, in a name's own ending
    # In Kyrgyz many given names are common words too (Эл, Алтын, Аман, Эми):
    # alone, a word the Kyrgyz list has is no evidence of a person.
    return is_given_name(text) and not (doc_language(doc) == "ky" and kyrgyz_listed(text))


def kyrgyz_name_only(doc: Doc, span: Span) -> Span:
    """natasha's Kyrgyz person less the words it takes in beside the name:
    a title or a place before it ("Элчи Бекмуратов", "Чоң-Алайдагы …"), a
    country or a body after it ("Бекмуратов Түркиянын", "Мелис Осмонов
    Душанбеде", "Асанова ЖАМУнун"). A name ends with its surname, or
    with the given name and patronymic after one ("Карабаев Талант
    Жумабекович"), or with "уулу"/"кызы"."""
    start, end = span.start, span.end

    def outside(i: int) -> bool:
        text = doc[i].text
        return hyphenated_place(text, "ky") or not_a_name(text) or bool(KYRGYZ_KIN_WORD.fullmatch(text)) or (
            kyrgyz_common_word(text) and not (i + 1 < end and SURNAME_KY.match(doc[i + 1].text)))

    while end - start > 1 and outside(start):
        start += 1
    surname = next((i for i in range(start, end) if SURNAME_KY.match(doc[i].text)), None)
    if surname is None:
        while end - start > 1 and outside(end - 1):
            end -= 1
        return doc[start:end]
    stop = surname + 1
    while stop < end and (KYRGYZ_PATRONYMIC.match(doc[stop].text) or PATRONYMIC.match(doc[stop].text) or (
            surname == start and stop - surname <= 2 and given_name_shape(doc[stop].text))):
        stop += 1
    return doc[start:stop]


def plausible(doc: Doc, span: Span) -> bool:
    """A candidate with no word that is no one's name (a body, a hyphenated
    place) and one word at least that is a name by shape, lexicon or the
    initials beside it: natasha and the patterns take Kyrgyz words, bodies
    and places for people."""
    words = [t for t in span if t.is_alpha and len(t.text) > 1]
    if not words or any(not_a_name_in(t.text, doc_language(doc)) or hyphenated_place(t.text, doc_language(doc))
                        for t in words):
        return False
    return any(_is_name_token(doc, t.i) for t in words)


def sentence_start(doc: Doc, i: int) -> bool:
    """The first word of a text, a sentence, a line or a quotation."""
    if i == 0:
        return True
    before = doc[i - 1]
    return (before.is_punct and before.text in ".!?«\"„“(—:") or "\n" in before.text + before.whitespace_


def name_particle(doc: Doc, i: int) -> bool:
    """A lowercase particle of a foreign name, a name's word right after it
    (or after the particles that follow it: "ван дер Берг")."""
    if doc[i].text not in NAME_PARTICLES or i + 1 >= len(doc):
        return False
    after = doc[i + 2] if doc[i + 1].text == "-" and i + 2 < len(doc) else doc[i + 1]
    if after.text in NAME_PARTICLES:
        return name_particle(doc, after.i)
    return bool(CAPITALISED.match(after.text))


def is_word(token) -> bool:  # type: ignore[no-untyped-def]
    """Letters, hyphenated or not (Стросс-Кан: spaCy's is_alpha says no)."""
    return token.is_alpha or bool(HYPHENATED.fullmatch(token.text))


def latin_in_brackets(doc: Doc, i: int) -> bool:
    """A Latin word inside brackets: the name's original spelling, "(Soumana Sacko)"."""
    return bool(LATIN_NAME.match(doc[i].text)) and any(doc[j].text == "(" for j in range(max(0, i - 4), i))


def name_patterns(language: str) -> list[dict[str, object]]:
    surname = {"TEXT": {"REGEX": (SURNAME_KY if language == "ky" else SURNAME).pattern}}
    any_surname = {"TEXT": {"REGEX": SURNAME.pattern}}
    patronymic = {"TEXT": {"REGEX": PATRONYMIC.pattern}}
    initial = {"TEXT": {"REGEX": INITIAL.pattern}, "SPACY": False}
    dot = {"TEXT": "."}
    capital = {"TEXT": {"REGEX": CAPITALISED.pattern}}
    father = {"TEXT": {"REGEX": KYRGYZ_PATRONYMIC.pattern}}
    return [
        {"label": "PERSON", "pattern": [capital, father]},
        # The father's initial, уулу/кызы, the person's own initial: "К. уулу У.", "Б. кызы А.".
        {"label": "PERSON", "pattern": [initial, dot, father, initial, dot]},
        {"label": "PERSON", "pattern": [initial, dot, father]},
        {"label": "PERSON", "pattern": [surname, capital, patronymic]},
        {"label": "PERSON", "pattern": [capital, patronymic, surname]},
        {"label": "PERSON", "pattern": [capital, patronymic]},
        # Initials make a name of any capitalised word beside them (Огай В., Бутейда А.В., Заречной Л.А.).
        {"label": "PERSON", "pattern": [initial, dot, initial, dot, capital]},
        {"label": "PERSON", "pattern": [capital, initial, dot, initial, dot]},
        {"label": "PERSON", "pattern": [initial, dot, capital]},
        {"label": "PERSON", "pattern": [capital, initial, dot]},
        {"label": "PERSON", "pattern": [surname]},
        {"label": "PERSON", "pattern": [any_surname, initial, dot]},
    ]


@Language.component("name_patterns_to_persons")
def name_patterns_to_persons(doc: Doc) -> Doc:
    """The EntityRuler's matches, where a word is really a name."""
    for ent in doc.ents:
        if ent.label_ == "PERSON" and plausible(doc, ent):
            add_person(doc, ent)
    # Each rule below asks for a capitalised word first: the token texts
    # are tested without a Token made for every word.
    words = token_texts(doc)
    capitalised = [i for i, word in enumerate(words) if CAPITALISED.match(word)]
    for i in capitalised:  # a lexicon given name next to another name word, on its line or across a line's end
        if is_given_name(words[i]) and not common_word(words[i]) and not KYRGYZ_KIN_WORD.fullmatch(words[i]):
            neighbours = [n for n in (_beside(words, i, -1), _beside(words, i, 1)) if 0 <= n < len(doc)]
            if any(_is_name_token(doc, n) and words[n] != words[i] for n in neighbours) or _after_role(doc, i):
                add_person(doc, doc[i : i + 1])
            # A surname no pattern takes alone joins it: "Пак Олег", "Олег Пак".
            for n in neighbours:
                if diaspora_surname(words[n]) and _is_name_token(doc, n):
                    add_person(doc, doc[min(i, n) : max(i, n) + 1])
    for i in capitalised:
        if _chinese_or_korean_name(doc, i):
            add_person(doc, doc[i : i + 2])
        before = _beside(words, i, -1)
        if 0 <= before < i - 1 and PATRONYMIC.match(words[i]) and (
                _is_name_token(doc, before) or given_name_shape(words[before])):
            add_person(doc, doc[i : i + 1])  # "Асанов Бакыт" / "Кубанычбекович": a patronymic opening the next line
    if doc_language(doc) == "ky":
        for i in capitalised:
            if given_after_father_word(doc, i):
                add_person(doc, doc[i - 2 : i + 1])
            if KYRGYZ_KIN_WORD.fullmatch(words[i]):
                continue  # "Атасы Токтосунов": his father, not the given name Ата
            if i + 1 < len(doc) and _given_after_surname(doc, i):
                add_person(doc, doc[i : i + 2])
            if i + 1 < len(doc) and _given_before_surname(doc, i):
                add_person(doc, doc[i : i + 2])
            elif i + 1 < len(doc) and _kyrgyz_given_name_alone(doc, i):
                add_person(doc, doc[i : i + 1])
    for i in range(2, len(doc)):
        if words[i - 1] != ".":
            continue  # no initial right before: _initials_start would say i
        start = _initials_start(doc, i)
        if start < i and _is_name_token(doc, i):
            add_person(doc, doc[start : i + 1])
    doc.ents = ()
    return doc


def _initials_start(doc: Doc, i: int) -> int:
    """Where the initials before a name begin ("Прокурор А.К.Жумалиев",
    "прокурор А. К. Жумалиев"): the ruler's longest match was "Прокурор
    А.К." (a word and the initials after it), which no rule takes for a
    name, and the first initial was left out; the prosecutor, named by
    one initial and a surname, was taken for a party. Initials right
    after another name word are that name's ("Кулубаев Э. Асановго")."""
    start = i
    while start >= 2 and i - start < 4 and doc[start - 1].text == "." and _is_initial(doc, start - 2):
        start -= 2
    if start < i and start > 0 and _is_name_token(doc, start - 1):
        return i
    return start


def _given_before_surname(doc: Doc, i: int) -> bool:
    """In Kyrgyz, a capitalised word right before a surname on its line is
    its given name, if it can be one (names.kyrgyz_given_name): the list of
    Kyrgyz words has "садыр", "апас", "камчыбек" in lowercase, which made
    them common words. A foreign given name makes a name of the unknown
    word after it."""
    word, after = doc[i], doc[i + 1]
    if CAPITALISED.match(word.text) and word.whitespace_ == " " and small_surname(after.text):
        return kyrgyz_given_name(word.text)  # "Камчыбек алиев": OCR took the surname's capital
    if not (CAPITALISED.match(word.text) and CAPITALISED.match(after.text) and word.whitespace_ == " "
            and "-" not in word.text + after.text):
        return False
    if SURNAME_KY.match(after.text) and _is_name_token(doc, i + 1):
        return kyrgyz_given_name(word.text)
    # A foreign given name no Kyrgyz word spells, then a word neither
    # language knows: "Виктор Хольмбергдин", "Жозеф Ларсендин".
    return (is_given_name(word.text) and not kyrgyz_listed(word.text) and not common_word(word.text)
            and not kyrgyz_listed(after.text) and not known_word(after.text) and not not_a_name(after.text))


NOMINATIVE_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын)а?$")


def _given_after_surname(doc: Doc, i: int) -> bool:
    """In Kyrgyz, a word right after a surname in its own form, on its line,
    that can be a given name (names.kyrgyz_given_name): "Маматова
    Жылдызкан", "Эшмаматов Ташмат". Rare names no lexicon has stayed in
    clear, while the same name before the surname was taken."""
    word, after = doc[i], doc[i + 1]
    if word.whitespace_ != " " or not NOMINATIVE_SURNAME.search(word.text) or not SURNAME_KY.match(word.text):
        return False
    if not CAPITALISED.match(after.text) or "-" in after.text or KYRGYZ_KIN_WORD.fullmatch(after.text):
        return False
    if i > 0 and (is_given_name(doc[i - 1].text) or _is_name_token(doc, i - 1)):
        return False  # "Данияр Амангелдиев Анталия ...": the given name came first
    if LOCATIVE_ADJECTIVE.search(after.lower_):
        return False  # "Сариев Петербургдагы форумда": the one in Petersburg
    # In its own form too: a word with a case ending after a name is a place
    # or a thing more often than the name's end ("Асанкулов Анталияда").
    return (_is_name_token(doc, i) and not SURNAME_KY.match(after.text) and name_base(after.text) == after.lower_
            and kyrgyz_given_name(after.text) and not street_or_body(doc, i + 1, i + 2))


def _kyrgyz_given_name_alone(doc: Doc, i: int) -> bool:
    """A Kyrgyz given name alone inside a sentence, in a name's own ending
    ("Айнура менен Асылбектин ортосундагы", "Нургүлгө"): alone, most Kyrgyz
    given names are words too (Бакыт, Эл, Аман, Алтын: on the KTMU
    development sentences taking any given name alone made 10 false
    persons more), but these endings are names'."""
    text = doc[i].text
    return (CAPITALISED.match(text) is not None and not sentence_start(doc, i) and is_given_name(text)
            and kyrgyz_name_form(text) and not street_or_body(doc, i, i + 1))


def _after_role(doc: Doc, i: int) -> bool:
    j = i - 1
    while j >= 0 and (doc[j].is_punct and doc[j].text in ",:"):
        j -= 1
    return j >= 0 and bool(PARTY_ROLES.match(doc[j].text))


@Language.component("dictionary_persons")
def dictionary_persons(doc: Doc) -> Doc:
    """In Russian, a capitalised word inside a sentence that the dictionary
    reads first as a surname or a given name (Болта, Шуберта, Хатиби is
    not one) is a person even where natasha missed it."""
    if doc_language(doc) != "ru":
        return doc
    for i, word in enumerate(token_texts(doc)):
        if i == 0 or not CAPITALISED.match(word) or not word.isalpha() or not_a_name(word):
            continue
        if sentence_start(doc, i):
            continue  # a sentence's, a line's or a quotation's first word
        if first_reading_is_name(word) and not street_or_body(doc, i, i + 1):
            add_person(doc, doc[i : i + 1])
    return doc


def name_word(doc: Doc, i: int) -> bool:
    text = doc[i].text
    if text == "." and i > 0 and INITIAL.fullmatch(doc[i - 1].text):
        return True
    if name_particle(doc, i):
        return True  # "Потерпевший фон Штауфенберг Клаус": the surname after it is the name's too
    if i > 0 and "\n" in doc[i - 1].text + doc[i - 1].whitespace_ and not _is_name_token(doc, i) \
            and not INITIAL.fullmatch(text):
        return False
    if "-" in text:
        return double_surname(text, doc_language(doc))
    if not_a_name(text) or ((common_word(text) or ADJECTIVAL.match(text)) and not _initials_beside(doc, i)):
        return False
    if doc_language(doc) == "ky" and kyrgyz_common_word(text):
        return False
    return bool(CAPITALISED.match(text) or INITIAL.fullmatch(text) or KYRGYZ_PATRONYMIC.match(text))


def add_person(doc: Doc, span: Span) -> None:
    # Past a line break a span goes on only with name words (OCR lines
    # break names; natasha's spans sometimes run on into the next sentence).
    # Trim punctuation at the edges, but keep an initial's dot.
    start, end = span.start, span.end
    for token in span:
        if "\n" in token.text or "\n" in token.whitespace_:
            rest = [t for t in doc[token.i + 1 : span.end] if not t.is_space and not t.is_punct]
            done = doc[span.start : token.i + 1]
            complete = any(INITIAL.fullmatch(t.text) for t in done) and any(len(t.text) > 2 for t in done)
            if complete or not all(_is_name_token(doc, t.i) or INITIAL.fullmatch(t.text) for t in rest):
                # "Ташиев А.\nК.М.Кемеевдин": a whole name ends the line; the next is someone else
                end = token.i if token.is_space else token.i + 1
            break
    while start < end and (doc[start].is_punct or doc[start].is_space or (doc[start].is_upper and len(doc[start]) > 1)):
        start += 1  # "КР-Ташиевой": the abbreviation glued before is not the name
    end = trimmed_end(doc, start, end)
    closing = next((k for k in range(start, end) if doc[k].text == ")"), None)
    if closing is not None and not any(doc[j].text == "(" for j in range(start, closing)):
        # "(в девичестве Осмонова) Гульмира": natasha ran across the bracket, which the
        # redaction then swallowed; the two sides are hidden apart.
        add_person(doc, doc[start:closing])
        add_person(doc, doc[closing + 1 : end])
        return
    if start < end < len(doc) and doc[end - 1].whitespace_ and ROMAN.fullmatch(doc[end].text):
        end += 1  # "Елизавета II", "Иоанн Павел II": the numeral is the name's
    if end < len(doc) and doc[end].text == ")" and any(t.text == "(" for t in doc[start:end]):
        end += 1  # "Сумана Сакко (Soumana Sacko)": the bracket closes with the name
    if end > start and not _compound_tail(doc, start) and not street_or_body(doc, start, end):
        doc.spans.setdefault("persons", []).append(doc[start:end])


def trimmed_end(doc: Doc, start: int, end: int) -> int:
    """The span's end with trailing spaces and punctuation cut, an initial's dot kept."""
    while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct and not (
            doc[end - 1].text == "." and end - 2 >= start and INITIAL.fullmatch(doc[end - 2].text))):
        end -= 1
    return end


def _compound_tail(doc: Doc, i: int) -> bool:
    """The word is the second half of a place's name hyphenated across a
    line or a space ("Ак-\nКудукского", "Ак- Кудукского"): not a name.
    ("судья-Сатарова", "КР-Ташиевой" are a title and an abbreviation glued to a name.)"""
    return (i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and doc[i - 2].text.istitle()
            and doc[i - 2].is_alpha)
