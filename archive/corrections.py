"""An operator's corrections of a document's metadata.

Extraction reads the metadata from the text every time a document is
indexed; an operator who knows better (the court from the box label, the
date the OCR misread) corrects a field. Each correction is an event in
the catalog (who, when, the value before and after), and the latest one
per field wins over extraction on every later run, so re-processing never
undoes an operator's work. Clearing a field is a correction too.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import select

from archive import case_links
from archive.errors import N_, Refusal
from archive.services import Services
import metadata
from metadata import courts
from storage.models import Document, Event, Page

STAGE = "metadata"
FIELDS = ("court", "case_number", "date", "case_type", "judges", "articles", "archive_ref", "instance", "result")
INSTANCES = ("first", "appeal", "cassation")
RESULTS = tuple(result for result, _ in metadata.RESULTS)
CASE_TYPES = tuple(kind for kind, _ in metadata.CASE_TYPES)


# Why a corrected value is not taken (said in the operator's language by search_api.i18n.say_reason).
REFUSALS = {
    "date": N_("a date is written YYYY-MM-DD, e.g. 1967-03-14, not %(raw)s"),
    "one_of": N_("%(field)s is one of %(values)s, not %(raw)s"),
    "articles": N_('no article of a code in %(raw)s: write e.g. "ст. 168 ч. 2 УК", one per ";"'),
}


class CorrectionError(Refusal, ValueError):
    """The value cannot be taken; the message says what is expected."""


def parse(field: str, raw: str) -> Any:
    """The value of a field as typed by an operator, checked and normalised.
    An empty value clears the field."""
    raw = raw.strip()
    if field not in FIELDS:
        raise CorrectionError(f"unknown field {field!r}: the fields are {', '.join(FIELDS)}")
    if field in ("judges", "articles") and not raw:
        return []
    if not raw:
        return None
    if field == "date":
        try:
            return date.fromisoformat(raw).isoformat()
        except ValueError:
            raise CorrectionError(REFUSALS["date"] % {"raw": repr(raw)}) from None
    if field == "case_type":
        if raw not in CASE_TYPES:
            raise CorrectionError(REFUSALS["one_of"] % {"field": field, "values": ", ".join(CASE_TYPES), "raw": repr(raw)})
        return raw
    if field == "instance" and raw not in INSTANCES:
        raise CorrectionError(REFUSALS["one_of"] % {"field": field, "values": ", ".join(INSTANCES), "raw": repr(raw)})
    if field == "result" and raw not in RESULTS:
        raise CorrectionError(REFUSALS["one_of"] % {"field": field, "values": ", ".join(RESULTS), "raw": repr(raw)})
    if field == "court":
        # A name the registry knows, in any era or language, becomes its canonical name.
        return courts.canonical(raw)
    if field == "judges":
        return [name.strip() for name in raw.replace(";", ",").split(",") if name.strip()]
    if field == "articles":
        found = metadata._articles(raw)
        if not found:
            raise CorrectionError(REFUSALS["articles"] % {"raw": repr(raw)})
        return [{"code": a.code, "article": a.article, "part": a.part} for a in found]
    return raw


def document_text(svc: Services, document_id: str) -> str | None:
    """A document's whole original text, pages joined as the index joins them."""
    with svc.catalog.read() as session:
        if session.get(Document, document_id) is None:
            return None
        pages = session.scalars(select(Page.text).where(Page.document_id == document_id).order_by(Page.number))
        return "\n\n".join(text or "" for text in pages)


def corrected_fields(svc: Services, document_id: str) -> dict[str, Any]:
    """The latest correction of each field, by field."""
    with svc.catalog.read() as session:
        messages = session.scalars(
            select(Event.message).where(Event.document_id == document_id, Event.stage == STAGE,
                                        Event.kind == "corrected").order_by(Event.id))
        latest: dict[str, Any] = {}
        for message in messages:
            change = json.loads(message or "{}")
            latest[change["field"]] = change["after"]
    return latest


def apply(found: metadata.Metadata, corrections: dict[str, Any]) -> metadata.Metadata:
    """Extraction's metadata with the operator's corrections over it."""
    values = found.as_json()
    values.update(corrections)
    values["articles"] = [metadata.Article(**a) for a in values["articles"]]
    values["confidence"] = {**found.confidence, **{name: 1.0 for name in corrections}}  # a person said so
    return metadata.Metadata(**values)


def effective(svc: Services, document_id: str, text: str) -> tuple[metadata.Metadata, set[str]]:
    """A document's metadata as shown and indexed, and which fields an operator set."""
    corrections = corrected_fields(svc, document_id)
    return apply(metadata.extract(text), corrections), set(corrections)


def correct(svc: Services, document_id: str, field: str, raw: str, text: str, who: str) -> metadata.Metadata:
    """Record a correction; returns the metadata with it applied."""
    value = parse(field, raw)
    before, corrected = effective(svc, document_id, text)
    if before.as_json()[field] == value and field in corrected:
        return before  # already so, by an operator's word: nothing to record
    with svc.catalog.write() as session:
        if session.get(Document, document_id) is None:
            raise CorrectionError(f"no document {document_id}")
        session.add(Event(document_id=document_id, stage=STAGE, kind="corrected", actor=who, message=json.dumps(
            {"field": field, "before": before.as_json()[field], "after": value}, ensure_ascii=False)))
    after = effective(svc, document_id, text)[0]
    if field == "case_number":
        with svc.catalog.write() as session:
            case_links.record(session, document_id, after)  # the appeal chain follows the operator's number
    return after
