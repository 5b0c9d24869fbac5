"""The stages' work, free of Celery: each function does one stage for one
document or page and says what should run next.

Each stage claims its work (ingest.claims), does the slow part outside any
transaction, then writes its results and its "done" in one transaction, so
a result is either wholly recorded or not at all.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, replace
from datetime import timedelta
from typing import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

import anonymise
from archive import case_links, corrections, review
from archive.errors import BadInput
from archive.indexed import document_language, indexed_document
from archive.publication import event as publication_event, held_spans_in
from archive.services import Services
from ingest import compose, stages
from ingest.claims import Claim, claim, finish
from ingest.reading import read_page
from ingest.sources import SourceInfo, inspect_source
import metadata
from metadata import titles
from ocr import OcrError, has_marks, merge_pdfs, respell_document, surely_marked
from storage.models import Document, DocumentStatus, Event, Page, PageSource, Publication, RunStatus, StageRun

AUTO_APPROVER = "auto-approve policy"

log = logging.getLogger(__name__)

Apply = Callable[[Session], None]
FINAL = (RunStatus.DONE, RunStatus.FAILED)
TITLE_MAX = 160


def run_stage(
    svc: Services, document_id: str, page_number: int, stage: str, work: Callable[[Document], Apply]
) -> Claim:
    """Claim, work, record. Errors become the stage's recorded failure."""
    version = stages.version(stage, svc.config)  # derived: another policy or new code redoes the stage
    lease = timedelta(seconds=svc.config.ocr_timeout_s * 2)
    with svc.catalog.write() as session:
        document = session.get(Document, document_id)
        if document is None:
            raise LookupError(f"no document {document_id}")
        key = _input_key(session, document, page_number)
        outcome = claim(session, document_id, page_number, stage, version, key, lease)
    if outcome is not Claim.RUN:
        return outcome
    error: str | None = None
    apply: Apply | None = None
    bad_input = False
    try:
        apply = work(document)
    except (BadInput, OcrError) as exc:
        error = str(exc)
        bad_input = isinstance(exc, BadInput)
    except Exception as exc:  # recorded, never swallowed: the log has the trace
        log.exception("%s of %s page %s failed", stage, document_id, page_number)
        error = f"internal error in {stage}: {type(exc).__name__}: {exc}"
    with svc.catalog.write() as session:
        if apply is not None:
            apply(session)
        finish(session, document_id, page_number, stage, error)
        if error and stage == stages.PREPARE:
            rejected = session.get(Document, document_id)
            assert rejected is not None
            rejected.status, rejected.error = DocumentStatus.REJECTED, error
    if error and stage == stages.PREPARE and bad_input and not svc.config.keep_rejected_files:
        discard_rejected(svc, document_id)
    return Claim.FAILED if error else Claim.RUN


def discard_rejected(svc: Services, document_id: str) -> None:
    """A file rejected for what it is (corrupt, not a scan, a bomb) is not
    kept: the catalog keeps its name, size, digest and reason, the blob
    store drops its bytes (the keep_rejected_files setting keeps them)."""
    with svc.catalog.write() as session:
        document = session.get(Document, document_id)
        if document is None or document.status != DocumentStatus.REJECTED:
            return
        digest = document.sha256
        shared = session.scalar(select(Page.document_id).where(
            (Page.replacement_blob == digest) | (Page.image_blob == digest)).limit(1))
        if shared is None and svc.blobs.exists(digest):
            svc.blobs.discard(digest)
            session.add(Event(document_id=document_id, stage=stages.PREPARE, kind="not kept",
                              message="the rejected file's bytes were not kept (keep_rejected_files is off)"))


def _input_key(session: Session, document: Document, page_number: int) -> str:
    """What a stage's result depends on: the original, and any page scanned
    again (the page's own, or for the document stages, all of them)."""
    key = f"{document.sha256}:{page_number}"
    query = select(Page.number, Page.replacement_blob).where(
        Page.document_id == document.id, Page.replacement_blob.is_not(None))
    if page_number:
        query = query.where(Page.number == page_number)
    replaced = sorted(session.execute(query).all())
    return key + "".join(f":{number}={digest[:16]}" for number, digest in replaced)


# --- prepare --------------------------------------------------------------


