"""The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json.

Written by hand next to the endpoints it describes (a dozen of them), so
it says what the archive promises rather than what a generator infers;
tests run schemathesis against it, so a drift shows as a failure.
"""

from __future__ import annotations

from typing import Any

ERROR = {"$ref": "#/components/schemas/Error"}
ID = {"name": "document_id", "in": "path", "required": True, "schema": {"type": "string", "pattern": "^[0-9a-f]{16}$"}}


def _errors(*codes: int) -> dict[str, Any]:
    text = {400: "The request is not understood", 401: "A staff token is needed", 404: "Not found",
            429: "Too many requests: wait and try again"}
    return {str(code): {"description": text[code], "content": {"application/json": {"schema": ERROR}}} for code in codes}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"200": {"description": description, "content": {"application/json": {"schema": schema}}}}


def _linked(responses: dict[str, Any], **links: str) -> dict[str, Any]:
    """OpenAPI links on the 200 answer: which operation its ids lead to
    (clients follow them; schemathesis chains calls along them)."""
    responses["200"]["links"] = {
        name: {"operationId": operation, "parameters": {"document_id": where}}
        for name, (operation, where) in ((n, v.split(" ", 1)) for n, v in links.items())
    }
    return responses


def document() -> dict[str, Any]:
    hit = {
        "type": "object",
        "required": ["id", "title", "snippet", "score", "source", "url"],
        "properties": {
            "id": {"type": "string"}, "title": {"type": "string"}, "snippet": {"type": "string"},
            "score": {"type": "number"}, "source": {"type": "string"}, "url": {"type": "string"},
            "date": {"type": ["string", "null"]}, "court": {"type": ["string", "null"]},
            "case_type": {"type": ["string", "null"]}, "language": {"type": ["string", "null"]},
        },
    }
    facet = {"type": "array", "items": {"type": "object", "required": ["value", "count"],
                                        "properties": {"value": {"type": "string"}, "count": {"type": "integer"}}}}
    search_result = {
        "type": "object",
        "required": ["query", "total", "limit", "offset", "sort", "hits", "facets"],
        "properties": {
            "query": {"type": "string"}, "total": {"type": "integer", "minimum": 0},
            "limit": {"type": "integer"}, "offset": {"type": "integer"}, "sort": {"type": "string"},
            "hits": {"type": "array", "items": {"$ref": "#/components/schemas/Hit"}},
            "facets": {"type": "object", "additionalProperties": facet},
        },
    }
    feed = {
        "type": "object",
        "required": ["items", "next"],
        "properties": {
            "items": {"type": "array", "items": {"type": "object", "required": ["event", "id", "action", "at"], "properties": {
                "event": {"type": "integer"}, "id": {"type": "string"},
                "action": {"type": "string", "enum": ["published", "withdrawn"]}, "at": {"type": "string"},
                "url": {"type": ["string", "null"]}, "title": {"type": ["string", "null"]},
            }}},
            "next": {"type": ["string", "null"], "description": "the next page, while there is one"},
        },
    }
    public_document = {
        "type": "object",
        "required": ["id", "title", "pages", "pdf_url"],
        "properties": {
            "id": {"type": "string"}, "title": {"type": "string"}, "language": {"type": ["string", "null"]},
            "court": {"type": ["string", "null"]}, "date": {"type": ["string", "null"]},
            "case_number": {"type": ["string", "null"]}, "case_type": {"type": ["string", "null"]},
            "published_at": {"type": ["string", "null"]}, "pdf_url": {"type": "string"},
            "pages": {"type": "array", "items": {"type": "object", "properties": {
                "number": {"type": "integer"}, "text": {"type": "string"}}}},
        },
    }
    search_parameters = [
        {"name": "q", "in": "query", "required": True, "schema": {"type": "string", "minLength": 1},
         "description": 'The query language: words, "phrases", -exclusion, OR, prefix*, court:, year:, type:, lang:, article:'},
        {"name": "scope", "in": "query", "schema": {"type": "string", "enum": ["public", "internal"], "default": "public"},
         "description": "internal: the full archive, for staff with a token"},
        {"name": "limit", "in": "query", "allowEmptyValue": True, "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 10}},
        {"name": "offset", "in": "query", "allowEmptyValue": True, "schema": {"type": "integer", "minimum": 0, "maximum": 10000, "default": 0}},
        {"name": "sort", "in": "query", "schema": {"type": "string", "enum": ["relevance", "date", "date_asc"]}},
        {"name": "facets", "in": "query", "schema": {"type": "string", "enum": ["0", "1"]}},
    ]
    staff = [{"staffToken": []}]
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "sotarchive API",
            "version": "1",
            "description": "Search and read the court archive of the Kyrgyz Republic. Public endpoints need no key "
                           "and are rate-limited per client; staff endpoints need 'Authorization: Bearer <token>' "
                           "(sotarchive users token NAME). Errors are JSON with a message.",
        },
        "servers": [{"url": "/api/v1"}],
        "paths": {
            "/search": {"get": {
                "operationId": "search",
                "summary": "Search published decisions (or, with a staff token and scope=internal, the whole archive)",
                "parameters": search_parameters,
                "responses": {**_linked(_json(search_result, "The hits and facets"),
                                        FirstHitDecision="publicDocument $response.body#/hits/0/id",
                                        FirstHitPdf="publicDocumentPdf $response.body#/hits/0/id"),
                              **_errors(400, 401, 429)},
            }},
            "/public/documents/{document_id}": {"get": {
                "operationId": "publicDocument",
                "summary": "A published decision: anonymised text page by page",
                "parameters": [ID],
                "responses": {**_json(public_document, "The decision"), **_errors(404, 429)},
            }},
            "/public/documents/{document_id}/pdf": {"get": {
                "operationId": "publicDocumentPdf",
                "summary": "The anonymised PDF of a published decision",
                "parameters": [ID],
                "responses": {"200": {"description": "The PDF", "content": {"application/pdf": {}}}, **_errors(404, 429)},
            }},
            "/feed.json": {"get": {
                "operationId": "feed",
                "summary": "Decisions published and withdrawn, oldest first, paged by time",
                "parameters": [
                    {"name": "after", "in": "query", "allowEmptyValue": True, "schema": {"type": "integer", "minimum": 0},
                     "description": "the last event seen; the feed goes on after it"},
                    {"name": "limit", "in": "query", "allowEmptyValue": True, "schema": {"type": "integer", "minimum": 1, "maximum": 500}},
                ],
                "responses": {**_linked(_json(feed, "A page of the feed"),
                                        FirstItemDecision="publicDocument $response.body#/items/0/id"),
                              **_errors(400, 429)},
            }},
            "/documents/{document_id}": {"get": {
                "operationId": "document",
                "summary": "A document with its original text and pages (staff; every call is audited)",
                "security": staff, "parameters": [ID],
                "responses": {**_json({"type": "object"}, "The document"), **_errors(401, 404)},
            }},
            "/documents/{document_id}/similar": {"get": {
                "operationId": "similar",
                "summary": "Decisions most like this one (staff)",
                "security": staff,
                "parameters": [ID, {"name": "limit", "in": "query", "allowEmptyValue": True,
                                    "schema": {"type": "integer", "minimum": 1, "maximum": 100}}],
                "responses": {**_json({"type": "object"}, "Similar decisions"), **_errors(400, 401, 404)},
            }},
        },
        "components": {
            "schemas": {
                "Hit": hit,
                "Error": {"type": "object", "required": ["error", "message", "status"], "properties": {
                    "error": {"type": "string"}, "message": {"type": "string"}, "status": {"type": "integer"}}},
            },
            "securitySchemes": {"staffToken": {"type": "http", "scheme": "bearer"}},
        },
    }
