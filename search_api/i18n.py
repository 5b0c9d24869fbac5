"""The interface in Kyrgyz, Russian and English, with gettext.

Every string a person sees is an English msgid, translated in the
catalogues search_api/translations/{ky,ru,en}/LC_MESSAGES/messages.po
(compiled to .mo by scripts/setup.sh; `make translations` extracts the
strings anew). Templates call _() and pgettext(); code values (a case's
type, a document's status, a facet's name) are shown by label(family,
value), whose names are declared once below with their context, so that
"rejected" as a document's status and as a publication's state can be
said differently. Dates are said in words by say_date().

The language comes from ?lang=, then a cookie, then Kyrgyz.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from babel.dates import format_date
from flask import Flask, request
from flask_babel import Babel, LazyString, force_locale, get_locale, gettext, lazy_pgettext, ngettext, pgettext

from anonymise.identifiers import RECOGNIZERS
from archive import corrections, publication, review
from ingest import attention
from ingest.sniff import LABELS as FILE_KINDS
from ingest.sources import REASONS
from ocr.quality import FLAGS

LANGUAGES = ("ky", "ru", "en")
# Each language named in itself, as a language switch shows it.
LANGUAGE_NAMES = dict(ky="Кыргызча", ru="Русский", en="English")

# The names of code values, by family.
LABELS: dict[str, dict[str, LazyString]] = {
    # What the anonymiser found (review page): a person here; each kind of
    # identifier is named by its recognizer (anonymise/identifiers.py).
    "entity": {
        "PERSON": lazy_pgettext("entity", "person's name"),
    },
    # Why the leak check holds a span back (anonymise/leaks.py).
    "suspect": {
        "surname": lazy_pgettext("suspect", "a surname's form"),
        "surname in small letters": lazy_pgettext("suspect", "a surname's form in small letters"),
        "name word": lazy_pgettext("suspect", "a name's word in a Kyrgyz case"),
        "Latin name": lazy_pgettext("suspect", "a name in Latin letters"),
        "patronymic": lazy_pgettext("suspect", "a patronymic"),
        "beside initials": lazy_pgettext("suspect", "beside initials"),
        "unknown word": lazy_pgettext("suspect", "an unknown word inside a sentence"),
        "uulu/kyzy": lazy_pgettext("suspect", "уулу/кызы"),
        "identifier": lazy_pgettext("suspect", "a number like an identifier"),
        "address": lazy_pgettext("suspect", "an address"),
    },
    # What a reviewer's or an operator's action did (the message after it).
    "done": {
        "approved": lazy_pgettext("done", "Approved"),
        "published": lazy_pgettext("done", "Published"),
        "withdrawn": lazy_pgettext("done", "Withdrawn"),
        "rejected": lazy_pgettext("done", "Rejected"),
        "redacted": lazy_pgettext("done", "Redacted"),
        "kept": lazy_pgettext("done", "Kept"),
        "accepted": lazy_pgettext("done", "Page accepted as is"),
        "handwritten": lazy_pgettext("done", "Page marked handwritten"),
        "rescan": lazy_pgettext("done", "Page replaced: it is read again"),
    },
    # Which instance decided (metadata/ INSTANCES).
    "instance": {
        "appeal": lazy_pgettext("instance", "appeal"),
        "cassation": lazy_pgettext("instance", "cassation"),
    },
    # What an account may do (sotarchive users, the audit trail).
    "account": {
        "operator": lazy_pgettext("account", "operator"),
        "reviewer": lazy_pgettext("account", "reviewer"),
        "judge": lazy_pgettext("account", "judge"),
        "admin": lazy_pgettext("account", "administrator"),
    },
    # What happened to a document (history, audit trail).
    "event": {
        "view": lazy_pgettext("event", "read the original"),
        "review": lazy_pgettext("event", "opened for review"),
        "api": lazy_pgettext("event", "read through the API"),
        "api-search": lazy_pgettext("event", "found through the API"),
        "search": lazy_pgettext("event", "seen in search results"),
        "similar": lazy_pgettext("event", "shown as a similar decision"),
        "download": lazy_pgettext("event", "downloaded the original"),
        "scan": lazy_pgettext("event", "viewed the scan"),
        "thumbnail": lazy_pgettext("event", "viewed a thumbnail"),
        "received": lazy_pgettext("event", "received"),
        "refused": lazy_pgettext("event", "refused"),
        "started": lazy_pgettext("event", "started"),
        "done": lazy_pgettext("event", "done"),
        "failed": lazy_pgettext("event", "failed"),
        "retry": lazy_pgettext("event", "sent again"),
        "not kept": lazy_pgettext("event", "file not kept"),
        "accepted": lazy_pgettext("event", "page accepted as is"),
        "handwritten": lazy_pgettext("event", "page marked handwritten"),
        "rescanned": lazy_pgettext("event", "page re-scanned"),
        "split": lazy_pgettext("event", "split"),
        "joined": lazy_pgettext("event", "joined"),
        "corrected": lazy_pgettext("event", "metadata corrected"),
        "edited": lazy_pgettext("event", "detections edited"),
        "held": lazy_pgettext("event", "held by the leak check"),
        "approved": lazy_pgettext("event", "approved"),
        "rejected": lazy_pgettext("event", "rejected"),
        "published": lazy_pgettext("event", "published"),
        "withdrawn": lazy_pgettext("event", "withdrawn"),
    },
    "status": {
        "queued": lazy_pgettext("status", "queued"),
        "processing": lazy_pgettext("status", "processing"),
        "done": lazy_pgettext("status", "done"),
        "done_with_errors": lazy_pgettext("status", "done, with errors"),
        "failed": lazy_pgettext("status", "failed"),
        "rejected": lazy_pgettext("status", "rejected"),
    },
    "sort": {
        "relevance": lazy_pgettext("sort", "by relevance"),
        "date": lazy_pgettext("sort", "newest first"),
        "date_asc": lazy_pgettext("sort", "oldest first"),
    },
    "facet": {
        "court": lazy_pgettext("facet", "Court"),
        "decade": lazy_pgettext("facet", "Decade"),
        "year": lazy_pgettext("facet", "Year"),
        "type": lazy_pgettext("facet", "Case type"),
        "lang": lazy_pgettext("facet", "Language"),
        "article": lazy_pgettext("facet", "Article"),
    },
    "type": {
        "criminal": lazy_pgettext("type", "criminal"),
        "civil": lazy_pgettext("type", "civil"),
        "administrative": lazy_pgettext("type", "administrative"),
        "economic": lazy_pgettext("type", "economic"),
    },
    "lang": {
        "ky": lazy_pgettext("lang", "Kyrgyz"),
        "ru": lazy_pgettext("lang", "Russian"),
        "mixed": lazy_pgettext("lang", "mixed"),
    },
    "publication": {
        "pending": lazy_pgettext("publication", "pending"),
        "in_review": lazy_pgettext("publication", "in review"),
        "approved": lazy_pgettext("publication", "approved"),
        "rejected": lazy_pgettext("publication", "rejected"),
        "published": lazy_pgettext("publication", "published"),
        "withdrawn": lazy_pgettext("publication", "withdrawn"),
    },
    "stage": {
        "ocr": lazy_pgettext("stage", "OCR'd"),
        "anonymised": lazy_pgettext("stage", "Anonymised"),
        "indexed": lazy_pgettext("stage", "Indexed"),
        "published": lazy_pgettext("stage", "Published"),
    },
    "field": {
        "court": lazy_pgettext("field", "Court"),
        "case_number": lazy_pgettext("field", "Case number"),
        "date": lazy_pgettext("field", "Date"),
        "case_type": lazy_pgettext("field", "Case type"),
        "judges": lazy_pgettext("field", "Judges"),
        "articles": lazy_pgettext("field", "Articles"),
        "archive_ref": lazy_pgettext("field", "Archive reference"),
        "instance": lazy_pgettext("field", "Instance"),
        "result": lazy_pgettext("field", "Result"),
    },
    "role": {
        "presiding": lazy_pgettext("role", "Presiding"),
        "judges": lazy_pgettext("role", "Judges"),
        "reporting": lazy_pgettext("role", "Reporting judge"),
        "secretary": lazy_pgettext("role", "Secretary"),
        "prosecutor": lazy_pgettext("role", "Prosecutor"),
        "lawyers": lazy_pgettext("role", "Lawyers"),
    },
    "party": {
        "convict": lazy_pgettext("party", "convict"),
        "accused": lazy_pgettext("party", "accused"),
        "plaintiff": lazy_pgettext("party", "plaintiff"),
        "applicant": lazy_pgettext("party", "applicant"),
    },
    "kind": {
        "verdict": lazy_pgettext("kind", "verdict"),
        "decision": lazy_pgettext("kind", "decision"),
        "ruling": lazy_pgettext("kind", "ruling"),
        "resolution": lazy_pgettext("kind", "resolution"),
    },
    "outcome": {
        "upheld": lazy_pgettext("outcome", "upheld"),
        "overturned": lazy_pgettext("outcome", "overturned"),
        "modified": lazy_pgettext("outcome", "modified"),
        "terminated": lazy_pgettext("outcome", "terminated"),
        "convicted": lazy_pgettext("outcome", "convicted"),
        "acquitted": lazy_pgettext("outcome", "acquitted"),
        "granted": lazy_pgettext("outcome", "granted"),
        "partly granted": lazy_pgettext("outcome", "partly granted"),
        "dismissed": lazy_pgettext("outcome", "dismissed"),
    },
    "relation": {
        "lower": lazy_pgettext("relation", "the act reviewed"),
        "review": lazy_pgettext("relation", "a review of this act"),
        "same": lazy_pgettext("relation", "the same case"),
    },
}


# Why a query cannot be searched (QueryError.code, with its params).
QUERY_ERRORS: dict[str, LazyString] = {
    "too_long": lazy_pgettext("query", 'the query is too long: at most %(limit)s characters, this one has %(count)s'),
    "empty": lazy_pgettext("query", 'the query is empty: type a word to search for'),
    "too_many_words": lazy_pgettext("query", 'the query has too many words: at most %(limit)s, this one has %(count)s'),
    "unopened": lazy_pgettext("query", 'a closing parenthesis has no opening one'),
    "only_excludes": lazy_pgettext("query", 'the query only excludes: add a word or a filter to search for'),
    "unclosed_quote": lazy_pgettext("query", 'a quotation mark is not closed (at character %(at)s)'),
    "empty_parentheses": lazy_pgettext("query", 'empty parentheses: put words between them'),
    "word_before": lazy_pgettext("query", '“%(operator)s” needs a word before it'),
    "word_after": lazy_pgettext("query", '“%(operator)s” needs a word after it'),
    "loose_minus": lazy_pgettext("query", '“-” must stand right before the word to exclude'),
    "too_deep": lazy_pgettext("query", 'parentheses are nested too deep: at most %(limit)s levels'),
    "unclosed_parenthesis": lazy_pgettext("query", 'a parenthesis is not closed'),
    "empty_quotes": lazy_pgettext("query", 'empty quotation marks: put the phrase between them ("сот системасы")'),
    "slop": lazy_pgettext("query", "a phrase's distance can be at most %(limit)s words, not %(count)s"),
    "star_inside": lazy_pgettext("query", '“%(value)s”: “*” goes at the end of a word (мамлекет*)'),
    "short_prefix": lazy_pgettext("query", '“%(value)s”: a prefix needs at least two letters before “*”'),
    "unknown_field": lazy_pgettext("query", 'there is no field “%(name)s:”: there are court:, year:, type:, lang: and article:'),
    "field_value": lazy_pgettext("query", '“%(name)s:” needs a value after it (for example %(name)s:1967)'),
    "unknown_type": lazy_pgettext("query", 'unknown case type “%(value)s”: use criminal, civil, administrative or economic'),
    "unknown_language": lazy_pgettext("query", 'unknown language “%(value)s”: use ky, ru or mixed'),
    "not_article": lazy_pgettext("query", '“%(value)s” is not an article: write the code and the number, e.g. article:"УК 168"'),
    "not_year": lazy_pgettext("query", '“%(value)s” is not a year or a range of years: write 1967, 1965..1970, ..1970 or 1965..'),
    "backwards_range": lazy_pgettext("query", 'the range %(value)s ends before it begins'),
    "nothing_to_find": lazy_pgettext("query", '“%(value)s” has no letters or digits to search for'),
    "unknown_sort": lazy_pgettext("query", 'unknown sort “%(value)s”'),
    "empty_court": lazy_pgettext("query", '“court:%(value)s” has no words to look for'),
}


# Values inside recorded reasons that are said in the reader's language too.
KNOWN_VALUES = frozenset({*FILE_KINDS.values(), publication.NOT_ANONYMISED})

# Kyrgyz court acts write a date as "2013-жылдын 17-январы": the month in
# the possessive, which the locale data does not give.
KYRGYZ_MONTHS = ("январы", "февралы", "марты", "апрели", "майы", "июну", "июлу", "августу", "сентябры", "октябры",
                 "ноябры", "декабры")


def label(family: str, value: object) -> str:
    """A code value by its name in the visitor's language; an unknown code as it is."""
    recognizer = RECOGNIZERS.get(str(value)) if family == "entity" else None
    if recognizer is not None:
        return recognizer.name.get(current_language(), recognizer.name["en"])
    name = LABELS.get(family, {}).get(str(value))
    return str(name) if name is not None else str(value)


