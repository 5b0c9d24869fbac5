"""OCR with the real Tesseract (kir+rus) on generated scans."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pikepdf

from ingest.reading import encode_page_image
from ocr import guess_language, merge_pdfs, recognise
from sotarchive.sample_archive import render_pages
from tests.conftest import SHORT_KY, SHORT_RU


def _ocr(tmp_path: Path, text: str, seed: int):  # type: ignore[no-untyped-def]
    image_path = tmp_path / f"page-{seed}.jpg"
    image_path.write_bytes(encode_page_image(render_pages(text, seed=seed)[0]))
    return recognise(image_path)


def test_russian_page_is_read_with_boxes_and_confidence(tmp_path: Path) -> None:
    result = _ocr(tmp_path, SHORT_RU, 21)
    assert "государственной" in result.text
    assert "Фрунзе" in result.text
    assert result.confidence > 70
    assert result.language == "ru"
    word = next(w for w in result.words if w.text.startswith("государственной"))
    assert word.width > 100 and word.height > 20 and word.confidence > 50


def test_kyrgyz_letters_are_read(tmp_path: Path) -> None:
    result = _ocr(tmp_path, SHORT_KY, 22)
    assert "күчүнө" in result.text
    assert result.language == "ky"


def test_page_pdf_has_an_invisible_text_layer_and_merges(tmp_path: Path) -> None:
    first = _ocr(tmp_path, SHORT_RU, 23)
    second = _ocr(tmp_path, SHORT_KY, 24)
    merged = merge_pdfs([first.pdf, second.pdf], title="Тест")
    with pikepdf.open(io.BytesIO(merged)) as pdf:
        assert len(pdf.pages) == 2
    path = tmp_path / "merged.pdf"
    path.write_bytes(merged)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "государственной" in text and "күчүнө" in text


def test_language_guess() -> None:
    assert guess_language("Сот чечими күчүнө кирет жана ал аткарылат") == "ky"
    assert guess_language("Суд рассмотрел дело и постановил приговор") == "ru"
    assert guess_language("Суд рассмотрел дело. Сот чечими күчүнө кирет жана аткарылат") == "mixed"
