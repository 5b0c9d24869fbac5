"""Server-rendered HTML pages: search and document view."""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request, send_file

from indexing import QueryError
from indexing.backend import SORTS
from search_api.api import int_arg
from search_api.documents import load_document, load_page, services

blueprint = Blueprint("pages", __name__)
PAGE_SIZE = 10


FACET_FILTERS = {"court": 'court:"{}"', "type": "type:{}", "lang": "lang:{}", "decade": "year:{}..{}", "year": "year:{}"}


@blueprint.get("/")
def search_page():  # type: ignore[no-untyped-def]
    query = request.args.get("q", "").strip()
    offset = int_arg("offset", 0, 0, 10_000)
    sort = request.args.get("sort", "relevance")
    if sort not in SORTS:
        sort = "relevance"
    result, error = None, None
    if query:
        try:
            result = services().internal_index.search(query, limit=PAGE_SIZE, offset=offset, sort=sort, facets=True)
        except QueryError as exc:
            error = str(exc)  # shown on the page with the query kept, for correcting
    return render_template(
        "search.html", query=query, result=result, error=error, offset=offset, page_size=PAGE_SIZE,
        sort=sort, sorts=SORTS, facet_filter=facet_filter,
    )


def facet_filter(name: str, value: str) -> str:
    """The query-language filter a facet value adds to the query."""
    if name == "decade":
        start = int(value.rstrip("s"))
        return FACET_FILTERS[name].format(start, start + 9)
    return FACET_FILTERS[name].format(value)


@blueprint.get("/documents/<document_id>")
def document(document_id: str):  # type: ignore[no-untyped-def]
    view = load_document(document_id)
    return render_template("document.html", doc=view.document, pages=view.pages)


@blueprint.get("/documents/<document_id>/pages/<int:number>/image")
def page_image(document_id: str, number: int):  # type: ignore[no-untyped-def]
    page = load_page(document_id, number)
    if not page.image_blob:
        abort(404, description="this page has no image")
    path = services().blobs.path(page.image_blob)
    mimetype = "image/png" if path.read_bytes()[:4] == b"\x89PNG" else "image/jpeg"
    return send_file(path, mimetype=mimetype, max_age=86400)


@blueprint.get("/documents/<document_id>/pdf")
def document_pdf(document_id: str):  # type: ignore[no-untyped-def]
    view = load_document(document_id)
    if not view.document.pdf_blob:
        abort(404, description="this document has no PDF")
    name = view.document.source_name.rsplit(".", 1)[0] + ".searchable.pdf"
    return send_file(
        services().blobs.path(view.document.pdf_blob),
        mimetype="application/pdf",
        download_name=name,
        max_age=86400,
    )