# The metadata fields whose values are codes, and the family naming them.
FIELD_FAMILIES = {"case_type": "type", "result": "outcome", "instance": "instance", "act_kind": "kind"}


def field_value(field: str, value: object) -> str:
    """A metadata field's value as a reader sees it: a code by its name."""
    if field == "date" and value:
        return say_date(str(value))
    family = FIELD_FAMILIES.get(field)
    return label(family, value) if family and value else str(value or "")


def decade(value: str) -> str:
    """A decade facet's value ("1960s") in words: "1960-жылдар", "1960-е"."""
    if not re.fullmatch(r"\d{4}s", value or ""):
        return value
    return pgettext("decade", "%(year)ss", year=value[:4])


def say_date(value: date | datetime | str | None, language: str | None = None) -> str:
    """A date in words: "11 марта 2026 г.", "2026-жылдын 11-марты", "March 11, 2026"."""
    if not value:
        return ""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value[:10])
        except ValueError:
            return value
    language = language or str(get_locale() or "ky")
    if language == "ky":
        return f"{value.year}-жылдын {value.day}-{KYRGYZ_MONTHS[value.month - 1]}"
    return format_date(value, "long", locale=language)


def error_page(code: int, csrf: bool = False) -> tuple[str, str]:
    """What a page says when a request fails: why, and the status in words."""
    if csrf:
        return (gettext("The form has expired or was sent from another page (CSRF check). "
                        "Reload the page and send the form again."), gettext("Bad request"))
    reasons = {
        400: (gettext("The request could not be understood. Check the address or the form and try again."),
              gettext("Bad request")),
        403: (gettext("You may not open this page with your account."), gettext("Forbidden")),
        404: (gettext("There is no such page. The address may be mistyped, or the decision was withdrawn."),
              gettext("Page not found")),
        405: (gettext("This page cannot be used that way."), gettext("Not allowed")),
        413: (gettext("The file is too large to be received."), gettext("Too large")),
        429: (gettext("Too many requests in a short time. Wait a little and try again."), gettext("Too many requests")),
    }
    return reasons.get(code, (gettext("Something went wrong on our side. Please try again later."),
                              gettext("Server error")))


