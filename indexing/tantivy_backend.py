"""The embedded engine: Tantivy, on a folder of the data directory.

Our analyser's terms go into a whitespace-tokenised field; the original
text is stored (not indexed) for snippets. Tantivy allows one writer per
index at a time, so writers from several worker processes take turns
through a file lock.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

import tantivy
from filelock import FileLock

from indexing.analysis import index_terms, query_terms
from indexing.backend import Hit, IndexedDocument, QueryError, SearchResult
from indexing.snippets import make_snippet

WRITER_HEAP = 32_000_000
LOCK_TIMEOUT_S = 300


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    builder.add_text_field("title", stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("source", stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("language", stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("terms", stored=False, tokenizer_name="whitespace")
    builder.add_bytes_field("text", stored=True, indexed=False)
    return builder.build()


class TantivyBackend:
    def __init__(self, directory: Path, name: str) -> None:
        self.name = name
        self.path = Path(directory) / name
        self.path.mkdir(parents=True, exist_ok=True)
        self._lock = FileLock(str(self.path) + ".lock", timeout=LOCK_TIMEOUT_S)
        self.schema = _schema()
        with self._lock:
            self.index_ = tantivy.Index(self.schema, path=str(self.path), reuse=True)

    def index(self, documents: Iterable[IndexedDocument]) -> None:
        with self._lock:
            writer = self.index_.writer(WRITER_HEAP, 1)
            for doc in documents:
                writer.delete_documents_by_term("id", doc.id)
                writer.add_document(
                    tantivy.Document(
                        id=doc.id,
                        title=doc.title,
                        source=doc.source,
                        language=doc.language or "",
                        terms=index_terms(doc.title + "\n" + doc.text),
                        text=doc.text.encode("utf-8"),
                    )
                )
            writer.commit()
            writer.wait_merging_threads()

    def delete(self, ids: Iterable[str]) -> None:
        with self._lock:
            writer = self.index_.writer(WRITER_HEAP, 1)
            for doc_id in ids:
                writer.delete_documents_by_term("id", doc_id)
            writer.commit()
            writer.wait_merging_threads()

    def count(self) -> int:
        self.index_.reload()
        return self.index_.searcher().num_docs

    def search(self, query: str, limit: int = 10, offset: int = 0) -> SearchResult:
        terms = query_terms(query)
        if not terms:
            raise QueryError("the query has no words to search for")
        tantivy_query = tantivy.Query.boolean_query(
            [
                (tantivy.Occur.Must, tantivy.Query.term_query(self.schema, "terms", term))
                for term in terms
            ]
        )
        self.index_.reload()
        searcher = self.index_.searcher()
        result = searcher.search(tantivy_query, limit=limit, count=True, offset=offset)
        wanted = set(terms)
        hits = []
        for score, address in result.hits:
            stored = searcher.doc(address)
            text = bytes(stored.get_first("text") or b"").decode("utf-8")
            hits.append(
                Hit(
                    id=stored.get_first("id"),
                    title=stored.get_first("title") or "",
                    snippet=make_snippet(text, wanted),
                    score=round(float(score), 4),
                    source=stored.get_first("source") or "",
                )
            )
        return SearchResult(total=result.count or 0, hits=hits)
