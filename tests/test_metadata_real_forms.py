"""Metadata as real Supreme Court acts write it: every form of case number
in use, the lower court's number kept apart from the deciding court's, the
composition of the court back in the nominative in both languages, the
act's own date apart from the dates it cites, the lower courts' acts, and
titles that tell two decisions of one court apart. The people here are
invented; the shapes are those of the real acts (bench/realacts)."""

from __future__ import annotations

import pytest

from anonymise.composition import composition, nominative_name
from metadata import extract
from metadata.case_numbers import case_numbers
from metadata.dates import act_date
from metadata.lower_acts import lower_acts
from metadata.titles import act_title

SOFT = "\u00ad"


@pytest.mark.parametrize(
    ("opening", "number"),
    [
        ("05-354/26-ГД\nПОСТАНОВЛЕНИЕ", "05-354/26-ГД"),
        ("К/п №05-354/26 ГД\nПОСТАНОВЛЕНИЕ", "05-354/26-ГД"),
        ("К/ө № 05-560/26-ГД\nТОКТОМУ", "05-560/26-ГД"),
        ("ВСИ604-0203/26 УД\nТОКТОМ", "ВСИ604-0203/26-УД"),
        ("ВСЧ204-0232/26УД\nТОКТОМ", "ВСЧ204-0232/26-УД"),
        ("№ ВСБ 304-0255/26 УД\nПОСТАНОВЛЕНИЕ", "ВСБ304-0255/26-УД"),
        ("ВСКП06-163/26-АД\nПОСТАНОВЛЕНИЕ", "ВСКП06-163/26-АД"),
        (f"ВСИ604{SOFT}0203/26 УД\nТОКТОМ", "ВСИ604-0203/26-УД"),  # a soft hyphen, as the portal's PDFs give it
        ("№ 4-023 /13 УД\nОПРЕДЕЛЕНИЕ", "4-023/13-УД"),  # a space before the slash
        ("н/п № 6-400/12.АД\nП О С Т А Н О В Л Е Н И Е", "6-400/12-АД"),  # a dot for the hyphen
        ("ПРИГОВОР\n14 марта 1967 года народный суд рассмотрел уголовное дело № 2-345/1967", "2-345/1967"),
    ],
)
def test_every_form_of_case_number(opening: str, number: str) -> None:
    assert extract(opening).case_number == number


def test_an_act_opening_with_the_lower_courts_number_is_filed_under_its_own() -> None:
    found = extract("Дело № ГД-15940/24Б3\nК/п 05-494/26 ГД\nПОСТАНОВЛЕНИЕ\nВЕРХОВНОГО СУДА КЫРГЫЗСКОЙ РЕСПУБЛИКИ\n"
                    "11 марта 2026 года г. Бишкек")
    assert (found.case_number, found.lower_case_numbers) == ("05-494/26-ГД", ["ГД-15940/24Б3"])
    kyrgyz = extract("Иш АД-147/25-ми\nКөзөмөл өндүрүшү № 6-853/25 АД\nКЫРГЫЗ РЕСПУБЛИКАСЫНЫН ЖОГОРКУ СОТУНУН\nТОКТОМУ")
    assert (kyrgyz.case_number, kyrgyz.lower_case_numbers) == ("6-853/25-АД", ["АД-147/25-ми"])
    registered_twice = case_numbers("Дело № АД-91/25-ми\nНадзорное производство № 6-800/25 АД,\n№6-45/26 АД\nПОСТАНОВЛЕНИЕ")
    assert (registered_twice.deciding, registered_twice.others, registered_twice.lower) == (
        "6-800/25-АД", ["6-45/26-АД"], ["АД-91/25-ми"])


def test_a_resolutions_number_in_the_text_is_not_a_case_number() -> None:
    assert case_numbers("постановления айыл окмоту №455 от 2 сентября 1998 года").deciding is None


