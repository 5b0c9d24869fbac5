"""Real Supreme Court acts (../shared/realacts_dev) and the hand-made gold
for them (bench/realacts/gold_*.json): loading and scoring.

The gold names people by stems rather than offsets, so it stays readable
and survives the text's small quirks: a capitalised word that begins with
a stem and has at most six more lowercase letters ("Шамурзаев" finds
"Шамурзаевдин", "Шамурзаевге") is a mention of that person. Private
details are written as a context with the part to hide in brackets
("г.Кок-Жангак, [ул.Бульвар, 40 лет Октября дом 6 кв.2]"); white space
in a context matches any white space, line breaks included.

Scores, as the anonymisation issue defines them:
- party names hidden: each name word of a private person inside a redaction;
- details hidden: each word of a bracketed part inside a redaction;
- officials kept: each name word of an official touched by no redaction;
- false person redactions: PERSON redactions that touch no annotated
  person (private, official or either) and hold a word of two letters or
  more, per 10,000 characters. A redaction of initials alone is neither
  right nor wrong: the court often reduces victims to initials itself.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "bench" / "realacts"
ACTS = ROOT.parent / "shared" / "realacts_dev"
WORD = re.compile(r"[A-Za-zА-ЯЁӨҮҢа-яёөүң]+")
TAIL = 6  # lowercase letters an inflection may add to a stem


@dataclass
class Act:
    id: str
    split: str  # dev or heldout
    language: str
    text: str
    private: list[str]
    official: list[str]
    either: list[str]
    details: list[str]
    not_persons: list[str]


def normalise(text: str) -> str:
    """The portal's PDFs turned hyphens into soft hyphens (see the set's README)."""
    return text.replace("\u00ad", "-")


def load(split: str | None = None, acts_dir: Path = ACTS) -> list[Act]:
    """The annotated acts, dev and held-out, or one split of them."""
    acts = []
    for part in ("dev", "heldout"):
        if split and part != split:
            continue
        gold = json.loads((GOLD / f"gold_{part}.json").read_text("utf-8"))
        for act_id, g in gold.items():
            if act_id.startswith("_"):
                continue
            record = json.loads((acts_dir / f"{act_id}.json").read_text("utf-8"))
            acts.append(Act(act_id, part, g["language"], normalise(record["text"]), g["private"], g["official"],
                            g.get("either", []), g["details"], g.get("not_persons", [])))
    return acts


def mentions(text: str, stems: list[str]) -> list[tuple[int, int]]:
    """Where words of these stems stand in the text."""
    found = []
    for match in WORD.finditer(text):
        word = match.group()
        for stem in stems:
            rest = word[len(stem):]
            if word.startswith(stem) and len(rest) <= TAIL and (not rest or rest.islower()):
                found.append(match.span())
                break
    return found


def detail_words(text: str, context: str) -> list[tuple[int, int]]:
    """The words of the bracketed part of a context, wherever it occurs."""
    head, rest = context.split("[", 1)
    part, tail = rest.split("]", 1)

    def pattern(s: str) -> str:
        return r"\s+".join(re.escape(w) for w in s.split(" ")) if s.strip() else ""

    regex = re.compile(pattern(head) + (r"\s*" if head.endswith(" ") else "") + "(" + pattern(part) + ")"
                       + (r"\s*" if tail.startswith(" ") else "") + pattern(tail.strip()))
    spans = []
    for match in regex.finditer(text):
        spans += [(m.start() + match.start(1), m.end() + match.start(1)) for m in re.finditer(r"\w+", match.group(1))]
    if not spans:
        raise ValueError(f"gold context not found in the text: {context!r}")
    return spans


def inside(span: tuple[int, int], redactions: list[tuple[int, int]]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in redactions)


def touches(span: tuple[int, int], redactions: list[tuple[int, int]]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in redactions)


@dataclass
class Score:
    names: list[int] = field(default_factory=lambda: [0, 0])  # hidden, annotated
    details: list[int] = field(default_factory=lambda: [0, 0])
    officials: list[int] = field(default_factory=lambda: [0, 0])  # kept, annotated
    false_persons: int = 0
    missed_but_held: int = 0  # party name words left in clear that the leak check flags
    chars: int = 0
    misses: list[str] = field(default_factory=list)  # what went wrong, for --show

    def add(self, other: "Score") -> None:
        for name in ("names", "details", "officials"):
            mine, theirs = getattr(self, name), getattr(other, name)
            mine[0] += theirs[0]
            mine[1] += theirs[1]
        self.false_persons += other.false_persons
        self.missed_but_held += other.missed_but_held
        self.chars += other.chars
        self.misses += other.misses


def score(act: Act, entities: list, flagged: frozenset[str] = frozenset()) -> Score:  # entities: anonymise.Entity
    """How one anonymisation of an act measures against its gold; flagged:
    the words the leak check holds in the redacted text."""
    text = act.text
    redactions = [(e.start, e.end) for e in entities if e.action == "redact"]
    result = Score(chars=len(text))
    held = {word.lower() for word in flagged}  # as flagged in the act as read, in capitals or not

    def where(span: tuple[int, int]) -> str:
        line = text[max(0, span[0] - 30): span[1] + 30].replace("\n", " ")
        return f"{act.id}: {text[span[0]:span[1]]!r} in …{line}…"

    for span in mentions(text, act.private):
        hidden = inside(span, redactions)
        result.names[0] += hidden
        result.names[1] += 1
        if not hidden:
            result.missed_but_held += text[span[0]:span[1]].lower() in held
            result.misses.append("name not hidden    " + where(span))
    for context in act.details:
        for span in detail_words(text, context):
            hidden = inside(span, redactions)
            result.details[0] += hidden
            result.details[1] += 1
            if not hidden:
                result.misses.append("detail not hidden  " + where(span))
    for span in mentions(text, act.official):
        kept = not touches(span, redactions)
        result.officials[0] += kept
        result.officials[1] += 1
        if not kept:
            result.misses.append("official removed   " + where(span))
    people = mentions(text, act.private + act.official + act.either)
    for entity in entities:
        if entity.label != "PERSON" or entity.action != "redact":
            continue
        if touches((entity.start, entity.end), people) or not re.search(r"[^\W\d_]{2}", entity.text.replace("Дж", "Д")):
            continue
        result.false_persons += 1
        result.misses.append("false person       " + where((entity.start, entity.end)))
    return result
