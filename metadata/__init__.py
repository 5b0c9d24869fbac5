"""Metadata of a court act, read from its text in Kyrgyz or Russian.

The court (normalised to the registry, whatever era or language names
it: metadata/courts.py), the case numbers (the deciding court's and the
lower courts': metadata/case_numbers.py), the act's own date apart from the
dates it cites (metadata/dates.py), the kind of act, the case type, the
composition of the court with names in the nominative
(anonymise/composition.py), the lower courts' acts under review
(metadata/lower_acts.py), the parties' roles (metadata/parties.py, staff
only), the articles of codes cited (code, article, part) and the archive
reference ("Ф. 1, оп. 3, д. 45, л. 12"). Each field is absent (None or
empty) when the text does not say it. The opening of an act says most of
this, so the court, number and date are looked for there first.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from anonymise.composition import Composition, composition
from indexing.normalise import repair_look_alikes
from indexing.query import CODES
from metadata import courts
from metadata.case_numbers import case_numbers
from metadata.dates import act_date
from metadata.lower_acts import lower_acts
from metadata.parties import parties

HEAD = 1500  # characters: where an act names its court, number and date

CASE_TYPES = [
    ("criminal", r"уголовн\w*|приговор\w*|подсудим\w*|кылмыш\w*|өкүм\w*|айыпталуучу\w*|соттолуучу\w*"),
    ("administrative", r"административн\w*|административдик\w*"),
    ("economic", r"экономическ\w*|хозяйственн\w*|экономикалык\w*|межхозяйственн\w*"),
    ("civil", r"гражданск\w*|жарандык\w*|истец\w*|истца|ответчик\w*|доогер\w*|жоопкер\w*"),
]
ARTICLE_RU = re.compile(
    r"(?i)(?:ст\.|статьи|статья|статье|статьей|статьям)\s*(\d+)(?:[-–]\d+)?"
    r"(?:\s*(?:ч\.|части|часть)\s*(\d+))?(?:\s*(?:п\.|пункта?)\s*\S+)?\s*(УК|ГК|УПК|ГПК|КоАО|ТК|СК|ЗК|НК|АПК)"
)
ARTICLE_RU_PART_FIRST = re.compile(
    r"(?i)(?:ч\.|части|часть)\s*(\d+)\s*(?:ст\.|статьи)\s*(\d+)(?:[-–]\d+)?\s*(УК|ГК|УПК|ГПК|КоАО|ТК|СК|ЗК|НК|АПК)"
)
ARTICLE_KY = re.compile(
    r"(?i)(Кылмыш-жаза|Жарандык|Кылмыш-жаза процесстик|Жарандык процесстик)\s+кодексинин\s+(\d+)-берене\w*"
    r"(?:\s+(\d+)-бөлүг\w*)?"
)
KY_CODES = {"кылмыш-жаза": "УК", "жарандык": "ГК", "кылмыш-жаза процесстик": "УПК", "жарандык процесстик": "ГПК"}
ARCHIVE = re.compile(r"(?i)Ф\.\s*\d+[а-я]?\s*,\s*оп\.\s*\d+\s*,\s*д\.\s*\d+(?:\s*[-–]\s*\d+)?(?:\s*,\s*л\.\s*\d+(?:\s*[-–]\s*\d+)?)?")


@dataclass
class Article:
    code: str
    article: str
    part: str | None = None

    def key(self) -> str:
        """As the index and the query language write it: "УК 168"."""
        return f"{self.code} {self.article}"

    def cited(self) -> str:
        """As an act cites it, and as an operator types it back: "ст. 168 ч. 2 УК"."""
        return f"ст. {self.article}" + (f" ч. {self.part}" if self.part else "") + f" {self.code}"


def first_line(text: str, fallback: str, limit: int = 120) -> str:
    """A text's first line with anything on it: what a court act is called
    (its heading), where nothing better is known."""
    return next((line.strip() for line in text.splitlines() if line.strip()), fallback)[:limit]


# The instance, from what the act says it does (never from the sentence
# telling the parties where they may appeal).
INSTANCES = [
    ("cassation", r"кассационн\w*\s+(?:жалоб|представлен|порядке|определени|инстанци)\w*|надзорн\w*|"
                  r"кассациялык\s+(?:арыз|даттануу|тартип)\w*|көзөмөлдөө\s+тартибинде"),
    ("appeal", r"апелляционн\w*\s+(?:жалоб|представлен|порядке|определени|инстанци)\w*|"
               r"апелляциялык\s+(?:арыз|даттануу|тартип)\w*"),
]
APPEAL_WORDS = re.compile(r"(?i)обжалован|может быть обжал|даттанууга|даттанылышы|шикаят")
# The outcome, read from the operative part; earlier entries win (a refusal
# contains the word "удовлетворить" too).
RESULTS = [
    ("overturned", r"\bотменить|жокко\s+чыгарыл\w*"),
    ("modified", r"\bизменить\b|өзгөртүлсүн"),
    ("upheld", r"оставить\s+без\s+изменения|өзгөртүүсүз\s+калтырыл\w*"),
    ("acquitted", r"\bоправдать|акталсын"),
    ("convicted", r"признать\s+виновн\w*|күнөөлүү\s+деп\s+табыл\w*"),
    ("dismissed", r"(?:в\s+(?:удовлетворении\s+)?иск\w*|в\s+удовлетворении)\s+(?:\w+\s+){0,3}отказать|"
                  r"канааттандыруудан\s+баш\s+тарт\w*"),
    ("partly granted", r"удовлетворить\s+частично|частично\s+удовлетворить|жарым-жартылай\s+канааттандырыл\w*"),
    ("granted", r"удовлетворить|канааттандырылсын"),
]
OPERATIVE = re.compile(r"(?i)\b(?:постановил|решил|определил|приговорил|постановила|определила|чечти|аныктады|"
                       r"токтом\s+кылды|өкүм\s+кылды)\b")
SUPREME = courts.SUPREME
# The kind of act, from its heading ("П О С Т А Н О В Л Е Н И Е", "ТОКТОМУ").
ACT_KINDS = [("resolution", r"постановлени[ея]|токтом[уы]?"), ("ruling", r"определени[ея]|аныктама(?:сы)?"),
             ("verdict", r"приговор|өкүм"), ("decision", r"решени[ея]|чечим")]


@dataclass
class Metadata:
    court: str | None = None
    case_number: str | None = None
    date: str | None = None  # YYYY-MM-DD
    case_type: str | None = None
    judges: list[str] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    archive_ref: str | None = None
    instance: str | None = None  # first, appeal, cassation
    result: str | None = None  # granted, partly granted, dismissed, convicted, acquitted, upheld, modified, overturned
    # How sure each field found is, 0-1 (an operator's correction is 1).
    confidence: dict[str, float] = field(default_factory=dict)
    act_kind: str | None = None  # resolution, ruling, verdict, decision: what the heading calls the act
    other_numbers: list[str] = field(default_factory=list)  # the deciding court's further numbers
    lower_case_numbers: list[str] = field(default_factory=list)  # the lower courts' numbers: the appeal chain
    composition: dict[str, object] = field(default_factory=dict)  # anonymise.composition.Composition
    lower_acts: list[dict[str, object]] = field(default_factory=list)  # metadata.lower_acts.LowerAct
    # Parties by role, with names: for the staff catalog only, never a public output.
    parties: list[dict[str, str]] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return asdict(self)


def extract(text: str) -> Metadata:
    text = _mended(text)
    head = text[:HEAD]
    found, court_at = _heading(head)
    sure: dict[str, float] = {}
    if found.court:
        sure["court"] = 0.95 if court_at < 400 else 0.8
    sure.update({"case_number": 0.95} if found.case_number else {})
    sure.update({"date": 0.9} if found.date else {})
    found.case_type, sure["case_type"] = _case_type_with_share(head)
    if found.case_type is None:
        found.case_type, sure["case_type"] = _case_type_with_share(text)
    panel = composition(text)
    found.composition = panel.as_json() if panel != Composition() else {}
    found.judges = panel.panel()
    found.articles = _articles(text)
    archive = ARCHIVE.search(text)
    found.archive_ref = archive.group() if archive else None
    found.instance, sure["instance"] = _instance(head, found.court)
    found.result, sure["result"] = _result(text)
    found.lower_acts = [act.as_json() for act in lower_acts(text, found.court)]
    staff = found.judges + [n for n in (panel.secretary, panel.prosecutor, panel.reporting) if n] + panel.lawyers
    found.parties = [p.as_json() for p in parties(text, staff)]
    # Read from the act's structure: sure where the structure is the usual one.
    sure.update({"act_kind": 0.9, "other_numbers": 0.8, "lower_case_numbers": 0.9, "composition": 0.85,
                 "lower_acts": 0.7, "parties": 0.6})
    sure.update({"judges": 0.8} if found.judges else {})
    sure.update({"articles": 0.9} if found.articles else {})
    sure.update({"archive_ref": 0.95} if found.archive_ref else {})
    found.confidence = {k: v for k, v in sure.items() if getattr(found, k)}
    return found


def heading(text: str) -> Metadata:
    """What an act's opening says of it (court, numbers, date, kind), read
    alone: a title needs no more, and a feed of a hundred titles must not
    read a hundred panels and lower courts' acts."""
    return _heading(_mended(text[:HEAD]))[0]


