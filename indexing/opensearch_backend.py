"""The production engine: OpenSearch, through opensearch-py.

Our analyser's terms go into whitespace-analysed text fields (exact and
folded), so OpenSearch indexes exactly what the embedded engine does; the
original text is kept in _source for our snippets; metadata are keyword and
integer fields for filters and facets. The query plan (indexing/plan.py)
is translated into the query DSL node for node, as the embedded engine's
compiler does it, so both return the same documents.

Each logical index ("internal", "public") is an alias over a concrete
index; a full reindex fills a new concrete index and swaps the alias in one
atomic request, so searches keep answering throughout.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator

from opensearchpy import OpenSearch, helpers
from opensearchpy.exceptions import NotFoundError, TransportError

from indexing.analysis import analyze, index_fields
from indexing.backend import SORTS, Hit, IndexedDocument, QueryError, SearchResult
from indexing.fields import FACETS, AnalysedDocument, analysed, article_values, day_number, with_decades
from indexing.plan import Plan, Prefix, Terms, plan
from indexing.query import All, AnyOf, Everything, Field, Not, YearRange
from indexing.snippets import make_snippet

log = logging.getLogger(__name__)

EXACT_BOOST = 2.0  # as in the embedded engine
BULK_CHUNK = 500  # documents per bulk request
BULK_RETRIES = 5  # for requests OpenSearch turns away when busy (429), with back-off
WINDOW = 10_000  # OpenSearch's from+size limit; deeper pages go by search_after
SIMILAR_TERMS = 25
MAPPINGS: dict[str, Any] = {
    "dynamic": "strict",
    "properties": {
        "id": {"type": "keyword"},
        "title": {"type": "keyword", "index": False},
        "source": {"type": "keyword", "index": False},
        "language": {"type": "keyword"},
        "court": {"type": "keyword"},
        "court_terms": {"type": "text", "analyzer": "whitespace"},
        "case_type": {"type": "keyword"},
        "articles": {"type": "keyword"},
        "date": {"type": "keyword", "index": False},
        "year": {"type": "integer"},
        "day": {"type": "integer"},
        "terms": {"type": "text", "analyzer": "whitespace"},
        "folded": {"type": "text", "analyzer": "whitespace"},
        "text": {"type": "text", "index": False},
    },
}


class OpenSearchBackend:
    @classmethod
    def open(cls, name: str, *, directory: Path | None = None, url: str | None = None,
             prefix: str = "sotarchive") -> "OpenSearchBackend":
        if not url:
            raise ValueError("the OpenSearch backend needs a URL: set SOTARCHIVE_OPENSEARCH_URL")
        return cls(url, name, prefix=prefix)

    def __init__(self, url: str, name: str, prefix: str = "sotarchive", shards: int = 1, replicas: int = 0) -> None:
        self.name = name
        self.alias = f"{prefix}-{name}"
        self.prefix = prefix
        self.shards, self.replicas = shards, replicas
        self.client = OpenSearch(hosts=[url], timeout=60, max_retries=3, retry_on_timeout=True)
        self._ensure_template()
        if not self.client.indices.exists_alias(name=self.alias):
            self._create_first_index()

    # --- the index and its alias -------------------------------------------------------------

    def _ensure_template(self) -> None:
        """An index template, so every concrete index behind our aliases
        gets the same explicit mappings and settings."""
        self.client.indices.put_index_template(
            name=f"{self.prefix}-documents",
            body={
                "index_patterns": [f"{self.prefix}-*-*"],
                "template": {
                    "settings": {"number_of_shards": self.shards, "number_of_replicas": self.replicas,
                                 "refresh_interval": "1s"},
                    "mappings": MAPPINGS,
                },
            },
        )

    def _create_first_index(self) -> None:
        """The first index, created with its alias in one request: workers
        starting together race here, and the losers find it made."""
        try:
            self.client.indices.create(index=f"{self.alias}-first",
                                       body={"aliases": {self.alias: {"is_write_index": True}}})
        except TransportError as exc:
            if exc.error != "resource_already_exists_exception":
                raise

    def _create_index(self, swap_to: bool) -> str:
        stamp = datetime.now(timezone.utc).strftime("%Y%m%d%H%M%S%f")
        concrete = f"{self.alias}-{stamp}"
        self.client.indices.create(index=concrete)
        if swap_to:
            self._swap(concrete)
        return concrete

    def _swap(self, concrete: str) -> list[str]:
        """Point the alias at `concrete` in one atomic request; the indices
        it pointed at before."""
        try:
            old = list(self.client.indices.get_alias(name=self.alias))
        except NotFoundError:
            old = []
        actions: list[dict[str, Any]] = [{"remove": {"index": i, "alias": self.alias}} for i in old if i != concrete]
        actions.append({"add": {"index": concrete, "alias": self.alias, "is_write_index": True}})
        self.client.indices.update_aliases(body={"actions": actions})
        return [i for i in old if i != concrete]

    def reindex(self, documents: Iterable[IndexedDocument], processes: int = 1) -> None:
        """Fill a new index and swap the alias to it; searches keep going to
        the old one until the swap, and the old one is then dropped."""
        concrete = self._create_index(swap_to=False)
        self.client.indices.put_settings(index=concrete, body={"index": {"refresh_interval": "-1"}})
        self._bulk(concrete, analysed(documents, processes))
        self.client.indices.put_settings(index=concrete, body={"index": {"refresh_interval": "1s"}})
        self.client.indices.refresh(index=concrete)
        for old in self._swap(concrete):
            self.client.indices.delete(index=old)

    # --- writing -----------------------------------------------------------------------------

    def index(self, documents: Iterable[IndexedDocument], processes: int = 1) -> None:
        self._bulk(self.alias, analysed(documents, processes))
        self.client.indices.refresh(index=self.alias)

    def _bulk(self, target: str, items: Iterator[AnalysedDocument]) -> None:
        actions = ({"_op_type": "index", "_index": target, "_id": doc.id, "_source": self._source(doc, exact, folded, court)}
                   for doc, exact, folded, court in items)
        # streaming_bulk pulls from the generator a chunk at a time (the
        # queue between analysis and OpenSearch is bounded) and retries
        # chunks turned away with 429, backing off from 2 s.
        failed = []
        for ok, info in helpers.streaming_bulk(
            self.client, actions, chunk_size=BULK_CHUNK, max_retries=BULK_RETRIES, initial_backoff=2,
            raise_on_error=False, raise_on_exception=False,
        ):
            if not ok:
                failed.append(info)
        if failed:
            raise RuntimeError(f"{len(failed)} documents were not indexed; the first: {failed[0]}")

    @staticmethod
    def _source(doc: IndexedDocument, exact: str, folded: str, court_terms: str) -> dict[str, Any]:
        source: dict[str, Any] = {
            "id": doc.id, "title": doc.title, "source": doc.source, "terms": exact, "folded": folded,
            "text": doc.text, "day": day_number(doc.date), "articles": article_values(doc.articles),
        }
        for key, value in (("language", doc.language), ("court", doc.court), ("case_type", doc.case_type),
                           ("date", doc.date), ("year", doc.year)):
            if value is not None:
                source[key] = value
        if doc.court:
            source["court_terms"] = court_terms
        return source

    def delete(self, ids: Iterable[str]) -> None:
        actions = ({"_op_type": "delete", "_index": self.alias, "_id": doc_id} for doc_id in ids)
        for ok, info in helpers.streaming_bulk(self.client, actions, raise_on_error=False):
            if not ok and info.get("delete", {}).get("status") != 404:
                raise RuntimeError(f"could not delete: {info}")
        self.client.indices.refresh(index=self.alias)

    def count(self) -> int:
        return int(self.client.count(index=self.alias)["count"])

    # --- searching ---------------------------------------------------------------------------

    def search(self, query: str, limit: int = 10, offset: int = 0, sort: str = "relevance",
               facets: bool = False) -> SearchResult:
        if sort not in SORTS:
            raise QueryError(f'unknown sort "{sort}": use {", ".join(SORTS)}', "unknown_sort", value=sort)
        planned = plan(query)
        body: dict[str, Any] = {
            "query": _Compiler(self, planned).compile(),
            "track_total_hits": True,
            "sort": _SORT[sort],
            "_source": {"excludes": ["terms", "folded", "court_terms"]},
        }
        if facets:
            body["aggs"] = {name: {"terms": {"field": field, "size": size}} for name, (field, size) in FACETS.items()}
        response = self._page(body, limit, offset)
        hits = [self._hit(h, planned) for h in response["hits"]["hits"]]
        result = SearchResult(total=int(response["hits"]["total"]["value"]), hits=hits)
        if facets:
            result.facets = with_decades({
                name: [(str(b["key"]), int(b["doc_count"])) for b in response["aggregations"][name]["buckets"]]
                for name in FACETS
            })
        return result

    def _page(self, body: dict[str, Any], limit: int, offset: int) -> dict[str, Any]:
        """A page of hits: from/size within OpenSearch's window, and
        search_after beyond it (the sort ends with the id, so pages are
        stable and never overlap)."""
        if offset + limit <= WINDOW:
            return self.client.search(index=self.alias, body={**body, "from": offset, "size": limit})
        skipped, after = 0, None
        page: dict[str, Any] = {}
        while skipped < offset:
            step = min(WINDOW, offset - skipped)
            request = {**body, "size": step, "aggs": {}}
            if after is not None:
                request["search_after"] = after
            page = self.client.search(index=self.alias, body=request)
            if not page["hits"]["hits"]:
                break
            skipped += len(page["hits"]["hits"])
            after = page["hits"]["hits"][-1]["sort"]
        request = {**body, "size": limit}
        if after is not None:
            request["search_after"] = after
        return self.client.search(index=self.alias, body=request)

    def similar(self, doc_id: str, limit: int = 10) -> list[Hit]:
        try:
            stored = self.client.get(index=self.alias, id=doc_id)
        except NotFoundError:
            raise QueryError(f"no document {doc_id} in the {self.name} index") from None
        text = stored["_source"].get("text", "")
        terms = index_fields((stored["_source"].get("title") or "") + "\n" + text)[0]
        body = {
            "query": {"bool": {
                "must": {"more_like_this": {"fields": ["terms"], "like": terms, "min_term_freq": 1, "min_doc_freq": 1,
                                            "max_query_terms": SIMILAR_TERMS, "min_word_length": 3,
                                            "minimum_should_match": 1}},
                "must_not": {"ids": {"values": [doc_id]}},
            }},
            "size": limit,
            "_source": {"excludes": ["terms", "folded", "court_terms"]},
        }
        response = self.client.search(index=self.alias, body=body)
        wanted = {t.term for t in analyze(text)}
        return [self._hit(h, wanted) for h in response["hits"]["hits"]]

    @staticmethod
    def _hit(hit: dict[str, Any], wanted: Plan | set[str]) -> Hit:
        source = hit["_source"]
        highlight = wanted.highlight if isinstance(wanted, Plan) else set()
        return Hit(
            id=source["id"],
            title=source.get("title") or "",
            snippet=make_snippet(source.get("text", ""), highlight),
            score=round(float(hit.get("_score") or 0.0), 4),
            source=source.get("source") or "",
            date=source.get("date"),
            court=source.get("court"),
            case_type=source.get("case_type"),
            language=source.get("language"),
        )

    def exists(self, term: str, folded: str) -> bool:
        body = {"query": {"bool": {"should": [{"term": {"terms": term}}, {"term": {"folded": folded}}]}}}
        return int(self.client.count(index=self.alias, body=body)["count"]) > 0


_SORT = {
    "relevance": [{"_score": "desc"}, {"id": "asc"}],
    "date": [{"day": "desc"}, {"id": "asc"}],
    "date_asc": [{"day": "asc"}, {"id": "asc"}],
}


class _Compiler:
    """A query plan as OpenSearch's query DSL: the embedded engine's
    compiler, clause for clause."""

    def __init__(self, backend: OpenSearchBackend, planned: Plan) -> None:
        self.backend = backend
        self.planned = planned

    def compile(self) -> dict[str, Any]:
        return self.node(self.planned.root)

    def node(self, node: object) -> dict[str, Any]:
        if isinstance(node, Terms):
            return self.terms(node)
        if isinstance(node, Prefix):
            return {"bool": {"should": [{"prefix": {"terms": {"value": node.exact, "boost": EXACT_BOOST}}},
                                        {"prefix": {"folded": {"value": node.folded}}}], "minimum_should_match": 1}}
        if isinstance(node, Field):
            return {"constant_score": {"filter": self.filter(node), "boost": 0.0}}
        if isinstance(node, YearRange):
            bounds = {k: v for k, v in (("gte", node.low), ("lte", node.high)) if v is not None}
            return {"constant_score": {"filter": {"range": {"year": bounds}}, "boost": 0.0}}
        if isinstance(node, Everything):
            return {"constant_score": {"filter": {"match_all": {}}, "boost": 0.0}}
        if isinstance(node, Not):
            return {"bool": {"must": {"match_all": {}}, "must_not": self.node(node.clause)}}
        if isinstance(node, All):
            must = [self.node(c) for c in node.clauses if not isinstance(c, Not)]
            must_not = [self.node(c.clause) for c in node.clauses if isinstance(c, Not)]
            return {"bool": {"must": must, "must_not": must_not}}
        if isinstance(node, AnyOf):
            return {"bool": {"should": [self.node(c) for c in node.clauses], "minimum_should_match": 1}}
        raise TypeError(f"unexpected query node {node!r}")

    def terms(self, node: Terms) -> dict[str, Any]:
        should = []
        for option in node.options:
            should.append(self.sequence("terms", [p[0] for p in option], node.slop, EXACT_BOOST))
            should.append(self.sequence("folded", [p[1] for p in option], node.slop, 1.0))
        if node.fuzzy and not any(self.backend.exists(e, f) for option in node.options for e, f in option):
            for term in node.fuzzy:
                should.append({"fuzzy": {"terms": {"value": term, "fuzziness": 1, "transpositions": True,
                                                   "prefix_length": 0, "max_expansions": 50}}})
                self.planned.highlight.fuzzy.add(term)
        return {"bool": {"should": should, "minimum_should_match": 1}}

    @staticmethod
    def sequence(field: str, terms: list[str], slop: int, boost: float) -> dict[str, Any]:
        if len(terms) == 1:
            return {"term": {field: {"value": terms[0], "boost": boost}}}
        return {"match_phrase": {field: {"query": " ".join(terms), "slop": slop, "boost": boost}}}

    @staticmethod
    def filter(node: Field) -> dict[str, Any]:
        if node.name == "court":
            terms = [t.term for t in analyze(node.value)]
            if not terms:
                raise QueryError(f'"court:{node.value}" has no words to look for', "empty_court", value=node.value)
            return {"bool": {"must": [{"prefix": {"court_terms": t}} for t in terms]}}
        field = {"type": "case_type", "lang": "language", "article": "articles"}[node.name]
        return {"term": {field: node.value}}

