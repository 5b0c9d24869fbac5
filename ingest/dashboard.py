"""What the operators' dashboard shows: each batch's progress through the
stages, its pace and time to finish, and the figures the archive reports
(pages per day per operator and per batch, mean OCR confidence, the share
of pages needing attention).

Progress is counted in pages at every stage, so the bars of one batch can
be compared: a document's pages count as anonymised, indexed or published
when the document is.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import timedelta

from sqlalchemy import and_, case, delete, func, select

from archive.services import Services
from ingest import stages
from ingest.batches import batch_progress
from storage.models import Batch, Document, DocumentStatus, Event, File, Page, Publication, RunStatus, StageRun, as_utc, utcnow

PACE_WINDOW = timedelta(minutes=10)  # pages per minute are measured over this much recent time


@dataclass
class BatchStatus:
    id: int
    name: str
    archive_ref: str | None
    court: str | None
    scanned_by: str | None
    documents: int
    pages: int
    ocr: int
    anonymised: int
    indexed: int
    published: int
    failures: list[dict[str, str]] = field(default_factory=list)
    retryable: bool = False  # some failure a retry can mend (a refused or rejected file cannot be)
    needs_attention: int = 0
    attention_share: float = 0.0  # percent of the batch's pages
    mean_confidence: float | None = None
    pages_per_minute: float = 0.0
    eta_s: int | None = None
    finished: bool = False

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def batch_status(svc: Services, batch_id: int) -> BatchStatus:
    progress = batch_progress(svc, batch_id)
    now = utcnow()
    with svc.catalog.read() as session:
        batch = session.get(Batch, batch_id)
        assert batch is not None
        doc_ids = select(File.document_id).where(File.batch_id == batch_id, File.document_id.is_not(None))
        documents = list(session.scalars(select(Document).where(Document.id.in_(doc_ids))))
        pages_of = {d.id: d.page_count or 0 for d in documents}
        done_by_stage: dict[str, set[str]] = {}
        for stage in (stages.ANONYMISE, stages.INDEX):
            done_by_stage[stage] = set(session.scalars(select(StageRun.document_id).where(
                StageRun.document_id.in_(doc_ids), StageRun.page_number == 0, StageRun.stage == stage,
                StageRun.status == RunStatus.DONE)))
        recent = session.scalar(select(func.count()).where(
            StageRun.document_id.in_(doc_ids), StageRun.stage == stages.OCR, StageRun.status.in_((RunStatus.DONE, RunStatus.FAILED)),
            StageRun.finished_at >= now - PACE_WINDOW)) or 0
        first = session.scalar(select(func.min(StageRun.finished_at)).where(
            StageRun.document_id.in_(doc_ids), StageRun.stage == stages.OCR, StageRun.finished_at >= now - PACE_WINDOW))
        confidence, flagged = session.execute(select(
            func.avg(Page.confidence),
            func.sum(case((and_(Page.needs_attention.is_(True), Page.attention_resolution.is_(None)), 1), else_=0)),
        ).where(Page.document_id.in_(doc_ids))).one()
    # Pages per minute over the recent window (or since the batch's first page, if later).
    window = max(60.0, (now - as_utc(first)).total_seconds()) if first else PACE_WINDOW.total_seconds()
    pace = recent / window * 60
    remaining = progress.pages_total - progress.pages_done
    return BatchStatus(
        id=batch_id, name=batch.name, archive_ref=batch.archive_ref, court=batch.court, scanned_by=batch.scanned_by,
        documents=progress.documents, pages=progress.pages_total, ocr=progress.pages_done,
        anonymised=sum(pages_of[d] for d in done_by_stage[stages.ANONYMISE]),
        indexed=sum(pages_of[d] for d in done_by_stage[stages.INDEX]),
        published=sum(d.page_count or 0 for d in documents if d.publication == Publication.PUBLISHED),
        failures=[{"file": f.name, "reason": f.reason} for f in progress.failures],
        retryable=progress.retryable > 0,
        needs_attention=int(flagged or 0),
        attention_share=round(100 * int(flagged or 0) / progress.pages_total, 1) if progress.pages_total else 0.0,
        mean_confidence=round(float(confidence), 1) if confidence is not None else None,
        pages_per_minute=round(pace, 1),
        eta_s=0 if progress.finished else int(remaining / pace * 60) if pace > 0 and remaining > 0 else None,
        finished=progress.finished,
    )


def all_batches(svc: Services, recent: int = 20) -> list[BatchStatus]:
    """The newest batches (the desk polls this every few seconds: the
    archive's whole history would be too much to count each time)."""
    with svc.catalog.read() as session:
        ids = list(session.scalars(select(Batch.id).order_by(Batch.created_at.desc()).limit(recent)))
    return [batch_status(svc, batch_id) for batch_id in ids]


def pages_per_day(svc: Services, days: int = 14) -> list[dict[str, object]]:
    """Pages read per day, per operator (who scanned the batch) and per batch."""
    since = utcnow() - timedelta(days=days)
    with svc.catalog.read() as session:
        rows = session.execute(
            select(StageRun.finished_at, Batch.name, Batch.scanned_by)
            .join(File, File.document_id == StageRun.document_id).join(Batch, Batch.id == File.batch_id)
            .where(StageRun.stage == stages.OCR, StageRun.status == RunStatus.DONE, StageRun.finished_at >= since)
        ).all()
    counts: dict[tuple[str, str, str], int] = {}
    for finished_at, batch, operator in rows:
        key = (as_utc(finished_at).date().isoformat(), operator or "—", batch)
        counts[key] = counts.get(key, 0) + 1
    return [{"day": d, "operator": o, "batch": b, "pages": n} for (d, o, b), n in sorted(counts.items(), reverse=True)]


def daily_totals(per_day: list[dict[str, object]]) -> list[tuple[str, int]]:
    """pages_per_day's rows summed over operators and batches: (day, pages), oldest first."""
    totals: Counter[str] = Counter()
    for row in per_day:
        totals[str(row["day"])] += int(row["pages"])  # type: ignore[call-overload]
    return sorted(totals.items())


def retry_failed(svc: Services, batch_id: int, who: str) -> list[str]:
    """Set the batch's failed stages up to run again; returns the documents
    to queue. Files refused at the door (not a scan, corrupt) are not
    retried: the same bytes would fail the same way."""
    with svc.catalog.write() as session:
        doc_ids = select(File.document_id).where(File.batch_id == batch_id, File.document_id.is_not(None))
        failed = list(session.scalars(select(StageRun.document_id).where(
            StageRun.document_id.in_(doc_ids), StageRun.status == RunStatus.FAILED, StageRun.stage != stages.PREPARE).distinct()))
        if not failed:
            return []
        session.execute(delete(StageRun).where(StageRun.document_id.in_(failed), StageRun.status == RunStatus.FAILED))
        # The document stages run again after the pages: their results are stale too.
        session.execute(delete(StageRun).where(StageRun.document_id.in_(failed), StageRun.page_number == 0,
                                               StageRun.stage.in_(stages.DOCUMENT_STAGES)))
        for doc in session.scalars(select(Document).where(Document.id.in_(failed))):
            doc.status = DocumentStatus.PROCESSING
            session.add(Event(batch_id=batch_id, document_id=doc.id, stage="retry", kind="retry", actor=who))
        return failed