def _mended(text: str) -> str:
    """Soft hyphens back to hyphens, and the Latin look-alikes OCR puts
    into Cyrillic words ("Фрунзeнский") mended."""
    return re.sub(r"\w+", lambda m: repair_look_alikes(m.group()), text.replace("\u00ad", "-"))


def _heading(head: str) -> tuple[Metadata, int]:
    """The opening's fields, and where the court is named (-1: nowhere)."""
    found = Metadata()
    court = _deciding_court(head)
    found.court = court[0] if court else None
    numbers = case_numbers(head)
    found.case_number, found.other_numbers, found.lower_case_numbers = numbers.deciding, numbers.others, numbers.lower
    found.date, found.act_kind = act_date(head), _act_kind(head)
    return found, court[1] if court else -1


def _act_kind(head: str) -> str | None:
    """What the heading calls the act, its letters spaced or not ("П О С Т А Н О В Л Е Н И Е")."""
    for line in head.splitlines()[:12]:
        word = re.sub(r"\s", "", line).lower()
        for kind, pattern in ACT_KINDS:
            # "РЕШЕНИЕ ИМЕНЕМ КЫРГЫЗСКОЙ РЕСПУБЛИКИ", "КЫРГЫЗ РЕСПУБЛИКАСЫНЫН АТЫНАН ЧЕЧИМ" too.
            if re.fullmatch(rf"(?:кыргызреспубликасынынатынан)?(?:{pattern})(?:именем[а-яё]*)?", word):
                return kind
    return None


