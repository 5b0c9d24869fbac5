"""The search page, as the public and the staff see it: one view, two indices.

The query language is the same for both; the form adds a year range and
facet links add filters to the query, so every state of the page is a
plain, shareable URL.
"""

from __future__ import annotations

from typing import Any

from flask import render_template, request

from indexing import QueryError, SearchBackend
from indexing.backend import SORTS
from search_api.arguments import int_arg
from search_api.audit import audit_many
from search_api.i18n import current_language, query_error

PAGE_SIZE = 10
FACET_FILTERS = {"court": 'court:"{}"', "type": "type:{}", "lang": "lang:{}", "decade": "year:{}..{}", "year": "year:{}",
                 "article": 'article:"{}"'}


def facet_filter(name: str, value: str) -> str:
    """The query-language filter a facet value adds to the query."""
    if name == "decade":
        start = int(value.rstrip("s"))
        return FACET_FILTERS[name].format(start, start + 9)
    return FACET_FILTERS[name].format(value)


def year_arg(name: str) -> int | None:
    raw = request.args.get(name, "").strip()
    return int(raw) if raw.isdigit() and 1900 <= int(raw) <= 2100 else None


def render_search(index: SearchBackend, *, scope: str, **extra: Any) -> str:
    """The search page over this index; `scope` (public or staff) picks the
    links to documents and the form's target."""
    query = request.args.get("q", "").strip()
    offset = int_arg("offset", 0, 0, 10_000)
    sort = request.args.get("sort", "relevance")
    sort = sort if sort in SORTS else "relevance"
    year_from, year_to = year_arg("from"), year_arg("to")
    full_query = query
    if year_from or year_to:
        full_query += f" year:{year_from or ''}..{year_to or ''}"
    result, error = None, None
    if query:
        try:
            result = index.search(full_query, limit=PAGE_SIZE, offset=offset, sort=sort, facets=True)
        except QueryError as exc:
            error = query_error(exc, current_language())  # shown with the query kept, for correcting
        else:
            if scope == "staff":  # the staff's snippets are original text: audited
                audit_many([hit.id for hit in result.hits], "search")
    return render_template(
        "search.html", query=query, result=result, error=error, offset=offset, page_size=PAGE_SIZE,
        sort=sort, sorts=SORTS, facet_filter=facet_filter, scope=scope, year_from=year_from, year_to=year_to,
        **extra,
    )
