"""Structured identifiers: each kind found when valid and left alone when
it only looks like one."""

from __future__ import annotations

import pytest

from anonymise.identifiers import find_identifiers


def found(text: str) -> list[tuple[str, str]]:
    return [(e.label, e.text) for e in find_identifiers(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ПИН: 1 or 2, then a real birth date DDMMYYYY, 14 digits in all
        ("ПИН 21503198500123 берилген", [("PIN", "21503198500123")]),
        ("ИНН 12902198000015.", [("PIN", "12902198000015")]),  # 29.02.1980, a leap year
        ("номер 23102197500123", []),  # 31.02.1975 is no date
        ("ПИН 23102197500123", [("PIN", "23102197500123")]),  # beside its name, a slip in the date is still a PIN
        # as OCR or a typist leaves it: O for 0, I or l for 1, stray spaces
        ("ПИН 21203I98500123 берилген", [("PIN", "21203I98500123")]),
        ("жеке номери 2120319850O123,", [("PIN", "2120319850O123")]),
        ("ПИН: 2 1203 1985 00123", [("PIN", "2 1203 1985 00123")]),
        ("ИНН 31503198500123 организации", []),  # an organisation's starts with 3
        ("паспорт серии ID № 0I23456, выдан", [("PASSPORT", "ID № 0I23456")]),
        ("номер 31503198500123", []),  # starts with 3: an organisation
        ("215031985001234", []),  # 15 digits
        # passports and ID cards: two letters and seven digits
        ("паспорт AN1234567, выдан МКК", [("PASSPORT", "AN1234567")]),
        ("ID 012345", []),  # six digits after the letters
        ("ID-карта ID 1234567", [("PASSPORT", "ID 1234567")]),
        ("паспорт серии АН 7654321", [("PASSPORT", "АН 7654321")]),
        # phones in Kyrgyz formats
        ("тел.: +996 555 123 456", [("PHONE", "+996 555 123 456")]),
        ("тел. 0 (312) 62-45-67", [("PHONE", "0 (312) 62-45-67")]),
        ("+996(700)12-34-56", [("PHONE", "+996(700)12-34-56")]),
        ("0555 123 456 номерине", [("PHONE", "0555 123 456")]),
        ("сумма 1 555 123 сом", []),
        # e-mail
        ("почта: asan.asanov@mail.kg.", [("EMAIL", "asan.asanov@mail.kg")]),
        ("на сайте sot.kg", []),
        # cards (Luhn, or beside the word "card" whatever the check says) and accounts (beside a word for one)
        ("карта 4111 1111 1111 1111", [("CARD", "4111 1111 1111 1111")]),
        ("карта 4111 1111 1111 1112", [("CARD", "4111 1111 1111 1112")]),
        ("номер 4111 1111 1111 1112", []),
        # a plot's or a building's code in the state register, a flat's after it
        ("идентификациялык коду 1-02-03-0004-0567.", [("PROPERTY", "1-02-03-0004-0567")]),
        ("код объекта 1-04-01-0003-045-01-001,", [("PROPERTY", "1-04-01-0003-045-01-001")]),
        ("статьи 1-02-03 и 4-05", []),
        ("на р/с 1280016012345678 в банке", [("ACCOUNT", "1280016012345678")]),
        ("акт № 1280016012345678", []),
        # vehicle plates
        ("01 KG 123 ABC белгиси бар унаа", [("PLATE", "01 KG 123 ABC")]),
        ("автомашина ВАЗ-2106 гос. номер B 1234 AK", [("PLATE", "B 1234 AK")]),
        ("автомашина ГАЗ-21 номер 12-34 КИБ", [("PLATE", "12-34 КИБ")]),
        ("статья B 1234 AK", []),
        # dates of birth where the text says so
        ("Асанов А., 12.03.1985 года рождения,", [("BIRTHDATE", "12.03.1985")]),
        ("Асанов А., 1985 г.р., уроженец", [("BIRTHDATE", "1985")]),
        ("1990-жылы туулган Асанов", [("BIRTHDATE", "1990")]),
        ("туулган күнү 05.06.1979", [("BIRTHDATE", "05.06.1979")]),
        ("решение от 12.03.1985 года", []),
        ("Асанов Б., 1985-ж.т., Ош шаарынын", [("BIRTHDATE", "1985")]),
        ("Асанов Бакыт, 12.03.1985-ж. туулган", [("BIRTHDATE", "12.03.1985")]),
        ("Асанов Бакыт 1985-жылы Ош шаарында туулган", [("BIRTHDATE", "1985")]),
        ("Асанов, родившийся 7 июня 1985 года в г. Оше", [("BIRTHDATE", "7 июня 1985")]),
        ("Асанов, рожденный 07.06.1985, ранее", [("BIRTHDATE", "07.06.1985")]),
        ("2015-жылы сот өкүм чыгарган", []),
        # home addresses
        ("проживающий по ул. Советская, д. 12, кв. 5,", [("ADDRESS", "ул. Советская, д. 12, кв. 5")]),
        ("Бишкек ш., Токтогул көчөсү, 45-үй, 12-батир", [("ADDRESS", "Токтогул көчөсү, 45-үй, 12-батир")]),
        ("Бишкек шаары, 12-кичи район, 34-үй, 56-батирде", [("ADDRESS", "12-кичи район, 34-үй, 56-батирде")]),
    ],
)
def test_identifiers(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_offsets_point_into_the_text() -> None:
    text = "ПИН 21503198500123, тел. +996 555 123 456"
    for entity in find_identifiers(text):
        assert text[entity.start : entity.end] == entity.text and entity.action == "redact"


def test_the_command_redacts_identifiers_in_the_language_of_the_act(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import cli_json

    ky = tmp_path / "ky.txt"
    ky.write_text("Жоопкер Токтогул көчөсү, 45-үй, 12-батир дарегинде жашайт, тел. 0555 123 456.", encoding="utf-8")
    result = cli_json(tmp_path, "anonymise", str(ky), "--json")
    assert result["text"] == "Жоопкер [ДАРЕК] дарегинде жашайт, тел. [ТЕЛЕФОН]."
    assert [(e["label"], e["action"]) for e in result["entities"]] == [("ADDRESS", "redact"), ("PHONE", "redact")]
    ru = tmp_path / "ru.txt"
    ru.write_text("Ответчик, 12.03.1985 года рождения, ПИН 21203198500123.", encoding="utf-8")
    assert cli_json(tmp_path, "anonymise", str(ru), "--json")["text"] == (
        "Ответчик, [ДАТА РОЖДЕНИЯ] года рождения, ПИН [ПИН]."
    )


def test_a_new_kind_of_identifier_is_one_registration() -> None:
    """A recognizer carries its label, its placeholder in each act language
    and its name for reviewers: registered, it is found and redacted in
    both languages and offered on the review page, with nothing else to
    change (here: vehicle registration certificates, "СРТС № 01 КА 123456")."""
    import re

    from anonymise import anonymise
    from anonymise.identifiers import RECOGNIZERS, Recognizer, Shape, register
    from search_api.review_pages import labels

    certificate = Recognizer(
        "VEHICLE_CERT", {"ru": "СРТС", "ky": "КАТТОО КҮБӨЛҮГҮ"},
        {"ky": "унаанын каттоо күбөлүгү", "ru": "свидетельство о регистрации ТС", "en": "vehicle registration certificate"},
        (Shape(re.compile(r"(?i)(?:СРТС|техпаспорт\w*)\s*(?:серии\s*)?№?\s*(\d{2}\s?[A-ZА-Я]{2}\s?\d{6})"), group=1),),
    )
    register(certificate)
    try:
        ru = anonymise("Автомашина зарегистрирована, СРТС № 01 КА 123456 выдано УОБДД.", language="ru")
        ky = anonymise("Унаанын техпаспорту № 01 КА 123456 менен бирге өткөрүлүп берилген.", language="ky")
        assert "123456" not in ru.text + ky.text
        assert "[СРТС]" in ru.text and "[КАТТОО КҮБӨЛҮГҮ]" in ky.text
        assert "VEHICLE_CERT" in labels()
    finally:
        del RECOGNIZERS["VEHICLE_CERT"]
    assert "VEHICLE_CERT" not in labels()