RUSSIAN_PANEL = """Дело № 05-1174/26 ГД
ПОСТАНОВЛЕНИЕ
ВЕРХОВНОГО СУДА КЫРГЫЗСКОЙ РЕСПУБЛИКИ
25 июля 2026 года г.Бишкек
Судебная коллегия по гражданским и экономическим делам Верховного суда
Кыргызской Республики в составе председательствующего Абдыкеримовой Д.С.
судей: Осмоналиева Н.К., Жумабаевой Ж.М.,
при секретаре судебного заседания Бекенове Т.О.,
с участием прокурора Турдалиева А.,
адвоката: Сабыровой Г.
рассмотрев в открытом судебном заседании гражданское дело по кассационной жалобе на решение
Первомайского районного суда г.Бишкек от 2 февраля 2026 года и определение судебной коллегии по
гражданским и экономическим делам Бишкекского городского суда от 29 марта 2026 года,
Решением Первомайского районного суда г.Бишкек от 2 февраля 2026 года иск удовлетворен.
(судья Ибраимова А.М.)
Определением судебной коллегии по гражданским и экономическим делам Бишкекского городского суда
от 29 марта 2026 года решение оставлено без изменения.
(председательствующий Досалиев А.А., судьи: Бектурова С.К., Абдылдаева Дж.К.)
Заслушав доклад судьи Верховного суда Кыргызской Республики Жумабаевой Ж.М., судебная коллегия
у с т а н о в и л а:
"""
KYRGYZ_PANEL = """№ 4-0114/26УД
КЫРГЫЗ РЕСПУБЛИКАСЫНЫН ЖОГОРКУ СОТУНУН
Т О К Т О М У
2026-жылдын 9-февралы Бишкек шаары
Кыргыз Республикасынын Жогорку Сотунун жазык иштери боюнча Соттук коллегиясы курамында:
төрагалык кылган Токтосунов А.И.,
судьялар: Бакиров Б., Абдыраимов Ж.Т.,
соттук отурумдун катчысы Солтобаев Э.,
прокурор Кубатов К.,
адвокат Асан кызы Ж.,
катышуулары менен ачык соттук отурумда Ош областтык сотунун 2025-жылдын 23-октябрындагы
аныктамасына карата адвокаттын көзөмөл арызы боюнча жазык ишин көзөмөл тартибинде карады.
Ош шаардык сотунун 2025-жылдын 16-июлундагы өкүмү менен,
Бекмуратов Толон Абдыжапарович, мурда соттолбогон,
8 (сегиз) жылга эркиндигинен ажыратылган.
(Судья Максатов З.С.)
Ош областтык сотунун 2025-жылдын 23-октябрындагы аныктамасы менен Ош шаардык сотунун
2025-жылдын 16-июлундагы өкүмү өзгөртүүсүз калтырылган.
(Төрагалык кылган Чыныбаев Т.Д., судьялар: Маматов К.С. Жумалиев Ж.К.-баяндоочу)
Иш боюнча Кыргыз Республикасынын Жогорку Сотунун судьясы Ж. Абдыраимовдун
баяндамасын угуп, Соттук коллегия,
т а п т ы:
"""


def test_the_composition_comes_back_to_the_nominative_in_russian() -> None:
    panel = composition(RUSSIAN_PANEL)
    assert panel.presiding == "Абдыкеримова Д.С."  # "председательствующего Абдыкеримовой Д.С."
    assert panel.judges == ["Осмоналиев Н.К.", "Жумабаева Ж.М."]  # "судей: Осмоналиева Н.К., Жумабаевой Ж.М."
    assert panel.reporting == "Жумабаева Ж.М."  # "доклад судьи ... Жумабаевой Ж.М."
    assert (panel.secretary, panel.prosecutor, panel.lawyers) == ("Бекенов Т.О.", "Турдалиев А.", ["Сабырова Г."])


def test_the_composition_comes_back_to_the_nominative_in_kyrgyz() -> None:
    panel = composition(KYRGYZ_PANEL)
    assert (panel.presiding, panel.judges) == ("Токтосунов А.И.", ["Бакиров Б.", "Абдыраимов Ж.Т."])
    # "судьясы Ж. Абдыраимовдун баяндамасын": the genitive off, the panel's full initials on.
    assert panel.reporting == "Абдыраимов Ж.Т."
    assert (panel.secretary, panel.prosecutor, panel.lawyers) == ("Солтобаев Э.", "Кубатов К.", ["Асан кызы Ж."])


@pytest.mark.parametrize(
    ("name", "case", "nominative"),
    [("Кульматовой Д.С.", "gen", "Кульматова Д.С."), ("Эсенканова К.", "gen", "Эсенканов К."),
     ("Солобаеве Э.", "prep", "Солобаев Э."), ("Алабачаевой Дж.", "prep", "Алабачаева Дж."),
     ("Токтомамбетовдун", "nom", "Токтомамбетов"), ("Д. Арстанбаеванын", "nom", "Арстанбаева Д."),
     ("Турдуевге", "nom", "Турдуев"), ("Исакова Ж.М.", "nom", "Исакова Ж.М."), ("Огай В.", "gen", "Огай В.")],
)
def test_names_back_to_the_nominative(name: str, case: str, nominative: str) -> None:
    assert nominative_name(name, case) == nominative


def test_the_acts_own_date_not_the_dates_it_cites() -> None:
    assert act_date(RUSSIAN_PANEL) == "2026-07-25"
    assert act_date(KYRGYZ_PANEL) == "2026-02-09"
    assert act_date("ОПРЕДЕЛЕНИЕ\n09.02.2026 г. Бишкек\nв составе: ... на решение суда от 12.12.2025") == "2026-02-09"
    # Spaces the PDF misplaced, and a hyphen after the day.
    assert act_date("ПОСТАНОВЛЕНИЕ\n31 январ я2026 год г. Бишкек") == "2026-01-31"
    assert act_date("ОПРЕДЕЛЕНИЕ\n15-января 2026 года город Бишкек") == "2026-01-15"
    # Where the heading has no date, a cited one is not taken for it.
    assert act_date("Судебная коллегия в составе ... рассмотрела жалобу на решение суда от 2 февраля 2026 года, "
                    "вынесенное 5 марта 2026 года") == "2026-03-05"


