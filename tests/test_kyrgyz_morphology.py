"""Kyrgyz morphology as real text has it (the failures the UD_Kyrgyz-KTMU
treebank showed): verbs meet their root through tense, aspect, voice and
negation; short Kyrgyz words in a Kyrgyz sentence are analysed as Kyrgyz;
a query of one undecided word is searched both ways; surnames meet across
gender and case in Russian and Kyrgyz, on both engines, the exact form
first."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexing import IndexedDocument, SearchBackend, analyze
from indexing.analysis import query_analyses
from indexing.names import surname_base
from tests.conftest import SEARCH_BACKENDS, open_search_backend


def meets(sentence: str, form: str, query: str) -> bool:
    """Whether `form`, as the index holds it in `sentence`, meets `query` typed alone."""
    held = {t for token in analyze(sentence) if token.text.lower() == form for t in token.terms}
    assert held, f"{form} is not in {sentence!r}"
    return bool(held & {t for a in query_analyses(query, None) for t in a[1:]})


@pytest.mark.parametrize(
    ("sentence", "form", "root"),
    [
        ("Сот отуруму саат ондо башталды.", "башталды", "башта"),  # voice and past
        ("Иш 2026-жылы башталат.", "башталат", "башта"),  # voice and present
        ("Ал үйдү сатып алды.", "сатып", "сат"),  # converb
        ("Сот доогердин талабын колдойт.", "колдойт", "колдо"),  # present after a vowel
        ("Соттолуучунун кылганы далилденди.", "кылганы", "кыл"),  # participle and possessive
        ("Арыз өз убагында каралды.", "каралды", "кара"),  # passive past
        ("Жоопкер карызын төлөбөйт.", "төлөбөйт", "төлө"),  # negation
        ("Карызды төлөөгө милдеттүү.", "төлөөгө", "төлө"),  # verbal noun: the verb's vowel merged
        ("Күбө сотко келген жок.", "келген", "кел"),  # past participle
        ("Иш кайра кароого жиберилди.", "жиберилди", "жибер"),  # passive of a consonant verb
    ],
)
def test_verb_families_meet_their_root(sentence: str, form: str, root: str) -> None:
    assert meets(sentence, form, root)


@pytest.mark.parametrize(
    ("word", "other"),
    [("аралык", "ар"), ("аял", "ая"), ("бала", "бал"), ("жаза", "жаз"), ("кары", "кар")],
)
def test_short_words_are_not_cut_into_other_words(word: str, other: str) -> None:
    assert not meets(f"Бул {word} жөнүндө.", word, other)


def test_short_kyrgyz_words_in_a_kyrgyz_sentence_are_kyrgyz() -> None:
    tokens = analyze("Мугалим балага китеп берди. Ал абадан кирет.")
    assert [t.lang for t in tokens] == ["ky"] * len(tokens)
    # "берди" is Kyrgyz "gave" here, not a Russian stem "берд".
    assert {t.term for t in tokens if t.text == "берди"} == {t.term for t in analyze("Ал бер деди.") if t.text == "бер"}


def test_a_query_of_one_undecided_word_is_searched_both_ways() -> None:
    kinds = {lang for lang, _, _ in query_analyses("бер", None)}
    assert kinds == {"ky", "ru"}
    assert {lang for lang, _, _ in query_analyses("бер", "ky")} == {"ky"}  # a Kyrgyz query decides


@pytest.mark.parametrize(
    "form",
    ["Касымов", "Касымова", "Касымовдун", "Касымовой", "Касымовым", "Касымовго", "Касымованын", "Касымову"],
)
def test_a_surnames_forms_share_one_base(form: str) -> None:
    assert surname_base(form.lower()) == "касымов"


def test_patronymics_and_kyrgyz_words_are_not_surnames() -> None:
    assert surname_base("бакытовна") == surname_base("бакытовичтин") == "бакытович"
    for word in ("кылмышын", "жеринин", "иштин", "соттун"):
        assert surname_base(word) is None, word


SURNAME_DOCS = [
    IndexedDocument("m-nom", "Решение", "a.pdf", "Истец Касымов обратился в суд с иском о взыскании долга.", "ru"),
    IndexedDocument("f-gen", "Решение", "b.pdf", "Суд взыскал в пользу Касымовой Айгуль сумму долга.", "ru"),
    IndexedDocument("ky-gen", "Чечим", "c.pdf", "Сот Касымовдун арызын карап, доону канааттандырды.", "ky"),
    IndexedDocument("f-ky", "Чечим", "d.pdf", "Сот Касымованын арызын канааттандырды.", "ky"),
    IndexedDocument("usenova", "Определение", "e.pdf", "Жалоба Усеновой оставлена без удовлетворения.", "ru"),
    IndexedDocument("other", "Решение", "f.pdf", "Истец Касым уулу Бакыт просил отсрочку.", "ru"),
]


@pytest.fixture(scope="module", params=SEARCH_BACKENDS)
def surnames(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> SearchBackend:
    backend = open_search_backend(request.param, Path(tmp_path_factory.mktemp("surnames")))
    backend.index(SURNAME_DOCS)
    return backend


def test_surnames_meet_across_gender_and_case_on_both_engines(surnames: SearchBackend) -> None:
    found = [h.id for h in surnames.search("Касымов", limit=10).hits]
    assert set(found) == {"m-nom", "f-gen", "ky-gen", "f-ky"}
    assert found[0] == "m-nom"  # the exact form first
    assert [h.id for h in surnames.search("Касымовой", limit=10).hits][0] == "f-gen"
    assert {h.id for h in surnames.search("касымов", limit=10).hits} >= {"m-nom", "f-gen", "ky-gen", "f-ky"}
    assert {h.id for h in surnames.search("Усенов", limit=10).hits} == {"usenova"}
    assert {h.id for h in surnames.search("Касымовдун", limit=10).hits} == {"m-nom", "f-gen", "ky-gen", "f-ky"}
