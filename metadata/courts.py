"""The court registry, and courts named in an act's text.

Each court has one canonical name (today's Russian one) and the other
names an act may use: Kyrgyz, Soviet, with "г. Бишкек" or without. An act
names courts in every case ("Первомайского районного суда г.Бишкек", "Ош
областтык сотунун"), so a name is matched by each word's beginning. The
district courts are listed from a table of districts rather than one by
one. Titles need a court in the genitive, in both languages.
"""

from __future__ import annotations

import re
from functools import lru_cache

SUPREME = "Верховный суд Кыргызской Республики"
# (canonical Russian, Kyrgyz, older names...)
COURTS: list[tuple[str, ...]] = [
    (SUPREME, "Кыргыз Республикасынын Жогорку соту", "Верховный суд Киргизской ССР"),
    ("Бишкекский городской суд", "Бишкек шаардык соту", "Фрунзенский городской суд"),
    ("Ленинский районный суд города Бишкек", "Бишкек шаарынын Ленин райондук соту", "Народный суд Ленинского района города Фрунзе"),
    ("Свердловский районный суд города Бишкек", "Бишкек шаарынын Свердлов райондук соту", "Народный суд Свердловского района города Фрунзе"),
    ("Первомайский районный суд города Бишкек", "Бишкек шаарынын Биринчи май райондук соту", "Народный суд Первомайского района города Фрунзе"),
    ("Октябрьский районный суд города Бишкек", "Бишкек шаарынын Октябрь райондук соту", "Народный суд Октябрьского района города Фрунзе"),
    ("Бишкекский межрайонный суд", "Бишкек шаарынын райондор аралык соту"),
    ("Чуйский областной суд", "Чүй облустук соту", "Фрунзенский областной суд"),
    ("Ошский областной суд", "Ош облустук соту"),
    ("Ошский городской суд", "Ош шаардык соту", "Народный суд города Ош"),
    ("Нарынский областной суд", "Нарын облустук соту"),
    ("Иссык-Кульский областной суд", "Ысык-Көл облустук соту", "Ысык-Кульский областной суд"),
    ("Таласский областной суд", "Талас облустук соту"),
    ("Джалал-Абадский областной суд", "Жалал-Абад облустук соту", "Жалал-Абадский областной суд"),
    ("Баткенский областной суд", "Баткен облустук соту"),
    ("Каракольский городской суд", "Каракол шаардык соту", "Народный суд города Пржевальска", "Пржевальский городской народный суд"),
    ("Балыкчинский городской суд", "Балыкчы шаардык соту", "Народный суд города Рыбачье"),
    ("Токмокский городской суд", "Токмок шаардык соту", "Народный суд города Токмака"),
    ("Джалал-Абадский городской суд", "Жалал-Абад шаардык соту"),
    ("Кара-Балтинский городской суд", "Кара-Балта шаардык соту"),
]
# Inter-district courts, one a region: (Russian region in the genitive, Kyrgyz region, other Russian spellings).
REGIONS = [("Чуйской", "Чүй"), ("Иссык-Кульской", "Ысык-Көл", "Ысык-Кульской"), ("Нарынской", "Нарын"), ("Таласской", "Талас"),
           ("Ошской", "Ош"), ("Джалал-Абадской", "Жалал-Абад", "Жалал-Абадской"), ("Баткенской", "Баткен")]
# District courts: (Russian adjective, Kyrgyz name).
DISTRICTS = [
    ("Аламудунский", "Аламүдүн"), ("Ысык-Атинский", "Ысык-Ата"), ("Жайыльский", "Жайыл"), ("Кеминский", "Кемин"),
    ("Московский", "Москва"), ("Панфиловский", "Панфилов"), ("Сокулукский", "Сокулук"), ("Чуйский районный", "Чүй"),
    ("Ак-Суйский", "Ак-Суу"), ("Джети-Огузский", "Жети-Өгүз"), ("Иссык-Кульский", "Ысык-Көл"), ("Тонский", "Тоң"),
    ("Тюпский", "Түп"), ("Ак-Талинский", "Ак-Талаа"), ("Ат-Башинский", "Ат-Башы"), ("Джумгальский", "Жумгал"),
    ("Кочкорский", "Кочкор"), ("Нарынский", "Нарын"), ("Бакай-Атинский", "Бакай-Ата"), ("Кара-Бууринский", "Кара-Буура"),
    ("Манасский", "Манас"), ("Таласский", "Талас"), ("Алайский", "Алай"), ("Араванский", "Араван"),
    ("Кара-Кульджинский", "Кара-Кулжа"), ("Кара-Суйский", "Кара-Суу"), ("Ноокатский", "Ноокат"), ("Узгенский", "Өзгөн"),
    ("Чон-Алайский", "Чоң-Алай"), ("Аксыйский", "Аксы"), ("Ала-Букинский", "Ала-Бука"), ("Базар-Коргонский", "Базар-Коргон"),
    ("Ноокенский", "Ноокен"), ("Сузакский", "Сузак"), ("Тогуз-Тороуский", "Тогуз-Торо"), ("Токтогульский", "Токтогул"),
    ("Чаткальский", "Чаткал"), ("Баткенский", "Баткен"), ("Кадамжайский", "Кадамжай"), ("Лейлекский", "Лейлек"),
]


