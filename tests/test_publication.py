"""From anonymised to public: nothing reaches the public index or API
unreviewed, what is published holds no detected personal data (not in
the text, the title or the file name), and withdrawal takes it back."""

from __future__ import annotations

import textwrap
from pathlib import Path

from flask.testing import FlaskClient

from search_api import create_app
from sotarchive.sample_archive.render import write_text_pdf
from sotarchive.settings import load_config
from tests.conftest import cli_json, run_cli

DECISION = (
    "РЕШЕНИЕ ИМЕНЕМ КЫРГЫЗСКОЙ РЕСПУБЛИКИ\n"
    "Токмокский городской суд в составе председательствующего судьи Смирнова В.И. рассмотрел "
    "гражданское дело по иску Асановой Айгуль Бакытовны к ответчику Мамытову Эрлану о взыскании долга. "
    "Истец Асанова А.Б., тел. +996 555 123 456, проживает по ул. Советская, д. 12, кв. 5. "
    "Суд взыскал с Мамытова долг по расписке. Судья Смирнов В.И.\n"
)
PRIVATE = ["Асанов", "Айгуль", "Мамытов", "Эрлан", "555 123 456", "Советская"]


def client(data_dir: Path) -> FlaskClient:
    app = create_app(load_config(str(data_dir)))
    app.testing = True
    return app.test_client()


def test_review_publish_and_withdraw(tmp_path: Path) -> None:
    data = tmp_path / "data"
    source = tmp_path / "Асанова против Мамытова.pdf"  # file names carry names too
    write_text_pdf("\n".join(textwrap.wrap(DECISION, 70)), source)
    summary = cli_json(data, "ingest", str(source), "--wait", "--json", check=True)
    assert summary["statuses"] == {"done": 1}
    doc_id = cli_json(data, "search", "расписке", "--json")["hits"][0]["id"]
    api = client(data)

    # Anonymised but not reviewed: nowhere on the public side.
    assert cli_json(data, "search", "расписке", "--public", "--json")["total"] == 0
    assert api.get(f"/api/v1/public/documents/{doc_id}").status_code == 404
    refused = run_cli(data, "publish", doc_id, "--json")
    assert refused.returncode == 1 and "not approved" in refused.stdout

    # Approved and published: the redacted text only, the official kept.
    published = cli_json(data, "publish", doc_id, "--approve", "--json", check=True)
    assert published["published"] == [doc_id] and published["approved"] == [doc_id]
    public = cli_json(data, "search", "расписке", "--public", "--json", "--limit", "5")
    assert public["total"] == 1
    shown = api.get(f"/api/v1/public/documents/{doc_id}").get_json()
    everything = str(public) + str(shown) + api.get("/api/v1/search", query_string={"q": "долг", "scope": "public"}).get_data(as_text=True)
    for value in PRIVATE:
        assert value not in everything, value
    assert "Смирнов" in shown["pages"][0]["text"]  # the judge stays named
    assert "[ТЕЛЕФОН]" in shown["pages"][0]["text"] and "[АДРЕС]" in shown["pages"][0]["text"]
    assert cli_json(data, "search", "Асанова", "--public", "--json")["total"] == 0  # names are not even searchable

    # Withdrawn: gone from the public index and API.
    withdrawn = run_cli(data, "withdraw", doc_id, "--reason", "appeal")
    assert withdrawn.returncode == 0, withdrawn.stderr
    assert cli_json(data, "search", "расписке", "--public", "--json")["total"] == 0
    assert api.get(f"/api/v1/public/documents/{doc_id}").status_code == 404


def test_a_leak_refuses_publication(tmp_path: Path) -> None:
    from indexing import IndexedDocument
    from ingest.publication import LeakError, check_for_leaks

    entities = [{"label": "PERSON", "text": "Асанова Айгуль", "action": "redact"},
                {"label": "PERSON", "text": "Смирнов В.И.", "action": "keep"}]
    clean = IndexedDocument("d", "РЕШЕНИЕ", "d", "Истец А. Б. А. и судья Смирнов В.И.")
    check_for_leaks(clean, entities)
    leaking = IndexedDocument("d", "РЕШЕНИЕ", "d", "Истец Асанова Айгуль и судья Смирнов В.И.")
    try:
        check_for_leaks(leaking, entities)
    except LeakError as exc:
        assert "Асанова Айгуль" in str(exc)
    else:
        raise AssertionError("the leak was not noticed")
