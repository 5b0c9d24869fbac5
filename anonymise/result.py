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


@dataclass
class AnonymisationResult:
    text: str
    entities: list[Entity] = field(default_factory=list)


def redact(text: str, entities: list[Entity]) -> str:
    """Replace each entity marked "redact" by a label in brackets."""
    out, last = [], 0
    for entity in sorted(entities, key=lambda e: e.start):
        if entity.action != "redact" or entity.start < last:
            continue
        out.append(text[last : entity.start])
        out.append(f"[{entity.label}]")
        last = entity.end
    out.append(text[last:])
    return "".join(out)


def anonymise(text: str) -> AnonymisationResult:
    """Detect personal data in text and redact it (no detectors yet)."""
    entities: list[Entity] = []
    return AnonymisationResult(text=redact(text, entities), entities=entities)
