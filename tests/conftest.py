"""Shared fixtures: real Tesseract, real Celery workers, real Tantivy.

Generated documents are small (a few lines) where a test only needs the
pipeline to run, so the suite stays quick on two cores; the full sample
archive is ingested once per session.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sotarchive.sample_archive import build_sample_archive, render_pages, write_pdf, write_tiff

ROOT = Path(__file__).resolve().parent.parent

SHORT_RU = """РЕШЕНИЕ
народный суд города Фрунзе рассмотрел гражданское дело
о взыскании государственной пошлины с ответчика Тимофеева.
Суд решил иск удовлетворить полностью.
"""
SHORT_KY = """ЧЕЧИМ
Ош шаардык соту жарандык ишти карап чыгып,
доогердин талабын толук канааттандырды.
Сот чечими бир айдын ичинде күчүнө кирет.
"""


def run_cli(data_dir: Path, *args: str, timeout: int = 480, check: bool = False,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real command, in a child process, as an operator runs it
    (env: settings to add, e.g. a production broker). Its own timeout is
    under pytest's, so a command that hangs fails with what it printed."""
    env = dict(os.environ, SOTARCHIVE_DATA_DIR=str(data_dir), PYTHONUNBUFFERED="1", **(env or {}))
    try:
        result = subprocess.run(
            [sys.executable, "-m", "sotarchive", *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
            cwd=ROOT,
        )
    except subprocess.TimeoutExpired as exc:
        printed = [part.decode() if isinstance(part, bytes) else part or "" for part in (exc.stdout, exc.stderr)]
        raise AssertionError(f"sotarchive {' '.join(args)} still running after {timeout} s:\n"
                             + "\n".join(p[-4000:] for p in printed)) from exc
    if check and result.returncode != 0:
        raise AssertionError(f"sotarchive {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


def cli_json(data_dir: Path, *args: str, **kwargs) -> dict:  # type: ignore[no-untyped-def]
    result = run_cli(data_dir, *args, **kwargs)
    try:
        return json.loads(result.stdout)
    except json.JSONDecodeError as exc:
        raise AssertionError(f"not JSON:\n{result.stdout}\n{result.stderr}") from exc


def catalog_rows(data_dir: Path, sql: str, **params: object) -> list[tuple]:  # type: ignore[type-arg]
    """A query's rows on a data directory's catalog, through the catalog's
    own engine: SQLite or PostgreSQL, whichever the directory's settings
    name, where a raw sqlite3 connection would read only the one."""
    from sqlalchemy import text

    from sotarchive.settings import load_config
    from storage import Catalog

    catalog = Catalog(load_config(str(data_dir)).database_url)
    try:
        with catalog.write() as session:  # write: an UPDATE in a test is committed too
            result = session.execute(text(sql), params)
            return [tuple(row) for row in result.all()] if result.returns_rows else []
    finally:
        catalog.dispose()


def ingest_inline(data_dir: Path, *paths: Path, batch: str = "inline", env: dict[str, str] | None = None) -> dict:  # type: ignore[type-arg]
    """Files received into a batch and read through every stage in this
    process (ingest/inline.py): what `sotarchive ingest --wait` does, for
    tests that need documents, not a worker. Returns the batch's summary,
    as `ingest --json` prints it. env: settings for this run, as for the command."""
    from unittest.mock import patch

    from archive.services import Services
    from ingest import batches
    from ingest.inline import run_inline
    from sotarchive.settings import load_config

    with patch.dict(os.environ, env or {}):
        config = load_config(str(data_dir))
    svc = Services(config)
    try:
        batch_id = batches.get_or_create_batch(svc, batch)
        ids = [d for d in (batches.receive_file(svc, batch_id, p) for p in batches.expand_paths(paths)) if d]
        run_inline(svc, ids)
        return batches.batch_progress(svc, batch_id).as_dict()
    finally:
        svc.catalog.dispose()


def wait_for_workers(broker_url: str, count: int = 1, timeout: float = 90) -> None:
    """Until `count` Celery workers answer a ping on the broker: they are
    connected and consuming (remote control is on with a production broker).
    Asked from a process of its own: a broker connection left in the test
    process would hang a later test's forked children (kombu closes the
    inherited connection after a fork, and waits on it)."""
    asking = (
        "import sys, time\n"
        "from celery import Celery\n"
        "app = Celery('readiness', broker=sys.argv[1])\n"
        "deadline = time.monotonic() + float(sys.argv[3])\n"
        "while time.monotonic() < deadline:\n"
        "    if len(app.control.ping(timeout=0.5) or []) >= int(sys.argv[2]):\n"
        "        sys.exit(0)\n"
        "sys.exit(1)\n"
    )
    done = subprocess.run([sys.executable, "-c", asking, broker_url, str(count), str(timeout)],
                          capture_output=True, text=True, timeout=timeout + 60)
    assert done.returncode == 0, f"{count} worker(s) did not answer on {broker_url} within {timeout} s: {done.stderr[-500:]}"


def make_scan(path: Path, text: str, seed: int = 1) -> Path:
    pages = render_pages(text, seed=seed)
    if path.suffix.lower() in (".tif", ".tiff"):
        write_tiff(pages, path)
    else:
        write_pdf(pages, path)
    return path


@pytest.fixture(scope="session")
def sample_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return Path(build_sample_archive(tmp_path_factory.mktemp("samples"))[0]).parent


@pytest.fixture(scope="session")
def short_scans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("short")
    return {
        "ru_pdf": make_scan(folder / "reshenie.pdf", SHORT_RU, seed=11),
        "ky_tiff": make_scan(folder / "chechim.tif", SHORT_KY, seed=12),
    }


@pytest.fixture(scope="session")
def ingested_samples(tmp_path_factory: pytest.TempPathFactory, sample_dir: Path) -> Path:
    """A data directory holding the whole sample archive, processed."""
    data_dir = tmp_path_factory.mktemp("data-samples")
    run_cli(data_dir, "ingest", str(sample_dir), "--batch", "samples", "--wait", "--json", check=True)
    return data_dir


@pytest.fixture(scope="session")
def published_samples(tmp_path_factory: pytest.TempPathFactory, ingested_samples: Path) -> Path:
    """A copy of the processed sample archive with every decision approved
    and published (the original stays unpublished for the tests that need it so)."""
    data_dir = tmp_path_factory.mktemp("data-published") / "data"
    shutil.copytree(ingested_samples, data_dir, symlinks=True, ignore=shutil.ignore_patterns("run", "queue", "logs"))
    run_cli(data_dir, "publish", "--all", "--approve", check=True)
    return data_dir


STAFF_PASSWORD = "correct horse battery staple"


def add_staff(data_dir: Path, username: str, role: str) -> str:
    """An account of this role (password STAFF_PASSWORD); returns a fresh API token for it."""
    from archive import accounts
    from storage import Catalog
    from storage.catalog import sqlite_url

    data_dir.mkdir(parents=True, exist_ok=True)
    catalog = Catalog(sqlite_url(data_dir / "catalog.sqlite"))
    catalog.migrate()
    try:
        accounts.add_user(catalog, username, role, STAFF_PASSWORD)
    except accounts.AccountError:
        pass  # made by an earlier test on the same data
    token = accounts.new_token(catalog, username, "tests")
    catalog.dispose()
    return token


def log_in(client, username: str, password: str = STAFF_PASSWORD):  # type: ignore[no-untyped-def]
    """Log a Flask test client in through the form, CSRF token and all."""
    import re as _re

    page = client.get("/login").get_data(as_text=True)
    token = _re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    return client.post("/login", data={"username": username, "password": password, "csrf_token": token})


# --- the production services, when the test command has started them ----------------------
# scripts/services.sh start writes these; `make test` sources them. Without
# them the production-backend variants are skipped, saying why.

OPENSEARCH_URL = os.environ.get("SOTARCHIVE_TEST_OPENSEARCH_URL")
DATABASE_URL = os.environ.get("SOTARCHIVE_TEST_DATABASE_URL")
REDIS_URL = os.environ.get("SOTARCHIVE_TEST_REDIS_URL")


def needs(url: str | None, what: str):  # type: ignore[no-untyped-def]
    return pytest.mark.skipif(not url, reason=f"{what} not running: `make test` starts it (scripts/services.sh)")


SEARCH_BACKENDS = [
    pytest.param("embedded", id="embedded"),
    pytest.param("opensearch", id="opensearch", marks=needs(OPENSEARCH_URL, "OpenSearch")),
]


def open_search_backend(kind: str, folder: Path, name: str = "internal"):  # type: ignore[no-untyped-def]
    """A fresh, empty index of this kind (OpenSearch: under a prefix of its own)."""
    from indexing import open_backend

    prefix = "test-" + os.urandom(4).hex()
    return open_backend(kind, name, folder, OPENSEARCH_URL, prefix=prefix)


BROKERS = [
    pytest.param("filesystem", id="filesystem-broker"),
    pytest.param("redis", id="redis-broker", marks=needs(REDIS_URL, "Redis")),
]


@pytest.fixture(params=BROKERS)
def broker(request: pytest.FixtureRequest, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Settings for a broker kind. With Redis (a database of its own,
    emptied) a worker runs beside the test, as on a worker machine: with a
    production broker `ingest --wait` starts none itself."""
    if request.param == "filesystem":
        yield {}
        return
    import random as _random
    import signal as _signal

    import redis as _redis

    assert REDIS_URL
    url = f"{REDIS_URL.rsplit('/', 1)[0]}/{_random.randint(1, 15)}"
    _redis.Redis.from_url(url).flushdb()
    env = {"SOTARCHIVE_BROKER_URL": url}
    data_dir = tmp_path / "data"
    worker = subprocess.Popen(
        [sys.executable, "-m", "sotarchive", "worker", "--concurrency", "2"],
        env=dict(os.environ, SOTARCHIVE_DATA_DIR=str(data_dir), **env), cwd=ROOT,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_workers(url)
        yield env
    finally:
        worker.send_signal(_signal.SIGTERM)
        worker.wait(timeout=60)


CATALOGS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=needs(DATABASE_URL, "PostgreSQL")),
]


@pytest.fixture
def fresh_database():  # type: ignore[no-untyped-def]
    """A function giving the URL of a new, empty catalog database of a kind
    (SQLite: a file; PostgreSQL: a database of its own, dropped afterwards)."""
    import psycopg
    from sqlalchemy.engine import make_url

    made: list[str] = []

    def make(kind: str, folder: Path) -> str:
        if kind == "sqlite":
            from storage.catalog import sqlite_url

            return sqlite_url(folder / "catalog.sqlite")
        assert DATABASE_URL
        name = "t_" + os.urandom(6).hex()
        server = make_url(DATABASE_URL)
        with psycopg.connect(host=server.host, port=server.port, user=server.username, dbname="postgres",
                             autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        made.append(name)
        return server.set(database=name).render_as_string(hide_password=False)

    yield make
    if made:
        server = make_url(DATABASE_URL)  # type: ignore[arg-type]
        with psycopg.connect(host=server.host, port=server.port, user=server.username, dbname="postgres",
                             autocommit=True) as connection:
            for name in made:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
