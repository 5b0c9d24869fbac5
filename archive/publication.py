"""Publication gating: what reaches the public index, and only that.

A document anonymised by the pipeline waits as "pending". A reviewer
approves it (an event records who and when); publishing puts its redacted
text, and nothing else of it, into the public index after a leak check;
withdrawing takes it out again. The public index never sees the original
text, the original file name, or an unreviewed document.
"""

from __future__ import annotations

import getpass
import json
import re
from dataclasses import dataclass, field
from typing import Iterator

from sqlalchemy import select

from anonymise.leaks import Suspect, suspects
from anonymise.scans import ScanRedactionError
from archive import corrections, public_pdf
from archive.errors import N_, Refusal
from archive.services import Services
from indexing import IndexedDocument
import metadata
from metadata import titles
from storage.models import Document, Event, Page, Publication, utcnow

STAGE = "publication"
APPROVABLE = (Publication.PENDING, Publication.IN_REVIEW, Publication.REJECTED, Publication.WITHDRAWN)  # a withdrawn one may be mended and approved again
# Why a document is not approved, published or withdrawn (said to the
# reviewer in their language by search_api.i18n.say_reason).
NOT_ANONYMISED = N_("not anonymised yet")
REFUSALS = {
    "missing": N_("no such document"),
    "not_waiting": N_("not waiting for review (it is %(state)s)"),
    "not_approved": N_("not approved (it is %(state)s)"),
    "held": N_("held for review: %(count)s span(s) look like personal data: %(spans)s"),
    "unredactable": N_("the scan cannot be redacted safely: %(detail)s"),
    "leak": N_("%(label)s %(text)s is still in the text to publish"),
}


class LeakError(Refusal, RuntimeError):
    """Personal data found in what was about to be published."""


class HeldError(LeakError):
    """The independent leak check found something shaped like personal data
    that no detector marked: a reviewer must look before it is published."""

    def __init__(self, found: list[Suspect]) -> None:
        self.found = found
        listed = "; ".join(f"{s.text!r} ({s.reason})" for s in found[:10])
        super().__init__(REFUSALS["held"] % {"count": len(found), "spans": listed})


@dataclass
class Outcome:
    published: list[str] = field(default_factory=list)
    approved: list[str] = field(default_factory=list)
    withdrawn: list[str] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)  # id → why


def actor() -> str:
    return getpass.getuser()


def event(document_id: str, kind: str, message: str | None = None, who: str | None = None) -> Event:
    return Event(document_id=document_id, stage=STAGE, kind=kind, message=message, actor=who or actor())


def approve(svc: Services, ids: list[str], who: str | None = None) -> Outcome:
    outcome = Outcome()
    with svc.catalog.write() as session:
        for document_id in ids:
            doc = session.get(Document, document_id)
            if doc is None:
                outcome.refused[document_id] = REFUSALS["missing"]
            elif doc.publication not in APPROVABLE:
                outcome.refused[document_id] = REFUSALS["not_waiting"] % {"state": doc.publication or NOT_ANONYMISED}
            else:
                doc.publication = Publication.APPROVED
                session.add(event(document_id, "approved", who=who))
                outcome.approved.append(document_id)
    return outcome


def approved_ids(svc: Services) -> list[str]:
    return _ids_in(svc, (Publication.APPROVED,))


def published_ids(svc: Services) -> list[str]:
    return _ids_in(svc, (Publication.PUBLISHED,))


def waiting_ids(svc: Services) -> list[str]:
    """Documents waiting for a reviewer (not those a reviewer rejected)."""
    return _ids_in(svc, (Publication.PENDING, Publication.IN_REVIEW))


def publication_states(svc: Services, document_ids: list[str]) -> dict[str, str]:
    """Each known document's publication state (pending, approved, published...)."""
    with svc.catalog.read() as session:
        return dict(session.execute(select(Document.id, Document.publication)  # type: ignore[arg-type]
                                    .where(Document.id.in_(document_ids))).all())


def _ids_in(svc: Services, states: tuple[str, ...]) -> list[str]:
    with svc.catalog.read() as session:
        return list(session.scalars(select(Document.id).where(Document.publication.in_(states)).order_by(Document.id)))


