"""The reviewer's corrections before publication.

A reviewer reads the detections and mends them: a name the detectors
missed is redacted wherever it stands in the document, a detection that
is wrong (an official, a place) is kept. Each change rewrites the
document's detections and redacted pages, moves it to "in_review", and is
recorded as an event with the reviewer, the time, and the detections
before and after. Approving or rejecting ends the review.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass

from sqlalchemy import select

import anonymise
from anonymise import Entity
from anonymise.detect import initials
from anonymise.result import language_of, placeholder
from ingest.publication import actor, event
from ingest.services import Services
from storage.models import Document, Page

REVIEWABLE = ("pending", "in_review", "rejected", "approved")


class ReviewError(ValueError):
    """The change cannot be made; the message says why."""


@dataclass
class Detection:
    page: int
    entity: Entity


def detections(svc: Services, document_id: str) -> list[Detection]:
    with svc.catalog.read() as session:
        doc = _document(session, document_id)
        raw = json.loads(doc.entities_json or "[]")
    return [Detection(int(e.pop("page")), Entity(**e)) for e in raw]


def redact_text(svc: Services, document_id: str, text: str, label: str = "PERSON", who: str | None = None) -> int:
    """Redact every occurrence of `text` (whole words) in the document; the
    number of places added."""
    if len(text.strip()) < 2:
        raise ReviewError("give at least two letters to redact")
    pattern = re.compile(r"(?<!\w)" + re.escape(text.strip()) + r"(?!\w)")

    def change(page: Page, found: list[Entity]) -> list[Entity]:
        language = language_of(page.text or "")
        replacement = initials(text) if label == "PERSON" else placeholder(label, language)
        added = [
            Entity(m.start(), m.end(), label, m.group(), "redact", replacement)
            for m in pattern.finditer(page.text or "")
            if not any(e.action == "redact" and e.start <= m.start() < e.end for e in found)
        ]
        kept = [e for e in found if not any(a.start < e.end and e.start < a.end for a in added)]
        return kept + added

    return _edit(svc, document_id, change, f"redact {text!r} as {label}", who)


def keep_text(svc: Services, document_id: str, text: str, who: str | None = None) -> int:
    """Keep (un-redact) the detections whose text is `text`: a detector's
    mistake, or an official the policy did not know."""
    wanted = text.strip().lower()

    def change(page: Page, found: list[Entity]) -> list[Entity]:
        return [
            Entity(e.start, e.end, e.label, e.text, "keep", None) if e.text.strip().lower() == wanted else e
            for e in found
        ]

    return _edit(svc, document_id, change, f"keep {text!r}", who)


def _edit(svc: Services, document_id: str, change, what: str, who: str | None) -> int:  # type: ignore[no-untyped-def]
    with svc.catalog.write() as session:
        doc = _document(session, document_id)
        if doc.publication not in REVIEWABLE:
            raise ReviewError(f"{document_id} is {doc.publication or 'not anonymised yet'}: nothing to review")
        before = json.loads(doc.entities_json or "[]")
        after: list[dict[str, object]] = []
        changed = 0
        for page in session.scalars(select(Page).where(Page.document_id == document_id).order_by(Page.number)):
            found = [Entity(**{k: v for k, v in e.items() if k != "page"}) for e in before if e["page"] == page.number]
            mended = sorted(change(page, found), key=lambda e: e.start)
            changed += sum(1 for e in mended if e not in found)
            page.redacted_text = anonymise.redact(page.text or "", mended)
            after += [{"page": page.number, **asdict(e)} for e in mended]
        doc.entities_json = json.dumps(after, ensure_ascii=False)
        doc.publication = "in_review"
        session.add(event(document_id, "edited", json.dumps(
            {"change": what, "before": before, "after": after}, ensure_ascii=False), who or actor()))
    return changed


def reject(svc: Services, document_id: str, reason: str | None, who: str | None = None) -> None:
    with svc.catalog.write() as session:
        doc = _document(session, document_id)
        if doc.publication == "published":
            raise ReviewError(f"{document_id} is published: withdraw it first")
        doc.publication = "rejected"
        session.add(event(document_id, "rejected", reason, who))


def _document(session, document_id: str) -> Document:  # type: ignore[no-untyped-def]
    doc = session.get(Document, document_id)
    if doc is None:
        raise ReviewError(f"no document {document_id}")
    return doc

