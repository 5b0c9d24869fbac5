"""The command-line contract of DESIGN.md, end to end with real parts."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import catalog_rows, cli_json, run_cli


def test_scan_in_word_out(ingested_samples: Path) -> None:
    """A generated scan goes in through ingest --wait; a word from it, in
    another inflected form, comes back from search with the right source."""
    result = cli_json(ingested_samples, "search", "государственного имущества", "--json")
    assert result["total"] == 1
    hit = result["hits"][0]
    assert hit["source"] == "1967 Приговор нарсуд Фрунзе.pdf"
    assert "<mark>государственное</mark>" in hit["snippet"]
    assert set(hit) >= {"id", "title", "snippet", "score", "source"}
    assert hit["score"] > 0
    # For a person, the same search reads as text: numbered, the match unmarked of HTML.
    shown = run_cli(ingested_samples, "search", "государственного имущества", check=True).stdout
    assert "1. " + hit["title"] in shown and "1967 Приговор нарсуд Фрунзе.pdf" in shown
    assert "государственное" in shown and "<mark>" not in shown and "&" not in shown


def test_kyrgyz_scan_and_born_digital_pdf_are_searchable(ingested_samples: Path) -> None:
    kyrgyz = cli_json(ingested_samples, "search", "мамлекеттик алым", "--json")
    assert [h["source"] for h in kyrgyz["hits"]] == ["2019_Ленин_райондук_сот_чечим.tif"]
    born = cli_json(ingested_samples, "search", "кассационной жалобы", "--json")
    assert [h["source"] for h in born["hits"]] == ["2024_opredelenie_VS.pdf"]


def test_ingest_summary_and_nothing_done_twice(ingested_samples: Path, sample_dir: Path) -> None:
    """The same files again: one document each, no work repeated."""
    summary = cli_json(ingested_samples, "ingest", str(sample_dir), "--batch", "again", "--wait", "--json", check=True)
    assert summary["documents"] == 4 and summary["failures"] == []
    assert summary["statuses"] == {"done": 4}
    assert summary["pages"] == summary["pages_done"] == 6
    attempts = catalog_rows(ingested_samples, "SELECT stage, attempts FROM stage_runs")
    started = catalog_rows(ingested_samples, "SELECT count(*) FROM events WHERE kind = 'started'")[0][0]
    assert attempts and all(n == 1 for _, n in attempts), attempts
    assert started == len(attempts)
    search = cli_json(ingested_samples, "search", "приговор", "--json", "--limit", "50")
    assert len({h["id"] for h in search["hits"]}) == len(search["hits"])


def test_public_search_holds_nothing_unpublished(ingested_samples: Path) -> None:
    assert cli_json(ingested_samples, "search", "приговор", "--public", "--json") == {"total": 0, "hits": []}


def test_ocr_command_prints_pages(short_scans: dict[str, Path], tmp_path: Path) -> None:
    result = cli_json(tmp_path, "ocr", str(short_scans["ky_tiff"]), "--json", check=True)
    (page,) = result["pages"]
    assert page["page"] == 1 and page["language"] == "ky"
    assert 0 <= page["confidence"] <= 100
    assert "канааттандырды" in page["text"]
    assert "flatten" in page["preparation"] and page["blank"] is False  # the full preparation
    assert not (tmp_path / "catalog.sqlite").exists()


def test_ocr_command_reports_a_bad_file_and_goes_on(short_scans: dict[str, Path], tmp_path: Path) -> None:
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    result = run_cli(tmp_path, "ocr", str(empty), str(short_scans["ru_pdf"]), "--json")
    assert result.returncode == 1
    assert "empty.png: the file is empty" in result.stderr
    assert "Фрунзе" in result.stdout


def test_anonymise_command_shape(tmp_path: Path) -> None:
    """The shape, and that it anonymises: a party and a passport hidden, the court's words kept."""
    source = tmp_path / "text.txt"
    source.write_text("Суд рассмотрел дело. Ответчик Мамытов Асан Бакытович, паспорт AN1234567.", encoding="utf-8")
    result = cli_json(tmp_path, "anonymise", str(source), "--json")
    assert set(result) == {"text", "entities"}
    assert result["text"].startswith("Суд рассмотрел дело.") and "Мамытов" not in result["text"]
    assert "AN1234567" not in result["text"] and "[ПАСПОРТ]" in result["text"]
    found = {(e["label"], e["text"], e["action"]) for e in result["entities"]}
    assert ("PERSON", "Мамытов Асан Бакытович", "redact") in found and ("PASSPORT", "AN1234567", "redact") in found
    assert set(result["entities"][0]) == {"start", "end", "label", "text", "action", "replacement", "confidence"}


def test_analyze_command_shape(tmp_path: Path) -> None:
    result = cli_json(tmp_path, "analyze", "Судом рассмотрено", "--json")
    first = result["tokens"][0]
    assert first == {"token": "Судом", "start": 0, "end": 5, "lang": "ru", "terms": ["суд"]}


def test_the_command_lines_roles_are_the_accounts_roles() -> None:
    """Written out in the command line (for a quick start), they must not drift."""
    from archive.accounts import ROLES
    from sotarchive.cli import ROLE_CHOICE

    assert tuple(ROLE_CHOICE.choices) == ROLES


def test_an_account_command_loads_no_web_app_no_models(tmp_path: Path) -> None:
    """`sotarchive users ...` starts quickly: the command line imports what
    a command needs when it runs, and no package builds anything on import."""
    import subprocess
    import sys

    script = ("import sys\nfrom sotarchive.cli import cli\n"
              f"cli(['--data-dir', {str(tmp_path)!r}, 'users', 'list'], standalone_mode=False, obj={{}})\n"
              "print(sorted(m for m in ('flask', 'spacy', 'cv2', 'celery', 'natasha') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"
