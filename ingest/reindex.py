"""Rebuilding an index from the catalog alone, while searches go on.

The new index is built beside the old one and swapped in at the end (an
alias in OpenSearch, a link for the embedded engine). Documents that
workers index meanwhile are indexed again into the new one after the swap.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass

from sqlalchemy import select

from archive.publication import published_documents
from archive.services import Services
from ingest import stages
from archive.indexed import catalog_documents, live_document_ids
from storage.models import RunStatus, StageRun, utcnow


@dataclass
class Rebuilt:
    documents: int
    seconds: float
    caught_up: int | None = None  # documents indexed by workers during the rebuild, indexed again after it
    count: int | None = None  # what the new index holds

    def as_dict(self) -> dict[str, object]:
        return {k: v for k, v in asdict(self).items() if v is not None}


def rebuild_internal(svc: Services, processes: int, on_document: Callable[[int], None] = lambda total: None) -> Rebuilt:
    """The staff index from every live document; on_document(total) after each one."""
    started, began = utcnow(), time.monotonic()
    ids = live_document_ids(svc)

    def counted():  # type: ignore[no-untyped-def]
        for document in catalog_documents(svc, ids):
            on_document(len(ids))
            yield document

    svc.internal_index.reindex(counted(), processes=processes)
    with svc.catalog.read() as session:
        late_ids = list(session.scalars(select(StageRun.document_id).where(
            StageRun.stage == stages.INDEX, StageRun.status == RunStatus.DONE, StageRun.finished_at >= started)))
    late = list(catalog_documents(svc, late_ids))
    if late:
        svc.internal_index.index(late)
    return Rebuilt(len(ids), round(time.monotonic() - began, 1), caught_up=len(late), count=svc.internal_index.count())


def rebuild_public(svc: Services, processes: int) -> Rebuilt:
    """The public index from the published, anonymised decisions."""
    began = time.monotonic()
    svc.public_index.reindex(published_documents(svc), processes=processes)
    return Rebuilt(svc.public_index.count(), round(time.monotonic() - began, 1))
