"""A generator of court documents for the search benchmark.

Decisions in Kyrgyz and Russian from 1960 to 2025, of the four case types,
from the courts of the republic under their Soviet and current names,
citing articles of the codes. Kyrgyz documents before 1991 are typed
without ң ө ү, as on the typewriters of the time; some pages carry OCR
noise (Latin look-alike letters, words hyphenated across line breaks).

Documents are made one at a time from a seed, so the same generator gives
a thousand documents for a quick run or a million for the latency figures.
The judged queries (bench/search_queries.py) plant their target documents
among these; the background never uses the targets' words.
"""

from __future__ import annotations

import random
from typing import Iterator

from indexing import IndexedDocument

# (Kyrgyz name, Russian name, Soviet-era Russian name)
COURTS = [
    ("Кыргыз Республикасынын Жогорку соту", "Верховный суд Кыргызской Республики", "Верховный суд Киргизской ССР"),
    ("Бишкек шаардык соту", "Бишкекский городской суд", "Фрунзенский городской суд"),
    ("Бишкек шаарынын Ленин райондук соту", "Ленинский районный суд города Бишкек", "Народный суд Ленинского района города Фрунзе"),
    ("Бишкек шаарынын Свердлов райондук соту", "Свердловский районный суд города Бишкек", "Народный суд Свердловского района города Фрунзе"),
    ("Чүй облустук соту", "Чуйский областной суд", "Фрунзенский областной суд"),
    ("Ош облустук соту", "Ошский областной суд", "Ошский областной суд"),
    ("Ош шаардык соту", "Ошский городской суд", "Народный суд города Ош"),
    ("Нарын облустук соту", "Нарынский областной суд", "Нарынский областной суд"),
    ("Ысык-Көл облустук соту", "Иссык-Кульский областной суд", "Иссык-Кульский областной суд"),
    ("Каракол шаардык соту", "Каракольский городской суд", "Народный суд города Пржевальска"),
    ("Балыкчы шаардык соту", "Балыкчинский городской суд", "Народный суд города Рыбачье"),
    ("Талас облустук соту", "Таласский областной суд", "Таласский областной суд"),
    ("Жалал-Абад облустук соту", "Джалал-Абадский областной суд", "Джалал-Абадский областной суд"),
    ("Баткен облустук соту", "Баткенский областной суд", "Ошский областной суд"),
    ("Токмок шаардык соту", "Токмокский городской суд", "Народный суд города Токмака"),
]
PLACES_KY = ["Бишкек", "Ош", "Нарын", "Каракол", "Талас", "Токмок", "Балыкчы", "Кант", "Кара-Балта", "Жалал-Абад"]
PLACES_RU = ["Бишкек", "Ош", "Нарын", "Каракол", "Талас", "Токмок", "Балыкчы", "Кант", "Кара-Балта", "Джалал-Абад"]
SOVIET_PLACES = {"Бишкек": "Фрунзе", "Каракол": "Пржевальск", "Балыкчы": "Рыбачье", "Токмок": "Токмак"}
SURNAMES = ["Асанов", "Токтогулов", "Мамытов", "Жумабаев", "Осмонов", "Сыдыков", "Бакиров", "Иванов",
            "Петров", "Абдыкалыков", "Турдуев", "Садыков", "Эсенов", "Кадыров", "Алиев", "Касымов"]
JUDGES = ["А. Т. Бейшеналиев", "Н. К. Осмонова", "Р. Ж. Абдыраев", "В. И. Смирнов", "Г. С. Токтосунова", "Б. Ч. Калиев"]

