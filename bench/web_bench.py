"""Public search pages under load, from a second process on loopback.

The site is served as production serves it (gunicorn, or waitress with
--server waitress) over the sample archive, processed and published (made
with `sotarchive demo --no-serve` when no --data is given). A separate
process sends requests on a fixed schedule (open loop: a slow answer
does not slow the senders, so queueing shows in the latency, as it would
for real visitors) at --rate requests per second for --seconds, over a
mix of Kyrgyz and Russian queries with filters and paging. The per-client
rate limit is off for the run (every request comes from one address).

    make bench-web            # or: .venv/bin/python bench/web_bench.py [--rate 100] [--seconds 30]

Target: public search pages p95 under 150 ms at 100 requests per second.
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES = [
    "сот", "приговор", "мамлекеттик алым", "решение суда", "соттун чечими", "имущества", "кассационной жалобы",
    "Фрунзе", "Бишкек", "сот year:2010..2026", "суд type:civil", "приговор OR өкүм", "алым*", '"народный суд"',
    "сотторунун", "похищение", "иск", "суд lang:ru",
]


def paths() -> list[str]:
    out = []
    for i, query in enumerate(QUERIES):
        params = {"q": query, "lang": "ky" if i % 2 else "ru"}
        if i % 5 == 0:
            params["offset"] = "10"
        if i % 7 == 0:
            params["sort"] = "date"
        out.append("/?" + urllib.parse.urlencode(params))
    return out


def _sender(port: int, schedule: list[tuple[float, str]], results: "multiprocessing.Queue[list[tuple[float, int]]]") -> None:
    """One process of the load: threads with keep-alive connections, each
    sending its share of the schedule at the planned moments."""
    lock = threading.Lock()
    measured: list[tuple[float, int]] = []
    start = time.monotonic() + 0.5
    threads = 32
    shares = [schedule[i::threads] for i in range(threads)]

    def run(share: list[tuple[float, str]]) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        for at, path in share:
            delay = start + at - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            planned = start + at
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                status = 0
            # From the planned moment, not the sending one: a late send is latency too.
            with lock:
                measured.append((time.monotonic() - planned, status))

    workers = [threading.Thread(target=run, args=(share,)) for share in shares]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    results.put(measured)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rate", type=float, default=100.0, help="requests per second")
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--data", type=Path, help="a data directory with published decisions (default: the demo's)")
    parser.add_argument("--corpus", type=int, default=0,
                        help="also put this many generated decisions (bench/search_corpus.py) into the public index")
    parser.add_argument("--server", choices=["gunicorn", "waitress"], default="gunicorn")
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2 + 1, help="gunicorn workers")
    args = parser.parse_args()
    python = sys.executable
    data = args.data
    if data is None:
        data = Path(tempfile.mkdtemp(prefix="web-bench-")) / "data"
        print(f"building the sample archive in {data} ...", flush=True)
        subprocess.run([python, "-m", "sotarchive", "--data-dir", str(data), "demo", "--no-serve"], check=True,
                       cwd=ROOT, stdout=subprocess.DEVNULL)
    sys.path.insert(0, str(ROOT))
    from ingest.services import Services
    from sotarchive.settings import load_config

    public_index = Services(load_config(str(data))).public_index
    if args.corpus:
        from bench.search_corpus import corpus

        print(f"indexing {args.corpus:,} generated decisions into the public index ...", flush=True)
        public_index.index(corpus(args.corpus, seed=5), processes=os.cpu_count() or 1)
    documents = public_index.count()
    port = free_port()
    env = dict(os.environ, SOTARCHIVE_DATA_DIR=str(data), SOTARCHIVE_PUBLIC_RATE_LIMIT="off")
    if args.server == "gunicorn":
        command = [python, "-m", "gunicorn", "--workers", str(args.workers), "--bind", f"127.0.0.1:{port}",
                   "--log-level", "warning", "search_api.wsgi:app"]
    else:
        command = [python, "-m", "sotarchive", "serve", "--port", str(port)]
    server = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/?q=сот".replace("сот", "%D1%81%D0%BE%D1%82"), timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("the server did not start")
                time.sleep(0.3)
        pages = paths()
        for path in pages:  # warm every worker's caches a little, as a running site has them
            urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10).read()
        count = int(args.rate * args.seconds)
        schedule = [(i / args.rate, pages[i % len(pages)]) for i in range(count)]
        results: multiprocessing.Queue[list[tuple[float, int]]] = multiprocessing.Queue()
        load = multiprocessing.Process(target=_sender, args=(port, schedule, results))
        began = time.monotonic()
        load.start()
        measured = results.get()
        load.join()
        elapsed = time.monotonic() - began - 0.5
    finally:
        server.terminate()
        server.wait(30)
    latencies = sorted(m[0] * 1000 for m in measured)
    errors = sum(1 for _, status in measured if status != 200)
    cut = statistics.quantiles(latencies, n=100)
    print(f"\npublic index: {documents:,} decisions")
    print(f"{args.server} ({args.workers if args.server == 'gunicorn' else 8} {'workers' if args.server == 'gunicorn' else 'threads'}), "
          f"{count} requests at {args.rate:.0f}/s planned, {len(measured) / elapsed:.1f}/s achieved, {errors} errors")
    print(f"public search pages: p50 {cut[49]:.1f} ms, p95 {cut[94]:.1f} ms, p99 {cut[98]:.1f} ms, max {latencies[-1]:.1f} ms")
    print(f"target p95 < 150 ms: {'met' if cut[94] < 150 and not errors else 'NOT met'}")


if __name__ == "__main__":
    main()
