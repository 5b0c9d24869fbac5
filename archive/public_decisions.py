"""A published decision as the public may see it: the redacted text, and
the title, court, date, case number and articles read from it (with staff
corrections applied). Anything not published is no one's business: None."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from archive import corrections
from archive.services import Services
import metadata
from metadata import first_line, titles
from storage.models import Document, Page, Publication


@dataclass
class PublicDecision:
    id: str
    title: str
    language: str | None
    published_at: str | None
    court: str | None
    date: str | None
    case_number: str | None
    case_type: str | None
    articles: list[str]
    pages: list[Page]
    has_pdf: bool


def published_decision(svc: Services, document_id: str) -> PublicDecision | None:
    """The decision if it is published now (not pending, rejected, withdrawn or unknown)."""
    with svc.catalog.read() as session:
        doc = session.get(Document, document_id)
        if doc is None or doc.publication != Publication.PUBLISHED:
            return None
        pages = list(session.scalars(select(Page).where(Page.document_id == document_id).order_by(Page.number)))
    text = "\n\n".join(p.redacted_text or "" for p in pages)
    found = corrections.apply(metadata.extract(text), corrections.corrected_fields(svc, document_id))
    return PublicDecision(
        id=doc.id, title=titles.act_title(found, doc.language) or first_line(text, doc.id), language=doc.language,
        published_at=doc.published_at.date().isoformat() if doc.published_at else None,
        court=found.court, date=found.date, case_number=found.case_number, case_type=found.case_type,
        articles=list(dict.fromkeys(a.key() for a in found.articles)), pages=pages, has_pdf=bool(doc.public_pdf_blob),
    )


def published_pdf_blob(svc: Services, document_id: str) -> str | None:
    """The blob of a published decision's redacted PDF, if it is published and has one."""
    with svc.catalog.read() as session:
        doc = session.get(Document, document_id)
        if doc is None or doc.publication != Publication.PUBLISHED or not doc.public_pdf_blob:
            return None
        return doc.public_pdf_blob
