"""`accord serve [--db URL] [--host] [--port]`: the dashboard and REST API (uvicorn)."""

from __future__ import annotations

from contextlib import nullcontext
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from accord.errors import StoreError
from accord.settings import load_settings
from accord.store import connect


def serve(
    db: Annotated[
        str | None,
        typer.Option(
            "--db", help="store URL, or parquet:DIR for a dataset (default: settings db, ACCORD_DB)"
        ),
    ] = None,
    host: Annotated[str | None, typer.Option(help="address to bind (default 127.0.0.1)")] = None,
    port: Annotated[int | None, typer.Option(help="port to bind (default 8000)")] = None,
) -> None:
    """Serve the dashboard at http://HOST:PORT/ and the API under /api (read-only
    unless ACCORD_API_TOKEN is set)."""
    import uvicorn

    from accord.pipeline import Processor
    from accord.serve.app import create_app

    settings = load_settings(db=db, host=host, port=port)
    err = Console(stderr=True)
    try:
        store = connect(settings.db)
    except StoreError as exc:
        err.print(Text(f"error: {exc}"))
        raise typer.Exit(code=2) from exc
    if store.read_only:
        mode = "read-only: a Parquet dataset"
    else:
        mode = "read-write (bearer token set)" if settings.api_token else "read-only"
    err.print(
        Text(f"accord: serving {store.url} at http://{settings.host}:{settings.port}/ ({mode})")
    )

    # Each posted document runs in a worker process, within the time limit; a read-only
    # store takes no documents, so it starts no pipeline.
    pipeline = nullcontext(None) if store.read_only else Processor(settings)
    with store, pipeline as process:
        app = create_app(store, settings, process=process)
        uvicorn.run(app, host=settings.host, port=settings.port, log_level="info")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
