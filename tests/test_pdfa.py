"""Searchable PDFs of scans are PDF/A-2b, as veraPDF (the reference
validator, fetched from Maven Central by scripts/verapdf.sh) judges them."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from ocr import merge_pdfs, read_image
from sotarchive.sample_archive.conditions import typewriter
from tests.conftest import ROOT, SHORT_KY, SHORT_RU, catalog_rows


@pytest.fixture(scope="module")
def verapdf() -> Path:
    result = subprocess.run([str(ROOT / "scripts" / "verapdf.sh")], capture_output=True, text=True, check=True)
    return Path(result.stdout.strip().splitlines()[-1])


def validate(verapdf: Path, pdf: Path) -> str:
    result = subprocess.run(
        ["java", "-cp", f"{verapdf}/*", "org.verapdf.apps.GreenfieldCliWrapper", "-f", "2b", "--format", "text", str(pdf)],
        capture_output=True, text=True, timeout=300,
    )
    return result.stdout + result.stderr


def test_merged_ocr_pages_are_pdfa_2b(verapdf: Path, tmp_path: Path) -> None:
    pages = [read_image(typewriter(SHORT_RU, 51)).pdf, read_image(typewriter(SHORT_KY, 52)).pdf]
    path = tmp_path / "doc.pdf"
    path.write_bytes(merge_pdfs(pages, "ПРИГОВОР", pdfa=True))
    assert f"PASS {path} 2b" in validate(verapdf, path)
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(merge_pdfs(pages, "ПРИГОВОР"))
    assert f"FAIL {plain} 2b" in validate(verapdf, plain)  # the validator does judge


def test_a_scanned_document_from_the_pipeline_is_pdfa_2b(verapdf: Path, ingested_samples: Path, tmp_path: Path) -> None:
    ((blob,),) = catalog_rows(ingested_samples,
                              "SELECT pdf_blob FROM documents WHERE source_name = '1967 Приговор нарсуд Фрунзе.pdf'")
    path = tmp_path / "document.pdf"  # veraPDF reads only files named .pdf
    path.write_bytes((ingested_samples / "blobs" / blob[:2] / blob[2:4] / blob).read_bytes())
    assert f"PASS {path} 2b" in validate(verapdf, path)
