"""`accord report --db URL -o report.html`: the dashboard's charts in one offline file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from accord.errors import StoreError
from accord.settings import load_settings
from accord.store import connect


def report(
    output: Annotated[Path, typer.Option("-o", "--output", help="the HTML file to write")],
    db: Annotated[
        str | None, typer.Option("--db", help="store URL (default: settings db, ACCORD_DB)")
    ] = None,
) -> None:
    """Write one self-contained HTML report (charts, tables) of the store."""
    from accord.serve.report import render_report

    settings = load_settings(db=db)
    err = Console(stderr=True)
    try:
        store = connect(settings.db, create=False)
    except StoreError as exc:
        err.print(Text(f"error: {exc}"))
        raise typer.Exit(code=2) from exc
    with store:
        html = render_report(store)
    output.write_text(html, encoding="utf-8")
    err.print(Text(f"wrote {output} ({len(html) / 1e6:.1f} MB)"))


def register(app: typer.Typer) -> None:
    app.command("report")(report)
