"""The Kyrgyz stemmer on the project's list of word forms
(tests/data/kyrgyz_forms.txt): at least 95% of the forms of a word meet at
its stem, under 2% collide with another word's."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexing.kyrgyz import exceptions, known_stems, stem
from indexing.stemmer_eval import measure, read_forms

FORMS = read_forms(Path(__file__).parent / "data" / "kyrgyz_forms.txt")


def test_the_list_is_large_enough() -> None:
    assert sum(len(f) for f in FORMS.groups.values()) >= 500
    assert len(FORMS.held_out) >= 10


def test_conflation_on_the_whole_list() -> None:
    result = measure(FORMS.groups)
    assert result.conflated >= 0.95, result.misses
    assert result.over_conflated < 0.02, result.collisions


def test_conflation_by_the_suffix_tables_alone() -> None:
    """The held-out words by the tables alone: the lexicon (which now holds
    the treebank's lemmas, and so many of these words) left out."""
    held = {w: f for w, f in FORMS.groups.items() if w in FORMS.held_out}
    result = measure(held, use_lexicon=False)
    assert result.conflated >= 0.95, result.misses
    assert result.over_conflated < 0.02, result.collisions


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("сотторунун", "сот"),  # plural, possessive, case
        ("системасына", "система"),  # -сы-на after a vowel
        ("бөлүгүнүн", "бөлүк"),  # г back to к
        ("мамлекеттик", "мамлекет"),  # a derivation that keeps the meaning
        ("күнөөсүз", "күнөөсүз"),  # "without": not "guilt"
        ("жана", "жана"),  # "and", not жан + а
        ("иш", "иш"),
        ("айлыкка", "айлык"),  # "salary", not ай "month"
    ],
)
def test_stems(word: str, expected: str) -> None:
    assert stem(word) == expected
