"""Search quality and speed.

Relevance: the judged queries (bench/search_queries.py) over a generated
corpus (bench/search_corpus.py) with their target documents planted in it;
recall@10 and nDCG@10 per kind of query, for sotarchive's analysis and, in
the same run on the same documents, for the engine's plain tokenizer
(lowercased words, no stemming, folding, repairs or synonyms).

Speed: documents indexed per second (analysis in one process per core, as
a reindex runs), and query latency p50/p95/p99 with facets at each corpus
size asked for, for one-word, two-word, phrase and filtered queries.

    make bench-search                      # relevance on 20,000 documents, latency at 100,000
    .venv/bin/python bench/search_bench.py --latency 100000,1000000
"""

from __future__ import annotations

import argparse
import math
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import tantivy

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.hostile_queries import hostile_queries  # noqa: E402
from bench.search_corpus import corpus, make_document  # noqa: E402
from bench.search_queries import JUDGED  # noqa: E402
from indexing import IndexedDocument, QueryError, analyze  # noqa: E402
from indexing.query import All, AnyOf, Field, Not, Phrase, Word, YearRange, parse  # noqa: E402
from indexing.tantivy_backend import TantivyBackend  # noqa: E402

K = 10


# --- the corpus with its judged documents ----------------------------------------------------


def judged_documents(seed: int, start: int) -> tuple[list[IndexedDocument], dict[int, set[str]]]:
    """The planted targets and decoys, and each query's relevant ids."""
    docs, relevant = [], {}
    number = start
    for q, judged in enumerate(JUDGED):
        relevant[q] = set()
        for role, planted in (("t", judged.targets), ("d", judged.decoys)):
            for j, (sentence, meta) in enumerate(planted):
                doc = make_document(number, seed, extra=sentence, **meta)
                doc = replace(doc, id=f"q{q}{role}{j}")
                docs.append(doc)
                number += 1
                if role == "t":
                    relevant[q].add(doc.id)
    return docs, relevant


def check_background(background_sample: list[IndexedDocument]) -> None:
    """The targets' words must not be in the background: then the targets
    are all the relevant documents."""
    seen = {t.term for doc in background_sample for t in analyze(doc.text)}
    for judged in JUDGED:
        words = [w for w in re.findall(r"[^\W\d_]+", judged.query.split(":")[0]) if w not in ("OR",)]
        content = [t.term for w in words for t in analyze(w)]
        if content and all(term in seen for term in content) and judged.kind not in ("filter", "phrase"):
            sys.exit(f"judged query {judged.query!r}: its words are in the background; choose other words")


# --- the baseline: the engine's plain tokenizer ------------------------------------------------


class PlainIndex:
    """Tantivy's default tokenizer (split on non-letters, lowercase) on the
    text as it is; the same metadata fields and filters as ours."""

    def __init__(self, path: Path) -> None:
        builder = tantivy.SchemaBuilder()
        builder.add_text_field("id", stored=True, tokenizer_name="raw")
        builder.add_text_field("text", tokenizer_name="default")
        builder.add_text_field("court", tokenizer_name="default")
        builder.add_text_field("case_type", tokenizer_name="raw")
        builder.add_text_field("language", tokenizer_name="raw")
        builder.add_text_field("articles", tokenizer_name="raw")
        builder.add_integer_field("year", indexed=True, fast=True)
        self.schema = builder.build()
        self.index = tantivy.Index(self.schema, path=str(path))

    def add(self, docs: list[IndexedDocument]) -> None:
        writer = self.index.writer(64_000_000, 1)
        for d in docs:
            document = tantivy.Document(id=d.id, text=d.title + "\n" + d.text, court=d.court or "",
                                        case_type=d.case_type or "", language=d.language or "", year=d.year or 0)
            for article in d.articles:
                document.add_text("articles", article)
                document.add_text("articles", article.split()[-1])
            writer.add_document(document)
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()

    def search(self, query: str, limit: int = K) -> list[str]:
        searcher = self.index.searcher()
        result = searcher.search(self.compile(parse(query)), limit=limit)
        return [searcher.doc(a)["id"][0] for _, a in result.hits]

    @staticmethod
    def words(text: str) -> list[str]:
        return [w.lower() for w in re.findall(r"[^\W_]+", text)]

    def compile(self, node: object) -> tantivy.Query:
        q = tantivy.Query
        if isinstance(node, Word):
            words = self.words(node.text)
            if node.prefix:
                return q.regex_query(self.schema, "text", re.escape(words[0]) + ".*")
            if len(words) == 1:
                return q.term_query(self.schema, "text", words[0])
            return q.phrase_query(self.schema, "text", words)
        if isinstance(node, Phrase):
            words = self.words(node.text)
            if len(words) == 1:
                return q.term_query(self.schema, "text", words[0])
            return q.phrase_query(self.schema, "text", words, slop=node.slop)
        if isinstance(node, Field):
            if node.name == "court":
                return q.boolean_query([(tantivy.Occur.Must, q.term_query(self.schema, "court", w)) for w in self.words(node.value)])
            field = {"type": "case_type", "lang": "language", "article": "articles"}[node.name]
            return q.term_query(self.schema, field, node.value)
        if isinstance(node, YearRange):
            return q.range_query(self.schema, "year", tantivy.FieldType.Integer, node.low, node.high)
        if isinstance(node, Not):
            return q.boolean_query([(tantivy.Occur.Must, q.all_query()), (tantivy.Occur.MustNot, self.compile(node.clause))])
        if isinstance(node, All):
            return q.boolean_query([(tantivy.Occur.Must, self.compile(c)) for c in node.clauses])
        if isinstance(node, AnyOf):
            return q.boolean_query([(tantivy.Occur.Should, self.compile(c)) for c in node.clauses])
        raise TypeError(node)


