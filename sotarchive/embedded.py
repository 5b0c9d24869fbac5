"""A worker started for the duration of one command, on embedded defaults.

An operator on one workstation should not have to open a second terminal
for `sotarchive worker`: `ingest --wait` and `demo` start one when none is
running for the data directory, and stop it when they end.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ingest.config import PipelineConfig
from ingest.worker import live_workers

STOP_TIMEOUT_S = 30


class WorkerDied(RuntimeError):
    pass


class EmbeddedWorker:
    def __init__(self, config: PipelineConfig) -> None:
        self.config = config
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def log_path(self) -> Path:
        return self.config.log_dir / "worker.log"

    def start(self) -> None:
        self.config.log_dir.mkdir(parents=True, exist_ok=True)
        log = open(self.log_path, "ab")
        env = dict(os.environ, SOTARCHIVE_DATA_DIR=str(self.config.data_dir))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "sotarchive", "--data-dir", str(self.config.data_dir), "worker"],
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=env,
            start_new_session=True,
        )
        log.close()

    def check(self) -> None:
        if self.process is not None and self.process.poll() is not None:
            raise WorkerDied(
                f"the worker stopped (exit code {self.process.returncode}); see {self.log_path}. "
                "Run the same command again to resume: finished pages are kept."
            )

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        # Celery's warm shutdown: the main process stops its pool children.
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


@contextmanager
def worker_if_needed(config: PipelineConfig) -> Iterator[EmbeddedWorker | None]:
    """Start a worker when none runs for this data directory (embedded broker only)."""
    if not config.embedded_broker or live_workers(config):
        yield None
        return
    worker = EmbeddedWorker(config)
    worker.start()
    try:
        yield worker
    finally:
        worker.stop()


def wait_for(predicate, worker: EmbeddedWorker | None, interval: float = 0.5) -> None:  # type: ignore[no-untyped-def]
    while not predicate():
        if worker is not None:
            worker.check()
        time.sleep(interval)