def public_text(svc: Services, document_id: str) -> tuple[IndexedDocument, Document, list[Page], list[dict[str, object]]]:
    """What the public index holds of a document: the redacted text, a
    title taken from it and no file name (names of files carry names);
    checked for leaks."""
    with svc.catalog.read() as session:
        doc = session.get(Document, document_id)
        assert doc is not None
        pages = list(session.scalars(select(Page).where(Page.document_id == document_id).order_by(Page.number)))
        entities = json.loads(doc.entities_json or "[]")
    text = "\n\n".join(p.redacted_text or "" for p in pages)
    # Court, date, number, type and articles read from the redacted text:
    # they name no private person, and the public search filters on them.
    found = corrections.apply(metadata.extract(text), corrections.corrected_fields(svc, document_id))
    title = titles.act_title(found, doc.language) or metadata.first_line(text, "")
    public = IndexedDocument(
        id=doc.id, title=title, source=doc.id, text=text, language=doc.language, court=found.court,
        date=found.date, case_type=found.case_type, articles=tuple(dict.fromkeys(a.key() for a in found.articles)),
    )
    check_for_leaks(" ".join((public.title, public.text, public.source)), entities)
    found = held_spans_in(text, doc.language, entities)
    if found:
        raise HeldError(found)
    return public, doc, pages, entities


def held_spans_in(redacted: str, language: str | None, entities: list[dict[str, object]]) -> list[Suspect]:
    """What the independent leak check finds in a redacted text, officials
    kept by policy and spans kept by reviewers allowed."""
    kept = [str(e.get("text", "")) for e in entities if e.get("action") == "keep"]
    return suspects(redacted, "ky" if language == "ky" else "ru", kept)


def held_spans(svc: Services, document_id: str) -> list[Suspect]:
    """The leak check's findings in a document's redacted pages (for the reviewer's page)."""
    with svc.catalog.read() as session:
        doc = session.get(Document, document_id)
        assert doc is not None
        texts = list(session.scalars(select(Page.redacted_text).where(Page.document_id == document_id)
                                     .order_by(Page.number)))
        entities = json.loads(doc.entities_json or "[]")
        language = doc.language
    return held_spans_in("\n\n".join(t or "" for t in texts), language, entities)


def published_documents(svc: Services) -> Iterator[IndexedDocument]:
    """Every published document as the public index holds it (for `sotarchive reindex --public`)."""
    with svc.catalog.read() as session:
        ids = list(session.scalars(select(Document.id).where(Document.publication == Publication.PUBLISHED).order_by(Document.id)))
    for document_id in ids:
        yield public_text(svc, document_id)[0]


@dataclass
class Publishable:
    """All the public will get of a document, checked for leaks."""

    document: IndexedDocument
    pdf: bytes
    page_images: dict[int, bytes]  # redacted scans, by page number


def public_document(svc: Services, document_id: str) -> Publishable:
    """The public index's document, the redacted PDF and page images."""
    public, doc, pages, entities = public_text(svc, document_id)
    try:
        pdf, images = public_pdf.build(svc, pages, entities, public.title or doc.id)
    except ScanRedactionError as exc:
        raise LeakError(REFUSALS["unredactable"] % {"detail": exc}) from exc
    check_for_leaks(public_pdf.extracted_text(pdf), entities)
    return Publishable(public, pdf, images)


def check_for_leaks(published: str, entities: list[dict[str, object]]) -> None:
    """Every value detected and redacted must be absent from what is published."""
    haystack = published.lower()
    for entity in entities:
        if entity.get("action") != "redact":
            continue
        value = str(entity.get("text", "")).strip().lower()
        if len(value) >= 3 and re.search(r"(?<!\w)" + re.escape(value) + r"(?!\w)", haystack):
            raise LeakError(REFUSALS["leak"] % {"label": entity.get("label"), "text": repr(entity.get("text"))})


