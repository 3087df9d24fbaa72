"""Time the dashboard pages and the main API lists on a store of 10,000 invented documents.

    PYTHONPATH=src python scripts/bench_serve.py [--docs 10000] [--runs 30] [--db URL]

Fills a SQLite store (in a temporary folder unless --db names one) with synthetic
records (accord.serve.synthetic), then requests each URL ``--runs`` times through
FastAPI's TestClient and prints the first ("cold": aggregate views are cached until the
store changes) and the median and 95th percentile in milliseconds. Not a
test: the numbers depend on the machine. Target: median under 300 ms.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from accord.serve.app import create_app
from accord.serve.synthetic import synthetic_records
from accord.settings import Settings
from accord.store import open_store

URLS = (
    "/",
    "/?sector=energy&date_from=2020",
    "/network",
    "/documents",
    "/documents?actor=KEN&q=solar",
    "/actors/KEN",
    "/pairs/CHN/KEN",
    "/documents/synthetic-00042",
    "/search?q=solar+loan",
    "/api/documents",
    "/api/documents?actor=KEN&sector=energy",
    "/api/events?event_type=AGREE&status=planned",
    "/api/amounts",
    "/api/amounts/items?kind=loan",
    "/api/quotes",
    "/api/actors",
    "/api/actors/KEN",
    "/api/pairs/CHN/KEN",
    "/api/search?q=solar",
    "/api/documents/export?actor=KEN",
)


def fill(url: str, n: int) -> None:
    with open_store(url) as store:
        have = store.count_rows()["documents"]
        if have >= n:
            return
        start = time.perf_counter()
        for i, record in enumerate(synthetic_records(n, seed=1)):
            if i >= have:
                store.ingest(record)
        print(f"filled {n} documents in {time.perf_counter() - start:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--db", default=None, help="store URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'bench.db'}"
        fill(url, args.docs)
        with open_store(url) as store:
            client = TestClient(create_app(store, Settings()))
            print(f"{'url':<48} {'cold ms':>8} {'median ms':>10} {'p95 ms':>8}")
            worst = 0.0
            for path in URLS:
                start = time.perf_counter()  # the first request misses the view cache
                assert client.get(path).status_code == 200, path
                cold = (time.perf_counter() - start) * 1000
                times = []
                for _ in range(args.runs):
                    start = time.perf_counter()
                    client.get(path)
                    times.append((time.perf_counter() - start) * 1000)
                times.sort()
                median = statistics.median(times)
                p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
                worst = max(worst, median)
                print(f"{path:<48} {cold:>8.1f} {median:>10.1f} {p95:>8.1f}")
            print(f"slowest median: {worst:.1f} ms (target < 300 ms)")


if __name__ == "__main__":
    main()
