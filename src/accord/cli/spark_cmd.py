"""`accord spark INPUT... --out DIR`: process on Spark into a Parquet dataset.

Also runnable as a script for spark-submit (README: "On a Spark cluster"), which wants a
``.py`` file as the application: ``spark-submit ... path/to/spark_cmd.py INPUT --out DIR``.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from accord.settings import load_settings


def _conf(pairs: list[str]) -> dict[str, str]:
    conf: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise typer.BadParameter(f"--conf wants KEY=VALUE, not {pair!r}")
        conf[key.strip()] = value
    return conf


def _reason(exc: BaseException) -> str:
    """The line of a Spark failure a user needs: accord's own error where there is one."""
    text = str(exc)
    for line in text.splitlines():
        if "ModelNotFoundError" in line:
            return line.split("ModelNotFoundError:", 1)[-1].strip()
    if "JAVA_GATEWAY_EXITED" in text or "Java gateway process exited" in text:
        return "Spark could not start Java: install a Java 17+ runtime (README: Set-up)"
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[0][:500] if lines else type(exc).__name__


def spark(
    inputs: Annotated[
        list[str], typer.Argument(help="files or folders: local paths or any Hadoop URI")
    ],
    out: Annotated[str, typer.Option("--out", help="dataset folder to publish (path or URI)")],
    master: Annotated[
        str | None,
        typer.Option(help="Spark master (default local[*]; spark-submit's when submitted)"),
    ] = None,
    partitions: Annotated[
        int | None, typer.Option(min=1, help="partitions for processing (default 2 per core)")
    ] = None,
    model: Annotated[str | None, typer.Option(help="spaCy model name")] = None,
    batch_size: Annotated[int | None, typer.Option(min=1, help="documents per nlp.pipe")] = None,
    overwrite: Annotated[bool, typer.Option(help="replace an existing dataset at --out")] = False,
    conf: Annotated[
        list[str] | None, typer.Option("--conf", help="extra Spark setting KEY=VALUE")
    ] = None,
) -> None:
    """Process articles on Spark into a Parquet dataset (`accord load` stores it)."""
    settings = load_settings(model=model, batch_size=batch_size)
    err = Console(stderr=True)
    try:
        from accord.pipeline.spark import SparkRunError, build_session, run
    except ImportError as exc:
        err.print(Text(f"error: Spark is not installed ({exc}); pip install 'accord[spark]'"))
        raise typer.Exit(code=2) from exc
    extra = _conf(conf or [])
    try:
        session = build_session(master, extra)
    except Exception as exc:
        err.print(Text(f"error: {_reason(exc)}"))
        raise typer.Exit(code=2) from exc
    try:
        summary = run(
            session,
            inputs,
            out,
            model=settings.model,
            batch_size=settings.batch_size,
            partitions=partitions,
            overwrite=overwrite,
        )
    except SparkRunError as exc:
        err.print(Text(f"error: {exc}"))
        raise typer.Exit(code=2) from exc
    except Exception as exc:
        err.print(Text(f"error: the Spark run failed, nothing was published: {_reason(exc)}"))
        raise typer.Exit(code=2) from exc
    finally:
        session.stop()
    table = Table(title=f"Published {summary.out}")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, count in summary.rows.items():
        table.add_row(name, str(count))
    table.add_row("errors", str(summary.errors))
    Console().print(table)
    Console().print(
        f"{summary.files} files, {summary.documents} documents, {summary.errors} failed "
        f"(`accord load {out}` lists them)"
    )
    if summary.errors:
        raise typer.Exit(code=1)


def register(app: typer.Typer) -> None:
    app.command("spark")(spark)


if __name__ == "__main__":  # spark-submit .../accord/cli/spark_cmd.py INPUT --out DIR
    command = typer.Typer(add_completion=False)
    register(command)
    command(sys.argv[1:])