def prepare(svc: Services, document_id: str) -> list[int]:
    """Identify the file and create its pages; returns pages still to OCR."""

    def work(document: Document) -> Apply:
        composition = compose.read_composition(svc.blobs.path(document.sha256).read_bytes()[:1 << 20]) \
            if document.kind == "composed" else None
        if composition is not None:
            info = _composed_source(svc, composition)
        else:
            info = inspect_source(
                svc.blobs.path(document.sha256), document.source_name, svc.config.raster_dpi
            )

        def apply(session: Session) -> None:
            doc = session.get(Document, document_id)
            assert doc is not None
            doc.kind, doc.page_count, doc.status = info.kind, info.page_count, DocumentStatus.PROCESSING
            doc.error = "; ".join(info.warnings) or None
            existing = {p.number for p in session.scalars(select(Page).where(Page.document_id == document_id))}
            for number in range(1, info.page_count + 1):
                if number in existing:
                    continue
                session.add(Page(document_id=document_id, number=number, text_source=info.page_source(number)))

        return apply

    run_stage(svc, document_id, 0, stages.PREPARE, work)
    with svc.catalog.read() as session:
        doc = session.get(Document, document_id)
        if doc is None or doc.status == DocumentStatus.REJECTED or not doc.page_count:
            return []
        finished = set(
            session.scalars(
                select(StageRun.page_number).where(
                    StageRun.document_id == document_id,
                    StageRun.stage == stages.OCR,
                    StageRun.status.in_(FINAL),
                )
            )
        )
        return [n for n in range(1, doc.page_count + 1) if n not in finished]


def _composed_source(svc: Services, composition: compose.Composition) -> SourceInfo:
    """A split or joined document's pages: as many as its composition lists,
    each read as its source page is (OCR, a text layer, or text)."""
    text_layer = set()
    with svc.catalog.read() as session:
        for number, (source_id, source_page) in enumerate(composition.pages, start=1):
            page = session.scalar(select(Page).where(Page.document_id == source_id, Page.number == source_page))
            if page is None:
                raise BadInput(f"page {source_page} of {source_id}, part of this document, is not in the catalog")
            if page.text_source == "text_layer":
                text_layer.add(number)
    return SourceInfo(kind="composed", page_count=len(composition.pages), text_layer_pages=text_layer)


# --- ocr ------------------------------------------------------------------


def ocr_page(svc: Services, document_id: str, number: int) -> None:
    def work(document: Document) -> Apply:
        with svc.catalog.read() as session:
            page = session.scalar(
                select(Page).where(Page.document_id == document_id, Page.number == number)
            )
            assert page is not None, f"page {number} of {document_id} was never prepared"
            source = page.text_source or "ocr"
            replacement = page.replacement_blob
        config = svc.config
        read_from, read_number = document, number
        origin = None if replacement else _page_origin(svc, document_id, number)
        if origin is not None:  # a page of a split or joined document
            read_from, source_page = origin
            if source_page.text is not None or source_page.blank:
                return _copied(source_page, document_id, number)  # read already: the same page's result
            read_number, source = source_page.number, source_page.text_source or "ocr"
        if replacement:
            # The page scanned again: its image, read as a page of its own.
            path = svc.blobs.path(replacement)
            reading = read_page(path, inspect_source(path, "replacement", config.raster_dpi).kind, 1, "ocr",
                                config.ocr_languages, config.ocr_timeout_s, config.raster_dpi)
        else:
            reading = read_page(
                svc.blobs.path(read_from.sha256), read_from.kind or "", read_number, source,
                config.ocr_languages, config.ocr_timeout_s, config.raster_dpi,
            )

        def blob(data: bytes | None) -> str | None:
            return svc.blobs.put_bytes(data) if data else None

        fields = {
            "text": reading.text,
            "language": reading.language,
            "confidence": reading.confidence,
            "width": reading.width,
            "height": reading.height,
            "image_blob": blob(reading.image),
            "pdf_blob": blob(reading.pdf),
            "hocr_blob": blob(reading.hocr),
            "words_blob": blob(reading.words_json),
            "quality": reading.quality,
            "blank": reading.blank,
            "needs_attention": reading.attention is not None,
            "attention_reason": reading.attention,
            "skew": reading.skew,
            "preparation": reading.preparation,
            "text_source": "ocr" if replacement else source,
        }

        def apply(session: Session) -> None:
            page = session.scalar(
                select(Page).where(Page.document_id == document_id, Page.number == number)
            )
            assert page is not None
            for name, value in fields.items():
                setattr(page, name, value)
            if replacement:  # a new scan that is flagged again waits for an operator again
                page.attention_resolution = None if reading.attention else "rescanned"

        return apply

    run_stage(svc, document_id, number, stages.OCR, work)


COPIED_FIELDS = ("text", "language", "confidence", "width", "height", "image_blob", "pdf_blob", "hocr_blob",
                 "words_blob", "quality", "blank", "needs_attention", "attention_reason", "skew", "preparation",
                 "text_source", "attention_resolution")


