"""The lower courts' acts a decision reviews: court, date, kind, judge
and outcome of each.

A review names the acts it considers in its opening sentence ("надзорную
жалобу ... на решение Первомайского районного суда г.Бишкек от 30 мая
2012 г.", "Ош шаардык сотунун 2012-жылдын 16-июлундагы өкүмүнө карата"),
then retells each, closing with its judges in parentheses: one judge for
the first instance ("(Судья Омурканов К.К.)"), a panel for the appeal
("(председательствующий Асанбаев Б.С., судья ..., судья-докладчик ...)").
An act is the pair of a court and a date "от" / "-дагы" joins. Earlier
convictions are dated too, but they are named once, in a list; the acts
under review are named in the opening sentence or more than once.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from anonymise.composition import NAME, nominative_name
from metadata import courts
from metadata.dates import dates_in

KINDS = [("verdict", r"приговор|өкүм"), ("decision", r"решени|чечим"), ("ruling", r"определени|аныктама"),
         ("resolution", r"постановлени|токтом")]
KIND = re.compile(r"(?i)(?<![\w-])(?:" + "|".join(f"(?P<{k}>{v})" for k, v in KINDS) + r")")
KIND_AFTER = re.compile(r"(?i)(?:\s+[^\s\d.;()]+){0,5}?\s+(?:" + "|".join(f"(?P<{k}>{v.split('|')[1]})" for k, v in KINDS) + r")")
# What a lower act did, first match wins ("оставлено без изменения" holds "изменения").
OUTCOMES = {
    "upheld": r"оставлен\w*\s+без\s+изменени|оставлен\w*\s+в\s+силе|өзгөртүүсүз|күчүндө\s+калтыр",
    "overturned": r"\bотменен\w*|\bотменил\w*|жокко\s+чыгар",
    "modified": r"(?<!без\s)\bизменен\w*|\bизменил\w*|өзгөртүл",
    "terminated": r"прекращен\w*|токтотул",
    "partly granted": r"удовлетворен\w*\s+частично|частично\s+удовлетвор|жарым-жартылай\s+канааттандыр",
    "convicted": r"\bосужден\w*|признан\w*\s+виновн|эркиндигинен\s+ажыратыл",
    "acquitted": r"\bоправдан\w*|акталган",
    "dismissed": r"\bотказано|\bотказать|баш\s+тарт",
    "granted": r"удовлетворен\w*|удовлетворить|канааттандырыл\w*|признан\w*\s+незаконн|восстановлен",
}
FIRST_INSTANCE = ["convicted", "acquitted", "terminated", "partly granted", "dismissed", "granted"]
REVIEW = ["overturned", "modified", "upheld", "terminated", "partly granted", "dismissed", "granted"]
ROLE_WORD = re.compile(r"(?i)(?<![\w])(?:председательствующ\w*|судья|судьи|судьялар|докладчик\w*|баяндамачы|баяндоочу|"
                       r"төрагалык|кыл[а-яөүң]*)(?![\w])")
JUDGES = re.compile(r"\(\s*(?:[Пп]редседательств|[Сс]удья|[Сс]удьи|[Сс]удьялар|[Тт]өрагалык)[^()]{0,300}\)")
REVIEW_ENDS = re.compile(r"(?i)рассмотрев|рассмотрел\w*|\bкарады\b|\bкарап\b|у\s*с\s*т\s*а\s*н\s*о\s*в\s*и\s*л|т\s*а\s*п\s*т\s*ы")
STORY_ENDS = re.compile(r"(?i)у\s*с\s*т\s*а\s*н\s*о\s*в\s*и\s*л\s*а?\s*:|т\s*а\s*п\s*т\s*ы\s*:|заслушав|угуп")
NEAR = 260  # characters between a court's name and the date of its act
RU_GAP = re.compile(r"[\s,]*(?:г\.\s*\w+[\s,]*)?от\s*")
KY_GAP = re.compile(r"(?i)(?:\s+[а-яөүң-]+){0,14}?\s+(?:сотунун|коллегиясынын|коллегиясы)\s*|\s*")


@dataclass
class LowerAct:
    court: str
    date: str  # YYYY-MM-DD
    kind: str | None = None  # verdict, decision, ruling, resolution
    judge: str | None = None  # the judge, or the presiding judge of a panel, nominative
    outcome: str | None = None

    def as_json(self) -> dict[str, object]:
        return asdict(self)


@dataclass
class _Mention:
    court: str
    date: str
    start: int
    end: int
    kind: str | None


def lower_acts(text: str, deciding_court: str | None = None) -> list[LowerAct]:
    """The acts under review, the first instance's first."""
    text = text.replace("\u00ad", "-")
    told = text[:_retold_until(text)]
    mentions = [m for m in _mentions(told) if m.court != deciding_court]
    opening = _review_sentence_end(told)
    counts: dict[tuple[str, str], int] = {}
    for m in mentions:
        counts[(m.court, m.date)] = counts.get((m.court, m.date), 0) + 1
    kept = {(m.court, m.date) for m in mentions if counts[(m.court, m.date)] > 1 or m.start < opening}
    acts: dict[tuple[str, str], LowerAct] = {}
    for m in mentions:
        if (m.court, m.date) in kept:
            act = acts.setdefault((m.court, m.date), LowerAct(m.court, m.date))
            act.kind = act.kind or m.kind
    ordered = sorted(acts.values(), key=lambda a: a.date)
    _judges_and_outcomes(told, [m for m in mentions if (m.court, m.date) in kept], ordered)
    return ordered


