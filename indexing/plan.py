"""From the query's tree to what the engine must match, analysed once for
every backend: each word becomes its exact and folded terms, names of the
synonym table become their alternatives, and the terms to highlight are
collected. A backend only translates these nodes into its own queries, so
the embedded engine and OpenSearch match the same documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from indexing.analysis import Token, analyze, query_analyses, stems_in_both, text_language, words_in
from indexing.normalise import fold, normalise
from indexing.query import All, AnyOf, Field, Node, Not, Phrase, Word, YearRange, parse
from indexing import synonyms

Pair = tuple[str, str]  # (exact term, folded term) at one position
FUZZY_MIN_LENGTH = 5  # shorter words have too many neighbours one letter away


@dataclass(frozen=True)
class Terms:
    """Any of these term sequences; a sequence of more than one term is a
    phrase, with `slop` words allowed between."""

    options: tuple[tuple[Pair, ...], ...]
    slop: int = 0
    # Terms a backend may look one letter away from when nothing matches:
    # the word's stem under either language's stemmer, since a typo can
    # change which language the word seems to be.
    fuzzy: tuple[str, ...] = ()


@dataclass(frozen=True)
class Prefix:
    exact: str  # normalised, not stemmed: stems are shorter than words
    folded: str


PlanNode = Terms | Prefix | Field | YearRange | Not | All | AnyOf


@dataclass
class Highlight:
    """What a snippet lights up: words whose exact or folded term is one
    the query looked for, or that begin with one of its prefixes."""

    exact: set[str] = field(default_factory=set)
    folded: set[str] = field(default_factory=set)
    prefixes: set[str] = field(default_factory=set)
    fuzzy: set[str] = field(default_factory=set)  # terms the backend looked one letter away from

    def matches(self, token: Token) -> bool:
        if token.term in self.exact or token.folded in self.folded:
            return True
        if any(token.term.startswith(p) or token.folded.startswith(p) for p in self.prefixes):
            return True
        return any(one_edit_apart(token.term, f) for f in self.fuzzy)


def one_edit_apart(a: str, b: str) -> bool:
    """Levenshtein distance of at most one, a transposition counting as one
    (what the engines' fuzzy queries of distance 1 match)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        return len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(shorter) and shorter[i] == longer[i]:
        i += 1
    return shorter[i:] == longer[i + 1 :]


@dataclass
class Plan:
    root: PlanNode
    highlight: Highlight


def plan(query: str) -> Plan:
    """Parse and analyse a query; QueryError when it cannot be searched.
    The query's words decide its language together, as a sentence's do;
    a query where none decides searches an undecided word both ways."""
    highlight = Highlight()
    return Plan(_node(parse(query), highlight, positive=True, context=text_language(query)), highlight)


def _node(node: Node | PlanNode, highlight: Highlight, positive: bool, context: str | None) -> PlanNode:
    if isinstance(node, (Terms, Prefix)):
        return node  # planned already (a name of the synonym table)
    if isinstance(node, Word):
        return _word(node, highlight, positive, context)
    if isinstance(node, Phrase):
        pairs = tuple(options[0] for options in _query_pairs(node.text, context))
        if not pairs:
            return _nothing_to_find(node.text)
        if positive:
            _remember(pairs, highlight)
        return Terms((pairs,), slop=node.slop)
    if isinstance(node, Not):
        return Not(_node(node.clause, highlight, False, context))
    if isinstance(node, AnyOf):
        return AnyOf(tuple(_node(c, highlight, positive, context) for c in node.clauses))
    if isinstance(node, All):
        joined = _join_names(node.clauses, highlight, positive, context)
        return All(tuple(_node(c, highlight, positive, context) for c in joined))
    return node  # fields and years pass as they are


def _query_pairs(text: str, context: str | None) -> list[list[Pair]]:
    """Each word of a query text with its (exact, folded) pairs: one pair,
    or one for each language where nothing decides the word's."""
    return [list(dict.fromkeys((term, folded) for _, term, folded in query_analyses(word, context)))
            for word, _, _ in words_in(text)]


def _word(word: Word, highlight: Highlight, positive: bool, context: str | None) -> PlanNode:
    if word.prefix:
        norm = normalise(word.text)
        if positive:
            highlight.prefixes.add(norm)
            highlight.prefixes.add(fold(norm))
        return Prefix(norm, fold(norm))
    positions = [p for p in _query_pairs(word.text, context) if p[0][0]]
    if not positions:
        return _nothing_to_find(word.text)
    pairs = tuple(p[0] for p in positions)
    options = [pairs] + ([(alt,) for alt in positions[0][1:]] if len(positions) == 1 else [])
    if len(pairs) == 1:
        options += [_pairs(alt) for alt in synonyms.alternatives((pairs[0][0],)) if alt != (pairs[0][0],)]
    if positive:
        for option in options:
            _remember(option, highlight)
    fuzzy: tuple[str, ...] = ()
    tokens = analyze(word.text, context)
    if len(tokens) == 1 and tokens[0].lang != "other" and len(tokens[0].text) >= FUZZY_MIN_LENGTH:
        fuzzy = tuple(dict.fromkeys((tokens[0].term,) + stems_in_both(tokens[0].text)))
    return Terms(tuple(options), fuzzy=fuzzy)


def _join_names(clauses: tuple[Node, ...], highlight: Highlight, positive: bool,
                context: str | None) -> list[Node | PlanNode]:
    """Consecutive words that spell a name of several words in the synonym
    table ("Киргизская ССР") are searched as that name or any other of its
    group: those words, or the other names as phrases."""
    out: list[Node | PlanNode] = []
    i = 0
    while i < len(clauses):
        run = []
        while i + len(run) < len(clauses) and _plain_word(clauses[i + len(run)]):
            run.append(clauses[i + len(run)])
        if len(run) < 2:
            out.append(clauses[i])
            i += 1
            continue
        terms = [analyze(w.text, context) for w in run]  # type: ignore[union-attr]
        if any(len(t) != 1 for t in terms):
            out.extend(run)
            i += len(run)
            continue
        exact = tuple(t[0].term for t in terms)
        j = 0
        while j < len(run):
            name = synonyms.longest_name_at(exact, j)
            if name and len(name) > 1:
                others = [_pairs(alt) for alt in synonyms.alternatives(name) if alt != name]
                if positive:
                    for option in others:
                        _remember(option, highlight)
                written = All(tuple(_word(w, highlight, positive, context) for w in run[j : j + len(name)]))  # type: ignore[arg-type]
                out.append(AnyOf((written, Terms(tuple(others)))))
                j += len(name)
            else:
                out.append(run[j])
                j += 1
        i += len(run)
    return out


def _plain_word(node: Node) -> bool:
    return isinstance(node, Word) and not node.prefix


def _pairs(terms: tuple[str, ...]) -> tuple[Pair, ...]:
    """A name of the synonym table (exact terms) with its folded terms."""
    return tuple((term, fold(term)) for term in terms)


def _remember(pairs: tuple[Pair, ...], highlight: Highlight) -> None:
    for exact, folded in pairs:
        highlight.exact.add(exact)
        highlight.folded.add(folded)


def _nothing_to_find(text: str) -> PlanNode:
    from indexing.backend import QueryError

    raise QueryError(f'"{text}" has no letters or digits to search for', "nothing_to_find", value=text)