# Background wording: what every decision of a kind says. The judged
# queries' words are kept out of it (bench/search_queries.py checks).
KY = {
    "criminal": [
        "{court} {date} {judge} төрагалык кылган соттук курамда кылмыш ишин ачык соттук отурумда карап, төмөнкүлөрдү аныктады.",
        "Айыпталуучу {name} {place} шаарында {crime} жасаган.",
        "Күбөлөрдүн көрсөтмөлөрү жана эксперттин корутундусу менен анын күнөөсү толук далилденди.",
        "Тараптардын сөзүн угуп, иштин материалдарын изилдеп, сот Кылмыш-жаза кодексинин {article}-беренесин жетекчиликке алды.",
        "Сот өкүм кылды: {name} күнөөлүү деп табылсын жана ага {years} жылга эркинен ажыратуу жазасы дайындалсын.",
        "Өкүмгө мыйзамда белгиленген мөөнөттө даттанууга болот.",
    ],
    "civil": [
        "{court} {date} {judge} төрагалык кылган соттук курамда жарандык ишти карап, төмөнкүлөрдү аныктады.",
        "Доогер {name} жоопкерге {claim} жөнүндө доо арыз менен кайрылган.",
        "Тараптар сот отурумуна келишти, доогер талабын колдоду, жоопкер доону тан алды.",
        "Иштин материалдарын изилдеп, сот Жарандык кодекстин {article}-беренесине ылайык чечим чыгарды.",
        "Доо канааттандырылсын, жоопкерден {amount} сом өндүрүлсүн.",
        "Чечимге бир айдын ичинде даттанууга болот.",
    ],
    "administrative": [
        "{court} {date} {judge} төрагалык кылган соттук курамда административдик ишти карады.",
        "Арыздануучу {name} мамлекеттик органдын чечимин жокко чыгарууну сураган.",
        "Сот тараптардын далилдерин изилдеп, арызды жарым-жартылай канааттандырды.",
        "Чечим мыйзамдуу күчүнө кирген күндөн тартып аткарылат.",
    ],
    "economic": [
        "{court} {date} {judge} төрагалык кылган соттук курамда экономикалык талашты карады.",
        "Доогер ишкана жоопкер компаниядан келишим боюнча {amount} сом өндүрүүнү талап кылган.",
        "Сот келишимдин шарттарын жана тараптардын милдеттерин изилдеп, доону канааттандырды.",
        "Чечимге белгиленген тартипте даттанууга болот.",
    ],
}
RU = {
    "criminal": [
        "{court} {date} в составе председательствующего {judge} рассмотрел в открытом судебном заседании уголовное дело.",
        "Подсудимый {name} совершил {crime} в городе {place}.",
        "Вина подсудимого полностью доказана показаниями свидетелей и заключением эксперта.",
        "Выслушав стороны и исследовав материалы дела, суд руководствовался статьей {article} Уголовного кодекса.",
        "Суд приговорил: признать {name} виновным и назначить наказание в виде лишения свободы сроком на {years} лет.",
        "Приговор может быть обжалован в установленный законом срок.",
    ],
    "civil": [
        "{court} {date} в составе председательствующего {judge} рассмотрел гражданское дело.",
        "Истец {name} обратился в суд с иском к ответчику о {claim}.",
        "Стороны явились в судебное заседание, истец поддержал требования, ответчик иск не признал.",
        "Исследовав материалы дела, суд на основании статьи {article} Гражданского кодекса вынес решение.",
        "Иск удовлетворить, взыскать с ответчика {amount} сомов.",
        "Решение может быть обжаловано в течение месяца.",
    ],
    "administrative": [
        "{court} {date} в составе председательствующего {judge} рассмотрел административное дело.",
        "Заявитель {name} просил отменить решение государственного органа.",
        "Суд исследовал доказательства сторон и удовлетворил заявление частично.",
        "Решение исполняется со дня вступления в законную силу.",
    ],
    "economic": [
        "{court} {date} в составе председательствующего {judge} рассмотрел экономический спор.",
        "Истец предприятие требовал взыскать с ответчика компании {amount} сомов по договору.",
        "Суд исследовал условия договора и обязанности сторон и удовлетворил иск.",
        "Решение может быть обжаловано в установленном порядке.",
    ],
}
CRIMES_KY = ["уурулук", "алдамчылык", "бейбаштык", "талоор"]
CRIMES_RU = ["кражу", "мошенничество", "хулиганство", "грабеж"]
CLAIMS_KY = ["карызды кайтаруу", "зыянды төлөө", "эмгек акыны өндүрүү", "турак жайдан чыгаруу"]
CLAIMS_RU = ["взыскании долга", "возмещении ущерба", "взыскании заработной платы", "выселении"]
ARTICLES = {"criminal": ("УК", [97, 144, 164, 166, 168, 174, 234]), "civil": ("ГК", [200, 299, 357, 405, 1011]),
            "administrative": ("АПК", [15, 34, 121]), "economic": ("ГК", [299, 357, 450])}