def _retold_until(text: str) -> int:
    """Where the retelling of the lower acts ends: at "установила:" /
    "таппы:", or after the last judges' parenthesis where an act tells
    its story first (newer acts do)."""
    story = STORY_ENDS.search(text)
    end = story.start() if story else min(len(text), 6000)
    parentheses = [p.end() for p in JUDGES.finditer(text, 0, min(len(text), 8000))]
    return max([end] + parentheses)


def _review_sentence_end(text: str) -> int:
    """The end of the sentence saying what the court considered: the
    lower acts it names are the ones under review."""
    russian = re.search(r"(?i)рассм[оа]тр", text)
    if russian:
        end = re.compile(r"\.\s*\n\s*[А-ЯӨҮ]|у\s*с\s*т\s*а\s*н\s*о\s*в\s*и\s*л").search(text, russian.end())
        return end.start() if end else russian.end() + 1500
    kyrgyz = re.search(r"(?i)\bкара(?:л)?ды\b|\bкарап\b", text)
    return kyrgyz.end() if kyrgyz else 0


def _mentions(text: str) -> list[_Mention]:
    """Court-and-date pairs: "<court> от <date>" in Russian (the chamber is
    named before the court), "<court> <chamber>-нын <date>-дагы <kind>" in
    Kyrgyz (after it)."""
    named = courts.mentions(text)
    found = []
    for when in dates_in(text):
        if not when.cited:
            continue
        before = [c for c in named if c[1] <= when.start and when.start - c[1] <= NEAR]
        if not before:
            continue
        start, end, court = before[-1]
        gap = text[end:when.start]
        russian = RU_GAP.fullmatch(gap)
        kyrgyz = KY_GAP.fullmatch(gap) and _kind_after(text, when.end)
        if russian or kyrgyz:
            found.append(_Mention(court, when.iso(), start, when.end, _kind(text, start, when.end)))
    return found


def _kind_after(text: str, end: int) -> str | None:
    """The kind of act a Kyrgyz date is followed by, a few words on
    ("...-дагы сырттан чыгарылган чечими", "...-дагы Х жөнүндөгү өкүмү")."""
    after = KIND_AFTER.match(text, end)
    return after.lastgroup if after else None


def _kind(text: str, start: int, end: int) -> str | None:
    """The kind of act: in Kyrgyz the word after the date ("-дагы өкүмү"),
    in Russian the word before the court ("решение ... суда")."""
    after = _kind_after(text, end)
    if after:
        return after
    before = list(KIND.finditer(text, max(0, start - 120), start))
    return before[-1].lastgroup if before else None


def _judges_and_outcomes(text: str, mentions: list[_Mention], acts: list[LowerAct]) -> None:
    """Each judges' parenthesis closes the retelling of one act: a single
    judge's is the earliest act's still without one (the first instance),
    a panel's the latest's (the appeal). The outcome is read from the
    retelling: from the act's last mention before the parenthesis to it."""
    for paren in JUDGES.finditer(text):
        names = [nominative_name(m.group(), "nom") for m in NAME.finditer(ROLE_WORD.sub(" ", paren.group()))]
        waiting = [a for a in acts if a.judge is None]
        if not names or not waiting:
            continue
        act = waiting[0] if len(names) == 1 else waiting[-1]
        act.judge = names[0]
        told = [m for m in mentions if (m.court, m.date) == (act.court, act.date) and m.start < paren.start()]
        if told:
            act.outcome = outcome(text[told[-1].end:paren.start()], first=act is acts[0])
    for act in acts:
        if act.outcome is None and act.judge is None:
            told = [m for m in mentions if (m.court, m.date) == (act.court, act.date)]
            act.outcome = outcome(text[told[-1].end:told[-1].end + 400], first=act is acts[0]) if told else None


def outcome(told: str, first: bool = False) -> str | None:
    """What an act did, from its retelling. A first instance convicts or
    grants; a review upholds, overturns or changes (and may keep a
    measure "без изменения" while overturning, so overturning is read first)."""
    order = FIRST_INSTANCE if first else REVIEW
    for name in order:
        if re.search(OUTCOMES[name], told, re.IGNORECASE):
            return name
    return None
