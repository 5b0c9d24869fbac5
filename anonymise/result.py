"""The shape of an anonymisation: redacted text and every detection."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    label: str  # PERSON, PIN, PASSPORT, PHONE, ADDRESS, BIRTHDATE, EMAIL, ...
    text: str
    action: str  # "redact", or "keep" for officials named by policy
    replacement: str | None = None  # what stands in the redacted text (None: kept)
    # How sure the detector is that this is personal data, 0-1. Validated
    # identifiers and names in a full name's shape are sure; a lone word
    # that only the NER model calls a name is not. Auto-approval needs all sure.
    confidence: float = 1.0


@dataclass
class AnonymisationResult:
    text: str
    entities: list[Entity] = field(default_factory=list)


# What a redacted identifier reads as, in the language of the act.
PLACEHOLDERS = {
    "ru": {"PIN": "ПИН", "PASSPORT": "ПАСПОРТ", "PHONE": "ТЕЛЕФОН", "EMAIL": "ЭЛ. ПОЧТА", "CARD": "КАРТА",
           "ACCOUNT": "СЧЕТ", "PLATE": "ГОС. НОМЕР", "BIRTHDATE": "ДАТА РОЖДЕНИЯ", "ADDRESS": "АДРЕС"},
    "ky": {"PIN": "ПИН", "PASSPORT": "ПАСПОРТ", "PHONE": "ТЕЛЕФОН", "EMAIL": "ЭЛ. ПОЧТА", "CARD": "КАРТА",
           "ACCOUNT": "ЭСЕП", "PLATE": "МАМ. НОМЕР", "BIRTHDATE": "ТУУЛГАН КҮНҮ", "ADDRESS": "ДАРЕК"},
}
KYRGYZ_LETTERS = set("ңөүҢӨҮ")


def language_of(text: str) -> str:
    """ky when the Kyrgyz letters are common enough, else ru."""
    letters = sum(c.isalpha() for c in text) or 1
    return "ky" if sum(c in KYRGYZ_LETTERS for c in text) / letters > 0.005 else "ru"


def placeholder(label: str, language: str) -> str:
    return f"[{PLACEHOLDERS[language].get(label, label)}]"


def redact(text: str, entities: list[Entity], language: str | None = None) -> str:
    """Replace each entity marked "redact" by its replacement (a person's
    is the same at every mention) or, lacking one, its placeholder."""
    language = language or language_of(text)
    out, last = [], 0
    for entity in sorted(entities, key=lambda e: e.start):
        if entity.action != "redact" or entity.start < last:
            continue
        out.append(text[last : entity.start])
        replacement = entity.replacement or placeholder(entity.label, language)
        if replacement.endswith(".") and text[entity.end : entity.end + 1] == ".":
            replacement = replacement[:-1]  # "А. Б. И." at a sentence's end: one full stop
        out.append(replacement)
        last = entity.end
    out.append(text[last:])
    return "".join(out)