CASE_TYPES = ["criminal", "civil", "administrative", "economic"]
FOLD = str.maketrans("ңөүҢӨҮ", "ноуНОУ")
LOOK_ALIKES = str.maketrans({"о": "o", "а": "a", "е": "e", "р": "p", "с": "c"})


def make_document(number: int, seed: int = 1, extra: str = "", **override: object) -> IndexedDocument:
    """Document number `number` of the corpus with this seed; `extra`
    (a planted sentence) goes into the middle of the text."""
    rng = random.Random(seed * 1_000_003 + number)
    year = int(override.get("year") or rng.randint(1960, 2025))  # type: ignore[call-overload]
    soviet = year < 1991
    language = str(override.get("language") or (rng.choices(["ru", "ky"], [0.8, 0.2])[0] if soviet
                                                   else rng.choices(["ky", "ru", "mixed"], [0.5, 0.4, 0.1])[0]))
    case_type = str(override.get("case_type") or rng.choices(CASE_TYPES, [0.45, 0.35, 0.1, 0.1])[0])
    court_names = COURTS[int(override["court"]) if "court" in override else rng.randrange(len(COURTS))]  # type: ignore[call-overload]
    code, numbers = ARTICLES[case_type]
    article = rng.choice(numbers)
    articles = tuple(override.get("articles") or (f"{code} {article}",))  # type: ignore[arg-type]
    name = rng.choice(SURNAMES)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    place_index = rng.randrange(len(PLACES_KY))

    def text_in(lang: str) -> str:
        place = (PLACES_KY if lang == "ky" else PLACES_RU)[place_index]
        if soviet:
            place = SOVIET_PLACES.get(place, place)
        court = court_names[0] if lang == "ky" else (court_names[2] if soviet else court_names[1])
        slots = {
            "court": court,
            "date": f"{year}-жылдын {day}-{month:02d}" if lang == "ky" else f"{day:02d}.{month:02d}.{year} года",
            "judge": rng.choice(JUDGES),
            "name": name,
            "place": place,
            "crime": rng.choice(CRIMES_KY if lang == "ky" else CRIMES_RU),
            "claim": rng.choice(CLAIMS_KY if lang == "ky" else CLAIMS_RU),
            "article": str(article),
            "years": str(rng.randint(1, 12)),
            "amount": str(rng.randint(5, 900) * 1000),
        }
        sentences = [t.format(**slots) for t in (KY if lang == "ky" else RU)[case_type]]
        return " ".join(sentences)

    if language == "mixed":
        text = text_in("ky") + "\n\n" + text_in("ru")
    else:
        text = text_in(language)
    if extra:
        middle = text.find(". ", len(text) // 3) + 2 or len(text)
        text = text[:middle] + extra + " " + text[middle:]
    typewriter = language in ("ky", "mixed") and soviet
    if typewriter or override.get("typewriter"):
        text = text.translate(FOLD)
    if override.get("ocr_noise"):
        text = _ocr_noise(text, rng)
    court = court_names[0] if language == "ky" else (court_names[2] if soviet else court_names[1])
    return IndexedDocument(
        id=f"d{seed}-{number}",
        title=f"{'Өкүм' if case_type == 'criminal' and language == 'ky' else 'Приговор' if case_type == 'criminal' else 'Чечим' if language == 'ky' else 'Решение'} {year}",
        source=f"{seed}-{number}.pdf",
        text=text,
        language=language,
        court=court,
        date=f"{year}-{month:02d}-{day:02d}",
        case_type=case_type,
        articles=articles,
    )


def _ocr_noise(text: str, rng: random.Random) -> str:
    """Latin look-alikes in some words, and lines broken with hyphens."""
    words = text.split(" ")
    for i in range(0, len(words), 7):
        words[i] = words[i].translate(LOOK_ALIKES)
    out = []
    for i, word in enumerate(words):
        if i % 11 == 5 and len(word) > 7 and word.isalpha():
            out.append(word[:4] + "-\n" + word[4:])
        else:
            out.append(word)
    return " ".join(out)


def corpus(count: int, seed: int = 1) -> Iterator[IndexedDocument]:
    for number in range(count):
        yield make_document(number, seed)

