"""Metadata of a court act, read from its text in Kyrgyz or Russian.

The court (normalised to the registry, whatever era or language names
it), the case number (today's "05-354/26-ГД", "ВСИ604-0203/26-УД" and
Soviet "дело № 2-345/1967"), the date of the act, the case type, the
judges, the articles of codes cited (code, article, part) and the archive
reference ("Ф. 1, оп. 3, д. 45, л. 12"). Each field is absent (None or
empty) when the text does not say it. The opening of an act says most of
this, so the court, number and date are looked for there first.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date

from indexing.normalise import repair_look_alikes
from indexing.query import CODES

HEAD = 1500  # characters: where an act names its court, number and date

# The court registry: today's Russian name first (the canonical one), then
# its Kyrgyz name and Soviet-era names.
COURTS: list[tuple[str, ...]] = [
    ("Верховный суд Кыргызской Республики", "Кыргыз Республикасынын Жогорку соту", "Верховный суд Киргизской ССР"),
    ("Бишкекский городской суд", "Бишкек шаардык соту", "Фрунзенский городской суд"),
    ("Ленинский районный суд города Бишкек", "Бишкек шаарынын Ленин райондук соту", "Народный суд Ленинского района города Фрунзе"),
    ("Свердловский районный суд города Бишкек", "Бишкек шаарынын Свердлов райондук соту", "Народный суд Свердловского района города Фрунзе"),
    ("Первомайский районный суд города Бишкек", "Бишкек шаарынын Биринчи май райондук соту", "Народный суд Первомайского района города Фрунзе"),
    ("Октябрьский районный суд города Бишкек", "Бишкек шаарынын Октябрь райондук соту", "Народный суд Октябрьского района города Фрунзе"),
    ("Чуйский областной суд", "Чүй облустук соту", "Фрунзенский областной суд"),
    ("Ошский областной суд", "Ош облустук соту"),
    ("Ошский городской суд", "Ош шаардык соту", "Народный суд города Ош"),
    ("Нарынский областной суд", "Нарын облустук соту"),
    ("Иссык-Кульский областной суд", "Ысык-Көл облустук соту"),
    ("Каракольский городской суд", "Каракол шаардык соту", "Народный суд города Пржевальска", "Пржевальский городской народный суд"),
    ("Балыкчинский городской суд", "Балыкчы шаардык соту", "Народный суд города Рыбачье"),
    ("Таласский областной суд", "Талас облустук соту"),
    ("Джалал-Абадский областной суд", "Жалал-Абад облустук соту"),
    ("Баткенский областной суд", "Баткен облустук соту"),
    ("Токмокский городской суд", "Токмок шаардык соту", "Народный суд города Токмака"),
]
CASE_TYPES = [
    ("criminal", r"уголовн\w*|приговор\w*|подсудим\w*|кылмыш\w*|өкүм\w*|айыпталуучу\w*|соттолуучу\w*"),
    ("administrative", r"административн\w*|административдик\w*"),
    ("economic", r"экономическ\w*|хозяйственн\w*|экономикалык\w*|межхозяйственн\w*"),
    ("civil", r"гражданск\w*|жарандык\w*|истец\w*|истца|ответчик\w*|доогер\w*|жоопкер\w*"),
]
MONTHS = ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"]
NUMBER = re.compile(
    r"(?:№|N|Иш\s*№|дело\s*№|иш\s*№)\s*"
    r"([А-ЯA-Z]{0,4}\d{1,4}-\d{1,5}(?:/\d{2,4})?(?:-?[А-ЯA-Z]{1,3}\d?)?|[А-ЯA-Z]{1,4}-\d{1,5}/\d{2,4})"
)
DOTTED_DATE = re.compile(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?!\d)")
WORD_DATE_RU = re.compile(r"(?i)(?<!\d)(\d{1,2})\s+(январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр)\w*\s+((?:19|20)\d{2})")
WORD_DATE_KY = re.compile(r"(?i)((?:19|20)\d{2})-?\s*жыл\w*\s+(\d{1,2})-?\s*(январ|феврал|март|апрел|май|июн|июл|август|сентябр|октябр|ноябр|декабр)\w*")
JUDGE = re.compile(
    r"(?:председательствующ\w+\s+судь[ия]|судь[яи]|төрагалык\s+кылуучу(?:\s+судья)?)\s+"
    r"([А-ЯЁӨҮҢ][а-яёөүң]+(?:\s+[А-ЯЁӨҮҢ]\.\s?[А-ЯЁӨҮҢ]\.?)?)"
)
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
WHERE_TO_APPEAL = re.compile(r"(?i)[^.\n]*(?:обжалован|может быть обжал|даттанууга|даттанылышы|шикаят)[^.\n]*")
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
SUPREME = "Верховный суд Кыргызской Республики"


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

    def as_json(self) -> dict[str, object]:
        return asdict(self)


def _court_pattern(name: str) -> re.Pattern[str]:
    """A court's name in any case: each word's beginning, any ending."""
    words = [re.escape(w[: max(3, len(w) - 3)]) + r"\w*" for w in name.split()]
    return re.compile(r"(?i)" + r"\s+".join(words))


COURT_PATTERNS = [(entry[0], _court_pattern(alias)) for entry in COURTS for alias in entry]
# Longer names first: "Народный суд Ленинского района города Фрунзе" before "Фрунзенский городской суд".
COURT_PATTERNS.sort(key=lambda item: -len(item[1].pattern))


def extract(text: str) -> Metadata:
    # OCR puts Latin look-alikes into Cyrillic words ("Фрунзeнский"): mended first.
    text = re.sub(r"\w+", lambda m: repair_look_alikes(m.group()), text)
    head = text[:HEAD]
    found = Metadata()
    sure: dict[str, float] = {}
    court = _deciding_court(head)
    if court:
        found.court, sure["court"] = court[0], 0.95 if court[1] < 400 else 0.8
    number = NUMBER.search(head)
    if number:
        found.case_number, sure["case_number"] = number.group(1), 0.95
    found.date = _first_date(head)
    if found.date:
        sure["date"] = 0.9
    found.case_type, sure["case_type"] = _case_type_with_share(head)
    if found.case_type is None:
        found.case_type, sure["case_type"] = _case_type_with_share(text)
    found.judges = list(dict.fromkeys(m.group(1).strip() for m in JUDGE.finditer(text)))
    found.articles = _articles(text)
    archive = ARCHIVE.search(text)
    found.archive_ref = archive.group() if archive else None
    found.instance, sure["instance"] = _instance(head, found.court)
    found.result, sure["result"] = _result(text)
    sure.update({"judges": 0.8} if found.judges else {})
    sure.update({"articles": 0.9} if found.articles else {})
    sure.update({"archive_ref": 0.95} if found.archive_ref else {})
    found.confidence = {k: v for k, v in sure.items() if getattr(found, k)}
    return found


def _deciding_court(head: str) -> tuple[str, int] | None:
    """The court that made the act: the first one named, leaving out the
    sentence saying where to appeal; an appeal names the lower court later.
    Of names starting at one place, the longest ("...района города Фрунзе")."""
    said = WHERE_TO_APPEAL.sub(lambda m: " " * len(m.group()), head)
    best: tuple[int, int, str] | None = None
    for canonical, pattern in COURT_PATTERNS:
        match = pattern.search(said)
        if match and (best is None or (match.start(), -len(match.group())) < best[:2]):
            best = (match.start(), -len(match.group()), canonical)
    return (best[2], best[0]) if best else None


def _case_type_with_share(text: str) -> tuple[str | None, float]:
    counts = {kind: len(re.findall(pattern, text, re.IGNORECASE)) for kind, pattern in CASE_TYPES}
    best = max(counts, key=lambda k: counts[k])
    total = sum(counts.values())
    return (best, round(0.5 + 0.5 * counts[best] / total, 2)) if counts[best] else (None, 0.0)


def _instance(head: str, court: str | None) -> tuple[str | None, float]:
    said = WHERE_TO_APPEAL.sub(" ", head)
    for instance, pattern in INSTANCES:
        if re.search(pattern, said, re.IGNORECASE):
            return instance, 0.9
    if court is None:
        return None, 0.0
    return ("cassation", 0.6) if court == SUPREME else ("first", 0.7)


def _result(text: str) -> tuple[str | None, float]:
    operative = list(OPERATIVE.finditer(text))
    part, sure = (text[operative[-1].end():], 0.85) if operative else (text, 0.6)
    part = WHERE_TO_APPEAL.sub(" ", part)
    for result, pattern in RESULTS:
        if re.search(pattern, part, re.IGNORECASE):
            return result, sure
    return None, 0.0


def _first_date(text: str) -> str | None:
    candidates: list[tuple[int, date]] = []
    for m in DOTTED_DATE.finditer(text):
        candidates += _valid(m.start(), int(m.group(3)), int(m.group(2)), int(m.group(1)))
    for m in WORD_DATE_RU.finditer(text):
        candidates += _valid(m.start(), int(m.group(3)), _month(m.group(2)), int(m.group(1)))
    for m in WORD_DATE_KY.finditer(text):
        candidates += _valid(m.start(), int(m.group(1)), _month(m.group(3)), int(m.group(2)))
    return min(candidates)[1].isoformat() if candidates else None


def _month(word: str) -> int:
    """A month's number from the beginning of its Russian or Kyrgyz name (март before ма[й/я])."""
    lower = word.lower()
    return 3 if lower.startswith("март") else next(i for i, m in enumerate(MONTHS, start=1) if lower.startswith(m))


def _valid(position: int, year: int, month: int, day: int) -> list[tuple[int, date]]:
    try:
        return [(position, date(year, month, day))]
    except ValueError:
        return []


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
