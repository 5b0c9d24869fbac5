"""The pipeline run in this process, stage after stage, with no queue and
no worker: for tests and tools that need a few documents read now. Batches
go through the queue (ingest/submit.py), where pages are read in parallel
and a killed worker's work is taken over."""

from __future__ import annotations

from collections.abc import Iterable

from archive.services import Services
from ingest import pipeline
from ingest.stages import DOCUMENT_STAGES, SPECS


def run_inline(svc: Services, document_ids: Iterable[str]) -> None:
    """Every stage each document still needs, in the declared order; what
    is done already (same input, same version) is skipped as by a worker."""
    for document_id in document_ids:
        for number in pipeline.prepare(svc, document_id):
            pipeline.ocr_page(svc, document_id, number)
        if pipeline.all_pages_finished(svc, document_id, claim_next=False):
            for stage in DOCUMENT_STAGES:
                SPECS[stage].run(svc, document_id)
