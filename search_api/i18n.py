"""Interface strings in Kyrgyz, Russian and English.

A small table until the public site gets its full translation catalogue;
the language comes from ?lang=, then a cookie, then Kyrgyz.
"""

from __future__ import annotations

from flask import Flask, request

LANGUAGES = ("ky", "ru", "en")
STRINGS = {
    "title": {"ky": "Сот архиви", "ru": "Судебный архив", "en": "Court archive"},
    "search": {"ky": "Издөө", "ru": "Найти", "en": "Search"},
    "placeholder": {"ky": "Мисалы: өкүм, сот чечими", "ru": "Например: приговор, решение суда", "en": "e.g. приговор, чечим"},
    "found": {"ky": "Табылды", "ru": "Найдено", "en": "Found"},
    "nothing": {"ky": "Эч нерсе табылган жок", "ru": "Ничего не найдено", "en": "Nothing found"},
    "page": {"ky": "Барак", "ru": "Страница", "en": "Page"},
    "source": {"ky": "Булак", "ru": "Источник", "en": "Source"},
    "download_pdf": {"ky": "PDF жүктөп алуу", "ru": "Скачать PDF", "en": "Download PDF"},
    "confidence": {"ky": "Таануу ишенимдүүлүгү", "ru": "Уверенность распознавания", "en": "OCR confidence"},
    "status": {"ky": "Абалы", "ru": "Статус", "en": "Status"},
    "next": {"ky": "Кийинки", "ru": "Далее", "en": "Next"},
    "previous": {"ky": "Мурунку", "ru": "Назад", "en": "Previous"},
    "blank_page": {"ky": "Бош барак", "ru": "Пустая страница", "en": "Blank page"},
    "needs_attention": {"ky": "Текшерүү керек", "ru": "Требует внимания", "en": "Needs attention"},
    "status_queued": {"ky": "кезекте", "ru": "в очереди", "en": "queued"},
    "status_processing": {"ky": "иштетилүүдө", "ru": "обрабатывается", "en": "processing"},
    "status_done": {"ky": "даяр", "ru": "готово", "en": "done"},
    "status_done_with_errors": {"ky": "даяр, каталар менен", "ru": "готово, с ошибками", "en": "done, with errors"},
    "status_failed": {"ky": "ката", "ru": "ошибка", "en": "failed"},
    "status_rejected": {"ky": "четке кагылды", "ru": "отклонён", "en": "rejected"},
    "staff_notice": {
        "ky": "Ички издөө: анонимдештирилбеген тексттер. Коомчулукка ачпаңыз.",
        "ru": "Внутренний поиск: тексты не обезличены. Не открывайте для публики.",
        "en": "Internal search: texts are not anonymised. Do not expose publicly.",
    },
}


def current_language() -> str:
    lang = request.args.get("lang") or request.cookies.get("lang") or "ky"
    return lang if lang in LANGUAGES else "ky"


def install_i18n(app: Flask) -> None:
    @app.context_processor
    def _strings():  # type: ignore[no-untyped-def]
        lang = current_language()
        return {"t": lambda key: STRINGS[key][lang], "lang": lang, "languages": LANGUAGES}

    @app.after_request
    def _remember(response):  # type: ignore[no-untyped-def]
        if request.args.get("lang") in LANGUAGES:
            response.set_cookie("lang", request.args["lang"], max_age=365 * 86400, samesite="Lax")
        return response
