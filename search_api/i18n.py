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
    "sort": {"ky": "Тартиби", "ru": "Сортировка", "en": "Sort"},
    "sort_relevance": {"ky": "дал келүүсү боюнча", "ru": "по релевантности", "en": "by relevance"},
    "sort_date": {"ky": "жаңылары биринчи", "ru": "сначала новые", "en": "newest first"},
    "sort_date_asc": {"ky": "эскилери биринчи", "ru": "сначала старые", "en": "oldest first"},
    "facet_court": {"ky": "Сот", "ru": "Суд", "en": "Court"},
    "facet_decade": {"ky": "Он жылдык", "ru": "Десятилетие", "en": "Decade"},
    "facet_year": {"ky": "Жыл", "ru": "Год", "en": "Year"},
    "facet_type": {"ky": "Иштин түрү", "ru": "Вид дела", "en": "Case type"},
    "facet_lang": {"ky": "Тили", "ru": "Язык", "en": "Language"},
    "type_criminal": {"ky": "кылмыш", "ru": "уголовное", "en": "criminal"},
    "type_civil": {"ky": "жарандык", "ru": "гражданское", "en": "civil"},
    "type_administrative": {"ky": "административдик", "ru": "административное", "en": "administrative"},
    "type_economic": {"ky": "экономикалык", "ru": "экономическое", "en": "economic"},
    "lang_ky": {"ky": "кыргызча", "ru": "кыргызский", "en": "Kyrgyz"},
    "lang_ru": {"ky": "орусча", "ru": "русский", "en": "Russian"},
    "lang_mixed": {"ky": "аралаш", "ru": "смешанный", "en": "mixed"},
    "query_error": {"ky": "Суроо түшүнүксүз", "ru": "Запрос не понят", "en": "The query is not understood"},
    "query_help": {
        "ky": 'Сөздөр, "фраза", -чыгаруу, OR, мамлекет*, court:Ош, year:1965..1970, type:criminal, lang:ky, article:"УК 168"',
        "ru": 'Слова, "фраза", -исключение, OR, государств*, court:Ош, year:1965..1970, type:criminal, lang:ru, article:"УК 168"',
        "en": 'Words, "phrase", -exclusion, OR, prefix*, court:Ош, year:1965..1970, type:criminal, lang:ky, article:"УК 168"',
    },
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
