"""Every search backend behaves alike: deletes, a full reindex behind an
alias while searches go on, deep pages, and the same hit sets and facets
as the embedded engine over one generated corpus."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from bench.search_corpus import corpus
from indexing import QueryError, SearchBackend
from tests.conftest import OPENSEARCH_URL, SEARCH_BACKENDS, needs, open_search_backend

CORPUS = list(corpus(400, seed=5))
QUERIES = [
    "сот", "суд", "өкүм", "приговор", "карызды кайтаруу", "взыскании долга", '"гражданское дело"',
    '"кылмыш ишин"~1', "Фрунзе", "Каракол", "сот -өкүм", "кражу OR мошенничество", "алдам*",
    "year:1960..1975", "type:civil", "lang:ky", "court:Ош", 'article:"УК 168"', "суд year:1980..1990 type:criminal",
    "мошеничество",  # a typo: found one letter away
]


@pytest.fixture(params=SEARCH_BACKENDS)
def empty(request: pytest.FixtureRequest, tmp_path: Path) -> SearchBackend:
    return open_search_backend(request.param, tmp_path)


def test_deletes_and_replacements(empty: SearchBackend) -> None:
    empty.index(CORPUS[:20])
    assert empty.count() == 20
    victim = CORPUS[0].id
    empty.delete([victim, "no-such-id"])
    assert empty.count() == 19
    assert victim not in {h.id for h in empty.search("суд OR сот", limit=50).hits}
    empty.index([CORPUS[1]])  # the same id again replaces, never duplicates
    assert empty.count() == 19


def test_a_reindex_swaps_in_a_new_index_while_searches_go_on(empty: SearchBackend) -> None:
    empty.index(CORPUS)
    before = {q: sorted(h.id for h in empty.search(q, limit=500).hits) for q in QUERIES[:6]}
    answered, errors, done = [], [], threading.Event()

    def keep_searching() -> None:
        while not done.is_set():
            try:
                answered.append(empty.search("суд OR сот", limit=5).total)
            except Exception as exc:  # noqa: BLE001 - any failure during the swap is the finding
                errors.append(exc)

    searcher = threading.Thread(target=keep_searching)
    searcher.start()
    try:
        empty.reindex(iter(CORPUS))
    finally:
        done.set()
        searcher.join()
    assert not errors and answered and min(answered) > 0  # never an empty or failing answer
    after = {q: sorted(h.id for h in empty.search(q, limit=500).hits) for q in before}
    assert after == before
    assert empty.count() == len(CORPUS)


def test_pages_are_stable_and_do_not_overlap(empty: SearchBackend) -> None:
    empty.index(CORPUS)
    every = [h.id for h in empty.search("суд OR сот", limit=400).hits]
    paged = [h.id for offset in range(0, len(every), 7) for h in empty.search("суд OR сот", limit=7, offset=offset).hits]
    assert paged == every and len(set(paged)) == len(paged)


@needs(OPENSEARCH_URL, "OpenSearch")
def test_deep_pages_go_by_search_after(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import indexing.opensearch_backend as module

    backend = open_search_backend("opensearch", tmp_path)
    backend.index(CORPUS)
    every = [h.id for h in backend.search("суд OR сот", limit=400).hits]
    monkeypatch.setattr(module, "WINDOW", 10)  # pages past the 10th hit go by search_after
    deep = [h.id for offset in (12, 25, 100) for h in backend.search("суд OR сот", limit=5, offset=offset).hits]
    assert deep == every[12:17] + every[25:30] + every[100:105]


@needs(OPENSEARCH_URL, "OpenSearch")
def test_both_backends_return_the_same_hits_and_facets(tmp_path: Path) -> None:
    embedded = open_search_backend("embedded", tmp_path)
    opensearch = open_search_backend("opensearch", tmp_path)
    embedded.index(CORPUS)
    opensearch.index(CORPUS)
    for query in QUERIES:
        ours = embedded.search(query, limit=500, facets=True)
        theirs = opensearch.search(query, limit=500, facets=True)
        assert ours.total == theirs.total and ours.total > 0, query
        assert {h.id for h in ours.hits} == {h.id for h in theirs.hits}, query
        assert ours.facets == theirs.facets, query
        assert [h.snippet for h in sorted(ours.hits, key=lambda h: h.id)] == [
            h.snippet for h in sorted(theirs.hits, key=lambda h: h.id)
        ], query
    for doc in CORPUS[:3]:
        assert {h.id for h in embedded.similar(doc.id, limit=5)} and {h.id for h in opensearch.similar(doc.id, limit=5)}
    with pytest.raises(QueryError):
        opensearch.search('"unclosed')