def registry() -> list[tuple[str, ...]]:
    """Every court: the listed ones, the inter-district courts and the district courts."""
    courts = list(COURTS)
    courts += [(f"Межрайонный суд {ru} области", f"{ky} облусунун райондор аралык соту", *(f"Межрайонный суд {o} области" for o in other))
               for ru, ky, *other in REGIONS]
    courts += [(f"{ru.split()[0]} районный суд", f"{ky} райондук соту") for ru, ky in DISTRICTS]
    return courts


def _word(word: str) -> str:
    """A word of a court's name in any case: its beginning, any ending;
    "облустук" and "областтык" are one word; "города Бишкек" may be "г.Бишкек"."""
    if word in ("облустук", "облусунун"):
        return r"(?:облус|област)\w*"
    return re.escape(word[: max(3, len(word) - 3)]) + r"[\w-]*"


def _pattern(name: str) -> str:
    head, city, tail = name.partition(" города ")
    words = r"\s+".join(_word(w) for w in head.split())
    if not city:
        return words
    # "суда г.Бишкек", "суда города Бишкек", or nothing after "суда".
    return words + rf"(?:\s+(?:г\.|гор\w*)\s*{_word(tail)})?"


@lru_cache(maxsize=1)
def patterns() -> list[tuple[str, re.Pattern[str]]]:
    """(canonical name, pattern) for every name of every court, longest first."""
    found = [(entry[0], re.compile(r"(?i)(?<![\w-])" + _pattern(alias))) for entry in registry() for alias in entry]
    # Longer names first: "Народный суд Ленинского района города Фрунзе" before "Фрунзенский городской суд".
    found.sort(key=lambda item: -len(item[1].pattern))
    return found


def mentions(text: str) -> list[tuple[int, int, str]]:
    """Every court named in a text: (start, end, canonical name), in order;
    of names starting at one place, the longest."""
    found: dict[int, tuple[int, str]] = {}
    for canonical, pattern in patterns():
        for match in pattern.finditer(text):
            if match.end() > found.get(match.start(), (0, ""))[0]:
                found[match.start()] = (match.end(), canonical)
    spans = sorted((start, end, name) for start, (end, name) in found.items())
    # A name inside a longer one ("Бишкек шаардык" inside "... Бишкек шаарынын Ленин ...") goes.
    return [s for s in spans if not any(o[0] <= s[0] and s[1] <= o[1] and o != s for o in spans)]


def canonical(raw: str) -> str:
    """An operator's typed court, as the registry names it (as typed if unknown)."""
    return next((name for name, pattern in patterns() if pattern.fullmatch(raw.strip())), raw)


KYRGYZ = {entry[0]: entry[1] for entry in registry()}
RU_GENITIVE = [("ский", "ского"), ("цкий", "цкого"), ("ской", "ского"), ("ный", "ного"), ("ной", "ного"),
               ("суд", "суда")]
SOVIET = re.compile(r"ССР|Фрунзе|Народный|народный|Пржевальск|Рыбачье|Токмака")


def name_in(court: str, year: int | None) -> str:
    """The court's name in the year of an act: a Soviet act's court is the
    people's court of its district of Frunze, as the act says."""
    if year is None or year >= 1991:
        return court
    entry = next((e for e in registry() if e[0] == court), (court,))
    return next((alias for alias in entry[2:] if SOVIET.search(alias)), court)


def genitive(court: str, language: str, year: int | None = None) -> str:
    """A court's name after "of": "Верховного суда КР", "Ош облустук сотунун"."""
    court = name_in(court, year)
    if language == "ky" and court in KYRGYZ:
        name = KYRGYZ[court]
        return name[: -len("соту")] + "сотунун" if name.endswith("соту") else name
    head, sep, tail = court.partition(" суд")
    words = [next((w[: -len(a)] + b for a, b in RU_GENITIVE if w.endswith(a)), w) for w in head.split()]
    name = (" ".join(words) + (" суда" + tail if sep else "")).replace("Кыргызской Республики", "КР")
    return "н" + name[1:] if name.startswith("Народн") else name  # "народного суда", a common noun
