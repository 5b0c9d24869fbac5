"""Stage names and versions.

A stage's version is part of the key of its result: bump it when the stage
starts producing different output, and the next run redoes that stage (and
only that stage) for every document.
"""

from __future__ import annotations

from ocr import tesseract_version

PREPARE = "prepare"
OCR = "ocr"
ASSEMBLE = "assemble"
ANONYMISE = "anonymise"
INDEX = "index"

DOCUMENT_STAGES = (ASSEMBLE, ANONYMISE, INDEX)

_VERSIONS = {PREPARE: "1", ASSEMBLE: "3-act-title", ANONYMISE: "3-language-lexicons", INDEX: "3-act-title"}


def version(stage: str, languages: str = "") -> str:
    """The stage's own version, and for the document stages the version of
    the OCR they read: new OCR makes their old results stale too."""
    ocr = f"3-page-language+tesseract-{tesseract_version()}+{languages}"
    if stage == OCR:
        return ocr
    if stage in DOCUMENT_STAGES:
        return f"{_VERSIONS[stage]}/ocr-{ocr}"
    return _VERSIONS[stage]
