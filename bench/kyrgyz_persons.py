"""Kyrgyz person names measured on real Kyrgyz: the sentences of the
UD_Kyrgyz-KTMU train split (real data: news headlines and textbook
sentences), with the person names in them marked by hand in
bench/data/ud_kyrgyz_ktmu/persons.tsv.

The 15 real acts hold five Kyrgyz ones; this is a second, larger real
Kyrgyz set, of another genre: names with no court role beside them,
at the start of a headline ("Камчыбек Ташиев …", "Ташиев …"), in every
case ("Жапаровго", "Бөдөновадан"), foreign names in Kyrgyz spelling
("Байдендин", "Харристин"), and ordinary capitalised words, places and
bodies that are not people ("Эртең", "Элчи", "Кыргызстандын", "Кумтөр").

The split is the treebank bench's (bench/kyrgyz_treebank.py): the
sentences whose number ends in 0 or 5 are held out, fixed before any rule
was written against these names; --show prints misses and false persons
of the development part only.

Scores, per part:
- name words found: each word of a marked person name inside a PERSON
  entity of the anonymiser, kept or redacted (news names officials, whom
  a court's policy keeps; finding them is what is measured);
- sentences whole: sentences with names where every name word is found
  (persons.tsv gives a sentence's names on one line);
- false persons: PERSON entities that touch no marked name (names inside
  a street's, an airport's or a district's name are marked apart and
  counted neither way), per 10,000 characters;
- words taken in: words of a PERSON entity that touches a name, which
  are no name's ("Элчи Казакбаев": the title; "… Кара-Кулжада": a place);
- the leak check (anonymise/leaks.py) on the text as published: the
  sentences it holds back, and of the name words left in clear, how many
  it flags.

    .venv/bin/python bench/kyrgyz_persons.py [--show]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from anonymise import anonymise, preload  # noqa: E402
from anonymise.leaks import suspects  # noqa: E402
from bench.kyrgyz_treebank import TREEBANK, held_out, sentences  # noqa: E402
from bench.realacts import inside, touches  # noqa: E402

GOLD = TREEBANK.with_name("persons.tsv")


@dataclass
class Part:
    sentences: int = 0
    chars: int = 0
    words: list[int] = field(default_factory=lambda: [0, 0])  # found, marked
    whole: list[int] = field(default_factory=lambda: [0, 0])
    false: int = 0
    extra: int = 0
    missed_flagged: int = 0  # name words left in clear that the leak check flags
    held: int = 0  # sentences the leak check holds back
    seconds: float = 0.0


def marked(path: Path = GOLD) -> dict[str, list[tuple[str, list[str]]]]:
    """sent_id → [(kind, words)] from the hand-made file."""
    gold: dict[str, list[tuple[str, list[str]]]] = {}
    for line in path.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            sent_id, kind, words = line.split("\t")
            gold.setdefault(sent_id, []).append((kind, words.split()))
    return gold


def spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Where the words stand in the sentence, each after the one before."""
    found, at = [], 0
    for word in words:
        match = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text[at:])
        if match is None:
            raise ValueError(f"{word!r} not in {text!r}")
        found.append((at + match.start(), at + match.end()))
        at += match.end()
    return found


def measure(show: bool = False) -> dict[str, Part]:
    gold = marked()
    parts = {"held out": Part(), "dev": Part()}
    for sent_id, number, text, _ in sentences():
        part = parts["held out" if held_out(number) else "dev"]
        names = [(kind, spans(text, words)) for kind, words in gold.get(sent_id, [])]
        persons = [s for kind, ss in names if kind == "person" for s in ss]
        apart = [s for kind, ss in names if kind == "named" for s in ss]
        started = time.perf_counter()
        result = anonymise(text, language="ky")
        part.seconds += time.perf_counter() - started
        found = [(e.start, e.end) for e in result.entities if e.label == "PERSON"]
        kept = [e.text for e in result.entities if e.action == "keep"]
        flagged = {f.text for f in suspects(result.text, "ky", kept)}
        part.held += bool(flagged)
        part.sentences += 1
        part.chars += len(text)
        for kind, ss in names:
            if kind != "person":
                continue
            hits = [inside(s, found) for s in ss]
            part.missed_flagged += sum(text[a:b] in flagged for (a, b), hit in zip(ss, hits) if not hit)
            part.words[0] += sum(hits)
            part.words[1] += len(hits)
            part.whole[0] += all(hits)
            part.whole[1] += 1
            if show and part is parts["dev"] and not all(hits):
                print(f"missed  {sent_id}: {' '.join(text[a:b] for a, b in ss)!r} in {text!r}")
        for span in found:
            if not touches(span, persons + apart):
                part.false += 1
                if show and part is parts["dev"]:
                    print(f"false   {sent_id}: {text[span[0]:span[1]]!r} in {text!r}")
                continue
            for word in re.finditer(r"\w[\w-]*", text[span[0]:span[1]]):
                at = (span[0] + word.start(), span[0] + word.end())
                if not touches(at, persons + apart):
                    part.extra += 1
                    if show and part is parts["dev"]:
                        print(f"taken   {sent_id}: {word.group()!r} in {text[span[0]:span[1]]!r}")
    return parts


def report(parts: dict[str, Part]) -> None:
    print("Kyrgyz person names on the UD_Kyrgyz-KTMU train split (real text, names marked by hand;")
    print("held out: the sentences whose number ends in 0 or 5)\n")
    header = (f"{'part':9} {'sentences':>9} {'chars':>7} {'name words found':>18} {'sentences whole':>15} "
              f"{'false/10k':>10} {'taken in':>8} {'chars/s':>8}")
    print(header)
    print("-" * len(header))
    for name, p in parts.items():
        words = f"{p.words[0] / max(p.words[1], 1):.2%} ({p.words[0]}/{p.words[1]})"
        whole = f"{p.whole[0] / max(p.whole[1], 1):.2%} ({p.whole[0]}/{p.whole[1]})"
        print(f"{name:9} {p.sentences:>9} {p.chars:>7} {words:>18} {whole:>15} "
              f"{p.false / p.chars * 10_000:>6.2f} ({p.false}) {p.extra:>8} {p.chars / p.seconds:>8,.0f}")
    for name, p in parts.items():
        print(f"leak check ({name}): {p.held} of {p.sentences} sentences held for review; "
              f"of {p.words[1] - p.words[0]} name words left in clear, {p.missed_flagged} flagged")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", action="store_true", help="print the development part's misses and false persons")
    args = parser.parse_args()
    preload()  # the models and word lists once, as a worker has them
    report(measure(args.show))


if __name__ == "__main__":
    main()
