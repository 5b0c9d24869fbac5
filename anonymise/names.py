"""What a person's name looks like in Kyrgyz and Russian court texts.

Surnames end in -ов/-ова, -ев/-ева, -ин/-ина, -иев, -бек, -баев, -ский...;
patronymics in -ович/-овна, -евич/-евна; Kyrgyz patronymics are "Асан
уулу" (son of Асан) and "Асан кызы" (daughter of Асан). In Kyrgyz any of
them takes the case and possessive suffixes ("Мамытовдун", "Каировичке",
"уулунун", "кызына"); in Russian the case endings ("Асановой", "Петровым").
Given names come from natasha's packaged list (OpenCorpora's names, with
many Kyrgyz ones) and the project's own Kyrgyz list.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

UPPER = "А-ЯЁӨҮҢ"
LOWER = "а-яёөүң"
# Kyrgyz case and possessive endings after a name (-дун, -го, -ду, -до, -дон ...)
# and Russian case endings (-а, -у, -ым, -ой ...).
KY_CASE = (
    r"(?:[дтн][уүыи]н|[гк][оөаеу]|[дтн][уүыи]|[дт][оөае]|[дтн][оөае]н|[нс][ыиуү](?:н|на|нда|ндан)?|"
    r"ч[аеоө]|[гк][аеоө]|[аеоөуүыи]н?|"
    r"[дтл][оа]р(?:[дт][уы]н|[гк][оа]|[дт][оа]н?|[дт][уы]|[ыу])?)"  # the family: "Асановдор", "Асановдордун"
)
RU_CASE = r"(?:а|у|ы|ым|ом|ем|е|ой|ою|ых|ыми|им|ого|ому|ую|ая|ой)"
SURNAME_STEM = (
    r"(?:ов|ев|ёв|ин|ын|иев|аев|уев|баев|беков|бек|бай|ский|цкий|ова|ева|ёва|ина|ына|иева|аева|уева|баева|бекова|ская|цкая)"
)
SURNAME = re.compile(rf"^[{UPPER}][{LOWER}]{{2,}}?{SURNAME_STEM}(?:{KY_CASE}|{RU_CASE})?$")
# In Kyrgyz the genitive (-ын, -ин, -нын, -дин...) and the possessive end
# most words the way Russian -ин/-ын surnames do (Иштин, Актынын,
# Кенештин), so there only the -ов/-ев/-иев/-бек... shapes count alone.
SURNAME_STEM_KY = r"(?:ов|ев|ёв|иев|аев|уев|баев|беков|ова|ева|ёва|иева|аева|уева|баева|бекова)"
SURNAME_KY = re.compile(rf"^[{UPPER}][{LOWER}]{{2,}}?{SURNAME_STEM_KY}(?:{KY_CASE}|{RU_CASE})?$")
# Adjectives of places and bodies (Панфиловского, Бостеринской, Ысык-Кульский)
# share the -ский shape with surnames: alone they are never taken for one.
ADJECTIVAL = re.compile(rf"^[{UPPER}][{LOWER}\-]*(?:ск|цк)(?:ий|ая|ой|ое|ого|ому|ом|им|ую|ие|их|ими)$")
# Lowercase words inside foreign names: Хамад бен Халиф, аль-Багдади,
# Висенте дель Боске, Жаклин ван Маарсен.
NAME_PARTICLES = frozenset("бен бин ибн бинт аль эль ас аш аз ад ат ар ва ван фон дер де дель ду да ла ле ди "
                           "bin ibn al el van von der de del du da la le di".split())
PATRONYMIC = re.compile(
    rf"^[{UPPER}][{LOWER}]+(?:(?:ович|евич|ич)(?:{KY_CASE}|{RU_CASE})?|(?:овн|евн|ичн)(?:а|ы|е|у|ой|ою)(?:{KY_CASE})?)$"
)
# A name's first letter as an initial: Дж stands for one in Джумабек, Джамиля.
INITIAL_LETTER = rf"(?:[{UPPER}]|Дж)"
# "son of", "daughter of" after the father's name: Kyrgyz, and the Uzbek and
# Azerbaijani words the acts of the south write ("Рахимжон угли", "Мамед оглы").
FATHER_WORDS = "уулу|кызы|угли|ўғли|огли|оглы|оглу|кизи|қизи|гызы"
KYRGYZ_PATRONYMIC = re.compile(rf"^(?:{FATHER_WORDS})(?:нун|нын|на|ну|ны|нда|ндан|га|на)?$")
INITIALS = re.compile(rf"^(?:[{UPPER}]\.\s?){{1,2}}$|^[{UPPER}]\.[{UPPER}]\.?$")
CAPITALISED = re.compile(rf"^[{UPPER}][{LOWER}]+(?:-[{UPPER}]?[{LOWER}]+)?$")

# Words that begin with a capital in court texts and are not people (and the Kyrgyz pronouns that
# begin sentences: "Алар Акбулун …", they …, read as a foreign name by natasha).
NOT_NAMES = frozenset(
    """элсом мбанк мегапэй мегапей
    гр-ка гр-ки гр-ке гр-ку гр-кой гр-н гр-на гр-ну гр-ном гр-не
    суд сот соту сотунун сотко суда суде судом коллегия коллегиясы республика республикасы республики
    кыргыз кыргызской кыргызская киргизской киргизская ссср ссср совет министерство министрлиги прокуратура
    прокуратурасы район району района облус облусу области область город шаар шаары шаарынын город города
    бишкек фрунзе ош нарын каракол талас баткен токмок балыкчы жалал-абад чуй чүй ысык-көл иссык-куль
    кодекс кодекси кодексинин кодекса статья статьи берене беренеси кылмыш-жаза уголовного гражданского
    приговор решение определение постановление өкүм чечим аныктама токтом жогорку верховный народный
    ленина ленинский свердловский первомайский октябрьский ленин свердлов первомай октябрь
    банк банкы компания ооо оао зао мвд гкнб гунн ички иштер милиция отдел бөлүм
    сторон стороны тараптар тарап
    адам достук кароо кароонун жактоочу департамент жогорудагы жогорулардын жазасын жазысын номер номери
    русский мэрия мэриясы кеңеш кенеш президент президенти министр министрлик аким акимиат айыл округ башчы
    премьер-министр кайдасын элчи элчиси депутат депутаты акын ишмер төрага төрагасы мэр губернатор жазуучу
    журналист балбан
    ал алар аларды аларга алардын алардан аларда аны анын ага андан анда бул булар ушул ошол биз биздин
    истец ответчик подсудимый потерпевший свидетель заявитель судья прокурор адвокат эксперт секретарь
    осужденный осуждённый оправданный обвиняемый взыскатель представитель истица ответчица
    следователь дознаватель защитник председательствующий докладчик тергөөчү
    доогер жоопкер айыпталуучу соттолуучу жабырлануучу күбө арыздануучу катчы
    январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь
    январь февралы марты апрели майы июну июлу августу сентябры октябры ноябры декабры
    соцфонд соцфонду соцфонда минюст минфин минздрав госрегистр горсуд облсуд райсуд горисполком
    райисполком облисполком собес собеса собесе собесом госстрах нацбанк сбербанк""".split()
)


# Surnames of Kyrgyzstan's Korean and Dungan families (and common Chinese
# ones), as Russian spells them. They have no surname's ending, and the
# Kyrgyz word list, made from web text, has most of them in small letters
# ("цой", "пак", "ли", "тен"), so "Айыпталуучу Цой В." and "Пак Олег"
# stayed in clear. Many are words too (Ким: who; Нам, Ни, Те in Russian),
# so one is a name only beside initials or a given name.
DIASPORA_SURNAMES = frozenset(
    "ким ли пак цой тен хан хегай югай огай лигай шегай когай тягай цхай пегай магай ан ни нам мун сон тян тё шин "
    "хван хон чен чон чой кан ко лим ем эм пен пай де дин ен ю юн ян пя вон ха квон сим тай бе ма су ху лю ван "
    "бай чжан чжао чжоу чэнь хуан сюй сунь го линь гао ло чжэн лян".split()
)


def diaspora_surname(word: str) -> bool:
    """One of DIASPORA_SURNAMES, capitalised, in any case form (Пакка, Цойдун)."""
    return word[:1].isupper() and (word.lower() in DIASPORA_SURNAMES or name_base(word) in DIASPORA_SURNAMES)


def surname_shaped(word: str, language: str) -> bool:
    """A surname's form, as it stands alone in a text of this language."""
    return bool((SURNAME_KY if language == "ky" else SURNAME).match(word)) and not ADJECTIVAL.match(word)


