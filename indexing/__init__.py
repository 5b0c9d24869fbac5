"""Text analysis for Kyrgyz and Russian, and the search backends.

A pure library: no database, no task queue.
"""

from __future__ import annotations

from pathlib import Path

from indexing.analysis import Token, analyze, index_fields, index_terms, query_terms
from indexing.backend import Hit, IndexedDocument, QueryError, SearchBackend, SearchResult, backend_class
from indexing.query import normalise_article, parse
from indexing.snippets import make_snippet


def open_backend(kind: str, name: str, directory: Path, url: str | None = None,
                 prefix: str = "sotarchive") -> SearchBackend:
    """The backend registered under kind (indexing.backend.BACKENDS: "embedded",
    Tantivy in `directory`; "opensearch", at `url`, indices named after
    `prefix`) for one logical index ("internal" or "public")."""
    return backend_class(kind).open(name, directory=directory, url=url, prefix=prefix)  # type: ignore[no-any-return]


__all__ = [
    "Hit",
    "IndexedDocument",
    "QueryError",
    "SearchBackend",
    "SearchResult",
    "Token",
    "analyze",
    "index_fields",
    "index_terms",
    "normalise_article",
    "parse",
    "make_snippet",
    "open_backend",
    "query_terms",
]
