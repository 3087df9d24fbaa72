"""`accord ingest` killed part way (SIGKILL, SIGTERM): a re-run stores every document
exactly once, no fact is left without its document, and no worker outlives the run."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from reliability_util import accord, alive, descendants, integrity, wait_for_documents, write_jsonl
from sqlalchemy import create_engine, text

DOCS = 500


def _documents_without_actors(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            query = "SELECT count(*) FROM documents d WHERE NOT EXISTS "
            query += "(SELECT 1 FROM actors a WHERE a.document_pk = d.pk)"
            return int(conn.execute(text(query)).scalar_one())
    finally:
        engine.dispose()


def _kill_part_way(
    url: str, corpus: Path, how: signal.Signals, stored: int = 40
) -> tuple[int, set[int]]:
    """Start `accord ingest -w 2`, let it store ``stored`` documents (0: wait only for
    its processes to start), then send ``how``.

    Returns how many documents were stored before, and the processes it had started
    (the forkserver, its workers, the resource tracker).
    """
    proc = accord("ingest", str(corpus), "--db", url, "-w", "2")
    try:
        if stored:
            stored = wait_for_documents(url, stored, proc)
        else:
            deadline = time.monotonic() + 120
            while len(descendants(proc.pid)) < 4 and time.monotonic() < deadline:
                assert proc.poll() is None, proc.communicate()
                time.sleep(0.1)
        children = descendants(proc.pid)
        os.kill(proc.pid, how)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return stored, children


def _gone_within(pids: set[int], seconds: float) -> set[int]:
    deadline = time.monotonic() + seconds
    while (left := alive(pids)) and time.monotonic() < deadline:
        time.sleep(0.2)
    return left


def test_a_killed_ingest_run_again_stores_every_document_once(
    store_url: str, tmp_path: Path
) -> None:
    corpus = write_jsonl(tmp_path / "news.jsonl", range(DOCS))
    stored, children = _kill_part_way(store_url, corpus, signal.SIGKILL)
    assert len(children) >= 3  # the forkserver, two workers (and the resource tracker)
    assert _gone_within(children, 10) == set(), "processes outlived a kill -9 of their parent"
    before = integrity(store_url)
    assert stored <= before["documents"] < DOCS
    assert before["orphans"] == 0

    again = accord("ingest", str(corpus), "--db", store_url, "-w", "2")
    out, err = again.communicate(timeout=600)
    assert again.returncode == 0, (out.decode(), err.decode())
    assert integrity(store_url) == {"documents": DOCS, "ids": DOCS, "hashes": DOCS, "orphans": 0}
    assert _documents_without_actors(store_url) == 0
    # The run stored the rest and found the first run's documents as they were.
    table = out.decode()
    assert f"{DOCS - before['documents']}" in table and "unchanged" in table


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_workers_die_with_their_parent(how: signal.Signals, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'accord.db'}"
    corpus = write_jsonl(tmp_path / "news.jsonl", range(DOCS))
    _, children = _kill_part_way(url, corpus, how, stored=0)
    assert len(children) >= 4  # the forkserver, the resource tracker, two workers
    assert _gone_within(children, 5) == set(), f"left alive after {how.name}"
