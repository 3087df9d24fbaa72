"""`accord export --format parquet|csv|jsonl --out PATH`: every stored record, as files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.console import Console
from rich.text import Text

from accord import __version__
from accord.errors import StoreError
from accord.settings import load_settings
from accord.store import open_store
from accord.store.dataset import export_store

Format = Literal["parquet", "csv", "jsonl"]


def export(
    out: Annotated[Path, typer.Option("--out", help="folder (parquet, csv) or file (jsonl)")],
    fmt: Annotated[
        Format,
        typer.Option(
            "--format",
            help="parquet: a dataset `accord load` takes; csv: a file per table; "
            "jsonl: one record per line",
        ),
    ] = "parquet",
    db: Annotated[
        str | None, typer.Option("--db", help="store URL (default: settings db, ACCORD_DB)")
    ] = None,
    overwrite: Annotated[bool, typer.Option(help="replace what is at --out")] = False,
) -> None:
    """Write every stored record to files (published whole, or not at all)."""
    err = Console(stderr=True)
    try:
        store = open_store(load_settings(db=db).db, create=False)
    except StoreError as exc:
        err.print(Text(f"error: {exc}"))
        raise typer.Exit(code=2) from exc
    with store:
        try:
            n = export_store(store, fmt, out, overwrite=overwrite, accord=__version__)
        except (StoreError, OSError) as exc:
            err.print(Text(f"error: {exc}"))
            raise typer.Exit(code=2) from exc
    Console().print(f"exported {n} documents from {store.url} to {out} ({fmt})")


def register(app: typer.Typer) -> None:
    app.command("export")(export)
