"""`accord load DIR [--db URL]`: store a Parquet dataset (from `accord spark` or export)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from accord.errors import StoreError
from accord.settings import load_settings
from accord.store import open_store
from accord.store.dataset import load_dataset, read_manifest

OUTCOMES = ("added", "unchanged", "replaced", "failed")


def load(
    folder: Annotated[Path, typer.Argument(help="a dataset folder `accord spark` published")],
    db: Annotated[
        str | None, typer.Option("--db", help="store URL (default: settings db, ACCORD_DB)")
    ] = None,
) -> None:
    """Store a dataset's records; loading it again changes nothing. Exit 1 if any failed."""
    settings = load_settings(db=db)
    err = Console(stderr=True)
    try:
        read_manifest(folder)  # refuse an unpublished folder before touching the store
        store = open_store(settings.db)
    except StoreError as exc:
        err.print(Text(f"error: {exc}"))
        raise typer.Exit(code=2) from exc
    with store:
        try:
            counts, failures = load_dataset(store, folder)
        except StoreError as exc:
            err.print(Text(f"error: {exc}"))
            raise typer.Exit(code=2) from exc
    out = Console()
    table = Table(title=f"Loaded {folder} into {store.url}")
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
    app.command("load")(load)