def hyphenated_place(word: str, language: str) -> bool:
    """A hyphenated word that is no double surname: a place (Ак-Кудук), no one's name."""
    return "-" in word and not double_surname(word, language)


def double_surname(word: str, language: str) -> bool:
    """A double-barrelled surname (Иванова-Петрова, Салтыков-Щедрин,
    Асанова-Токтогулованын): every half in a surname's form, none a common
    word or a place's adjective, and in Kyrgyz one half in a Kyrgyz
    surname's form. Hyphenated places (Жалал-Абад, Ысык-Көл, Кара-Балта,
    Петропавловск-Камчатский) have no such halves, which is why a
    hyphenated word is otherwise no one's name."""
    parts = word.split("-")
    return (len(parts) >= 2 and all(SURNAME.match(p) and not ADJECTIVAL.match(p) and not common_word(p) for p in parts)
            and (language != "ky" or any(SURNAME_KY.match(p) for p in parts)))


@lru_cache(maxsize=1)
def _morph():  # type: ignore[no-untyped-def]
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr"})


@lru_cache(maxsize=65536)
def common_word(word: str) -> bool:
    """A word the Russian dictionary knows and never reads as a name
    (Финансов, Директоров, Гражданский, Просила, Премьер): capitalised at
    a sentence's start or in a body's name, it is no one's name alone."""
    lower = word.lower()
    morph = _morph()
    if lower in kyrgyz_first_names() or not morph.word_is_known(lower):
        return False  # Алмаз, Канат, Улан, Болот: Kyrgyz names first, Russian nouns second
    return not any(NAME_GRAMMEMES & parse.tag.grammemes for parse in morph.parse(lower))


