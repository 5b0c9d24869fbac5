"""Pages OCR flagged, and what operators decide about them.

A flagged page (faint, skewed, nearly blank, low confidence) waits for an
operator, who accepts it as it is, marks it handwritten (no OCR will read
it; the scan is what there is), or scans it again. A new scan takes the
old page's place in the document: it is read instead of the original's
page, and the document's later stages run again; the original file and
every earlier result stay in storage, and an event records the change.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, select

from archive.errors import BadInput, N_, Refusal
from archive.services import Services
from ingest import stages
from ingest.sources import inspect_source
from storage.models import Document, DocumentStatus, Event, File, Page, StageRun

STAGE = "attention"
RESOLUTIONS = ("accepted", "handwritten")


# Why a replacement scan is refused (said in the operator's language by search_api.i18n.say_reason).
REFUSALS = {
    "unreadable": N_("%(name)s: %(reason)s"),
    "not_one_page": N_("%(name)s: a replacement is one scanned page (an image, or a PDF of one page); "
                       "this holds %(count)s pages of %(kind)s"),
}


class AttentionError(Refusal, ValueError):
    """The decision cannot be taken; the message says why."""


@dataclass(frozen=True)
class FlaggedPage:
    document_id: str
    number: int
    source_name: str
    reason: str | None
    confidence: float | None
    has_image: bool


def flagged_pages(svc: Services, batch_id: int | None = None, limit: int = 200) -> list[FlaggedPage]:
    """Flagged pages no operator has decided on yet, oldest documents first."""
    with svc.catalog.read() as session:
        query = (select(Page, Document.source_name).join(Document, Document.id == Page.document_id)
                 .where(Page.needs_attention.is_(True), Page.attention_resolution.is_(None))
                 .order_by(Document.created_at, Page.document_id, Page.number).limit(limit))
        if batch_id is not None:
            query = query.where(Page.document_id.in_(
                select(File.document_id).where(File.batch_id == batch_id)))
        return [FlaggedPage(p.document_id, p.number, name, p.attention_reason, p.confidence, bool(p.image_blob))
                for p, name in session.execute(query).all()]


def resolve(svc: Services, document_id: str, number: int, resolution: str, who: str) -> None:
    if resolution not in RESOLUTIONS:
        raise AttentionError(f"a flagged page is {' or '.join(RESOLUTIONS)}, or scanned again; not {resolution!r}")
    with svc.catalog.write() as session:
        page = _page(session, document_id, number)
        page.attention_resolution = resolution
        session.add(Event(document_id=document_id, page_number=number, stage=STAGE, kind=resolution, actor=who,
                          message=page.attention_reason))


def replace_page(svc: Services, document_id: str, number: int, scan: Path, name: str, who: str) -> None:
    """Put a new scan in the page's place; the caller queues the document
    (prepare) so the page is read and the document stages run again."""
    try:
        info = inspect_source(scan, name, svc.config.raster_dpi)
    except BadInput as exc:
        raise AttentionError(REFUSALS["unreadable"] % {"name": name, "reason": exc}) from exc
    if info.kind == "text" or info.page_count != 1:
        raise AttentionError(REFUSALS["not_one_page"] % {"name": name, "count": info.page_count, "kind": info.kind})
    digest = svc.blobs.put_file(scan)
    with svc.catalog.write() as session:
        page = _page(session, document_id, number)
        before = {"replacement_blob": page.replacement_blob, "image_blob": page.image_blob, "text": page.text}
        page.replacement_blob, page.attention_resolution = digest, "rescanned"
        session.execute(delete(StageRun).where(
            StageRun.document_id == document_id,
            ((StageRun.page_number == number) & (StageRun.stage == stages.OCR))
            | ((StageRun.page_number == 0) & StageRun.stage.in_(stages.DOCUMENT_STAGES))))
        doc = session.get(Document, document_id)
        assert doc is not None
        doc.status = DocumentStatus.PROCESSING
        session.add(Event(document_id=document_id, page_number=number, stage=STAGE, kind="rescanned", actor=who,
                          message=json.dumps({"file": name, "replacement_blob": digest, "before": before},
                                             ensure_ascii=False)))


def _page(session, document_id: str, number: int) -> Page:  # type: ignore[no-untyped-def]
    page = session.scalar(select(Page).where(Page.document_id == document_id, Page.number == number))
    if page is None:
        raise AttentionError(f"document {document_id} has no page {number}")
    return page
