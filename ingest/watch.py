"""A watched folder: files the scanner writes there are taken once complete.

A scanner writes a file over seconds or minutes; reading it half-written
would store a truncated scan. A file is taken only when its size and
modification time have stayed the same for `settle_s` seconds, it is not
empty, and its name is not one that scanners and copy tools give files in
progress (.part, .tmp, ~$...). Each version of a file (path, size, time)
is taken once; a file rewritten later is taken again, and the catalog's
hashing makes the same bytes one document.

Polling rather than filesystem events: it works the same on network
shares, where inotify sees nothing, and stability has to be polled anyway.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from ingest.batches import expand_paths

IN_PROGRESS_SUFFIXES = (".part", ".partial", ".tmp", ".crdownload", ".download", ".filepart", ".!sync")
IN_PROGRESS_PREFIXES = ("~$", ".~")


@dataclass(frozen=True)
class Version:
    size: int
    mtime_ns: int


class FolderWatcher:
    def __init__(self, folder: Path, settle_s: float = 5.0) -> None:
        self.folder = folder
        self.settle_s = settle_s
        self._seen: dict[Path, tuple[Version, float]] = {}  # the version last seen, and since when
        self._taken: dict[Path, Version] = {}

    def poll(self, now: float | None = None) -> list[Path]:
        """The files complete since the last poll, in a stable order."""
        now = time.monotonic() if now is None else now
        ready = []
        present = set()
        for path in expand_paths([self.folder]):
            if in_progress_name(path.name):
                continue
            try:
                stat = path.stat()
            except OSError:
                continue  # gone between listing and looking: renamed into place, seen next time
            present.add(path)
            version = Version(stat.st_size, stat.st_mtime_ns)
            previous = self._seen.get(path)
            if previous is None or previous[0] != version:
                self._seen[path] = (version, now)
                continue
            stable_since = previous[1]
            if version.size > 0 and now - stable_since >= self.settle_s and self._taken.get(path) != version:
                self._taken[path] = version
                ready.append(path)
        for gone in set(self._seen) - present:
            del self._seen[gone]
        return ready

    def waiting(self) -> int:
        """Files seen but not taken yet (still being written, or settling)."""
        return sum(1 for path, (version, _) in self._seen.items() if self._taken.get(path) != version)


def in_progress_name(name: str) -> bool:
    lower = name.lower()
    return lower.endswith(IN_PROGRESS_SUFFIXES) or lower.startswith(IN_PROGRESS_PREFIXES)