# --- measures ------------------------------------------------------------------------------------


def recall_at_k(found: list[str], relevant: set[str]) -> float:
    return len(set(found[:K]) & relevant) / min(len(relevant), K)


def ndcg_at_k(found: list[str], relevant: set[str]) -> float:
    dcg = sum(1 / math.log2(i + 2) for i, d in enumerate(found[:K]) if d in relevant)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(len(relevant), K)))
    return dcg / ideal


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    ordered = sorted(samples)

    def at(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(round(p * (len(ordered) - 1))))]

    return at(0.5), at(0.95), at(0.99)


# --- runs ----------------------------------------------------------------------------------------


def stemmer() -> None:
    """The Kyrgyz stemmer on the test list of forms (tests/data/kyrgyz_forms.txt)."""
    from indexing.language import is_russian_word
    from indexing.stemmer_eval import measure, read_forms

    forms = read_forms(ROOT / "tests" / "data" / "kyrgyz_forms.txt")
    held = {w: f for w, f in forms.groups.items() if w in forms.held_out}
    print(f"Kyrgyz stemmer: {sum(map(len, forms.groups.values()))} forms of {len(forms.groups)} words "
          f"({sum(map(len, held.values()))} forms of {len(held)} words held out of the hand-made lexicon; the treebank's "
          f"lexicon knows most of them now)\n")
    header = f"{'configuration':44} {'conflation':>10} {'over-conflation':>15} {'held-out conflation':>20} {'held-out over':>13}"
    print(header)
    print("-" * len(header))
    for label, lexicon, dictionary in (
        ("as shipped: lexicon + Russian dictionary", True, is_russian_word),
        ("lexicon only", True, None),
        ("suffix tables only", False, None),
    ):
        every, kept_out = measure(forms.groups, lexicon, dictionary), measure(held, lexicon, dictionary)
        print(f"{label:44} {every.conflated:>10.1%} {every.over_conflated:>15.1%} "
              f"{kept_out.conflated:>20.1%} {kept_out.over_conflated:>13.1%}")
    print()
    treebank()


def treebank() -> None:
    """The analysis on real Kyrgyz: the UD_Kyrgyz-KTMU train split (bench/kyrgyz_treebank.py), against
    the five-letter prefix, in the same run. Targets: conflation at least 85%, over-conflation at most 10%."""
    from bench import kyrgyz_treebank as tb

    parts = tb.read()
    print("Kyrgyz analysis on the UD_Kyrgyz-KTMU train split (real data; its test split is not used):")
    print("a form in its sentence against its lemma typed alone; over-conflation over pairs of different")
    print("lemmas sharing their first 3 (4) letters\n")
    header = (f"{'part':9} {'analysis':16} {'inflected':>9} {'conflation':>10} {'pairs(3)':>9} {'over(3)':>8} "
              f"{'pairs(4)':>9} {'over(4)':>8}")
    print(header)
    print("-" * len(header))
    for name in ("held out", "dev"):
        for label, doc, query in (("sotarchive", tb.search_doc_terms, tb.search_query_terms),
                                  ("5-letter prefix", tb.prefix_doc_terms, tb.prefix_terms)):
            three, four = tb.measure(parts[name], doc, query, 3), tb.measure(parts[name], doc, query, 4)
            print(f"{name:9} {label:16} {three.inflected:>9} {three.conflation:>10.1%} {three.pairs:>9} "
                  f"{three.over_conflation:>8.1%} {four.pairs:>9} {four.over_conflation:>8.1%}")
    print("(held out: the sentences whose number ends in 0 or 5, kept out of the lexicon; their words were never")
    print(" looked at, but their totals were seen while rules changed)\n")