@lru_cache(maxsize=65536)
def dictionary_name(word: str) -> bool:
    """A word the Russian dictionary knows as a name, whatever else it may
    be (Коля, Шуберта, Максим; not Соцфонда, which it only guesses)."""
    lower = word.lower()
    morph = _morph()
    return morph.word_is_known(lower) and any(NAME_GRAMMEMES & parse.tag.grammemes for parse in morph.parse(lower))


@lru_cache(maxsize=65536)
def first_reading_is_name(word: str) -> bool:
    """A word the Russian dictionary knows and reads first, with some
    confidence, as a surname or a given name (Шуберт, Болта; not Роза's
    flower, not Вера's faith, which it reads first as common nouns)."""
    lower = word.lower()
    if not _morph().word_is_known(lower):
        return False
    best = _morph().parse(lower)[0]
    return bool({"Surn", "Name"} & best.tag.grammemes) and best.score >= 0.5


@lru_cache(maxsize=1)
def _kyrgyz_lowercase_words() -> frozenset[str]:
    """Tesseract's Kyrgyz word list, its lowercase entries (written by
    scripts/kyrgyz_wordlist.sh): words written in lowercase somewhere,
    half a million of them in every case form."""
    import lzma

    packed = resources.files("anonymise").joinpath("data", "kyrgyz_common_words.txt.xz").read_bytes()
    return frozenset(lzma.decompress(packed).decode("utf-8").split())


@lru_cache(maxsize=65536)
def kyrgyz_common_word(word: str) -> bool:
    """A Kyrgyz word that is no one's name: Tesseract's Kyrgyz word list
    has it in lowercase (Натыйжада, Иштин, Кароонун), and it has neither a
    surname's nor a patronymic's shape nor a given name's. The list also
    has some names in lowercase (мамытов, асан), which the shapes and the
    lexicons keep; of the 79 name words of the development acts that have
    neither, one ("Веры") is in the list."""
    lower = word.lower()
    if lower not in _kyrgyz_lowercase_words():
        return False
    return not (SURNAME.match(word) or PATRONYMIC.match(word) or is_given_name(word))


def kyrgyz_listed(word: str) -> bool:
    """Tesseract's Kyrgyz word list has the word in lowercase."""
    return word.lower() in _kyrgyz_lowercase_words()


SMALL_SURNAME = re.compile(rf"^[{LOWER}]{{3,}}(?:ов|ев|ёв)а?(?:{KY_CASE}|{RU_CASE})?$")


@lru_cache(maxsize=65536)
def small_surname(word: str) -> bool:
    """A surname's shape in small letters, as OCR reads one at a line's start
    or a clerk typed it ("бекмуратов", "бекмуратовдун"): -ов or -ев with its
    case ending (not -ин, which ends too many Kyrgyz words: аудитинен), and
    no common word of the Russian dictionary (домов, годов; петров is a name)."""
    return bool(SMALL_SURNAME.match(word)) and not common_word(word)


@lru_cache(maxsize=65536)
def unknown_word(word: str) -> bool:
    """A word neither Tesseract's Kyrgyz list nor the Russian dictionary
    knows, with or without its case ending (Кейлер, Кейлерден): in a Kyrgyz
    text, a name no lexicon has."""
    base = name_base(word)
    return not (kyrgyz_listed(word) or kyrgyz_listed(base) or known_word(word) or known_word(base))


