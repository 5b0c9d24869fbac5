"""Names of the archive's history that a search treats as one.

The table (indexing/data/synonyms.txt) lists names in their base form; it
is read through the analyser, so "Фрунзеде" and "Бишкекте" meet through
their stems, and a group may hold phrases ("Киргизская ССР" = "Кыргыз
Республикасы"). Expansion happens at query time: the index holds what the
page says, and a new line in the table works without reindexing.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from indexing.analysis import analyze

Terms = tuple[str, ...]


@lru_cache(maxsize=1)
def table() -> dict[Terms, tuple[Terms, ...]]:
    """Each name (as its exact terms) → every name of its group. Lines that
    share a name are one group."""
    text = resources.files("indexing").joinpath("data", "synonyms.txt").read_text("utf-8")
    groups: list[set[Terms]] = []
    for line in text.splitlines():
        line = line.split("#")[0].strip()
        if not line:
            continue
        names = {tuple(t.term for t in analyze(name)) for name in line.split("=")}
        names.discard(())
        overlapping = [g for g in groups if g & names]
        for group in overlapping:
            names |= group
            groups.remove(group)
        groups.append(names)
    return {name: tuple(sorted(group)) for group in groups for name in group}


@lru_cache(maxsize=1)
def longest_name() -> int:
    """Words in the table's longest name: no name reaches further."""
    return max((len(name) for name in table()), default=0)


def longest_name_at(terms: Terms, start: int) -> Terms | None:
    """The longest name of the table that begins at terms[start]. It looks
    no further than the table's longest name, so planning a query stays
    linear in its words (trying every end made 2,500 words take 15 s)."""
    names = table()
    for end in range(min(len(terms), start + longest_name()), start, -1):
        if terms[start:end] in names:
            return terms[start:end]
    return None


def alternatives(name: Terms) -> tuple[Terms, ...]:
    return table().get(name, (name,))