def relevance(folder: Path, background: int, seed: int, processes: int) -> None:
    print(f"Relevance: {len(JUDGED)} judged queries over {background:,} generated documents and their planted targets\n")
    check_background(list(corpus(min(background, 3000), seed)))
    ours = TantivyBackend(folder, "ours")
    started = time.monotonic()
    ours.index(corpus(background, seed), processes=processes)
    elapsed = time.monotonic() - started
    planted, relevant = judged_documents(seed, background)
    ours.index(planted)
    plain = PlainIndex(Path(tempfile.mkdtemp(dir=folder)))
    plain.add(list(corpus(background, seed)) + planted)
    print(f"indexed {background:,} documents in {elapsed:.1f} s: {background / elapsed:,.0f} documents/s "
          f"({processes} processes analysing, Tantivy writing)\n")

    rows: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    misses = []
    for q, judged in enumerate(JUDGED):
        found_ours = [h.id for h in ours.search(judged.query, limit=K).hits]
        found_plain = plain.search(judged.query)
        for kind in (judged.kind, "all"):
            rows[kind]["ours_r"].append(recall_at_k(found_ours, relevant[q]))
            rows[kind]["ours_n"].append(ndcg_at_k(found_ours, relevant[q]))
            rows[kind]["plain_r"].append(recall_at_k(found_plain, relevant[q]))
            rows[kind]["plain_n"].append(ndcg_at_k(found_plain, relevant[q]))
        if recall_at_k(found_ours, relevant[q]) < 1:
            misses.append(f"  {judged.query!r}: found {found_ours[:K]}, relevant {sorted(relevant[q])}")
    header = f"{'kind':14} {'queries':>7} {'recall@10':>10} {'nDCG@10':>8} {'plain recall@10':>16} {'plain nDCG@10':>14}"
    print(header)
    print("-" * len(header))
    kinds = list(dict.fromkeys(j.kind for j in JUDGED)) + ["all"]
    for kind in kinds:
        r = rows[kind]
        print(f"{kind:14} {len(r['ours_r']):>7} {statistics.mean(r['ours_r']):>10.3f} {statistics.mean(r['ours_n']):>8.3f} "
              f"{statistics.mean(r['plain_r']):>16.3f} {statistics.mean(r['plain_n']):>14.3f}")
    if misses:
        print("\nqueries that missed a relevant document:")
        print("\n".join(misses))
    print()


def latency_queries(rng: random.Random) -> dict[str, list[str]]:
    one = ["сот", "суд", "өкүм", "приговор", "карыз", "долга", "уурулук", "кражу", "даттануу", "эксперт",
           "келишим", "договор", "мошенничество", "алдамчылык", "Фрунзе", "Каракол", "жоопкерден", "истца"]
    two = ["сот өкүмү", "гражданское дело", "карызды кайтаруу", "возмещении ущерба", "жарандык иш",
           "лишения свободы", "эмгек акыны", "заработной платы", "Бишкек соту", "уголовное дело"]
    phrase = ['"лишение свободы"', '"кылмыш ишин"', '"гражданское дело"', '"доо арыз"', '"заработной платы"',
              '"соттук курамда"', '"открытом судебном заседании"']
    filtered = ["сот year:1970..1980", "суд type:civil", "карыз court:Ош", "приговор lang:ru year:1965..1975",
                'article:"УК 168" сот', "долга type:civil year:2000..2010", "өкүм court:Бишкек"]
    return {"one word": one, "two words": two, "phrase": phrase, "filtered": filtered,
            "hostile": hostile_queries(40, rng.randint(0, 999))}


def latency(folder: Path, sizes: list[int], seed: int, processes: int, repeats: int) -> None:
    print("Latency with facets (court, year, decade, type, lang), 20 hits with snippets, "
          f"each query run {repeats} times:\n")
    index = TantivyBackend(folder, "latency")
    have = 0
    rng = random.Random(seed)
    queries = latency_queries(rng)
    header = f"{'documents':>10} {'query kind':12} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'hits (median)':>14}"
    lines = [header, "-" * len(header)]
    for size in sizes:
        started = time.monotonic()
        index.index((make_document(n, seed + 7) for n in range(have, size)), processes=processes)
        rate = (size - have) / (time.monotonic() - started)
        print(f"  {size:,} documents indexed ({rate:,.0f} documents/s)", flush=True)
        have = size
        for query in ("сот", "суд"):  # warm the caches once, as a running server has them
            index.search(query, facets=True)
        for kind, texts in queries.items():
            samples, totals, refused = [], [], 0
            for _ in range(repeats):
                for text in texts:
                    t0 = time.perf_counter()
                    try:
                        totals.append(index.search(text, limit=20, facets=True).total)
                    except QueryError:
                        refused += 1  # a 400 with its reason: an answer too
                    samples.append((time.perf_counter() - t0) * 1000)
            p50, p95, p99 = percentiles(samples)
            lines.append(f"{size:>10,} {kind:12} {p50:>8.1f} {p95:>8.1f} {p99:>8.1f} "
                         f"{statistics.median(totals or [0]):>14,.0f}")
            if kind == "hostile":
                lines.append(f"{'':>10} {'':12} slowest {max(samples):.1f} ms (target: every query under 200 ms), "
                             f"{refused // repeats} of {len(texts)} refused with a reason")
    print()
    print("\n".join(lines))


