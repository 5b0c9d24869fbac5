"""Russian person recall on NEREL (real news text with hand-made gold).

NEREL (nerel-ds/NEREL, brat format: NNN.txt with NNN.ann beside it) marks
every PERSON span. Its licence is not stated, so it is not in the repo:
put a checkout's NEREL-v1.1 folder at bench/data/nerel, or name it with
--nerel. Develop on train and dev; the issue's figure is on test.

Scores:
- person words found: each word (two letters or more, or an initial) of
  an annotated PERSON span inside a PERSON entity of the anonymiser, kept
  or redacted: in news, officials named by the court's policy are kept,
  but finding them is what is measured here;
- of people standing for themselves: the same, leaving out the PERSON
  spans NEREL marks inside a longer entity of another kind ("театр имени
  Н. П. Акимова", "Нобелевской премии", "Шукшинские дни"): a body's, an
  award's or an event's name, which a court's policy does not hide. The
  issue's reference figures (natasha alone about 95.6%) are of this kind;
- of them redacted: the person words inside a redaction;
- mentions found whole: each mention of a person standing for
  themselves (a PERSON span) with every word of it found: mentions
  where the figures above count words (natasha alone on test: 94.93%);
- redactions off any person: PERSON entities that touch no annotated
  PERSON span, per 10,000 characters (NEREL marks every person, so these
  are the anonymiser's false persons);
- the leak check (anonymise/leaks.py) on the redacted text: documents it
  holds back, and of the words of people themselves left in clear, how
  many it flags.

    .venv/bin/python bench/nerel.py [--split test] [--nerel DIR] [--show]

--write-pages DIR writes six typed pages of real Russian text for the OCR
benchmark (bench/ocr_quality.py --texts DIR): the first documents of the
chosen split with no Latin letters (kir+rus reads no Latin), 60 characters
a line and 18 lines a page, dashes and quotes as a typewriter has them.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from anonymise import anonymise, preload  # noqa: E402
from anonymise.leaks import suspects  # noqa: E402
from bench.realacts import inside, touches  # noqa: E402

DEFAULT = ROOT / "bench" / "data" / "nerel"
WORD = re.compile(r"[A-Za-zА-ЯЁа-яё]{2,}|[A-ZА-ЯЁ](?=\.)")


def entities(ann: str) -> list[tuple[str, int, int]]:
    """The entities of a brat file as (label, start, end); a span in pieces counts whole."""
    found = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) < 3 or not parts[0].startswith("T"):
            continue
        label, *offsets = parts[1].replace(";", " ").split()
        numbers = [int(o) for o in offsets]
        found.append((label, min(numbers), max(numbers)))
    return found


def persons(ann: str) -> list[tuple[int, int]]:
    """The PERSON spans of a brat file."""
    return [(a, b) for label, a, b in entities(ann) if label == "PERSON"]


def people(ann: str) -> list[tuple[int, int]]:
    """The PERSON spans not inside a longer entity of another kind (a body,
    an award, an event, a work named after someone)."""
    every = entities(ann)
    return [(a, b) for label, a, b in every if label == "PERSON"
            and not any(other != "PERSON" and c <= a and b <= d and (c, d) != (a, b) for other, c, d in every)]


def measure(folder: Path, limit: int = 0, show: bool = False) -> dict[str, float]:
    """Person words found and redacted, false persons, speed, on one split's folder."""
    found = redacted = total = false = chars = own_total = own_found = whole_total = whole_found = 0
    own_flagged = held = 0
    elapsed = 0.0
    files = sorted(folder.glob("*.txt"))[: limit or None]
    for path in files:
        text = path.read_text("utf-8")
        ann = path.with_suffix(".ann").read_text("utf-8")
        gold = persons(ann)
        started = time.perf_counter()
        result = anonymise(text, language="ru")
        elapsed += time.perf_counter() - started
        found_persons = [e for e in result.entities if e.label == "PERSON"]
        flagged = {f.text for f in suspects(result.text, "ru", [e.text for e in result.entities if e.action == "keep"])}
        held += bool(flagged)
        chars += len(text)
        every = [(e.start, e.end) for e in found_persons]
        hidden = [(e.start, e.end) for e in found_persons if e.action == "redact"]
        words = {m.span() for a, b in gold for m in WORD.finditer(text, a, b)}
        mentions = {(a, b): [m.span() for m in WORD.finditer(text, a, b)] for a, b in people(ann)}
        own = {span for spans in mentions.values() for span in spans}
        for span in sorted(words):
            total += 1
            found += inside(span, every)
            redacted += inside(span, hidden)
            if show and not inside(span, every):
                kind = "missed " if span in own else "in name"
                print(f"{kind} {path.stem}: {text[span[0]:span[1]]!r} in …{text[max(0, span[0] - 40):span[1] + 30]!r}…")
        own_total += len(own)
        own_found += sum(inside(span, every) for span in own)
        own_flagged += sum(text[a:b] in flagged for a, b in own if not inside((a, b), every))
        whole_total += len(mentions)
        whole_found += sum(bool(spans) and all(inside(span, every) for span in spans) for spans in mentions.values())
        for e in found_persons:
            if not touches((e.start, e.end), gold) and re.search(r"[^\W\d_]{2}", e.text):
                false += 1
                if show:
                    print(f"false   {path.stem}: {e.text!r} in …{text[max(0, e.start - 40):e.end + 30]!r}…")
    return {"documents": len(files), "chars": chars, "words": total, "found": found, "redacted": redacted,
            "false": false, "own_words": own_total, "own_found": own_found,
            "whole_total": whole_total, "whole_found": whole_found, "own_flagged": own_flagged, "held": held,
            "speed": chars / elapsed if elapsed else 0.0}


