"""The whole public face, swept for personal data: after ingesting acts
with known private people in them (one published, one still waiting for
review), no public page, API answer, snippet, feed, sitemap, open-data
export or PDF holds any of it, and searching for a private person finds
nothing. Then the API against its own OpenAPI description (schemathesis):
no server error, whatever the input."""

from __future__ import annotations

import json
import os
import subprocess
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from search_api.app import create_app
from sotarchive.sample_archive.render import write_text_pdf
from sotarchive.settings import load_config
from tests.conftest import cli_json, ingest_inline, run_cli
from tests.test_publication import DECISION, PRIVATE

PENDING = (
    "РЕШЕНИЕ\nНарынский областной суд рассмотрел гражданское дело по иску Жээнбековой Динары Талантовны "
    "к Сулайманкулову Бекболоту о разделе имущества. Истица проживает по ул. Ленина, д. 4, кв. 2, "
    "тел. 0555 987 654. Судья Калиев Н.А.\n"
)
PENDING_PRIVATE = ["Жээнбеков", "Динар", "Сулайманкулов", "Бекболот", "987 654", "Ленина, д. 4"]


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    folder = tmp_path_factory.mktemp("public-face")
    data = folder / "data"
    published, pending = folder / "Асанова против Мамытова.pdf", folder / "Жээнбекова.pdf"
    write_text_pdf("\n".join(textwrap.wrap(DECISION, 70)), published)
    write_text_pdf("\n".join(textwrap.wrap(PENDING, 70)), pending)
    ingest_inline(data, published, pending)
    ids = {h["source"]: h["id"] for h in cli_json(data, "search", "суд", "--json")["hits"]}
    published_id, pending_id = ids[published.name], ids[pending.name]
    cli_json(data, "publish", published_id, "--approve", "--json", check=True)
    return data, published_id, pending_id


@pytest.fixture(scope="module")
def app(data: tuple[Path, str, str]) -> Flask:
    # Hundreds of requests in a few seconds, all from one client: no limit here
    # (test_web.py tests the limit itself).
    before = os.environ.get("SOTARCHIVE_PUBLIC_RATE_LIMIT")
    os.environ["SOTARCHIVE_PUBLIC_RATE_LIMIT"] = "off"
    try:
        app = create_app(load_config(str(data[0])))
    finally:
        if before is None:
            del os.environ["SOTARCHIVE_PUBLIC_RATE_LIMIT"]
        else:
            os.environ["SOTARCHIVE_PUBLIC_RATE_LIMIT"] = before
    app.testing = True
    return app


@pytest.fixture
def public(app: Flask) -> FlaskClient:
    return app.test_client()


def _pdf_text(body: bytes, tmp_path: Path) -> str:
    path = tmp_path / "public.pdf"
    path.write_bytes(body)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_no_personal_data_anywhere_on_the_public_face(public: FlaskClient, data: tuple[Path, str, str],
                                                      tmp_path: Path) -> None:
    folder, published_id, pending_id = data
    seen: dict[str, str] = {}
    for path in ("/", "/?q=расписке", "/?q=долг&lang=ru", f"/decisions/{published_id}", "/api/v1/search?q=долг",
                 "/api/v1/search?q=суд&limit=50", f"/api/v1/public/documents/{published_id}", "/api/v1/feed.json",
                 "/feed.atom", "/sitemap.xml", "/api/v1/openapi.json"):
        response = public.get(path)
        assert response.status_code == 200, path
        seen[path] = response.get_data(as_text=True)
    seen["pdf"] = _pdf_text(public.get(f"/decisions/{published_id}.pdf").data, tmp_path)
    run_cli(folder, "open-data", str(tmp_path / "open-data"), check=True)
    for name in ("decisions.jsonl", "manifest.json", "SHA256SUMS"):
        seen[name] = (tmp_path / "open-data" / name).read_text("utf-8")

    everything = "\n".join(seen.values())
    for value in PRIVATE + PENDING_PRIVATE:
        leaks = [where for where, body in seen.items() if value in body]
        assert not leaks, f"{value!r} is public in {leaks}"
    assert pending_id not in everything  # nothing at all of the unpublished act
    assert published_id in seen["/sitemap.xml"] and published_id in seen["decisions.jsonl"]
    assert "Смирнов" in seen[f"/decisions/{published_id}"]  # the judge stays named
    for name in ("Асанова", "Мамытову", "Жээнбековой", "Сулайманкулов"):
        assert public.get("/api/v1/search", query_string={"q": name}).get_json()["total"] == 0, name
    assert public.get(f"/decisions/{pending_id}").status_code == 404
    assert public.get(f"/api/v1/public/documents/{pending_id}").status_code == 404


