"""Finding people in a judgment: a spaCy pipeline of rules and natasha.

A blank spaCy pipeline for the act's language (ru or ky), with a tokenizer
that parts glued initials ("К.М.Кемеевдин", "Ш.Осмонова") and keeps
hyphenated place names whole ("Ак-Кудукского"); its components
(anonymise/candidates.py: natasha, name shapes, role words, the Russian
dictionary) each add candidate person spans. Then:

- roles (anonymise/roles.py): the act's structure says who is an
  official (kept by policy, at every mention) and who is a party;
- mentions are grouped into people (one surname, no differing initial);
- propagation: every other mention of a found surname or given name, in
  any inflection, with initials, or in a Latin transliteration, and a
  name's Latin spelling in brackets after it.
The result is a list of person mentions, each with the person it belongs
to, so that every mention of one person gets one replacement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from anonymise.aliases import bracket_aliases, words_after_brackets
from anonymise.candidates import (
    INITIAL,
    LATIN_NAME,
    TOKEN,
    UPPER_LATIN,
    doc_language,
    is_word,
    name_patterns,
    name_word,
    street_or_body,
    trimmed_end,
)
from anonymise.cues import CUED_PERSONS
from anonymise.latin import LATIN_PERSONS, transliterate
from anonymise.natasha_names import NATASHA_PERSONS
from anonymise.names import (
    CAPITALISED,
    INITIALS,
    KYRGYZ_PATRONYMIC,
    NAME_PARTICLES,
    SURNAME,
    SURNAME_KY,
    hyphenated_place,
    is_given_name,
    name_base,
    not_a_name,
    other_bases,
    same_name,
    small_surname,
)
from anonymise.places import doc_text, token_texts
from anonymise.roles import OFFICIAL_ROLES, roles

DEFAULT_KEEP = frozenset(OFFICIAL_ROLES)


@dataclass
class Mention:
    start: int
    end: int
    text: str
    person: int  # mentions of one person share this number
    keep: bool = False  # an official, kept by policy


@dataclass
class _Person:
    number: int
    bases: set[str] = field(default_factory=set)
    firsts: set[str] = field(default_factory=set)  # first letters of the given name, as written or initialled
    keep: bool = False
    # The words as written, lowercase: a short name or nickname ("Косой",
    # "Бака") has a base too short to match safely in other forms, but the
    # same word again is the same person.
    forms: set[str] = field(default_factory=set)


class _Tokenizer:
    """Glued initials apart ("К.М.Кемеевдин" → К . М . Кемеевдин), hyphenated
    words whole (Ак-Кудукского, Ысык-Көл): spaCy's rules do neither."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []

        def white(gap: str) -> None:
            """One space after a word is its trailing space; any other white space is a token."""
            if gap[:1] in (" ", "\xa0") and words:  # a no-break space too: "Н.\xa0В.\xa0Томского"
                spaces[-1], gap = True, gap[1:]
            if gap:
                words.append(gap)
                spaces.append(False)

        position = 0
        for match in TOKEN.finditer(text):
            white(text[position : match.start()])
            words.append(match.group())
            spaces.append(False)
            position = match.end()
        white(text[position:])
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data["text"] = text  # spaCy builds doc.text anew from every token at each call
        return doc


def build(language: str) -> Language:
    nlp = spacy.blank("ky" if language == "ky" else "ru")
    nlp.tokenizer = _Tokenizer(nlp.vocab)
    nlp.add_pipe(NATASHA_PERSONS)
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(name_patterns(language))  # type: ignore[attr-defined]
    nlp.add_pipe("name_patterns_to_persons")
    nlp.add_pipe("role_persons")
    nlp.add_pipe(CUED_PERSONS)
    nlp.add_pipe(LATIN_PERSONS)
    nlp.add_pipe("dictionary_persons")
    return nlp


@lru_cache(maxsize=2)
def pipeline(language: str) -> Language:
    return build(language)


