"""The Flask application factory."""

from __future__ import annotations

from flask import Flask, jsonify, request
from werkzeug.exceptions import HTTPException

from ingest.config import PipelineConfig
from ingest.services import Services
from search_api import api, pages
from search_api.i18n import install_i18n


def create_app(config: PipelineConfig) -> Flask:
    app = Flask(__name__)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]  # Cyrillic stays readable
    app.config["SERVICES"] = Services(config)
    app.register_blueprint(api.blueprint, url_prefix="/api/v1")
    app.register_blueprint(pages.blueprint)
    install_i18n(app)

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):  # type: ignore[no-untyped-def]
        if request.path.startswith("/api/"):
            response = jsonify({"error": exc.name, "message": exc.description, "status": exc.code})
            response.status_code = exc.code or 500
            return response
        return exc

    return app
