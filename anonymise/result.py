"""Redacting a text: each detection replaced by its replacement (a person's
the same at every mention) or its kind's placeholder."""

from __future__ import annotations

from anonymise.entity import Entity
from anonymise.identifiers import placeholder

KYRGYZ_LETTERS = set("ңөүҢӨҮ")


def language_of(text: str) -> str:
    """ky when the Kyrgyz letters are common enough, else ru."""
    letters = sum(map(str.isalpha, text)) or 1
    return "ky" if sum(text.count(c) for c in KYRGYZ_LETTERS) / letters > 0.005 else "ru"


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
