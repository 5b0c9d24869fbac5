"""The web: the public site, the staff workspace, the review queue, the
operators' desk, feeds and the JSON API under /api/v1 (search_api.app
builds the Flask app). Views parse requests and render answers; the rules
live in archive/ and ingest/. Importing this package builds nothing."""
