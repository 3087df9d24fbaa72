"""Load the served API and dashboard on 127.0.0.1 and measure throughput (make load).

    python scripts/load.py [--docs 10000] [--seconds 5] [--clients 8] [--out bench/load.json]

The store is 10,000 invented documents (accord.serve.synthetic), kept in
bench/load-store.db so later runs skip filling it (the first fill takes minutes). The
server is ``accord serve`` in its own process (uvicorn, one worker); the client is this
script: ``--clients`` threads, each with one keep-alive connection, asking one URL for
``--seconds`` or ``--max-requests`` answers in all, whichever comes first. Each URL is
measured alone, then while ``accord ingest`` runs the real pipeline on new articles
into the same store. The client part is bounded to about a minute; only 127.0.0.1 is
ever addressed. Prints a table and writes requests/s, p50 and p99 (ms) to ``--out``.

Target (issue 11): >= 200 requests/s on the document list with p99 < 500 ms while an
ingest runs, on the project's 2-core machine.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from accord.serve.synthetic import synthetic_records
from accord.store import open_store

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
URLS = {
    "document list": "/api/documents",
    "overview page": "/",
    "actor page": "/actors/KEN",
    "search": "/api/search?q=solar",
}


def fill(path: Path, n: int) -> None:
    """The store with ``n`` invented documents (kept between runs)."""
    with open_store(f"sqlite:///{path}") as store:
        have = store.count_rows()["documents"]
        if have >= n:
            return
        start = time.perf_counter()
        for i, record in enumerate(synthetic_records(n, seed=1)):
            if i >= have:
                store.ingest(record)
        print(f"filled {n} documents in {time.perf_counter() - start:.0f} s", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        port: int = s.getsockname()[1]
        return port


def accord() -> str:
    return str(Path(sys.executable).with_name("accord"))


def start_server(db: str, port: int) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        [accord(), "serve", "--db", db, "--host", HOST, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request("GET", "/api/documents?limit=1")
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start within 60 s")


def articles(folder: Path, n: int) -> None:
    """``n`` new article files for the ingest (invented text, ids not in the store)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, record in enumerate(synthetic_records(n, seed=99)):
        (folder / f"load-{i:05d}.txt").write_text(
            f"Load test article {i}\n\n{record.body}\n", encoding="utf-8"
        )


def hammer(port: int, url: str, seconds: float, clients: int, cap: int) -> dict[str, Any]:
    """Requests/s and latency percentiles for ``url`` from ``clients`` threads."""
    times: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def worker() -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=30)
        errors_note = ""
        while time.monotonic() < stop:
            with lock:
                if len(times) + len(errors) >= cap:
                    return
            start = time.perf_counter()
            try:
                conn.request("GET", url)
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException) as exc:
                ok = False
                conn.close()
                conn = http.client.HTTPConnection(HOST, port, timeout=30)
                response = None
                errors_note = type(exc).__name__
            took = time.perf_counter() - start
            with lock:
                if ok:
                    times.append(took)
                else:
                    errors.append(str(response.status) if response else errors_note)
        conn.close()

    began = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - began
    times.sort()

    def pct(p: float) -> float:
        return round(times[min(len(times) - 1, int(p * len(times)))] * 1000, 1) if times else 0.0

    return {
        "requests": len(times),
        "errors": len(errors),
        "seconds": round(wall, 2),
        "rps": round(len(times) / wall, 1),
        "p50_ms": pct(0.50),
        "p99_ms": pct(0.99),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=5.0, help="per URL and condition")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--max-requests", type=int, default=20_000, help="per URL and condition")
    parser.add_argument("--store", default=str(ROOT / "bench" / "load-store.db"))
    parser.add_argument("--out", default=str(ROOT / "bench" / "load.json"))
    args = parser.parse_args()

    store_path = Path(args.store)
    store_path.parent.mkdir(parents=True, exist_ok=True)
    fill(store_path, args.docs)
    db = f"sqlite:///{store_path}"
    began = time.monotonic()
    port = free_port()
    server = start_server(db, port)
    results: dict[str, dict[str, Any]] = {}
    ingest: subprocess.Popen[bytes] | None = None
    try:
        for name, url in URLS.items():
            hammer(port, url, 0.5, 2, 50)  # warm the view cache and the connection
            results[f"{name} alone"] = hammer(
                port, url, args.seconds, args.clients, args.max_requests
            )
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "articles"
            articles(folder, 400)
            with open_store(db) as store:
                before = store.count_rows()["documents"]
            ingest = subprocess.Popen(
                [accord(), "ingest", str(folder), "--db", db],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            deadline = time.monotonic() + 60
            with open_store(db) as store:  # measure once documents are arriving
                while store.count_rows()["documents"] == before:
                    if ingest.poll() is not None or time.monotonic() > deadline:
                        raise SystemExit("the ingest stored nothing")
                    time.sleep(0.2)
            for name, url in URLS.items():
                results[f"{name} during ingest"] = hammer(
                    port, url, args.seconds, args.clients, args.max_requests
                )
            with open_store(db) as store:
                added = store.count_rows()["documents"] - before
            still = ingest.poll() is None
            ingest.terminate()
            ingest.wait(timeout=30)
            ingest = None
            with open_store(db) as store:  # leave the store as it was filled
                for i in range(400):
                    store.delete(f"load-{i:05d}")
    finally:
        if ingest is not None:
            ingest.kill()
        server.terminate()
        server.wait(timeout=30)

    target = results["document list during ingest"]
    report = {
        "docs": args.docs,
        "clients": args.clients,
        "seconds_per_run": args.seconds,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "ingest": {"documents_added_while_measuring": added, "still_running_at_end": still},
        "client_seconds": round(time.monotonic() - began, 1),
        "results": results,
        "target": {
            "document list during ingest rps >= 200": target["rps"] >= 200,
            "document list during ingest p99 < 500 ms": target["p99_ms"] < 500,
        },
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"{'':<34} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for name, r in results.items():
        print(f"{name:<34} {r['rps']:>8} {r['p50_ms']:>8} {r['p99_ms']:>8} {r['errors']:>7}")
    print(f"documents stored by the ingest while measuring: {added}")
    print(f"target met: {all(report['target'].values())} (written to {args.out})")
    errors = sum(r["errors"] for r in results.values())
    return 0 if errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