def test_the_open_data_export_checks_out(data: tuple[Path, str, str], tmp_path: Path) -> None:
    import hashlib

    folder, published_id, _ = data
    run_cli(folder, "open-data", str(tmp_path / "export"), check=True)
    out = tmp_path / "export"
    for line in (out / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split("  ")
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert manifest["decisions"] == 1
    (record,) = [json.loads(line) for line in (out / "decisions.jsonl").read_text("utf-8").splitlines()]
    assert record["id"] == published_id and record["court"] == "Токмокский городской суд"
    assert record["url"].endswith(f"/decisions/{published_id}") and "[ТЕЛЕФОН]" in record["pages"][0]
    again = run_cli(folder, "open-data", str(out))
    assert again.returncode != 0 and "exists already" in again.stderr


def test_the_feed_tells_of_publication_and_withdrawal(public: FlaskClient, data: tuple[Path, str, str]) -> None:
    folder, published_id, _ = data
    first = public.get("/api/v1/feed.json").get_json()
    (item,) = [i for i in first["items"] if i["id"] == published_id]
    assert item["action"] == "published" and item["url"].endswith(f"/decisions/{published_id}") and item["title"]
    run_cli(folder, "withdraw", published_id, "--reason", "test", check=True)
    try:
        later = public.get("/api/v1/feed.json", query_string={"after": item["event"]}).get_json()
        assert [(i["id"], i["action"], i["title"], i["url"]) for i in later["items"]] == [(published_id, "withdrawn", None, None)]
        replay = public.get("/api/v1/feed.json").get_json()["items"]
        assert all(i["title"] is None for i in replay if i["id"] == published_id)  # withdrawn: no title left anywhere
        atom = ET.fromstring(public.get("/feed.atom").data)
        categories = [c.get("term") for c in atom.iter("{http://www.w3.org/2005/Atom}category")]
        assert categories == ["published", "withdrawn"]
        assert published_id not in public.get("/sitemap.xml").get_data(as_text=True)
        paged = public.get("/api/v1/feed.json", query_string={"limit": 1}).get_json()
        assert len(paged["items"]) == 1 and "after=" in paged["next"]
    finally:
        cli_json(folder, "publish", published_id, "--approve", "--json", check=True)


def test_the_api_holds_to_its_openapi_description(app: Flask) -> None:
    """schemathesis generates requests from /api/v1/openapi.json and checks
    every answer: never a server error, and each one as the document says
    (status, content type, body). One check is left out: a query that is a
    valid string may still be no valid query ("\U000f4d5d" has nothing to
    search for), and is then rightly a 400 with its reason."""
    import schemathesis
    from hypothesis import HealthCheck, settings
    from schemathesis.specs.openapi.checks import positive_data_acceptance

    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    failures, operations = [], 0
    for operation in schema.get_all_operations():
        operations += 1
        strategy = operation.ok().as_strategy()

        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        @given_case(strategy)
        def check(case) -> None:  # type: ignore[no-untyped-def]
            response = case.call()
            assert response.status_code < 500, (case.path, case.query, response.status_code)
            case.validate_response(response, excluded_checks=[positive_data_acceptance])

        try:
            check()
        except AssertionError as exc:  # collected, so every operation is tried
            failures.append(f"{operation.ok().label}: {exc}")
    assert operations == 6  # every endpoint the document describes was tried
    assert not failures, "\n".join(failures)


def given_case(strategy):  # type: ignore[no-untyped-def]
    from hypothesis import given

    return given(case=strategy)


def test_the_public_html_pages_answer_any_input_without_a_server_error(app: Flask, data: tuple[Path, str, str]) -> None:
    """The HTML face, which no OpenAPI document describes, fuzzed the same
    way (hypothesis): any query, page, sort, years, language and decision
    id gives a page, a 400 with its reason or a 404; never a 500, and never
    the pending decision's private people."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    _, published_id, pending_id = data
    client = app.test_client()
    words = st.one_of(st.text(max_size=40), st.sampled_from(["суд", "Асанова", '"раздел имущества"', "((", "-", "OR"]))
    params = st.fixed_dictionaries({}, optional={
        "q": words, "offset": st.one_of(st.integers(-10, 10**12).map(str), st.text(max_size=5)),
        "sort": st.sampled_from(["relevance", "newest", "oldest", "x", ""]), "from": st.text(max_size=6),
        "to": st.integers(-5, 99999).map(str), "lang": st.sampled_from(["ky", "ru", "en", "zz", ""]),
        "after": st.text(max_size=25)})
    ids = st.one_of(st.just(published_id), st.just(pending_id), st.text(alphabet="0123456789abcdef", max_size=20))

    @settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(params, ids, st.integers(-3, 5))
    def check(query: dict[str, str], document_id: str, page: int) -> None:
        for path in ("/", "/feed.atom", "/sitemap.xml", f"/decisions/{document_id}", f"/decisions/{document_id}.pdf",
                     f"/decisions/{document_id}/pages/{page}/image"):
            response = client.get(path, query_string=query)
            assert response.status_code < 500, (path, query, response.status_code)
            if response.status_code == 200 and response.mimetype.startswith("text/"):
                body = response.get_data(as_text=True)
                assert not any(secret in body for secret in PENDING_PRIVATE), (path, query)

    check()


def test_the_api_followed_along_its_links_statefully(app: Flask, data: tuple[Path, str, str]) -> None:
    """schemathesis's stateful run: sequences of calls that follow the
    OpenAPI links (a search's first hit, the feed's first item, to the
    decision and its PDF), every answer as the document says, and the
    pending decision's people in none of them."""
    import schemathesis
    from hypothesis import HealthCheck, settings
    from schemathesis.specs.openapi.checks import positive_data_acceptance

    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    machine = schema.as_state_machine()
    followed: list[str] = []

    class Checked(machine):  # type: ignore[misc, valid-type]
        def validate_response(self, response, case, **kwargs):  # type: ignore[no-untyped-def]
            assert response.status_code < 500, (case.path, case.query, response.status_code)
            followed.append(case.operation.label)
            body = response.content.decode("utf-8", "replace")  # a PDF is bytes
            assert not any(secret in body for secret in PENDING_PRIVATE), case.path
            case.validate_response(response, excluded_checks=[positive_data_acceptance])

    Checked.run(settings=settings(max_examples=40, stateful_step_count=4, deadline=None,
                                  suppress_health_check=list(HealthCheck), database=None))
    assert any("{document_id}" in label for label in followed), followed
