"""Putting documents on the pipeline's queue: the one way the command
line, the watch folder, the web server and the operators' desk do it."""

from __future__ import annotations

from collections.abc import Iterable

from archive.config import PipelineConfig
from archive.services import services_for
from ingest import batches
from ingest.celery_app import configure


def submit(config: PipelineConfig, document_ids: Iterable[str]) -> int:
    """Queue each document's first stage (the rest follow from it); how many were queued.

    Safe to repeat: a stage already done for a document's sha256 and
    version is skipped, and a claimed one is left to whoever holds it."""
    configure(config)
    from ingest.tasks import prepare_task  # the tasks load the pipeline's libraries: only when work is sent

    count = 0
    for document_id in document_ids:
        prepare_task.delay(document_id)
        count += 1
    return count


def submit_unfinished(config: PipelineConfig, batch_id: int | None = None) -> int:
    """Queue what is not finished, of one batch or (None) of every batch:
    a new batch and a resumed one alike."""
    return submit(config, batches.unfinished_documents(services_for(config), batch_id))
