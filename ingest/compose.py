"""Splitting a scan into documents, and joining scans into one.

A box often holds several case files scanned into one PDF, or one case
file scanned in several goes. An operator splits a document by page
ranges, or joins whole documents in order. The new documents are made of
pages of the old ones (page_sources keeps the mapping, and so the way
back to the original files and pages); the old ones are kept, marked
superseded, and leave the search. Every page of the originals lands in
exactly one new document: a split must cover every page once, and a
document can be split or joined only while it is live.

A composed document's "original" is its composition, a small JSON blob:
so it is content-addressed like any original (the same split twice is one
document) and the pipeline can make it again from the catalog alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select

from archive.errors import Refusal
from archive.services import Services
from storage.models import Batch, Document, DocumentStatus, Event, File, PageSource, Publication

MAGIC = "sotarchive-composition"
STAGE = "compose"


class ComposeError(Refusal, ValueError):
    """The split or join cannot be made; the message says why."""


@dataclass(frozen=True)
class Composition:
    name: str
    pages: list[tuple[str, int]]  # (source document, its page number), in order

    def to_bytes(self) -> bytes:
        return json.dumps({MAGIC: 1, "name": self.name, "pages": self.pages}, ensure_ascii=False).encode("utf-8")


def read_composition(data: bytes) -> Composition | None:
    """The composition in an original's bytes, or None for a real file."""
    if not data.lstrip().startswith(b'{"' + MAGIC.encode()):
        return None
    spec = json.loads(data)
    return Composition(spec["name"], [(d, int(p)) for d, p in spec["pages"]])


def parse_ranges(text: str) -> list[tuple[int, int]]:
    """"1-3" or "4" → (1, 3), (4, 4)."""
    try:
        first, _, last = text.partition("-")
        start, end = int(first), int(last or first)
    except ValueError:
        raise ComposeError(f"a page range is written 1-3 or 4, not {text!r}") from None
    if start < 1 or end < start:
        raise ComposeError(f"the page range {text!r} is empty or starts before page 1")
    return [(start, end)]


def split(svc: Services, document_id: str, ranges: list[tuple[int, int]], names: list[str] | None,
          who: str) -> list[str]:
    """Documents made of the given page ranges, which must cover every page once."""
    with svc.catalog.read() as session:
        doc = _live(session, document_id)
        count = doc.page_count or 0
        base = doc.source_name.rsplit(".", 1)[0]
    covered = sorted(p for start, end in ranges for p in range(start, end + 1))
    if covered != list(range(1, count + 1)):
        missing = sorted(set(range(1, count + 1)) - set(covered))
        doubled = sorted({p for p in covered if covered.count(p) > 1})
        extra = sorted(p for p in set(covered) if p > count)
        problems = ([f"pages {missing} would be lost"] if missing else []) + \
            ([f"pages {doubled} would be in two documents"] if doubled else []) + \
            ([f"pages {extra} do not exist (the document has {count})"] if extra else [])
        raise ComposeError(f"{document_id}: a split covers every page once; " + "; ".join(problems))
    if len(ranges) < 2:
        raise ComposeError("a split makes two documents or more: give two page ranges or more")
    names = names or [f"{base}, pp. {start}-{end}" if end > start else f"{base}, p. {start}" for start, end in ranges]
    if len(names) != len(ranges):
        raise ComposeError(f"{len(ranges)} ranges but {len(names)} names")
    parts = [Composition(name, [(document_id, p) for p in range(start, end + 1)]) for (start, end), name in zip(ranges, names)]
    return _compose(svc, parts, [document_id], "split", who)


def join(svc: Services, document_ids: list[str], name: str, who: str) -> str:
    """One document of these whole documents' pages, in this order."""
    if len(document_ids) < 2 or len(set(document_ids)) != len(document_ids):
        raise ComposeError("a join takes two different documents or more")
    pages: list[tuple[str, int]] = []
    with svc.catalog.read() as session:
        for document_id in document_ids:
            doc = _live(session, document_id)
            pages += [(document_id, p) for p in range(1, (doc.page_count or 0) + 1)]
    return _compose(svc, [Composition(name, pages)], document_ids, "joined", who)[0]


def _live(session, document_id: str) -> Document:  # type: ignore[no-untyped-def]
    doc = session.get(Document, document_id)
    if doc is None:
        raise ComposeError(f"no document {document_id}")
    if doc.superseded:
        raise ComposeError(f"{document_id} was split or joined already; work on the documents made of it")
    if doc.publication == Publication.PUBLISHED:
        raise ComposeError(f"{document_id} is published: withdraw it first")
    if not doc.page_count or doc.status in (DocumentStatus.QUEUED, DocumentStatus.REJECTED):
        raise ComposeError(f"{document_id} has no pages yet ({doc.status}); wait until it is read")
    return doc


def _compose(svc: Services, parts: list[Composition], sources: list[str], kind: str, who: str) -> list[str]:
    made = []
    with svc.catalog.write() as session:
        batch_id = session.scalar(select(File.batch_id).where(File.document_id == sources[0]))
        if batch_id is None:
            batch_id = session.scalar(select(Batch.id).order_by(Batch.id.desc()))
        for part in parts:
            data = part.to_bytes()
            digest = svc.blobs.put_bytes(data)
            if session.scalar(select(Document).where(Document.sha256 == digest)) is not None:
                raise ComposeError(f"this {kind} was made already ({digest[:16]})")
            doc = Document(id=digest[:16], sha256=digest, size=len(data), source_name=part.name, kind="composed",
                           status=DocumentStatus.QUEUED, superseded=False)
            session.add(doc)
            session.flush()
            session.add_all(PageSource(document_id=doc.id, number=n, source_document_id=d, source_page=p)
                            for n, (d, p) in enumerate(part.pages, start=1))
            session.add(File(batch_id=batch_id, document_id=doc.id, name=part.name, path=f"{kind}:{doc.id}", size=len(data)))
            made.append(doc.id)
        for source in sources:
            original = session.get(Document, source)
            assert original is not None
            original.superseded = True
        session.add(Event(batch_id=batch_id, document_id=sources[0], stage=STAGE, kind=kind, actor=who,
                          message=json.dumps({"from": sources, "into": made}, ensure_ascii=False)))
    svc.internal_index.delete(sources)
    return made