def _page_origin(svc: Services, document_id: str, number: int) -> tuple[Document, Page] | None:
    """For a page of a split or joined document, the document and page it is."""
    with svc.catalog.read() as session:
        link = session.scalar(select(PageSource).where(PageSource.document_id == document_id, PageSource.number == number))
        if link is None:
            return None
        doc = session.get(Document, link.source_document_id)
        page = session.scalar(select(Page).where(Page.document_id == link.source_document_id,
                                                 Page.number == link.source_page))
        assert doc is not None and page is not None
        return doc, page


def _copied(source: Page, document_id: str, number: int) -> Apply:
    fields = {name: getattr(source, name) for name in COPIED_FIELDS}

    def apply(session: Session) -> None:
        page = session.scalar(select(Page).where(Page.document_id == document_id, Page.number == number))
        assert page is not None
        for name, value in fields.items():
            setattr(page, name, value)

    return apply


def all_pages_finished(svc: Services, document_id: str, claim_next: bool) -> bool:
    """True when every page has a final OCR result.

    With claim_next, true only for the one caller that first sees it (it
    marks the assemble stage pending in the same transaction), so the
    document stages are queued once however many pages finish together.
    """
    with svc.catalog.write() as session:
        doc = session.get(Document, document_id)
        if doc is None or not doc.page_count:
            return False
        finished = session.scalar(
            select(func.count()).where(
                StageRun.document_id == document_id,
                StageRun.stage == stages.OCR,
                StageRun.status.in_(FINAL),
            )
        )
        if finished < doc.page_count:
            return False
        if not claim_next:
            return True
        marker = session.scalar(
            select(StageRun).where(
                StageRun.document_id == document_id,
                StageRun.page_number == 0,
                StageRun.stage == stages.ASSEMBLE,
            )
        )
        if marker is not None:
            return False
        session.add(
            StageRun(
                document_id=document_id,
                page_number=0,
                stage=stages.ASSEMBLE,
                version="",
                input_key="",
                status=RunStatus.PENDING,
                attempts=0,
            )
        )
        return True


# --- document stages ---------------------------------------------------------


def _pages(svc: Services, document_id: str) -> list[Page]:
    with svc.catalog.read() as session:
        return list(
            session.scalars(select(Page).where(Page.document_id == document_id).order_by(Page.number))
        )


def assemble(svc: Services, document_id: str) -> None:
    """The searchable PDF of the document, its title and its case numbers."""

    def work(document: Document) -> Apply:
        pages = _pages(svc, document_id)
        respelled = _respelled(svc, pages)
        for page in pages:
            page.text = respelled.get(page.id, page.text)
        found = corrections.apply(metadata.extract(PAGE_JOIN.join(p.text or "" for p in pages)),
                                  corrections.corrected_fields(svc, document_id))
        title = titles.act_title(found, document_language(p.language for p in pages)) or make_title(pages, document.source_name)
        page_pdfs = [svc.blobs.read_bytes(p.pdf_blob) for p in pages if p.pdf_blob]
        # PDF/A-2b when every page is one we built; a born-digital original's
        # pages are kept as they are, and we do not vouch for them.
        ours = all(p.text_source == "ocr" for p in pages)
        pdf = merge_pdfs(page_pdfs, title, pdfa=ours) if page_pdfs else None
        pdf_blob = svc.blobs.put_bytes(pdf) if pdf else None

        def apply(session: Session) -> None:
            doc = session.get(Document, document_id)
            assert doc is not None
            doc.pdf_blob, doc.title = pdf_blob, title
            for page_id, text in respelled.items():
                stored = session.get(Page, page_id)
                assert stored is not None
                stored.text = text
            case_links.record(session, document_id, found)

        return apply

    run_stage(svc, document_id, 0, stages.ASSEMBLE, work)


def _respelled(svc: Services, pages: list[Page]) -> dict[int, str]:
    """The OCR'd pages whose text takes ң ө ү from the words the whole
    document spells surely with them (ocr.respell_document): a name typed
    without the marks on one page, read with them in another page's
    heading. Page id → the new text, for the pages that change. Only the
    word boxes of pages whose text has those letters are read: a document
    without them (most Russian ones, one typed throughout without them)
    costs no reading."""
    read = [p for p in pages if p.text_source == "ocr" and p.text]
    own: list[str] = []
    for page in read:
        if page.words_blob and has_marks(page.text or ""):
            words = json.loads(svc.blobs.read_bytes(page.words_blob))
            own += surely_marked((word["text"], word["confidence"]) for word in words)
    if not own:
        return {}
    respelled = respell_document([p.text or "" for p in read], own)
    return {page.id: new.text for page, new in zip(read, respelled) if new.restored}


def make_title(pages: list[Page], fallback: str) -> str:
    """The first line with real words in it, where the metadata gives no
    title (metadata/titles.py): a paper with neither a date nor a number."""
    for page in pages:
        for line in (page.text or "").splitlines():
            letters = sum(ch.isalpha() for ch in line)
            if letters >= 4:
                return line.strip(" |_.,;:-—'‘\"")[:TITLE_MAX]
    return fallback


