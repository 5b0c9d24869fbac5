"""The pipeline's stages, declared once, in order.

Each stage's result is keyed by the document's sha256 and the stage's
version, and a result of another version is done again. The version is
derived from what the stage's output depends on, never kept by hand:

- the code it runs: a library's declared version (OCR: re-reading an
  archive takes days, so `ocr.VERSION` is raised on purpose) or, for the
  stages that are cheap to run again, a fingerprint of the library's
  source and data (anonymise, metadata, indexing), so a change there is
  never silently skipped by `reanonymise --all` or a resumed batch;
- the settings it reads (the OCR languages; the anonymisation policy);
- the OCR it reads: new OCR makes the document stages' results stale too.

The Celery tasks (ingest/tasks.py), the chain after the last page, the
desk's progress and re-processing all read this declaration.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from archive.config import PipelineConfig

if TYPE_CHECKING:
    from archive.services import Services


class Stage(StrEnum):
    PREPARE = "prepare"
    OCR = "ocr"
    ASSEMBLE = "assemble"
    ANONYMISE = "anonymise"
    INDEX = "index"


@lru_cache(maxsize=None)
def fingerprint(*names: str) -> str:
    """Eight hex digits of a sha256 over the files of these packages (code
    and data) or modules: their content, not their age or place."""
    digest = hashlib.sha256()
    for name in names:
        file = Path(import_module(name).__file__ or "")
        root = file.parent
        files = [file] if file.name != "__init__.py" else sorted(
            p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        for path in files:
            digest.update(f"{name}:{path.relative_to(root).as_posix()}".encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:8]


def _short(*values: str) -> str:
    return hashlib.sha256("\0".join(values).encode()).hexdigest()[:8]


def _ocr_code(config: PipelineConfig) -> str:
    from ocr import VERSION, tesseract_version

    return f"{VERSION}+tesseract-{tesseract_version()}+{config.ocr_languages}"


@dataclass(frozen=True)
class StageSpec:
    stage: Stage
    per_page: bool  # one run per page (else one per document)
    code: Callable[[PipelineConfig], str]  # what the code it runs says of itself
    reads_ocr: bool = False  # a document stage reading the pages' text
    settings: Callable[[PipelineConfig], str] | None = None  # the settings its result depends on, said short
    work: str = ""  # a document stage's work, "module:function(services, document_id)", imported when run

    def run(self, svc: Services, document_id: str) -> None:
        module, _, name = self.work.partition(":")
        getattr(import_module(module), name)(svc, document_id)

    def version(self, config: PipelineConfig) -> str:
        parts = [self.code(config)]
        if self.reads_ocr:
            parts.append(f"ocr-{_ocr_code(config)}")
        if self.settings is not None:
            parts.append(f"settings-{self.settings(config)}")
        return "/".join(parts)


PIPELINE: tuple[StageSpec, ...] = (
    # Checks the file and lists its pages (ingest/sources.py).
    StageSpec(Stage.PREPARE, per_page=False, code=lambda config: f"sources-{fingerprint('ingest.sources', 'ingest.sniff')}"),
    StageSpec(Stage.OCR, per_page=True, code=_ocr_code),
    # The searchable PDF and the act's title (metadata/).
    StageSpec(Stage.ASSEMBLE, per_page=False, reads_ocr=True, code=lambda config: f"metadata-{fingerprint('metadata')}",
              work="ingest.pipeline:assemble"),
    StageSpec(Stage.ANONYMISE, per_page=False, reads_ocr=True, code=lambda config: f"anonymise-{fingerprint('anonymise')}",
              settings=lambda config: _short(config.anonymise_style, config.anonymise_keep_roles or "all"),
              work="ingest.pipeline:anonymise_document"),
    StageSpec(Stage.INDEX, per_page=False, reads_ocr=True,
              code=lambda config: f"indexing-{fingerprint('indexing')}+metadata-{fingerprint('metadata')}",
              work="ingest.pipeline:index_document"),
)
SPECS = {spec.stage: spec for spec in PIPELINE}
# The stages run once per document after its last page is read, in order.
DOCUMENT_STAGES = tuple(spec.stage for spec in PIPELINE if spec.reads_ocr)

# The names the rest of the code has always used.
PREPARE, OCR, ASSEMBLE, ANONYMISE, INDEX = (Stage.PREPARE, Stage.OCR, Stage.ASSEMBLE, Stage.ANONYMISE, Stage.INDEX)


def version(stage: str, config: PipelineConfig) -> str:
    """The stage's version under these settings (the key of its results, with the input's)."""
    return SPECS[Stage(stage)].version(config)
