"""`accord extract PATH... [-o out.jsonl]`: records as JSON Lines, errors to stderr."""

from __future__ import annotations

import json
import sys
from contextlib import closing
from pathlib import Path
from typing import Annotated

import typer

from accord.pipeline import process_parallel
from accord.read.sources import iter_raw
from accord.schema import DocumentError, to_dict
from accord.settings import load_settings


def extract(
    paths: Annotated[list[Path], typer.Argument(help="files or folders of articles")],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="write JSON Lines here, not stdout")
    ] = None,
    errors: Annotated[
        Path | None, typer.Option("--errors", help="also write error entries (JSONL) here")
    ] = None,
    model: Annotated[str | None, typer.Option(help="spaCy model name")] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            "-w",
            min=1,
            help="worker processes (each loads the model once); default: setting 'workers'",
        ),
    ] = None,
) -> None:
    """Extract one record per document; exit code 1 if any document failed."""
    settings = load_settings(model=model, workers=workers)
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    err_out = errors.open("w", encoding="utf-8") if errors else None
    failed = 0
    try:
        # closing(): on Ctrl-C or an error here, the worker processes stop at once.
        records = process_parallel(
            iter_raw(paths), settings.workers, settings.model, settings.batch_size
        )
        with closing(records):
            for item in records:
                if isinstance(item, DocumentError):
                    failed += 1
                    line = json.dumps(item.to_dict(), ensure_ascii=False)
                    typer.echo(f"error: {item.path}: {item.reason}", err=True)
                    if err_out:
                        err_out.write(line + "\n")
                    continue
                out.write(json.dumps(to_dict(item), ensure_ascii=False) + "\n")
    finally:
        if output:
            out.close()
        if err_out:
            err_out.close()
    if failed:
        raise typer.Exit(code=1)


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
