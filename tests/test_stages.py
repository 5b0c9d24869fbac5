"""The pipeline's stages, declared once: versions derived from what a
stage's output depends on, so no change is silently skipped."""

from __future__ import annotations

import sys
from dataclasses import replace
from importlib import import_module
from pathlib import Path

from archive.config import PipelineConfig
from ingest import stages
from ingest.stages import DOCUMENT_STAGES, PIPELINE, Stage, fingerprint, version
from ingest.tasks import DOCUMENT_TASKS


def _config(tmp_path: Path, **settings: object) -> PipelineConfig:
    return PipelineConfig(data_dir=tmp_path, database_url="sqlite://", broker_url="memory://", **settings)  # type: ignore[arg-type]


def test_the_declaration_orders_the_pipeline_and_its_tasks() -> None:
    assert [s.stage for s in PIPELINE] == [Stage.PREPARE, Stage.OCR, Stage.ASSEMBLE, Stage.ANONYMISE, Stage.INDEX]
    assert DOCUMENT_STAGES == (Stage.ASSEMBLE, Stage.ANONYMISE, Stage.INDEX)
    assert [DOCUMENT_TASKS[s].name for s in DOCUMENT_STAGES] == [
        "sotarchive.assemble", "sotarchive.anonymise", "sotarchive.index"]
    for spec in PIPELINE:  # each document stage's work is there to run
        if spec.reads_ocr:
            module, _, name = spec.work.partition(":")
            assert callable(getattr(import_module(module), name)), spec.work


def test_a_setting_or_the_code_a_stage_reads_changes_its_version(tmp_path: Path) -> None:
    base = _config(tmp_path)
    assert version(Stage.ANONYMISE, base) == version(Stage.ANONYMISE, replace(base))
    # Another policy is another result, and so is other OCR.
    assert version(Stage.ANONYMISE, base) != version(Stage.ANONYMISE, replace(base, anonymise_style="placeholder"))
    assert version(Stage.ANONYMISE, base) != version(Stage.ANONYMISE, replace(base, anonymise_keep_roles="judge"))
    other_ocr = replace(base, ocr_languages="rus")
    for stage in DOCUMENT_STAGES:
        assert version(stage, base) != version(stage, other_ocr)
    assert version(Stage.INDEX, base) == version(Stage.INDEX, replace(base, anonymise_style="placeholder"))
    # The code: the anonymiser's own fingerprint is in its stage's version.
    assert f"anonymise-{fingerprint('anonymise')}" in version(Stage.ANONYMISE, base)
    assert all(len(version(s.stage, base)) <= 100 for s in PIPELINE)  # the catalog's column


def test_a_fingerprint_follows_a_packages_code_and_data(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    package = tmp_path / "lexicon_pkg"
    (package / "data").mkdir(parents=True)
    (package / "__init__.py").write_text("VALUE = 1\n")
    (package / "data" / "names.txt").write_text("Асан\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    first = stages.fingerprint("lexicon_pkg")
    stages.fingerprint.cache_clear()
    assert stages.fingerprint("lexicon_pkg") == first
    (package / "data" / "names.txt").write_text("Асан\nҮсөн\n")
    stages.fingerprint.cache_clear()
    assert stages.fingerprint("lexicon_pkg") != first
    sys.modules.pop("lexicon_pkg", None)


def test_a_search_backend_is_a_class_registered_by_name_and_the_settings_check_it(
        tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The settings accept the names in indexing.backend.BACKENDS and no
    other; a backend registered under a new name is opened by it."""
    import pytest

    from indexing import open_backend
    from indexing.backend import BACKENDS, register_backend
    from indexing.tantivy_backend import TantivyBackend
    from sotarchive.settings import SettingsError, load_config

    monkeypatch.setenv("SOTARCHIVE_SEARCH_BACKEND", "lucene")
    with pytest.raises(SettingsError, match="'embedded' or 'opensearch'"):
        load_config(str(tmp_path))
    monkeypatch.setitem(BACKENDS, "lucene", "indexing.tantivy_backend:TantivyBackend")
    assert load_config(str(tmp_path)).search_backend == "lucene"
    register_backend("lucene", "indexing.tantivy_backend:TantivyBackend")
    assert isinstance(open_backend("lucene", "internal", tmp_path / "index"), TantivyBackend)