def find_persons(text: str, language: str, keep_roles: frozenset[str] = DEFAULT_KEEP) -> list[Mention]:
    """Every mention of a person, grouped into people, officials marked."""
    doc = pipeline(language)(text)
    spans = _merge(doc.spans.get("persons", []))
    spans = [s for s in spans if any(is_word(t) and len(t.text) > 1 for t in s)]
    found_roles = roles(text, [(s.start_char, s.end_char) for s in spans], keep_roles)
    people: list[_Person] = []
    mentions: list[Mention] = []
    for span, role in zip(spans, found_roles):
        bases = {name_base(part) for t in span if is_word(t) and len(t.text) > 1 and not KYRGYZ_PATRONYMIC.match(t.text.lower())
                 for part in t.text.split("-")}  # each half of a double surname (Асанова-Токтогулова)
        official, party = role.official, role.kind == "party"
        # A party and an official of one surname (and even one initial) are
        # two people: a party's mention never joins an official, nor back.
        # Officials are named by surname and initials; a mention with the
        # given name spelled out is a private person's, to be safe.
        spelled = any(is_given_name(t.text) and not SURNAME.match(t.text) for t in span)
        allowed = [p for p in people if (p.keep if official else not (p.keep and (party or spelled)))]
        person = _person_for(allowed, people, bases, _first_letter(span))
        person.keep = person.keep or official
        person.forms |= {t.text.lower() for t in span if is_word(t) and len(t.text) > 2}
        mentions.append(Mention(span.start_char, span.end_char, span.text, person.number))
    mentions += _other_names(doc_text(doc), people, mentions)
    mentions += _given_after_bracket(doc_text(doc), mentions)
    mentions += _propagate(doc, people, mentions)
    mentions += _latin_spellings(doc_text(doc), mentions)
    for mention in mentions:
        mention.keep = people[mention.person].keep
    return sorted(mentions, key=lambda m: m.start)


def _other_names(text: str, people: list[_Person], mentions: list[Mention]) -> list[Mention]:
    """A person's other names in brackets after a mention (anonymise/aliases.py):
    theirs, and their words the person's, for propagation to find elsewhere."""
    more = []
    for start, end, index in bracket_aliases(text, [(m.start, m.end) for m in mentions]):
        person = people[mentions[index].person]
        name = text[start:end]
        person.bases |= {name_base(w) for w in re.findall(r"[^\W\d_]{4,}", name) if not LATIN_NAME.match(w)}
        more.append(Mention(start, end, name, person.number))
    return more


def _given_after_bracket(text: str, mentions: list[Mention]) -> list[Mention]:
    """"Жээнбекова (Осмонова) Гүлмира", "Асанова (мурунку фамилиясы
    Исмаилова) Г.К.": the given name or initials after a bracket that holds
    a surname are the person's before the bracket (they were left in clear).
    Initials, or a given name a lexicon knows: not any capitalised word."""
    spans = [(m.start, m.end) for m in mentions]
    more = []
    for start, end, index in words_after_brackets(text, spans):
        first = text[start:end].split()[0]
        if not any(a < end and start < b for a, b in spans) and (INITIALS.match(first) or is_given_name(first)):
            more.append(Mention(start, end, text[start:end], mentions[index].person))
    return more


def _merge(spans: list[Span]) -> list[Span]:
    """Overlapping candidates become one span covering them all, except
    two names that share only the initials between them: "Кулубаев Э.
    Асановго" is the investigator Кулубаев Э. and the party Асанов, and
    merged, the party took the investigator's role."""
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    merged: list[Span] = []
    for span in ordered:
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            if _initials_only(last.doc, span.start, last.end) and last.start < span.start and span.end > last.end:
                rest = last.doc[last.end : span.end]
                if any(SURNAME.match(t.text) or SURNAME_KY.match(t.text) or is_given_name(t.text) for t in rest):
                    merged.append(rest)  # else the next sentence's first word ("адвокат Алымкулов Э. Так как")
            else:
                merged[-1] = last.doc[last.start : max(last.end, span.end)]
        else:
            merged.append(span)
    return merged


def _initials_only(doc: Doc, start: int, end: int) -> bool:
    return all(INITIAL.fullmatch(t.text) or t.text == "." for t in doc[start:end])


