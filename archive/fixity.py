"""Fixity: every blob the catalog points at still hashes to its name.

Originals are what the archive must hand on unchanged; derived files
(page images, PDFs, OCR output) can be made again, but a silently altered
one would be served as if it were right. Both are checked; a report says
which is which, so an operator knows what to restore from backup and
what to re-process.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from sqlalchemy import select

from archive.services import Services
from storage.models import Document, DocumentStatus, Page

DOCUMENT_BLOBS = ("pdf_blob", "public_pdf_blob")
PAGE_BLOBS = ("image_blob", "words_blob", "hocr_blob", "pdf_blob", "public_image_blob")


@dataclass(frozen=True)
class BlobRef:
    digest: str
    kind: str  # "original", or the derived file's column ("image_blob"...)
    document_id: str
    page: int | None = None
    name: str | None = None  # the original's file name


@dataclass
class FixityReport:
    checked: int = 0
    altered: list[BlobRef] = field(default_factory=list)
    missing: list[BlobRef] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.altered and not self.missing

    def as_dict(self) -> dict[str, object]:
        def rows(refs: list[BlobRef]) -> list[dict[str, object]]:
            return [{"sha256": r.digest, "kind": r.kind, "document": r.document_id, "page": r.page, "name": r.name}
                    for r in refs]

        return {"checked": self.checked, "ok": self.ok, "altered": rows(self.altered), "missing": rows(self.missing)}


def referenced_blobs(svc: Services, originals_only: bool = False) -> list[BlobRef]:
    """Every blob the catalog refers to, each digest once (the first reference wins)."""
    refs: dict[str, BlobRef] = {}
    with svc.catalog.read() as session:
        for doc in session.scalars(select(Document).order_by(Document.id)):
            if doc.status == DocumentStatus.REJECTED and not svc.config.keep_rejected_files and not svc.blobs.exists(doc.sha256):
                continue  # a rejected file, deliberately not kept: nothing to check
            refs.setdefault(doc.sha256, BlobRef(doc.sha256, "original", doc.id, name=doc.source_name))
            if not originals_only:
                for column in DOCUMENT_BLOBS:
                    if digest := getattr(doc, column):
                        refs.setdefault(digest, BlobRef(digest, column, doc.id))
        if not originals_only:
            for page in session.scalars(select(Page).order_by(Page.document_id, Page.number)):
                for column in PAGE_BLOBS:
                    if digest := getattr(page, column):
                        refs.setdefault(digest, BlobRef(digest, column, page.document_id, page.number))
    return list(refs.values())


def verify(svc: Services, refs: list[BlobRef], on_checked: Callable[[BlobRef], None] = lambda _: None) -> FixityReport:
    report = FixityReport()
    for ref in refs:
        if not svc.blobs.exists(ref.digest):
            report.missing.append(ref)
        elif not svc.blobs.verify(ref.digest):
            report.altered.append(ref)
        report.checked += 1
        on_checked(ref)
    return report