PAGE_JOIN = "\n\n"


def anonymisation_policy(svc: Services) -> anonymise.Policy:
    """The archive's policy: which officials keep their names, and how people are replaced."""
    roles = frozenset(r.strip() for r in svc.config.anonymise_keep_roles.split(",") if r.strip())
    default = anonymise.Policy()
    return anonymise.Policy(keep_roles=roles or default.keep_roles, style=svc.config.anonymise_style)


def anonymise_document(svc: Services, document_id: str) -> None:
    """The whole document at once (a person named in full on page 1 and by
    surname on page 3 is one person, with one replacement), then the
    redacted text page by page."""

    taken_down = []

    def work(document: Document) -> Apply:
        pages = _pages(svc, document_id)
        texts = [p.text or "" for p in pages]
        whole = PAGE_JOIN.join(texts)
        result = anonymise.anonymise(whole, anonymisation_policy(svc))
        with svc.catalog.read() as session:
            corrections_made = review.past_changes(session, document_id)
        redacted: dict[int, str] = {}
        entities: list[dict[str, object]] = []
        offset = 0
        for page, text in zip(pages, texts):
            end = offset + len(text)
            on_page = [replace(e, start=e.start - offset, end=e.end - offset)
                       for e in result.entities if offset <= e.start < end]
            for change in corrections_made:  # the reviewers' work, made again over the new detections
                on_page = change.apply(text, on_page)
            redacted[page.number] = anonymise.redact(text, on_page)
            entities += [{"page": page.number, **asdict(e)} for e in on_page]
            offset = end + len(PAGE_JOIN)
        # Read once, before the catalog's write: auto-approval also needs the leak check clean.
        sure = svc.config.auto_approve and anonymise.all_sure(result.entities) \
            and not held_spans_in(result.text, document.language, entities)

        def apply(session: Session) -> None:
            changed = False
            for page in session.scalars(select(Page).where(Page.document_id == document_id)):
                changed = changed or page.redacted_text != redacted.get(page.number)
                page.redacted_text = redacted.get(page.number)
            doc = session.get(Document, document_id)
            assert doc is not None
            doc.entities_json = json.dumps(entities, ensure_ascii=False)
            fresh = doc.publication is None
            if doc.publication in (None, Publication.WITHDRAWN, Publication.REJECTED):
                doc.publication = Publication.PENDING  # waits in the review queue; nothing is published unreviewed
            elif changed and doc.publication in (Publication.APPROVED, Publication.PUBLISHED):
                # What a reviewer approved is not what the text now says (a page
                # scanned again, a new policy): it goes back to review, and off
                # the public site until approved again.
                if doc.publication == Publication.PUBLISHED:
                    taken_down.append(document_id)
                    session.add(publication_event(document_id, "withdrawn", "the text changed: review again", "pipeline"))
                doc.publication = Publication.PENDING
            if fresh and sure:
                # The archive's policy (off by default): no reviewer for
                # decisions whose every detection is sure. Never for one a
                # reviewer has rejected or withdrawn before.
                doc.publication = Publication.APPROVED
                session.add(publication_event(document_id, "approved", "auto-approved: every detection is sure",
                                              AUTO_APPROVER))

        return apply

    run_stage(svc, document_id, 0, stages.ANONYMISE, work)
    if taken_down:  # after the catalog says so: a hit found meanwhile leads to a 404, never to unreviewed text
        svc.public_index.delete(taken_down)


def index_document(svc: Services, document_id: str) -> None:
    """Into the internal (staff) index; the document's final status."""

    def work(document: Document) -> Apply:
        indexed = indexed_document(document, _pages(svc, document_id), corrections.corrected_fields(svc, document_id))
        language = indexed.language
        if not document.superseded:  # split or joined meanwhile: its parts are what is searched
            svc.internal_index.index([indexed])

        def apply(session: Session) -> None:
            doc = session.get(Document, document_id)
            assert doc is not None
            doc.language = language
            doc.status = final_status(session, doc)

        return apply

    if run_stage(svc, document_id, 0, stages.INDEX, work) is Claim.FAILED:
        with svc.catalog.write() as session:
            doc = session.get(Document, document_id)
            assert doc is not None
            doc.status = DocumentStatus.FAILED


def final_status(session: Session, doc: Document) -> str:
    failed = session.scalar(
        select(func.count()).where(
            StageRun.document_id == doc.id, StageRun.status == RunStatus.FAILED
        )
    )
    return DocumentStatus.DONE_WITH_ERRORS if failed or doc.error else DocumentStatus.DONE
