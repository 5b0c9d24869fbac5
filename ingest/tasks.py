"""Celery tasks: one per stage, thin wrappers around ingest.pipeline.

prepare fans out one ocr_page task per page (so both cores read pages of
one document at once); the last page to finish queues the document
stages (ingest/stages.py: DOCUMENT_STAGES, in their declared order) as a
chain, one task each.
"""

from __future__ import annotations

from celery import chain

from archive.services import Services, services_for
from ingest import pipeline
from ingest.celery_app import app, current_config
from ingest.stages import DOCUMENT_STAGES, SPECS, Stage

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


def _document_task(stage: Stage):  # type: ignore[no-untyped-def]
    spec = SPECS[stage]

    def run(document_id: str) -> None:
        spec.run(_services(), document_id)

    run.__name__ = f"{stage}_task"
    return app.task(name=f"sotarchive.{stage}")(run)


DOCUMENT_TASKS = {stage: _document_task(stage) for stage in DOCUMENT_STAGES}


def queue_document_stages(document_id: str) -> None:
    chain(*(DOCUMENT_TASKS[stage].si(document_id) for stage in DOCUMENT_STAGES)).apply_async()
