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
    "skip": {"ky": "Мазмунга өтүү", "ru": "К содержанию", "en": "Skip to content"},
    "menu": {"ky": "Меню", "ru": "Меню", "en": "Menu"},
    "workspace": {"ky": "Иш орду", "ru": "Рабочее место", "en": "Workspace"},
    "review_queue": {"ky": "Текшерүү кезеги", "ru": "Очередь проверки", "en": "Review queue"},
    "review": {"ky": "Текшерүү", "ru": "Проверка", "en": "Review"},
    "audit": {"ky": "Көрүүлөр журналы", "ru": "Журнал просмотров", "en": "Audit trail"},
    "login": {"ky": "Кирүү", "ru": "Войти", "en": "Log in"},
    "logout": {"ky": "Чыгуу", "ru": "Выйти", "en": "Log out"},
    "logged_out": {"ky": "Сиз чыктыңыз", "ru": "Вы вышли", "en": "You are logged out"},
    "username": {"ky": "Колдонуучу", "ru": "Пользователь", "en": "User name"},
    "password": {"ky": "Сырсөз", "ru": "Пароль", "en": "Password"},
    "login_wrong": {"ky": "Колдонуучу же сырсөз туура эмес", "ru": "Неверное имя пользователя или пароль", "en": "Wrong user name or password"},
    "login_locked": {"ky": "Өтө көп аракет. Кийинчерээк кайталаңыз, күтүү:", "ru": "Слишком много попыток. Повторите позже, ждать:", "en": "Too many attempts. Try again in"},
    "year_from": {"ky": "Жылдан", "ru": "С года", "en": "From year"},
    "year_to": {"ky": "Жылга чейин", "ru": "По год", "en": "To year"},
    "filters": {"ky": "Чыпкалар", "ru": "Фильтры", "en": "Filters"},
    "pages": {"ky": "Барактар", "ru": "Страницы", "en": "Pages"},
    "date": {"ky": "Датасы", "ru": "Дата", "en": "Date"},
    "articles": {"ky": "Беренелер", "ru": "Статьи", "en": "Articles"},
    "published": {"ky": "Жарыяланды", "ru": "Опубликовано", "en": "Published"},
    "permalink": {"ky": "Туруктуу шилтеме", "ru": "Постоянная ссылка", "en": "Permanent link"},
    "when": {"ky": "Качан", "ru": "Когда", "en": "When"},
    "who": {"ky": "Ким", "ru": "Кто", "en": "Who"},
    "what": {"ky": "Эмне", "ru": "Что", "en": "What"},
    "document": {"ky": "Документ", "ru": "Документ", "en": "Document"},
    "original": {"ky": "Түп нуска", "ru": "Оригинал", "en": "Original"},
    "public_page": {"ky": "Ачык барак", "ru": "Публичная страница", "en": "Public page"},
    "approve": {"ky": "Бекитүү", "ru": "Одобрить", "en": "Approve"},
    "publish": {"ky": "Жарыялоо", "ru": "Опубликовать", "en": "Publish"},
    "reject": {"ky": "Четке кагуу", "ru": "Отклонить", "en": "Reject"},
    "withdraw": {"ky": "Кайра алуу", "ru": "Отозвать", "en": "Withdraw"},
    "reason": {"ky": "Себеби", "ru": "Причина", "en": "Reason"},
    "redact_missed": {"ky": "Өткөрүлгөн маалымат", "ru": "Пропущенные данные", "en": "Missed data"},
    "redact": {"ky": "Жашыруу", "ru": "Скрыть", "en": "Redact"},
    "keep": {"ky": "Калтыруу", "ru": "Оставить", "en": "Keep"},
    "label": {"ky": "Түрү", "ru": "Вид", "en": "Label"},
    "text": {"ky": "Текст", "ru": "Текст", "en": "Text"},
    "replacement": {"ky": "Алмаштыруу", "ru": "Замена", "en": "Replacement"},
    "detections": {"ky": "Табылган жеке маалыматтар", "ru": "Найденные персональные данные", "en": "Detections"},
    "history": {"ky": "Тарыхы", "ru": "История", "en": "History"},
    "redacted": {"ky": "Жашырылды", "ru": "Скрыто", "en": "Redacted"},
    "kept": {"ky": "Калтырылды", "ru": "Оставлено", "en": "Kept"},
    "approved": {"ky": "Бекитилди", "ru": "Одобрено", "en": "Approved"},
    "rejected": {"ky": "Четке кагылды", "ru": "Отклонено", "en": "Rejected"},
    "withdrawn": {"ky": "Кайра алынды", "ru": "Отозвано", "en": "Withdrawn"},
    "publication_pending": {"ky": "күтүүдө", "ru": "ожидает", "en": "pending"},
    "publication_in_review": {"ky": "текшерилүүдө", "ru": "на проверке", "en": "in review"},
    "publication_approved": {"ky": "бекитилген", "ru": "одобрено", "en": "approved"},
    "publication_rejected": {"ky": "четке кагылган", "ru": "отклонено", "en": "rejected"},
    "publication_published": {"ky": "жарыяланган", "ru": "опубликовано", "en": "published"},
    "publication_withdrawn": {"ky": "кайра алынган", "ru": "отозвано", "en": "withdrawn"},
    "desk": {"ky": "Оператордун столу", "ru": "Стол оператора", "en": "Operators' desk"},
    "new_batch": {"ky": "Жаңы топтом", "ru": "Новая партия", "en": "New batch"},
    "batch": {"ky": "Топтом", "ru": "Партия", "en": "Batch"},
    "batches": {"ky": "Топтомдор", "ru": "Партии", "en": "Batches"},
    "batch_name": {"ky": "Аталышы", "ru": "Название", "en": "Name"},
    "archive_ref": {"ky": "Архивдик шилтеме", "ru": "Архивный шифр", "en": "Archive reference"},
    "scanned_by": {"ky": "Сканерлеген", "ru": "Сканировал", "en": "Scanned by"},
    "create": {"ky": "Түзүү", "ru": "Создать", "en": "Create"},
    "stage_ocr": {"ky": "Таанылды", "ru": "Распознано", "en": "OCR'd"},
    "stage_anonymised": {"ky": "Анонимдештирилди", "ru": "Обезличено", "en": "Anonymised"},
    "stage_indexed": {"ky": "Индекстелди", "ru": "Проиндексировано", "en": "Indexed"},
    "stage_published": {"ky": "Жарыяланды", "ru": "Опубликовано", "en": "Published"},
    "documents": {"ky": "Документтер", "ru": "Документы", "en": "Documents"},
    "pace": {"ky": "Ылдамдык", "ru": "Скорость", "en": "Pace"},
    "pages_per_minute": {"ky": "барак/мүн", "ru": "стр./мин", "en": "pages/min"},
    "eta": {"ky": "Калган убакыт", "ru": "Осталось", "en": "Time left"},
    "batch_done": {"ky": "даяр", "ru": "готово", "en": "done"},
    "batch_working": {"ky": "иштетилүүдө", "ru": "в работе", "en": "in progress"},
    "retry": {"ky": "Кайталоо", "ru": "Повторить", "en": "Retry"},
    "add_files": {"ky": "Файлдар", "ru": "Файлы", "en": "Files"},
    "upload": {"ky": "Жүктөө", "ru": "Загрузить", "en": "Upload"},
    "drop_here": {"ky": "же бул жерге сүйрөп келиңиз", "ru": "или перетащите сюда", "en": "or drop them here"},
    "accept": {"ky": "Ушундай кабыл алуу", "ru": "Принять как есть", "en": "Accept as is"},
    "accepted": {"ky": "Кабыл алынды", "ru": "Принято", "en": "Accepted"},
    "handwritten": {"ky": "Кол жазма", "ru": "Рукописная", "en": "Handwritten"},
    "rescanned": {"ky": "Кайра сканерленген барак", "ru": "Пересканированная страница", "en": "Re-scanned page"},
    "rescan": {"ky": "Барак алмаштырылды", "ru": "Страница заменена", "en": "Page replaced"},
    "replace": {"ky": "Алмаштыруу", "ru": "Заменить", "en": "Replace"},
    "pages_per_day": {"ky": "Күнүнө барактар", "ru": "Страниц в день", "en": "Pages per day"},
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
        return {"t": lambda key: STRINGS[key][lang], "has_text": lambda key: key in STRINGS,
                "lang": lang, "languages": LANGUAGES}

    @app.after_request
    def _remember(response):  # type: ignore[no-untyped-def]
        if request.args.get("lang") in LANGUAGES:
            response.set_cookie("lang", request.args["lang"], max_age=365 * 86400, samesite="Lax")
        return response
