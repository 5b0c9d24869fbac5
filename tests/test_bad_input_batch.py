"""A batch mixing good files with every kind of bad one: the bad are set
aside with a reason, the good are fully processed, the exit code tells."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests import badfiles
from tests.conftest import catalog_rows, cli_json, run_cli


def test_bad_files_are_set_aside_and_good_ones_processed(
    tmp_path: Path, short_scans: dict[str, Path], sample_dir: Path, broker: dict[str, str]
) -> None:
    box = tmp_path / "box 7"
    box.mkdir()
    good_cyrillic = box / "Решение суда от 12 мая.pdf"
    shutil.copy(short_scans["ru_pdf"], good_cyrillic)
    shutil.copy(short_scans["ky_tiff"], box / "chechim.tif")
    badfiles.empty_file(box / "empty.pdf")
    badfiles.truncated_copy(sample_dir / "1978_reshenie_przhevalsk.pdf", box / "truncated.pdf")
    badfiles.jpeg_named_pdf(box / "photo.pdf")
    badfiles.password_pdf(sample_dir / "2024_opredelenie_VS.pdf", box / "locked.pdf")
    badfiles.png_bomb(box / "bomb.png")
    (box / ".hidden-lock").write_text("scanner litter")

    data = tmp_path / "data"
    result = run_cli(data, "ingest", str(box), "--batch", "box-7", "--wait", env=broker)
    assert result.returncode == 1, result.stdout + result.stderr
    out = result.stdout
    # One coherent summary: the refused file is no document, and each of the five is listed once.
    assert "7 files: 6 documents (2 done, 4 rejected); 1 refused at the door;" in out and "5 to look at" in out
    for name, reason in [
        ("empty.pdf", "empty (0 bytes)"),
        ("truncated.pdf", "damaged"),
        ("photo.pdf", "holds a JPEG image"),
        ("locked.pdf", "password-protected"),
        ("bomb.png", "decompression bomb"),
    ]:
        line = next((l for l in out.splitlines() if l.strip().startswith(f"- {name}:")), None)
        assert line is not None and reason in line, (name, out)
    assert "Решение суда от 12 мая.pdf" not in out.split("to look at")[1]

    statuses = dict(catalog_rows(data, "SELECT source_name, status FROM documents"))
    refused = catalog_rows(data, "SELECT name, error FROM files WHERE status = 'refused'")
    events = catalog_rows(data, "SELECT count(*) FROM events WHERE kind IN ('failed', 'refused')")[0][0]
    assert statuses["Решение суда от 12 мая.pdf"] == "done"
    assert statuses["chechim.tif"] == "done"
    for name in ("truncated.pdf", "photo.pdf", "locked.pdf", "bomb.png"):
        assert statuses[name] == "rejected"
    assert [name for name, _ in refused] == ["empty.pdf"]
    assert events == 5
    assert ".hidden-lock" not in statuses

    hits = cli_json(data, "search", "государственной пошлины", "--json", env=broker)["hits"]
    assert [h["source"] for h in hits] == ["Решение суда от 12 мая.pdf"]


def test_a_good_batch_exits_zero(tmp_path: Path, short_scans: dict[str, Path], broker: dict[str, str]) -> None:
    summary = run_cli(tmp_path / "data", "ingest", str(short_scans["ky_tiff"]), "--wait", env=broker)
    assert summary.returncode == 0, summary.stdout + summary.stderr
    assert "1 file: 1 document (1 done); 1 of 1 page read" in summary.stdout


def test_an_unreadable_file_is_refused_with_the_reason(tmp_path: Path, short_scans: dict[str, Path]) -> None:
    missing = tmp_path / "gone.pdf"
    missing.symlink_to(tmp_path / "nowhere.pdf")  # a dangling link: the file vanished
    result = run_cli(tmp_path / "data", "ingest", str(missing), str(short_scans["ru_pdf"]), "--wait")
    assert result.returncode == 1
    assert "- gone.pdf: cannot read the file: No such file or directory" in result.stdout
    assert "2 files: 1 document (1 done); 1 refused at the door;" in result.stdout


def test_a_rejected_file_is_recorded_but_its_bytes_are_not_kept(tmp_path: Path, sample_dir: Path) -> None:
    """Refused content stays only where the archive chose to keep it: the
    catalog keeps the name, size, digest and reason; the blob store drops
    the bytes, the fixity check does not miss them, and the same bytes sent
    again are refused at the door. keep_rejected_files keeps them."""
    from storage.blobs import sha256_file

    bad = tmp_path / "truncated.pdf"
    badfiles.truncated_copy(sample_dir / "1978_reshenie_przhevalsk.pdf", bad)
    digest = sha256_file(bad)
    data = tmp_path / "data"
    blob = data / "blobs" / digest[:2] / digest[2:4] / digest
    run_cli(data, "ingest", str(bad), "--wait")
    assert catalog_rows(data, "SELECT status FROM documents") == [("rejected",)]
    assert not blob.exists()
    assert run_cli(data, "verify").returncode == 0
    again = tmp_path / "again" / "same bytes.pdf"
    again.parent.mkdir()
    shutil.copy(bad, again)
    second = run_cli(data, "ingest", str(again), "--wait")
    assert "rejected before" in second.stdout, second.stdout
    assert not blob.exists()

    kept = tmp_path / "kept"
    run_cli(kept, "ingest", str(bad), "--wait", env={"SOTARCHIVE_KEEP_REJECTED_FILES": "true"})
    assert (kept / "blobs" / digest[:2] / digest[2:4] / digest).exists()