def report(split: str, m: dict[str, float]) -> None:
    total = m["words"]
    print(f"NEREL {split}: {m['documents']} documents, {m['chars']:,} characters (real news text, annotated by NEREL's authors)")
    print(f"person words found:   {m['found'] / total:.2%} ({m['found']}/{total})")
    print(f"of people themselves: {m['own_found'] / m['own_words']:.2%} ({m['own_found']}/{m['own_words']}; "
          "leaving out persons inside the name of a body, award, event or work)")
    print(f"of them redacted:     {m['redacted'] / total:.2%} ({m['redacted']}/{total}; the rest kept as officials by policy)")
    print(f"mentions found whole: {m['whole_found'] / m['whole_total']:.2%} ({m['whole_found']}/{m['whole_total']}; "
          "of people themselves, every word of the mention found)")
    print(f"persons off any name: {m['false'] / m['chars'] * 10_000:.2f} per 10,000 characters ({m['false']})")
    print(f"leak check:           {m['held']} of {m['documents']} documents held for review; of "
          f"{m['own_words'] - m['own_found']} words of people themselves left in clear, {m['own_flagged']} flagged")
    print(f"throughput:           {m['speed']:,.0f} characters/s")


PAGES = 6


def write_pages(split: Path, folder: Path) -> int:
    """Real Russian text as typed pages (see the module's docstring)."""
    from bench.typed_pages import PAGE_LINES, typed_lines, write_pages as write

    lines: list[str] = []
    for path in sorted(split.glob("*.txt")):
        text = path.read_text("utf-8")
        if re.search("[A-Za-z]", text):
            continue
        lines += typed_lines(paragraph for paragraph in text.splitlines() if paragraph.strip())
        if len(lines) >= PAGE_LINES * PAGES:
            break
    return write(lines, folder, "ru_nerel", PAGES)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--nerel", type=Path, default=DEFAULT, help="NEREL-v1.1 folder (train/ dev/ test/)")
    parser.add_argument("--split", default="test", choices=("train", "dev", "test"))
    parser.add_argument("--limit", type=int, default=0, help="at most this many documents (0: all)")
    parser.add_argument("--show", action="store_true", help="print every missed word ('in name': inside a body's or an award's name) and every false person")
    parser.add_argument("--write-pages", type=Path, metavar="DIR",
                        help="write typed pages of the split for the OCR bench")
    args = parser.parse_args()
    folder = args.nerel / args.split
    if not folder.is_dir():
        sys.exit(f"NEREL not found at {folder}: put NEREL-v1.1 there or name it with --nerel")
    if args.write_pages:
        print(f"{write_pages(folder, args.write_pages)} pages written to {args.write_pages}")
        return
    preload()  # the models and word lists once, as a worker has them
    report(args.split, measure(folder, args.limit, args.show))


if __name__ == "__main__":
    main()
