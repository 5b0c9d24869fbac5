"""The search backend interface every engine implements."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module
from typing import Iterable, Protocol


class QueryError(ValueError):
    """The query cannot be searched; the message says why (in English).
    `code` and `params` name the reason, so that the web layer can say it
    in the visitor's language (search_api/i18n.py)."""

    def __init__(self, message: str, code: str = "", **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


CASE_TYPES = ("criminal", "civil", "administrative", "economic")
SORTS = ("relevance", "date", "date_asc")


@dataclass(frozen=True)
class IndexedDocument:
    id: str
    title: str
    source: str
    text: str
    language: str | None = None  # ky, ru, mixed
    court: str | None = None  # the court's name as the registry has it
    date: str | None = None  # ISO date of the decision, or its year alone
    case_type: str | None = None  # one of CASE_TYPES
    articles: tuple[str, ...] = ()  # cited articles, normalised: "УК 168"

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date and self.date[:4].isdigit() else None


@dataclass(frozen=True)
class Hit:
    id: str
    title: str
    snippet: str
    score: float
    source: str
    date: str | None = None
    court: str | None = None
    case_type: str | None = None
    language: str | None = None


@dataclass
class SearchResult:
    total: int
    hits: list[Hit] = field(default_factory=list)
    # facet name (court, year, decade, type, lang) → (value, count), most first
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)


class SearchBackend(Protocol):
    name: str

    def index(self, documents: Iterable[IndexedDocument]) -> None:
        """Add or replace documents (by id)."""

    def delete(self, ids: Iterable[str]) -> None:
        """Remove documents; unknown ids are ignored."""

    def reindex(self, documents: Iterable[IndexedDocument], processes: int = 1) -> None:
        """Replace the whole index with these documents, built aside and
        swapped in at once: searches keep answering throughout."""

    def search(self, query: str, limit: int = 10, offset: int = 0, sort: str = "relevance",
               facets: bool = False) -> SearchResult:
        """Documents matching the query (indexing/query.py's language)."""

    def similar(self, doc_id: str, limit: int = 10) -> list[Hit]:
        """Documents most like this one, itself left out."""

    def count(self) -> int:
        """How many documents the index holds."""


# The search backends by name ("module:Class", imported when opened): the
# settings' search_backend must be one of these. Each class has
# open(name, directory=..., url=..., prefix=...).
BACKENDS: dict[str, str] = {
    "embedded": "indexing.tantivy_backend:TantivyBackend",
    "opensearch": "indexing.opensearch_backend:OpenSearchBackend",
}


def register_backend(kind: str, target: str) -> None:
    """Add a backend ("module:Class") under a name the settings may then use."""
    BACKENDS[kind] = target


def backend_class(kind: str):  # type: ignore[no-untyped-def]
    if kind not in BACKENDS:
        raise ValueError(f"unknown search backend {kind!r}: use {' or '.join(repr(k) for k in BACKENDS)}")
    module, _, name = BACKENDS[kind].partition(":")
    return getattr(import_module(module), name)
