"""The pipeline on the data centre's stack: PostgreSQL catalog, Redis
broker, OpenSearch index, two workers in parallel, chosen by the
environment variables of DESIGN.md. The same commands as on a workstation.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest
import redis
from sqlalchemy import text

from sotarchive.sample_archive import render_pages, write_pdf
from storage import Catalog
from tests.conftest import DATABASE_URL, OPENSEARCH_URL, REDIS_URL, ROOT, make_scan, needs, wait_for_workers

pytestmark = [needs(DATABASE_URL, "PostgreSQL"), needs(REDIS_URL, "Redis"), needs(OPENSEARCH_URL, "OpenSearch")]

PAGES = [f"Страница {n}.\nНародный суд города Фрунзе рассмотрел\nдело номер {n} о взыскании долга." for n in range(1, 5)]


@pytest.fixture
def stack(tmp_path: Path, fresh_database) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The environment a data-centre machine runs with: its own catalog
    database, Redis database and index prefix, so tests do not meet."""
    assert REDIS_URL
    base = REDIS_URL.rsplit("/", 1)[0]
    broker = f"{base}/{random.randint(1, 15)}"
    redis.Redis.from_url(broker).flushdb()
    return dict(
        os.environ,
        SOTARCHIVE_DATA_DIR=str(tmp_path / "data"),
        SOTARCHIVE_DATABASE_URL=fresh_database("postgresql", tmp_path),
        SOTARCHIVE_BROKER_URL=broker,
        SOTARCHIVE_SEARCH_BACKEND="opensearch",
        SOTARCHIVE_OPENSEARCH_URL=OPENSEARCH_URL or "",
        SOTARCHIVE_OPENSEARCH_PREFIX="test-" + os.urandom(4).hex(),
        PYTHONUNBUFFERED="1",
    )


def sotarchive(env: dict[str, str], *args: str, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sotarchive", *args], capture_output=True, text=True,
                          timeout=timeout, env=env, cwd=ROOT)


@contextmanager
def workers(env: dict[str, str], count: int) -> Iterator[None]:
    """Workers as a data centre runs them: separate processes, one core each.
    (With a production broker `ingest --wait` starts none itself.)"""
    started = [
        subprocess.Popen([sys.executable, "-m", "sotarchive", "worker", "--concurrency", "1"], env=env, cwd=ROOT,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(count)
    ]
    try:
        wait_for_workers(env["SOTARCHIVE_BROKER_URL"], count)  # connected to Redis before the work arrives
        yield
    finally:
        for worker in started:
            worker.send_signal(signal.SIGTERM)
        for worker in started:
            worker.wait(timeout=60)


def test_two_workers_on_postgres_redis_and_opensearch(stack: dict[str, str], tmp_path: Path) -> None:
    scans = tmp_path / "scans"
    scans.mkdir()
    write_pdf([render_pages(text, seed=n)[0] for n, text in enumerate(PAGES)], scans / "four-pages.pdf")
    make_scan(scans / "short.tif", "РЕШЕНИЕ\nТокмокский городской суд взыскал алименты.", seed=4)
    with workers(stack, 2):
        result = sotarchive(stack, "ingest", str(scans), "--batch", "datacentre", "--wait", "--json")
        assert result.returncode == 0, result.stderr

    catalog = Catalog(stack["SOTARCHIVE_DATABASE_URL"])
    with catalog.read() as session:
        attempts = session.execute(text("SELECT stage, page_number, attempts FROM stage_runs")).all()
        started = session.execute(text("SELECT count(*) FROM events WHERE kind = 'started'")).scalar()
        actors = session.execute(text("SELECT count(DISTINCT actor) FROM events WHERE stage = 'ocr'")).scalar()
    catalog.dispose()
    ocr_pages = [r for r in attempts if r[0] == "ocr"]
    assert len(ocr_pages) == 5
    assert all(n == 1 for _, _, n in attempts), attempts  # no page, no stage done twice
    assert started == len(attempts)
    assert actors == 2  # both workers took pages

    found = sotarchive(stack, "search", "Токмокский суд алименты", "--json")
    assert '"total": 1' in found.stdout, found.stdout + found.stderr
    deep = sotarchive(stack, "search", '"дело номер 4"', "--json")
    assert '"total": 1' in deep.stdout


def test_reindex_rebuilds_opensearch_from_the_catalog(stack: dict[str, str], tmp_path: Path) -> None:
    scans = tmp_path / "scans"
    scans.mkdir()
    make_scan(scans / "a.pdf", "РЕШЕНИЕ\nСуд взыскал с ответчика стоимость холодильника.", seed=5)
    with workers(stack, 1):
        assert sotarchive(stack, "ingest", str(scans), "--wait", "--json").returncode == 0
    before = sotarchive(stack, "search", "холодильник", "--json").stdout
    result = sotarchive(stack, "reindex", "--json")
    assert result.returncode == 0, result.stderr
    assert '"documents": 1' in result.stdout and '"count": 1' in result.stdout
    assert sotarchive(stack, "search", "холодильник", "--json").stdout == before
