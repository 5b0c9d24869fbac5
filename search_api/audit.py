"""The audit trail of looks at original text: who, what and from where.

Every response that carries non-anonymised text (a document's page, its
scans or PDF, the staff's search snippets, the staff API, similar
decisions) records one event per document, so the admins' audit page can
be read by user and by document. Its own module, so that the API, the
search listing and the staff pages all call it without importing each other.
"""

from __future__ import annotations

from flask import request

from archive import audit_trail
from search_api.auth import account
from search_api.documents import services


def audit(document_id: str, what: str, page: int | None = None) -> None:
    """Record that the current account saw a non-anonymised document."""
    audit_many([document_id], what, page)


def audit_many(document_ids: list[str], what: str, page: int | None = None) -> None:
    """Record that the current account saw original text of these documents."""
    who = account()
    assert who is not None  # every caller is behind requires()
    audit_trail.record(services(), document_ids, what, who.username, who.role, request.remote_addr, page)
