"""What the staff index holds of a document, made from the catalog alone,
so an index can always be rebuilt (`sotarchive reindex`) or refreshed
after a correction."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from sqlalchemy import select

from archive import corrections
from archive.publication import public_text
from archive.services import Services
from indexing import IndexedDocument
import metadata
from metadata import titles
from storage.models import Document, DocumentStatus, Page, Publication


def document_language(page_languages: Iterable[str | None]) -> str | None:
    """ky or ru when every page with text is in one, mixed when both are."""
    found = {lang for lang in page_languages if lang in ("ky", "ru", "mixed")}
    if not found:
        return None
    return found.pop() if len(found) == 1 else "mixed"


def indexed_document(document: Document, pages: list[Page], corrected: dict[str, object] | None = None) -> IndexedDocument:
    """What the internal index holds of a document: made from the catalog
    alone, so the index can always be rebuilt (`sotarchive reindex`). The
    court, date, case type and articles come from the text (metadata/),
    and an operator's corrections win over it (archive/corrections.py)."""
    text = "\n\n".join(p.text or "" for p in pages)
    found = corrections.apply(metadata.extract(text), corrected or {})
    language = document_language(p.language for p in pages)
    return IndexedDocument(
        id=document.id,
        title=titles.act_title(found, language) or document.title or document.source_name,
        source=document.source_name,
        text=text,
        language=language,
        court=found.court,
        date=found.date,
        case_type=found.case_type,
        articles=tuple(dict.fromkeys(a.key() for a in found.articles)),
    )


def live_document_ids(svc: Services) -> list[str]:
    """Every processed document the search holds (split or joined ones are
    represented by their parts)."""
    with svc.catalog.read() as session:
        return list(session.scalars(
            select(Document.id).where(Document.status.in_((DocumentStatus.DONE, DocumentStatus.DONE_WITH_ERRORS)),
                                      Document.superseded.is_(False)).order_by(Document.id)
        ))


def catalog_documents(svc: Services, ids: Iterable[str] | None = None) -> Iterator[IndexedDocument]:
    """Indexed documents of the catalog (these ids, or every one), as the
    internal index holds them, one at a time."""
    for document_id in live_document_ids(svc) if ids is None else ids:
        with svc.catalog.read() as session:
            document = session.get(Document, document_id)
            pages = list(session.scalars(select(Page).where(Page.document_id == document_id).order_by(Page.number)))
        if document is not None and not document.superseded:
            yield indexed_document(document, pages, corrections.corrected_fields(svc, document_id))


def refresh_indexes(svc: Services, document_id: str) -> None:
    """Index a document again as the catalog now has it (after a metadata
    correction, say): the internal index, and the public one if published."""
    svc.internal_index.index(list(catalog_documents(svc, [document_id])))
    with svc.catalog.read() as session:
        doc = session.get(Document, document_id)
        published = doc is not None and doc.publication == Publication.PUBLISHED
    if published:
        svc.public_index.index([public_text(svc, document_id)[0]])
