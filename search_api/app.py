"""The Flask application factory."""

from __future__ import annotations

from flask import Flask, jsonify, make_response, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException
from werkzeug.middleware.proxy_fix import ProxyFix

from archive.config import MIB, PipelineConfig
from archive.services import Services
from search_api import api, feeds, operate, public, review_pages, staff
from search_api.auth import csrf, current_account_for_templates, install_auth
from search_api.i18n import error_page, install_i18n


FORM_OVERHEAD = MIB  # a form's other fields and boundaries beside its file
# Scripts and styles from the site's own static files only: nothing inline,
# so injected markup cannot run; no frames, no plugins, forms post home.
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                           "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")


def create_app(config: PipelineConfig) -> Flask:
    app = Flask(__name__)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]  # Cyrillic stays readable
    app.config["SERVICES"] = Services(config)
    # A form upload bigger than the limit is refused by Werkzeug with 413
    # before any of it is stored (resumable uploads check their own size).
    app.config["MAX_CONTENT_LENGTH"] = config.max_upload_bytes + FORM_OVERHEAD
    if config.trusted_proxies > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=config.trusted_proxies, x_proto=config.trusted_proxies,  # type: ignore[method-assign]
                                x_host=config.trusted_proxies)
    install_auth(app, config)
    csrf.exempt(api.blueprint)  # GET only, and staff calls carry a bearer token, not a cookie
    app.register_blueprint(api.blueprint, url_prefix="/api/v1")
    app.register_blueprint(public.blueprint)
    app.register_blueprint(feeds.blueprint)
    app.register_blueprint(staff.blueprint, url_prefix="/staff")
    app.register_blueprint(review_pages.blueprint, url_prefix="/staff/review")
    app.register_blueprint(operate.blueprint, url_prefix="/staff/operate")
    app.context_processor(current_account_for_templates)
    install_i18n(app)

    @app.after_request
    def _headers(response):  # type: ignore[no-untyped-def]
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        if config.hsts:
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
        if request.path.startswith("/staff") or request.path.startswith("/login"):
            response.headers["Cache-Control"] = "private, no-store"
        return response

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):  # type: ignore[no-untyped-def]
        if request.path.startswith("/api/") or request.is_json:  # the API, and the desk's uploads from script
            response = jsonify({"error": exc.name, "message": exc.description, "status": exc.code})
            response.status_code = exc.code or 500
            return response
        explanation, status = error_page(exc.code or 500, csrf=isinstance(exc, CSRFError))
        response = make_response(render_template("error.html", status=status, explanation=explanation), exc.code or 500)
        for name, value in exc.get_headers():
            if name.lower() != "content-type":
                response.headers[name] = value  # Retry-After on 429, Allow on 405
        return response

    return app
