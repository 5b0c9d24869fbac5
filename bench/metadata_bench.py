"""Metadata extraction quality: on real Supreme Court acts (bench/realacts_metadata.py,
held-out and development splits, real data) and on the generated set
(bench/metadata_corpus.py, generated data).

Per field: precision (of the values found, how many are right) and recall
(of the values annotated, how many were found right); the articles are
counted one by one (code, article and part must all match). Targets, on
the held-out real acts: case number and the act's date at least 98% right,
the presiding and reporting judges in the nominative at least 95%, the
court 100%. On the generated set: case number, court and date at least
98%, cited articles at least 95% recall.

    make bench-metadata        # or: .venv/bin/python bench/metadata_bench.py [--docs 48] [--show] [--real-only]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import realacts_metadata  # noqa: E402
from bench.metadata_corpus import annotated_set  # noqa: E402
from metadata import extract  # noqa: E402

FIELDS = ("court", "case_number", "date", "case_type", "instance", "result", "archive_ref")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=48)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--show", action="store_true", help="print every wrong or missed value (not the held-out acts')")
    parser.add_argument("--real-only", action="store_true", help="the real acts alone")
    args = parser.parse_args()
    if realacts_metadata.available():
        realacts_metadata.report(args.show)
    else:
        print("(the real acts in ../shared/realacts_dev are not here: real-data figures skipped)")
    if args.real_only:
        return
    print("\nGenerated set — generated data")
    acts = annotated_set(args.docs, args.seed)
    tally = defaultdict(lambda: [0, 0, 0])  # (language, field) -> [right, found, annotated]
    started = time.perf_counter()
    for n, act in enumerate(acts):
        found = extract(act.text)
        for name in FIELDS:
            truth, value = act.truth[name], getattr(found, name)
            row = tally[(act.language, name)]
            row[0] += int(value is not None and value == truth)
            row[1] += int(value is not None)
            row[2] += int(truth is not None)
            if args.show and value != truth:
                print(f"#{n} {act.language} {name}: found {value!r}, truth {truth!r}")
        got = {(a.code, a.article, a.part) for a in found.articles}
        want = set(act.truth["articles"])  # type: ignore[arg-type]
        row = tally[(act.language, "articles")]
        row[0] += len(got & want)
        row[1] += len(got)
        row[2] += len(want)
        if args.show and got != want:
            print(f"#{n} {act.language} articles: found {sorted(got, key=str)}, truth {sorted(want, key=str)}")
    elapsed = time.perf_counter() - started
    languages = sorted({a.language for a in acts})
    print(f"{len(acts)} acts ({', '.join(f'{sum(a.language == l for a in acts)} {l}' for l in languages)})\n")
    print(f"{'field':<12} {'lang':<5} {'annotated':>9} {'found':>6} {'right':>6} {'precision':>10} {'recall':>8}")
    print("-" * 62)
    for name in FIELDS + ("articles",):
        for language in languages + ["all"]:
            rows = [tally[(l, name)] for l in (languages if language == "all" else [language])]
            right, found_n, annotated = (sum(r[i] for r in rows) for i in range(3))
            precision = f"{100 * right / found_n:.1f}%" if found_n else "—"
            recall = f"{100 * right / annotated:.1f}%" if annotated else "—"
            print(f"{name:<12} {language:<5} {annotated:>9} {found_n:>6} {right:>6} {precision:>10} {recall:>8}")
    print(f"\n{len(acts) / elapsed:,.0f} acts/s")


if __name__ == "__main__":
    main()