@lru_cache(maxsize=1)
def _reason_patterns() -> list[tuple[re.Pattern[str], str]]:
    """Each recorded reason's template (refusals of files, pages' flags) as
    a pattern that finds its placeholders' values again."""
    patterns = []
    # "%(name)s: %(reason)s" is read by say_reason itself: as a pattern it would take any text with a colon.
    for template in (*REASONS.values(), *FLAGS.values(), *publication.REFUSALS.values(), *review.REFUSALS.values(),
                     *corrections.REFUSALS.values(), attention.REFUSALS["not_one_page"]):
        pattern = re.sub(r"%\\\((\w+)\\\)s", r"(?P<\1>.+?)", re.escape(template))
        patterns.append((re.compile(f"^{pattern}$", re.S), template))
    return patterns


def say_reason(text: str | None) -> str:
    """A reason recorded in English (why a file was refused, why a page
    needs attention, why a document is not published), said in the
    visitor's language: its template is found, translated and filled in
    again, and the values inside (a file's kind, a state, a reason of its
    own) are said too. Details from a library (qpdf's, PIL's) stay as they
    are, and a reason no template knows is shown as recorded."""
    if not text:
        return text or ""
    said = _template_said(text)
    if said is not None:
        return said
    name, colon, rest = text.partition(": ")
    if colon and (said := _template_said(rest)) is not None:  # "скан.pdf: <why it is refused>"
        return f"{name}: {said}"
    if "; " in text:  # several flags of one page, or several warnings of one file
        return "; ".join(say_reason(part) for part in text.split("; "))
    return text


