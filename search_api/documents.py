"""Reading documents and pages from the catalog for the API and the pages."""

from __future__ import annotations

from dataclasses import dataclass

from flask import abort, current_app, send_file
from sqlalchemy import select

from archive.public_decisions import PublicDecision, published_decision, published_pdf_blob
from archive.services import Services
from storage.models import Document, Page


def services() -> Services:
    return current_app.config["SERVICES"]


@dataclass
class DocumentView:
    document: Document
    pages: list[Page]


def load_document(document_id: str) -> DocumentView:
    with services().catalog.read() as session:
        document = session.get(Document, document_id)
        if document is None:
            abort(404, description=f"no document with id {document_id!r}")
        pages = list(
            session.scalars(select(Page).where(Page.document_id == document_id).order_by(Page.number))
        )
    return DocumentView(document, pages)


def load_page(document_id: str, number: int) -> Page:
    with services().catalog.read() as session:
        page = session.scalar(select(Page).where(Page.document_id == document_id, Page.number == number))
        if page is None:
            abort(404, description=f"document {document_id!r} has no page {number}")
        return page


def published(document_id: str) -> PublicDecision:
    """A published decision; anything else is a 404 like a decision that never existed."""
    decision = published_decision(services(), document_id)
    if decision is None:
        abort(404, description=f"no published decision {document_id}")
    return decision


def send_published_pdf(document_id: str):  # type: ignore[no-untyped-def]
    """The redacted PDF of a published decision (boxes burnt into scans), or a 404."""
    blob = published_pdf_blob(services(), document_id)
    if blob is None:
        abort(404, description=f"no published decision {document_id}")
    return send_file(services().blobs.path(blob), mimetype="application/pdf", download_name=f"{document_id}.pdf")
