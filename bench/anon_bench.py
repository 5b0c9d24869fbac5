"""Anonymisation quality and speed: on real acts first, then on the
generated set.

Real acts (bench/realacts.py): 15 Supreme Court acts of 2013 with
hand-made gold, ten for development and five held out (annotated before
any rule for real acts was written, and never tuned on). Per split and
language: party name words hidden, private details hidden, officials
kept, false person redactions per 10,000 characters, characters per second.
The same acts once more with their people's surnames in capitals, as
verdicts, older ones above all, write the accused (our change to real text).

Generated set (bench/anon_corpus.py), per label: recall (an annotated mention counts as found only if every
word of it is covered by a redaction), precision (a redaction is right if
it overlaps an annotated personal-data span), officials wrongly removed,
and throughput in characters per second.

NEREL's test split (bench/nerel.py), when it is at bench/data/nerel:
Russian person words found in real news text. Kyrgyz person names in the
sentences of the UD_Kyrgyz-KTMU train split, marked by hand
(bench/kyrgyz_persons.py).

    make bench-anon            # or: .venv/bin/python bench/anon_bench.py [--docs 40]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from anonymise import AnonymisationResult, anonymise, preload  # noqa: E402
from anonymise.leaks import Suspect, suspects  # noqa: E402
from anonymise.names import SURNAME  # noqa: E402
from bench import kyrgyz_persons, nerel, realacts  # noqa: E402
from bench.anon_corpus import annotated_set  # noqa: E402

WORD = re.compile(r"\w+")


def covered(start: int, end: int, text: str, redactions: list[tuple[int, int]]) -> bool:
    return all(any(a <= m.start() and m.end() <= b for a, b in redactions) for m in WORD.finditer(text, start, end))


def percent(pair: list[int]) -> str:
    return f"{pair[0] / pair[1]:.1%} ({pair[0]}/{pair[1]})" if pair[1] else "-"


def checked(act: realacts.Act, result: AnonymisationResult) -> tuple[list[Suspect], realacts.Score]:
    """The leak check's findings in an anonymised act, and the act's score
    against its gold (a party name word it flags counts as held back)."""
    flags = suspects(result.text, act.language, [e.text for e in result.entities if e.action == "keep"])
    return flags, realacts.score(act, result.entities, frozenset(f.text for f in flags))


def real_acts(show: bool) -> None:
    acts = realacts.load()
    scores: dict[tuple[str, str], realacts.Score] = defaultdict(realacts.Score)
    elapsed = 0.0
    held: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # split -> [acts held, acts, flags]
    for act in acts:
        started = time.perf_counter()
        result = anonymise(act.text)
        elapsed += time.perf_counter() - started
        flags, one = checked(act, result)
        held[act.split][0] += bool(flags)
        held[act.split][1] += 1
        held[act.split][2] += len(flags)
        scores[(act.split, act.language)].add(one)
        scores[(act.split, "all")].add(one)
    chars = sum(len(a.text) for a in acts)
    print(f"Real acts: {len(acts)} Supreme Court acts of 2013, {chars:,} characters "
          f"(dev: tuned on; heldout: set aside before any rule was written, its misses looked at since 2026-11-30)\n")
    header = f"{'split':8} {'lang':4} {'chars':>7} {'party names hidden':>22} {'details hidden':>18} {'officials kept':>20} {'false/10k':>9}"
    print(header)
    print("-" * len(header))
    for (split, language), s in sorted(scores.items(), key=lambda kv: (kv[0][0] != "heldout", kv[0][1] == "all", kv[0][1])):
        false_rate = s.false_persons / s.chars * 10_000
        print(f"{split:8} {language:4} {s.chars:>7,} {percent(s.names):>22} {percent(s.details):>18} "
              f"{percent(s.officials):>20} {false_rate:>9.2f}")
    for split, (stopped, total, flags) in sorted(held.items(), key=lambda kv: kv[0] != "heldout"):
        s = scores[(split, "all")]
        print(f"\nleak check ({split}): {stopped} of {total} acts held for review, {flags} spans flagged; "
              f"of {s.names[1] - s.names[0]} party name words left in clear, {s.missed_but_held} flagged", end="")
    print(f"\n\nthroughput on real acts: {chars / elapsed:,.0f} characters/s\n")
    if show:
        for key in sorted(scores):
            if key[1] != "all":
                print("\n".join(scores[key].misses))
        print()


def in_capitals(act: realacts.Act) -> str:
    """The act with every surname of a person written in capitals, as
    verdicts, older ones above all, write them ("подсудимого АСАНОВА
    Бакыта"): the same length, so the gold's offsets hold."""
    text = act.text
    for start, end in realacts.mentions(text, act.private + act.official + act.either):
        if SURNAME.match(text[start:end]):
            text = text[:start] + text[start:end].upper() + text[end:]
    return text


def real_acts_in_capitals() -> None:
    """The real acts with their people's surnames put in capitals (our
    change to real text): names hidden, officials kept, false persons."""
    scores: dict[str, realacts.Score] = defaultdict(realacts.Score)
    for act in realacts.load():
        scores[act.split].add(checked(act, anonymise(in_capitals(act)))[1])
    print("Real acts with their people's surnames in capitals (real text, our change):")
    for split in ("heldout", "dev"):
        s = scores[split]
        print(f"  {split:8} party names hidden {percent(s.names)}, officials kept {percent(s.officials)}, "
              f"false/10k {s.false_persons / s.chars * 10_000:.2f}; of {s.names[1] - s.names[0]} party name "
              f"words left in clear, {s.missed_but_held} flagged by the leak check")
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show", action="store_true", help="print every miss and every wrong redaction")
    parser.add_argument("--real-only", action="store_true", help="only the real acts")
    args = parser.parse_args()
    preload()  # the models and word lists once, as a worker has them
    real_acts(args.show)
    real_acts_in_capitals()
    if (nerel.DEFAULT / "test").is_dir():
        nerel.report("test", nerel.measure(nerel.DEFAULT / "test"))
        print()
    else:
        print(f"(NEREL's test split is not at {nerel.DEFAULT}: see bench/nerel.py)\n")
    kyrgyz_persons.report(kyrgyz_persons.measure())
    print()
    if args.real_only:
        return
    documents = annotated_set(args.docs, args.seed)
    print("Generated set (bench/anon_corpus.py: judgments written from our own templates)\n")
    found = defaultdict(lambda: [0, 0])  # (language, label) -> [found, annotated]
    right = defaultdict(lambda: [0, 0])  # (language, label) -> [right, detected]
    officials = defaultdict(lambda: [0, 0])  # language -> [wrongly removed, officials]
    chars, elapsed = 0, 0.0
    for doc in documents:
        started = time.perf_counter()
        result = anonymise(doc.text, language=doc.language)
        elapsed += time.perf_counter() - started
        chars += len(doc.text)
        redactions = [(e.start, e.end) for e in result.entities if e.action == "redact"]
        for span in doc.spans:
            hit = covered(span.start, span.end, doc.text, redactions)
            if span.keep:
                officials[doc.language][1] += 1
                if any(a < span.end and span.start < b for a, b in redactions):
                    officials[doc.language][0] += 1
                    if args.show:
                        print(f"official removed ({doc.language}): {doc.text[span.start:span.end]!r}")
                continue
            found[(doc.language, span.label)][1] += 1
            found[(doc.language, span.label)][0] += hit
            if not hit and args.show:
                print(f"missed {span.label} ({doc.language}): {doc.text[span.start:span.end]!r}")
        for entity in result.entities:
            if entity.action != "redact":
                continue
            ok = any(s.start < entity.end and entity.start < s.end and not s.keep for s in doc.spans)
            right[(doc.language, entity.label)][1] += 1
            right[(doc.language, entity.label)][0] += ok
            if not ok and args.show:
                print(f"wrong {entity.label} ({doc.language}): {entity.text!r}")
    print(f"{len(documents)} documents ({sum(d.language == 'ky' for d in documents)} Kyrgyz), {chars:,} characters\n")
    header = f"{'lang':4} {'label':10} {'annotated':>9} {'recall':>8} {'detected':>9} {'precision':>9}"
    print(header)
    print("-" * len(header))
    for key in sorted(set(found) | set(right)):
        f, r = found.get(key, [0, 0]), right.get(key, [0, 0])
        recall = f"{f[0] / f[1]:.1%}" if f[1] else "-"
        precision = f"{r[0] / r[1]:.1%}" if r[1] else "-"
        print(f"{key[0]:4} {key[1]:10} {f[1]:>9} {recall:>8} {r[1]:>9} {precision:>9}")
    for language, (wrong, total) in sorted(officials.items()):
        print(f"\nofficials ({language}): {total}, wrongly removed: {wrong}", end="")
    print(f"\n\nthroughput: {chars / elapsed:,.0f} characters/s ({elapsed / len(documents) * 1000:.0f} ms a document)")


if __name__ == "__main__":
    main()
