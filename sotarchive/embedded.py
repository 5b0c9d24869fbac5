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
from typing import Callable, Iterator

from archive.config import PipelineConfig
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


class WorkerSupervisor:
    """Keeps a worker alive for this data directory while a command waits.

    When no worker runs (none was, the one relied upon stopped, or the one
    started here died), it starts one and calls requeue, which queues
    the batch's unfinished documents: messages a vanished worker had taken
    are gone with it, and the stage claims make queueing a document twice
    harmless. A worker that keeps dying is reported, not restarted forever.
    """

    MAX_RESTARTS = 3

    def __init__(self, config: PipelineConfig, requeue: Callable[[], None]) -> None:
        self.config = config
        self.requeue = requeue
        self.own: EmbeddedWorker | None = None
        self.restarts = 0

    def ensure(self, first: bool = False) -> None:
        if not self.config.embedded_broker:
            return
        if self.own is not None:
            try:
                self.own.check()
                return
            except WorkerDied:
                self.restarts += 1
                if self.restarts > self.MAX_RESTARTS:
                    raise
        elif live_workers(self.config):
            return
        self.own = EmbeddedWorker(self.config)
        self.own.start()
        if not first:
            self.requeue()

    def stop(self) -> None:
        if self.own is not None:
            self.own.stop()


@contextmanager
def supervised_worker(config: PipelineConfig, requeue: Callable[[], None]) -> Iterator[WorkerSupervisor]:
    supervisor = WorkerSupervisor(config, requeue)
    supervisor.ensure(first=True)
    try:
        yield supervisor
    finally:
        supervisor.stop()


STALL_S = 30.0


def wait_for(
    progress: Callable[[], tuple[bool, object]],
    supervisor: WorkerSupervisor,
    interval: float = 0.25,
) -> None:
    """Poll progress() -> (finished, state) until finished.

    When the state has not changed for STALL_S, the unfinished work is
    queued again: a message lost anywhere (a worker killed between taking
    a task and claiming it) is healed, and the claims make it harmless
    where nothing was lost.
    """
    last_state: object = None
    last_change = time.monotonic()
    warned = False
    while True:
        finished, state = progress()
        if finished:
            return
        now = time.monotonic()
        if state != last_state:
            last_state, last_change = state, now
        elif now - last_change > STALL_S:
            supervisor.requeue()
            last_change = now
            if not supervisor.config.embedded_broker and not warned:
                # With a production broker the workers run elsewhere.
                print("no progress for 30 s: is a worker running? start one with `sotarchive worker` "
                      "(on this or another machine with the same settings)", file=sys.stderr)
                warned = True
        supervisor.ensure()
        time.sleep(interval)
