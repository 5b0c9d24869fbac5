"""Reading documents and pages from the catalog for the API and the pages."""

from __future__ import annotations

from dataclasses import dataclass

from flask import abort, current_app
from sqlalchemy import select

from ingest.services import Services
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
