"""The web app: search and document pages, and the JSON API under /api/v1."""

from search_api.app import create_app

__all__ = ["create_app"]
