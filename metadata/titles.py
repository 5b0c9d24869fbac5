"""A title that names the act: its kind, court, date and case number.

"ПОСТАНОВЛЕНИЕ" or "ТОКТОМУ" is every decision's first line, so a list of
results titled by it says nothing. A title built from the metadata tells
two decisions of one court apart: "Постановление Верховного суда КР от 11
марта 2026 г. по делу № 05-354/26-ГД", "Кыргыз Республикасынын Жогорку
сотунун 2026-жылдын 9-февралындагы № ВСИ604-0203/26-УД токтому". The
court, date and number name no private person, so the same title serves
the public and the staff, in the act's language (Russian for a mixed one).
"""

from __future__ import annotations

from datetime import date

from metadata import Metadata, courts

KIND_RU = {"resolution": "Постановление", "ruling": "Определение", "verdict": "Приговор", "decision": "Решение"}
KIND_KY = {"resolution": "токтому", "ruling": "аныктамасы", "verdict": "өкүмү", "decision": "чечими"}
MONTHS_RU = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
             "ноября", "декабря"]
# "9-февралындагы": the month with the locative-attributive suffix, as a date before a noun takes it.
MONTHS_KY = ["январындагы", "февралындагы", "мартындагы", "апрелиндеги", "майындагы", "июнундагы", "июлундагы",
             "августундагы", "сентябрындагы", "октябрындагы", "ноябрындагы", "декабрындагы"]
LIMIT = 300


def act_title(found: Metadata, language: str | None) -> str | None:
    """The act's title in its language, or None when the text gives
    neither a date nor a number to tell it from others."""
    if not (found.date or found.case_number):
        return None
    when = _date(found.date)
    if language == "ky":
        parts = [courts.genitive(found.court, "ky", when.year if when else None) if found.court else None,
                 f"{when.year}-жылдын {when.day}-{MONTHS_KY[when.month - 1]}" if when else None,
                 f"№ {found.case_number}" if found.case_number else None,
                 KIND_KY.get(found.act_kind or "", "соттук акты")]
    else:
        parts = [KIND_RU.get(found.act_kind or "", "Судебный акт"),
                 courts.genitive(found.court, "ru", when.year if when else None) if found.court else None,
                 f"от {when.day} {MONTHS_RU[when.month - 1]} {when.year} г." if when else None,
                 f"по делу № {found.case_number}" if found.case_number else None]
    return " ".join(p for p in parts if p)[:LIMIT]


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None
