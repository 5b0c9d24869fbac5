"""The embedded engine: Tantivy, on a folder of the data directory.

Our analyser's terms go into two whitespace-tokenised fields, exact and
folded, position for position; the original text is stored (not indexed)
for snippets. Facet fields are fast fields, aggregated by Tantivy. Tantivy
allows one writer per index at a time, so writers from several worker
processes take turns through a file lock.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path
from typing import Iterable

import tantivy
from filelock import FileLock

from indexing.analysis import analyze, index_fields
from indexing.fields import FACETS, AnalysedDocument, analysed, article_values, day_number, with_decades
from indexing.backend import SORTS, Hit, IndexedDocument, QueryError, SearchResult
from indexing.plan import Plan, Prefix, Terms, plan
from indexing.query import All, AnyOf, Everything, Field, Not, YearRange
from indexing.snippets import make_snippet

WRITER_HEAP = 64_000_000
LOCK_TIMEOUT_S = 300
EXACT_BOOST = 2.0  # a word as written outranks its typewriter-folded twin
SIMILAR_TERMS = 25


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    builder.add_text_field("title", stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("source", stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("language", stored=True, fast=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("court", stored=True, fast=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("court_terms", tokenizer_name="whitespace")
    builder.add_text_field("case_type", stored=True, fast=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("articles", stored=True, fast=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("date", stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_integer_field("year", stored=True, indexed=True, fast=True)
    builder.add_integer_field("day", indexed=False, fast=True)  # yyyymmdd, for sorting by date
    builder.add_text_field("terms", tokenizer_name="whitespace")
    builder.add_text_field("folded", tokenizer_name="whitespace")
    builder.add_bytes_field("text", stored=True, indexed=False)
    return builder.build()


class TantivyBackend:
    """One logical index in `directory`: a link `name` to the folder of
    the index in use (`name-<time>`), so a full reindex builds a new folder
    and swaps the link, as OpenSearch swaps an alias."""

    @classmethod
    def open(cls, name: str, *, directory: Path, url: str | None = None, prefix: str = "") -> "TantivyBackend":
        return cls(directory, name)

    def __init__(self, directory: Path, name: str) -> None:
        self.name = name
        self.directory = Path(directory)
        self.link = self.directory / name
        self.directory.mkdir(parents=True, exist_ok=True)
        self._lock = FileLock(str(self.link) + ".lock", timeout=LOCK_TIMEOUT_S)
        self.schema = _schema()
        with self._lock:
            if not self.link.exists():
                self._point_link_at(self._new_folder())
            self._open()

    def _new_folder(self) -> Path:
        folder = self.directory / f"{self.name}-{time.strftime('%Y%m%d%H%M%S')}-{time.monotonic_ns() % 10**9}"
        folder.mkdir()
        return folder

    def _point_link_at(self, folder: Path) -> None:
        """Swap the link in one rename: readers see the old index or the
        new one, never neither."""
        temporary = self.directory / f".{self.name}.link-{os.getpid()}"
        temporary.unlink(missing_ok=True)
        temporary.symlink_to(folder.name)
        os.replace(temporary, self.link)

    def _open(self) -> None:
        self._opened = self.link.resolve()
        self.index_ = tantivy.Index(self.schema, path=str(self._opened), reuse=True)

    def _current(self) -> tantivy.Index:
        """The index the link points at now (another process may have
        swapped it since)."""
        if self.link.resolve() != self._opened:
            self._open()
        return self.index_

    # --- writing -----------------------------------------------------------------

    def reindex(self, documents: Iterable[IndexedDocument], processes: int = 1) -> None:
        """Build a new index from `documents` and swap the link to it;
        searches use the old one until then. The old folder is removed."""
        folder = self._new_folder()
        fresh = tantivy.Index(self.schema, path=str(folder), reuse=False)
        writer = fresh.writer(WRITER_HEAP, max(1, processes))
        for item in analysed(documents, processes):
            writer.add_document(self._document(*item))
        writer.commit()
        writer.wait_merging_threads()
        with self._lock:
            old = self.link.resolve() if self.link.is_symlink() else None
            if self.link.exists() and not self.link.is_symlink():
                # An index from before links: move it aside, then link.
                old = self.link.rename(self.directory / f"{self.name}-before-links-{time.monotonic_ns()}")
            self._point_link_at(folder)
            self._open()
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def index(self, documents: Iterable[IndexedDocument], processes: int = 1) -> None:
        """Add or replace documents. With processes > 1 the analysis (the
        costly part, in Python) runs in that many processes while this one
        feeds Tantivy: for bulk loads and reindexing."""
        with self._lock:
            writer = self._current().writer(WRITER_HEAP, max(1, processes))
            for item in analysed(documents, processes):
                self._add(writer, item)
            writer.commit()
            writer.wait_merging_threads()

    def _add(self, writer: tantivy.IndexWriter, item: AnalysedDocument) -> None:
        writer.delete_documents_by_term("id", item[0].id)
        writer.add_document(self._document(*item))

    def _document(self, doc: IndexedDocument, exact: str, folded: str, court_terms: str) -> tantivy.Document:
        fields: dict[str, object] = {
            "id": doc.id,
            "title": doc.title,
            "source": doc.source,
            "terms": exact,
            "folded": folded,
            "text": doc.text.encode("utf-8"),
            "day": day_number(doc.date),
        }
        if doc.language:
            fields["language"] = doc.language
        if doc.court:
            fields["court"] = doc.court
            fields["court_terms"] = court_terms
        if doc.case_type:
            fields["case_type"] = doc.case_type
        if doc.date:
            fields["date"] = doc.date
        if doc.year is not None:
            fields["year"] = doc.year
        document = tantivy.Document(**fields)
        for value in article_values(doc.articles):
            document.add_text("articles", value)
        return document

    def delete(self, ids: Iterable[str]) -> None:
        with self._lock:
            writer = self._current().writer(WRITER_HEAP, 1)
            for doc_id in ids:
                writer.delete_documents_by_term("id", doc_id)
            writer.commit()
            writer.wait_merging_threads()

    def count(self) -> int:
        index = self._current()
        index.reload()
        return index.searcher().num_docs

    # --- searching ---------------------------------------------------------------

    def search(self, query: str, limit: int = 10, offset: int = 0, sort: str = "relevance",
               facets: bool = False) -> SearchResult:
        if sort not in SORTS:
            raise QueryError(f'unknown sort "{sort}": use {", ".join(SORTS)}', "unknown_sort", value=sort)
        planned = plan(query)
        index = self._current()
        index.reload()
        searcher = index.searcher()
        compiled = _Compiler(self.schema, searcher, planned).compile()
        if sort == "relevance":
            result = searcher.search(compiled, limit=limit, count=True, offset=offset)
        else:
            order = tantivy.Order.Desc if sort == "date" else tantivy.Order.Asc
            result = searcher.search(compiled, limit=limit, count=True, offset=offset, order_by_field="day", order=order)
        hits = [self._hit(searcher, address, score, planned) for score, address in result.hits]
        found = SearchResult(total=result.count or 0, hits=hits)
        if facets:
            found.facets = self._facets(searcher, compiled)
        return found

    def similar(self, doc_id: str, limit: int = 10) -> list[Hit]:
        index = self._current()
        index.reload()
        searcher = index.searcher()
        own = tantivy.Query.term_query(self.schema, "id", doc_id)
        found = searcher.search(own, limit=1)
        if not found.hits:
            raise QueryError(f"no document {doc_id} in the {self.name} index")
        stored = searcher.doc(found.hits[0][1])
        text = bytes(stored.get_first("text") or b"").decode("utf-8")
        terms = index_fields((stored.get_first("title") or "") + "\n" + text)[0]
        like = tantivy.Query.more_like_this_document_fields_query(
            self.schema, {"terms": [terms]}, min_doc_frequency=1, min_term_frequency=1,
            max_query_terms=SIMILAR_TERMS, min_word_length=3,
        )
        query = tantivy.Query.boolean_query([(tantivy.Occur.Must, like), (tantivy.Occur.MustNot, own)])
        result = searcher.search(query, limit=limit)
        wanted = {t.term for t in analyze(text)}
        return [self._hit(searcher, address, score, wanted) for score, address in result.hits]

    def _hit(self, searcher: tantivy.Searcher, address: tantivy.DocAddress, score: float,
             wanted: Plan | set[str]) -> Hit:
        stored = searcher.doc(address)
        text = bytes(stored.get_first("text") or b"").decode("utf-8")
        highlight = wanted.highlight if isinstance(wanted, Plan) else set()
        return Hit(
            id=stored.get_first("id"),
            title=stored.get_first("title") or "",
            snippet=make_snippet(text, highlight),
            score=round(float(score), 4),
            source=stored.get_first("source") or "",
            date=stored.get_first("date"),
            court=stored.get_first("court"),
            case_type=stored.get_first("case_type"),
            language=stored.get_first("language"),
        )

    def _facets(self, searcher: tantivy.Searcher, query: tantivy.Query) -> dict[str, list[tuple[str, int]]]:
        spec = {name: {"terms": {"field": field, "size": size}} for name, (field, size) in FACETS.items()}
        raw = searcher.aggregate(query, spec)
        facets = {
            name: [(str(b["key"]), int(b["doc_count"])) for b in raw.get(name, {}).get("buckets", [])]
            for name in FACETS
        }
        return with_decades(facets)


class _Compiler:
    """A query plan as a Tantivy query."""

    def __init__(self, schema: tantivy.Schema, searcher: tantivy.Searcher, planned: Plan) -> None:
        self.schema = schema
        self.searcher = searcher
        self.planned = planned

    def compile(self) -> tantivy.Query:
        return self.node(self.planned.root)

    def node(self, node: object) -> tantivy.Query:
        if isinstance(node, Terms):
            return self.terms(node)
        if isinstance(node, Prefix):
            return self.prefix(node)
        if isinstance(node, Field):
            return self.filter(node)
        if isinstance(node, YearRange):
            return tantivy.Query.const_score_query(
                tantivy.Query.range_query(self.schema, "year", tantivy.FieldType.Integer, node.low, node.high), 0.0
            )
        if isinstance(node, Everything):
            return tantivy.Query.const_score_query(tantivy.Query.all_query(), 0.0)
        if isinstance(node, Not):
            return tantivy.Query.boolean_query(
                [(tantivy.Occur.Must, tantivy.Query.all_query()), (tantivy.Occur.MustNot, self.node(node.clause))]
            )
        if isinstance(node, All):
            clauses = []
            for clause in node.clauses:
                if isinstance(clause, Not):
                    clauses.append((tantivy.Occur.MustNot, self.node(clause.clause)))
                else:
                    clauses.append((tantivy.Occur.Must, self.node(clause)))
            return tantivy.Query.boolean_query(clauses)
        if isinstance(node, AnyOf):
            return tantivy.Query.boolean_query([(tantivy.Occur.Should, self.node(c)) for c in node.clauses])
        raise TypeError(f"unexpected query node {node!r}")

    def terms(self, node: Terms) -> tantivy.Query:
        should = []
        for option in node.options:
            exact = [pair[0] for pair in option]
            folded = [pair[1] for pair in option]
            should.append(tantivy.Query.boost_query(self.sequence("terms", exact, node.slop), EXACT_BOOST))
            should.append(self.sequence("folded", folded, node.slop))
        if node.fuzzy and not self._any_found(node):
            # Nothing has the word: a typo of the query (or of the OCR)?
            # Look one letter away, and light up what is found.
            for term in node.fuzzy:
                should.append(tantivy.Query.fuzzy_term_query(self.schema, "terms", term, distance=1))
                self.planned.highlight.fuzzy.add(term)
        return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in should])

    def sequence(self, field: str, terms: list[str], slop: int) -> tantivy.Query:
        if len(terms) == 1:
            return tantivy.Query.term_query(self.schema, field, terms[0])
        return tantivy.Query.phrase_query(self.schema, field, terms, slop=slop)

    def _any_found(self, node: Terms) -> bool:
        for option in node.options:
            for exact, folded in option:
                if self.searcher.doc_freq("terms", exact) or self.searcher.doc_freq("folded", folded):
                    return True
        return False

    def prefix(self, node: Prefix) -> tantivy.Query:
        return tantivy.Query.boolean_query(
            [
                (tantivy.Occur.Should, tantivy.Query.boost_query(
                    tantivy.Query.regex_query(self.schema, "terms", re.escape(node.exact) + ".*"), EXACT_BOOST)),
                (tantivy.Occur.Should, tantivy.Query.regex_query(self.schema, "folded", re.escape(node.folded) + ".*")),
            ]
        )

    def filter(self, node: Field) -> tantivy.Query:
        if node.name == "court":
            # Each word begins a word of the court's name: court:Бишкек
            # finds "Бишкек шаардык соту" and "Бишкекский городской суд".
            terms = [t.term for t in analyze(node.value)]
            if not terms:
                raise QueryError(f'"court:{node.value}" has no words to look for', "empty_court", value=node.value)
            query = tantivy.Query.boolean_query(
                [(tantivy.Occur.Must, tantivy.Query.regex_query(self.schema, "court_terms", re.escape(t) + ".*"))
                 for t in terms]
            )
        else:
            field = {"type": "case_type", "lang": "language", "article": "articles"}[node.name]
            query = tantivy.Query.term_query(self.schema, field, node.value)
        return tantivy.Query.const_score_query(query, 0.0)
