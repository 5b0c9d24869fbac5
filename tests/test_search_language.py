"""Search that understands Kyrgyz and Russian, on real indexes: inflection,
typewriter folding, OCR repairs, synonyms, the query language, facets,
snippets, sorting, paging and similar decisions.

The search tests are the contract every backend meets: each runs on the
embedded engine and on OpenSearch (when `make test` has started it)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from indexing import IndexedDocument, QueryError, SearchBackend, analyze
from tests.conftest import SEARCH_BACKENDS, open_search_backend

DOCS = [
    IndexedDocument(
        "ky2019", "Бишкек шаардык сотунун өкүмү", "ky2019.tif",
        "Бишкек шаардык сотунун соттук коллегиясы кылмыш иши боюнча айыпталуучунун даттануусун карап, "
        "сот системасынын талаптарына ылайык өкүм чыгарды. Кыргыз Республикасынын Кылмыш-жаза "
        "кодексинин 168-беренеси колдонулду.",
        "ky", "Бишкек шаардык соту", "2019-05-14", "criminal", ("УК 168",),
    ),
    IndexedDocument(
        "ky1967", "Окум", "ky1967.pdf",
        # Typed in 1967 without ң ө ү, hyphenated at a line's end, and with a
        # Latin "o" inside a Cyrillic word where the OCR read one.
        "Фрунзе шаарынын эл сотунун окуму. Соттолуучу уурулук кылганы учун сис-\n"
        "темалуу турдо жазаланды. Мамлекеттик мулкту уурдаган. Cотко даттануу берилген.",
        "ky", "Фрунзе шаарынын эл соту", "1967-11-02", "criminal", ("УК 97",),
    ),
    IndexedDocument(
        "ru1967", "Приговор народного суда", "ru1967.pdf",
        "Народный суд города Фрунзе Киргизской ССР рассмотрел уголовное дело о хищении "
        "государственного имущества. Подсудимый признан виновным по статье 97 УК Киргизской ССР.",
        "ru", "Народный суд г. Фрунзе", "1967-03-02", "criminal", ("УК 97",),
    ),
    IndexedDocument(
        "ru1983", "Решение по гражданскому делу", "ru1983.pdf",
        "Суд рассмотрел гражданское дело по иску о взыскании долга. Суд решил взыскать с ответчика "
        "сумму долга и государственную пошлину.",
        "ru", "Нарынский областной суд", "1983-06-20", "civil", ("ГК 200",),
    ),
    IndexedDocument(
        "ky2021", "Жарандык иш боюнча чечим", "ky2021.pdf",
        "Нарын облустук соту жарандык иш боюнча доогердин арызын карап, жоопкерден карызды өндүрүү "
        "жөнүндө чечим чыгарды. Соттук системалардын практикасы эске алынды.",
        "ky", "Нарын облустук соту", "2021-09-01", "civil", ("ГК 200",),
    ),
    IndexedDocument(
        "mixed2001", "Определение", "mixed2001.pdf",
        "Определение суда. Сот аныктама чыгарды: иш Каракол шаардык сотуна жөнөтүлсүн. "
        "Дело направлено в Каракольский городской суд.",
        "mixed", "Ысык-Көл облустук соту", "2001-02-03", "administrative", (),
    ),
]


@pytest.fixture(scope="module", params=SEARCH_BACKENDS)
def index(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> SearchBackend:
    backend = open_search_backend(request.param, Path(tmp_path_factory.mktemp("index")))
    backend.index(DOCS)
    return backend


def ids(index: SearchBackend, query: str, **kwargs: object) -> list[str]:
    return [h.id for h in index.search(query, limit=50, **kwargs).hits]  # type: ignore[arg-type]


# --- analysis --------------------------------------------------------------------------


def test_kyrgyz_inflections_meet_at_one_stem() -> None:
    terms = {t.term for t in analyze("сот соттун сотко сотто соттон соттор соттордун сотторунун соттук")}
    assert terms == {"сот"}
    assert {t.term for t in analyze("системасы системасын системасына системалардын")} == {t.term for t in analyze("система")}


def test_each_word_gets_its_language() -> None:
    langs = {t.text: t.lang for t in analyze("Сот өкүм чыгарды. Суд вынес приговор государственного 1967")}
    assert langs["өкүм"] == "ky" and langs["чыгарды"] == "ky" and langs["Сот"] == "ky"
    assert langs["Суд"] == "ru" and langs["государственного"] == "ru" and langs["приговор"] == "ru"
    assert langs["1967"] == "other"


def test_latin_look_alikes_and_soft_hyphens_are_repaired() -> None:
    latin = "Cуд pешение" + " госу\u00adдарство"
    assert [t.term for t in analyze(latin)] == [t.term for t in analyze("Суд решение государство")]
    assert analyze("Cуд")[0].text == "Cуд"  # the page's own letters stay for highlighting


def test_a_word_hyphenated_at_a_line_break_is_one_word() -> None:
    tokens = analyze("сис-\nтемасы жана Кылмыш-жаза")
    assert tokens[0].text == "сис-\nтемасы" and tokens[0].term == analyze("система")[0].term
    assert [t.text for t in tokens[1:]] == ["жана", "Кылмыш", "жаза"]  # a hyphen inside a line stays


def test_folded_form_is_indexed_beside_the_exact_one() -> None:
    token = analyze("өкүмдүн")[0]
    assert token.terms == ("өкүм", "окум")
    assert analyze("окумдун")[0].folded == "окум"


# --- matching --------------------------------------------------------------------------


def test_a_kyrgyz_query_finds_other_forms_of_its_words(index: SearchBackend) -> None:
    # "сот системасы" → "сот системасынын", "соттук системалардын"
    assert set(ids(index, "сот системасы")) >= {"ky2019", "ky2021"}
    assert "ky2021" in ids(index, "доогерге")  # доогердин
    assert "ky2019" in ids(index, "даттануу")  # даттануусун


def test_a_russian_query_finds_other_forms_of_its_words(index: SearchBackend) -> None:
    assert set(ids(index, "государственное имущество")) == {"ru1967"}
    assert "ru1983" in ids(index, "взыскание долгов")


def test_a_modern_query_finds_a_typewriter_page_and_ranks_the_exact_form_first(index: SearchBackend) -> None:
    found = ids(index, "өкүм")
    assert "ky1967" in found  # the page says "окуму"
    assert found.index("ky2019") < found.index("ky1967")  # "өкүм" as written ranks higher
    assert "ky1967" in ids(index, "мүлк")  # "мулкту"


def test_repaired_ocr_words_are_found(index: SearchBackend) -> None:
    assert "ky1967" in ids(index, "сотко")  # the page has a Latin C
    assert "ky1967" in ids(index, "системалуу")  # hyphenated across a line break


def test_frunze_finds_bishkek_and_back(index: SearchBackend) -> None:
    assert {"ky2019", "ru1967", "ky1967"} <= set(ids(index, "Бишкек"))
    assert "ky2019" in ids(index, "Фрунзе")
    assert "mixed2001" in ids(index, "Пржевальск")  # Каракол
    assert "ky2019" in ids(index, "Киргизская ССР")  # Кыргыз Республикасынын


def test_a_russian_typo_is_forgiven(index: SearchBackend) -> None:
    assert ids(index, "хишение") == ["ru1967"]  # хищении
    assert set(ids(index, "госудраственного")) == {"ru1967", "ru1983"}


# --- the query language ----------------------------------------------------------------


def test_phrases_and_proximity(index: SearchBackend) -> None:
    assert ids(index, '"уголовное дело"') == ["ru1967"]
    assert ids(index, '"дело уголовное"') == []
    assert ids(index, '"суд дело"') == []
    assert ids(index, '"суд дело"~2') == ["ru1983"]  # Суд рассмотрел гражданское дело


def test_exclusion_or_and_prefix(index: SearchBackend) -> None:
    assert set(ids(index, "суд -гражданское")) == {"ru1967", "mixed2001"}
    assert set(ids(index, "пошлина OR хищение")) == {"ru1967", "ru1983"}
    assert set(ids(index, "(пошлина OR хищение) Фрунзе")) == {"ru1967"}
    assert set(ids(index, "мамлекет*")) == {"ky1967"}


def test_field_filters(index: SearchBackend) -> None:
    assert set(ids(index, "year:1965..1970")) == {"ky1967", "ru1967"}
    assert set(ids(index, "сот year:2019")) == {"ky2019"}
    assert set(ids(index, "type:civil")) == {"ru1983", "ky2021"}
    assert set(ids(index, "тип:уголовное lang:ru")) == {"ru1967"}
    assert set(ids(index, 'article:"УК 97"')) == {"ky1967", "ru1967"}
    assert set(ids(index, 'article:"ст. 168 ч. 2 УК КР"')) == {"ky2019"}
    assert set(ids(index, "article:200")) == {"ru1983", "ky2021"}
    assert set(ids(index, "court:Нарын")) == {"ky2021", "ru1983"}  # Нарын облустук соту, Нарынский областной суд
    assert set(ids(index, 'court:"шаардык соту"')) == {"ky2019", "ky1967"}  # шаардык, шаарынын: city courts


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('"сот системасы', "quotation mark is not closed"),
        ("year:19xx", "not a year"),
        ("year:1970..1960", "ends before it begins"),
        ("colour:red", 'unknown field "colour:"'),
        ("type:divorce", "unknown case type"),
        ("-сот", "only excludes"),
        ("сот OR", "needs a word after it"),
        ("(сот", "parenthesis is not closed"),
        ("...", "no letters or digits"),
    ],
)
def test_a_malformed_query_gets_a_clear_message(index: SearchBackend, query: str, message: str) -> None:
    with pytest.raises(QueryError, match=re.escape(message)):
        index.search(query)


# --- results ---------------------------------------------------------------------------


def test_snippets_highlight_the_words_as_written(index: SearchBackend) -> None:
    hit = next(h for h in index.search("сот системасы").hits if h.id == "ky2021")
    assert "<mark>Соттук</mark> <mark>системалардын</mark>" in hit.snippet
    typed = next(h for h in index.search("өкүм").hits if h.id == "ky1967")
    assert "<mark>окуму</mark>" in typed.snippet


def test_facets_count_the_matches(index: SearchBackend) -> None:
    facets = index.search("суд OR сот", facets=True).facets
    assert dict(facets["type"]) == {"criminal": 3, "civil": 2, "administrative": 1}
    assert dict(facets["lang"]) == {"ky": 3, "ru": 2, "mixed": 1}
    assert dict(facets["decade"]) == {"2020s": 1, "2010s": 1, "2000s": 1, "1980s": 1, "1960s": 2}
    assert dict(facets["year"])["1967"] == 2
    assert dict(index.search("type:civil", facets=True).facets["court"]) == {
        "Нарынский областной суд": 1, "Нарын облустук соту": 1,
    }


def test_everything_browsed_by_article_and_filters(index: SearchBackend) -> None:
    every = index.search("*", limit=50, facets=True)
    assert every.total == len(ids(index, "суд OR сот OR *")) >= 6
    articles = dict(every.facets["article"])
    assert articles["УК 97"] == 2 and "97" not in articles  # code and number, not the bare number
    assert set(ids(index, '* article:"УК 97"')) == {"ky1967", "ru1967"}
    assert ids(index, "* type:civil year:..1990") == ["ru1983"]


def test_sorting_by_date_and_stable_pages(index: SearchBackend) -> None:
    assert ids(index, "суд OR сот", sort="date") == ["ky2021", "ky2019", "mixed2001", "ru1983", "ky1967", "ru1967"]
    assert ids(index, "суд OR сот", sort="date_asc")[0] == "ru1967"
    pages = [h.id for offset in range(0, 6, 2) for h in index.search("суд OR сот", limit=2, offset=offset).hits]
    assert sorted(pages) == sorted(d.id for d in DOCS) and pages == ids(index, "суд OR сот")


def test_similar_decisions(index: SearchBackend) -> None:
    similar = [h.id for h in index.similar("ru1967", limit=3)]
    assert "ru1967" not in similar
    assert similar[0] == "ru1983"  # the other Russian judgment: суд, рассмотрел, дело, государственн...
    with pytest.raises(QueryError):
        index.similar("nonexistent")


def test_finding_names_of_the_synonym_table_looks_no_further_than_its_longest_name(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Planning stays linear in the query's words: at each word only as many
    endings are tried as the longest name has words (every end was tried,
    so 2,500 words took 15 s)."""
    from indexing import synonyms

    names = synonyms.table()
    tried: list[int] = []

    class Counting(dict):  # type: ignore[type-arg]
        def __contains__(self, key: object) -> bool:
            tried.append(1)
            return super().__contains__(key)

    monkeypatch.setattr(synonyms, "table", lambda: Counting(names))
    words = tuple(f"сөз{i}" for i in range(5000))
    assert synonyms.longest_name_at(words, 0) is None
    assert 0 < len(tried) <= synonyms.longest_name()
    frunze = next(name for name in names if len(name) == 1)
    assert synonyms.longest_name_at(words[:10] + frunze + words[:10], 10) == frunze


def test_any_string_is_planned_or_refused_with_a_reason() -> None:
    """Property (hypothesis): whatever a visitor types, planning the query
    gives a plan or a QueryError with a message, never another exception.
    Words, operators, quotes, brackets, fields and odd characters mixed."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from indexing.plan import plan

    pieces = st.sampled_from(['"', "(", ")", "-", "OR", "AND", "NOT", "*", ":", "year:", "article:", "court:",
                              "..", "1999", "суд", "Бишкек", "Фрунзе", "өкүм", "ст.", "158", " ", "\u00ad", "\x00"])
    strings = st.one_of(st.text(max_size=300), st.lists(st.one_of(pieces, st.text(max_size=5)), max_size=60).map("".join))

    @settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(strings)
    def check(query: str) -> None:
        try:
            plan(query)
        except QueryError as exc:
            assert str(exc).strip()

    check()
