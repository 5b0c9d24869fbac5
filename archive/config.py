"""Everything the pipeline needs to know, in one value built by sotarchive/.

ingest/ does not read the environment itself: the settings layer decides
precedence (command line, environment, settings file, defaults) once.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


MIB = 1024 * 1024


@dataclass(frozen=True)
class PipelineConfig:
    data_dir: Path
    database_url: str
    broker_url: str
    search_backend: str = "embedded"
    opensearch_url: str | None = None
    opensearch_prefix: str = "sotarchive"  # indices are <prefix>-internal and <prefix>-public (aliases)
    ocr_languages: str = "kir+rus"
    ocr_timeout_s: int = 300
    raster_dpi: int = 300
    worker_concurrency: int = field(default_factory=lambda: os.cpu_count() or 1)
    anonymise_style: str = "initials"
    # Officials kept by name, comma-separated; empty means the default (all of them).
    anonymise_keep_roles: str = ""
    # Approve, without a reviewer, decisions whose detections are all of
    # high confidence (validated identifiers, names found by two detectors
    # or by a role word). Off: every decision waits for a person.
    auto_approve: bool = False
    # The web app. The secret signs session cookies; without one, a random
    # key is kept in the data directory (several web servers must share one).
    secret_key: str | None = None
    secure_cookies: bool = False  # true behind HTTPS: cookies are never sent in clear
    public_rate_limit: str = "300/minute"  # per client, on the public pages and API
    max_upload_mb: int = 2048  # the largest file an operator may upload through the desk
    # A file the pipeline rejects (corrupt, not a scan, a bomb) is recorded with
    # its reason; its bytes are kept only if the archive chooses to keep them.
    keep_rejected_files: bool = False
    # Reverse proxies in front of the web app (0: none). Their X-Forwarded-For,
    # -Proto and -Host are believed for this many hops, so rate limits and the
    # audit see the visitor's address, not the proxy's.
    trusted_proxies: int = 0
    hsts: bool = False  # Strict-Transport-Security: only where HTTPS is served

    @property
    def max_upload_bytes(self) -> int:
        return self.max_upload_mb * MIB

    @property
    def blob_dir(self) -> Path:
        return self.data_dir / "blobs"

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def queue_dir(self) -> Path:
        return self.data_dir / "queue"

    @property
    def run_dir(self) -> Path:
        return self.data_dir / "run"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def embedded_broker(self) -> bool:
        return self.broker_url.startswith("filesystem://")