def publish(svc: Services, ids: list[str], who: str | None = None) -> Outcome:
    """Approved documents into the public index."""
    outcome = Outcome()
    ready = []
    for document_id in ids:
        with svc.catalog.read() as session:
            doc = session.get(Document, document_id)
            state = None if doc is None else doc.publication
        if state != "approved":
            outcome.refused[document_id] = REFUSALS["not_approved"] % {"state": state or NOT_ANONYMISED}
            continue
        try:
            ready.append(public_document(svc, document_id))
        except LeakError as exc:
            outcome.refused[document_id] = str(exc)
            with svc.catalog.write() as session:
                if isinstance(exc, HeldError):
                    # Never straight to the public: back to the review queue, the spans named.
                    held = session.get(Document, document_id)
                    assert held is not None
                    held.publication = Publication.IN_REVIEW
                    session.add(event(document_id, "held", str(exc), who))
                else:
                    session.add(event(document_id, "refused", str(exc), who))
    # Blobs first, then the catalog, then the index: the public site never
    # points at a page image or PDF that is not stored yet.
    with svc.catalog.write() as session:
        for item in ready:
            doc = session.get(Document, item.document.id)
            assert doc is not None
            doc.publication, doc.published_at = Publication.PUBLISHED, utcnow()
            doc.public_pdf_blob = svc.blobs.put_bytes(item.pdf)
            for page in session.scalars(select(Page).where(Page.document_id == doc.id)):
                image = item.page_images.get(page.number)
                page.public_image_blob = svc.blobs.put_bytes(image) if image else None
            session.add(event(doc.id, "published", who=who))
            outcome.published.append(doc.id)
    if ready:
        svc.public_index.index([item.document for item in ready])
    return outcome


def withdraw(svc: Services, ids: list[str], who: str | None = None, reason: str | None = None) -> Outcome:
    outcome = Outcome()
    svc.public_index.delete(ids)
    with svc.catalog.write() as session:
        for document_id in ids:
            doc = session.get(Document, document_id)
            if doc is None:
                outcome.refused[document_id] = REFUSALS["missing"]
                continue
            doc.publication = Publication.WITHDRAWN
            session.add(event(document_id, "withdrawn", reason, who))
            outcome.withdrawn.append(document_id)
    return outcome


@dataclass(frozen=True)
class FeedItem:
    event: int
    document_id: str
    action: str  # published or withdrawn
    at: str
    title: str | None  # the public title while the decision is published; nothing of a withdrawn one


def feed(svc: Services, after: int = 0, limit: int = 100) -> list[FeedItem]:
    """Publications and withdrawals after an event id, oldest first: what
    sot.kg and other mirrors replay to stay in step with the archive."""
    with svc.catalog.read() as session:
        rows = session.execute(
            select(Event.id, Event.document_id, Event.kind, Event.at)
            .where(Event.stage == STAGE, Event.kind.in_(("published", "withdrawn")), Event.id > after)
            .order_by(Event.id).limit(limit)).all()
        live = set(session.scalars(select(Document.id).where(
            Document.id.in_({r.document_id for r in rows}), Document.publication == Publication.PUBLISHED)))
    return [FeedItem(r.id, r.document_id, r.kind, r.at.isoformat(),
                     public_title(svc, r.document_id) if r.kind == "published" and r.document_id in live else None)
            for r in rows]


def public_title(svc: Services, document_id: str) -> str:
    """What the public index calls a document: its act's kind, court, date
    and number, read from the redacted text (its first line where the text
    says none of them)."""
    with svc.catalog.read() as session:
        doc = session.get(Document, document_id)
        language = doc.language if doc else None
        text = "\n\n".join(t or "" for t in session.scalars(
            select(Page.redacted_text).where(Page.document_id == document_id).order_by(Page.number)))
    found = corrections.apply(metadata.heading(text), corrections.corrected_fields(svc, document_id))
    return titles.act_title(found, language) or metadata.first_line(text, document_id)


def sitemap_entries(svc: Services, limit: int) -> list[tuple[str, object]]:
    """The newest published decisions' ids and publication times."""
    with svc.catalog.read() as session:
        return [tuple(row) for row in session.execute(  # type: ignore[misc]
            select(Document.id, Document.published_at).where(Document.publication == Publication.PUBLISHED)
            .order_by(Document.published_at.desc()).limit(limit)).all()]