@lru_cache(maxsize=65536)
def kyrgyz_given_name(word: str) -> bool:
    """A Kyrgyz given name by the evidence a word before a surname gives
    ("Садыр Токтосунов", "Камчыбек Алиев", "Апас Жумабаев"). Tesseract's
    Kyrgyz list has most names in lowercase, so being in it says nothing;
    the word is a name if a lexicon or the Russian dictionary has it as
    one, if it ends in -бек (Камчыбек, Нурбек), if the list has a surname
    made of it (садыр → садыров), or if neither the list nor the
    dictionary knows it at all (a rare name). A common word before
    a surname ("Элчи Бекмуратов", "Президент …") is none of these."""
    lower = word.lower()
    if not_a_name(word) or (common_word(word) and not is_given_name(word)):
        return False
    if is_given_name(word) or dictionary_name(word) or (lower.endswith("бек") and len(lower) >= 6):
        return True
    return any(kyrgyz_listed(lower + ending) for ending in ("ов", "ев", "ова", "ева")) or (
        not kyrgyz_listed(word) and not known_word(word))


@lru_cache(maxsize=65536)
def finite_verb(word: str) -> bool:
    """The dictionary's first reading of the word is a verb in the past or present (выиграл, дала, планирует)."""
    tag = _morph().parse(word.lower())[0].tag
    return "VERB" in tag and ("past" in tag or "pres" in tag)


@lru_cache(maxsize=65536)
def known_word(word: str) -> bool:
    """A word the Russian dictionary knows, in any reading (names included)."""
    return _morph().word_is_known(word.lower())


