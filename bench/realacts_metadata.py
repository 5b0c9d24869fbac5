"""Metadata extraction scored on the real Supreme Court acts (real data).

Gold: bench/realacts/metadata_heldout.json (five acts annotated before any
metadata rule for real acts was written; never tuned on) and
bench/realacts/metadata_dev.json (ten acts the rules were developed on).
The texts are read from ../shared/realacts_dev.

Per field and split: how many acts the extractor gets exactly right
(an absent value right where the act names none), and precision and
recall over the values annotated. A name is right when the surname is
the same and the initials agree as far as both go ("Абдырахманов Ж." and
"Абдырахманов Ж.Т."). Lower-court acts are matched by court and date;
their judges and outcomes are scored on the matched ones.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from anonymise import composition
from metadata import Metadata, extract
from metadata.case_numbers import same_number

ROOT = Path(__file__).resolve().parent.parent
GOLD = {"held out": ROOT / "bench/realacts/metadata_heldout.json", "dev": ROOT / "bench/realacts/metadata_dev.json"}
ACTS = ROOT.parent / "shared" / "realacts_dev"
SINGLE = ("court", "case_number", "date", "presiding", "reporting", "secretary", "prosecutor")
MANY = ("judges", "lower_case_numbers", "lower_acts", "lower_judges", "lower_outcomes", "parties")


@dataclass
class Tally:
    acts: int = 0
    exact: int = 0  # acts where the value is exactly right (absent where absent)
    right: int = 0
    found: int = 0
    annotated: int = 0
    misses: list[str] = field(default_factory=list)

    def line(self, name: str) -> str:
        precision = f"{100 * self.right / self.found:.1f}%" if self.found else "—"
        recall = f"{100 * self.right / self.annotated:.1f}%" if self.annotated else "—"
        exact = f"{100 * self.exact / self.acts:.1f}%" if self.acts else "—"
        return f"{name:<20} {self.acts:>5} {exact:>8} {self.annotated:>9} {self.found:>6} {self.right:>6} {precision:>10} {recall:>8}"


def same_person(a: str | None, b: str | None) -> bool:
    """anonymise.composition's comparison, with "none named" equal to itself."""
    if a is None or b is None:
        return a is b
    return composition.same_person(a, b)


def available() -> bool:
    return ACTS.is_dir() and all(path.exists() for path in GOLD.values())


def score(split: str) -> dict[str, Tally]:
    gold = json.loads(GOLD[split].read_text("utf-8"))["acts"]
    tallies: dict[str, Tally] = defaultdict(Tally)
    for act_id, truth in gold.items():
        text = json.loads((ACTS / f"{act_id}.json").read_text("utf-8"))["text"]
        found = extract(text)
        for name in SINGLE:
            want, got = _single(truth, name), _single_found(found, name)
            same = same_number(got, want) if name == "case_number" else same_person(got, want) if name in (
                "presiding", "reporting", "secretary", "prosecutor") else got == want
            _count(tallies[name], act_id, name, [want] if want else [], [got] if got else [], same, lambda a, b: same)
        _count(tallies["judges"], act_id, "judges", _panel(truth), found.judges, None, same_person)
        _count(tallies["lower_case_numbers"], act_id, "lower numbers", truth["lower_case_numbers"],
               found.lower_case_numbers, None, same_number)
        want_acts = [(a["court"], a["date"]) for a in truth["lower_acts"]]
        got_acts = [(str(a["court"]), str(a["date"])) for a in found.lower_acts]
        _count(tallies["lower_acts"], act_id, "lower acts", want_acts, got_acts, None, lambda a, b: a == b)
        matched = {(a["court"], a["date"]): a for a in found.lower_acts}
        for kind in ("judge", "outcome"):
            want = [(a["court"], a["date"], a[kind]) for a in truth["lower_acts"] if a[kind] and (a["court"], a["date"]) in matched]
            got = [(a["court"], a["date"], a[kind]) for a in matched.values() if a[kind] and
                   any((w[0], w[1]) == (a["court"], a["date"]) for w in want)]
            compare = (lambda a, b: a[:2] == b[:2] and same_person(a[2], b[2])) if kind == "judge" else (lambda a, b: a == b)
            _count(tallies[f"lower_{kind}s"], act_id, f"lower {kind}", want, got, None, compare)
        want_parties = [(p["role"], p["name"]) for p in truth["parties"]]
        got_parties = [(p["role"], p["name"]) for p in found.parties]
        _count(tallies["parties"], act_id, "parties", want_parties, got_parties, None,
               lambda a, b: a[0] == b[0] and same_person(a[1], b[1]))
    return tallies


def _single(truth: dict, name: str) -> str | None:  # type: ignore[type-arg]
    return truth["composition"][name] if name in ("presiding", "reporting", "secretary", "prosecutor") else truth[name]


def _single_found(found: Metadata, name: str) -> str | None:
    if name in ("presiding", "reporting", "secretary", "prosecutor"):
        return found.composition.get(name)  # type: ignore[return-value]
    return getattr(found, name)  # type: ignore[no-any-return]


def _panel(truth: dict) -> list[str]:  # type: ignore[type-arg]
    composition = truth["composition"]
    return ([composition["presiding"]] if composition["presiding"] else []) + composition["judges"]


def _count(tally: Tally, act_id: str, name: str, want: list, got: list, exact: bool | None, same) -> None:  # type: ignore[no-untyped-def,type-arg]
    right = sum(1 for g in got if any(same(g, w) for w in want))
    tally.acts += 1
    tally.right += right
    tally.found += len(got)
    tally.annotated += len(want)
    whole = exact if exact is not None else (right == len(got) == len(want))
    tally.exact += int(whole)
    if not whole:
        tally.misses.append(f"{act_id} {name}: found {got}, annotated {want}")


def report(show: bool = False, splits: tuple[str, ...] = ("held out", "dev")) -> None:
    for split in splits:
        tallies = score(split)
        print(f"\nReal Supreme Court acts, {split} ({tallies['court'].acts} acts) — real data")
        print(f"{'field':<20} {'acts':>5} {'exact':>8} {'annotated':>9} {'found':>6} {'right':>6} {'precision':>10} {'recall':>8}")
        print("-" * 78)
        for name in SINGLE + MANY:
            print(tallies[name].line(name))
        if show and split != "held out":
            for name in SINGLE + MANY:
                for miss in tallies[name].misses:
                    print("  ", miss)
