"""Finding people in a judgment: a spaCy pipeline of rules and natasha.

A blank spaCy pipeline for the act's language (ru or ky) tokenises; its
components each add candidate person spans to doc.spans["persons"]:

- natasha_persons: natasha's NER (its weights ship in the wheel), on
  Russian text; on Kyrgyz text only spans with a given name or a surname's
  form survive (natasha takes Kyrgyz institutions and places for people);
- name_patterns: an EntityRuler of name shapes: a given name from the
  lexicons, a surname's or patronymic's ending, "Асан уулу", initials next
  to a surname, all with their case endings;
- role_persons: the words after a procedural role (истец, жоопкер...);
- officials: judges, prosecutors, lawyers, secretaries, experts named by
  their role are marked to keep, wherever they recur;
- propagation: every other mention of a found surname or given name, in
  any inflection or with initials.
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

from anonymise.names import (
    CAPITALISED,
    INITIALS,
    KYRGYZ_PATRONYMIC,
    not_a_name,
    PATRONYMIC,
    SURNAME,
    is_given_name,
    name_base,
    same_name,
)

# Procedural roles whose next words name a private person, in their case forms.
PARTY_ROLES = re.compile(
    r"(?i)^(истц\w*|истец|ответчи\w+|подсудим\w+|осужденн\w+|осуждённ\w+|потерпевш\w+|свидетел\w+|заявител\w+|"
    r"гражданин\w*|гражданк\w+|обвиняем\w+|доогер\w*|жоопкер\w*|айыпталуучу\w*|соттолуучу\w*|соттолгон\w*|"
    r"жабырлануучу\w*|күбө\w*|арыздануучу\w*|жаран\w*)$"
)
# Officials acting in office, by role; kept unless the policy says otherwise.
OFFICIAL_ROLES = {
    # Lay assessors (народные заседатели) sat beside the judge in Soviet courts.
    "judge": r"судья\w*|судьи|председательствующ\w+|төрагалык|төрага\w*|заседател\w+",
    "prosecutor": r"прокурор\w*",
    "lawyer": r"адвокат\w*|защитник\w*",
    "secretary": r"секретар\w+|катчы\w*",
    "expert": r"эксперт\w*",
    "investigator": r"следовател\w+|тергөөчү\w*",
}
DEFAULT_KEEP = frozenset(OFFICIAL_ROLES)
MAX_NAME_TOKENS = 4


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


@lru_cache(maxsize=1)
def _natasha():  # type: ignore[no-untyped-def]
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    return Segmenter(), NewsNERTagger(NewsEmbedding())


def _is_name_token(text: str) -> bool:
    if not_a_name(text):
        return False
    return bool(SURNAME.match(text) or PATRONYMIC.match(text) or INITIALS.match(text)
                or (CAPITALISED.match(text) and is_given_name(text)))


@Language.component("natasha_persons")
def natasha_persons(doc: Doc) -> Doc:
    from natasha import Doc as NatashaDoc

    segmenter, tagger = _natasha()
    parsed = NatashaDoc(doc.text)
    parsed.segment(segmenter)
    parsed.tag_ner(tagger)
    kyrgyz = doc.lang_ == "ky"
    for found in parsed.spans:
        if found.type != "PER":
            continue
        span = doc.char_span(found.start, found.stop, alignment_mode="expand")
        if span is None:
            continue
        words = [t.text for t in span if t.is_alpha or INITIALS.match(t.text)]
        if not words or any(not_a_name(w) for w in words):
            continue
        if kyrgyz and not any(_is_name_token(w) for w in words):
            continue  # an institution or a place taken for a person
        _add(doc, span)
    return doc


def _name_patterns() -> list[dict[str, object]]:
    surname = {"TEXT": {"REGEX": SURNAME.pattern}}
    patronymic = {"TEXT": {"REGEX": PATRONYMIC.pattern}}
    initials = {"TEXT": {"REGEX": r"^(?:[А-ЯЁӨҮҢ]\.){1,2}$|^[А-ЯЁӨҮҢ]$"}}
    dot = {"TEXT": ".", "OP": "?"}
    capital = {"TEXT": {"REGEX": CAPITALISED.pattern}}
    return [
        {"label": "PERSON", "pattern": [capital, {"TEXT": {"REGEX": KYRGYZ_PATRONYMIC.pattern}}]},
        {"label": "PERSON", "pattern": [surname, capital, patronymic]},
        {"label": "PERSON", "pattern": [capital, patronymic, surname]},
        {"label": "PERSON", "pattern": [capital, patronymic]},
        {"label": "PERSON", "pattern": [initials, dot, initials, dot, surname]},
        {"label": "PERSON", "pattern": [surname, initials, dot, initials, dot]},
        {"label": "PERSON", "pattern": [initials, dot, surname]},
        {"label": "PERSON", "pattern": [surname, initials, dot]},
        {"label": "PERSON", "pattern": [surname]},
    ]


@Language.component("name_patterns_to_persons")
def name_patterns_to_persons(doc: Doc) -> Doc:
    """The EntityRuler's matches, where a lone word is really a name."""
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        if any(not_a_name(t.text) for t in ent):
            continue
        _add(doc, ent)
    for token in doc:  # a lexicon given name next to another name word
        if CAPITALISED.match(token.text) and is_given_name(token.text):
            neighbours = [doc[i].text for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
            if any(_is_name_token(n) and n != token.text for n in neighbours) or _after_role(doc, token.i):
                _add(doc, doc[token.i : token.i + 1])
    doc.ents = ()
    return doc


def _after_role(doc: Doc, i: int) -> bool:
    j = i - 1
    while j >= 0 and (doc[j].is_punct and doc[j].text in ",:"):
        j -= 1
    return j >= 0 and bool(PARTY_ROLES.match(doc[j].text))


@Language.component("role_persons")
def role_persons(doc: Doc) -> Doc:
    """The capitalised words right after a party's role are a person."""
    for token in doc:
        if not PARTY_ROLES.match(token.text):
            continue
        end = token.i + 1
        while end < len(doc) and doc[end].text in (",", ":", "—", "-"):
            end += 1
        start = end
        while end < len(doc) and end - start < MAX_NAME_TOKENS and _name_word(doc, end):
            end += 1
        if end > start:
            _add(doc, doc[start:end])
            doc.spans.setdefault("parties", []).append(doc[start:end])
    return doc


def _name_word(doc: Doc, i: int) -> bool:
    text = doc[i].text
    if text == "." and i > 0 and re.fullmatch(r"[А-ЯЁӨҮҢ]", doc[i - 1].text):
        return True
    if not_a_name(text):
        return False
    return bool(CAPITALISED.match(text) or INITIALS.match(text) or re.fullmatch(r"[А-ЯЁӨҮҢ]", text)
                or KYRGYZ_PATRONYMIC.match(text))


def _add(doc: Doc, span: Span) -> None:
    # Past a line break a span goes on only with name words (OCR lines
    # break names; natasha's spans sometimes run on into the next sentence).
    # Trim punctuation at the edges, but keep an initial's dot.
    start, end = span.start, span.end
    for token in span:
        if "\n" in token.text or "\n" in token.whitespace_:
            rest = [t for t in doc[token.i + 1 : span.end] if not t.is_space and not t.is_punct]
            if not all(_is_name_token(t.text) for t in rest):
                end = token.i if token.is_space else token.i + 1
            break
    while start < end and doc[start].is_punct:
        start += 1
    while end > start and doc[end - 1].is_punct and not (doc[end - 1].text == "." and end - 2 >= start
                                                        and re.fullmatch(r"[А-ЯЁӨҮҢ]", doc[end - 2].text)):
        end -= 1
    if end > start and not _compound_tail(doc, start):
        doc.spans.setdefault("persons", []).append(doc[start:end])


def _compound_tail(doc: Doc, i: int) -> bool:
    """The word is the second half of a hyphenated word (Иссык-Кульский,
    Жалал-Абаддагы): a place or an adjective, not someone's name."""
    return (i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_
            and not doc[i - 2].whitespace_ and doc[i - 2].is_alpha)


def build(language: str) -> Language:
    nlp = spacy.blank("ky" if language == "ky" else "ru")
    nlp.add_pipe("natasha_persons")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(_name_patterns())  # type: ignore[attr-defined]
    nlp.add_pipe("name_patterns_to_persons")
    nlp.add_pipe("role_persons")
    return nlp


@lru_cache(maxsize=2)
def pipeline(language: str) -> Language:
    return build(language)


def find_persons(text: str, language: str, keep_roles: frozenset[str] = DEFAULT_KEEP) -> list[Mention]:
    """Every mention of a person, grouped into people, officials marked."""
    doc = pipeline(language)(text)
    spans = _merge(doc.spans.get("persons", []))
    people: list[_Person] = []
    mentions: list[Mention] = []
    officials = _officials(doc, spans, keep_roles)
    parties = [(p.start_char, p.end_char) for p in doc.spans.get("parties", [])]
    for span in spans:
        bases = {name_base(t.text) for t in span if t.is_alpha and len(t.text) > 1 and t.text.lower() not in ("уулу", "кызы")}
        if not bases:
            continue
        official = (span.start_char, span.end_char) in officials
        party = any(a <= span.start_char < b for a, b in parties)
        # A party and an official of one surname (and even one initial) are
        # two people: a party's mention never joins an official, nor back.
        # Officials are named by surname and initials; a mention with the
        # given name spelled out is a private person's, to be safe.
        spelled = any(is_given_name(t.text) and not SURNAME.match(t.text) for t in span)
        allowed = [p for p in people if (p.keep if official else not (p.keep and (party or spelled)))]
        person = _person_for(allowed, people, bases, _first_letter(span))
        person.keep = person.keep or official
        mentions.append(Mention(span.start_char, span.end_char, span.text, person.number))
    mentions += _propagate(doc, people, mentions)
    for mention in mentions:
        mention.keep = people[mention.person].keep
    return sorted(mentions, key=lambda m: m.start)


def _merge(spans: list[Span]) -> list[Span]:
    """Overlapping candidates become one span covering them all."""
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    merged: list[Span] = []
    for span in ordered:
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            merged[-1] = last.doc[last.start : max(last.end, span.end)]
        else:
            merged.append(span)
    return merged


def _first_letter(span: Span) -> str | None:
    """The given name's first letter, from the name itself or its initial:
    two people of one surname (a party and the court's secretary) differ here."""
    for i, token in enumerate(span):
        text = token.text
        if re.fullmatch(r"[А-ЯЁӨҮҢ]", text) or INITIALS.match(text):
            return text[0]
        if is_given_name(text) and not SURNAME.match(text):
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
        if any(same_name(a, b) for a in bases for b in person.bases if len(a) >= 4):
            person.bases |= bases
            if first:
                person.firsts.add(first)
            return person
    person = _Person(len(people), set(bases), {first} if first else set())
    people.append(person)
    return person


def _officials(doc: Doc, spans: list[Span], keep_roles: frozenset[str]) -> set[tuple[int, int]]:
    """Spans of names that follow (or, in Kyrgyz, precede) an official's role word."""
    roles = re.compile(r"(?i)^(" + "|".join(OFFICIAL_ROLES[r] for r in keep_roles) + r")$") if keep_roles else None
    kept = set()
    for span in spans:
        before = [t.text for t in doc[max(0, span.start - 4) : span.start]]
        after = [t.text for t in doc[span.end : span.end + 2]]
        if roles and any(roles.match(w) for w in before + after):
            kept.add((span.start_char, span.end_char))
    return kept


def _propagate(doc: Doc, people: list[_Person], found: list[Mention]) -> list[Mention]:
    """Other mentions of known people: any word whose base is one of theirs,
    with initials or names right beside it."""
    covered = [(m.start, m.end) for m in found]
    more = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if not CAPITALISED.match(token.text) or not_a_name(token.text) or _inside(token.idx, covered):
            i += 1
            continue
        base = name_base(token.text)
        matching = [p for p in people if any(same_name(base, b) for b in p.bases if len(b) >= 4)]
        # A bare surname shared by a party and an official: the party's, to be safe.
        person = next((p for p in matching if not p.keep), matching[0] if matching else None)
        if person is None:
            i += 1
            continue
        start, end = i, i + 1
        while start > 0 and _name_word(doc, start - 1) and not _inside(doc[start - 1].idx, covered) and i - start < 3:
            start -= 1
        while end < len(doc) and _name_word(doc, end) and end - i < 3:
            end += 1
        span = doc[start:end]
        more.append(Mention(span.start_char, span.end_char, span.text, person.number))
        covered.append((span.start_char, span.end_char))
        i = end
    return more


def _inside(position: int, covered: list[tuple[int, int]]) -> bool:
    return any(a <= position < b for a, b in covered)
