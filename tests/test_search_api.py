"""The Flask app over a data directory that holds the processed sample
archive: the staff API and pages with a judge's token, the public face
holding nothing unpublished."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from search_api.app import create_app
from sotarchive.settings import load_config
from tests.conftest import add_staff


@pytest.fixture(scope="module")
def app(ingested_samples: Path):  # type: ignore[no-untyped-def]
    app = create_app(load_config(str(ingested_samples)))
    app.testing = True
    return app


@pytest.fixture(scope="module")
def client(app, ingested_samples: Path) -> FlaskClient:  # type: ignore[no-untyped-def]
    """A judge's client: every request carries the judge's API token."""
    client = app.test_client()
    client.environ_base["HTTP_AUTHORIZATION"] = "Bearer " + add_staff(ingested_samples, "api-judge", "judge")
    return client


@pytest.fixture
def anonymous(app) -> FlaskClient:  # type: ignore[no-untyped-def]
    return app.test_client()


def _first_hit(client: FlaskClient, query: str) -> dict:
    response = client.get("/api/v1/search", query_string={"q": query, "scope": "internal"})
    assert response.status_code == 200
    return response.get_json()["hits"][0]


def test_search_api(client: FlaskClient) -> None:
    response = client.get("/api/v1/search", query_string={"q": "медной проволоки", "limit": 5, "scope": "internal"})
    body = response.get_json()
    assert response.status_code == 200
    assert body["total"] == 1 and body["limit"] == 5
    hit = body["hits"][0]
    assert hit["source"] == "1967 Приговор нарсуд Фрунзе.pdf"
    assert "<mark>медной</mark>" in hit["snippet"]
    assert hit["url"].endswith(f"/api/v1/documents/{hit['id']}")
    assert response.headers["Cache-Control"] == "private, no-store"


def test_the_staff_api_refuses_anonymous_callers_and_bad_tokens(anonymous: FlaskClient, client: FlaskClient) -> None:
    doc_id = _first_hit(client, "медной проволоки")["id"]
    for path in ("/api/v1/search?q=сот&scope=internal", f"/api/v1/documents/{doc_id}",
                 f"/api/v1/documents/{doc_id}/similar"):
        response = anonymous.get(path)
        assert response.status_code == 401, path
        assert "staff" in response.get_json()["message"]
        forged = anonymous.get(path, headers={"Authorization": "Bearer sa_not-a-token"})
        assert forged.status_code == 401 and "unknown" in forged.get_json()["message"]


def test_the_public_api_holds_nothing_unpublished(anonymous: FlaskClient, client: FlaskClient) -> None:
    response = anonymous.get("/api/v1/search", query_string={"q": "медной проволоки"})  # scope=public by default
    assert response.status_code == 200 and response.get_json()["total"] == 0
    assert response.headers["Cache-Control"].startswith("public")
    doc_id = _first_hit(client, "медной проволоки")["id"]
    assert anonymous.get(f"/api/v1/public/documents/{doc_id}").status_code == 404
    assert anonymous.get(f"/decisions/{doc_id}").status_code == 404


@pytest.mark.parametrize(
    "query, message",
    [
        ({}, "q parameter is required"),
        ({"q": "сот", "limit": "many"}, "limit must be a whole number"),
        ({"q": "сот", "limit": "1000"}, "limit must be between 1 and 100"),
        ({"q": "...", "limit": "5"}, "no letters or digits to search for"),
        ({"q": "сот", "scope": "secret"}, "scope must be"),
        ({"q": "сот", "facets": "yes"}, "facets must be 0 or 1"),  # the schema's enum: once answered 200
        # Hostile queries: answered at once with a reason, never a 500 or a long wait.
        ({"q": "(" * 20 + "сот" + ")" * 20}, "nested too deep"),
        ({"q": "(" * 250 + "сот" + ")" * 250}, "too many words"),  # once Python's recursion limit: a 500
        ({"q": "сот " * 2500}, "too long"),
        ({"q": "сот " * 150}, "too many words"),
    ],
)
def test_bad_requests_get_json_errors(client: FlaskClient, query: dict, message: str) -> None:
    response = client.get("/api/v1/search", query_string=query)
    assert response.status_code == 400
    assert message in response.get_json()["message"]


def test_a_refused_query_is_explained_in_the_callers_language(client: FlaskClient) -> None:
    deep = {"q": "(" * 20 + "сот" + ")" * 20}
    ru = client.get("/api/v1/search", query_string=deep, headers={"Accept-Language": "ru"}).get_json()["message"]
    assert ru == "Запрос не понят: скобки вложены слишком глубоко: не больше 16 уровней"
    ky = client.get("/api/v1/search", query_string={**deep, "lang": "ky"}).get_json()["message"]
    assert "кашаалар өтө терең" in ky and "16" in ky
    page = client.get("/", query_string={"q": "сот " * 150, "lang": "ky"}).get_data(as_text=True)
    assert "суроодо сөз өтө көп: эң көп 100, бул суроодо 150" in page


def test_every_reason_a_query_is_refused_is_said_in_kyrgyz_and_russian() -> None:
    """Each QueryError code the parser and the backends raise has its text."""
    import re as _re
    from pathlib import Path as _Path

    from search_api.i18n import QUERY_ERRORS

    source = "".join(p.read_text("utf-8") for p in (_Path(__file__).parent.parent / "indexing").glob("*.py"))
    codes = set(_re.findall(r'QueryError\((?:[^()]|\([^()]*\))*?,\s*"([a-z_]+)"', source, _re.S))
    assert len(codes) >= 25 and codes <= set(QUERY_ERRORS), codes - set(QUERY_ERRORS)
    # Each text is in the catalogues with the same placeholders: tests/test_translations.py.


def test_document_api_with_pages_and_links(client: FlaskClient) -> None:
    hit = _first_hit(client, "медной проволоки")
    body = client.get(f"/api/v1/documents/{hit['id']}").get_json()
    assert body["page_count"] == 2 and len(body["pages"]) == 2
    assert body["status"] == "done" and body["kind"] == "pdf"
    assert "проволоки" in body["pages"][0]["text"]
    assert body["pages"][0]["confidence"] > 60
    assert body["pages"][0]["quality"] > 60 and body["pages"][0]["blank"] is False
    assert "flatten" in body["pages"][0]["preparation"]
    image = client.get(body["pages"][0]["image_url"])
    assert image.status_code == 200 and image.mimetype == "image/jpeg"
    assert image.data[:3] == b"\xff\xd8\xff"


def test_searchable_pdf_download(client: FlaskClient, tmp_path: Path) -> None:
    hit = _first_hit(client, "медной проволоки")
    body = client.get(f"/api/v1/documents/{hit['id']}").get_json()
    response = client.get(body["pdf_url"])
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    path = tmp_path / "doc.pdf"
    path.write_bytes(response.data)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "проволоки" in text
    pages = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+2$", pages, re.M), pages


def test_born_digital_pages_keep_their_text_layer_and_are_not_ocrd(client: FlaskClient) -> None:
    hit = _first_hit(client, "кассационной жалобы")
    (page,) = client.get(f"/api/v1/documents/{hit['id']}").get_json()["pages"]
    assert page["text_source"] == "text_layer"
    assert page["confidence"] is None and page["preparation"] is None
    assert "Асанбековой" in page["text"]


def test_unknown_document_is_a_json_404(client: FlaskClient) -> None:
    response = client.get("/api/v1/documents/nope")
    assert response.status_code == 404
    assert "no document" in response.get_json()["message"]


def test_html_search_and_document_pages(client: FlaskClient) -> None:
    page = client.get("/staff/", query_string={"q": "мамлекеттик алым", "lang": "ky"}).get_data(as_text=True)
    assert "1 чечим табылды" in page and "<mark>" in page
    assert "2019_Ленин_райондук_сот_чечим.tif" in page
    ru = client.get("/staff/", query_string={"q": "приговор", "lang": "ru"}).get_data(as_text=True)
    assert "Найдено" in ru
    hit = _first_hit(client, "мамлекеттик алым")
    document = client.get(f"/staff/documents/{hit['id']}").get_data(as_text=True)
    assert "Жумабеков" in document and "/pages/1/image" in document and "/pdf" in document


def test_the_public_search_page_shows_no_unpublished_decision(anonymous: FlaskClient) -> None:
    page = anonymous.get("/", query_string={"q": "мамлекеттик алым", "lang": "ky"}).get_data(as_text=True)
    assert "0 чечим табылды" in page and "Жумабеков" not in page and ".tif" not in page


def test_search_api_facets_sort_and_similar(client: FlaskClient) -> None:
    body = client.get("/api/v1/search", query_string={"q": "суд OR сот", "sort": "date", "scope": "internal"}).get_json()
    assert body["sort"] == "date" and body["total"] >= 3
    langs = {f["value"]: f["count"] for f in body["facets"]["lang"]}
    assert sum(langs.values()) == body["total"] and {"ky", "ru"} <= set(langs)
    assert client.get("/api/v1/search", query_string={"q": "сот", "sort": "size"}).status_code == 400
    first = body["hits"][0]["id"]
    similar = [h["id"] for h in client.get(f"/api/v1/documents/{first}/similar").get_json()["hits"]]
    assert similar and first not in similar and len(set(similar)) == len(similar)  # others, each once
    assert client.get("/api/v1/documents/nope/similar").status_code == 404


def test_html_search_shows_facets_and_a_query_error_in_the_page(client: FlaskClient) -> None:
    page = client.get("/staff/", query_string={"q": "суд OR сот", "lang": "ru"}).get_data(as_text=True)
    assert "Язык" in page and "lang%3Aky" in page  # a facet link adds lang:ky to the query
    broken = client.get("/staff/", query_string={"q": '"сот системасы', "lang": "ru"})
    assert broken.status_code == 200
    text = broken.get_data(as_text=True)
    assert "Запрос не понят" in text and "кавычка не закрыта" in text  # the reason too, in the page's language
    assert 'value="&#34;сот системасы"' in text  # the query is kept for correcting


def test_the_atom_feed_refuses_a_number_past_the_database_integers(anonymous: FlaskClient) -> None:
    response = anonymous.get("/feed.atom", query_string={"after": "99999999999999999999999"})
    assert response.status_code == 400
    assert anonymous.get("/feed.atom", query_string={"after": "-5"}).status_code == 400
    assert anonymous.get("/feed.atom").status_code == 200
