"""Hostile inputs through the real `accord ingest` (a subprocess) into a real SQLite
file, with one and with two workers: each input gives a record or one error line for
that document alone, the other documents of the batch are stored, and no process of
the run grows past 1 GB, at the full sizes the reliability issue names (a 20 MB
article, a 5 MB line, 100,000 country names).
"""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from accord.store import open_store

sys.path.insert(0, str(Path(__file__).parent))
from hostile_inputs import make_inputs

ACCORD = Path(sys.executable).with_name("accord")
LIMIT_BYTES = 1 << 30


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    folder = tmp_path_factory.mktemp("hostile") / "in"
    return folder, make_inputs(folder)


def _ingest(folder: Path, db: str, workers: int) -> tuple[int, str, int]:
    """Exit code, standard output, and the peak RSS in bytes of any process so far."""
    env = {**os.environ, "COLUMNS": "400", "NO_COLOR": "1"}
    done = subprocess.run(
        [str(ACCORD), "ingest", str(folder), "--db", db, "-w", str(workers)],
        capture_output=True,
        text=True,
        timeout=900,
        env=env,
        check=False,
    )
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # Linux: KiB
    return done.returncode, done.stdout, peak_kib * 1024


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_each_hostile_input_gives_a_record_or_one_error_line(
    hostile: tuple[Path, dict[str, str]], tmp_path: Path, workers: int
) -> None:
    folder, expect = hostile
    db = f"sqlite:///{tmp_path / 'hostile.db'}"
    code, out, peak = _ingest(folder, db, workers)
    assert code == 1, out  # some documents failed, and the run said so
    assert peak < LIMIT_BYTES, f"peak RSS {peak / 2**20:.0f} MiB"

    failed_lines = [line for line in out.splitlines() if line.startswith(str(folder))]
    failed: dict[str, list[str]] = {}
    for line in failed_lines:
        where, _, reason = line.partition(": ")
        name = Path(where.split(":")[0].split("#")[0].split(" (")[0]).name
        assert re.search(r"[a-z]{3,}", reason), line  # a reason a user can read
        failed.setdefault(name, []).append(reason)

    with open_store(db) as store:
        records = list(store.iter_records())
        stored = {Path(r.source.path or "").name for r in records}
        ids = [r.id for r in records]
    assert len(ids) == len(set(ids))  # nothing doubled
    for name, outcome in expect.items():
        if outcome == "record":
            assert name in stored and name not in failed, (name, failed.get(name))
        elif outcome == "error":
            assert name in failed and name not in stored, name
            if not name.endswith((".jsonl", ".warc", ".warc.gz")):
                assert len(failed[name]) == 1, failed[name]  # one line for one document
        else:
            assert name in stored or name in failed, name
    # the JSON Lines file: good lines stored whatever their neighbours hold
    feed = [r for r in records if "feed.jsonl:" in (r.source.path or "")]
    assert {r.id for r in feed} >= {"dup", "12345", "x" * 300}
    assert len(failed["feed.jsonl"]) == 4  # broken line, list id, object id, a list
    assert re.search(r"added\s*│\s*\d+", out)
    if workers == 1:
        _show_json_is_valid(db)


def _show_json_is_valid(db: str) -> None:
    """'9' * 400 + ' dollars' was stored as inf, and `accord show --json` printed it."""
    shown = subprocess.run(
        [str(ACCORD), "show", "huge-money", "--db", db, "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    assert "Infinity" not in shown.stdout and "NaN" not in shown.stdout
    record = json.loads(shown.stdout)
    assert record["amounts"] == []
    assert any("implausible" in w for w in record["warnings"])
