"""Ingest throughput, and the pipeline's overhead over Tesseract itself.

Builds the sample archive (COPIES times, each copy rendered with other
seeds so every copy is a distinct document), ingests it into a fresh data
directory with `sotarchive ingest --wait`, then runs the bare `tesseract`
command on the very page images the pipeline OCR'd, as many at once as the
pipeline runs workers. Prints pages per minute for both and their ratio.

    make bench                 # or: .venv/bin/python bench/ingest_throughput.py --copies 3
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sotarchive.sample_archive import SAMPLES, build_sample_archive  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=2)
    parser.add_argument("--languages", default="kir+rus")
    args = parser.parse_args()
    workers = os.cpu_count() or 1

    with tempfile.TemporaryDirectory(prefix="sotarchive-bench-") as tmp:
        scans = Path(tmp) / "scans"
        samples = [
            replace(s, file_name=f"copy{k}-{s.file_name}", seed=s.seed * 10 + k)
            for k in range(args.copies)
            for s in SAMPLES
        ]
        build_sample_archive(scans, samples)
        data = Path(tmp) / "data"
        env = dict(os.environ, SOTARCHIVE_DATA_DIR=str(data), SOTARCHIVE_OCR_LANGUAGES=args.languages)
        started = time.monotonic()
        result = subprocess.run(
            [sys.executable, "-m", "sotarchive", "ingest", str(scans), "--wait", "--json"],
            env=env, capture_output=True, text=True, cwd=ROOT,
        )
        pipeline_s = time.monotonic() - started
        if result.returncode != 0:
            sys.exit(f"ingest failed:\n{result.stdout}\n{result.stderr}")
        summary = json.loads(result.stdout)

        with sqlite3.connect(data / "catalog.sqlite") as db:
            images = [row[0] for row in db.execute("SELECT image_blob FROM pages WHERE text_source = 'ocr'")]
            text_pages = db.execute("SELECT count(*) FROM pages WHERE text_source != 'ocr'").fetchone()[0]
        paths = [data / "blobs" / d[:2] / d[2:4] / d for d in images]

        def bare(path: Path) -> None:
            subprocess.run(
                ["tesseract", str(path), "stdout", "-l", args.languages],
                check=True, capture_output=True, env=dict(os.environ, OMP_THREAD_LIMIT="1"),
            )

        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=workers) as pool:
            list(pool.map(bare, paths))
        bare_s = time.monotonic() - started

    pages = summary["pages"]
    print(f"documents: {summary['documents']}, pages: {pages} ({len(paths)} OCR'd, {text_pages} from a text layer)")
    print(f"workers: {workers} (one Tesseract per core), languages: {args.languages}")
    print(f"pipeline  (sotarchive ingest --wait, all stages, incl. worker start): {pipeline_s:7.1f} s  "
          f"{pages / pipeline_s * 60:6.1f} pages/min")
    print(f"bare tesseract on the same {len(paths)} page images, {workers} at a time:      {bare_s:7.1f} s  "
          f"{len(paths) / bare_s * 60:6.1f} pages/min")
    per_page_pipeline = pipeline_s / max(len(paths), 1)
    per_page_bare = bare_s / max(len(paths), 1)
    print(f"overhead ratio (pipeline time / bare OCR time, per OCR'd page): {per_page_pipeline / per_page_bare:.2f}")


if __name__ == "__main__":
    main()
