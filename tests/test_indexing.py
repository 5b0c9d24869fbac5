"""The analyser, the embedded engine and snippets."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexing import IndexedDocument, QueryError, analyze, make_snippet, open_backend, query_terms


def test_normalisation_and_russian_stemming() -> None:
    tokens = analyze("Ёмкость ГОСУДАРСТВЕННОГО имущества")
    assert [t.terms[0] for t in tokens][0].startswith("емкост")
    assert query_terms("государственное") == query_terms("Государственного")
    assert tokens[1].text == "ГОСУДАРСТВЕННОГО" and tokens[1].start == 8


def test_offsets_point_into_the_original_text() -> None:
    text = "Суд  рассмотрел\nдело"
    for token in analyze(text):
        assert text[token.start : token.end] == token.text


def test_kyrgyz_tokens_are_marked() -> None:
    # Each sentence its own language: "суд" in a Russian one is Russian.
    assert [t.lang for t in analyze("Өкүм чыгарылды. Суд вынес приговор")] == ["ky", "ky", "ru", "ru", "ru"]


def test_snippet_highlights_and_escapes() -> None:
    snippet = make_snippet("Истец <b>Иванов</b> просил суд взыскать долг", set(query_terms("взыскание")) | set(query_terms("суда")))
    assert "<mark>суд</mark>" in snippet
    assert "&lt;b&gt;" in snippet and "<b>" not in snippet


@pytest.fixture
def backend(tmp_path: Path):  # type: ignore[no-untyped-def]
    index = open_backend("embedded", "internal", tmp_path)
    index.index(
        [
            IndexedDocument("a", "ПРИГОВОР", "a.pdf", "Подсудимый похитил государственное имущество."),
            IndexedDocument("b", "РЕШЕНИЕ", "b.pdf", "Суд решил взыскать с ответчика долг и государственную пошлину."),
        ]
    )
    return index


def test_search_finds_inflected_forms_and_requires_every_word(backend) -> None:  # type: ignore[no-untyped-def]
    result = backend.search("государственного имущества")
    assert [h.id for h in result.hits] == ["a"]
    assert "<mark>государственное</mark>" in result.hits[0].snippet
    assert backend.search("государственный").total == 2
    assert backend.search("имущество пошлина").total == 0


def test_reindexing_replaces_and_delete_removes(backend) -> None:  # type: ignore[no-untyped-def]
    backend.index([IndexedDocument("a", "ПРИГОВОР", "a.pdf", "Текст исправлен оператором.")])
    assert backend.count() == 2
    assert backend.search("похитил").total == 0
    assert backend.search("исправлен").hits[0].id == "a"
    backend.delete(["a", "unknown"])
    assert backend.count() == 1


def test_empty_query_is_an_error(backend) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(QueryError):
        backend.search(" ,. ")


def test_paging(backend) -> None:  # type: ignore[no-untyped-def]
    first = backend.search("государственный", limit=1)
    second = backend.search("государственный", limit=1, offset=1)
    assert first.total == second.total == 2
    assert {first.hits[0].id, second.hits[0].id} == {"a", "b"}
