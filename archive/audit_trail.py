"""The audit trail of looks at original (non-anonymised) text: events of
their own stage, one per document seen, with who, in which role and from
where. The web records them (search_api/audit.py); admins read them back."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from archive.services import Services
from storage.models import Document, Event

AUDIT_STAGE = "audit"
RECENT = 500


def record(svc: Services, document_ids: list[str], what: str, who: str, role: str, address: str | None,
           page: int | None = None) -> None:
    """One event per document seen (each once)."""
    if not document_ids:
        return
    with svc.catalog.write() as session:
        session.add_all([Event(document_id=document_id, page_number=page, stage=AUDIT_STAGE, kind=what,
                               actor=who, message=f"{role} from {address}")
                         for document_id in dict.fromkeys(document_ids)])


@dataclass
class Trail:
    events: list[Event]
    titles: dict[str, str]  # each document's title, to name it by


def recent(svc: Services, who: str = "", document_id: str = "") -> Trail:
    """The newest looks, by a user, at a document, or both."""
    with svc.catalog.read() as session:
        query = select(Event).where(Event.stage == AUDIT_STAGE).order_by(Event.id.desc()).limit(RECENT)
        if who:
            query = query.where(Event.actor == who)
        if document_id:
            query = query.where(Event.document_id == document_id)
        events = list(session.scalars(query))
        ids = {e.document_id for e in events if e.document_id}
        titles = dict(session.execute(select(Document.id, func.coalesce(Document.title, Document.source_name))
                                      .where(Document.id.in_(ids))).all()) if ids else {}
    return Trail(events, titles)  # type: ignore[arg-type]
