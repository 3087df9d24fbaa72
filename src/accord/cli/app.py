"""The `accord` command: thin commands over the library, one module per command group."""

from __future__ import annotations

import typer

from accord.cli import (
    copies_cmd,
    eval_cmd,
    export_cmd,
    extract_cmd,
    ingest_cmd,
    load_cmd,
    report_cmd,
    serve_cmd,
    spark_cmd,
    store_cmds,
)

app = typer.Typer(
    name="accord",
    help="Turn news into evidence-linked data about international cooperation.",
    no_args_is_help=True,
    add_completion=False,
)


@app.callback()
def _root() -> None:
    """Turn news into evidence-linked data about international cooperation."""


extract_cmd.register(app)
ingest_cmd.register(app)
store_cmds.register(app)
eval_cmd.register(app)
copies_cmd.register(app)
serve_cmd.register(app)
report_cmd.register(app)
spark_cmd.register(app)
load_cmd.register(app)
export_cmd.register(app)


def main() -> None:
    """Console-script entry point."""
    app()
