"""Time the dashboard pages and the main API lists on a store of 10,000 invented documents.

    PYTHONPATH=src python scripts/bench_serve.py [--docs 10000] [--runs 30] [--db URL] [--paint]

Fills a SQLite store (in a temporary folder unless --db names one) with synthetic
records (accord.serve.synthetic), then requests each URL ``--runs`` times through
FastAPI's TestClient and prints the first ("cold": aggregate views are cached until the
store changes) and the median and 95th percentile in milliseconds. Not a
test: the numbers depend on the machine. Target: median under 300 ms.

``--paint`` also serves the store with uvicorn on 127.0.0.1 and opens each dashboard
page in headless Chromium (ACCORD_CHROMIUM, else chromium on the PATH), printing its first
contentful paint and load time as the browser reports them (Performance API): cold (a new
browser context, empty cache, view cache warm) and warm (the same context again, so
plotly.js comes from the browser's cache). Target: first paint under 300 ms.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from accord.serve.app import create_app
from accord.serve.headless import CHROMIUM, CHROMIUM_ARGS
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


PAGES = tuple(p for p in URLS if not p.startswith("/api"))

# the paint entry can arrive after the load event on a fast page: wait for it (buffered)
PAINT_JS = """() => new Promise((resolve) => {
  const nav = () => { const n = performance.getEntriesByType('navigation')[0];
                      return n ? n.loadEventEnd : null; };
  const done = (t) => resolve([t, nav()]);
  new PerformanceObserver((list) => {
    const fcp = list.getEntriesByName('first-contentful-paint')[0];
    if (fcp) done(fcp.startTime);
  }).observe({type: 'paint', buffered: true});
  setTimeout(() => done(null), 3000);
})"""


def _median(values: list[float | None]) -> float:
    """The median of the values the browser gave (nan if it gave none)."""
    given = [v for v in values if v is not None]
    return statistics.median(given) if given else float("nan")


def paint(store: Any, runs: int) -> None:
    """First contentful paint and load of each page in Chromium, cold and warm."""
    import uvicorn
    from playwright.sync_api import sync_playwright

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(store, Settings()), host="127.0.0.1", port=port, log_level="warning"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    print(f"\n{'page':<40} {'cold FCP':>9} {'cold load':>10} {'warm FCP':>9} {'warm load':>10}")
    worst = 0.0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        for path in PAGES:
            cold, warm = [], []
            for _ in range(runs):
                context = browser.new_context()
                page = context.new_page()
                page.goto(base + path, wait_until="load")
                cold.append(page.evaluate(PAINT_JS))
                page.goto(base + path, wait_until="load")
                warm.append(page.evaluate(PAINT_JS))
                context.close()
            row = [_median([v[i] for v in runs_]) for runs_ in (cold, warm) for i in (0, 1)]
            worst = max([worst, *(v for v in (row[0], row[2]) if v == v)])
            print(f"{path:<40} {row[0]:>9.0f} {row[1]:>10.0f} {row[2]:>9.0f} {row[3]:>10.0f}")
        browser.close()
    server.should_exit = True
    thread.join(timeout=10)
    print(f"slowest median first contentful paint: {worst:.0f} ms (target < 300 ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--db", default=None, help="store URL (default: a temporary SQLite file)")
    parser.add_argument("--paint", action="store_true", help="first paint in Chromium too")
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
            if args.paint:
                paint(store, max(1, min(args.runs, 5)))


if __name__ == "__main__":
    main()