def compare_backends(folder: Path, size: int, url: str, seed: int, processes: int, repeats: int) -> None:
    """The embedded engine and OpenSearch on the same corpus, in one run."""
    from indexing.opensearch_backend import OpenSearchBackend

    print(f"Embedded engine and OpenSearch on the same {size:,} documents (analysis in {processes} processes):\n")
    engines = {
        "embedded": TantivyBackend(folder, "compare"),
        "opensearch": OpenSearchBackend(url, "compare", prefix="bench-" + os.urandom(3).hex()),
    }
    rates = {}
    for name, engine in engines.items():
        started = time.monotonic()
        engine.index((make_document(n, seed + 11) for n in range(size)), processes=processes)
        rates[name] = size / (time.monotonic() - started)
    queries = latency_queries(random.Random(seed))
    header = f"{'engine':11} {'documents/s':>12} " + " ".join(f"{k + ' p50/p95 ms':>22}" for k in queries)
    print(header)
    print("-" * len(header))
    for name, engine in engines.items():
        for text in ("сот", "суд"):
            engine.search(text, facets=True)
        cells = []
        for kind, texts in queries.items():
            samples = []
            for _ in range(repeats):
                for text in texts:
                    t0 = time.perf_counter()
                    engine.search(text, limit=20, facets=True)
                    samples.append((time.perf_counter() - t0) * 1000)
            p50, p95, _ = percentiles(samples)
            cells.append(f"{p50:>10.1f} / {p95:<9.1f}")
        print(f"{name:11} {rates[name]:>12,.0f} " + " ".join(f"{c:>22}" for c in cells))
    differ = []
    for q in (q for texts in queries.values() for q in texts):
        ours, theirs = engines["embedded"].search(q, limit=1), engines["opensearch"].search(q, limit=1)
        if ours.total != theirs.total:
            differ.append(f"{q}: {ours.total} and {theirs.total}")
        elif ours.total <= 2000:  # the whole hit set, where it is small enough to fetch
            a = {h.id for h in engines["embedded"].search(q, limit=ours.total).hits}
            b = {h.id for h in engines["opensearch"].search(q, limit=ours.total).hits}
            if a != b:
                differ.append(f"{q}: {len(a ^ b)} documents found by one engine only")
    print("\nthe same number of hits for every query on both engines (and the same documents where under 2,000): "
          + ("yes" if not differ else "NO\n  " + "\n  ".join(differ)))
    engines["opensearch"].client.indices.delete(index=engines["opensearch"].alias + "-*")
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=20_000, help="background documents for the relevance run")
    parser.add_argument("--latency", default="100000", help="corpus sizes for latency, comma-separated (0: skip)")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--keep", type=Path, help="keep the indexes in this folder")
    parser.add_argument("--opensearch", help="also compare with OpenSearch at this URL (make bench-backends starts one)")
    parser.add_argument("--compare-docs", type=int, default=100_000, help="documents for the engine comparison")
    parser.add_argument("--only-compare", action="store_true", help="skip the stemmer, relevance and latency runs")
    parser.add_argument("--only-stemmer", action="store_true", help="the stemmer figures alone (the form list, the treebank)")
    parser.add_argument("--only-latency", action="store_true", help="the latency run alone (hostile queries included)")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="sotarchive-search-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        if args.only_stemmer:
            stemmer()
            return
        if not args.only_compare:
            if not args.only_latency:
                stemmer()
                relevance(folder, args.docs, args.seed, args.processes)
            sizes = [int(s) for s in args.latency.split(",") if int(s) > 0]
            if sizes:
                latency(folder, sorted(sizes), args.seed, args.processes, args.repeats)
        if args.opensearch:
            compare_backends(folder, args.compare_docs, args.opensearch, args.seed, args.processes, args.repeats)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
