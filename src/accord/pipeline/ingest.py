"""Read, process and store: the one loop behind ``accord ingest`` and scripts.

The extractor version stored is ``accord.settings.extractor_version``, which the API
stores too, so the same text stored by the CLI and then posted is 'unchanged'.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from accord.errors import StoreError
from accord.pipeline.pool import Runner, iter_processed
from accord.pipeline.processed import Item, Processed, Result
from accord.read.sources import iter_raw
from accord.schema import DocumentError
from accord.settings import Settings, extractor_version
from accord.store import Store

OUTCOMES = ("added", "unchanged", "replaced", "failed")

Source = str | Path | Item
"""A path (file, folder or ``-``), or a document already read (or its error entry)."""


def store_result(
    store: Store, result: Result, settings: Settings
) -> tuple[str, DocumentError | None]:
    """Store one result: its outcome ('added', 'unchanged', 'replaced' or 'failed') and
    the error entry when it failed (kept in the store's errors table too)."""
    error: DocumentError | None
    if isinstance(result, Processed):
        try:
            outcome = store.ingest(
                result.record,
                raw=result.document.raw,
                extractor_version=extractor_version(settings),
            )
            return outcome, None
        except StoreError as exc:
            record = result.record
            path = record.source.path or record.source.url or record.id
            error = DocumentError(path=path, reason=str(exc), stage="store")
    else:
        error = result
    with contextlib.suppress(StoreError):  # a failing store: the error is still reported
        store.add_error(error)
    return "failed", error


@dataclass
class IngestReport:
    """How many documents had each outcome, and the error entry of each failure."""

    counts: Counter[str] = field(default_factory=lambda: Counter({k: 0 for k in OUTCOMES}))
    failures: list[DocumentError] = field(default_factory=list)


def _read(sources: Iterable[Source]) -> Iterator[Item]:
    for source in sources:
        if isinstance(source, str | Path):
            yield from iter_raw([source])
        else:
            yield source


def ingest(
    sources: Iterable[Source],
    store: Store,
    settings: Settings,
    *,
    on_result: Callable[[Result, str], None] | None = None,
    runner: Runner | None = None,
) -> IngestReport:
    """Read every source, process it on ``settings.workers`` processes and store it.

    Each document is stored as its result arrives (one transaction each), so an
    interrupted run keeps what it stored and a re-run finds it 'unchanged'.
    ``on_result(result, outcome)`` is told of each document (a progress bar).
    """
    report = IngestReport()
    extra = {} if runner is None else {"runner": runner}
    for result in iter_processed(_read(sources), settings, **extra):
        outcome, failure = store_result(store, result, settings)
        report.counts[outcome] += 1
        if failure is not None:
            report.failures.append(failure)
        if on_result is not None:
            on_result(result, outcome)
    return report
