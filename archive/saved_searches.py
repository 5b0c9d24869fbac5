"""Saved searches and their alerts.

A judge keeps a query; every decision that matches it later and was not
there before is new until they look. The matches are taken from the
internal index (up to MAX_TRACKED per search), so a saved search costs
nothing until it is checked: on the saved-searches page, and with
`sotarchive alerts` for a daily message.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select

from indexing import QueryError, SearchBackend
from storage import Catalog
from storage.models import SavedSearch, User, utcnow

MAX_TRACKED = 1000


@dataclass
class Alert:
    id: int
    query: str
    total: int
    new: list[str]  # document ids not seen yet
    titles: dict[str, str]


def _matches(index: SearchBackend, query: str) -> tuple[int, list[str], dict[str, str]]:
    result = index.search(query, limit=MAX_TRACKED, sort="date")
    return result.total, [h.id for h in result.hits], {h.id: h.title for h in result.hits}


def save(catalog: Catalog, index: SearchBackend, user_id: int, query: str) -> int:
    """Keep a query; what matches it now counts as seen."""
    _, found, _ = _matches(index, query)  # a query that cannot run is refused here (QueryError)
    with catalog.write() as session:
        row = SavedSearch(user_id=user_id, query=query, seen_json=json.dumps(found), checked_at=utcnow())
        session.add(row)
        session.flush()
        return row.id


def alerts(catalog: Catalog, index: SearchBackend, user_id: int) -> list[Alert]:
    with catalog.read() as session:
        rows = list(session.scalars(select(SavedSearch).where(SavedSearch.user_id == user_id).order_by(SavedSearch.id)))
    out = []
    for row in rows:
        try:
            total, found, titles = _matches(index, row.query)
        except QueryError:
            total, found, titles = 0, [], {}
        seen = set(json.loads(row.seen_json))
        out.append(Alert(row.id, row.query, total, [d for d in found if d not in seen], titles))
    return out


def mark_seen(catalog: Catalog, index: SearchBackend, user_id: int, search_id: int) -> None:
    with catalog.write() as session:
        row = session.get(SavedSearch, search_id)
        if row is None or row.user_id != user_id:
            raise LookupError(f"no saved search {search_id}")
        _, found, _ = _matches(index, row.query)
        row.seen_json, row.checked_at = json.dumps(sorted(set(json.loads(row.seen_json)) | set(found))), utcnow()


def delete(catalog: Catalog, user_id: int, search_id: int) -> None:
    with catalog.write() as session:
        row = session.get(SavedSearch, search_id)
        if row is None or row.user_id != user_id:
            raise LookupError(f"no saved search {search_id}")
        session.delete(row)


def everyone_with_alerts(catalog: Catalog, index: SearchBackend) -> dict[str, list[Alert]]:
    """Per user name, the saved searches with something new (for `sotarchive alerts`)."""
    with catalog.read() as session:
        users = dict(session.execute(select(User.id, User.username).where(User.active.is_(True))).all())
    return {name: found for user_id, name in users.items()
            if (found := [a for a in alerts(catalog, index, user_id) if a.new])}
