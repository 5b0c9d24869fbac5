"""The operators' side on the command line: described batches, the watched
folder, metadata corrections that survive re-processing, fixity checks and
BagIt export for the national archive."""

from __future__ import annotations

import json
import os
from pathlib import Path

import bagit
import pytest

from ingest.watch import FolderWatcher
from tests.conftest import catalog_rows, cli_json, run_cli

DECISION = (
    "Фрунзенский городской суд\n"
    "РЕШЕНИЕ № 2-145/1968\n"
    "14 марта 1968 года суд в составе председательствующего Орозова К.\n"
    "рассмотрел гражданское дело о разделе имущества и, руководствуясь ст. 197 ГПК Киргизской ССР, решил:\n"
    "иск удовлетворить.\n"
)


@pytest.fixture(scope="module")
def catalogued(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A data directory with one described batch holding one decision."""
    folder = tmp_path_factory.mktemp("operators")
    source = folder / "box-12" / "решение 1968.txt"
    source.parent.mkdir()
    source.write_text(DECISION, "utf-8")
    data = folder / "data"
    summary = cli_json(data, "ingest", str(source.parent), "--batch", "box-12", "--archive-ref", "Ф. 1, оп. 3, д. 40–55",
                       "--court", "Фрунзенский городской суд", "--scanned-by", "Айпери", "--wait", "--json", check=True)
    assert summary["archive_ref"] == "Ф. 1, оп. 3, д. 40–55" and summary["scanned_by"] == "Айпери"
    doc_id = cli_json(data, "search", "раздел имущества", "--json")["hits"][0]["id"]
    return data, doc_id


def test_the_watcher_takes_a_file_only_once_the_scanner_has_finished_it(tmp_path: Path) -> None:
    """A file is taken once it has stood unchanged for the settling time,
    never while it grows, never when empty or named as in progress, and
    again when rewritten. The clock is the watcher's `now`, given here."""
    watcher = FolderWatcher(tmp_path, settle_s=5.0)
    scan = tmp_path / "scan-0001.tif"
    (tmp_path / "scan-0002.tif.part").write_bytes(b"x" * 100)  # a name scanners give files in progress
    (tmp_path / "scan-0003.tif").write_bytes(b"")  # created, not written yet
    clock = 0.0
    with open(scan, "wb") as out:
        for _ in range(12):  # a chunk a second, each poll between two chunks
            out.write(os.urandom(4096))
            out.flush()
            clock += 1.0
            assert watcher.poll(now=clock) == []  # never while it grows
    assert watcher.waiting() >= 1
    assert watcher.poll(now=clock + 4.9) == []  # not settled yet
    assert watcher.poll(now=clock + 5.0) == [scan] and scan.stat().st_size == 12 * 4096
    assert watcher.poll(now=clock + 60) == []  # taken once; the empty and the .part file never
    scan.write_bytes(b"rescanned" * 100)  # a new version is taken again, once settled
    assert watcher.poll(now=clock + 61) == []
    assert watcher.poll(now=clock + 66) == [scan]


def test_sotarchive_watch_ingests_what_lands_in_the_folder(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "решение 1968.txt").write_text(DECISION, "utf-8")
    data = tmp_path / "data"
    result = run_cli(data, "watch", str(inbox), "--batch", "scanner-1", "--settle", "0.5", "--interval", "0.2",
                     "--idle-exit", "1")
    assert result.returncode == 0, result.stderr
    assert "received" in result.stderr
    assert cli_json(data, "search", "раздел имущества", "--json")["total"] == 1


def test_an_operators_correction_wins_over_extraction_and_survives_reprocessing(catalogued: tuple[Path, str]) -> None:
    data, doc_id = catalogued
    extracted = cli_json(data, "metadata", doc_id, "--json")
    assert extracted["court"] == "Бишкекский городской суд" and extracted["date"] == "1968-03-14"
    assert extracted["corrected"] == []

    wrong = run_cli(data, "metadata", doc_id, "--set", "date=14.03.1969")
    assert wrong.returncode != 0 and "YYYY-MM-DD" in wrong.stderr
    corrected = cli_json(data, "metadata", doc_id, "--set", "date=1969-03-14", "--set", "articles=ст. 197 ч. 1 ГПК",
                         "--json", check=True)
    assert corrected["date"] == "1969-03-14" and corrected["articles"] == [{"code": "ГПК", "article": "197", "part": "1"}]
    assert corrected["corrected"] == ["articles", "date"]
    shown = run_cli(data, "metadata", doc_id, check=True).stdout  # for a person: lines, not Python structures
    assert "date:        1969-03-14  (corrected)" in shown and "  - ГПК 197 1" in shown
    assert "{" not in shown and "None" not in shown and "[]" not in shown
    assert cli_json(data, "search", "раздел year:1969", "--json")["total"] == 1  # indexed again at once
    assert cli_json(data, "search", "раздел year:1968", "--json")["total"] == 0

    cli_json(data, "reindex", "--json", check=True)  # the index made again from the catalog
    assert cli_json(data, "search", "раздел year:1969", "--json")["total"] == 1
    changes = [json.loads(m) for (m,) in catalog_rows(
        data, "SELECT message FROM events WHERE document_id = :id AND stage = 'metadata' ORDER BY id", id=doc_id)]
    assert changes[0] == {"field": "date", "before": "1968-03-14", "after": "1969-03-14"}


def test_a_bagit_export_validates_and_verify_finds_an_altered_blob(catalogued: tuple[Path, str], tmp_path: Path) -> None:
    data, doc_id = catalogued
    assert cli_json(data, "verify", "--json", check=True)["ok"] is True

    bag_dir = tmp_path / "bag"
    summary = cli_json(data, "export", str(bag_dir), "--batch", "box-12", "--json", check=True)
    assert summary["documents"] == 1
    bag = bagit.Bag(str(bag_dir))
    bag.validate()  # every payload file against the sha256 manifest
    assert "sha256" in bag.algorithms
    records = json.loads((bag_dir / "data" / "metadata.json").read_text("utf-8"))
    assert records[0]["batch_archive_ref"] == "Ф. 1, оп. 3, д. 40–55"
    original = bag_dir / records[0]["original"]
    assert original.read_text("utf-8") == DECISION and original.name == "решение 1968.txt"
    assert "Бишкекский городской суд" in (bag_dir / "data" / "metadata.csv").read_text("utf-8")
    assert run_cli(data, "export", str(bag_dir), "--batch", "box-12").returncode != 0  # never over an existing bag

    # Bit rot, or a hand that should not have been there: the original on disk changes.
    sha = records[0]["sha256"]
    blob = data / "blobs" / sha[:2] / sha[2:4] / sha
    blob.chmod(0o644)
    blob.write_text(DECISION.replace("1968", "1969"), "utf-8")
    checked = run_cli(data, "verify")
    assert checked.returncode == 1 and f"ALTERED {sha}" in checked.stderr and "решение 1968.txt" in checked.stderr
    refused = run_cli(data, "export", str(tmp_path / "bag2"), "--batch", "box-12")
    assert refused.returncode != 0 and "altered" in refused.stderr and not (tmp_path / "bag2").exists()


def test_a_split_and_a_join_keep_every_page_exactly_once(tmp_path: Path) -> None:
    from sotarchive.sample_archive import render_pages, write_pdf

    box = tmp_path / "box"
    box.mkdir()
    # One PDF holding three acts, one per page, as a box is often scanned.
    texts = [f"РЕШЕНИЕ № 2-{n}/1968\nДело о разделе имущества номер {word}.\n" for n, word in
             ((101, "один"), (102, "два"), (103, "три"))]
    write_pdf([render_pages(t, seed=n)[0] for n, t in enumerate(texts)], box / "коробка.pdf")
    (box / "продолжение.txt").write_text("Продолжение дела 2-103/1968: решение вступило в силу.\n", "utf-8")
    data = tmp_path / "data"
    cli_json(data, "ingest", str(box), "--batch", "box", "--wait", "--json", check=True)
    ids = dict(catalog_rows(data, "SELECT source_name, id FROM documents"))
    scan, sequel = ids["коробка.pdf"], ids["продолжение.txt"]

    lost = run_cli(data, "split", scan, "1", "3")
    assert lost.returncode != 0 and "pages [2] would be lost" in lost.stderr
    twice = run_cli(data, "split", scan, "1-2", "2-3")
    assert twice.returncode != 0 and "pages [2] would be in two documents" in twice.stderr

    parts = cli_json(data, "split", scan, "1-2", "3", "--json", check=True)["documents"]
    assert len(parts) == 2
    joined = cli_json(data, "join", parts[1], sequel, "--name", "Дело 2-103/1968", "--json", check=True)["documents"][0]
    live = [d for (d,) in catalog_rows(data, "SELECT id FROM documents WHERE NOT superseded AND status = 'done'")]
    sources = catalog_rows(
        data, "SELECT document_id, number, source_document_id, source_page FROM page_sources ORDER BY document_id, number")
    texts_of = {(d, n): t for d, n, t in catalog_rows(data, "SELECT document_id, number, text FROM pages")}

    def originals(document_id: str) -> list[tuple[str, int]]:
        """The original files' pages a document is made of, following splits and joins down."""
        own = [(n, s, p) for d, n, s, p in sources if d == document_id]
        return [o for _, s, p in sorted(own) for o in originals_of(s, p)]

    def originals_of(document_id: str, page: int) -> list[tuple[str, int]]:
        link = [(s, p) for d, n, s, p in sources if d == document_id and n == page]
        return originals_of(*link[0]) if link else [(document_id, page)]

    assert sorted(live) == sorted([parts[0], joined])
    every = [o for d in live for o in originals(d)]
    assert sorted(every) == sorted([(scan, 1), (scan, 2), (scan, 3), (sequel, 1)])  # each exactly once
    assert originals(joined) == [(scan, 3), (sequel, 1)]
    assert "три" in texts_of[(joined, 1)] and "вступило" in texts_of[(joined, 2)]

    found = cli_json(data, "search", "разделе имущества", "--json", "--limit", "10")
    assert {h["id"] for h in found["hits"]} == {parts[0], joined}  # the superseded scan left the search
    again = run_cli(data, "split", scan, "1", "2-3")
    assert again.returncode != 0 and "split or joined already" in again.stderr
    cli_json(data, "reindex", "--json", check=True)
    assert {h["id"] for h in cli_json(data, "search", "разделе имущества", "--json")["hits"]} == {parts[0], joined}


def test_a_failed_page_is_retried_and_the_batch_finishes(tmp_path: Path) -> None:
    source = tmp_path / "решение 1968.txt"
    source.write_text(DECISION, "utf-8")
    data = tmp_path / "data"
    cli_json(data, "ingest", str(source), "--batch", "b", "--wait", "--json", check=True)
    assert "nothing failed" in run_cli(data, "retry", "--batch", "b").stderr
    # A page that failed (a full disk, a killed OCR...): as the pipeline records it.
    catalog_rows(data, "UPDATE stage_runs SET status = 'failed', error = 'ocr: disk full' WHERE stage = 'ocr'")
    catalog_rows(data, "UPDATE documents SET status = 'done_with_errors'")
    catalog_rows(data, "UPDATE pages SET text = NULL")
    failed = cli_json(data, "ingest", str(source), "--batch", "b", "--wait", "--json")
    assert failed["failures"] and "disk full" in failed["failures"][0]["reason"]
    assert failed["retryable"] == 1 and failed["refused"] == 0  # the desk offers a retry for this one

    retried = cli_json(data, "retry", "--batch", "b", "--json", check=True)
    assert len(retried["documents"]) == 1
    assert catalog_rows(data, "SELECT status FROM documents") == [("done",)]
    assert catalog_rows(data, "SELECT count(*) FROM stage_runs WHERE status = 'failed'") == [(0,)]
    assert "раздел" in catalog_rows(data, "SELECT text FROM pages")[0][0]
    assert catalog_rows(data, "SELECT actor FROM events WHERE kind = 'retry'")[0][0] is not None
