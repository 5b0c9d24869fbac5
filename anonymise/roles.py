"""Who a name belongs to, read from the act's structure around it.

Real acts name people in a few fixed places and ways: the composition of
the court ("в составе председательствующего X, судей: Y, Z, при
секретаре W", "курамында: төрагалык кылган X, судьялар: Y, Z, соттук
отурумдун катчысы W, прокурор V, адвокат U"), the lower courts' judges in
parentheses after each act they made ("(судья Омурканов К.К.)",
"(председательствующий – судья X, судьи: Y, Z - докладчик)"), the
reporting judge ("доклад судьи Верховного суда ... X", "судьясы X-дын
баяндамасын"), the signatures, and the parties by their procedural role.
A role word governs the names listed after it, across commas, "и"/"жана"
and line breaks, until another word intervenes; so the second judge of a
panel is a judge too, and a convict named after the lawyer's name is not
a lawyer. In Kyrgyz "X-дин адвокаты" is X's lawyer: a role word after a
name in the possessive says nothing of that name, and is not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Officials acting in office, by kind; the policy keeps the kinds it names.
OFFICIAL_ROLES = {
    # Lay assessors (народные заседатели) sat beside the judge in Soviet courts.
    "judge": r"судья|судьи|судьей|судье|судью|судей|судьям|судьями|судьялар|судьялары|судьясы|судьясынын|"
             r"председательствующ\w*|төрагалык\s+кыл\w*|төрагасы|төрага|заседател\w+|докладчик\w*|"
             r"баяндамачы\w*|баяндоочу\w*|судья-докладчик\w*|судьи-докладчика|судья-баяндамачы",
    "prosecutor": r"прокурор\w*|айыптоочу\w*",
    "lawyer": r"адвокат\w*|защитник\w*|жактоочу\w*",
    # A court's secretary, not the secretary of a village council ("айыл
    # округунун жооптуу катчысы").
    "secretary": r"(?:при\s+)?секретар[ея]|секретарь|(?:отурум\w*|заседани\w*)\s+катчы\w*|катчы",
    "expert": r"эксперт\w*",
    "investigator": r"следовател\w+|тергөөчү\w*",
}
# Procedural roles of private persons, in their case forms.
PARTY_WORDS = (
    r"истц\w*|истец|ответчи\w+|подсудим\w+|осужденн\w+|осуждённ\w+|оправданн\w+|потерпевш\w+|свидетел\w+|"
    r"заявител\w+|заявительниц\w+|гражданин\w*|гражданк\w+|гр|гр-(?:ка|ки|ке|ку|кой|н|на|ну|ном|не)|обвиняем\w+|представител\w+|взыскател\w+|должник\w*|"
    r"доогер\w*|жоопкер\w*|айыпталуучу\w*|соттолуучу\w*|соттолгон\w*|жабырлануучу\w*|күбө\w*|арыздануучу\w*|"
    r"арыз\s+берүүчү\w*|жаран\w*|өкүл\w*|участием|катышуусу\w*|несовершеннолетн\w+"
)
# Words that may stand between a role and the name it governs
# ("доклад судьи Верховного суда Кыргызской Республики X").
FILLER = re.compile(
    r"(?i)(?:[\s,:;.–—\-]|\b(?:судебного|заседания|верховного|суда|кыргызской|республики|кр|жогорку|сотунун|"
    r"соттук|отурумунун|отурумдун|сот|кыргыз|республикасынын|мамлекеттик|государственного|государственный|"
    r"старший|помощник\w*|отдела|прокуратуры|области|района|города|районного|областного|городского|"
    r"межрайонного|тергөө|судебно-медицинск\w*|его|ее|её|анын|жана|и|в|составе|"
    # a rank between the role and the name: "следователь ... лейтенант милиции X"
    r"младш\w+|(?:лейтенант|капитан|майор|подполковник|полковник|сержант|советник)\w*|милиции|полиции|юстиции|"
    r"милициянын|юстициянын|бишкека|оша|токмока|каракола|нарына|таласа|баткена|джалал-абада|жалал-абада)\b|"
    r"\b[А-ЯЁӨҮҢ][а-яёөүң-]*(?:ского|ской|ском|кого)\b|"
    # a body's letters and a city: "следователь СО ОВД Первомайского района X",
    # "судья Первомайского районного суда г. Бишкек X"
    r"(?-i:\b[А-ЯЁӨҮҢ]{2,6}\b)|(?-i:\bг\.\s*[А-ЯЁӨҮҢ][а-яёөүң]+(?:-[А-ЯЁӨҮҢ][а-яёөүң]+)?))+$"
)
# What parts the items of a list: a comma, "и"/"жана", a line break; a
# space alone does not ("Тергөөчү Кулубаев Э. Асановго": the investigator
# and the party).
SEPARATOR = re.compile(r"(?i)^(?=.*(?:[,;\n]|\bи\b|\bжана\b|\bа\s+также\b))(?:[\s,;]|\bи\b|\bжана\b|\bа\s+также\b)*$",
                       re.S)
AFTER_ROLE = re.compile(
    r"(?i)^\s*[-–—]?\s*(?:судья-)?(?:докладчик\w*|баяндамачы|баяндоочу|төрагалык\s+кылган|председательствующ\w*)\b"
)
# The prosecutor's office's representative is the prosecutor ("Башкы прокуратурасынын
# өкүлү X", "представитель Генеральной прокуратуры Кыргызской Республики X"); a
# party's representative is a private person, so the office decides.
PROSECUTORS_REPRESENTATIVE = re.compile(
    r"(?i)(?:прокуратура\w*\s+өкүл\w*|представител\w+\s+(?:[\w-]+\s+){0,2}прокуратур\w*(?:\s+[\w.-]+){0,4})[\s,:]*$")
JUDGE_PARENTHESIS = re.compile(r"(?i)^\s*(?:председательствующ\w*|судья|судьи|судьялар|төрагалык|төрага)")


@dataclass(frozen=True)
class Role:
    kind: str  # an official's kind (judge, prosecutor ...), "party", or "" when nothing says
    official: bool


NONE = Role("", False)
PARTY = Role("party", False)


@lru_cache(maxsize=8)
def _role_pattern(kinds: frozenset[str]) -> re.Pattern[str] | None:
    if not kinds:
        return None
    return re.compile(r"(?i)(?:^|[^\w-])(?:" + "|".join(f"(?P<{k}>{OFFICIAL_ROLES[k]})" for k in sorted(kinds)) + r")$")


PARTY_AT_END = re.compile(r"(?i)(?:^|[^\w-])(?:" + PARTY_WORDS + r")$")


def roles(text: str, spans: list[tuple[int, int]], kinds: frozenset[str]) -> list[Role]:
    """The role of each name span (sorted, not overlapping) from the words
    around it: a role word before it, a list it continues, a reporting
    judge's title after it, or the parenthesis of a lower court's panel."""
    official = _role_pattern(kinds)
    out: list[Role] = []
    previous_end = None
    for start, end in spans:
        lead_start = max(previous_end if previous_end is not None else 0, start - 120)
        lead = text[lead_start:start]
        role = _role_before(lead, official)
        if role is NONE and out and previous_end is not None and _continues(text, previous_end, start, end):
            role = out[-1]  # the list goes on: "судьи: X, Y", "потерпевших: X и Y"
        if role is NONE and official is not None and AFTER_ROLE.match(text[end : end + 40]) and "judge" in kinds:
            role = Role("judge", True)
        if role is NONE and "judge" in kinds and _in_judges_parenthesis(text, start):
            role = Role("judge", True)
        out.append(role)
        previous_end = end
    return out


def _continues(text: str, previous_end: int, start: int, end: int) -> bool:
    """The name follows the previous one as the next item of its list:
    only separators between them, and past a line break only as a
    signature's line ("Судьи: Б. Акматов\nН. Арапбаев"), the name alone on it."""
    between = text[previous_end:start]
    if not SEPARATOR.match(between) or "\n\n" in between:
        return False
    if "\n" in between and not re.fullmatch(r"[\s,.;)]*", text[end : text.find("\n", end) if "\n" in text[end:] else len(text)]):
        return False
    return True


def _role_before(lead: str, official: re.Pattern[str] | None) -> Role:
    if official is not None and "prosecutor" in official.groupindex and PROSECUTORS_REPRESENTATIVE.search(lead):
        return Role("prosecutor", True)
    trimmed = lead
    filler = FILLER.search(trimmed)
    if filler:
        trimmed = trimmed[: filler.start()]
    if official is not None:
        match = official.search(trimmed)
        if match:
            kind = next(k for k, v in match.groupdict().items() if v)
            if not (kind == "secretary" and re.search(r"(?i)(жооптуу|округ\w*|айыл\w*)\s+катчы\w*$", trimmed)):
                return Role(kind, True)
    if PARTY_AT_END.search(trimmed):
        return PARTY
    return NONE


def _in_judges_parenthesis(text: str, position: int) -> bool:
    """Inside "( ... )" that opens with a judge's title: the panel of a lower court."""
    opening = text.rfind("(", max(0, position - 300), position)
    if opening < 0 or ")" in text[opening:position]:
        return False
    return bool(JUDGE_PARENTHESIS.match(text[opening + 1 : position]))
