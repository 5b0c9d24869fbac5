"""The review queue: a reviewer reads each anonymised decision with its
detections highlighted, mends them, and approves, rejects or publishes.

The work is done by archive.review and archive.publication, which record
every change as an event with the reviewer's name; this module only shows
and asks. Reading a decision here is a look at the original text, so it
is audited like any other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for

from anonymise import Entity
from anonymise.identifiers import RECOGNIZERS
from anonymise.leaks import Suspect
from anonymise.names import name_base
from archive import publication, review as reviewing
from search_api.audit import audit
from search_api.auth import account, requires
from search_api.documents import load_document, services
from search_api.i18n import label, say_reason
from storage.models import Publication

blueprint = Blueprint("review", __name__)
QUEUE_STATES = tuple(Publication)  # pending, in review, approved, rejected, published, withdrawn


def labels() -> tuple[str, ...]:
    """What a reviewer may mark a missed value as: a person, or any registered kind of identifier."""
    return ("PERSON", *RECOGNIZERS)


@dataclass
class Segment:
    """A run of a page's text, inside one detection or outside all."""

    text: str
    entity: Entity | None = None


def segments(text: str, entities: list[Entity]) -> list[Segment]:
    out, position = [], 0
    for entity in sorted(entities, key=lambda e: e.start):
        if entity.start < position:
            continue  # overlapping detections: the first one shown wins
        if entity.start > position:
            out.append(Segment(text[position : entity.start]))
        out.append(Segment(text[entity.start : entity.end], entity))
        position = entity.end
    out.append(Segment(text[position:]))
    return out


def _who() -> str:
    who = account()
    assert who is not None
    return who.username


@blueprint.get("/")
@requires("review")
def queue():  # type: ignore[no-untyped-def]
    state = request.args.get("state", "pending")
    if state not in QUEUE_STATES:
        state = "pending"
    counts, documents = reviewing.queue(services(), state)
    return render_template("review_queue.html", documents=documents, state=state, states=QUEUE_STATES, counts=counts)


@blueprint.get("/<document_id>")
@requires("review")
def document(document_id: str):  # type: ignore[no-untyped-def]
    view = load_document(document_id)
    if view.document.publication is None:
        abort(404, description=f"{document_id} is not anonymised yet")
    found = reviewing.detections(services(), document_id)
    audit(document_id, "review")
    # What the independent leak check holds the act back for, marked where
    # it stands in the original text beside the detections.
    held = publication.held_spans(services(), document_id)
    pages = [
        (page, segments(page.text or "", [d.entity for d in found if d.page == page.number]
                        + _held_marks(page.text or "", held)))
        for page in view.pages
    ]
    history = reviewing.history(services(), document_id)
    unique = {(d.entity.text, d.entity.label, d.entity.action): d for d in found}
    ordered = sorted(unique.values(), key=lambda d: d.entity.confidence)  # the uncertain ones first
    return render_template("review.html", doc=view.document, pages=pages, detections=ordered,
                           labels=labels(), history=history, held=held, people=_people(ordered))


def _people(found: list) -> list[tuple[str, str, list[str]]]:  # type: ignore[type-arg]
    """The persons found, each once with every form of their name: private
    persons by their replacement, officials kept by name; hidden ones first."""
    people: dict[tuple[str, str], list[str]] = {}
    for detection in found:
        entity = detection.entity
        if entity.label == "PERSON":
            # An official kept by name, in every form of it ("Бекмуратова", "К. Бекмуратов"): one person.
            who = entity.replacement or name_base(max(re.findall(r"\w{3,}", entity.text) or [entity.text], key=len))
            forms = people.setdefault((entity.action, who), [])
            if entity.text not in forms:
                forms.append(entity.text)
    return sorted(((action, who, forms) for (action, who), forms in people.items()),
                  key=lambda p: (p[0] != "redact", p[1]))


def _held_marks(text: str, held: list[Suspect]) -> list[Entity]:
    return [Entity(m.start(), m.end(), "HELD", m.group(), "held", None, 0.0)
            for suspect in {s.text for s in held} for m in reviewing.occurrences(suspect, text)]


@blueprint.post("/<document_id>/redact")
@requires("review")
def redact(document_id: str):  # type: ignore[no-untyped-def]
    label = request.form.get("label", "PERSON")
    if label not in labels():
        abort(400, description=f"unknown label {label!r}")
    return _change(document_id, lambda: reviewing.redact_text(
        services(), document_id, request.form.get("text", ""), label, _who()), "redacted")


@blueprint.post("/<document_id>/keep")
@requires("review")
def keep(document_id: str):  # type: ignore[no-untyped-def]
    return _change(document_id, lambda: reviewing.keep_text(
        services(), document_id, request.form.get("text", ""), _who()), "kept")


@blueprint.post("/<document_id>/reject")
@requires("review")
def reject(document_id: str):  # type: ignore[no-untyped-def]
    return _change(document_id, lambda: reviewing.reject(
        services(), document_id, request.form.get("reason") or None, _who()), "rejected")


@blueprint.post("/<document_id>/approve")
@requires("review")
def approve(document_id: str):  # type: ignore[no-untyped-def]
    outcome = publication.approve(services(), [document_id], who=_who())
    return _outcome(document_id, outcome, "approved")


@blueprint.post("/<document_id>/publish")
@requires("review")
def publish(document_id: str):  # type: ignore[no-untyped-def]
    outcome = publication.publish(services(), [document_id], who=_who())
    return _outcome(document_id, outcome, "published")


@blueprint.post("/<document_id>/withdraw")
@requires("review")
def withdraw(document_id: str):  # type: ignore[no-untyped-def]
    outcome = publication.withdraw(services(), [document_id], who=_who(), reason=request.form.get("reason") or None)
    return _outcome(document_id, outcome, "withdrawn")


def _change(document_id: str, action, done: str):  # type: ignore[no-untyped-def]
    try:
        action()
    except reviewing.ReviewError as exc:
        flash(say_reason(str(exc)), "error")
    else:
        flash(label("done", done), "ok")
    return redirect(url_for("review.document", document_id=document_id))


def _outcome(document_id: str, outcome: publication.Outcome, done: str):  # type: ignore[no-untyped-def]
    if document_id in outcome.refused:
        flash(say_reason(outcome.refused[document_id]), "error")
    else:
        flash(label("done", done), "ok")
    return redirect(url_for("review.document", document_id=document_id))
