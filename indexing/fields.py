"""What every backend stores for a document and reports of a result, so
the embedded engine and OpenSearch index and answer alike."""

from __future__ import annotations

import multiprocessing
import re
from typing import Iterable, Iterator

from indexing.analysis import index_fields
from indexing.backend import IndexedDocument

# facet name → the field it counts, and how many values it shows
FACETS = {"court": ("court", 50), "type": ("case_type", 10), "lang": ("language", 5), "year": ("year", 200),
          "article": ("articles", 300)}
ARTICLES_SHOWN = 100
BULK_BATCH = 512  # documents analysed per round: bounds the memory of a bulk load

AnalysedDocument = tuple[IndexedDocument, str, str, str]


def analyse_document(doc: IndexedDocument) -> AnalysedDocument:
    """A document with its exact and folded terms and its court's terms."""
    exact, folded = index_fields(doc.title + "\n" + doc.text)
    return doc, exact, folded, index_fields(doc.court)[0] if doc.court else ""


def analysed(documents: Iterable[IndexedDocument], processes: int = 1) -> Iterator[AnalysedDocument]:
    """Documents with their terms, in order. With processes > 1 the
    analysis (the costly part, in Python) runs in that many processes, a
    batch at a time, so a million documents never sit in memory at once."""
    if processes <= 1:
        for doc in documents:
            yield analyse_document(doc)
        return
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        batch: list[IndexedDocument] = []
        for doc in documents:
            batch.append(doc)
            if len(batch) >= BULK_BATCH * processes:
                yield from pool.map(analyse_document, batch, chunksize=64)
                batch = []
        if batch:
            yield from pool.map(analyse_document, batch, chunksize=64)


def day_number(date: str | None) -> int:
    """yyyymmdd of an ISO date (or of a bare year, its first day), for
    sorting by date; 0 when there is none."""
    digits = re.sub(r"\D", "", date or "")
    return int((digits + "0101")[:8]) if len(digits) >= 4 else 0


def with_decades(facets: dict[str, list[tuple[str, int]]]) -> dict[str, list[tuple[str, int]]]:
    """Years sorted as years, newest first, and decades summed from them."""
    years = sorted(((int(float(y)), n) for y, n in facets.get("year", [])), reverse=True)
    decades: dict[int, int] = {}
    for year, n in years:
        decades[year // 10 * 10] = decades.get(year // 10 * 10, 0) + n
    facets["year"] = [(str(y), n) for y, n in years]
    facets["decade"] = [(f"{d}s", n) for d, n in sorted(decades.items(), reverse=True)]
    # Articles are indexed with their bare number too (article:168); the facet shows code and number.
    articles = [(v, n) for v, n in facets.get("article", []) if " " in v]
    facets["article"] = sorted(articles, key=lambda item: (-item[1], item[0]))[:ARTICLES_SHOWN]
    return facets


def article_values(articles: Iterable[str]) -> list[str]:
    """Each cited article, and its number alone: article:168 finds it under any code."""
    values: list[str] = []
    for article in articles:
        values.append(article)
        bare = article.split()[-1]
        if bare != article:
            values.append(bare)
    return values
