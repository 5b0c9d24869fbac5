"""JSON API, version 1."""

from __future__ import annotations

from dataclasses import asdict

from flask import Blueprint, abort, jsonify, request, url_for

from indexing import Hit, QueryError
from indexing.backend import SORTS
from search_api.arguments import int_arg
from search_api.audit import audit, audit_many
from search_api.auth import account, limiter, public_limit, requires
from search_api.documents import load_document, published, send_published_pdf, services
from search_api.feeds import feed_page

blueprint = Blueprint("api", __name__)
MAX_LIMIT = 100
# Public endpoints: no key, a limit per client; staff with a token are not limited.
rate_limited = limiter.shared_limit(public_limit, scope="public", exempt_when=lambda: account() is not None)


@blueprint.after_request
def _cache(response):  # type: ignore[no-untyped-def]
    """Public answers may be cached a little; anything of the staff's never."""
    staff = request.path.startswith("/api/v1/documents") or request.args.get("scope") == "internal"
    if staff or response.status_code != 200:
        response.headers["Cache-Control"] = "private, no-store"
    else:
        response.headers.setdefault("Cache-Control", "public, max-age=60")
    return response


def run_search(query: str, scope: str, limit: int, offset: int, sort: str = "relevance",
               facets: bool = False):  # type: ignore[no-untyped-def]
    svc = services()
    index = svc.public_index if scope == "public" else svc.internal_index
    try:
        return index.search(query, limit=limit, offset=offset, sort=sort, facets=facets)
    except QueryError as exc:
        # In the caller's language when it asks for one (?lang= or Accept-Language), else English.
        from search_api.i18n import query_refusal

        lang = request.args.get("lang") or request.accept_languages.best_match(["ky", "ru", "en"]) or "en"
        lang = lang if lang in ("ky", "ru") else "en"
        abort(400, description=query_refusal(exc, lang))


@blueprint.get("/search")
@rate_limited
def search():  # type: ignore[no-untyped-def]
    """Public decisions by default; scope=internal searches the full archive (staff)."""
    query = request.args.get("q", "").strip()
    if not query:
        abort(400, description="the q parameter is required, e.g. /api/v1/search?q=сот")
    scope = request.args.get("scope", "public")
    if scope not in ("internal", "public"):
        abort(400, description="scope must be 'internal' or 'public'")
    if scope == "internal":
        return requires("read")(_search)(query, scope)
    return _search(query, scope)


def _search(query: str, scope: str):  # type: ignore[no-untyped-def]
    limit = int_arg("limit", 10, 1, MAX_LIMIT)
    offset = int_arg("offset", 0, 0, 10_000)
    sort = request.args.get("sort", "relevance")
    if sort not in SORTS:
        abort(400, description=f"sort must be one of {', '.join(SORTS)}")
    facets = request.args.get("facets", "1")
    if facets not in ("0", "1"):
        abort(400, description="facets must be 0 or 1")
    result = run_search(query, scope, limit, offset, sort, facets=facets == "1")
    if scope == "internal":  # full original text in every hit: audited
        audit_many([hit.id for hit in result.hits], "api-search")
    return jsonify(
        {
            "query": query,
            "total": result.total,
            "limit": limit,
            "offset": offset,
            "sort": sort,
            "hits": [_hit_json(h, scope) for h in result.hits],
            "facets": {name: [{"value": v, "count": n} for v, n in values] for name, values in result.facets.items()},
        }
    )


def _hit_json(hit: Hit, scope: str = "internal") -> dict:  # type: ignore[type-arg]
    endpoint = "api.public_document" if scope == "public" else "api.document"
    return {**asdict(hit), "url": url_for(endpoint, document_id=hit.id, _external=True)}


@blueprint.get("/public/documents/<document_id>")
@rate_limited
def public_document(document_id: str):  # type: ignore[no-untyped-def]
    """A published decision as the public may see it: anonymised text, and
    the title, court, date and case number read from it. Anything not
    published (pending, rejected, withdrawn, unknown) is a 404."""
    doc = published(document_id)
    return jsonify({
        "id": doc.id,
        "title": doc.title,
        "language": doc.language,
        "court": doc.court,
        "date": doc.date,
        "case_number": doc.case_number,
        "case_type": doc.case_type,
        "published_at": doc.published_at,
        "pages": [{"number": p.number, "text": p.redacted_text or ""} for p in doc.pages],
        "pdf_url": url_for("api.public_document_pdf", document_id=doc.id, _external=True),
    })


@blueprint.get("/public/documents/<document_id>/pdf")
@rate_limited
def public_document_pdf(document_id: str):  # type: ignore[no-untyped-def]
    """The redacted PDF of a published decision (boxes burnt into scans)."""
    return send_published_pdf(document_id)


@blueprint.get("/openapi.json")
def openapi():  # type: ignore[no-untyped-def]
    from search_api.openapi import document as openapi_document

    return jsonify(openapi_document())


@blueprint.get("/feed.json")
@rate_limited
def feed():  # type: ignore[no-untyped-def]
    """Published and withdrawn decisions after an event, oldest first."""
    after = int_arg("after", 0, 0, 2**62)
    limit = int_arg("limit", 100, 1, 500)
    items, next_after = feed_page(after, limit)
    return jsonify({
        "items": [{**{k: v for k, v in asdict(item).items() if k != "document_id"}, "url": url_for("public.decision", document_id=item.document_id, _external=True)
                   if item.title is not None else None, "id": item.document_id} for item in items],
        "next": url_for("api.feed", after=next_after, limit=limit, _external=True) if next_after is not None else None,
    })


@blueprint.get("/documents/<document_id>/similar")
@requires("read")
def similar(document_id: str):  # type: ignore[no-untyped-def]
    """Decisions most like this one (the staff index)."""
    limit = int_arg("limit", 10, 1, MAX_LIMIT)
    try:
        hits = services().internal_index.similar(document_id, limit=limit)
    except QueryError as exc:
        abort(404, description=str(exc))
    audit_many([h.id for h in hits], "similar")
    return jsonify({"id": document_id, "hits": [_hit_json(h) for h in hits]})


@blueprint.get("/documents/<document_id>")
@requires("read")
def document(document_id: str):  # type: ignore[no-untyped-def]
    """A document with its original, non-anonymised text (staff; audited)."""
    view = load_document(document_id)
    audit(document_id, "api")
    doc = view.document
    return jsonify(
        {
            "id": doc.id,
            "title": doc.title,
            "source": doc.source_name,
            "sha256": doc.sha256,
            "kind": doc.kind,
            "status": doc.status,
            "error": doc.error,
            "language": doc.language,
            "page_count": doc.page_count,
            "created_at": doc.created_at.isoformat(),
            "pdf_url": url_for("staff.document_pdf", document_id=doc.id, _external=True) if doc.pdf_blob else None,
            "html_url": url_for("staff.document", document_id=doc.id, _external=True),
            "pages": [
                {
                    "page": p.number,
                    "text": p.text,
                    "confidence": p.confidence,
                    "language": p.language,
                    "text_source": p.text_source,
                    "quality": p.quality,
                    "blank": p.blank,
                    "needs_attention": p.needs_attention,
                    "attention_reason": p.attention_reason,
                    "preparation": p.preparation,
                    "image_url": url_for("staff.page_image", document_id=doc.id, number=p.number, _external=True)
                    if p.image_blob
                    else None,
                }
                for p in view.pages
            ],
        }
    )
