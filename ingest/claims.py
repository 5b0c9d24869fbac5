"""Claiming a stage for a document or page, so no work is done twice.

A claim is a row in stage_runs. A worker takes it inside a write
transaction; another worker that finds it held by a live process leaves
it alone; a claim held by a process that died (killed worker) is taken
over, which is how an interrupted batch resumes.
"""

from __future__ import annotations

import os
import socket
from datetime import datetime, timedelta
from enum import Enum

import psutil
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.models import Event, RunStatus, StageRun, as_utc, utcnow

LEASE_GRACE = timedelta(minutes=2)


class Claim(Enum):
    RUN = "run"  # this worker does the work now
    DONE = "done"  # already done with this version and input
    FAILED = "failed"  # failed before: set aside until retried
    BUSY = "busy"  # a live worker is doing it


def worker_id() -> str:
    """host:pid:start-time, so a recycled pid is not mistaken for the old one."""
    pid = os.getpid()
    started = psutil.Process(pid).create_time()
    return f"{socket.gethostname()}:{pid}:{started:.2f}"


def claimant_alive(claimed_by: str | None, claimed_at: datetime | None, lease: timedelta) -> bool:
    if not claimed_by:
        return False
    try:
        host, pid_text, started = claimed_by.rsplit(":", 2)
    except ValueError:
        return False
    if host == socket.gethostname():
        try:
            process = psutil.Process(int(pid_text))
            # A killed worker's children can linger as zombies: dead all the same.
            return (
                f"{process.create_time():.2f}" == started
                and process.status() != psutil.STATUS_ZOMBIE
            )
        except (psutil.NoSuchProcess, ValueError):
            return False
    # Another machine: trust the lease.
    if claimed_at is None:
        return False
    return utcnow() - as_utc(claimed_at) < lease + LEASE_GRACE


def _run(session: Session, document_id: str, page_number: int, stage: str) -> StageRun | None:
    # FOR UPDATE: on PostgreSQL two workers reading the same run queue here
    # instead of both claiming it (SQLite's BEGIN IMMEDIATE queues them already).
    return session.scalar(
        select(StageRun)
        .where(
            StageRun.document_id == document_id,
            StageRun.page_number == page_number,
            StageRun.stage == stage,
        )
        .with_for_update()
    )


def claim(
    session: Session,
    document_id: str,
    page_number: int,
    stage: str,
    version: str,
    input_key: str,
    lease: timedelta,
) -> Claim:
    run = _run(session, document_id, page_number, stage)
    current = run is not None and run.version == version and run.input_key == input_key
    if run is not None and current and run.status == RunStatus.DONE:
        return Claim.DONE
    if run is not None and current and run.status == RunStatus.FAILED:
        return Claim.FAILED
    if run is not None and run.status == RunStatus.RUNNING and claimant_alive(
        run.claimed_by, run.claimed_at, lease
    ):
        return Claim.BUSY
    if run is None:
        # No row to lock yet: of two workers inserting it at once, the
        # unique constraint lets one through; the other keeps off.
        run = StageRun(document_id=document_id, page_number=page_number, stage=stage, attempts=0,
                       version=version, input_key=input_key, status="running")
        try:
            with session.begin_nested():
                session.add(run)
                session.flush()
        except IntegrityError:
            return Claim.BUSY
    run.version = version
    run.input_key = input_key
    run.status = RunStatus.RUNNING
    run.error = None
    run.attempts += 1
    run.claimed_by = worker_id()
    run.claimed_at = utcnow()
    run.finished_at = None
    session.add(_event(run, "started"))
    return Claim.RUN


def _event(run: StageRun, kind: str, message: str | None = None) -> Event:
    return Event(
        document_id=run.document_id,
        page_number=run.page_number or None,
        stage=run.stage,
        stage_version=run.version,
        kind=kind,
        message=message,
        actor=worker_id(),
    )


def finish(
    session: Session,
    document_id: str,
    page_number: int,
    stage: str,
    error: str | None = None,
) -> None:
    """Record the outcome of a claimed stage, with an event."""
    run = _run(session, document_id, page_number, stage)
    if run is None:
        raise LookupError(f"no claim for {stage} of {document_id} page {page_number}")
    run.status = RunStatus.FAILED if error else RunStatus.DONE
    run.error = error
    run.finished_at = utcnow()
    run.claimed_by = None
    session.add(_event(run, "failed" if error else "done", error))
