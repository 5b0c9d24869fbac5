"""What the anonymiser finds: each detection, and a text's result."""

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
