"""People in Kyrgyz and Russian judgments: found in every inflection,
propagated to every mention, replaced alike, and officials kept."""

from __future__ import annotations

from anonymise import Policy, anonymise

RU = (
    "ПРИГОВОР. Народный суд города Фрунзе в составе председательствующего судьи Смирнова В.И., "
    "при секретаре Касымовой Г.С., с участием прокурора Алиева Б.Ч., адвоката Петровой Н.К., "
    "рассмотрев дело по обвинению Иванова Петра Сергеевича, установил: подсудимый Иванов П.С. похитил "
    "имущество потерпевшей Асановой Айгуль Бакытовны. Свидетель Токтогулов Нурлан показал, что видел "
    "Иванова у дома. Суд приговорил Иванова П.С. к лишению свободы. Судья Смирнов В.И."
)
KY = (
    "ӨКҮМ. Бишкек шаарынын Ленин райондук соту, төрагалык кылуучу судья Бейшеналиев А.Т., катчы Осмонова Н.К., "
    "прокурор Абдыраев Р.Ж. катышуусу менен, айыпталуучу Мамытов Эрлан Асанович жөнүндө кылмыш ишин карап, "
    "төмөнкүлөрдү аныктады: Мамытовдун үйүндө тинтүү жүргүзүлгөн. Жабырлануучу Сыдыкова Гүлнара Бакыт кызы "
    "күбө Турдуев Самат уулуна кайрылган. Сыдыкованын көрсөтмөсү боюнча Мамытов Э.А. күнөөлүү. "
    "Соттолуучу Мамытовго жаза дайындалды. Судья Бейшеналиев А.Т."
)
PRIVATE_RU = ["Иванов", "Петра", "Асанов", "Айгуль", "Бакытовн", "Токтогулов", "Нурлан"]
PRIVATE_KY = ["Мамытов", "Эрлан", "Асанович", "Сыдыков", "Гүлнара", "Турдуев", "Самат"]
OFFICIALS_RU = ["Смирнова В.И.", "Касымовой Г.С.", "Алиева Б.Ч.", "Петровой Н.К.", "Судья Смирнов В.И."]
OFFICIALS_KY = ["Бейшеналиев А.Т.", "Осмонова Н.К.", "Абдыраев Р.Ж."]


def test_russian_parties_are_replaced_and_officials_kept() -> None:
    result = anonymise(RU)
    for name in PRIVATE_RU:
        assert name not in result.text, name
    for official in OFFICIALS_RU:
        assert official in result.text, official
    kept = {e.text for e in result.entities if e.label == "PERSON" and e.action == "keep"}
    assert {"Смирнова В.И.", "Смирнов В.И."} <= kept


def test_kyrgyz_names_in_every_inflection() -> None:
    result = anonymise(KY)
    for name in PRIVATE_KY:
        assert name not in result.text, name
    for official in OFFICIALS_KY:
        assert official in result.text, official
    found = {e.text for e in result.entities if e.label == "PERSON" and e.action == "redact"}
    # case suffixes on surnames and on уулу/кызы; found once, then everywhere
    assert {"Мамытовдун", "Сыдыкованын", "Мамытовго"} <= found
    assert any(t.endswith("уулуна") for t in found) and any(t.endswith("кызы") for t in found)


def test_one_person_one_replacement_whatever_the_inflection() -> None:
    text = anonymise(KY).text
    assert text.count("Э. А. М.") == 4  # Мамытов Эрлан Асанович, Мамытовдун, Мамытов Э.А., Мамытовго
    assert text.count("Г. Б. С.") == 2  # Сыдыкова Гүлнара Бакыт кызы, Сыдыкованын
    ru = anonymise(RU).text
    assert ru.count("П. С. И.") == 4 and "А. Б. А." in ru


def test_placeholders_instead_of_initials() -> None:
    text = anonymise(KY, Policy(style="placeholder")).text
    assert "[АТЫ-ЖӨНҮ-1]" in text and "[АТЫ-ЖӨНҮ-2]" in text
    assert text.count("[АТЫ-ЖӨНҮ-1]") == 4


def test_the_policy_decides_which_officials_are_kept() -> None:
    text = anonymise(RU, Policy(keep_roles=frozenset({"judge"}))).text
    assert "Смирнова В.И." in text and "Петровой Н.К." not in text and "Касымовой" not in text


def test_kyrgyz_institutions_are_not_people() -> None:
    text = "Ош облустук соту Кыргыз Республикасынын Жогорку сотуна кайрылды. Нарын районунун акимчилиги жооп берди."
    result = anonymise(text)
    assert [e for e in result.entities if e.label == "PERSON"] == [] and result.text == text


def test_a_name_broken_across_lines_is_one_name_and_a_name_stops_at_the_line() -> None:
    text = "Потерпевшая Асанова Айгуль\nБакытовны пояснила. Судья Смирнов В.И.\nСоседка подтвердила."
    result = anonymise(text)
    assert "Бакытовны" not in result.text and "Айгуль" not in result.text
    assert "Соседка подтвердила" in result.text and "Смирнов В.И." in result.text
