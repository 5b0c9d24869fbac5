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

_VERSIONS = {PREPARE: "1", ASSEMBLE: "1", ANONYMISE: "0-passthrough", INDEX: "1"}


def version(stage: str, languages: str = "") -> str:
    if stage == OCR:
        return f"1+tesseract-{tesseract_version()}+{languages}"
    return _VERSIONS[stage]
