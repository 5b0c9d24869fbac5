"""The parties' procedural roles: who was convicted, who sued, who applied.

These are private persons: their names belong in the staff catalog only
(the public sees the roles, never the names; the anonymiser hides them
in the text). Acts name a party by role in a few set phrases: "Приговором
... от ... года, Костюк Николай Владимирович, ранее судимый", "осужденного
Мамбетова У.", "по заявлению Сарыбаевой Гүлзады", "Абдиев З.О.
обратился в суд с иском", "арыз берүүчү Бекбоева Ш. М.", "өкүмү менен,
Орозбаев Толомүш Абдыжапарович, мурда соттолгон". The first phrase (in the order listed) that names a
person gives the role; a fuller form of the name met later replaces a
shorter one.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from anonymise.composition import INITIAL, LOW, SURNAME, UP, nominative

FULL = rf"(?P<full>{SURNAME}\s+[{UP}][{LOW}]+(?:\s+[{UP}][{LOW}]+(?:вич|вна|вны|вну|вной|вича|улы|кызы|уулу))?)"
SHORT = (rf"(?P<sur>{SURNAME})(?P<init>\s*{INITIAL}(?:[ \t]?{INITIAL})?)"
         rf"|(?P<init2>{INITIAL}(?:[ \t]?{INITIAL})?\s*)(?P<sur2>{SURNAME})")
PERSON = rf"(?:{SHORT}|{FULL})"
PHRASES = [
    ("convict", "gen", rf"(?:осужденн\w+|осуждённ\w+|соттолгон)\s+{PERSON}"),
    ("convict", "nom", rf"(?:[Пп]риговором|өкүмү\s+менен)[^\n]{{0,160}}?,?\s*\n\s*{PERSON}\s*,?\s*(?:ранее\s+суд|мурда\s+соттол|не\s+суд|судим)"),
    ("accused", "gen", rf"(?:в\s+отношении|обвиняем\w+)\s+{PERSON}"),
    ("plaintiff", "nom", rf"{PERSON}\s+обратил\w*\s+в\s+(?:\w+\s+){{0,3}}суд\s+с\s+иск"),
    ("plaintiff", "gen", rf"(?:по\s+иску|истца|истцу)\s+{PERSON}"),
    ("plaintiff", "nom", rf"{PERSON}(?:дын|дин|дун|нын|нин|нун)?\s+доо\s+арыз"),
    ("applicant", "gen", rf"(?:по\s+заявлению|заявител\w+)\s+{PERSON}"),
    ("applicant", "nom", rf"арыз\s+берүүчү\s+{PERSON}"),
]
COMPILED = [(role, case, re.compile(pattern)) for role, case, pattern in PHRASES]


@dataclass
class Party:
    role: str  # convict, accused, applicant, plaintiff
    name: str  # nominative, surname first with initials: "Орозбаев Т.А."

    def as_json(self) -> dict[str, str]:
        return asdict(self)


def parties(text: str, officials: list[str] | tuple[str, ...] = ()) -> list[Party]:
    """The parties named by role, once each (by surname); the court's own people are not parties."""
    text = text.replace("\u00ad", "-")
    found: dict[str, Party] = {}
    official_surnames = {name.split()[0] for name in officials}
    for role, case, pattern in COMPILED:
        for match in pattern.finditer(text):
            name = _name(match, case)
            surname = name.split()[0]
            if surname in official_surnames:
                continue
            known = found.get(_key(surname))
            if known is None:
                found[_key(surname)] = Party(role, name)
            elif len(name) > len(known.name) and name.startswith(known.name):
                known.name = name  # "Турдуев А." met again as "Турдуев Азатбек Тологонович"
    return sorted(found.values(), key=lambda p: text.find(p.name.split()[0][:5]))


def _name(match: re.Match[str], case: str) -> str:
    if match.group("full"):
        words = match.group("full").split()
        return f"{nominative(words[0], case)} " + "".join(w[0] + "." for w in words[1:])
    surname = match.group("sur") or match.group("sur2")
    initials = re.sub(r"\s", "", match.group("init") or match.group("init2") or "")
    return f"{nominative(surname, case)} {initials}".strip()


def _key(surname: str) -> str:
    """One person under a surname's forms: "Абдиев", "Абдиева" (genitive) are one."""
    return surname[:-1] if surname.endswith(("а", "у", "ы")) else surname
