"""Metadata read from acts in both languages and eras, and put to use:
the court, year, type and articles of an ingested act are its facets."""

from __future__ import annotations

from pathlib import Path

import pytest

from metadata import extract
from sotarchive.sample_archive.render import write_text_pdf
from tests.conftest import cli_json, ingest_inline

SOVIET = """ПРИГОВОР ИМЕНЕМ КИРГИЗСКОЙ ССР
12 мая 1967 года народный суд Ленинского района города Фрунзе в составе
председательствующего судьи Смирнова В.И. рассмотрел уголовное дело № 1-234/1967
по обвинению по ч. 2 ст. 97 УК Киргизской ССР. Ф. 1, оп. 3, д. 45, л. 12"""
KYRGYZ = """ӨКҮМ
Бишкек шаарынын Ленин райондук соту, төрагалык кылуучу судья Бейшеналиев А.Т.,
2019-жылдын 14-майында, Иш № 05-354/19-УД, Кылмыш-жаза кодексинин 130-беренесинин
2-бөлүгү боюнча айыпталуучунун ишин карады."""
CIVIL = """РЕШЕНИЕ
Каракольский городской суд 03.02.2021 рассмотрел гражданское дело № ГД-118/21 по иску
о взыскании долга на основании статьи 299 ГК и статьи 405 ГК."""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (SOVIET, {"court": "Ленинский районный суд города Бишкек", "case_number": "1-234/1967", "date": "1967-05-12",
                  "case_type": "criminal", "judges": ["Смирнов В.И."],
                  "articles": [{"code": "УК", "article": "97", "part": "2"}], "archive_ref": "Ф. 1, оп. 3, д. 45, л. 12"}),
        (KYRGYZ, {"court": "Ленинский районный суд города Бишкек", "case_number": "05-354/19-УД", "date": "2019-05-14",
                  "case_type": "criminal", "judges": ["Бейшеналиев А.Т."],
                  "articles": [{"code": "УК", "article": "130", "part": "2"}], "archive_ref": None}),
        (CIVIL, {"court": "Каракольский городской суд", "case_number": "ГД-118/21", "date": "2021-02-03",
                 "case_type": "civil", "judges": [],
                 "articles": [{"code": "ГК", "article": "299", "part": None}, {"code": "ГК", "article": "405", "part": None}],
                 "archive_ref": None}),
    ],
)
def test_fields_in_both_languages_and_eras(text: str, expected: dict) -> None:
    found = extract(text).as_json()
    assert {key: found[key] for key in expected} == expected
    assert set(found["confidence"]) == {key for key, value in found.items() if value and key != "confidence"}
    assert all(0.5 <= value <= 1 for value in found["confidence"].values())


def test_nothing_said_nothing_found() -> None:
    assert extract("Текст без реквизитов.").as_json() == {
        "court": None, "case_number": None, "date": None, "case_type": None, "judges": [], "articles": [], "archive_ref": None,
        "instance": None, "result": None, "confidence": {}, "act_kind": None, "other_numbers": [],
        "lower_case_numbers": [], "composition": {}, "lower_acts": [], "parties": [],
    }


@pytest.mark.parametrize(
    ("text", "instance", "result"),
    [
        ("Бишкекский городской суд, рассмотрев в апелляционном порядке уголовное дело по апелляционной жалобе "
         "осужденного, ОПРЕДЕЛИЛ: приговор оставить без изменения, апелляционную жалобу без удовлетворения.",
         "appeal", "upheld"),
        ("Верховный суд Кыргызской Республики, рассмотрев кассационную жалобу, ПОСТАНОВИЛ: решение отменить, "
         "дело направить на новое рассмотрение.", "cassation", "overturned"),
        ("Токмокский городской суд рассмотрел гражданское дело по иску о взыскании долга. РЕШИЛ: в удовлетворении "
         "иска отказать. Решение может быть обжаловано в апелляционном порядке.", "first", "dismissed"),
        ("Народный суд города Ош ПРИГОВОРИЛ: признать виновным по ч. 2 ст. 97 УК.", "first", "convicted"),
        ("Бишкек шаарынын Ленин райондук соту жарандык ишти карап, ЧЕЧТИ: доогердин доосу канааттандырылсын. "
         "Чечимге апелляциялык тартипте даттанууга болот.", "first", "granted"),
        ("Ош облустук соту апелляциялык арызды карап, АНЫКТАДЫ: райондук соттун чечими өзгөртүүсүз калтырылсын.",
         "appeal", "upheld"),
    ],
)
def test_instance_and_result(text: str, instance: str, result: str) -> None:
    found = extract(text)
    assert (found.instance, found.result) == (instance, result)


def test_latin_look_alikes_from_ocr_do_not_hide_the_court() -> None:
    assert extract("Фрунзeнский гoрoдской суд, дело № 2-45/1969").court == "Бишкекский городской суд"


def test_the_extract_command_and_the_facets_of_an_ingested_act(tmp_path: Path) -> None:
    source = tmp_path / "1967.pdf"
    write_text_pdf(SOVIET, source)
    found = cli_json(tmp_path, "extract", str(source), "--json", check=True)
    assert found["court"] == "Ленинский районный суд города Бишкек" and found["date"] == "1967-05-12"
    data = tmp_path / "data"
    ingest_inline(data, source)
    hits = cli_json(data, "search", 'year:1960..1970 type:criminal article:"УК 97" court:Бишкек', "--json")["hits"]
    assert len(hits) == 1 and hits[0]["date"] == "1967-05-12"
