"""Kyrgyz person names on KyrgyzNER's train split (real news of 24.kg,
2017-2022, entities marked by hand by the dataset's authors).

KyrgyzNER (IlnarSelimcan/KyrgyzNER on GitHub, data under CC BY-NC-SA 4.0)
is not copied into this repository: put its data/KyrgyzNER_TRAIN.jsonl.txt
at bench/data/kyrgyzner/ or name it with --data. Its test split is reserved
for an independent evaluation: this script refuses a file named TEST.

The file is CoNLL: "# sentence document position" before each sentence,
then one token a line with its tag last (B-PERSON, I-PERSON, O ...). A
document's sentences are joined into one text, tokens spaced as printed
("Жалал - Абад" back to "Жалал-Абад", no space before a comma). A PERSON
span there takes in the person's title ("Жогорку Кеңештин депутаты
Дастан Бекешов"); its name words are the capitalised words, initials and
уулу/кызы at its end, less title words ("Депутат Жунус уулу Алтынбек").

Scores, per part:
- name words found: each name word inside a PERSON entity of the
  anonymiser, kept or redacted (news names officials, whom a court's
  policy keeps; finding them is what is measured);
- false persons: PERSON entities that touch no PERSON span, per 10,000
  characters (a title taken in with a name is no false person).

Parts: the documents read by hand while rules were written from them
(0-33, 395-406, 773-783: "tuned"); those read by hand only to measure,
after those rules, with no rule written from them since (206-217,
581-592: "measured"); all the others, which no one here has seen ("unseen").

    .venv/bin/python bench/kyrgyz_ner.py [--data FILE] [--show]
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
from anonymise.names import not_a_name  # noqa: E402
from bench.realacts import inside, touches  # noqa: E402

DEFAULT = ROOT / "bench" / "data" / "kyrgyzner" / "KyrgyzNER_TRAIN.jsonl.txt"
TUNED = set(range(0, 34)) | set(range(395, 407)) | set(range(773, 784))
MEASURED = set(range(206, 218)) | set(range(581, 593))
NO_SPACE_BEFORE = {".", ",", ":", ";", "!", "?", ")", "»", "%"}
NO_SPACE_AFTER = {"(", "«"}
FATHER = re.compile(r"^(?:уулу|кызы)\w*$")


@dataclass
class Document:
    number: int
    text: str
    names: list[tuple[int, int]]  # the name words of every PERSON span
    persons: list[tuple[int, int]]  # the PERSON spans whole, titles and all


@dataclass
class Part:
    documents: int = 0
    chars: int = 0
    words: list[int] = field(default_factory=lambda: [0, 0])  # found, marked
    false: int = 0
    seconds: float = 0.0


def documents(path: Path) -> list[Document]:
    """The file's documents, in order."""
    by_number: dict[int, list[list[tuple[str, str]]]] = {}
    sentence: list[tuple[str, str]] = []
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("# "):
            number = int(line.split()[2])
            sentence = []
            by_number.setdefault(number, []).append(sentence)
        elif line.strip():
            parts = line.split("\t")
            sentence.append((parts[0], parts[-1].strip()))
    return [_document(number, [t for s in sentences for t in s]) for number, sentences in by_number.items()]


def _document(number: int, tokens: list[tuple[str, str]]) -> Document:
    text, offsets = "", []
    for i, (token, _) in enumerate(tokens):
        text += ("" if _glued([t for t, _ in tokens], i) else " ") + token
        offsets.append((len(text) - len(token), len(text)))
    spans: list[list[int]] = []
    for i, (_, tag) in enumerate(tokens):
        if tag == "B-PERSON" or (tag == "I-PERSON" and not (spans and spans[-1][-1] == i - 1)):
            spans.append([i])
        elif tag == "I-PERSON":
            spans[-1].append(i)
    names = [offsets[i] for span in spans for i in _name_words(tokens, span)]
    persons = [(offsets[s[0]][0], offsets[s[-1]][1]) for s in spans]
    return Document(number, text, names, persons)


def _glued(tokens: list[str], i: int) -> bool:
    """Whether the token is printed with no space before it: punctuation,
    and a hyphen between two words with both of them ("Жалал - Абад")."""
    token, before = tokens[i], tokens[i - 1] if i else ""
    if i == 0 or token in NO_SPACE_BEFORE or before in NO_SPACE_AFTER or (before.endswith("-") and before != "-"):
        return True
    if token == "-":
        return _word(before) and i + 1 < len(tokens) and _word(tokens[i + 1])
    return before == "-" and i > 1 and _word(tokens[i - 2]) and _word(token)


def _word(token: str) -> bool:
    return bool(re.fullmatch(r"\w+", token))


def _name_words(tokens: list[tuple[str, str]], span: list[int]) -> list[int]:
    """The name at a PERSON span's end: capitalised words, initials, уулу/кызы."""
    words: list[int] = []
    for i in reversed(span):
        token = tokens[i][0]
        if token == ".":
            continue
        if not (FATHER.match(token) or token[:1].isupper()) or not_a_name(token):
            break
        words.append(i)
    return sorted(words)


def part_of(number: int) -> str:
    return "tuned" if number in TUNED else "measured" if number in MEASURED else "unseen"


def measure(path: Path, show: bool = False) -> dict[str, Part]:
    parts = {"tuned": Part(), "measured": Part(), "unseen": Part()}
    for document in documents(path):
        part = parts[part_of(document.number)]
        started = time.perf_counter()
        result = anonymise(document.text, language="ky")
        part.seconds += time.perf_counter() - started
        found = [(e.start, e.end) for e in result.entities if e.label == "PERSON"]
        part.documents += 1
        part.chars += len(document.text)
        text = document.text
        shown = show and part is not parts["measured"]
        for span in document.names:
            hit = inside(span, found)
            part.words[0] += hit
            part.words[1] += 1
            if shown and not hit:
                print(f"missed  {document.number}: {_context(text, span)}")
        for span in found:
            if not touches(span, document.persons):
                part.false += 1
                if shown:
                    print(f"false   {document.number}: {_context(text, span)}")
    return parts


def _context(text: str, span: tuple[int, int]) -> str:
    return f"{text[span[0]:span[1]]!r} in …{text[max(0, span[0] - 50):span[1] + 30]!r}"


def report(parts: dict[str, Part]) -> None:
    print("Kyrgyz person names on KyrgyzNER's train split (real news, entities marked by the dataset's authors)\n")
    header = f"{'part':9} {'documents':>9} {'chars':>9} {'name words found':>22} {'false/10k':>12} {'chars/s':>8}"
    print(header)
    print("-" * len(header))
    for name, p in parts.items():
        if not p.documents:
            continue
        words = f"{p.words[0] / max(p.words[1], 1):.2%} ({p.words[0]}/{p.words[1]})"
        print(f"{name:9} {p.documents:>9} {p.chars:>9,} {words:>22} {p.false / p.chars * 10_000:>7.2f} ({p.false})"
              f" {p.chars / p.seconds:>8,.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT, help="KyrgyzNER's train file")
    parser.add_argument("--show", action="store_true", help="print misses and false persons (not of the measured part)")
    args = parser.parse_args()
    if "TEST" in args.data.name.upper():
        sys.exit("KyrgyzNER's test split is reserved for an independent evaluation: use the train file")
    if not args.data.is_file():
        sys.exit(f"KyrgyzNER's train file not found at {args.data}: see this script's docstring")
    preload()  # the models and word lists once, as a worker has them
    report(measure(args.data, args.show))


if __name__ == "__main__":
    main()