def _template_said(text: str) -> str | None:
    for pattern, template in _reason_patterns():
        match = pattern.match(text)
        if match:
            return gettext(template) % {name: _say_value(value) for name, value in match.groupdict().items()}
    return None


def _say_value(value: str) -> str:
    """A value inside a reason: a file's kind, a publication state, or a
    reason of its own (a refused replacement scan's), each in the visitor's
    language; anything else (a name, a number) as it is."""
    if value in KNOWN_VALUES:
        return gettext(value)
    if value in LABELS["publication"]:
        return label("publication", value)
    return say_reason(value)


def say_origin(message: str | None) -> str:
    """An audit event's "judge from 10.0.0.5" (search_api/audit.py) in the
    visitor's language; any other message as say_reason says it."""
    match = re.fullmatch(r"(\w+) from (\S+)", message or "")
    if not match:
        return say_reason(message)
    return gettext("%(role)s from %(address)s", role=label("account", match.group(1)), address=match.group(2))


def minutes(seconds: float | None) -> str:
    """Time left, in whole minutes: "—" when unknown, "less than a minute" under one."""
    if seconds is None:
        return "—"
    if seconds < 60:
        return gettext("less than a minute")
    return ngettext("%(num)d minute", "%(num)d minutes", round(seconds / 60))


