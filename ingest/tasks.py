"""Celery tasks: one per stage, thin wrappers around ingest.pipeline.

prepare fans out one ocr_page task per page (so both cores read pages of
one document at once); the last page to finish queues the document
stages as a chain: assemble → anonymise → index.
"""

from __future__ import annotations

from celery import chain

from archive.services import Services, services_for
from ingest import pipeline
from ingest.celery_app import app, current_config


def _services() -> Services:
    return services_for(current_config())


@app.task(name="sotarchive.prepare")
def prepare_task(document_id: str) -> None:
    svc = _services()
    pages = pipeline.prepare(svc, document_id)
    for number in pages:
        ocr_page_task.delay(document_id, number)
    if not pages and pipeline.all_pages_finished(svc, document_id, claim_next=False):
        # Resuming a document whose pages were all read: finish it.
        queue_document_stages(document_id)


@app.task(name="sotarchive.ocr_page")
def ocr_page_task(document_id: str, number: int) -> None:
    svc = _services()
    pipeline.ocr_page(svc, document_id, number)
    if pipeline.all_pages_finished(svc, document_id, claim_next=True):
        queue_document_stages(document_id)


@app.task(name="sotarchive.assemble")
def assemble_task(document_id: str) -> None:
    pipeline.assemble(_services(), document_id)


@app.task(name="sotarchive.anonymise")
def anonymise_task(document_id: str) -> None:
    pipeline.anonymise_document(_services(), document_id)


@app.task(name="sotarchive.index")
def index_task(document_id: str) -> None:
    pipeline.index_document(_services(), document_id)


def queue_document_stages(document_id: str) -> None:
    chain(
        assemble_task.si(document_id),
        anonymise_task.si(document_id),
        index_task.si(document_id),
    ).apply_async()
