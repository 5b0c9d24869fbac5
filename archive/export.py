"""Export for transfer to the national archive: a BagIt bag.

A bag (RFC 8493, written with the Library of Congress's bagit-python) of
the originals exactly as received, their searchable PDFs, and one
metadata file in JSON and CSV, with a sha256 manifest the receiving
archive checks on arrival. Each original is re-verified against its
hash before it goes in: an altered file must not travel under a fresh
checksum that hides the damage. The bag is built beside its destination
and renamed into place, so an interrupted export leaves no half bag.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable

import bagit
from sqlalchemy import select

from archive import corrections
from archive.errors import Refusal
from archive.services import Services
from metadata import Article
from storage.models import Batch, Document, File

CSV_FIELDS = ("id", "sha256", "source_name", "original", "searchable_pdf", "pages", "language", "batch",
              "batch_archive_ref", "court", "case_number", "date", "case_type", "judges", "articles", "archive_ref")


class ExportError(Refusal, RuntimeError):
    """The bag cannot be made; the message says why."""


def batch_documents(svc: Services, batch_name: str) -> list[str]:
    with svc.catalog.read() as session:
        batch = session.scalar(select(Batch).where(Batch.name == batch_name))
        if batch is None:
            raise ExportError(f"no batch named {batch_name!r}")
        return list(session.scalars(
            select(File.document_id).where(File.batch_id == batch.id, File.document_id.is_not(None))
            .distinct().order_by(File.document_id)))


def found_documents(svc: Services, query: str) -> list[str]:
    """Every document the staff search finds for the query, page after page."""
    ids: list[str] = []
    while True:
        page = svc.internal_index.search(query, limit=100, offset=len(ids))
        ids += [hit.id for hit in page.hits]
        if not page.hits or len(ids) >= page.total:
            return ids


def export_bag(svc: Services, document_ids: Iterable[str], destination: Path, description: str) -> dict[str, Any]:
    """Write the bag at destination (which must not exist yet); returns a summary."""
    ids = list(dict.fromkeys(document_ids))
    if not ids:
        raise ExportError("nothing to export: no documents were selected")
    if destination.exists():
        raise ExportError(f"{destination} exists already: give a new folder for the bag")
    building = destination.with_name(f".{destination.name}.partial")
    shutil.rmtree(building, ignore_errors=True)
    (building / "originals").mkdir(parents=True)
    (building / "searchable").mkdir()
    try:
        records = [_export_document(svc, document_id, building) for document_id in ids]
        (building / "metadata.json").write_text(json.dumps(records, ensure_ascii=False, indent=2), "utf-8")
        with open(building / "metadata.csv", "w", newline="", encoding="utf-8") as out:
            writer = csv.DictWriter(out, CSV_FIELDS, extrasaction="ignore")
            writer.writeheader()
            for record in records:
                writer.writerow({**record, "judges": "; ".join(record["judges"]),
                                 "articles": "; ".join(Article(**a).cited() for a in record["articles"])})
        bagit.make_bag(str(building), {
            "Source-Organization": "sotarchive",
            "External-Description": description,
            "Bagging-Date": datetime.now(timezone.utc).date().isoformat(),
            "Payload-Documents": str(len(records)),
        }, checksums=["sha256"])
        building.rename(destination)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return {"bag": str(destination), "documents": len(records)}


def _export_document(svc: Services, document_id: str, building: Path) -> dict[str, Any]:
    with svc.catalog.read() as session:
        doc = session.get(Document, document_id)
        if doc is None:
            raise ExportError(f"no document {document_id}")
        batch = session.scalar(select(Batch).join(File, File.batch_id == Batch.id).where(File.document_id == document_id))
        sha256, name, pdf_blob, pages, language = doc.sha256, doc.source_name, doc.pdf_blob, doc.page_count, doc.language
    if not svc.blobs.exists(sha256) or not svc.blobs.verify(sha256):
        raise ExportError(f"the original of {document_id} ({name}) is missing or altered on disk: "
                          "run `sotarchive verify` and restore it from backup before exporting")
    original = Path("originals") / document_id / _safe_name(name)
    (building / original).parent.mkdir(parents=True)
    shutil.copyfile(svc.blobs.path(sha256), building / original)
    searchable = None
    if pdf_blob:
        searchable = Path("searchable") / f"{document_id}.pdf"
        shutil.copyfile(svc.blobs.path(pdf_blob), building / searchable)
    found, _ = corrections.effective(svc, document_id, corrections.document_text(svc, document_id) or "")
    return {
        "id": document_id, "sha256": sha256, "source_name": name,
        "original": f"data/{original.as_posix()}", "searchable_pdf": f"data/{searchable.as_posix()}" if searchable else None,
        "pages": pages, "language": language,
        "batch": batch.name if batch else None, "batch_archive_ref": batch.archive_ref if batch else None,
        **found.as_json(),
    }


def _safe_name(name: str) -> str:
    """The file name as received, minus anything that would leave its folder."""
    cleaned = re.sub(r"[/\\\x00-\x1f]", "_", name).strip(". ") or "original"
    return cleaned[:200]

