"""Receiving files into a batch, and reading a batch's progress.

Receiving happens where the files are (the command line, later the web
upload): each file is hashed and copied into the blob store, then only its
document id travels through the queue, so a worker on another machine
never needs the operator's paths.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Iterable, Iterator

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from archive.services import Services
from ingest.stages import OCR
from storage.models import Batch, Document, DocumentStatus, Event, File, RunStatus, StageRun

FINISHED = (DocumentStatus.DONE, DocumentStatus.DONE_WITH_ERRORS, DocumentStatus.FAILED, DocumentStatus.REJECTED)
IGNORED_NAMES = {"Thumbs.db", "desktop.ini"}


def expand_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given, and the files under folders, in a stable order.

    Hidden files and the litter of file managers are skipped: they are
    never part of a scan.
    """
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path).parts
                if child.is_file() and not any(p.startswith(".") for p in relative) and child.name not in IGNORED_NAMES:
                    yield child
        else:
            yield path


def default_batch_name() -> str:
    return datetime.now().strftime("batch-%Y%m%d-%H%M%S")


@dataclass(frozen=True)
class Description:
    """What the operator says of a batch; None leaves a field as it was."""

    archive_ref: str | None = None  # фонд / опись / дело: "Ф. 1, оп. 3, д. 40–55"
    court: str | None = None
    scanned_by: str | None = None


def get_or_create_batch(svc: Services, name: str, description: Description = Description()) -> int:
    with svc.catalog.write() as session:
        batch = session.scalar(select(Batch).where(Batch.name == name))
        if batch is None:
            batch = Batch(name=name)
            session.add(batch)
        for key in ("archive_ref", "court", "scanned_by"):
            value = getattr(description, key)
            if value is not None and value.strip():
                setattr(batch, key, value.strip())
        session.flush()
        return batch.id


def batch_exists(svc: Services, batch_id: int) -> bool:
    with svc.catalog.read() as session:
        return session.get(Batch, batch_id) is not None


def receive_file(svc: Services, batch_id: int, path: Path) -> str | None:
    """Store one file and link it to its document; returns the document id
    to process, or None when the file was refused at the door."""
    try:
        size = path.stat().st_size
        if size == 0:
            raise ValueError("the file is empty (0 bytes); scan or copy it again")
        digest = svc.blobs.put_file(path)
    except (OSError, ValueError) as exc:
        reason = f"cannot read the file: {exc.strerror}" if isinstance(exc, OSError) and exc.strerror else str(exc)
        _record_refused(svc, batch_id, path, reason)
        return None
    with svc.catalog.write() as session:
        document = session.scalar(select(Document).where(Document.sha256 == digest))
        if document is None or document.status != DocumentStatus.REJECTED or svc.config.keep_rejected_files:
            return _link(session, batch_id, document, digest, path, size)
        reason = f"rejected before, as {document.source_name}: {document.error}"
    # The same bytes were rejected before: refused at the door, and not kept again.
    svc.blobs.discard(digest)
    _record_refused(svc, batch_id, path, reason)
    return None


def _link(session: Session, batch_id: int, document: Document | None, digest: str, path: Path, size: int) -> str:
    """The file's document (made if these bytes are new) and the file's row in the batch."""
    if document is None:
        document = Document(id=digest[:16], sha256=digest, size=size, source_name=path.name, status=DocumentStatus.QUEUED)
        session.add(document)
        session.flush()
    shown = str(path)
    if session.scalar(select(File).where(File.batch_id == batch_id, File.path == shown)) is None:
        session.add(File(batch_id=batch_id, document_id=document.id, name=path.name, path=shown, size=size))
        session.add(Event(batch_id=batch_id, document_id=document.id, stage="receive", kind="received", message=shown))
    return document.id


def _record_refused(svc: Services, batch_id: int, path: Path, reason: str) -> None:
    with svc.catalog.write() as session:
        file = session.scalar(select(File).where(File.batch_id == batch_id, File.path == str(path)))
        if file is None:
            file = File(batch_id=batch_id, name=path.name, path=str(path), size=0)
            session.add(file)
        file.status, file.error = "refused", reason
        session.add(
            Event(batch_id=batch_id, stage="receive", kind="refused", message=f"{path}: {reason}")
        )


