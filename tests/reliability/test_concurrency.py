"""Concurrent writers and readers: no error reaches the user, no row is lost or doubled.

Real parts: `accord ingest` processes, `accord serve` (uvicorn on 127.0.0.1), SQLite
files and the PostgreSQL server. Every loop is bounded.
"""

from __future__ import annotations

import json
import socket
import time
import urllib.error
import urllib.request
from pathlib import Path

from concurrent_ingest import ingest_concurrently
from reliability_util import accord, integrity, write_jsonl

from accord.pipeline import Processed, process_chunk
from accord.read import iter_raw
from accord.settings import Settings


def test_two_ingest_runs_with_overlapping_inputs_store_each_document_once(
    store_url: str, tmp_path: Path
) -> None:
    first = write_jsonl(tmp_path / "first.jsonl", range(0, 40))
    second = write_jsonl(tmp_path / "second.jsonl", range(20, 60))  # 20 in both
    runs = [accord("ingest", str(f), "--db", store_url, "-w", "1") for f in (first, second)]
    outputs = [run.communicate(timeout=600) for run in runs]
    for run, (out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, (out.decode(), err.decode())
        assert "error" not in err.decode().lower()
    assert integrity(store_url) == {"documents": 60, "ids": 60, "hashes": 60, "orphans": 0}


def test_writers_racing_on_the_same_records_leave_each_once(store_url: str, tmp_path: Path) -> None:
    """The store harness: two writers, each its own Store, half their records shared."""
    raws = list(iter_raw([write_jsonl(tmp_path / "race.jsonl", range(100, 130))]))
    results = process_chunk(raws, Settings(workers=1))
    records = [r.record for r in results if isinstance(r, Processed)]
    assert len(records) == 30
    a, b = records[:20], records[10:]
    interleaved = [r for pair in zip(a, b, strict=True) for r in pair]  # writer 0: a, 1: b
    assert ingest_concurrently(store_url, interleaved, writers=2) == []
    assert integrity(store_url) == {"documents": 30, "ids": 30, "hashes": 30, "orphans": 0}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def test_reads_during_an_ingest_all_succeed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'accord.db'}"
    seed = write_jsonl(tmp_path / "seed.jsonl", range(0, 5))
    assert accord("ingest", str(seed), "--db", url, "-w", "1").wait(timeout=600) == 0
    port = _free_port()
    log = (tmp_path / "serve.log").open("wb")  # one line a request: a pipe would fill
    server = accord("serve", "--db", url, "--port", str(port), stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    ingest = None
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if _get(f"{base}/api/documents")[0] == 200:
                    break
            except OSError:
                pass
            assert server.poll() is None, (tmp_path / "serve.log").read_text()
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)
        more = write_jsonl(tmp_path / "more.jsonl", range(5, 45))
        ingest = accord("ingest", str(more), "--db", url, "-w", "1")
        paths = ("/api/documents", "/api/overview", "/api/actors", "/", "/documents/doc-0001")
        answers: list[tuple[str, int]] = []
        totals: list[int] = []
        stop = time.monotonic() + 300
        while ingest.poll() is None and time.monotonic() < stop:
            for path in paths:
                status, body = _get(base + path)
                answers.append((path, status))
                if path == "/api/documents" and status == 200:
                    totals.append(json.loads(body)["total"])
        out, err = ingest.communicate(timeout=60)
        assert ingest.returncode == 0, (out.decode(), err.decode())
        # views may lag a write from outside the API by the cache's stated bound (2 s
        # plus compute time): wait that long for the last documents, no longer
        settle = time.monotonic() + 15
        while True:
            status, body = _get(f"{base}/api/documents")
            if json.loads(body).get("total") == 45 or time.monotonic() > settle:
                break
            time.sleep(0.25)
    finally:
        for proc in (server, ingest):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                proc.wait(timeout=30)
    assert len(answers) >= len(paths)  # the reads overlapped the ingest
    assert [a for a in answers if a[1] != 200] == []
    assert totals == sorted(totals)  # never a document lost from view
    assert status == 200 and json.loads(body)["total"] == 45
    assert integrity(url) == {"documents": 45, "ids": 45, "hashes": 45, "orphans": 0}
