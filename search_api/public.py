"""The public site: published, anonymised decisions only.

Everything here reads the public index and the redacted text, images and
PDF stored at publication; a document that is not published (pending,
rejected, withdrawn, unknown) is a 404 like one that never existed.
Responses may be cached for a few minutes, so a withdrawal reaches
caches quickly.
"""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request

from indexing import QueryError
from search_api.auth import limiter, public_limit
from search_api.documents import published, send_published_pdf, services
from search_api.listing import render_search
from search_api.staff import send_image

blueprint = Blueprint("public", __name__)
# One budget per client for the whole public face, pages and API alike.
limiter.shared_limit(public_limit, scope="public")(blueprint)
PUBLIC_MAX_AGE = 300
HOME_LATEST = 5  # decisions listed on the home page


@blueprint.after_request
def _cache(response):  # type: ignore[no-untyped-def]
    if response.status_code == 200 and "Cache-Control" not in response.headers:
        response.headers["Cache-Control"] = f"public, max-age={PUBLIC_MAX_AGE}"
        response.vary.add("Cookie")  # the interface language comes from a cookie
    return response


@blueprint.get("/")
def search_page():  # type: ignore[no-untyped-def]
    index = services().public_index
    if request.args.get("q", "").strip():
        return render_search(index, scope="public")
    # The home page: what the archive holds, and the latest decisions published.
    try:
        holdings = index.search("*", limit=HOME_LATEST, sort="date", facets=True)
    except QueryError:
        holdings = None
    return render_search(index, scope="public", holdings=holdings)


@blueprint.get("/decisions/<document_id>")
def decision(document_id: str):  # type: ignore[no-untyped-def]
    return render_template("decision.html", doc=published(document_id))


@blueprint.get("/decisions/<document_id>/pages/<int:number>/image")
def page_image(document_id: str, number: int):  # type: ignore[no-untyped-def]
    doc = published(document_id)
    page = next((p for p in doc.pages if p.number == number), None)
    if page is None or not page.public_image_blob:
        abort(404, description="this page has no public image")
    response = send_image(page.public_image_blob, private=False)
    response.headers["Cache-Control"] = f"public, max-age={PUBLIC_MAX_AGE}"
    return response


@blueprint.get("/decisions/<document_id>.pdf")
def decision_pdf(document_id: str):  # type: ignore[no-untyped-def]
    return send_published_pdf(document_id)
