"""The catalog database: engine set-up, migrations, sessions.

SQLite (WAL) is the embedded default; any SQLAlchemy URL works, and the
production one is PostgreSQL. Write transactions on SQLite start with
BEGIN IMMEDIATE so that two worker processes queue for the write lock
instead of failing when a read transaction tries to upgrade.
"""

from __future__ import annotations

import os
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).parent / "migrations"
SQLITE_BUSY_TIMEOUT_S = 60
WAL_ATTEMPTS = 40
MIGRATION_LOCK = 0x534F5441  # any constant the whole cluster agrees on


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{Path(path).resolve()}"


def _use_wal(cursor) -> None:  # type: ignore[no-untyped-def]
    """WAL mode, once per database file (it persists). Switching needs the
    file to itself, and SQLite answers "database is locked" at once, not
    after the busy timeout, when workers starting together all try: the
    one that lost tries again while the first finishes."""
    for attempt in range(WAL_ATTEMPTS):
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == WAL_ATTEMPTS - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def _sqlite_engine(url: str, begin: str) -> Engine:
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        # Let SQLAlchemy, not pysqlite, decide when transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_S * 1000}")
        _use_wal(cursor)
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        conn.exec_driver_sql(begin)

    return engine


class Catalog:
    """Owns the engines and hands out short sessions.

    Engines are created lazily per process: a Celery prefork child must not
    reuse a connection its parent opened.
    """

    def __init__(self, url: str) -> None:
        self.url = url
        self._pid: int | None = None
        self._read: sessionmaker[Session] | None = None
        self._write: sessionmaker[Session] | None = None
        self._engines: list[Engine] = []

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    def _ensure_engines(self) -> None:
        if self._pid == os.getpid():
            return
        if self.is_sqlite:
            read = _sqlite_engine(self.url, "BEGIN")
            write = _sqlite_engine(self.url, "BEGIN IMMEDIATE")
        else:
            read = write = create_engine(self.url, pool_pre_ping=True)
        self._engines = [read, write]
        self._read = sessionmaker(read, expire_on_commit=False)
        self._write = sessionmaker(write, expire_on_commit=False)
        self._pid = os.getpid()

    def migrate(self, revision: str = "head") -> None:
        """Bring the schema to the newest migration (safe to call every start);
        an older revision is for testing upgrades."""
        # Alembic only here: a third of a second of imports that `sotarchive
        # ocr` on one page, which never migrates, should not pay.
        from alembic import command
        from alembic.config import Config

        self._ensure_engines()
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with self._engines[1].begin() as connection:
            if connection.dialect.name == "postgresql":
                # Workers starting together all migrate: one at a time.
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
            config.attributes["connection"] = connection
            command.upgrade(config, revision)

    @contextmanager
    def read(self) -> Iterator[Session]:
        self._ensure_engines()
        assert self._read is not None
        with self._read() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A transaction that commits on success and rolls back on error."""
        self._ensure_engines()
        assert self._write is not None
        with self._write.begin() as session:
            yield session

    def dispose(self) -> None:
        for engine in self._engines:
            engine.dispose()
        self._pid = None
