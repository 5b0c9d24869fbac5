"""The composition of the court, read from the act's structure: who
presided, who sat, who reported the case, who kept the record, who
prosecuted and who defended; each name in the nominative.

An act names its panel once, at the top, in the case the sentence gives
it: "в составе председательствующего Кульматовой Д.С., судей: Эшалиева
Н.К., ... при секретаре Солобаеве Э." (genitive, prepositional), or in
Kyrgyz in the nominative ("төрагалык кылган Исаков А.И., судьялар: ...").
The reporting judge is named further down ("Заслушав доклад судьи
Верховного суда Кыргызской Республики Батыралиева Б.Б.", "судьясы
Ж. Абдырахмановдун баяндамасын"), and the signatures close the act. Names
go back to the nominative by the ending the role word's case gives them
(the judges' and the staff catalog's lists are of people, not of word
forms), and a reporting judge named by initial and surname gets the
panel's full initials.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from anonymise.names import FATHER_WORDS

UP = "А-ЯЁӨҮҢ"
LOW = "а-яёөүң"
SURNAME = rf"[{UP}][{LOW}]+(?:-[{UP}]?[{LOW}]+)?"
INITIAL = rf"(?:Дж|[{UP}])\s?\."
# A surname alone, where its ending says it is one ("Бекмуратова", "Абдраимовдун").
SURNAME_SHAPED = (rf"[{UP}][{LOW}]+(?:ов|ев|ёв|ин|ын)(?:а|ой|у|ым|е|[дтн][ыиуү]н|[гк][аоеө]|[дтн][ыиуү]|а[дтн][ыиуү]н|а[гк]а)?"
                  rf"(?![{LOW}])")
# "Кульматовой Д.С.", "Д.С. Кульматова", "Аскар кызы Ж.", "Ж.Абдырахмановдун".
NAME = re.compile(
    rf"(?P<kyz>{SURNAME}\s+(?:{FATHER_WORDS})\s+{INITIAL})"
    rf"|(?P<sur>{SURNAME})(?P<after>\s*{INITIAL}(?:[ \t]?{INITIAL})?)"
    rf"|(?P<before>{INITIAL}(?:[ \t]?{INITIAL})?\s*)(?P<sur2>{SURNAME})"
)
ROLE_WORDS = {
    "presiding": rf"председательствующ[{LOW}]*(?:\s*[-–:]?\s*(?:народн[{LOW}]+\s+)?судь[яи])?|төрагалык\s+кыл[{LOW}]*(?:\s+судья)?",
    "judges": r"судей|судьи|судьялар[ы]?",
    "secretary": rf"секретар[{LOW}]*(?:\s+судебного\s+заседания)?|(?:соттук\s+|сот\s+)?отурум[{LOW}]*\s+катчысы|катчы[{LOW}]*",
    "prosecutor": rf"прокурор[{LOW}]*",
    "lawyers": rf"адвокат[{LOW}]*|защитник[{LOW}]*|жактоочу[{LOW}]*",
}
ROLE_WORDS["reporting"] = rf"(?:судья-)?докладчик[{LOW}]*|(?:судья-)?баяндамачы(?:\s+судья)?|баяндоочу"
ROLE = re.compile(r"(?i)(?<![\w-])(?:" + "|".join(f"(?P<{k}>{v})" for k, v in ROLE_WORDS.items()) + r")(?![\w-])")
# A panel member marked as the reporting judge after the name: "Абдраимова Т.К. (судья-докладчик)",
# "Усенов К.С. - баяндамачы".
MARKED_REPORTING = re.compile(r"(?i)\s*(?:\(\s*|[-–—]\s*)(?:судья[-\s])?(?:докладчик|баяндамачы|баяндоочу)[а-я]*\s*\)?")
# Where the panel's list ends and the matter begins.
MATTER = re.compile(r"(?i)рассмотр[а-я]*|катышуу[а-яөүң]*\s+менен|катышуусунда|ачык\s+(?:соттук\s+)?отурум|соттун\s+ачык|"
                    r"без\s+участия|установил|таппы")
BETWEEN = re.compile(r"^(?:[\s,;]|\bи\b|\bжана\b)*$")
SKIP = re.compile(r"(?i)^[\s:–—-]*")
REPORTING = [
    re.compile(rf"[Дд]оклад\w*\s+(?:по\s+делу\s+)?судьи(?:-докладчика)?\s+(?:Верховного\s+суда\s+Кыргызской\s+Республики\s+)?(?P<name>"
               rf"{SURNAME}\s*{INITIAL}(?:[ \t]?{INITIAL})?|{INITIAL}(?:[ \t]?{INITIAL})?\s*{SURNAME}|{SURNAME_SHAPED}(?=[\s,.]))"),
    # "судьясы Ж. Абдырахмановдун баяндамасын", "судья Т.К. Абдраимовдун баяндамасын угуп".
    re.compile(rf"(?P<name>{INITIAL}(?:[ \t]?{INITIAL})?\s*{SURNAME}|{SURNAME_SHAPED})\s+баяндамас[ыи]"),
]
# Case endings a role word's case gives a surname, and the nominative for each.
RU_OBLIQUE = [  # (ending, nominative ending), longest first; feminine before masculine
    ("ской", "ская"), ("ского", "ский"), ("скому", "ский"), ("ским", "ский"), ("ском", "ский"),
    ("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("ыной", "ына"),
    ("ову", "ов"), ("еву", "ев"), ("ину", "ин"), ("ыну", "ын"),
    ("овым", "ов"), ("евым", "ев"), ("иным", "ин"), ("ыным", "ын"),
    ("ове", "ов"), ("еве", "ев"), ("ине", "ин"), ("ыне", "ын"),
    ("ова", "ов"), ("ева", "ев"), ("ина", "ин"), ("ына", "ын"),
]
KY_CASE = re.compile(
    r"(?:[дтн][ыиуү]н|[дтн][ыиуү]|[гк][аоеө]|[дтн][аоеө]н|[дт][аоеө]|[дтн][ыиуү]н[аеө]?)$"
)
KY_STEM = re.compile(r"(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына)$")


@dataclass
class Composition:
    presiding: str | None = None
    judges: list[str] = field(default_factory=list)  # the other members of the panel
    reporting: str | None = None
    secretary: str | None = None
    prosecutor: str | None = None
    lawyers: list[str] = field(default_factory=list)

    def panel(self) -> list[str]:
        """Every judge who sat, the presiding one first."""
        return list(dict.fromkeys(([self.presiding] if self.presiding else []) + self.judges))

    def as_json(self) -> dict[str, object]:
        return asdict(self)


def composition(text: str) -> Composition:
    """The panel, the record keeper, the prosecutor and the lawyers of an act."""
    text = text.replace("\u00ad", "-")
    opening, marked = _marked_reporting(_opening(text))
    found = _listed(opening)
    if found.presiding is None:
        found.presiding, signed = _signatures(text)
        found.judges = found.judges or signed
    found.reporting = found.reporting or _member(marked, found.panel()) or _reporting(text, found.panel())
    if found.reporting and found.reporting not in found.panel():
        found.judges.append(found.reporting)
    return found


def _marked_reporting(opening: str) -> tuple[str, str | None]:
    """The opening with a "(судья-докладчик)" after a name blanked out (so
    the list of judges reads on), and the name it marked, as written."""
    marked = None
    for match in MARKED_REPORTING.finditer(opening):
        before = list(NAME.finditer(opening, max(0, match.start() - 40), match.start()))
        if before and before[-1].end() == match.start():
            marked = before[-1].group()
            opening = opening[:match.start()] + " " * (match.end() - match.start()) + opening[match.end():]
    return opening, marked


def _member(written: str | None, panel: list[str]) -> str | None:
    """The panel member a name refers to, in whichever case it was written."""
    if written is None:
        return None
    for case in ("gen", "nom", "prep"):
        name = nominative_name(written, case)
        member = next((m for m in panel if same_person(m, name)), None)
        if member:
            return member
    return None


def _opening(text: str) -> str:
    """From the top to where the act says what it considered."""
    start = re.search(r"(?i)в\s+составе|курамында|курамда|составе", text)
    begin = start.start() if start else 0
    end = MATTER.search(text, begin)
    return text[begin:end.start() if end else min(len(text), begin + 1500)]


def _listed(opening: str) -> Composition:
    found = Composition()
    roles = list(ROLE.finditer(opening))
    for n, role in enumerate(roles):
        kind = role.lastgroup or ""
        stop = roles[n + 1].start() if n + 1 < len(roles) else len(opening)
        names = _names_after(opening[role.end():stop], _case_of(role.group()))
        if not names:
            continue
        if kind == "reporting":  # "судья-докладчик Исаков А.И.": reports, and sits
            found.reporting = found.reporting or names[0]
            continue
        if kind in ("judges", "lawyers"):
            getattr(found, kind).extend(x for x in names if x not in getattr(found, kind))
        elif getattr(found, kind) is None:
            setattr(found, kind, names[0])
    return found


def _names_after(span: str, case: str) -> list[str]:
    """The names a role word governs: one after another, joined by commas,
    "и" or "жана", up to the first other word."""
    names = []
    at = SKIP.match(span).end()  # type: ignore[union-attr]
    while True:
        match = NAME.match(span, at)
        if not match:
            return names
        names.append(nominative_name(match.group(), case))
        gap = re.match(r"(?:[\s,;]|\bи\b|\bжана\b)*", span[match.end():])
        at = match.end() + (gap.end() if gap else 0)


def _case_of(role_word: str) -> str:
    """The case a role word gives the names after it: "председательствующего",
    "судей", "прокурора" the genitive, "при секретаре" the prepositional."""
    word = role_word.split()[0].lower()
    if word.startswith("секретаре"):
        return "prep"
    if re.search(r"(?:его|ей|ора|ата|ика)$", word) or word == "судей":
        return "gen"
    return "nom"


def nominative_name(name: str, case: str = "gen") -> str:
    """A person's name in the nominative, surname first: "Кульматовой Д.С."
    → "Кульматова Д.С.", "Ж. Абдырахмановдун" → "Абдырахманов Ж.",
    "Аскар кызы Ж." as it is."""
    match = NAME.fullmatch(name.strip())
    if not match:
        return nominative(name.strip(), case) if re.fullmatch(SURNAME, name.strip()) else name.strip()
    if match.group("kyz"):
        return re.sub(r"\s*\.\s*", ".", re.sub(r"\s+", " ", match.group("kyz").strip()))
    surname = match.group("sur") or match.group("sur2")
    initials = re.sub(r"\s", "", match.group("after") or match.group("before") or "")
    return f"{nominative(surname, case)} {initials}".strip()


def nominative(surname: str, case: str = "gen") -> str:
    """A surname's nominative. Kyrgyz case endings come off a Russian-shaped
    stem ("Токтомамбетовдун" → "Токтомамбетов", "Арстанбаеванын" →
    "Арстанбаева"); a Russian oblique ending is read in the case the role
    word gave ("Эсенканова" after "судей" is a man's genitive, "Эсенканов")."""
    bare = KY_CASE.sub("", surname)
    if bare != surname and KY_STEM.search(bare) and len(bare) >= 4:
        return bare
    if case == "nom":
        return surname
    for ending, base in RU_OBLIQUE:
        if surname.endswith(ending) and len(surname) > len(ending) + 2:
            if ending in ("ова", "ева", "ина", "ына") and case != "gen":
                return surname  # a woman's nominative, in a case that does not make men's "-ова"
            return surname[: -len(ending)] + base
    return surname


def _reporting(text: str, panel: list[str]) -> str | None:
    """The reporting judge, with the panel's full initials where the act
    names them shorter."""
    for pattern in REPORTING:
        match = pattern.search(text)
        if match:
            written = match.group("name")
            if not re.search(INITIAL, written):
                return _member(written, panel)  # a surname alone counts only as a panel member's
            return _member(written, panel) or nominative_name(written, "gen")
    return None


def same_person(a: str, b: str) -> bool:
    """One surname, and initials that do not disagree ("Абдырахманов Ж." and "Абдырахманов Ж.Т.")."""
    sur_a, _, init_a = a.partition(" ")
    sur_b, _, init_b = b.partition(" ")
    return sur_a == sur_b and (init_a.startswith(init_b) or init_b.startswith(init_a))


def _signatures(text: str) -> tuple[str | None, list[str]]:
    """Who signed, where the opening left the panel blank: the last lines."""
    tail = text[-600:]
    lines = [line.strip() for line in tail.splitlines()]
    presiding, judges, reading = None, [], ""
    for line in lines:
        role = re.match(rf"(?i)(председательствующ[{LOW}]*|төрагалык\s+кыл[{LOW}]*|судьи|судьялар|судьлар|судья)\s*:?\s*", line)
        if role:
            reading = "presiding" if role.group(1).lower()[0] in "пт" else "judges"
            line = line[role.end():]
        names = [nominative_name(m.group(), "nom") for m in NAME.finditer(line)]
        if reading == "presiding" and names and presiding is None:
            presiding, reading = names[0], "judges"
            names = names[1:]
        elif reading == "judges":
            judges.extend(names)
    return presiding, judges
