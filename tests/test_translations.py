"""The interface's catalogues: every string the code and templates show
is translated into Kyrgyz and Russian, with the same placeholders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "search_api" / "translations"
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2),
            "lazy_gettext": None, "lazy_pgettext": ((1, "c"), 2), "lazy_ngettext": (1, 2), "N_": None}
# Where the strings are: the same mapping `make translations` extracts with.
with open(ROOT / "babel.cfg", encoding="utf-8") as _mapping:
    METHODS = parse_mapping_cfg(_mapping)[0]
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def _shown() -> set[tuple[str | None, str]]:
    """(context, msgid) of every string the interface can show."""
    found = set()
    for _, _, message, _, context in extract_from_dir(str(ROOT), METHODS, keywords=KEYWORDS):
        msgid = message[0] if isinstance(message, tuple) else message
        found.add((context, msgid))
    return found


def _catalogue(language: str):  # type: ignore[no-untyped-def]
    with open(TRANSLATIONS / language / "LC_MESSAGES" / "messages.po", "rb") as handle:
        return read_po(handle, locale=language)


def test_strings_are_found_in_code_and_templates() -> None:
    shown = _shown()
    assert len(shown) > 150
    assert (None, "Court archive") in shown and ("status", "done") in shown


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_every_shown_string_is_translated(language: str) -> None:
    catalogue = _catalogue(language)
    missing, empty, fuzzy, placeholders = [], [], [], []
    for context, msgid in sorted(_shown(), key=lambda item: (item[0] or "", item[1])):
        message = catalogue.get(msgid, context=context)
        if message is None:
            missing.append((context, msgid))
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            empty.append(msgid)
        if message.fuzzy:
            fuzzy.append(msgid)
        if any(set(PLACEHOLDER.findall(s)) != set(PLACEHOLDER.findall(msgid)) for s in strings):
            placeholders.append(msgid)
    assert not missing, f"not in the {language} catalogue (run make translations): {missing}"
    assert not empty, f"untranslated in {language}: {empty}"
    assert not fuzzy, f"fuzzy in {language}: {fuzzy}"
    assert not placeholders, f"placeholders differ in {language}: {placeholders}"


def test_no_interface_string_is_left_outside_the_catalogues() -> None:
    """A template shows text through _() or label(), never a bare key
    from the old table, and no Python module keeps its own translations."""
    for template in (ROOT / "search_api" / "templates").glob("*.html"):
        assert not re.search(r"\bt\('", template.read_text("utf-8")), template.name
    for module in (ROOT / "search_api").glob("*.py"):
        assert '"ky": "' not in module.read_text("utf-8"), module.name


def test_reasons_recorded_in_english_are_said_in_the_operators_language(tmp_path: Path) -> None:
    """A file refused at the door and a page flagged by OCR are recorded in
    English (logs, the command line); the desk says them in Kyrgyz or Russian."""
    from flask import Flask

    from archive import publication
    from archive.errors import BadInput
    from ingest.attention import AttentionError, REFUSALS
    from ingest.sources import REASONS, inspect_source
    from ocr.quality import FLAGS
    from search_api.i18n import install_i18n, say_reason

    misnamed = tmp_path / "скан.pdf"
    misnamed.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    with pytest.raises(BadInput) as refusal:
        inspect_source(misnamed, misnamed.name)
    recorded = str(refusal.value)
    assert recorded.startswith("the name says a PDF but the file holds a PNG image")
    flags = FLAGS["dark"] + "; " + FLAGS["low_confidence"] % {"score": "41"}

    app = Flask("reasons", root_path=str(ROOT / "search_api"))
    install_i18n(app)
    with app.test_request_context("/?lang=ru"):
        assert say_reason(recorded).startswith("по имени это PDF, но в файле изображение PNG")
        assert say_reason(flags) == ("слишком тёмная: пересканируйте при большем освещении или с более светлой "
                                     "настройкой; низкая уверенность распознавания (41): проверьте текст")
        assert say_reason("disk full") == "disk full"  # a reason no template knows is shown as recorded
        refused_scan = str(AttentionError(REFUSALS["unreadable"] % {"name": "скан.pdf", "reason": REASONS["empty"]}))
        assert say_reason(refused_scan) == "скан.pdf: файл пуст (0 байт); отсканируйте или скопируйте его заново"
        assert say_reason(publication.REFUSALS["not_approved"] % {"state": "in_review"}) == (
            "не одобрен (состояние: на проверке)")
    with app.test_request_context("/?lang=ky"):
        assert say_reason(recorded).startswith("аталышы боюнча бул PDF, бирок файлдын ичинде PNG сүрөтү")


def test_every_marked_reason_is_one_the_staff_pages_can_say() -> None:
    """A reason template marked N_() outside search_api (a refusal, a flag)
    is among those say_reason looks for, or a value said inside one: a
    module added to babel.cfg but not to search_api/i18n.py would show its
    reasons in English."""
    from search_api.i18n import KNOWN_VALUES, _reason_patterns

    marked = {msgid for path, _, msgid, _, _ in extract_from_dir(str(ROOT), METHODS, keywords={"N_": None})
              if not path.startswith("search_api")}
    read = {template for _, template in _reason_patterns()} | KNOWN_VALUES | {"%(name)s: %(reason)s"}
    assert len(marked) > 30 and marked <= read, marked - read


def test_every_leak_check_reason_is_said_and_a_name_is_redacted_as_a_person() -> None:
    """The reviewer's page says why a span was held back in the reviewer's
    language, and its "Redact" hides a held name as a person: an unknown
    word, a Kyrgyz name word and a Latin name were said in English and
    hidden as a bank account."""
    from flask import Flask

    from anonymise.leaks import REASONS, suspects
    from search_api.i18n import install_i18n, label

    app = Flask("reasons", root_path=str(ROOT / "search_api"))
    install_i18n(app)
    with app.test_request_context("/?lang=ru"):
        said = {reason: label("suspect", reason) for reason in REASONS}
    assert all(said[reason] != reason for reason in REASONS), said
    assert said["Latin name"] == "имя латиницей"
    held = suspects("Деньги перевёл Mehmet Yilmaz, по словам Огай, на ул. Ленина, д. 5.", "ru")
    assert {s.text: s.label for s in held} == {"Mehmet Yilmaz": "PERSON", "Огай": "PERSON", "ул. Ленина, д. 5": "ADDRESS"}
