"""The `sotarchive` command, one module per audience: operators
(ingest, watch, retry, split, join, ocr, extract, metadata), reviewers
(anonymise, review, publish, withdraw, reanonymise), administrators
(worker, serve, demo, reindex, verify, export, open-data, users) and
search (search, analyze, alerts). Its JSON shapes are a contract (DESIGN.md)."""

from __future__ import annotations

import signal

from sotarchive.cli import admin, operators, reviewers, search
from sotarchive.cli.admin import ROLE_CHOICE
from sotarchive.cli.base import cli

__all__ = ["ROLE_CHOICE", "admin", "cli", "main", "operators", "reviewers", "search"]


def _exit_on_sigterm(signum: int, _frame: object) -> None:
    # Unwind like Ctrl-C, so a worker this command started is stopped too.
    raise SystemExit(128 + signum)


def main() -> None:
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    cli(obj={})
