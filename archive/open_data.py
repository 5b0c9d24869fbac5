"""The open-data export: every published decision as one line of JSON,
with a manifest and sha256 checksums, for whoever republishes the corpus.

Each line is built by publication.public_text, the same function that
feeds the public index, so the export holds exactly what the public may
see and is checked for leaks the same way. Written beside the
destination and renamed into place: an interrupted export leaves nothing
that looks finished.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from archive.publication import public_text
from archive.services import Services
from storage.models import Document

LINES = "decisions.jsonl"


def export_published(svc: Services, destination: Path, decision_url: Callable[[str], str],
                     ids: list[str], on_each: Callable[[], None] = lambda: None) -> dict[str, Any]:
    if destination.exists():
        raise FileExistsError(f"{destination} exists already: give a new folder for the export")
    building = destination.with_name(f".{destination.name}.partial")
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    try:
        with open(building / LINES, "w", encoding="utf-8") as out:
            for document_id in ids:
                public, doc, pages, _ = public_text(svc, document_id)
                out.write(json.dumps(_record(public, doc, pages, decision_url(document_id)), ensure_ascii=False) + "\n")
                on_each()
        digest = hashlib.sha256((building / LINES).read_bytes()).hexdigest()
        manifest = {
            "created": datetime.now(timezone.utc).isoformat(), "decisions": len(ids),
            "files": {LINES: {"sha256": digest, "bytes": (building / LINES).stat().st_size}},
            "fields": ["id", "url", "title", "court", "date", "case_type", "articles", "language", "published_at", "pages"],
            "licence_note": "Anonymised court decisions published under the law on access to court acts.",
        }
        (building / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), "utf-8")
        sums = {name: hashlib.sha256((building / name).read_bytes()).hexdigest() for name in (LINES, "manifest.json")}
        (building / "SHA256SUMS").write_text("".join(f"{h}  {n}\n" for n, h in sums.items()), "utf-8")
        building.rename(destination)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return {"export": str(destination), "decisions": len(ids)}


def _record(public, doc: Document, pages, url: str) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return {
        "id": public.id, "url": url, "title": public.title, "court": public.court, "date": public.date,
        "case_type": public.case_type, "articles": list(public.articles), "language": public.language,
        "published_at": doc.published_at.isoformat() if doc.published_at else None,
        "pages": [page.redacted_text or "" for page in pages],
    }
