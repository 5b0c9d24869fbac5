"""The annotated set of the metadata benchmark: court acts in Russian and
Kyrgyz, Soviet and current, first instance, appeal and cassation, with
every field the extractor should find written down as the truth.

Acts are put together from the shapes real ones have: a heading, the
court and its composition, the case and its number, the articles, the
operative part with its result, a line telling where to appeal (which
names another court and another instance, as a trap), an archive
reference on Soviet files. Appeal and cassation acts name the lower
court too. A third of the acts carry OCR noise: Latin look-alike letters
inside words, "N" for "№", doubled spaces. A seed gives the same set.

Caveat: the same hand wrote this set and the extractor.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

MONTHS_RU = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
             "ноября", "декабря"]
MONTHS_KY = ["январында", "февралында", "мартында", "апрелинде", "майында", "июнунда", "июлунда", "августунда",
             "сентябрында", "октябрында", "ноябрында", "декабрында"]
# (canonical, Russian as the act writes it in the nominative, Kyrgyz, Soviet Russian or None)
COURTS = [
    ("Ленинский районный суд города Бишкек", "Ленинский районный суд города Бишкек", "Бишкек шаарынын Ленин райондук соту",
     "Народный суд Ленинского района города Фрунзе"),
    ("Свердловский районный суд города Бишкек", "Свердловский районный суд города Бишкек",
     "Бишкек шаарынын Свердлов райондук соту", "Народный суд Свердловского района города Фрунзе"),
    ("Октябрьский районный суд города Бишкек", "Октябрьский районный суд города Бишкек",
     "Бишкек шаарынын Октябрь райондук соту", "Народный суд Октябрьского района города Фрунзе"),
    ("Ошский городской суд", "Ошский городской суд", "Ош шаардык соту", "Народный суд города Ош"),
    ("Каракольский городской суд", "Каракольский городской суд", "Каракол шаардык соту", "Народный суд города Пржевальска"),
    ("Токмокский городской суд", "Токмокский городской суд", "Токмок шаардык соту", "Народный суд города Токмака"),
    ("Балыкчинский городской суд", "Балыкчинский городской суд", "Балыкчы шаардык соту", "Народный суд города Рыбачье"),
]
APPEAL_COURTS = [
    ("Бишкекский городской суд", "Бишкекский городской суд", "Бишкек шаардык соту", "Фрунзенский городской суд"),
    ("Чуйский областной суд", "Чуйский областной суд", "Чүй облустук соту", "Фрунзенский областной суд"),
    ("Ошский областной суд", "Ошский областной суд", "Ош облустук соту", None),
    ("Иссык-Кульский областной суд", "Иссык-Кульский областной суд", "Ысык-Көл облустук соту", None),
]
SUPREME = ("Верховный суд Кыргызской Республики", "Верховный суд Кыргызской Республики",
           "Кыргыз Республикасынын Жогорку соту", "Верховный суд Киргизской ССР")
JUDGES = ["Смирнов В.И.", "Бейшеналиев А.Т.", "Токтосунов К.Б.", "Абдыраев М.С.", "Калиева Н.А.", "Молдокулов Э.Ж."]
CRIMINAL_RU = [("97", "2"), ("168", "2"), ("130", None), ("164", "3"), ("174", "1")]
CIVIL_RU = [("299", None), ("405", None), ("1001", "1"), ("56", None)]
LOOK = str.maketrans({"а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x"})


@dataclass
class Act:
    text: str
    language: str
    truth: dict[str, object] = field(default_factory=dict)


def annotated_set(count: int = 48, seed: int = 11) -> list[Act]:
    rng = random.Random(seed)
    acts = []
    for i in range(count):
        language = "ru" if i % 2 == 0 else "ky"
        soviet = language == "ru" and i % 6 in (0, 4)  # Soviet acts were written in Russian
        instance = ["first", "first", "appeal", "cassation"][i % 4]
        case_type = "criminal" if i % 3 != 1 else "civil"
        act = _act(rng, language, soviet, instance, case_type)
        if i % 3 == 2:
            act.text = _ocr_noise(act.text, rng)
        acts.append(act)
    return acts


def _date(rng: random.Random, soviet: bool) -> tuple[int, int, int]:
    year = rng.randint(1962, 1990) if soviet else rng.randint(1996, 2026)
    return year, rng.randint(1, 12), rng.randint(1, 28)


def _number(rng: random.Random, soviet: bool, case_type: str, year: int, instance: str) -> str:
    kind = "1" if case_type == "criminal" else "2"
    if soviet:
        return f"{kind}-{rng.randint(10, 899)}/{year}"
    suffix = "УД" if case_type == "criminal" else "ГД"
    if instance == "cassation":
        return f"ВСИ{rng.randint(100, 999)}-{rng.randint(1, 9999):04d}/{year % 100:02d}-{suffix}"
    return f"{rng.randint(1, 9):02d}-{rng.randint(10, 999)}/{year % 100:02d}-{suffix}"


def _articles(rng: random.Random, case_type: str) -> list[tuple[str, str, str | None]]:
    pool = CRIMINAL_RU if case_type == "criminal" else CIVIL_RU
    code = "УК" if case_type == "criminal" else "ГК"
    return [(code, a, p) for a, p in rng.sample(pool, rng.randint(1, 2))]


def _cite_ru(code: str, article: str, part: str | None, rng: random.Random, soviet: bool) -> str:
    tail = f"{code} Киргизской ССР" if soviet else f"{code} КР" if rng.random() < 0.5 else code
    if part and rng.random() < 0.5:
        return f"ч. {part} ст. {article} {tail}"
    return f"ст. {article}" + (f" ч. {part}" if part else "") + f" {tail}"


def _cite_ky(code: str, article: str, part: str | None) -> str:
    name = "Кылмыш-жаза" if code == "УК" else "Жарандык"
    return f"{name} кодексинин {article}-беренеси" + (f"нин {part}-бөлүгү" if part else "")


RESULTS = {
    ("first", "criminal"): ["convicted", "acquitted"],
    ("first", "civil"): ["granted", "partly granted", "dismissed"],
    ("appeal", "criminal"): ["upheld", "overturned", "modified"],
    ("appeal", "civil"): ["upheld", "overturned"],
    ("cassation", "criminal"): ["upheld", "overturned"],
    ("cassation", "civil"): ["upheld", "overturned"],
}
OPERATIVE_RU = {
    "convicted": "признать виновным и назначить наказание в виде лишения свободы сроком на 3 года.",
    "acquitted": "оправдать за отсутствием состава преступления.",
    "granted": "иск удовлетворить, взыскать с ответчика сумму долга.",
    "partly granted": "иск удовлетворить частично.",
    "dismissed": "в удовлетворении иска отказать.",
    "upheld": "{act} оставить без изменения, жалобу без удовлетворения.",
    "overturned": "{act} отменить, дело направить на новое рассмотрение.",
    "modified": "{act} изменить, снизить срок наказания до 2 лет.",
}
OPERATIVE_KY = {
    "convicted": "айыпталуучу күнөөлүү деп табылсын жана 3 жылга эркинен ажыратылсын.",
    "acquitted": "айыпталуучу акталсын.",
    "granted": "доогердин доосу канааттандырылсын.",
    "partly granted": "доо жарым-жартылай канааттандырылсын.",
    "dismissed": "доону канааттандыруудан баш тартылсын.",
    "upheld": "{act} өзгөртүүсүз калтырылсын, арыз канааттандырылбасын.",
    "overturned": "{act} жокко чыгарылсын, иш кайра кароого жиберилсин.",
    "modified": "{act} өзгөртүлсүн, жаза 2 жылга чейин азайтылсын.",
}


def _act(rng: random.Random, language: str, soviet: bool, instance: str, case_type: str) -> Act:
    year, month, day = _date(rng, soviet)
    court = rng.choice(COURTS) if instance == "first" else rng.choice(APPEAL_COURTS) if instance == "appeal" else SUPREME
    if soviet and court[3] is None:
        court = APPEAL_COURTS[0]
    lower = rng.choice(COURTS)
    number = _number(rng, soviet, case_type, year, instance)
    articles = _articles(rng, case_type)
    result = rng.choice(RESULTS[(instance, case_type)])
    judge = rng.choice(JUDGES)
    archive = f"Ф. {rng.randint(1, 40)}, оп. {rng.randint(1, 9)}, д. {rng.randint(1, 400)}, л. {rng.randint(1, 90)}" if soviet else None
    truth = {
        "court": court[0], "case_number": number, "date": f"{year:04d}-{month:02d}-{day:02d}", "case_type": case_type,
        "instance": instance, "result": result, "articles": sorted(articles, key=str), "archive_ref": archive,
    }
    if language == "ru":
        text = _russian(rng, soviet, instance, case_type, court, lower, number, (year, month, day), articles, result, judge)
    else:
        text = _kyrgyz(rng, instance, case_type, court, lower, number, (year, month, day), articles, result, judge)
    if archive:
        text += f"\nАрхивная копия. {archive}\n"
    return Act(text, language, truth)


def _russian(rng, soviet, instance, case_type, court, lower, number, when, articles, result, judge) -> str:  # type: ignore[no-untyped-def]
    year, month, day = when
    name = court[3] if soviet else court[1]
    lower_name = lower[3] if soviet else lower[1]
    date_text = f"{day} {MONTHS_RU[month - 1]} {year} года" if rng.random() < 0.6 else f"{day:02d}.{month:02d}.{year}"
    state = "КИРГИЗСКОЙ ССР" if soviet else "КЫРГЫЗСКОЙ РЕСПУБЛИКИ"
    cites = " и ".join(_cite_ru(c, a, p, rng, soviet) for c, a, p in articles)
    matter = "уголовное дело" if case_type == "criminal" else "гражданское дело"
    subject = (f"по обвинению гражданина в совершении преступления, предусмотренного {cites}" if case_type == "criminal"
               else f"по иску о взыскании долга, руководствуясь {cites}")
    if instance == "first":
        heading = "ПРИГОВОР" if case_type == "criminal" else "РЕШЕНИЕ"
        opening = (f"{heading}\nИМЕНЕМ {state}\n{date_text}\n{name} в составе председательствующего судьи {judge}, "
                   f"при секретаре, рассмотрев в открытом судебном заседании {matter} № {number} {subject},")
        verb = "ПРИГОВОРИЛ" if case_type == "criminal" else "РЕШИЛ"
        operative = OPERATIVE_RU[result]
        appeal = f"Может быть обжаловано в апелляционном порядке в {APPEAL_COURTS[0][1]} в течение 30 дней."
    else:
        kind = "апелляционном" if instance == "appeal" else "кассационном"
        heading = "ОПРЕДЕЛЕНИЕ" if instance == "appeal" else "ПОСТАНОВЛЕНИЕ"
        act = "Приговор" if case_type == "criminal" else "Решение"
        opening = (f"{heading}\n{date_text}\nСудебная коллегия {name} в составе председательствующего судьи {judge}, "
                   f"рассмотрев в {kind} порядке {matter} № {number} по {kind[:-2]}ой жалобе на "
                   f"{act.lower()} {lower_name}, {subject},")
        verb = "ОПРЕДЕЛИЛА" if instance == "appeal" else "ПОСТАНОВИЛА"
        operative = OPERATIVE_RU[result].format(act=f"{act} {lower_name}")
        appeal = "Определение может быть обжаловано в кассационном порядке." if instance == "appeal" else ""
    story = ("Суд, исследовав материалы дела, выслушав стороны, установил обстоятельства, имеющие значение для дела. "
             "Доводы сторон проверены и оценены в совокупности.")
    return f"{opening}\nУСТАНОВИЛ:\n{story}\n{verb}:\n{operative}\n{appeal}\n"


def _kyrgyz(rng, instance, case_type, court, lower, number, when, articles, result, judge) -> str:  # type: ignore[no-untyped-def]
    year, month, day = when
    date_text = f"{year}-жылдын {day}-{MONTHS_KY[month - 1]}" if rng.random() < 0.6 else f"{day:02d}.{month:02d}.{year}"
    cites = " жана ".join(_cite_ky(c, a, p) for c, a, p in articles)
    matter = "кылмыш ишин" if case_type == "criminal" else "жарандык ишти"
    if instance == "first":
        heading = "ӨКҮМ" if case_type == "criminal" else "ЧЕЧИМ"
        opening = (f"{heading}\nКЫРГЫЗ РЕСПУБЛИКАСЫНЫН АТЫНАН\n{date_text}\n{court[2]}, төрагалык кылуучу судья {judge}, "
                   f"Иш № {number} боюнча {matter} {cites} боюнча ачык сот отурумунда карап,")
        verb = "ӨКҮМ КЫЛДЫ" if case_type == "criminal" else "ЧЕЧТИ"
        operative = OPERATIVE_KY[result]
        appeal = f"Чечимге 30 күндүн ичинде {APPEAL_COURTS[0][2]}на апелляциялык тартипте даттанууга болот."
    else:
        kind = "апелляциялык" if instance == "appeal" else "кассациялык"
        heading = "АНЫКТАМА" if instance == "appeal" else "ТОКТОМ"
        act = "Өкүм" if case_type == "criminal" else "Чечим"
        opening = (f"{heading}\n{date_text}\n{court[2]}нун сот коллегиясы, төрагалык кылуучу судья {judge}, "
                   f"{lower[2]}нун {act.lower()}үнө берилген {kind} арызды карап, Иш № {number}, {cites},")
        verb = "АНЫКТАДЫ" if instance == "appeal" else "ТОКТОМ КЫЛДЫ"
        operative = OPERATIVE_KY[result].format(act=f"{lower[2]}нун {act.lower()}ү")
        appeal = ""
    story = "Сот иштин материалдарын изилдеп, тараптарды угуп, иш үчүн маанилүү жагдайларды аныктады."
    return f"{opening}\n{story}\n{verb}:\n{operative}\n{appeal}\n"


def _ocr_noise(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    for i, word in enumerate(words):
        if rng.random() < 0.15 and not any(ch.isdigit() for ch in word):
            words[i] = word.translate(LOOK)
    return " ".join(words).replace("№ ", "N ").replace(", ", ",  ", 2)
