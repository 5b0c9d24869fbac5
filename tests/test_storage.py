"""The blob store and the catalog."""

from __future__ import annotations

import hashlib
import os
import stat
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from ingest.claims import Claim, claim, finish
from storage import BlobStore, Catalog
from storage.models import Document, Event, StageRun
from tests.conftest import CATALOGS

LEASE = timedelta(minutes=5)


def test_blob_is_named_by_its_hash_and_read_only(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    digest = store.put_bytes(b"case file")
    assert digest == hashlib.sha256(b"case file").hexdigest()
    assert store.read_bytes(digest) == b"case file"
    assert not store.path(digest).stat().st_mode & stat.S_IWUSR
    assert store.verify(digest)


def test_same_content_is_stored_once(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    source = tmp_path / "scan.pdf"
    source.write_bytes(b"%PDF-1.4 same bytes")
    first = store.put_file(source)
    second = store.put_bytes(b"%PDF-1.4 same bytes")
    assert first == second
    files = [p for p in (tmp_path / "blobs").rglob("*") if p.is_file()]
    assert len(files) == 1
    assert not list((tmp_path / "blobs" / "tmp").iterdir())


def test_verify_notices_a_changed_blob(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    digest = store.put_bytes(b"original")
    path = store.path(digest)
    os.chmod(path, 0o644)
    path.write_bytes(b"tampered")
    assert not store.verify(digest)


def test_rejects_paths_that_are_not_digests(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        BlobStore(tmp_path).path("../../etc/passwd")


@pytest.fixture(params=CATALOGS)
def catalog(request: pytest.FixtureRequest, tmp_path: Path, fresh_database) -> Catalog:  # type: ignore[no-untyped-def]
    catalog = Catalog(fresh_database(request.param, tmp_path))
    catalog.migrate()
    yield catalog
    catalog.dispose()


@pytest.mark.parametrize("kind", CATALOGS)
def test_an_archive_of_the_first_schema_upgrades_with_its_data(kind: str, tmp_path: Path, fresh_database) -> None:  # type: ignore[no-untyped-def]
    """Every migration on a catalog that holds documents, pages and files
    (tables that point at each other): nothing lost, nothing refused."""
    catalog = Catalog(fresh_database(kind, tmp_path))
    catalog.migrate("0001")
    with catalog.write() as session:
        session.execute(text("INSERT INTO batches (name, created_at) VALUES ('box', CURRENT_TIMESTAMP)"))
        session.execute(text(
            "INSERT INTO documents (id, sha256, size, source_name, status, created_at, updated_at) "
            "VALUES ('d1', :sha, 10, 'scan.pdf', 'done', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"), {"sha": "a" * 64})
        session.execute(text("INSERT INTO pages (document_id, number, text) VALUES ('d1', 1, 'сот')"))
        session.execute(text("INSERT INTO files (batch_id, document_id, name, path, size, status, received_at) "
                             "VALUES (1, 'd1', 'scan.pdf', '/box/scan.pdf', 10, 'received', CURRENT_TIMESTAMP)"))
    catalog.migrate()
    with catalog.read() as session:
        assert session.execute(text("SELECT text FROM pages WHERE document_id = 'd1'")).scalar() == "сот"
        assert session.execute(text("SELECT superseded FROM documents WHERE id = 'd1'")).scalar() in (False, 0)
        assert session.execute(text("SELECT count(*) FROM files")).scalar() == 1
        newest = max(p.name[:4] for p in (Path(__file__).parent.parent / "storage" / "migrations" / "versions").glob("0*.py"))
        assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == newest
    catalog.dispose()


def test_migrations_create_the_tables(catalog: Catalog) -> None:
    catalog.migrate()  # twice is harmless
    with catalog.read() as session:
        tables = set(inspect(session.connection()).get_table_names())
    assert {"batches", "documents", "files", "pages", "stage_runs", "events", "case_numbers", "alembic_version"} <= tables
    if catalog.is_sqlite:
        with catalog.read() as session:
            assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"


@pytest.mark.parametrize("kind", CATALOGS)
def test_migrations_from_several_processes_at_once(kind: str, tmp_path: Path, fresh_database) -> None:  # type: ignore[no-untyped-def]
    """Workers starting together on an empty database each migrate: they
    must queue, not collide."""
    from concurrent.futures import ProcessPoolExecutor

    url = fresh_database(kind, tmp_path)
    with ProcessPoolExecutor(3) as pool:
        list(pool.map(_migrate, [url] * 3))
    catalog = Catalog(url)
    with catalog.read() as session:
        assert session.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
        assert "stage_runs" in inspect(session.connection()).get_table_names()
    catalog.dispose()


def _migrate(url: str) -> None:
    Catalog(url).migrate()


def test_two_processes_racing_for_one_stage_get_it_once(catalog: Catalog) -> None:
    """Several workers in parallel must not process a page twice."""
    from concurrent.futures import ProcessPoolExecutor

    doc = _document(catalog)
    with ProcessPoolExecutor(4) as pool:
        outcomes = list(pool.map(_claim_page, [(catalog.url, doc)] * 8))
    assert outcomes.count("RUN") == 1, outcomes


def _claim_page(job: tuple[str, str]) -> str:
    url, doc = job
    with Catalog(url).write() as session:
        return claim(session, doc, 1, "ocr", "v1", "k", LEASE).name


def _document(catalog: Catalog) -> str:
    with catalog.write() as session:
        session.add(Document(id="d1", sha256="a" * 64, size=1, source_name="x.pdf"))
    return "d1"


def test_a_stage_is_claimed_once_and_done_once(catalog: Catalog) -> None:
    doc = _document(catalog)
    with catalog.write() as session:
        assert claim(session, doc, 1, "ocr", "v1", "k", LEASE) is Claim.RUN
    with catalog.write() as session:
        # This process is alive and holds it: another caller must keep off.
        assert claim(session, doc, 1, "ocr", "v1", "k", LEASE) is Claim.BUSY
    with catalog.write() as session:
        finish(session, doc, 1, "ocr")
    with catalog.write() as session:
        assert claim(session, doc, 1, "ocr", "v1", "k", LEASE) is Claim.DONE
    with catalog.write() as session:
        # A new stage version redoes the work.
        assert claim(session, doc, 1, "ocr", "v2", "k", LEASE) is Claim.RUN
    with catalog.read() as session:
        kinds = [e.kind for e in session.query(Event).order_by(Event.id)]
    assert kinds == ["started", "done", "started"]


def test_a_claim_of_a_dead_worker_is_taken_over(catalog: Catalog) -> None:
    doc = _document(catalog)
    with catalog.write() as session:
        claim(session, doc, 2, "ocr", "v1", "k", LEASE)
    with catalog.write() as session:
        run = session.query(StageRun).one()
        host = run.claimed_by.rsplit(":", 2)[0]
        run.claimed_by = f"{host}:999999:1.00"  # no such process
    with catalog.write() as session:
        assert claim(session, doc, 2, "ocr", "v1", "k", LEASE) is Claim.RUN
    with catalog.read() as session:
        assert session.query(StageRun).one().attempts == 2


def test_a_failed_stage_stays_set_aside(catalog: Catalog) -> None:
    doc = _document(catalog)
    with catalog.write() as session:
        claim(session, doc, 0, "prepare", "v1", "k", LEASE)
    with catalog.write() as session:
        finish(session, doc, 0, "prepare", "the file is empty")
    with catalog.write() as session:
        assert claim(session, doc, 0, "prepare", "v1", "k", LEASE) is Claim.FAILED


def test_a_zombie_claimant_is_dead(catalog: Catalog) -> None:
    """A killed worker's pool children can linger as zombies: their claims
    must be taken over, or the page would wait for ever."""
    import socket
    import subprocess
    import time

    import psutil

    child = subprocess.Popen(["true"])
    deadline = time.monotonic() + 10
    while psutil.Process(child.pid).status() != psutil.STATUS_ZOMBIE:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    started = psutil.Process(child.pid).create_time()
    doc = _document(catalog)
    with catalog.write() as session:
        claim(session, doc, 3, "ocr", "v1", "k", LEASE)
    with catalog.write() as session:
        session.query(StageRun).one().claimed_by = f"{socket.gethostname()}:{child.pid}:{started:.2f}"
    try:
        with catalog.write() as session:
            assert claim(session, doc, 3, "ocr", "v1", "k", LEASE) is Claim.RUN
    finally:
        child.wait()
