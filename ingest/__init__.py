"""The pipeline: receiving files, the Celery app and its stage tasks.

The only package that ties storage, ocr, anonymise and indexing together.
"""

from ingest.config import PipelineConfig

__all__ = ["PipelineConfig"]
