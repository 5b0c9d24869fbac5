"""The annotated set of the anonymisation benchmark: judgments in Kyrgyz
and Russian with fictional people, every personal-data span annotated as
it is written, officials marked as kept.

Documents are put together from sentences of several shapes (a header
with the court's officials, the parties with their roles, narrative that
names them again in other cases and forms, identifiers), and the offsets
of each annotated span are recorded as the text is built, so the
annotation is exact. A seed gives the same set every time.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

SURNAMES_M = ["Асанов", "Мамытов", "Токтогулов", "Сыдыков", "Турдуев", "Жумабаев", "Осмонов", "Бакиров",
              "Эсенов", "Кадыров", "Абдыкалыков", "Сатыбалдиев", "Иманалиев", "Касымбеков", "Орозбаев",
              "Петров", "Кузнецов", "Белоусов", "Ахмедов", "Ким"]
GIVEN_M = ["Эрлан", "Нурлан", "Бакыт", "Алмаз", "Азамат", "Канат", "Самат", "Улан", "Эркин", "Чынгыз", "Мирлан",
           "Сергей", "Виктор", "Тимур"]
GIVEN_F = ["Айгүл", "Гүлнара", "Жылдыз", "Чолпон", "Назгүл", "Айжан", "Бурул", "Замира", "Асель", "Чынара",
           "Елена", "Ольга"]
FATHERS = ["Асан", "Бакыт", "Төлөн", "Үсөн", "Эсен", "Самат", "Канат", "Сүйүн", "Болот", "Таалай"]
JUDGES = ["Бейшеналиев", "Токтосунов", "Абдыраев", "Смирнов", "Калиев", "Молдокулов"]
CLERKS = ["Осмонова", "Касымова", "Иванова", "Мырзаева"]
PROSECUTORS = ["Алиев", "Абдылдаев", "Курманов", "Волков"]
LAWYERS = ["Петрова", "Сариева", "Байтикова", "Орлова"]
INITIAL_LETTERS = "АБВГДЕЖКМНРСТЧЭ"
STREETS_KY = ["Токтогул", "Манас", "Ибраимов", "Киев", "Абдрахманов"]
STREETS_RU = ["Советская", "Московская", "Фрунзе", "Логвиненко", "Боконбаева"]


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str  # PERSON, PIN, PHONE, ...
    keep: bool = False  # an official


@dataclass
class Annotated:
    language: str
    text: str = ""
    spans: list[Span] = field(default_factory=list)

    def add(self, text: str) -> None:
        self.text += text

    def mark(self, text: str, label: str, keep: bool = False) -> None:
        self.spans.append(Span(len(self.text), len(self.text) + len(text), label, keep))
        self.text += text


@dataclass
class Person:
    surname: str  # masculine base form
    given: str
    female: bool
    father: str

    def family(self) -> str:
        if not self.female or self.surname == "Ким":
            return self.surname
        return self.surname + "а"


# --- inflection -----------------------------------------------------------------------------

BACK, FRONT = set("аоуы"), set("еиөүэ")
ROUNDED = set("оөуү")


def _last_vowel(word: str) -> str:
    return next((c for c in reversed(word.lower()) if c in BACK | FRONT), "а")


def _high(word: str) -> str:
    v = _last_vowel(word)
    if v in FRONT:
        return "ү" if v in ROUNDED else "и"
    return "у" if v in ROUNDED else "ы"


def _low(word: str) -> str:
    v = _last_vowel(word)
    if v in FRONT:
        return "ө" if v in ROUNDED else "е"
    return "о" if v in ROUNDED else "а"


def kyrgyz_case(word: str, case: str) -> str:
    """A Kyrgyz case of a name: genitive, dative, accusative, locative, ablative."""
    last = word[-1].lower()
    vowel_end = last in BACK | FRONT
    voiceless = last in "кпстфхцчшщ"
    i, a = _high(word), _low(word)
    if case == "gen":
        return word + ("н" if vowel_end else "т" if voiceless else "д") + i + "н"
    if case == "dat":
        return word + ("г" if not voiceless else "к") + a
    if case == "acc":
        return word + ("н" if vowel_end else "т" if voiceless else "д") + i
    if case == "loc":
        return word + ("т" if voiceless else "д") + a
    return word + ("т" if voiceless else "д") + a + "н"  # ablative


def russian_case(person: Person, case: str) -> str:
    """A Russian case of a surname: genitive, dative, instrumental."""
    family = person.family()
    if family == "Ким":
        return family
    if person.female:
        return family[:-1] + {"gen": "ой", "dat": "ой", "ins": "ой"}[case]
    return family + {"gen": "а", "dat": "у", "ins": "ым"}[case]


# --- documents ------------------------------------------------------------------------------


def _person(rng: random.Random) -> Person:
    female = rng.random() < 0.4
    return Person(rng.choice(SURNAMES_M), rng.choice(GIVEN_F if female else GIVEN_M), female, rng.choice(FATHERS))


def _initials(rng: random.Random) -> str:
    a, b = rng.choice(INITIAL_LETTERS), rng.choice(INITIAL_LETTERS)
    return rng.choice([f"{a}.{b}.", f"{a}. {b}."])


def _officials(doc: Annotated, rng: random.Random, ky: bool) -> tuple[str, str]:
    judge = rng.choice(JUDGES) + " " + _initials(rng)
    clerk = rng.choice(CLERKS) + " " + _initials(rng)
    prosecutor = rng.choice(PROSECUTORS) + " " + _initials(rng)
    lawyer = rng.choice(LAWYERS) + " " + _initials(rng)
    if ky:
        doc.add("төрагалык кылуучу судья ")
        doc.mark(judge, "PERSON", keep=True)
        doc.add(", катчы ")
        doc.mark(clerk, "PERSON", keep=True)
        doc.add(", прокурор ")
        doc.mark(prosecutor, "PERSON", keep=True)
        doc.add(", адвокат ")
        doc.mark(lawyer, "PERSON", keep=True)
        doc.add(" катышуусу менен, ")
    else:
        doc.add("в составе председательствующего судьи ")
        doc.mark(judge, "PERSON", keep=True)
        doc.add(", при секретаре ")
        doc.mark(clerk, "PERSON", keep=True)
        doc.add(", с участием прокурора ")
        doc.mark(prosecutor, "PERSON", keep=True)
        doc.add(", защитника — адвоката ")
        doc.mark(lawyer, "PERSON", keep=True)
        doc.add(", ")
    return judge, clerk


def _pin(rng: random.Random) -> str:
    return f"{rng.choice('12')}{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(1940, 2000)}{rng.randint(0, 99999):05d}"


def kyrgyz_document(rng: random.Random) -> Annotated:
    doc = Annotated("ky")
    doc.add("ӨКҮМ\nКыргыз Республикасынын атынан\nБишкек шаарынын Ленин райондук соту ")
    judge, _ = _officials(doc, rng, ky=True)
    accused, victim, witness = _person(rng), _person(rng), _person(rng)
    doc.add("айыпталуучу ")
    doc.mark(f"{accused.family()} {accused.given} {accused.father} {'кызы' if accused.female else 'уулу'}", "PERSON")
    doc.add(", ")
    born = rng.randint(1950, 2000)
    doc.mark(str(born), "BIRTHDATE")
    doc.add("-жылы туулган, ПИН ")
    doc.mark(_pin(rng), "PIN")
    doc.add(", ")
    doc.mark(f"{rng.choice(STREETS_KY)} көчөсү, {rng.randint(1, 150)}-үй, {rng.randint(1, 90)}-батир", "ADDRESS")
    doc.add(" дарегинде жашаган, тел. ")
    doc.mark(f"0{rng.choice(['555', '700', '772'])} {rng.randint(100, 999)} {rng.randint(100, 999)}", "PHONE")
    doc.add(" жөнүндө кылмыш ишин ачык сот отурумунда карап, төмөнкүлөрдү аныктады.\n")
    doc.mark(kyrgyz_case(accused.family(), "gen"), "PERSON")
    doc.add(" үйүндө тинтүү жүргүзүлүп, уурдалган буюмдар табылган. Жабырлануучу ")
    doc.mark(f"{victim.family()} {victim.given}", "PERSON")
    doc.add(" соттук отурумда көрсөтмө берди. ")
    doc.mark(kyrgyz_case(victim.family(), "gen"), "PERSON")
    doc.add(" айтуусу боюнча, айыпталуучу ага ")
    doc.mark(f"{rng.choice('АБ')}{rng.choice('НЕ')}{rng.randint(1000000, 9999999)}", "PASSPORT")
    doc.add(" паспортун кайтарган эмес. Күбө ")
    doc.mark(f"{witness.given} {witness.father} {'кызы' if witness.female else 'уулу'}", "PERSON")
    doc.add(" окуяны көргөнүн билдирди. Сот ")
    doc.mark(kyrgyz_case(accused.family(), "dat"), "PERSON")
    doc.add(" карата ")
    doc.mark(kyrgyz_case(witness.given, "gen"), "PERSON")
    doc.add(" көрсөтмөлөрүн да эске алды. ")
    doc.mark(f"{accused.family()} {accused.given[0]}.", "PERSON")
    doc.add(" күнөөлүү деп табылсын. Өкүмгө даттанууга болот.\nСудья ")
    doc.mark(judge, "PERSON", keep=True)
    doc.add("\n")
    return doc


def russian_document(rng: random.Random) -> Annotated:
    doc = Annotated("ru")
    doc.add("ПРИГОВОР\nИменем Кыргызской Республики\nСвердловский районный суд города Бишкек ")
    judge, clerk = _officials(doc, rng, ky=False)
    accused, victim, witness = _person(rng), _person(rng), _person(rng)
    doc.add("рассмотрев в открытом судебном заседании уголовное дело в отношении ")
    doc.mark(f"{russian_case(accused, 'gen')} {accused.given}", "PERSON")
    doc.add(", ")
    doc.mark(f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{rng.randint(1950, 2000)}", "BIRTHDATE")
    doc.add(" года рождения, паспорт ")
    doc.mark(f"AN{rng.randint(1000000, 9999999)}", "PASSPORT")
    doc.add(", проживающего по ")
    doc.mark(f"ул. {rng.choice(STREETS_RU)}, д. {rng.randint(1, 150)}, кв. {rng.randint(1, 90)}", "ADDRESS")
    doc.add(", тел. ")
    doc.mark(f"+996 {rng.choice(['555', '700', '312'])} {rng.randint(100, 999)} {rng.randint(100, 999)}", "PHONE")
    doc.add(", установил:\nПодсудимый ")
    doc.mark(f"{accused.family()} {_initials(rng)}", "PERSON")
    doc.add(" похитил имущество потерпевшей стороны. Потерпевший ")
    doc.mark(f"{victim.family()} {victim.given}", "PERSON")
    doc.add(" сообщил, что ущерб ему причинен значительный, и указал свой адрес электронной почты ")
    doc.mark(f"{victim.given.lower()}{rng.randint(1, 99)}@mail.kg", "EMAIL")
    doc.add(". Свидетель ")
    doc.mark(f"{witness.family()} {witness.given}", "PERSON")
    doc.add(" показал, что видел ")
    doc.mark(russian_case(accused, "gen"), "PERSON")
    doc.add(" у дома ")
    doc.mark(russian_case(victim, "gen"), "PERSON")
    doc.add(". Вина ")
    doc.mark(russian_case(accused, "gen"), "PERSON")
    doc.add(" доказана. Суд приговорил: признать ")
    doc.mark(russian_case(accused, "gen"), "PERSON")
    doc.add(" виновным. Протокол вела секретарь ")
    doc.mark(clerk, "PERSON", keep=True)
    doc.add(".\nСудья ")
    doc.mark(judge, "PERSON", keep=True)
    doc.add("\n")
    return doc


def annotated_set(count: int = 40, seed: int = 7) -> list[Annotated]:
    """count documents, half in each language."""
    rng = random.Random(seed)
    return [kyrgyz_document(rng) if i % 2 else russian_document(rng) for i in range(count)]
