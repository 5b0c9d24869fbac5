"""Snippets with highlights, made from the original text.

Made here rather than by the engine so that every backend highlights the
same words the same way: a word is highlighted when one of its analysed
terms is a query term, so "похитил" lights up for the query "похищение"
only if the analyser says they share a stem, exactly as matching does. The
words highlighted are the page's own ("системаларынын"), never the stems.
"""

from __future__ import annotations

from html import escape
from typing import Protocol

from indexing.analysis import Token, analyze

MARK_OPEN, MARK_CLOSE = "<mark>", "</mark>"


class Matcher(Protocol):
    def matches(self, token: Token) -> bool: ...


def make_snippet(text: str, wanted: Matcher | set[str], width: int = 240) -> str:
    """The window of text with the most query words, highlighted, HTML-escaped.

    wanted is the query plan's Highlight (exact and folded terms, prefixes)
    or a plain set of terms."""
    tokens = analyze(text)
    if isinstance(wanted, set):
        hits = [t for t in tokens if wanted & set(t.terms)]
    else:
        hits = [t for t in tokens if wanted.matches(t)]
    if not hits:
        return escape(_collapse(text[:width])) + ("…" if len(text) > width else "")
    start, end = _best_window(hits, width)
    start, end = _widen(text, start, end, width)
    out = ["…" if start > 0 else ""]
    cursor = start
    for token in hits:
        if token.start < start or token.end > end:
            continue
        out.append(escape(_collapse(text[cursor : token.start])))
        out.append(MARK_OPEN + escape(_collapse(token.text)) + MARK_CLOSE)
        cursor = token.end
    out.append(escape(_collapse(text[cursor:end])))
    out.append("…" if end < len(text) else "")
    return "".join(out)


def _best_window(hits: list[Token], width: int) -> tuple[int, int]:
    """Slide over hits; keep the window holding the most distinct words."""
    best, best_score = (hits[0].start, hits[0].end), -1
    for i, first in enumerate(hits):
        words = set()
        last = first
        for token in hits[i:]:
            if token.end - first.start > width:
                break
            words.add(token.terms)
            last = token
        if len(words) > best_score:
            best, best_score = (first.start, last.end), len(words)
    return best


def _widen(text: str, start: int, end: int, width: int) -> tuple[int, int]:
    """Centre the hits in a window of about width characters, on word edges."""
    spare = max(0, width - (end - start))
    start = max(0, start - spare // 3)
    end = min(len(text), end + spare - spare // 3)
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


def _collapse(fragment: str) -> str:
    """Runs of whitespace (line breaks of the page) become one space."""
    core = " ".join(fragment.split())
    lead = " " if fragment[:1].isspace() else ""
    trail = " " if fragment[-1:].isspace() and core else ""
    return lead + core + trail