def _first_letter(span: Span) -> str | None:
    """The given name's first letter, from the name itself or its initial:
    two people of one surname (a party and the court's secretary) differ here."""
    # Beside a surname no lexicon has as a given name, a given name in a
    # surname's -бек shape is the given name ("Абдраимов Кубанычбектен"):
    # else a wife and husband of one surname were one person, one's initials.
    family = any(SURNAME.match(t.text) and not is_given_name(t.text) for t in span)
    for token in span:
        text = token.text
        if INITIAL.fullmatch(text):
            return text[0]
        if token.i + 1 < span.end and KYRGYZ_PATRONYMIC.match(token.doc[token.i + 1].text.lower()):
            continue  # the father's name: "Нуржан кызы Айпери" and "Нуржан уулу Бекзат" are sister and brother
        if is_given_name(text) and (family or not SURNAME.match(text)):
            return text[0]
    return None


def _person_for(candidates: list[_Person], people: list[_Person], bases: set[str], first: str | None) -> _Person:
    """The person these name words belong to: one who shares a surname or
    (failing that) a given name with them and whose initial does not
    differ, or a new one."""
    # Private people first: a bare surname shared with an official is the
    # party's (redacting an official's mention is the lesser error).
    for person in sorted(candidates, key=lambda p: p.keep):
        if first and person.firsts and first not in person.firsts:
            continue
        if any(same_name(a, b) for a in bases for b in person.bases if len(a) >= 4) \
                and not _other_family(bases, person.bases):
            person.bases |= bases
            if first:
                person.firsts.add(first)
            return person
    person = _Person(len(people), set(bases), {first} if first else set())
    people.append(person)
    return person


FATHERS = re.compile(r"(?:ович|евич|ич|овн|евн|ичн)$")  # a patronymic's base


def _other_family(bases: set[str], known: set[str]) -> bool:
    """One given name with two surnames is two people ("Асан Токтосунов",
    "Асан Бакиров"; "Питер Грин", "Питер Уокер"): each side has a word
    that is neither the other's name, a given name nor a patronymic."""
    def family(words: set[str], other: set[str]) -> bool:
        return any(not any(same_name(w, o) for o in other) and not is_given_name(w) and not FATHERS.search(w)
                   for w in words if len(w) >= 3)

    return family(bases, known) and family(known, bases)


# What follows Kyrgyz "ким" (who) as a pronoun: "Ким болбосун" (whoever it
# is), "ким экени" (who it is), "ким тарабынан" (by whom).
KYRGYZ_WHO_AFTER = re.compile(r"(?i)^(?:болбосун|болсо|болгонуна|экен\w*|тарабынан|гана)$")
QUESTION_WITHIN = 12  # tokens: a short Kyrgyz question, "Ким акчаны алды?"


def _kyrgyz_who(doc: Doc, words: list[str], i: int) -> bool:
    """A Kyrgyz "Ким" that asks who, not Kim the party: a sentence begun with
    it garbled to "К. болбосун" once a Korean party named Ким was in the act.
    A pronoun by the word after it, or by the question mark that ends its
    sentence."""
    if words[i] != "Ким" or doc_language(doc) != "ky":
        return False
    if i + 1 < len(words) and KYRGYZ_WHO_AFTER.match(words[i + 1]):
        return True
    for word in words[i + 1 : i + QUESTION_WITHIN]:
        if word in {".", "!", ";"}:
            return False
        if word == "?":
            return True
    return False


