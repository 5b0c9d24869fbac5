"""Kill the worker in the middle of a batch, run the same ingest again:
every page is processed exactly once, nothing lost, nothing duplicated."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from tests.conftest import ROOT, catalog_rows, cli_json, run_cli


def _counts(data: Path) -> tuple[int, int]:
    try:
        done = catalog_rows(data, "SELECT count(*) FROM stage_runs WHERE stage='ocr' AND status='done'")[0][0]
        running = catalog_rows(data, "SELECT count(*) FROM stage_runs WHERE stage='ocr' AND status='running'")[0][0]
    except DBAPIError:  # the catalog is still being created
        return 0, 0
    return done, running


def test_killed_worker_then_resume(tmp_path: Path, sample_dir: Path) -> None:
    data = tmp_path / "data"
    env = dict(os.environ, SOTARCHIVE_DATA_DIR=str(data))
    queued = run_cli(data, "ingest", str(sample_dir), "--batch", "box-1")
    assert queued.returncode == 0, queued.stderr

    worker = subprocess.Popen(
        [sys.executable, "-m", "sotarchive", "worker"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        _wait_for_work_in_progress(data)
    finally:
        os.killpg(worker.pid, signal.SIGKILL)  # no warm shutdown: a crash
        worker.wait()
    done_at_kill, running_at_kill = _counts(data)
    assert running_at_kill >= 1 and done_at_kill < 6, "the kill must interrupt work in progress"

    summary = cli_json(data, "ingest", str(sample_dir), "--batch", "box-1", "--wait", "--json", check=True)
    assert summary["statuses"] == {"done": 4}
    assert summary["pages"] == summary["pages_done"] == 6

    _assert_every_page_processed_once(data)
    hits = cli_json(data, "search", "суд", "--json", "--limit", "50")["hits"]
    ids = [h["id"] for h in hits]
    assert len(ids) == len(set(ids))
    assert len(cli_json(data, "search", "Сидоренко", "--json")["hits"]) == 1


def test_waiting_ingest_restarts_a_killed_worker(tmp_path: Path, sample_dir: Path) -> None:
    """The worker `ingest --wait` started is killed: the same command starts
    another, re-queues what was lost, and finishes the batch."""
    data = tmp_path / "data"
    env = dict(os.environ, SOTARCHIVE_DATA_DIR=str(data))
    command = subprocess.Popen(
        [sys.executable, "-m", "sotarchive", "ingest", str(sample_dir), "--wait", "--json"],
        env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        _wait_for_work_in_progress(data)
        (pidfile,) = (data / "run").glob("worker-*.pid")
        os.killpg(int(pidfile.read_text()), signal.SIGKILL)
        out, err = command.communicate(timeout=300)
    finally:
        if command.poll() is None:
            command.terminate()  # stops the worker it started, too
            command.wait(60)
    assert command.returncode == 0, out + err
    summary = json.loads(out)
    assert summary["statuses"] == {"done": 4} and summary["pages_done"] == 6
    _assert_every_page_processed_once(data)


def _wait_for_work_in_progress(data: Path) -> None:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if (data / "catalog.sqlite").exists():
            done, running = _counts(data)
            if done >= 2 and running >= 1:
                return
        time.sleep(0.1)
    raise AssertionError("the worker never got going")


def _assert_every_page_processed_once(data: Path) -> None:
    pages = catalog_rows(data, "SELECT document_id, number, count(*) FROM pages GROUP BY document_id, number")
    runs = catalog_rows(data, "SELECT document_id, page_number, stage, status FROM stage_runs WHERE stage='ocr'")
    done_events = catalog_rows(data, "SELECT document_id, page_number, count(*) FROM events "
                                     "WHERE stage='ocr' AND kind='done' GROUP BY document_id, page_number")
    texts = catalog_rows(data, "SELECT count(*) FROM pages WHERE text IS NULL OR text = ''")[0][0]
    retried = catalog_rows(data, "SELECT max(attempts) FROM stage_runs WHERE stage = 'ocr'")[0][0]
    assert len(pages) == 6 and all(n == 1 for *_, n in pages)
    assert len(runs) == 6 and all(status == "done" for *_, status in runs)
    assert len(done_events) == 6 and all(n == 1 for *_, n in done_events), done_events
    assert texts == 0
    assert retried == 2, "the page being read at the kill is taken over, once"
