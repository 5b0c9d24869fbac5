"""The WSGI application for a production server (gunicorn in
docker/compose.yml): settings from the environment, as every command
reads them (SOTARCHIVE_DATA_DIR, SOTARCHIVE_DATABASE_URL, ...).

    gunicorn --workers 4 --bind 0.0.0.0:8000 sotarchive.wsgi:app
"""

from __future__ import annotations

from search_api.app import create_app
from sotarchive.settings import load_config

app = create_app(load_config())
