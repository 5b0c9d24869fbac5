"""Recognising files and refusing bad ones with a reason, before decoding pixels."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.errors import BadInput
from ingest.sniff import sniff
from ingest.sources import inspect_source, page_image
from tests import badfiles


def _reason(path: Path) -> str:
    with pytest.raises(BadInput) as info:
        inspect_source(path, path.name)
    return str(info.value)


def test_sniff_knows_the_accepted_kinds() -> None:
    assert sniff(b"%PDF-1.7\n") == "pdf"
    assert sniff(b"II*\x00rest") == "tiff"
    assert sniff(b"\xff\xd8\xff\xe0") == "jpeg"
    assert sniff("Приговор именем".encode("utf-8")) == "text"
    assert sniff("Приговор".encode("cp1251")) == "text"
    assert sniff(b"\x00\x01\x02binary") == "binary"


def test_empty_file(tmp_path: Path) -> None:
    assert "empty (0 bytes)" in _reason(badfiles.empty_file(tmp_path / "scan.pdf"))


def test_jpeg_named_pdf(tmp_path: Path) -> None:
    reason = _reason(badfiles.jpeg_named_pdf(tmp_path / "photo.pdf"))
    assert "name says a PDF" in reason and "JPEG" in reason


def test_password_protected_pdf(tmp_path: Path, sample_dir: Path) -> None:
    locked = badfiles.password_pdf(sample_dir / "2024_opredelenie_VS.pdf", tmp_path / "locked.pdf")
    assert "password-protected" in _reason(locked)


def test_truncated_pdf(tmp_path: Path, sample_dir: Path) -> None:
    broken = badfiles.truncated_copy(sample_dir / "1978_reshenie_przhevalsk.pdf", tmp_path / "cut.pdf")
    assert "damaged" in _reason(broken)


def test_decompression_bomb_is_refused_without_decoding(tmp_path: Path) -> None:
    reason = _reason(badfiles.png_bomb(tmp_path / "bomb.png"))
    assert "too large to be a page scan" in reason


def test_unsupported_kind(tmp_path: Path) -> None:
    path = tmp_path / "archive.bin"
    path.write_bytes(b"\x00\x01\x02\x03" * 100)
    assert "unsupported file type" in _reason(path)


def test_truncated_tiff_keeps_the_pages_before_the_cut(tmp_path: Path, sample_dir: Path) -> None:
    source = sample_dir / "2019_Ленин_райондук_сот_чечим.tif"
    full = inspect_source(source, source.name)
    assert full.page_count == 2
    cut = badfiles.truncated_copy(source, tmp_path / "cut.tif", keep=0.7)
    info = inspect_source(cut, cut.name)
    assert info.page_count == 1
    assert info.warnings and "damaged after page 1" in info.warnings[0]
    assert page_image(cut, "tiff", 1).size == (2480, 3508)


def test_born_digital_pdf_has_a_text_layer(sample_dir: Path) -> None:
    born = inspect_source(sample_dir / "2024_opredelenie_VS.pdf", "2024_opredelenie_VS.pdf")
    scanned = inspect_source(sample_dir / "1978_reshenie_przhevalsk.pdf", "x.pdf")
    assert born.text_layer_pages == {1}
    assert scanned.text_layer_pages == set()


def test_pdf_pages_render_at_300_dpi(sample_dir: Path) -> None:
    image = page_image(sample_dir / "1978_reshenie_przhevalsk.pdf", "pdf", 1, dpi=300)
    assert abs(image.width - 2480) <= 3 and abs(image.height - 3508) <= 3
