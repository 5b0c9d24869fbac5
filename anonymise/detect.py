"""Anonymising one text: identifiers and persons found, officials kept,
every person replaced the same way at each mention.

The replacement follows sot.kg's practice by default: the person's
initials ("А. Б. И." for Иванов Асан Бакытович), the same at every mention
whatever its case; or, as a setting, numbered placeholders ("[ФИО-1]",
"[АТЫ-ЖӨНҮ-1]").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from anonymise.entity import AnonymisationResult, Entity
from anonymise.identifiers import find_identifiers, placeholder
from anonymise.linebreaks import Joined
from anonymise.names import INITIAL_LETTER, INITIALS, KYRGYZ_PATRONYMIC, NAME_PARTICLES, PATRONYMIC, SURNAME, diaspora_surname, is_given_name, name_base
from anonymise.persons import DEFAULT_KEEP, Mention, find_persons
from anonymise.reading import repaired
from anonymise.result import language_of, redact

STYLES = ("initials", "placeholder")
PERSON_PLACEHOLDER = {"ru": "ФИО", "ky": "АТЫ-ЖӨНҮ"}


@dataclass(frozen=True)
class Policy:
    """What is kept and how people are replaced (a setting of the archive)."""

    keep_roles: frozenset[str] = DEFAULT_KEEP  # judge, prosecutor, lawyer, secretary, expert, investigator
    style: str = "initials"


def anonymise(text: str, policy: Policy = Policy(), language: str | None = None) -> AnonymisationResult:
    """Detect personal data in a text and redact it."""
    language = language or language_of(text)
    # The rules read the text with OCR's look-alikes repaired and the words
    # broken at a line's end joined; what they find is mapped back.
    joined = Joined(repaired(text))
    identifiers = []
    for found in find_identifiers(joined.text):
        start, end = joined.start(found.start), joined.end(found.end)
        identifiers.append(replace(found, start=start, end=end, text=text[start:end],
                                   replacement=placeholder(found.label, language)))
    mentions = []
    for mention in find_persons(joined.text, language, policy.keep_roles):
        mention.start, mention.end = joined.start(mention.start), joined.end(mention.end)  # the name as read stays
        mention.end = _with_last_initial(text, mention.end)
        if not any(e.start <= mention.start < e.end or mention.start <= e.start < mention.end for e in identifiers):
            mentions.append(mention)
    replacements = _replacements(mentions, policy.style, language)
    sure = {m.person for m in mentions if _full_name(m.text)}
    entities = identifiers + [
        Entity(m.start, m.end, "PERSON", text[m.start : m.end], "keep" if m.keep else "redact",
               replacements.get((m.start, m.end)), confidence=SURE if m.person in sure else UNSURE)
        for m in mentions
    ]
    entities.sort(key=lambda e: e.start)
    return AnonymisationResult(text=redact(text, entities, language), entities=entities)


def preload() -> None:
    """Load what anonymisation reads (both languages' pipelines, natasha's
    model, the Russian dictionary, the Kyrgyz word list) now rather than
    inside the first decision of each language: a worker or a benchmark
    pays it once, at its start."""
    from anonymise.latin import latin_given_names
    from anonymise.names import _kyrgyz_lowercase_words, _morph, first_names, kyrgyz_first_names
    from anonymise.persons import pipeline

    for language in ("ru", "ky"):
        pipeline(language)
    _morph()
    _kyrgyz_lowercase_words()
    first_names()
    kyrgyz_first_names()
    latin_given_names()
    anonymise("Прогрев: суд. Иванов И.И.", language="ru")  # natasha's model loads on its first text
    anonymise("Сот: Асанов А.А.", language="ky")


# The last initial glued to the one before it with no dot of its own ("Асанова Б.К признать"):
# OCR lost the dot, and the name ended before the letter, which stayed in clear.
LAST_INITIAL = re.compile(rf"{INITIAL_LETTER}(?![\w.])")


def _with_last_initial(text: str, end: int) -> int:
    """A mention's end, moved past a last initial glued to its dot."""
    if end > 0 and text[end - 1] == ".":
        glued = LAST_INITIAL.match(text, end)
        if glued:
            return glued.end()
    return end


SURE, UNSURE = 0.95, 0.6
AUTO_APPROVE_AT = 0.9


def _full_name(text: str) -> bool:
    """Two words or more, one of them in a name's shape (a surname's
    ending, a patronymic, уулу/кызы, initials, a known given name): a
    person found so is surely a person, and so is each other mention of them."""
    words = re.findall(r"[А-ЯЁӨҮҢа-яёөүң]+\.?|[А-ЯЁӨҮҢ]\.", text)
    shaped = [w for w in words if INITIALS.match(w) or PATRONYMIC.match(w.rstrip(".")) or SURNAME.match(w.rstrip("."))
              or KYRGYZ_PATRONYMIC.match(w.lower()) or is_given_name(w.rstrip("."))]
    return len(words) >= 2 and bool(shaped)


def all_sure(entities: list[Entity]) -> bool:
    """Whether a decision may be approved without a reviewer (when the
    archive's policy allows it at all)."""
    return all(e.confidence >= AUTO_APPROVE_AT for e in entities)


