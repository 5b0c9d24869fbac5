"""Measuring the Kyrgyz stemmer on a list of word forms.

A list holds lines "word: form form ..." (tests/data/kyrgyz_forms.txt).
Conflation is the share of forms whose stem is their word's usual stem
(the stem most of its forms get); over-conflation is the share of forms
whose stem is another word's usual stem. Used by the tests and by
`sotarchive bench stemmer`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from indexing.kyrgyz import stem


@dataclass(frozen=True)
class FormList:
    groups: dict[str, list[str]]
    held_out: frozenset[str]  # words under the "# held out" heading


@dataclass(frozen=True)
class Conflation:
    forms: int
    conflated: float
    over_conflated: float
    misses: list[tuple[str, str, str]]  # word, form, the form's stem
    collisions: list[tuple[str, str, str]]  # word, form, the other word


def read_forms(path: Path) -> FormList:
    groups: dict[str, list[str]] = {}
    held: set[str] = set()
    holding = False
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("# held out"):
            holding = True
        if line.startswith("#") or ":" not in line:
            continue
        word, forms = line.split(":", 1)
        groups[word.strip()] = forms.split()
        if holding:
            held.add(word.strip())
    return FormList(groups, frozenset(held))


def measure(groups: dict[str, list[str]], use_lexicon: bool = True,
            dictionary: Callable[[str], bool] | None = None) -> Conflation:
    stems = {word: [stem(f, use_lexicon, dictionary) for f in forms] for word, forms in groups.items()}
    usual = {word: Counter(s).most_common(1)[0][0] for word, s in stems.items()}
    owners: dict[str, set[str]] = {}
    for word, s in usual.items():
        owners.setdefault(s, set()).add(word)
    misses, collisions, total = [], [], 0
    for word, forms in groups.items():
        for form, s in zip(forms, stems[word]):
            total += 1
            if s != usual[word]:
                misses.append((word, form, s))
            others = owners.get(s, set()) - {word}
            if others:
                collisions.append((word, form, sorted(others)[0]))
    return Conflation(total, 1 - len(misses) / total, len(collisions) / total, misses, collisions)
