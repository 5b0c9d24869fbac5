"""The judges' workspace: the full internal archive behind a login.

Every look at a non-anonymised document (its page, its scans, its PDF) is
an audit event naming who, what and from where; admins read the trail.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext
from archive import case_links, corrections, saved_searches as saved
from archive.audit_trail import recent as recent_looks
from archive.indexed import refresh_indexes
from indexing import QueryError
from search_api.audit import audit
from search_api.auth import account, requires
from search_api.documents import load_document, load_page, services
from search_api.i18n import current_language, query_refusal, say_reason
from search_api.listing import render_search

blueprint = Blueprint("staff", __name__)


@blueprint.get("/")
@requires("read")
def search_page():  # type: ignore[no-untyped-def]
    return render_search(services().internal_index, scope="staff")


@blueprint.get("/documents/<document_id>")
@requires("read")
def document(document_id: str):  # type: ignore[no-untyped-def]
    view = load_document(document_id)
    audit(document_id, "view")
    text = "\n\n".join(p.text or "" for p in view.pages)
    found, corrected = corrections.effective(services(), document_id, text)
    try:
        similar = services().internal_index.similar(document_id, limit=5)
    except QueryError:
        similar = []  # not indexed (yet, or superseded)
    return render_template("document.html", doc=view.document, pages=view.pages, meta=found, corrected=corrected,
                           fields=corrections.FIELDS, shown_value=shown_value, similar=similar,
                           links=case_links.linked(services(), document_id))


@blueprint.post("/documents/<document_id>/metadata")
@requires("operate")
def correct_metadata(document_id: str):  # type: ignore[no-untyped-def]
    """An operator's corrections: each changed field is an event, and wins
    over extraction from then on."""
    svc = services()
    text = corrections.document_text(svc, document_id)
    if text is None:
        abort(404, description=f"no document {document_id}")
    current, _ = corrections.effective(svc, document_id, text)
    who = account()
    assert who is not None
    changed = 0
    try:
        for field in corrections.FIELDS:
            if field not in request.form:
                continue
            raw = request.form[field]
            if corrections.parse(field, raw) == current.as_json()[field]:
                continue  # unchanged (the court may be named another way, it is the same court)
            corrections.correct(svc, document_id, field, raw, text, who.username)
            changed += 1
    except corrections.CorrectionError as exc:
        flash(say_reason(str(exc)), "error")
    if changed:
        refresh_indexes(svc, document_id)
        flash(gettext("Saved"), "ok")
    return redirect(url_for("staff.document", document_id=document_id) + "#metadata")


def shown_value(meta, field: str) -> str:  # type: ignore[no-untyped-def]
    """A field as the form shows it (and as an operator types it back)."""
    value = getattr(meta, field)
    if field == "judges":
        return ", ".join(value)
    if field == "articles":
        return "; ".join(article.cited() for article in value)
    return value or ""


@blueprint.get("/documents/<document_id>/pages/<int:number>/image")
@requires("read")
def page_image(document_id: str, number: int):  # type: ignore[no-untyped-def]
    return send_image(scan_of(document_id, number, "scan"), private=True)


def scan_of(document_id: str, number: int, what: str) -> str:
    """The blob of a page's original scan, its viewing audited as `what`."""
    page = load_page(document_id, number)
    if not page.image_blob:
        abort(404, description="this page has no image")
    audit(document_id, what, number)
    return page.image_blob


@blueprint.get("/documents/<document_id>/pdf")
@requires("read")
def document_pdf(document_id: str):  # type: ignore[no-untyped-def]
    view = load_document(document_id)
    if not view.document.pdf_blob:
        abort(404, description="this document has no PDF")
    audit(document_id, "download")
    name = view.document.source_name.rsplit(".", 1)[0] + ".searchable.pdf"
    response = send_file(services().blobs.path(view.document.pdf_blob), mimetype="application/pdf",
                         download_name=name)
    response.headers["Cache-Control"] = "private, no-store"
    return response


@blueprint.get("/articles")
@requires("read")
def articles():  # type: ignore[no-untyped-def]
    """Every article of a code cited in the archive, by code, with how many acts cite it."""
    facets = services().internal_index.search("*", limit=1, facets=True).facets
    by_code: dict[str, list[tuple[str, int]]] = {}
    for value, count in sorted(facets.get("article", []), key=lambda item: _article_order(item[0])):
        by_code.setdefault(value.split()[0], []).append((value, count))
    return render_template("articles.html", by_code=by_code)


def _article_order(value: str) -> tuple[str, int, str]:
    code, _, number = value.partition(" ")
    return (code, int(number) if number.isdigit() else 10**6, number)


@blueprint.post("/saved")
@requires("read")
def save_search():  # type: ignore[no-untyped-def]
    who = account()
    assert who is not None
    query = request.form.get("q", "").strip()
    try:
        saved.save(services().catalog, services().internal_index, who.id, query)
    except QueryError as exc:
        flash(query_refusal(exc, current_language()), "error")
        return redirect(url_for("staff.search_page", q=query))
    flash(gettext("Search saved"), "ok")
    return redirect(url_for("staff.saved_searches"))


@blueprint.get("/saved")
@requires("read")
def saved_searches():  # type: ignore[no-untyped-def]
    who = account()
    assert who is not None
    return render_template("saved.html", alerts=saved.alerts(services().catalog, services().internal_index, who.id))


@blueprint.post("/saved/<int:search_id>/<action>")
@requires("read")
def saved_action(search_id: int, action: str):  # type: ignore[no-untyped-def]
    who = account()
    assert who is not None
    try:
        if action == "seen":
            saved.mark_seen(services().catalog, services().internal_index, who.id, search_id)
        elif action == "delete":
            saved.delete(services().catalog, who.id, search_id)
        else:
            abort(404)
    except LookupError as exc:
        abort(404, description=str(exc))
    return redirect(url_for("staff.saved_searches"))


@blueprint.get("/audit")
@requires("admin")
def audit_trail():  # type: ignore[no-untyped-def]
    """Who looked at which non-anonymised document, newest first; by user,
    by document, or both."""
    who = request.args.get("user", "").strip()
    document_id = request.args.get("document", "").strip()
    trail = recent_looks(services(), who, document_id)
    return render_template("audit.html", events=trail.events, user=who, document=document_id, titles=trail.titles)


def send_image(blob: str, private: bool):  # type: ignore[no-untyped-def]
    path = services().blobs.path(blob)
    with path.open("rb") as handle:
        mimetype = "image/png" if handle.read(4) == b"\x89PNG" else "image/jpeg"
    response = send_file(path, mimetype=mimetype)
    response.headers["Cache-Control"] = "private, no-store" if private else "public, max-age=86400"
    return response