def query_error(exc: Exception, lang: str) -> str:
    """Why the query cannot be searched, said in this language."""
    text = QUERY_ERRORS.get(getattr(exc, "code", ""))
    if text is None:
        return str(exc)
    with force_locale(lang):
        try:
            return str(text) % getattr(exc, "params", {})
        except (KeyError, TypeError, ValueError):
            return str(exc)


def query_refusal(exc: Exception, lang: str) -> str:
    """"The query is not understood: <why>", in this language (the API's
    400 and a saved search's refusal; the search page shows the two apart)."""
    with force_locale(lang):
        prefix = gettext("The query is not understood")
    return f"{prefix}: {query_error(exc, lang)}"


def current_language() -> str:
    lang = request.args.get("lang") or request.cookies.get("lang") or "ky"
    return lang if lang in LANGUAGES else "ky"


def install_i18n(app: Flask) -> None:
    Babel(app, locale_selector=current_language, default_translation_directories="translations")
    app.jinja_env.filters["say_date"] = say_date
    app.jinja_env.filters["say_reason"] = say_reason
    app.jinja_env.filters["say_origin"] = say_origin

    @app.context_processor
    def _strings():  # type: ignore[no-untyped-def]
        return {"lang": current_language(), "languages": LANGUAGES, "language_names": LANGUAGE_NAMES, "label": label,
                "minutes": minutes, "decade": decade, "field_value": field_value}

    @app.after_request
    def _remember(response):  # type: ignore[no-untyped-def]
        if request.args.get("lang") in LANGUAGES:
            response.set_cookie("lang", request.args["lang"], max_age=365 * 86400, samesite="Lax")
            # A response that sets a visitor's cookie is theirs alone: a shared
            # cache must not hand it (and its Set-Cookie) to the next visitor.
            response.headers["Cache-Control"] = "private, no-store"
        return response