def unfinished_documents(svc: Services, batch_id: int | None) -> list[str]:
    """The batch's documents not finished yet (batch None: every batch's)."""
    query = (select(Document.id).join(File, File.document_id == Document.id)
             .where(Document.status.not_in(FINISHED)).distinct())
    if batch_id is not None:
        query = query.where(File.batch_id == batch_id)
    with svc.catalog.read() as session:
        return list(session.scalars(query))


@dataclass
class Failure:
    name: str
    reason: str


@dataclass
class BatchProgress:
    batch: str
    description: Description
    files: int
    documents: int
    finished_documents: int
    pages_total: int
    pages_done: int
    statuses: dict[str, int] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    refused: int = 0  # files refused at the door (never documents)
    retryable: int = 0  # failed stages a retry runs again (not refused files, not rejected documents)
    pages_unknown: int = 0  # documents not yet opened: their pages are not counted yet

    @property
    def pages_expected(self) -> int:
        """The pages to read, as far as known: each document not yet opened counts one."""
        return self.pages_total + self.pages_unknown

    @property
    def finished(self) -> bool:
        return self.finished_documents >= self.documents

    def as_dict(self) -> dict[str, object]:
        return {
            "batch": self.batch,
            "archive_ref": self.description.archive_ref,
            "court": self.description.court,
            "scanned_by": self.description.scanned_by,
            "files": self.files,
            "documents": self.documents,
            "pages": self.pages_total,
            "pages_done": self.pages_done,
            "statuses": self.statuses,
            "refused": self.refused,
            "retryable": self.retryable,
            "failures": [{"file": f.name, "reason": f.reason} for f in self.failures],
        }


def batch_progress(svc: Services, batch_id: int) -> BatchProgress:
    with svc.catalog.read() as session:
        batch = session.get(Batch, batch_id)
        assert batch is not None
        files = list(session.scalars(select(File).where(File.batch_id == batch_id)))
        doc_ids = {f.document_id for f in files if f.document_id}
        documents = list(session.scalars(select(Document).where(Document.id.in_(doc_ids))))
        pages_done = session.scalar(
            select(func.count()).where(
                StageRun.document_id.in_(doc_ids),
                StageRun.stage == OCR,
                StageRun.status.in_((RunStatus.DONE, RunStatus.FAILED)),
            )
        )
        page_errors = session.execute(
            select(StageRun.document_id, StageRun.page_number, StageRun.stage, StageRun.error).where(
                StageRun.document_id.in_(doc_ids), StageRun.status == RunStatus.FAILED
            )
        ).all()
    statuses: dict[str, int] = {}
    for doc in documents:
        statuses[doc.status] = statuses.get(doc.status, 0) + 1
    names = {doc.id: doc.source_name for doc in documents}
    failures = [Failure(f.name, f.error or "refused") for f in files if f.status == "refused"]
    failures += [Failure(names[d.id], d.error) for d in documents if d.status == DocumentStatus.REJECTED and d.error]
    failures += [
        Failure(f"{names[doc_id]}, page {page}" if page else names[doc_id], f"{stage}: {error}")
        for doc_id, page, stage, error in page_errors
        if not (page == 0 and stage == "prepare")
    ]
    failures += [
        Failure(d.source_name, d.error) for d in documents if d.status == DocumentStatus.DONE_WITH_ERRORS and d.error
    ]
    return BatchProgress(
        batch=batch.name,
        description=Description(batch.archive_ref, batch.court, batch.scanned_by),
        files=len(files),
        documents=len(documents),
        finished_documents=sum(1 for d in documents if d.status in FINISHED),
        pages_total=sum(d.page_count or 0 for d in documents),
        pages_done=pages_done or 0,
        statuses=statuses,
        failures=failures,
        refused=sum(1 for f in files if f.status == "refused"),
        retryable=sum(1 for _, page, stage, _ in page_errors if not (page == 0 and stage == "prepare")),
        pages_unknown=sum(1 for d in documents if d.page_count is None and d.status not in FINISHED),
    )


def batch_id_named(svc: Services, name: str) -> int | None:
    """The batch of this name, if there is one."""
    with svc.catalog.read() as session:
        return session.scalar(select(Batch.id).where(Batch.name == name))


def document_states(svc: Services, document_ids: list[str]) -> tuple[str | None, ...]:
    """Each document's pipeline state, in order (None for an unknown id)."""
    with svc.catalog.read() as session:
        states = dict(session.execute(select(Document.id, Document.status).where(Document.id.in_(document_ids))).all())
    return tuple(states.get(d) for d in document_ids)
