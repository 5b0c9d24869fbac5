"""Two decisions of one court, of one kind, published: the public search
page, the API, the feed and the public PDF title each by its own date and
case number, not by the "ПОСТАНОВЛЕНИЕ" both open with; a Kyrgyz act is
titled in Kyrgyz. A Supreme Court act that names the city court's case
number is linked to that court's act on the staff page, both ways: the
start of an appeal chain. Real ingestion, anonymisation, publication and
search."""

from __future__ import annotations

import html
import io
import re
import textwrap
from pathlib import Path

import pikepdf
import pytest
from flask import Flask

from search_api.app import create_app
from sotarchive.sample_archive.render import write_text_pdf
from sotarchive.settings import load_config
from tests.conftest import add_staff, cli_json, ingest_inline, log_in

RESOLUTION = """{lower}{number}
ПОСТАНОВЛЕНИЕ
ВЕРХОВНОГО СУДА КЫРГЫЗСКОЙ РЕСПУБЛИКИ
{day} 2026 года г. Бишкек
Судебная коллегия по административным делам Верховного суда Кыргызской Республики в составе
председательствующего Абдыкеримовой Д.С., судей: Осмоналиева Н.К., Жумабаевой Ж.М.,
рассмотрев в открытом судебном заседании жалобу общества с ограниченной ответственностью «Бирлик»
на решение Бишкекского межрайонного суда, постановила: жалобу оставить без удовлетворения.
"""
TOKTOM = """№ ВСИ604-0203/26 УД
КЫРГЫЗ РЕСПУБЛИКАСЫНЫН ЖОГОРКУ СОТУНУН
ТОКТОМУ
2026-жылдын 9-февралы Бишкек шаары
Кыргыз Республикасынын Жогорку Сотунун жазык иштери боюнча Соттук коллегиясы курамында:
төрагалык кылган Токтосунов А.И., судьялар: Бакиров Б., Абдыраимов Ж.Т., көзөмөл арызын карап,
токтом кылды: арыз канааттандырылбасын.
"""
CITY = """Дело № ГД-15940/24Б3
РЕШЕНИЕ ИМЕНЕМ КЫРГЫЗСКОЙ РЕСПУБЛИКИ
3 декабря 2025 года г. Бишкек
Бишкекский городской суд в составе председательствующего судьи Сапарова Н.К. рассмотрел дело по заявлению
общества с ограниченной ответственностью «Бирлик», решил: в удовлетворении заявления отказать.
"""
TITLES = {
    "a.pdf": "Постановление Верховного суда КР от 11 марта 2026 г. по делу № 05-354/26-ГД",
    "b.pdf": "Постановление Верховного суда КР от 12 марта 2026 г. по делу № 05-360/26-ГД",
    "c.pdf": "Кыргыз Республикасынын Жогорку сотунун 2026-жылдын 9-февралындагы № ВСИ604-0203/26-УД токтому",
    "d.pdf": "Решение Бишкекского городского суда от 3 декабря 2025 г. по делу № ГД-15940/24Б3",
}


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    folder = tmp_path_factory.mktemp("titles")
    data = folder / "data"
    texts = {"a.pdf": RESOLUTION.format(lower="Дело № ГД-15940/24Б3\n", number="К/п №05-354/26 ГД", day="11 марта"),
             "b.pdf": RESOLUTION.format(lower="", number="К/п №05-360/26 ГД", day="12 марта"), "c.pdf": TOKTOM,
             "d.pdf": CITY}
    for name, text in texts.items():
        write_text_pdf("\n".join(line for part in text.splitlines() for line in textwrap.wrap(part, 90)), folder / name)
    ingest_inline(data, *(folder / name for name in texts))
    ids = {h["source"]: h["id"] for h in cli_json(data, "search", "суд", "--json", "--limit", "10")["hits"]}
    assert set(ids) == set(texts)
    cli_json(data, "publish", *ids.values(), "--approve", "--json", check=True)
    return data, ids


@pytest.fixture(scope="module")
def app(published: tuple[Path, dict[str, str]]) -> Flask:
    app = create_app(load_config(str(published[0])))
    app.testing = True
    return app


def test_staff_search_titles_each_act_by_its_court_date_and_number(published: tuple[Path, dict[str, str]]) -> None:
    data, ids = published
    hits = cli_json(data, "search", "суд", "--json", "--limit", "10")["hits"]
    assert {h["source"]: h["title"] for h in hits} == TITLES


def test_public_search_page_and_api_show_the_titles(app: Flask, published: tuple[Path, dict[str, str]]) -> None:
    _, ids = published
    public = app.test_client()
    api = public.get("/api/v1/search", query_string={"q": "суд", "limit": 10}).get_json()
    titles = {h["id"]: h["title"] for h in api["hits"]}
    assert titles == {ids[name]: title for name, title in TITLES.items()}
    assert len(set(titles.values())) == len(titles)
    assert titles[ids["a.pdf"]] != titles[ids["b.pdf"]]  # one court, one kind of act: still two titles
    page = html.unescape(public.get("/", query_string={"q": "постановление"}).get_data(as_text=True))
    assert TITLES["a.pdf"] in page and TITLES["b.pdf"] in page
    feed = public.get("/api/v1/feed.json", query_string={"limit": 10}).get_json()
    assert {i["title"] for i in feed["items"]} == set(TITLES.values())
    document = public.get(f"/api/v1/public/documents/{ids['c.pdf']}").get_json()
    assert document["title"] == TITLES["c.pdf"]
    pdf = pikepdf.open(io.BytesIO(public.get(f"/decisions/{ids['b.pdf']}.pdf").data))
    assert str(pdf.docinfo["/Title"]) == TITLES["b.pdf"]


def test_the_staff_page_links_an_act_to_the_lower_courts_act_it_reviewed(
        app: Flask, published: tuple[Path, dict[str, str]]) -> None:
    data, ids = published
    add_staff(data, "clerk", "judge")
    staff = app.test_client()
    log_in(staff, "clerk")
    supreme = html.unescape(staff.get(f"/staff/documents/{ids['a.pdf']}").get_data(as_text=True))
    city = html.unescape(staff.get(f"/staff/documents/{ids['d.pdf']}").get_data(as_text=True))
    other = html.unescape(staff.get(f"/staff/documents/{ids['b.pdf']}").get_data(as_text=True))
    linked = re.compile(r'<ul id="linked-acts">(.*?)</ul>', re.S)
    assert TITLES["d.pdf"] in linked.search(supreme).group(1)  # the act it reviewed
    assert TITLES["a.pdf"] in linked.search(city).group(1)  # a review of this act
    assert not linked.search(other)  # no number shared, no link
    assert "Абдыкеримова Д.С." in supreme and "ГД-15940/24Б3" in supreme  # the composition, nominative; the lower number
