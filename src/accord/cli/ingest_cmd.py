"""`accord ingest PATH... [--db URL]`: read, process and store; failures are reported."""

from __future__ import annotations

import signal
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from accord.errors import ModelNotFoundError, StoreError
from accord.pipeline import OUTCOMES, Result
from accord.pipeline import ingest as run_ingest
from accord.read.folder import iter_folder
from accord.settings import load_settings
from accord.store import open_store


class _Rate(ProgressColumn):
    """Documents per second so far."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:.1f} docs/s")


def count_documents(paths: Sequence[Path]) -> int | None:
    """How many documents the paths hold, when that is cheap to know (files and JSON
    Lines lines); None when a WARC, feed or standard input makes it unknown (no ETA)."""
    total = 0
    for given in paths:
        if str(given) == "-":
            return None
        files = list(iter_folder(given)) if given.is_dir() else [given]
        for file in files:
            name = file.name.lower()
            if name.endswith((".jsonl", ".ndjson")):
                try:
                    with file.open("rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                except OSError:
                    total += 1
            elif ".warc" in name or name.endswith((".rss", ".atom", ".xml")):
                return None
            else:
                total += 1
    return total


@contextmanager
def _terminate_cleanly() -> Iterator[None]:
    """SIGTERM ends the run as Ctrl-C does: the pool's clean-up stops the workers."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def ingest(
    paths: Annotated[list[Path], typer.Argument(help="files or folders of articles")],
    db: Annotated[
        str | None, typer.Option("--db", help="store URL (default: settings db, ACCORD_DB)")
    ] = None,
    model: Annotated[str | None, typer.Option(help="spaCy model name")] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers", "-w", help="processes (default: the cores available, ACCORD_WORKERS)"
        ),
    ] = None,
    time_limit: Annotated[
        float | None,
        typer.Option(
            "--time-limit",
            help="seconds one document may take; it fails alone (default 30, ACCORD_TIME_LIMIT)",
        ),
    ] = None,
    max_chars: Annotated[
        int | None,
        typer.Option(
            "--max-chars",
            help="longest text accepted, before cleaning (default 1,000,000, ACCORD_MAX_CHARS)",
        ),
    ] = None,
) -> None:
    """Process articles into the store; exit code 1 if any document failed."""
    settings = load_settings(
        db=db, model=model, workers=workers, time_limit=time_limit, max_chars=max_chars
    )
    out = Console()
    err = Console(stderr=True)
    try:
        store = open_store(settings.db)
    except StoreError as exc:
        err.print(Text(f"error: {exc}"))
        raise typer.Exit(code=2) from exc
    total = count_documents(paths) if err.is_terminal else None
    columns = (
        SpinnerColumn(),
        MofNCompleteColumn() if total is not None else TextColumn("{task.completed}"),
        TextColumn("docs"),
        BarColumn(),
        _Rate(),
        TextColumn("{task.fields[errors]} errors"),
        TimeRemainingColumn() if total is not None else TimeElapsedColumn(),
    )
    progress = Progress(*columns, console=err, transient=True, disable=not err.is_terminal)
    with store, progress, _terminate_cleanly():
        task = progress.add_task("ingest", total=total, errors=0)
        errors = 0

        def tick(result: Result, outcome: str) -> None:
            nonlocal errors
            errors += outcome == "failed"
            progress.update(task, advance=1, errors=errors)

        try:
            report = run_ingest(paths, store, settings, on_result=tick)
        except ModelNotFoundError as exc:
            err.print(Text(f"error: {exc}"))
            raise typer.Exit(code=2) from exc

    table = Table(title=f"Ingested into {store.url}")
    table.add_column("outcome")
    table.add_column("documents", justify="right")
    for name in OUTCOMES:
        table.add_row(name, str(report.counts[name]))
    out.print(table)
    for failure in report.failures:
        out.print(Text(f"{failure.path}: {failure.reason}", style="red"), soft_wrap=True)
    if report.failures:
        raise typer.Exit(code=1)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
