"""A runaway document costs one error line and about the time limit; the batch goes on.

The runaway is made by patching an extractor inside whichever process runs the chunk
(the runner is imported by name in a worker), so the same fault runs in 1 and 2 workers.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import accord.pipeline.batch as batch
import accord.pipeline.pool as pool
from accord.pipeline import Item, Processed, Processor, Result, iter_processed, process_chunk
from accord.schema import DocumentError, RawDocument, Source
from accord.serve.app import create_app
from accord.settings import Settings, load_settings
from accord.store import open_store

SPIN = "SPIN-FOREVER"
DEAF = "SPIN-WITH-THE-TIMER-BLOCKED"
LIMIT = 1.0


def _spinning_extract(real):  # type: ignore[no-untyped-def]
    def extract(document, doc):  # type: ignore[no-untyped-def]
        if SPIN in document.body:
            while True:  # CPU-bound Python that never ends
                pass
        if DEAF in document.body:
            # As native code that never returns to the interpreter: no signal reaches it.
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            while True:
                time.sleep(0.05)
        return real(document, doc)

    return extract


def runaway_runner(chunk: Sequence[Item], settings: Settings) -> list[Result]:
    """process_chunk with an extractor that loops forever on a marked document."""
    real = batch.extract_facts
    batch.extract_facts = _spinning_extract(real)
    try:
        return process_chunk(chunk, settings)
    finally:
        batch.extract_facts = real


def doc(n: int, extra: str = "") -> RawDocument:
    text = f"Kenya and Ethiopia signed trade agreement number {n} in Nairobi on Monday. {extra}"
    return RawDocument(text=text, source=Source(path=f"doc-{n}.txt"), id=f"doc-{n}")


def settings(workers: int) -> Settings:
    return replace(Settings(), workers=workers, batch_size=2, time_limit=LIMIT)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_document_that_loops_forever_costs_one_error_and_the_time_limit(workers: int) -> None:
    docs = [doc(n) for n in range(6)]
    docs[2] = doc(2, SPIN)
    start = time.monotonic()
    out = list(iter_processed(docs, settings(workers), runner=runaway_runner))
    elapsed = time.monotonic() - start
    errors = [o for o in out if isinstance(o, DocumentError)]
    assert [e.path for e in errors] == ["doc-2.txt"]
    assert "time limit of 1 s while extracting" in errors[0].reason
    assert [o.record.id for o in out if isinstance(o, Processed)] == [
        f"doc-{n}" for n in (0, 1, 3, 4, 5)
    ]
    assert elapsed < 60  # a busy machine loads the model slowly; "forever" never ends


def test_a_worker_deaf_to_the_timer_is_killed_and_replaced(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(pool, "GRACE_S", 1.0)  # the parent's watchdog: 1 s over 2x the limit
    docs = [doc(n) for n in range(6)]
    docs[1] = doc(1, DEAF)
    start = time.monotonic()
    out = list(iter_processed(docs, settings(2), runner=runaway_runner))
    elapsed = time.monotonic() - start
    errors = [o for o in out if isinstance(o, DocumentError)]
    assert [e.path for e in errors] == ["doc-1.txt"]
    assert "time limit" in errors[0].reason
    assert len([o for o in out if isinstance(o, Processed)]) == 5
    assert elapsed < 90


def _cpu_seconds_below(pid: int) -> float:
    """CPU time used so far by every process below ``pid`` (from /proc)."""
    stats = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            stats[int(entry.name)] = (int(fields[1]), int(fields[11]) + int(fields[12]))
    below, frontier = set(), {pid}
    while frontier:
        frontier = {p for p, (pp, _) in stats.items() if pp in frontier} - below
        below |= frontier
    return sum(stats[p][1] for p in below) / os.sysconf("SC_CLK_TCK")


def test_an_api_write_that_runs_away_ends_at_the_limit_and_frees_the_core(
    tmp_path: Path,
) -> None:
    token = "a-token-for-this-test"
    headers = {"Authorization": f"Bearer {token}"}
    limited = replace(settings(1), api_token=token)
    with (
        open_store(f"sqlite:///{tmp_path / 'a.db'}") as store,
        Processor(limited, runner=runaway_runner) as process,
    ):
        client = TestClient(create_app(store, limited, process=process))
        start = time.monotonic()
        failed = client.post("/api/documents", json={"text": doc(1, SPIN).text}, headers=headers)
        took = time.monotonic() - start
        before = _cpu_seconds_below(os.getpid())
        time.sleep(1.0)
        busy = _cpu_seconds_below(os.getpid()) - before
        ok = client.post("/api/documents", json={"text": doc(2).text}, headers=headers)
    assert failed.status_code == 422 and "time limit" in failed.text
    assert took < 60  # model loading in the worker, then the limit
    assert busy < 0.5  # no process is still spinning on the abandoned document
    assert ok.status_code == 201


def test_the_character_limit_applies_to_the_raw_text_before_cleaning(tmp_path: Path) -> None:
    """Page furniture that the cleaner would drop still counts: a huge line is refused
    before any cleaning time is spent on it."""
    furniture = "\n".join(["Subscribe to our newsletter"] * 200)  # dropped by the cleaner
    raw = RawDocument(
        text=furniture + "\n\nGhana and Togo held talks in Accra on Monday.\n",
        source=Source(path="page.txt"),
    )
    limited = replace(Settings(), max_chars=len(raw.text) - 1, workers=1)
    (result,) = process_chunk([raw], limited)
    assert isinstance(result, DocumentError)
    assert result.stage == "read" and "too long" in result.reason

    huge = RawDocument(text="x" * 5_000_000, source=Source(path="one-line.txt"))
    start = time.monotonic()
    (result,) = process_chunk([huge], Settings())
    assert isinstance(result, DocumentError) and "5,000,000 characters" in result.reason
    assert time.monotonic() - start < 1


def test_max_chars_and_time_limit_come_from_the_environment(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ACCORD_MAX_CHARS", "1234")
    monkeypatch.setenv("ACCORD_TIME_LIMIT", "2.5")
    got = load_settings()
    assert (got.max_chars, got.time_limit) == (1234, 2.5)
