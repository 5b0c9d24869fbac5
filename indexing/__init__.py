"""Text analysis for Kyrgyz and Russian, and the search backends.

A pure library: no database, no task queue.
"""

from __future__ import annotations

from pathlib import Path

from indexing.analysis import Token, analyze, index_fields, index_terms, query_terms
from indexing.backend import Hit, IndexedDocument, QueryError, SearchBackend, SearchResult
from indexing.query import normalise_article, parse
from indexing.snippets import make_snippet


def open_backend(kind: str, name: str, directory: Path, url: str | None = None,
                 prefix: str = "sotarchive") -> SearchBackend:
    """The backend for one logical index ("internal" or "public"):
    "embedded" (Tantivy in `directory`) or "opensearch" (at `url`, indices
    named after `prefix`)."""
    if kind == "embedded":
        from indexing.tantivy_backend import TantivyBackend

        return TantivyBackend(directory, name)
    if kind == "opensearch":
        if not url:
            raise ValueError("the OpenSearch backend needs a URL: set SOTARCHIVE_OPENSEARCH_URL")
        from indexing.opensearch_backend import OpenSearchBackend

        return OpenSearchBackend(url, name, prefix=prefix)
    raise ValueError(f"unknown search backend {kind!r}: use 'embedded' or 'opensearch'")


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
