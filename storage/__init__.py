"""Storage: the content-addressed blob store and the catalog database.

Imports nothing else of ours, so every other package can rely on it.
"""

from storage.blobs import BlobStore
from storage.catalog import Catalog

__all__ = ["BlobStore", "Catalog"]