def _propagate(doc: Doc, people: list[_Person], found: list[Mention]) -> list[Mention]:
    """Other mentions of known people: any word whose base is one of theirs
    (in Cyrillic or in a Latin transliteration: a social-media name), with
    initials or names right beside it."""
    covered = _Covered(len(doc_text(doc)))
    for m in found:
        covered.add(m.start, m.end)
    latin = {transliterate(b): p for p in people for b in p.bases if len(b) >= 4}
    more = []
    words = token_texts(doc)
    i = 0
    while i < len(doc):
        if not words[i][:1].isalpha():
            i += 1  # a number or a sign: no one's name, and no Token made to say so
            continue
        token = doc[i]
        if token.idx in covered:
            i += 1
            continue
        if LATIN_NAME.match(token.text):
            person = next((p for base, p in latin.items() if same_name(token.text.lower(), base)
                           or same_name(_latin_base(token.text.lower()), base)), None)
            if person is not None:
                more.append(Mention(token.idx, token.idx + len(token.text), token.text, person.number))
                covered.add(token.idx, token.idx + len(token.text))
            i += 1
            continue
        if small_surname(token.text):  # a known person's surname: no list to ask
            base = name_base(token.text)
            person = next((p for p in people if any(same_name(base, b) for b in p.bases if SURNAME_BASE.search(b))),
                          None)
            if person is not None:
                more.append(Mention(token.idx, token.idx + len(token.text), token.text, person.number))
                covered.add(token.idx, token.idx + len(token.text))
            i += 1
            continue
        if not CAPITALISED.match(token.text) or not_a_name(token.text) or street_or_body(doc, i, i + 1) \
                or hyphenated_place(token.text, doc_language(doc)) or _kyrgyz_who(doc, words, i):
            i += 1
            continue
        last = token.text.split("-")[-1]  # Асанова-Токтогулованын: the half with the case ending
        base, others = name_base(last), other_bases(last, doc_language(doc))
        matching = [p for p in people if any(same_name(base, b) for b in p.bases if len(b) >= 4)
                    or others & p.bases or token.text.lower() in p.forms]
        # A bare surname shared by a party and an official: the party's, to be safe.
        person = next((p for p in matching if not p.keep), matching[0] if matching else None)
        if person is None:
            i += 1
            continue
        start, end = i, i + 1
        while start > 0 and name_word(doc, start - 1) and doc[start - 1].idx not in covered and i - start < 4:
            start -= 1
        while end < len(doc) and name_word(doc, end) and end - i < 5:
            end += 1
        span = doc[start : trimmed_end(doc, start, end)]
        more.append(Mention(span.start_char, span.end_char, span.text, person.number))
        covered.add(span.start_char, span.end_char)
        i = end
    return more


# A surname's base: what a word in small letters must share with a known person.
SURNAME_BASE = re.compile(r"(?:ов|ев|ёв)$")


# A name's original spelling in brackets right after it: "Аллан Диксон
# (Allan Dixon)", "Йост де Ягер (Jost de Jager; …)".
LATIN_SPELLING = re.compile(
    rf"[^\S\n]*\((?:[a-zа-яё]{{2,5}}\.\s*)?((?:[{UPPER_LATIN}][\w’'-]*|(?:{'|'.join(sorted(NAME_PARTICLES))}))"
    rf"(?:[^\S\n]+(?:[{UPPER_LATIN}][\w’'.-]*|(?:{'|'.join(sorted(NAME_PARTICLES))})))*)\s*[);,]")


LATIN_RUN_ON = re.compile(
    rf"((?:[^\S\n]+(?:[{UPPER_LATIN}][\w’'.-]*|(?:{'|'.join(sorted(NAME_PARTICLES))})))+)\s*[);,]")


def _latin_spellings(text: str, found: list[Mention]) -> list[Mention]:
    """The Latin spelling in brackets after a mention is that person's too,
    and so is its rest where the mention stops inside it ("(Jost | de Jager)")."""
    more = []
    for mention in found:
        if "(" in mention.text and ")" not in mention.text:
            run_on = LATIN_RUN_ON.match(text, mention.end)
            if run_on and text[run_on.end() - 1] == ")":
                mention.end = run_on.end()
                mention.text = text[mention.start : mention.end]
            elif run_on:  # "(Jost de Jager; род. …)": the bracket stays open, so the name ends before it
                bracket = mention.start + mention.text.index("(")
                after = text[bracket + 1 : mention.end]
                latin = bracket + 1 + len(after) - len(after.lstrip())
                more.append(Mention(latin, run_on.end(1), text[latin : run_on.end(1)], mention.person))
                mention.end = len(text[: bracket].rstrip())
                mention.text = text[mention.start : mention.end]
            continue
        match = LATIN_SPELLING.match(text, mention.end)
        if match and not any(m.start <= match.start(1) < m.end for m in found):
            more.append(Mention(match.start(1), match.end(1), match.group(1), mention.person))
    return more


def _latin_base(word: str) -> str:
    for ending in ("a", "u", "y", "om", "oi", "oy"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


class _Covered:
    """The characters that mentions already cover. It is asked once per
    token, so it keeps a mark per character rather than a list to search
    (a long act has hundreds of mentions and tens of thousands of tokens)."""

    def __init__(self, length: int) -> None:
        self._marks = bytearray(length + 1)

    def add(self, start: int, end: int) -> None:
        self._marks[start:end] = b"\x01" * (end - start)

    def __contains__(self, position: int) -> bool:
        return bool(self._marks[position])

