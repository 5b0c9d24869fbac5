"""OCR: page image in, words with boxes, confidence and language out.

A pure library: no database, no task queue. The pipeline (ingest/) and the
`sotarchive ocr` command both call it.
"""

from ocr.engine import OcrError, PageOcr, Word, recognise, tesseract_version
from ocr.language import guess_language
from ocr.pdf import merge_pdfs, page_with_text_layer
from ocr.quality import Quality
from ocr.read import PageResult, encode_jpeg, read_image

__all__ = [
    "OcrError",
    "encode_jpeg",
    "PageOcr",
    "Word",
    "guess_language",
    "merge_pdfs",
    "page_with_text_layer",
    "PageResult",
    "Quality",
    "read_image",
    "recognise",
    "tesseract_version",
]
