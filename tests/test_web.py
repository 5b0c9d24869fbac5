"""The web app's two faces over real data: staff pages behind logins and
roles, the reviewer's page, the audit trail, and a public face that shows
published decisions only and no personal data in any of them."""

from __future__ import annotations

import io
import json
import re
import textwrap
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from search_api.app import create_app
from sotarchive.sample_archive.render import write_text_pdf
from sotarchive.settings import load_config
from tests.conftest import STAFF_PASSWORD, add_staff, catalog_rows, cli_json, ingest_inline, log_in, run_cli
from tests.test_publication import DECISION, PRIVATE

NICKNAME = "Соседка по прозвищу «чалкан» подтвердила это."


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One decision anonymised and waiting for review, and the staff."""
    folder = tmp_path_factory.mktemp("web")
    data = folder / "data"
    source = folder / "Асанова против Мамытова.pdf"
    write_text_pdf("\n".join(textwrap.wrap(DECISION + " " + NICKNAME, 70)), source)
    ingest_inline(data, source)
    for name, role in (("judge", "judge"), ("reviewer", "reviewer"), ("admin", "admin"), ("operator", "operator")):
        add_staff(data, name, role)
    return data


@pytest.fixture(scope="module")
def app(data: Path) -> Flask:
    app = create_app(load_config(str(data)))
    app.testing = True
    return app


@pytest.fixture(scope="module")
def doc_id(data: Path) -> str:
    return cli_json(data, "search", "расписке", "--json")["hits"][0]["id"]


def _csrf(client: FlaskClient, path: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).get_data(as_text=True)).group(1)


def _state(data: Path, doc_id: str) -> str:
    return catalog_rows(data, "SELECT publication FROM documents WHERE id = :id", id=doc_id)[0][0]


def test_staff_pages_refuse_anonymous_visitors_and_the_wrong_roles(app: Flask, doc_id: str) -> None:
    anonymous = app.test_client()
    for path in ("/staff/", f"/staff/documents/{doc_id}", "/staff/review/", "/staff/audit", f"/staff/review/{doc_id}"):
        response = anonymous.get(path)
        assert response.status_code == 302 and response.headers["Location"].startswith("/login?next="), path
    assert anonymous.post(f"/staff/review/{doc_id}/approve").status_code in (302, 400)

    judge = app.test_client()
    assert log_in(judge, "judge").status_code == 302
    assert judge.get("/staff/?q=расписке").status_code == 200
    assert judge.get("/staff/review/").status_code == 403
    assert judge.get("/staff/audit").status_code == 403
    operator = app.test_client()
    log_in(operator, "operator")
    assert operator.get(f"/staff/review/{doc_id}").status_code == 403
    token = _csrf(judge, "/staff/")
    refused = judge.post(f"/staff/review/{doc_id}/approve", data={"csrf_token": token})
    assert refused.status_code == 403
    assert refused.headers["Cache-Control"] == "private, no-store"


def test_forms_need_the_csrf_token(app: Flask, doc_id: str) -> None:
    reviewer = app.test_client()
    log_in(reviewer, "reviewer")
    response = reviewer.post(f"/staff/review/{doc_id}/approve")
    assert response.status_code == 400 and "CSRF" in response.get_data(as_text=True)
    assert "Барагды кайра жүктөп" in response.get_data(as_text=True)  # said in the visitor's language
    bare = app.test_client().post("/login", data={"username": "reviewer", "password": STAFF_PASSWORD})
    assert bare.status_code == 400


def test_login_is_slowed_down_by_failures_and_a_disabled_account_is_shut_out(app: Flask, data: Path) -> None:
    add_staff(data, "guessed", "judge")
    client = app.test_client()
    for _ in range(3):
        assert log_in(client, "guessed", "wrong password!").status_code == 401
    # Locked now: even the right password is not checked until the wait is over.
    locked = log_in(client, "guessed")
    assert locked.status_code == 429
    assert re.search(r"\d+ секунддан кийин кайталаңыз", locked.get_data(as_text=True))  # the wait, in words
    assert run_cli(data, "users", "enable", "guessed").returncode == 0  # an admin clears the lock
    session = app.test_client()
    assert log_in(session, "guessed").status_code == 302
    assert session.get("/staff/").status_code == 200
    assert run_cli(data, "users", "disable", "guessed").returncode == 0
    assert session.get("/staff/").status_code == 302  # the live session ends with the account
    assert log_in(app.test_client(), "guessed").status_code == 401


def test_a_lockout_tells_no_names_and_cannot_keep_a_judge_out_from_elsewhere(app: Flask, data: Path) -> None:
    add_staff(data, "judge7", "judge")
    attacker = app.test_client()
    attacker.environ_base["REMOTE_ADDR"] = "198.51.100.9"
    for name in ("judge7", "nobody-of-that-name"):
        answers = [log_in(attacker, name, "wrong password!").status_code for _ in range(4)]
        # An account and a name with no account answer alike: 401 three times, then 429.
        assert answers == [401, 401, 401, 429], (name, answers)
    # The judge, at the court's own address, is not kept out by the attacker's lock.
    judge = app.test_client()
    judge.environ_base["REMOTE_ADDR"] = "10.1.2.3"
    assert log_in(judge, "judge7").status_code == 302


def test_a_new_role_ends_every_session(app: Flask, data: Path) -> None:
    add_staff(data, "promoted", "judge")
    client = app.test_client()
    assert log_in(client, "promoted").status_code == 302
    assert client.get("/staff/").status_code == 200
    assert run_cli(data, "users", "role", "promoted", "operator").returncode == 0
    assert client.get("/staff/").status_code == 302  # logged out: the old rights go with the old session
    assert log_in(client, "promoted").status_code == 302
    assert client.get("/staff/operate/").status_code == 200


def test_logout_and_a_new_password_end_every_session_copied_cookies_too(app: Flask, data: Path) -> None:
    add_staff(data, "clerk2", "judge")
    first = app.test_client()
    assert log_in(first, "clerk2").status_code == 302
    stolen = app.test_client()
    stolen.set_cookie("session", first.get_cookie("session").value)  # a copy of the cookie
    assert stolen.get("/staff/").status_code == 200
    first.post("/logout", data={"csrf_token": _csrf(first, "/staff/")})
    assert stolen.get("/staff/").status_code == 302  # the copy ended with the logout

    again = app.test_client()
    assert log_in(again, "clerk2").status_code == 302
    assert again.get("/staff/").status_code == 200
    from archive import accounts
    from storage import Catalog
    from storage.catalog import sqlite_url

    catalog = Catalog(sqlite_url(data / "catalog.sqlite"))
    accounts.set_password(catalog, "clerk2", "another long password")
    catalog.dispose()
    assert again.get("/staff/").status_code == 302  # whoever had the old password is out


def test_login_never_redirects_to_another_site(app: Flask) -> None:
    client = app.test_client()
    token = _csrf(client, "/login")
    for target in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        response = client.post("/login", query_string={"next": target},
                               data={"username": "judge", "password": STAFF_PASSWORD, "csrf_token": token})
        assert response.status_code == 302
        assert response.headers["Location"] == "/staff/"


def test_views_of_original_text_are_in_the_audit_trail(app: Flask, doc_id: str) -> None:
    judge = app.test_client()
    log_in(judge, "judge")
    page = judge.get(f"/staff/documents/{doc_id}")
    assert page.status_code == 200 and "Мамытов" in page.get_data(as_text=True)
    assert page.headers["Cache-Control"] == "private, no-store"
    admin = app.test_client()
    log_in(admin, "admin")
    trail = admin.get("/staff/audit", query_string={"user": "judge"}).get_data(as_text=True)
    row = re.search(r"<tr><td><time [^>]+>[^<]+</time></td><td>judge</td><td>түп нусканы окуду</td>\s*"
                    r"<td><a href=\"/staff/documents/(\w+)\"", trail)  # what was done, in the admin's language
    assert row and row.group(1) == doc_id


def test_snippets_the_staff_api_and_similar_decisions_are_audited_too(app: Flask, data: Path, doc_id: str) -> None:
    """Every response carrying original text writes who, what and from where;
    the audit page filters by user and by document."""
    token = add_staff(data, "snooper", "judge")
    judge = app.test_client()
    log_in(judge, "snooper")
    assert "Асанов" in judge.get("/staff/", query_string={"q": "Асанова"}).get_data(as_text=True)
    api = app.test_client()
    api.environ_base["HTTP_AUTHORIZATION"] = "Bearer " + token
    hits = api.get("/api/v1/search", query_string={"q": "Асанова", "scope": "internal"}).get_json()["hits"]
    assert [h["id"] for h in hits] == [doc_id]
    api.get(f"/api/v1/documents/{doc_id}/similar")
    admin = app.test_client()
    log_in(admin, "admin")
    trail = admin.get("/staff/audit", query_string={"user": "snooper", "document": doc_id}).get_data(as_text=True)
    kinds = re.findall(r"<td>snooper</td><td>([^<]+)</td>", trail)
    assert "издөө жыйынтыгында көрүндү" in kinds and "API аркылуу табылды" in kinds, kinds
    assert "судья, дареги 127.0.0.1" in trail  # who, in what role, from where: in the admin's language
    other = admin.get("/staff/audit", query_string={"document": "no-such-document"}).get_data(as_text=True)
    assert "<td>snooper</td>" not in other


def test_a_reviewer_mends_approves_and_publishes_on_the_web(app: Flask, data: Path, doc_id: str) -> None:
    reviewer = app.test_client()
    log_in(reviewer, "reviewer")
    queue = reviewer.get("/staff/review/").get_data(as_text=True)
    assert f"/staff/review/{doc_id}" in queue
    page = reviewer.get(f"/staff/review/{doc_id}").get_data(as_text=True)
    assert re.search(r'<mark class="redact" title="адамдын аты-жөнү → [^"]+">Асановой Айгуль Бакытовны</mark>', page)
    assert re.search(r'<mark class="keep" title="адамдын аты-жөнү">Смирнова В.И.</mark>', page)
    assert re.search(r'<mark class="redact" title="телефон[^"]*">\+996 555\s123 456</mark>', page)
    assert "«чалкан»" in page and '<mark class="redact" title="адамдын аты-жөнү → Ч.">чалкан</mark>' not in page
    assert ">PERSON<" not in page and "<td>адамдын аты-жөнү</td>" in page  # labels by their names
    people = page.split('id="people"')[1].split("</table>")[0]  # each person once, with every form of the name
    assert re.search(r'<tr class="redact"><td>[^<]+</td><td>[^<]*Асановой Айгуль Бакытовны[^<]*</td><td>жеке адам', people)
    assert re.search(r'<tr class="keep"><td>—</td><td>[^<]*Смирнова В.И.[^<]*</td><td>кызматтагы адам', people)

    token = _csrf(reviewer, f"/staff/review/{doc_id}")
    added = reviewer.post(f"/staff/review/{doc_id}/redact", data={"text": "чалкан", "label": "PERSON", "csrf_token": token},
                          follow_redirects=True).get_data(as_text=True)
    assert '<mark class="redact" title="адамдын аты-жөнү → Ч.">чалкан</mark>' in added
    assert _state(data, doc_id) == "in_review"
    reviewer.post(f"/staff/review/{doc_id}/approve", data={"csrf_token": token})
    published = reviewer.post(f"/staff/review/{doc_id}/publish", data={"csrf_token": token}, follow_redirects=True)
    assert _state(data, doc_id) == "published"
    assert "/decisions/" + doc_id in published.get_data(as_text=True)
    assert '<p class="ok" role="status">Жарыяланды</p>' in published.get_data(as_text=True)  # what was done, in words
    kinds = catalog_rows(data, "SELECT kind, actor FROM events WHERE document_id = :id AND stage = 'publication' ORDER BY id",
                         id=doc_id)
    assert kinds == [("edited", "reviewer"), ("approved", "reviewer"), ("published", "reviewer")]

    # The public face: the decision, its PDF and the search, with no one's name in them.
    public = app.test_client()
    decision = public.get(f"/decisions/{doc_id}")
    assert decision.status_code == 200 and decision.headers["Cache-Control"].startswith("public, max-age=")
    pdf = public.get(f"/decisions/{doc_id}.pdf")
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    search = public.get("/", query_string={"q": "расписке"}).get_data(as_text=True)
    api = public.get("/api/v1/search", query_string={"q": "долг"}).get_data(as_text=True)
    seen = decision.get_data(as_text=True) + search + api
    assert "Смирнов" in decision.get_data(as_text=True) and f"/decisions/{doc_id}" in search
    # Dates in words, in the visitor's language, the machine-readable one beside them.
    published = re.search(r'<time datetime="(\d{4})-(\d\d)-(\d\d)[^"]*">([^<]+)</time>', decision.get_data(as_text=True))
    assert published and published.group(4) == f"{published.group(1)}-жылдын {int(published.group(3))}-" + (
        "январы февралы марты апрели майы июну июлу августу сентябры октябры ноябры декабры".split()[int(published.group(2)) - 1])
    in_russian = public.get(f"/decisions/{doc_id}", query_string={"lang": "ru"}).get_data(as_text=True)
    assert re.search(r'<time datetime="\d{4}-\d\d-\d\d[^"]*">\d{1,2} [а-я]+ \d{4}\s?г\.</time>', in_russian)
    for value in PRIVATE + ["чалкан"]:
        assert value not in seen, value
    assert "Найдено 0 решений" in public.get("/", query_string={"q": "Мамытов", "lang": "ru"}).get_data(as_text=True)

    reviewer.post(f"/staff/review/{doc_id}/withdraw", data={"csrf_token": token, "reason": "ошибка"})
    assert _state(data, doc_id) == "withdrawn"
    gone = public.get(f"/decisions/{doc_id}", query_string={"lang": "ky"})
    assert gone.status_code == 404
    assert "Барак табылган жок" in gone.get_data(as_text=True) and "Not Found" not in gone.get_data(as_text=True)
    gone_ru = public.get(f"/decisions/{doc_id}", query_string={"lang": "ru"}).get_data(as_text=True)
    assert "Страница не найдена" in gone_ru and "The requested URL" not in gone_ru
    assert public.get(f"/decisions/{doc_id}.pdf").status_code == 404
    assert f"/decisions/{doc_id}" not in public.get("/", query_string={"q": "расписке"}).get_data(as_text=True)


def test_the_public_face_is_rate_limited(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOTARCHIVE_PUBLIC_RATE_LIMIT", "5/minute")
    app = create_app(load_config(str(data)))
    client = app.test_client()
    answers = [client.get("/api/v1/search", query_string={"q": "сот"}).status_code for _ in range(6)]
    assert answers == [200] * 5 + [429]
    limited = client.get("/api/v1/search", query_string={"q": "сот"})
    assert "message" in limited.get_json() and limited.headers.get("Retry-After")
    page = client.get("/", query_string={"lang": "ru"})
    assert page.status_code == 429  # the public pages share the budget
    text = page.get_data(as_text=True)
    assert "Слишком много запросов" in text and "Too Many Requests" not in text and page.headers.get("Retry-After")


def test_an_operator_corrects_metadata_on_the_document_page(app: Flask, data: Path, doc_id: str) -> None:
    operator = app.test_client()
    log_in(operator, "operator")
    page = operator.get(f"/staff/documents/{doc_id}").get_data(as_text=True)
    assert 'name="court" value="Токмокский городской суд"' in page
    token = _csrf(operator, f"/staff/documents/{doc_id}")
    form = {"csrf_token": token, "court": "Народный суд города Токмака", "date": "1979-05-04", "case_type": "civil"}
    saved = operator.post(f"/staff/documents/{doc_id}/metadata", data=form, follow_redirects=True).get_data(as_text=True)
    assert 'name="date" value="1979-05-04"' in saved and ("исправлено" in saved or "оңдолгон" in saved)
    changes = [(json.loads(message)["field"], actor) for message, actor in catalog_rows(
        data, "SELECT message, actor FROM events WHERE stage = 'metadata' AND document_id = :id", id=doc_id)]
    assert changes == [("date", "operator")]  # the court was the same court, and the type unchanged
    wrong = operator.post(f"/staff/documents/{doc_id}/metadata", query_string={"lang": "ru"}, follow_redirects=True,
                          data={**form, "date": "04.05.1979"}).get_data(as_text=True)
    assert "дата пишется ГГГГ-ММ-ДД, например 1967-03-14, а не &#39;04.05.1979&#39;" in wrong  # in the operator's language
    assert cli_json(data, "search", "расписке year:1979", "--json")["total"] == 1
    judge = app.test_client()
    log_in(judge, "judge")
    assert judge.post(f"/staff/documents/{doc_id}/metadata", data={**form, "csrf_token": _csrf(judge, "/staff/")}).status_code == 403
    assert 'name="date"' not in judge.get(f"/staff/documents/{doc_id}").get_data(as_text=True)  # read-only for judges


def test_saved_searches_alert_to_new_decisions_and_articles_are_browsed(app: Flask, data: Path, doc_id: str,
                                                                       tmp_path: Path) -> None:
    judge = app.test_client()
    log_in(judge, "judge")
    token = _csrf(judge, "/staff/")
    judge.post("/staff/saved", data={"q": "долг расписка", "csrf_token": token})
    page = judge.get("/staff/saved").get_data(as_text=True)
    assert "долг расписка" in page and 'class="new"' not in page

    later = tmp_path / "later.pdf"
    write_text_pdf("РЕШЕНИЕ\nНарынский областной суд взыскал долг по расписке на основании ст. 299 ГК.\n"
                   "Судья Калиев Н.А.", later)
    ingest_inline(data, later)
    assert cli_json(data, "alerts", "--json")["judge"][0]["query"] == "долг расписка"
    page = judge.get("/staff/saved").get_data(as_text=True)
    assert '<strong class="new">1 жаңы чечим</strong>' in page  # Kyrgyz by default, the noun after a number as it is
    ru = judge.get("/staff/saved", query_string={"lang": "ru"}).get_data(as_text=True)
    assert '<strong class="new">1 новое решение</strong>' in ru  # not "1 новых"
    (search_id,) = re.findall(r'/staff/saved/(\d+)/seen', page)
    judge.post(f"/staff/saved/{search_id}/seen", data={"csrf_token": token})
    assert 'class="new"' not in judge.get("/staff/saved").get_data(as_text=True)
    other = app.test_client()
    log_in(other, "reviewer")
    assert other.post(f"/staff/saved/{search_id}/delete", data={"csrf_token": _csrf(other, "/staff/")}).status_code == 404

    articles = judge.get("/staff/articles").get_data(as_text=True)
    assert re.search(r'>ГК 299</a> <span class="count">1</span>', articles)
    document = judge.get(f"/staff/documents/{doc_id}").get_data(as_text=True)
    assert 'id="similar"' in document  # the later decision is like this one


def test_a_resumable_upload_goes_on_where_it_broke_and_stale_ones_are_swept(app: Flask, data: Path) -> None:
    import os
    import time

    operator = app.test_client()
    log_in(operator, "operator")
    token = _csrf(operator, "/staff/operate/")
    stale = data / "uploads" / ("s" * 24)
    stale.mkdir(parents=True)
    (stale / "data").write_bytes(b"half a scan")
    old = time.time() - 3 * 24 * 3600
    for path in (stale / "data", stale):
        os.utime(path, (old, old))
    batch = operator.post("/staff/operate/batches", data={"name": "web-upload", "csrf_token": token})
    batch_id = int(batch.headers["Location"].split("batch-")[1])
    body = "Решение суда о разделе имущества, текст для загрузки.\n".encode()
    started = operator.post("/staff/operate/uploads", json={"batch_id": batch_id, "name": "решение.txt", "size": len(body)},
                            headers={"X-CSRFToken": token}).get_json()
    assert not stale.exists()  # nobody's upload for three days: swept
    url = f"/staff/operate/uploads/{started['id']}"
    assert operator.put(url, query_string={"offset": 0}, data=body[:20], headers={"X-CSRFToken": token}).get_json()["received"] == 20
    # The connection broke after that: the browser sends the same chunk again, and is told where to go on.
    repeated = operator.put(url, query_string={"offset": 0}, data=body[:20], headers={"X-CSRFToken": token})
    assert repeated.status_code == 409 and repeated.get_json()["received"] == 20
    assert operator.get(url).get_json()["received"] == 20
    done = operator.put(url, query_string={"offset": 20}, data=body[20:], headers={"X-CSRFToken": token}).get_json()
    assert done["done"] and done["document_id"]
    assert operator.put(url, query_string={"offset": 0}, data=b"x", headers={"X-CSRFToken": token}).status_code == 404
    no_csrf = operator.post("/staff/operate/uploads", json={"batch_id": batch_id, "name": "x.txt", "size": 1})
    assert no_csrf.status_code == 400


def _blobs(data: Path) -> set[Path]:
    return {p for p in (data / "blobs").rglob("*") if p.is_file()}


def _spool(data: Path) -> set[Path]:
    return set((data / "uploads").iterdir()) if (data / "uploads").exists() else set()


def test_uploads_have_a_size_limit_and_a_refused_one_leaves_nothing_behind(data: Path) -> None:
    from dataclasses import replace

    small = create_app(replace(load_config(str(data)), max_upload_mb=1))
    small.testing = True
    operator = small.test_client()
    log_in(operator, "operator")
    token = _csrf(operator, "/staff/operate/")
    batch = operator.post("/staff/operate/batches", data={"name": "limits", "csrf_token": token})
    batch_id = int(batch.headers["Location"].split("batch-")[1])
    before, spool = _blobs(data), _spool(data)

    def start(**body: object):  # type: ignore[no-untyped-def]
        return operator.post("/staff/operate/uploads", json={"name": "скан.pdf", **body}, headers={"X-CSRFToken": token})

    too_big = start(batch_id=batch_id, size=10**15)
    assert too_big.status_code == 413 and "1 МБ" in too_big.get_json()["message"]  # in the operator's language
    for size in (-5, 0):
        assert start(batch_id=batch_id, size=size).status_code == 400
    # A batch that does not exist: refused at the start, not at the end with a stored blob.
    assert start(batch_id=987654, size=10).status_code == 404
    form = operator.post(f"/staff/operate/batches/{batch_id}/files",
                         data={"csrf_token": token, "files": (io.BytesIO(b"%PDF" + b"0" * (2 * 1024 * 1024)), "big.pdf")},
                         content_type="multipart/form-data")
    assert form.status_code == 413
    missing = operator.post("/staff/operate/batches/987654/files",
                            data={"csrf_token": token, "files": (io.BytesIO(b"text"), "a.txt")},
                            content_type="multipart/form-data")
    assert missing.status_code == 404
    assert _blobs(data) == before
    assert _spool(data) == spool


def test_security_headers_and_a_language_cookie_never_cached_for_everyone(app: Flask) -> None:
    visitor = app.test_client()
    page = visitor.get("/")
    policy = page.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy and "unsafe-inline" not in policy
    assert "<style" not in page.get_data(as_text=True) and "<script>" not in page.get_data(as_text=True)
    assert "Strict-Transport-Security" not in page.headers  # HTTPS is the proxy's: off unless set
    switched = visitor.get("/?lang=ru")
    assert "lang=ru" in switched.headers["Set-Cookie"]
    assert "public" not in switched.headers["Cache-Control"]


def test_behind_a_proxy_the_visitors_address_is_believed_and_hsts_can_be_on(data: Path) -> None:
    from dataclasses import replace

    proxied = create_app(replace(load_config(str(data)), trusted_proxies=1, hsts=True))
    proxied.testing = True
    seen: list[str | None] = []

    @proxied.get("/_address")
    def _address():  # type: ignore[no-untyped-def]
        from flask import request

        seen.append(request.remote_addr)
        return "ok"

    response = proxied.test_client().get("/_address", headers={"X-Forwarded-For": "203.0.113.7", "X-Forwarded-Proto": "https"},
                                         environ_base={"REMOTE_ADDR": "10.0.0.2"})
    assert seen == ["203.0.113.7"]
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