def without_appeal_sentences(text: str) -> str:
    """The text with each sentence saying where the act may be appealed
    blanked out (its length kept, so positions still hold): that sentence
    names a court and an instance that are not this act's."""
    out = list(text)
    for word in APPEAL_WORDS.finditer(text):
        start = max(text.rfind(".", 0, word.start()), text.rfind("\n", 0, word.start())) + 1
        ends = [i for i in (text.find(".", word.end()), text.find("\n", word.end())) if i >= 0]
        end = min(ends) if ends else len(text)
        out[start:end] = " " * (end - start)
    return "".join(out)


def _deciding_court(head: str) -> tuple[str, int] | None:
    """The court that made the act: the first one named, leaving out the
    sentence saying where to appeal; an appeal names the lower court later."""
    said = without_appeal_sentences(head)
    named = courts.mentions(said)
    return (named[0][2], named[0][0]) if named else None


def _case_type_with_share(text: str) -> tuple[str | None, float]:
    counts = {kind: len(re.findall(pattern, text, re.IGNORECASE)) for kind, pattern in CASE_TYPES}
    best = max(counts, key=lambda k: counts[k])
    total = sum(counts.values())
    return (best, round(0.5 + 0.5 * counts[best] / total, 2)) if counts[best] else (None, 0.0)


def _instance(head: str, court: str | None) -> tuple[str | None, float]:
    said = without_appeal_sentences(head)
    for instance, pattern in INSTANCES:
        if re.search(pattern, said, re.IGNORECASE):
            return instance, 0.9
    if court is None:
        return None, 0.0
    return ("cassation", 0.6) if court == SUPREME else ("first", 0.7)


def _result(text: str) -> tuple[str | None, float]:
    operative = list(OPERATIVE.finditer(text))
    part, sure = (text[operative[-1].end():], 0.85) if operative else (text, 0.6)
    part = without_appeal_sentences(part)
    for result, pattern in RESULTS:
        if re.search(pattern, part, re.IGNORECASE):
            return result, sure
    return None, 0.0


def _articles(text: str) -> list[Article]:
    found: dict[tuple[str, str, str | None], Article] = {}
    for m in ARTICLE_RU.finditer(text):
        article = Article(CODES.get(m.group(3).lower(), m.group(3)), m.group(1), m.group(2))
        found.setdefault((article.code, article.article, article.part), article)
    for m in ARTICLE_RU_PART_FIRST.finditer(text):
        article = Article(CODES.get(m.group(3).lower(), m.group(3)), m.group(2), m.group(1))
        found.setdefault((article.code, article.article, article.part), article)
    for m in ARTICLE_KY.finditer(text):
        article = Article(KY_CODES[m.group(1).lower()], m.group(2), m.group(3))
        found.setdefault((article.code, article.article, article.part), article)
    # "ч. 2 ст. 97 УК" is read both ways: the article without its part goes.
    with_part = {(a.code, a.article) for a in found.values() if a.part}
    return [a for a in found.values() if a.part or (a.code, a.article) not in with_part]