def test_the_lower_courts_acts_under_review() -> None:
    acts = [a.as_json() for a in lower_acts(RUSSIAN_PANEL, "Верховный суд Кыргызской Республики")]
    assert acts == [
        {"court": "Первомайский районный суд города Бишкек", "date": "2026-02-02", "kind": "decision",
         "judge": "Ибраимова А.М.", "outcome": "granted"},
        {"court": "Бишкекский городской суд", "date": "2026-03-29", "kind": "ruling",
         "judge": "Досалиев А.А.", "outcome": "upheld"},
    ]
    kyrgyz = [(a.court, a.date, a.kind, a.judge, a.outcome) for a in lower_acts(KYRGYZ_PANEL, "Верховный суд Кыргызской Республики")]
    assert kyrgyz == [("Ошский городской суд", "2025-07-16", "verdict", "Максатов З.С.", "convicted"),
                      ("Ошский областной суд", "2025-10-23", "ruling", "Чыныбаев Т.Д.", "upheld")]


def test_parties_roles_are_kept_with_their_names_for_staff() -> None:
    assert extract(KYRGYZ_PANEL).parties == [{"role": "convict", "name": "Бекмуратов Т.А."}]


def test_titles_name_the_act_in_both_languages() -> None:
    assert act_title(extract(RUSSIAN_PANEL), "ru") == (
        "Постановление Верховного суда КР от 25 июля 2026 г. по делу № 05-1174/26-ГД")
    assert act_title(extract(KYRGYZ_PANEL), "ky") == (
        "Кыргыз Республикасынын Жогорку сотунун 2026-жылдын 9-февралындагы № 4-0114/26-УД токтому")
    soviet = extract("ПРИГОВОР\n14 марта 1967 года народный суд Свердловского района города Фрунзе в составе "
                     "председательствующего народного судьи Бекмуратова К.Т. рассмотрел уголовное дело № 2-345/1967")
    assert soviet.judges == ["Бекмуратов К.Т."]
    assert act_title(soviet, "ru") == ("Приговор народного суда Свердловского района города Фрунзе от 14 марта 1967 г. "
                                       "по делу № 2-345/1967")


def test_two_decisions_of_one_court_and_kind_have_different_titles() -> None:
    other = RUSSIAN_PANEL.replace("05-1174/26 ГД", "05-1180/26 ГД")
    assert act_title(extract(RUSSIAN_PANEL), "ru") != act_title(extract(other), "ru")
    assert "05-1180/26-ГД" in (act_title(extract(other), "ru") or "")


def test_a_text_with_no_date_and_no_number_has_no_title_of_its_own() -> None:
    assert act_title(extract("Справка о составе семьи."), "ru") is None


@pytest.mark.parametrize(
    "opening",
    [
        "в составе: председательствующего судьи Бекмуратова К., судей: Абдраимовой Т.К. (судья-докладчик), "
        "Исакова А., при секретаре Асановой Б., рассмотрев",
        "в составе председательствующего Бекмуратова К., судей Абдраимовой Т.К., Исакова А., рассмотрела дело. "
        "Заслушав доклад судьи-докладчика Абдраимовой Т.К., коллегия",
        "курамында: төрагалык кылуучу судья Бекмуратов К., судьялар: Абдраимова Т.К. - баяндамачы, Исаков А., "
        "катчы Асанова Б. катышуусу менен",
    ],
)
def test_the_reporting_judge_marked_in_the_panel_or_named_in_the_text(opening: str) -> None:
    panel = composition(opening)
    assert (panel.presiding, panel.reporting) == ("Бекмуратов К.", "Абдраимова Т.К.")
    assert panel.judges == ["Абдраимова Т.К.", "Исаков А."]


def test_a_reporting_judge_the_act_does_not_name_is_not_invented() -> None:
    # "Верховного" once came out as the reporting judge of this sentence.
    unnamed = composition("в составе председательствующего Осмоналиева К.Т., судей: Акматова Б.Дж., Арапбаева Н.М., "
                          "рассмотрев ... заслушав доклад судьи Верховного суда Кыргызской Республики, судебная коллегия")
    assert unnamed.reporting is None and "Верховного" not in unnamed.judges
    by_surname = composition("в составе председательствующего Осмоналиева К.Т., судей: Акматова Б.Дж., Арапбаевой Н.М., "
                             "рассмотрев ... заслушав доклад судьи Арапбаевой, судебная коллегия")
    assert by_surname.reporting == "Арапбаева Н.М."