def _replacements(mentions: list[Mention], style: str, language: str) -> dict[tuple[int, int], str]:
    by_person: dict[int, list[Mention]] = {}
    for mention in mentions:
        if not mention.keep:
            by_person.setdefault(mention.person, []).append(mention)
    out = {}
    for number, (person, group) in enumerate(sorted(by_person.items()), start=1):
        if style == "placeholder":
            label = f"[{PERSON_PLACEHOLDER[language]}-{number}]"
        else:
            label = initials(max((m.text for m in group), key=_information))
        for mention in group:
            out[(mention.start, mention.end)] = label
    return out


def _information(name: str) -> tuple[int, int]:
    """The fullest Cyrillic mention gives the initials (not "Jost de Jager" beside "Йост де Ягер")."""
    cyrillic = re.findall(r"[А-ЯЁӨҮҢа-яёөүң]+", name)
    return (len(cyrillic), len("".join(cyrillic)))


FAMILY_ENDING = re.compile(r"(?:ов|ев|ёв|ин|ын|ский|цкий)$")


def _diaspora_surnames(words: list[str]) -> list[int]:
    """A Korean, Dungan or Chinese surname beside initials or a given name
    is the surname ("Ким Андрей Викторович" → "А. В. К.", "Ким А.В." →
    "А. В. К."): some lexicons list Ким as a given name, which made the
    given name the surname and left the initials out ("К."). Alone with a
    word no lexicon knows, the written order decides ("Ян Кейлер")."""
    def other_is_given(i: int) -> bool:
        return any(w.endswith(".") or is_given_name(w) for j, w in enumerate(words) if j != i)
    return [i for i, w in enumerate(words) if diaspora_surname(w) and other_is_given(i)]


def initials(name: str) -> str:
    """"Иванов Асан Бакытович" → "А. Б. И."; "Иванов П.С." → "П. С. И.";
    "Сыдыкова Гүлнара Бакыт кызы" → "Г. Б. С."; "Садыр Токтосунов" → "С. Т."
    (beside a surname, the other word is the given name, whether a lexicon
    knows it or not; OCR's "Садыр токтосунов" too); "Том Кейлер" → "Т. К."
    (no shape or lexicon says which is which: the written order does);
    "Асанова (Исмаилова) Гүлнара" → "Г. А." (a former surname in brackets is left out);
    "Aibek Asanov" → "A. A."."""
    # "Токто-\nгулов Э.", "Токто-гулов Э.": a word broken at a line's end (not "Абдыкадыр-уулу")
    name = re.sub(r"(?<=[а-яёөүң])-\s*(?!(?:уулу|кызы|угли|оглы|кизи)\b)(?=[а-яёөүң])", "", name)
    unbracketed = re.sub(r"\([^)]*\)?", " ", name)  # "Асанова (Исмаилова) Гүлнара": the other surname in brackets
    written = unbracketed if unbracketed.strip() else name
    written = re.sub(r"(?<=[a-z])[а-яёөүң]+", "", written)  # "Aigul Sydykovaга": the Kyrgyz case ending
    # A name in Latin letters alone (an account's, "Aibek Asanov") has Latin initials.
    words = re.findall(r"[А-ЯЁӨҮҢа-яёөүң]+(?:-[А-ЯЁӨҮҢ][а-яёөүң]+)*\.?|[А-ЯЁӨҮҢ]\.", written) \
        or re.findall(r"[^\W\d_]+\.?", written)  # a double surname is one word: "Иванова-Петрова Анна" → "А. И."
    words = [w for w in words if w not in NAME_PARTICLES] or words  # "ван дер Берг Ян" → "Я. Б."
    shaped = [i for i, w in enumerate(words) if not w.endswith(".") and not PATRONYMIC.match(w)
              and (SURNAME.match(w[:1].upper() + w[1:]) or "-" in w)]
    # An -ов, -ев, -ин surname before one in -бек, which is as often a given name (Камчыбек Алиев).
    strong = [i for i in shaped if FAMILY_ENDING.search(name_base(words[i]))]
    surname_at = (strong or shaped or _diaspora_surnames(words) or [None])[0]
    given, father, family, letters = None, None, None, []
    for i, word in enumerate(words):
        bare = word.rstrip(".")
        if INITIALS.match(word) or (len(bare) == 1 and bare.isupper()):
            letters.append(bare)
        elif KYRGYZ_PATRONYMIC.match(word.lower()) and i > 0:
            father = words[i - 1].rstrip(".")
            if given == father:
                given = None
            if family == father:
                family = None  # "Асан Бакыт уулу": Бакыт was the father's name, not a surname
        elif PATRONYMIC.match(bare):
            father = bare
        elif i == surname_at:
            family = bare
        elif given is None and (surname_at is not None or is_given_name(bare)):
            given = bare
        elif family is None and surname_at is None:
            family = bare
        elif given is None and surname_at is None and not father:
            given, family = family, bare  # two words no lexicon knows: the given name first ("Том Кейлер")
    parts = [p[0] for p in (given, father) if p] or letters[:2]
    if family:
        parts.append(family[0])
    return " ".join(f"{p.upper()}." for p in parts) or "[ФИО]"
