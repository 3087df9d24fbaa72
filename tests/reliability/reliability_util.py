"""Helpers of the reliability tests: invented corpora, `accord` processes, store checks.

The corpora are generated: short invented articles, distinct texts.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, func, select, text

from accord.store.models import Base

COUNTRIES = (
    "Kenya",
    "India",
    "Ghana",
    "Germany",
    "Brazil",
    "Angola",
    "Japan",
    "Vietnam",
    "Chile",
    "Peru",
    "Morocco",
    "Egypt",
    "Nigeria",
    "France",
    "Mexico",
    "Canada",
)
CITIES = ("Nairobi", "Accra", "Luanda", "Hanoi", "Lima", "Rabat", "Cairo", "Abuja")
SECTORS = ("trade", "rail", "energy", "health", "water", "fisheries", "education")


def article(n: int) -> dict[str, str]:
    """An invented one-paragraph article, distinct for every n."""
    a = COUNTRIES[n % len(COUNTRIES)]
    b = COUNTRIES[(n // len(COUNTRIES) + 1 + n) % len(COUNTRIES)]
    if a == b:
        b = COUNTRIES[(COUNTRIES.index(a) + 1) % len(COUNTRIES)]
    city, sector = CITIES[n % len(CITIES)], SECTORS[n % len(SECTORS)]
    body = (
        f"{a} and {b} signed a {sector} agreement worth {n + 10} million dollars in {city} "
        f"on Monday, officials said."
    )
    return {"id": f"doc-{n:04d}", "text": body, "published": "2024-03-12"}


def write_jsonl(path: Path, numbers: range | list[int]) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for n in numbers:
            fh.write(json.dumps(article(n)) + "\n")
    return path


def accord(*args: str, **kwargs: object) -> subprocess.Popen[bytes]:
    """`accord ARGS` as a separate process (its own process group); its output is piped
    unless ``stdout``/``stderr`` say otherwise (a long-running server must not write
    into a pipe nobody reads: the pipe fills and the server blocks)."""
    kwargs.setdefault("stdout", subprocess.PIPE)
    kwargs.setdefault("stderr", subprocess.PIPE)
    return subprocess.Popen(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "accord", *args], start_new_session=True, **kwargs
    )


def count_documents(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM documents")).scalar_one())
    except Exception:  # not created yet
        return 0
    finally:
        engine.dispose()


def wait_for_documents(url: str, at_least: int, proc: subprocess.Popen[bytes]) -> int:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        n = count_documents(url)
        if n >= at_least:
            return n
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.2)
    raise AssertionError(f"fewer than {at_least} documents stored after 180 s")


def integrity(url: str) -> dict[str, int]:
    """Documents, distinct ids, and rows whose foreign key points at nothing (any table)."""
    engine = create_engine(url)
    orphans = 0
    try:
        with engine.connect() as conn:
            docs = Base.metadata.tables["documents"]
            total = conn.execute(select(func.count()).select_from(docs)).scalar_one()
            ids = conn.execute(select(func.count(func.distinct(docs.c.doc_id)))).scalar_one()
            hashes = conn.execute(select(func.count(func.distinct(docs.c.content_hash))))
            for table in Base.metadata.tables.values():
                for fk in table.foreign_keys:
                    parent = fk.column
                    missing = (
                        select(func.count())
                        .select_from(table)
                        .where(
                            fk.parent.is_not(None),
                            ~fk.parent.in_(select(parent)),
                        )
                    )
                    orphans += conn.execute(missing).scalar_one()
            return {
                "documents": total,
                "ids": ids,
                "hashes": hashes.scalar_one(),
                "orphans": orphans,
            }
    finally:
        engine.dispose()


def descendants(pid: int) -> set[int]:
    """Every process below ``pid`` (children, their children ...), from /proc."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {p for p, pp in parents.items() if pp in frontier} - found
        found |= frontier
    return found


def alive(pids: set[int]) -> set[int]:
    """The pids still running (a zombie is not running)."""
    left = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            left.add(pid)
    return left
