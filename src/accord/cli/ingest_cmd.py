"""`accord ingest PATH... [--db URL]`: read, process and store; failures are reported."""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from accord import __version__
from accord.errors import ModelNotFoundError, StoreError
from accord.pipeline import process_parallel
from accord.read.sources import iter_raw
from accord.schema import DocumentError, RawDocument, Record
from accord.settings import load_settings
from accord.store import Store, open_store

OUTCOMES = ("added", "unchanged", "replaced", "failed")


def _remember(
    items: Iterable[RawDocument | DocumentError], seen: deque[RawDocument | DocumentError]
) -> Iterator[RawDocument | DocumentError]:
    """Pass items on, keeping each until its result comes back (the pipeline keeps
    input order, one result per item), so the raw text can be stored beside the record."""
    for item in items:
        seen.append(item)
        yield item


def _store_one(
    store: Store,
    item: Record | DocumentError,
    given: RawDocument | DocumentError | None,
    version: str,
) -> tuple[str, DocumentError | None]:
    if isinstance(item, DocumentError):
        return "failed", item
    raw = given.text if isinstance(given, RawDocument) and given.source == item.source else None
    try:
        return store.ingest(item, raw=raw, extractor_version=version), None
    except StoreError as exc:
        where = item.source.path or item.source.url or item.id
        return "failed", DocumentError(path=where, reason=str(exc), stage="store")


def ingest(
    paths: Annotated[list[Path], typer.Argument(help="files or folders of articles")],
    db: Annotated[
        str | None, typer.Option("--db", help="store URL (default: settings db, ACCORD_DB)")
    ] = None,
    model: Annotated[str | None, typer.Option(help="spaCy model name")] = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", "-w", help="processes (default: settings workers)"),
    ] = None,
) -> None:
    """Process articles into the store; exit code 1 if any document failed."""
    settings = load_settings(db=db, model=model, workers=workers)
    out = Console()
    err = Console(stderr=True)
    try:
        store = open_store(settings.db)
    except StoreError as exc:
        err.print(Text(f"error: {exc}"))
        raise typer.Exit(code=2) from exc
    version = f"accord {__version__}; model {settings.model}"
    counts: Counter[str] = Counter({k: 0 for k in OUTCOMES})
    failures: list[DocumentError] = []
    seen: deque[RawDocument | DocumentError] = deque()
    columns = (
        SpinnerColumn(),
        TextColumn("{task.completed} documents"),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
    )
    with store, Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("", total=None)
        stream = process_parallel(
            _remember(iter_raw(paths), seen),
            settings.workers,
            settings.model,
            settings.batch_size,
        )
        try:
            for item in stream:
                given = seen.popleft() if seen else None
                outcome, failure = _store_one(store, item, given, version)
                counts[outcome] += 1
                if failure is not None:
                    failures.append(failure)
                    try:
                        store.add_error(failure)
                    except StoreError as exc:
                        err.print(Text(f"error: {exc}"))
                label = item.path if isinstance(item, DocumentError) else item.id
                progress.update(task, advance=1, description=f"{outcome}: {label}")
        except ModelNotFoundError as exc:
            err.print(Text(f"error: {exc}"))
            raise typer.Exit(code=2) from exc

    table = Table(title=f"Ingested into {store.url}")
    table.add_column("outcome")
    table.add_column("documents", justify="right")
    for name in OUTCOMES:
        table.add_row(name, str(counts[name]))
    out.print(table)
    for failure in failures:
        out.print(Text(f"{failure.path}: {failure.reason}", style="red"), soft_wrap=True)
    if failures:
        raise typer.Exit(code=1)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
