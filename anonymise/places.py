"""Where a name-shaped word names a street, a place or a body, not a
person: "ул.Тилебалиева", "Масалиев көчөсүндө", "Раззаков шаарындагы",
"Ак-Кудукского айыл окмоту", "«Кайдасын»". A court keeps a street's or a
body's name; the address it belongs to is hidden as an address."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from anonymise.names import SURNAME, SURNAME_KY

# Where a name-shaped word names a street or a body, not a person
# ("Соцфонда Кыргызской Республики", "Соцфонд КР": a body of the state).
# "по имени Артём" (named Artyom) and "от имени Алферова" (on his behalf) stand before a person.
STREET_BEFORE = re.compile(r"(?i)(?:\bул\.|\bулиц\w*|\bпр\.|\bпросп\.|\bпроспект\w*|\bпер\.|\bпереул\w*|"
                           r"\bмкр\.|\bмикрорайон\w*|\bбульвар\w*|(?<!по\s)(?<!от\s)\bимени|\bим\.|"
                           # a village or a settlement: "с. Лебединовка", "пос. Ивановка", "пгт Кант"
                           r"(?-i:\bс\.)|\bсел[оеау]|\bпос\.|\bпос[её]л(?:ок|ка|ке|ку|ком)|\bпгт\.?)\s*$")
# A Kyrgyz place noun names the place only with its possessive ending
# ("Раззаков шаарындагы", "Темир айылында", "Аламүдүн районунда", "Чүй
# проспектиси"): "Осмонов шаар сыртына" (outside the city), "Асанов районго
# барды" (went to the district), "Асанов көчөгө чыкты" (went out), "Асанов
# проспекттен өткөн", and in Russian "Асанов улицу переходил" are a person
# and a place.
STREET_AFTER = re.compile(r"(?i)^\s*(?:жана\s+[А-ЯЁӨҮҢ][\w-]*\s+)?(?:көчөс\w*|көчөлөрү\w*|проспекти\w*|"
                          r"кичи\s+район[уы]\w*|кичи\s+шаарча\w*|массив[иы]\w*|конушу\w*|жайлоос\w*|атындагы\w*|"
                          r"бульвары\w*|айылы\w*|шаары\w*|облусу\w*|район[уы]\w*|ул\.|улицасы\w*|"
                          # a mountain, a lake, a river, a pass, a gorge: "Хан Тенгри тоосуна", "Сон Куль көлүнө"
                          r"тоосу\w*|көлү\w*|дарыясы\w*|суусу\w*|ашуусу\w*|капчыгайы\w*|өрөөнү\w*)")
# Words that follow a body's name, and a surname's too: the state ("Соцфонд
# КР"; "Асанов КР ЖКнын 130-беренеси", charged under its Criminal Code) and
# the village administration, whose name has the possessive ending
# either way ("Ак-Суу айыл өкмөтү"; "Асанов айыл өкмөтүнө кайрылган", he
# applied to it).
BODY_AFTER = re.compile(r"^\s*(?:Кыргызской\s+Республики|Киргизской\s+ССР|КР\b|айыл\s+[оө]кмөт|айыл\s+окмот)")
QUOTES = "«\"“„"  # opening quotes: a body's or a product's name follows
# A sole trader's business bears the trader's own name: "ИП «Асанов А.А.»" is a person.
TRADER_BEFORE = re.compile(r"(?:\b(?:ИП|ЖИ)|(?i:индивидуальн\w*\s+предпринимател\w*|жеке\s+ишкер\w*))\s*$")


def doc_text(doc: Doc) -> str:
    return doc.user_data.get("text") or doc.text


def token_texts(doc: Doc) -> list[str]:
    """Each token's text, listed once per document: every rule looks at
    every token, and doc[i] makes a new Token object each time (a fifth of
    the anonymiser's time on the real acts went to making them)."""
    texts = doc.user_data.get("token_texts")
    if texts is None:
        texts = doc.user_data["token_texts"] = [t.text for t in doc]
    return texts


def street_or_body(doc: Doc, start: int, end: int) -> bool:
    """A street, a district or a quoted body named after a person
    ("ул.Тилебалиева", "Масалиев көчөсүндө", "«Кайдасын»"): not a person;
    a sole trader's business ("ИП «Асанов А.А.»") is the trader."""
    text = doc_text(doc)
    a, b = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    if place_around(text, a, b, doc[start:end].text):
        return True
    before = text[max(0, a - 2) : a].strip()
    if not before or before[-1] not in QUOTES:
        return False
    if _quoted_speech(text, b):
        return False  # «Максим скончался…», — сказал тренер: a quotation opens with the name
    if TRADER_BEFORE.search(text[max(0, a - 40) : a - 1]):
        return False
    if before[-1] != '"':
        return True
    # A straight quote opens a name only if it is the odd one on its line:
    # in 'главы "Газэкспорта" Юрия Комарова' it closes the body's name.
    line = text[text.rfind("\n", 0, a) + 1 : a]
    return line.count('"') % 2 == 1


def place_around(text: str, start: int, end: int, words: str) -> bool:
    """The words text[start:end] name a street, a place or a body by the words
    around them: a street's word before, a place noun in its possessive
    after, or the state or a village administration after a word that is
    no surname."""
    if STREET_BEFORE.search(text[max(0, start - 20) : start]) or STREET_AFTER.match(text[end : end + 40]):
        return True
    return bool(BODY_AFTER.match(text[end : end + 40])) and not any(
        SURNAME.match(w) or SURNAME_KY.match(w) for w in words.split())


def _quoted_speech(text: str, end: int) -> bool:
    """Words in lowercase follow the name before the quotation closes: a
    quoted sentence, not a body's name ("«Максим скончался»"; «Кайдасын»,
    «Мамытов и К» are names)."""
    line_end = text.find("\n", end)
    rest = text[end : line_end if line_end >= 0 else len(text)]
    closing = min((i for i in (rest.find(q) for q in "»\"“”") if i >= 0), default=len(rest))
    lowercase = "".join(c if c.islower() else " " for c in rest[:closing])
    return bool(re.search(r"[^\W\d_]{3}", lowercase))
