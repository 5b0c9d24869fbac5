"""The search backend interface every engine implements."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Protocol


class QueryError(ValueError):
    """The query cannot be searched; the message says why."""


@dataclass(frozen=True)
class IndexedDocument:
    id: str
    title: str
    source: str
    text: str
    language: str | None = None


@dataclass(frozen=True)
class Hit:
    id: str
    title: str
    snippet: str
    score: float
    source: str


@dataclass
class SearchResult:
    total: int
    hits: list[Hit] = field(default_factory=list)


class SearchBackend(Protocol):
    name: str

    def index(self, documents: Iterable[IndexedDocument]) -> None:
        """Add or replace documents (by id)."""

    def delete(self, ids: Iterable[str]) -> None:
        """Remove documents; unknown ids are ignored."""

    def search(self, query: str, limit: int = 10, offset: int = 0) -> SearchResult:
        """Documents matching every word of the query, best first."""

    def count(self) -> int:
        """How many documents the index holds."""
