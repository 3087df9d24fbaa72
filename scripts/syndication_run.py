"""Robustness run for syndication: how many stories the bulk corpus holds, and the cost.

Reads ../shared/corpus/bulk/news.jsonl (or --corpus), runs the first --limit texts
through the pipeline, then ingests the records twice into fresh SQLite stores: once as
the store does (finding copies), once with story placement switched off. Prints the
stories with more than one document, a few of them to eyeball, and the ingest time per
document with and without syndication.

    .venv/bin/python scripts/syndication_run.py [--limit 500] [--show 8] [--raw]

``--raw`` skips the pipeline and stores each text as a record without facts (faster,
and the overhead is then measured against a store that writes no facts).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

from rich.console import Console
from rich.table import Table

from accord.pipeline import process_stream
from accord.schema import RawDocument, Record, Source
from accord.store import open_store, stories

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "bulk" / "news.jsonl"


def _rows(corpus: Path, limit: int) -> list[dict[str, str]]:
    with corpus.open(encoding="utf-8") as fh:
        return [json.loads(line) for _, line in zip(range(limit), fh, strict=False)]


def _records(rows: list[dict[str, str]], raw: bool) -> list[Record]:
    if raw:
        return [
            Record(
                id=row["id"],
                content_hash="sha256:" + hashlib.sha256(row["text"].encode()).hexdigest(),
                source=Source(path=row["id"], format="jsonl"),
                title=row.get("title"),
                published=row.get("published"),
                language="en",
                outlet=row.get("source"),
                attributed_sources=(),
                body=row["text"],
            )
            for row in rows
        ]
    docs = [
        RawDocument(text=row["text"], source=Source(path=row["id"], format="jsonl")) for row in rows
    ]
    return [r for r in process_stream(iter(docs)) if isinstance(r, Record)]


@contextmanager
def _no_stories(enabled: bool) -> Iterator[None]:
    if not enabled:
        yield
        return
    with mock.patch.object(stories, "place", lambda *_args, **_kw: None):
        yield


def _ingest(records: list[Record], url: str, *, without: bool) -> float:
    with open_store(url) as store, _no_stories(without):
        start = time.perf_counter()
        for record in records:
            store.ingest(record)
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=500)
    parser.add_argument("--show", type=int, default=8, help="stories to print")
    parser.add_argument("--raw", action="store_true", help="skip the pipeline")
    args = parser.parse_args()
    console = Console()

    start = time.perf_counter()
    records = _records(_rows(args.corpus, args.limit), args.raw)
    console.print(f"{len(records)} records in {time.perf_counter() - start:.1f} s")

    with tempfile.TemporaryDirectory() as tmp:
        plain = _ingest(records, f"sqlite:///{tmp}/plain.db", without=True)
        url = f"sqlite:///{tmp}/stories.db"
        timed = _ingest(records, url, without=False)
        with open_store(url) as store:
            total = store.count_stories()
            found = store.stories(limit=max(total, 1))
            table = Table(title=f"Stories with copies: {total}", title_justify="left")
            for header in ("copies", "first", "others (similarity to the first)"):
                table.add_column(header, overflow="fold")
            for story in found[: args.show]:
                others = ", ".join(
                    f"{c.doc_id} ({c.similarity:.2f})" for c in store.copies(story.first_doc_id)
                )
                title = f"{story.first_doc_id}: {story.first_title}"
                table.add_row(str(story.count), title, others)
            console.print(table)
            sizes: dict[int, int] = {}
            for story in found:
                sizes[story.count] = sizes.get(story.count, 0) + 1
            in_stories = sum(story.count for story in found)
    n = max(len(records), 1)
    console.print(
        f"documents {len(records)}; stories with >1 document {total} "
        f"(sizes {dict(sorted(sizes.items()))}); documents in them {in_stories}"
    )
    console.print(
        f"ingest ms/doc: {1000 * timed / n:.2f} with syndication, "
        f"{1000 * plain / n:.2f} without; overhead {1000 * (timed - plain) / n:.2f} ms/doc"
    )


if __name__ == "__main__":
    main()