@lru_cache(maxsize=1)
def kyrgyz_first_names() -> frozenset[str]:
    """The project's list of Kyrgyz given names, lowercase."""
    ours = resources.files("anonymise").joinpath("data", "kyrgyz_first_names.txt").read_text("utf-8")
    return frozenset(line.strip().lower() for line in ours.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Given names, lowercase: natasha's list and the project's Kyrgyz list."""
    import natasha

    names: set[str] = set()
    packaged = Path(natasha.__file__).parent / "data" / "dict" / "first.txt"
    names.update(line.strip().replace("ё", "е") for line in packaged.read_text("utf-8").splitlines() if line.strip())
    names.update(kyrgyz_first_names())
    return frozenset(names - NOT_NAMES)


LONG_NOT_NAMES = tuple(sorted(w for w in NOT_NAMES if len(w) >= 6))


@lru_cache(maxsize=65536)
def not_a_name(word: str) -> bool:
    """A capitalised word of court texts that is no one's name, in any of
    its forms (Республикасынын, Коллегиясынын)."""
    lower = word.lower()
    if lower in NOT_NAMES:
        return True
    # A form of one (Республикасынын, Коллегиясынын), not a name that
    # merely begins like one (Токтомаматович begins like токтом, and
    # Октябрьевича like октябрь: a patronymic is a name).
    if PATRONYMIC.match(word[:1].upper() + word[1:]):
        return False
    return any(lower.startswith(w) and len(lower) - len(w) <= 6 and not _family_name_on(lower, w)
               for w in LONG_NOT_NAMES if lower[:3] == w[:3])


_FAMILY_TAIL = re.compile(rf"(?P<own>[{LOWER}]*?)(?:ов|ев|ёв|иев|аев|уев)(?:{KY_CASE}|{RU_CASE})?$")


def _family_name_on(lower: str, common: str) -> bool:
    """A surname made on a common word: an -ов/-ев ending after it, with
    letters of its own ("Токтоматова", "Токтомушев" on токтом, a decision)
    or none where the whole is no Russian word ("Караколов"; not
    "министров", the word's own plural)."""
    tail = _FAMILY_TAIL.fullmatch(lower[len(common) :])
    return bool(tail) and (bool(tail.group("own")) or not common_word(lower.capitalize()))


# Kyrgyz common words that are only names in Russian: "Адам" is "a person"
# at the head of a Kyrgyz sentence, and Adam in a Russian one.
KYRGYZ_ONLY_NOT_NAMES = frozenset({"адам"})


def not_a_name_in(word: str, language: str) -> bool:
    """not_a_name, for a text in this language."""
    return not_a_name(word) and not (language == "ru" and word.lower() in KYRGYZ_ONLY_NOT_NAMES)


@lru_cache(maxsize=65536)
def is_given_name(word: str) -> bool:
    """A given name in any case: the word, or the word less any one
    ending (Эрлану → Эрлан, not Эрла), is in the lexicons."""
    lower = word.lower().replace("ё", "е")
    if not_a_name(lower):
        return False
    names = first_names()
    return lower in names or any(
        lower.endswith(e) and len(lower) - len(e) >= 3 and lower[: -len(e)] in names for e in _ENDINGS
    ) or (any(
        lower.endswith(e) and len(lower) - len(e) >= 2 and (lower[: -len(e)] + "а" in names or lower[: -len(e)] + "я" in names)
        for e in A_STEM_ENDINGS
    ) and not dictionary_place(lower))  # "Дании": Дания is in a given-name lexicon too


def dictionary_place(word: str) -> bool:
    """A word the Russian dictionary reads as a place (Ливан, which it also knows as a surname)."""
    return any("Geox" in parse.tag.grammemes for parse in _morph().parse(word.lower()) if parse.score >= 0.2)


# A Kyrgyz place's locative adjective ("Таластагы", "Петербургдагы",
# "Бишкектеги": the one in …), which is no one's name.
LOCATIVE_ADJECTIVE = re.compile(r"(?:[дт][аеоөы]|н[дт][аеоө])(?:гы|ги|гу|гү)$")


# The Russian cases of a name in -а or -я (Айнура, Мария, Наталья, Илья):
# "дочери Иманалиевой Алии", "Айнуры", "Натальи" were no given names, so a
# daughter was taken for her father of the same surname and given his initials.
A_STEM_ENDINGS = ("ой", "ей", "ою", "ею", "ы", "и", "е", "у", "ю")


def same_name(a: str, b: str) -> bool:
    """Two bases of one name ("гүлнара" and "гүлнар": the ending taken
    off one and not the other)."""
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= 4 and longer.startswith(shorter) and len(longer) - len(shorter) <= 1


@lru_cache(maxsize=65536)
def name_base(word: str) -> str:
    """A name with its case ending taken off, for matching mentions:
    Мамытовдун, Мамытовго, Мамытова, Мамытовой → мамытов; Айгүлдүн → айгүл."""
    lower = word.lower()
    for ending in _ENDINGS:
        if lower.endswith(ending) and len(lower) - len(ending) >= 3:
            lower = lower[: -len(ending)]
            break
    for feminine, masculine in (("ова", "ов"), ("ева", "ев"), ("ёва", "ёв"), ("ина", "ин"), ("ына", "ын"),
                                ("ская", "ский"), ("цкая", "цкий"), ("овна", "ович"), ("евна", "евич")):
        if lower.endswith(feminine):
            return lower[: -len(feminine)] + masculine
    return lower


def other_bases(word: str, language: str) -> frozenset[str]:
    """Bases besides name_base's that a mention may share, exactly, with a
    known person's: in Russian the word less a Russian case ending alone.
    name_base takes the longest ending of either language, and a Kyrgyz one
    can eat the name ("Фаяда" → фая, "Болта" → бол, where фаяд and болт
    were meant). An adjective surname in any case ("Липницкой") has its
    -ий base. Exactly, not as same_name allows: "Франция" less its ending
    is франци, one letter from Франц."""
    lower = word.lower()
    bases = set()
    adjective = _ADJECTIVE_SURNAME.fullmatch(lower)
    if adjective:
        bases.add(adjective.group("stem") + "ий")
    if language == "ru":
        bases.update(lower[: -len(e)] for e in _RUSSIAN_ENDINGS if lower.endswith(e) and len(lower) - len(e) >= 4)
    return frozenset(bases)


# A Russian noun's case endings as they follow a name (Фаяда, Болтом, Терезой).
_RUSSIAN_ENDINGS = ("ами", "ыми", "ого", "ому", "ом", "ой", "ою", "ей", "ем", "ым", "ых", "ую", "а", "у", "е", "ы", "и", "ю", "я")
_ADJECTIVE_SURNAME = re.compile(r"(?P<stem>\w{3,}[сц]к)(?:ий|ая|ой|ого|ому|им|ом|ую|ие|их|ими|ое)")


# Case endings, longest first, as they follow a name.
_ENDINGS = sorted(
    {
        *(a + b + c for a in "дтн" for b in "уүыи" for c in ("н",)),
        *(a + b for a in "гк" for b in "оөаеу"),
        *(a + b for a in "дтн" for b in "уүыи"),
        *(a + b for a in "дт" for b in "оөае"),
        *(a + b + "н" for a in "дтн" for b in "оөае"),
        *("сы", "си", "су", "сү", "сын", "син", "сун", "сүн", "сына", "сине", "суна", "сүнө", "сынын", "синин"),
        "ым", "ом", "ой", "ою", "ых", "ыми", "ому", "ого", "ую", "а", "у", "е",
    },
    key=len,
    reverse=True,
)
