"""Public search pages under load, from a second process on loopback.

The site is served as production serves it (gunicorn, or waitress with
--server waitress) over the sample archive, processed and published (made
with `sotarchive demo --no-serve` when no --data is given). A separate
process sends requests on a fixed schedule (open loop: a slow answer
does not slow the senders, so queueing shows in the latency, as it would
for real visitors) at --rate requests per second for --seconds, over a
mix of Kyrgyz and Russian queries with filters and paging.

With --abusive N, N hostile clients hammer the server beside the normal
visitors, each at the public rate limit (300/minute by default): the
longest queries the site accepts (1,000 characters, 100 words, prefixes,
OR chains, 16 levels of brackets), deep paging. The server then runs as
behind a proxy (trusted_proxies=1) with the rate limit on; every normal
request comes from an address of its own, every hostile client from one.

    make bench-web            # or: .venv/bin/python bench/web_bench.py [--rate 100] [--seconds 30] [--abusive 8]

Target: public search pages p95 under 150 ms at 100 requests per second,
also for the normal visitors while 8 abusive clients are at their limit.
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
sys.path.insert(0, str(ROOT))

from bench.hostile_queries import hostile_queries  # noqa: E402
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


def hostile_paths(count: int, seed: int = 3) -> list[str]:
    """The hostile queries as search pages, with deep paging."""
    import random

    rng = random.Random(seed)
    return ["/?" + urllib.parse.urlencode({"q": query, "offset": str(rng.choice([0, 990, 5000])),
                                          "sort": rng.choice(["date", "relevance"])})
            for query in hostile_queries(count, seed)]


def _sender(port: int, schedule: list[tuple[float, str, str]], results: "multiprocessing.Queue[list[tuple[float, int, str]]]") -> None:
    """One process of the load: threads with keep-alive connections, each
    sending its share of the schedule at the planned moments."""
    lock = threading.Lock()
    measured: list[tuple[float, int, str]] = []
    start = time.monotonic() + 0.5
    threads = 32
    shares = [schedule[i::threads] for i in range(threads)]

    def run(share: list[tuple[float, str, str]]) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        for at, path, client in share:
            delay = start + at - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            planned = start + at
            try:
                connection.request("GET", path, headers={"X-Forwarded-For": client})
                response = connection.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                status = 0
            # From the planned moment, not the sending one: a late send is latency too.
            with lock:
                measured.append((time.monotonic() - planned, status, client))

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
    parser.add_argument("--abusive", type=int, default=0, help="hostile clients beside the normal visitors")
    parser.add_argument("--abusive-rate", type=float, default=5.0,
                        help="requests per second of each hostile client (the limit: 300/minute)")
    args = parser.parse_args()
    python = sys.executable
    data = args.data
    if data is None:
        data = Path(tempfile.mkdtemp(prefix="web-bench-")) / "data"
        print(f"building the sample archive in {data} ...", flush=True)
        subprocess.run([python, "-m", "sotarchive", "--data-dir", str(data), "demo", "--no-serve"], check=True,
                       cwd=ROOT, stdout=subprocess.DEVNULL)
    sys.path.insert(0, str(ROOT))
    from archive.services import Services
    from sotarchive.settings import load_config

    public_index = Services(load_config(str(data))).public_index
    if args.corpus:
        from bench.search_corpus import corpus

        print(f"indexing {args.corpus:,} generated decisions into the public index ...", flush=True)
        public_index.index(corpus(args.corpus, seed=5), processes=os.cpu_count() or 1)
    documents = public_index.count()
    port = free_port()
    env = dict(os.environ, SOTARCHIVE_DATA_DIR=str(data), SOTARCHIVE_PUBLIC_RATE_LIMIT="off")
    if args.abusive:
        # As behind a proxy: the limit per visitor's address, which each request names.
        env.update(SOTARCHIVE_PUBLIC_RATE_LIMIT=f"{round(args.abusive_rate * 60)}/minute", SOTARCHIVE_TRUSTED_PROXIES="1")
    if args.server == "gunicorn":
        command = [python, "-m", "gunicorn", "--workers", str(args.workers), "--bind", f"127.0.0.1:{port}",
                   "--log-level", "warning", "sotarchive.wsgi:app"]
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
        schedule = [(i / args.rate, pages[i % len(pages)], f"10.{i // 65536 % 256}.{i // 256 % 256}.{i % 256}")
                    for i in range(count)]
        hostile = hostile_paths(97)
        for client in range(args.abusive):
            sent = int(args.abusive_rate * args.seconds)
            schedule += [((k + client / max(args.abusive, 1)) / args.abusive_rate, hostile[(k * 7 + client) % len(hostile)],
                          f"203.0.113.{client + 1}") for k in range(sent)]
        schedule.sort()
        results: multiprocessing.Queue[list[tuple[float, int, str]]] = multiprocessing.Queue()
        load = multiprocessing.Process(target=_sender, args=(port, schedule, results))
        began = time.monotonic()
        load.start()
        measured = results.get()
        load.join()
        elapsed = time.monotonic() - began - 0.5
    finally:
        server.terminate()
        server.wait(30)
    normal = [m for m in measured if m[2].startswith("10.")]
    abusive = [m for m in measured if not m[2].startswith("10.")]
    latencies = sorted(m[0] * 1000 for m in normal)
    errors = sum(1 for _, status, _ in normal if status != 200)
    cut = statistics.quantiles(latencies, n=100)
    print(f"\npublic index: {documents:,} decisions")
    print(f"{args.server} ({args.workers if args.server == 'gunicorn' else 8} {'workers' if args.server == 'gunicorn' else 'threads'}), "
          f"{count} normal requests at {args.rate:.0f}/s planned, {len(measured) / elapsed:.1f}/s achieved in all, "
          f"{errors} errors")
    if abusive:
        statuses = {code: sum(1 for _, status, _ in abusive if status == code) for code in sorted({m[1] for m in abusive})}
        slow = sorted(m[0] * 1000 for m in abusive)
        print(f"{args.abusive} abusive clients at {args.abusive_rate:g}/s each: {len(abusive)} requests, answers {statuses}, "
              f"their p95 {statistics.quantiles(slow, n=100)[94]:.1f} ms")
    print(f"{'normal visitors' if abusive else 'public search pages'}: p50 {cut[49]:.1f} ms, p95 {cut[94]:.1f} ms, "
          f"p99 {cut[98]:.1f} ms, max {latencies[-1]:.1f} ms")
    print(f"target p95 < 150 ms: {'met' if cut[94] < 150 and not errors else 'NOT met'}")


if __name__ == "__main__":
    main()
