"""Running a Celery worker, and knowing whether one runs for a data directory."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import psutil

from archive.config import PipelineConfig
from ingest.celery_app import configure


def pidfile(config: PipelineConfig, pid: int) -> Path:
    # The host in the name: machines (and containers) sharing a data
    # directory each see only their own workers' pids.
    return config.run_dir / f"worker-{socket.gethostname()}-{pid}.pid"


def live_workers(config: PipelineConfig) -> list[int]:
    """Pids of workers started on this machine for this data directory."""
    pids = []
    if not config.run_dir.is_dir():
        return pids
    for path in config.run_dir.glob(f"worker-{socket.gethostname()}-*.pid"):
        try:
            pid = int(path.read_text().strip())
            if psutil.pid_exists(pid) and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                pids.append(pid)
                continue
        except (ValueError, OSError, psutil.Error):
            pass
        path.unlink(missing_ok=True)
    return pids


def run_worker(config: PipelineConfig, concurrency: int | None = None, loglevel: str = "INFO") -> None:
    """Run a prefork worker in this process until it is told to stop."""
    os.environ["OMP_THREAD_LIMIT"] = "1"
    config.run_dir.mkdir(parents=True, exist_ok=True)
    marker = pidfile(config, os.getpid())
    marker.write_text(str(os.getpid()))
    app = configure(config)
    try:
        app.worker_main(
            [
                "worker",
                f"--loglevel={loglevel}",
                f"--concurrency={concurrency or config.worker_concurrency}",
                "--pool=prefork",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                f"--hostname=sotarchive-{os.getpid()}@%h",
            ]
        )
    finally:
        marker.unlink(missing_ok=True)
