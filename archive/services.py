"""The catalog, blob store and search indices for one data directory.

Built lazily and once per process, so a Celery prefork child opens its own
database connections instead of inheriting its parent's.
"""

from __future__ import annotations

import os
from functools import cached_property

from archive.config import PipelineConfig
from indexing import SearchBackend, open_backend
from storage import BlobStore, Catalog

INTERNAL_INDEX = "internal"
PUBLIC_INDEX = "public"


class Services:
    def __init__(self, config: PipelineConfig) -> None:
        self.config = config
        self.pid = os.getpid()

    @cached_property
    def catalog(self) -> Catalog:
        catalog = Catalog(self.config.database_url)
        catalog.migrate()
        return catalog

    @cached_property
    def blobs(self) -> BlobStore:
        return BlobStore(self.config.blob_dir)

    @cached_property
    def internal_index(self) -> SearchBackend:
        return self._backend(INTERNAL_INDEX)

    @cached_property
    def public_index(self) -> SearchBackend:
        return self._backend(PUBLIC_INDEX)

    def _backend(self, name: str) -> SearchBackend:
        return open_backend(
            self.config.search_backend,
            name=name,
            directory=self.config.index_dir,
            url=self.config.opensearch_url,
            prefix=self.config.opensearch_prefix,
        )


_services: Services | None = None


def services_for(config: PipelineConfig) -> Services:
    """This process's services for config (rebuilt after a fork)."""
    global _services
    if _services is None or _services.config != config or _services.pid != os.getpid():
        _services = Services(config)
    return _services
