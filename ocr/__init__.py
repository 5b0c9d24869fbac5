"""OCR: page image in, words with boxes, confidence and language out.

A pure library: no database, no task queue. The pipeline (ingest/) and the
`sotarchive ocr` command both call it.
"""

from ocr.engine import OcrError, PageOcr, Word, recognise, tesseract_version
from ocr.kyrgyz_letters import has_marks, respell_document, surely_marked
from ocr.language import guess_language
from ocr.pdf import merge_pdfs, page_with_text_layer
from ocr.quality import Quality
from ocr.read import PageResult, encode_jpeg, read_image

# The OCR stage's declared version (ingest/stages.py): raise it when a change
# here should make an archive be read again, which takes days on a large one.
VERSION = "3-page-language"

__all__ = [
    "VERSION",
    "OcrError",
    "encode_jpeg",
    "PageOcr",
    "Word",
    "guess_language",
    "has_marks",
    "merge_pdfs",
    "page_with_text_layer",
    "PageResult",
    "Quality",
    "read_image",
    "respell_document",
    "surely_marked",
    "recognise",
    "tesseract_version",
]
