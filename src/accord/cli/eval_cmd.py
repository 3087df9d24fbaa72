"""`accord eval CORPUS GOLD` (scores, the gate) and `accord floors` (show, set floors)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from accord.errors import AccordError
from accord.evaluate import (
    DEFAULT_CHANGELOG,
    DEFAULT_FLOORS,
    Check,
    FloorError,
    Report,
    check,
    evaluate,
    load_floors,
    metric_names,
    raise_floors,
    set_floors,
)
from accord.evaluate.real import is_blind
from accord.settings import load_settings

FloorsOption = Annotated[
    Path, typer.Option("--floors", help="floors file (JSON)", show_default=True)
]
PER_DOC_COLUMNS = (
    ("boilerplate_removed", "boiler"),
    ("body_kept", "body"),
    ("outlet_accuracy", "outlet"),
    ("actors_f1", "actors"),
    ("attributed_sources_f1", "sources"),
    ("persons_f1", "persons"),
    ("organizations_f1", "orgs"),
    ("quotes_f1", "quotes"),
    ("amounts_f1", "amounts"),
    ("relations_f1", "relations"),
    ("events_f1", "events"),
)

floors_app = typer.Typer(help="Show or change the floors of the evaluation gate.")


def _fmt(value: float | None, digits: int = 3) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def _metrics_table(metrics: dict[str, float | None], checks: dict[str, Check]) -> Table:
    table = Table(title="accord eval (micro-averaged over documents)")
    for name in ("metric", "value", "floor", "ok"):
        table.add_column(name, justify="left" if name == "metric" else "right")
    for name in metric_names():
        c = checks.get(name)
        ok = "" if c is None else ("[green]ok[/]" if c.ok else "[red]FAIL[/]")
        floor = "" if c is None else f"{c.floor:.3f}"
        table.add_row(name, _fmt(metrics[name]), floor, ok)
    return table


def _per_doc_table(report: Report) -> Table:
    table = Table(title="per document")
    table.add_column("document")
    for _, short in PER_DOC_COLUMNS:
        table.add_column(short, justify="right")
    for doc in report.summary.documents:
        values = doc.metrics()
        name = doc.id + (" [red](failed)[/]" if doc.error else "")
        table.add_row(name, *(_fmt(values[m], 2) for m, _ in PER_DOC_COLUMNS))
    return table


def _json(report: Report, checks: list[Check] | None, floors_file: Path) -> dict[str, Any]:
    summary = report.summary
    gate = None
    if checks is not None:
        gate = {
            "floors": str(floors_file),
            "ok": all(c.ok for c in checks) and not report.problems,
            "checks": [
                {"metric": c.metric, "value": c.value, "floor": c.floor, "ok": c.ok} for c in checks
            ],
        }
    return {
        "documents_scored": len(summary.documents),
        "texts_without_gold": report.texts_without_gold,
        "metrics": summary.metrics(),
        "counts": {n: {"tp": c.tp, "fp": c.fp, "fn": c.fn} for n, c in summary.counts.items()},
        "shares": {n: {"correct": s.correct, "total": s.total} for n, s in summary.shares.items()},
        "problems": list(report.problems),
        "gate": gate,
        "per_document": [d.to_dict() for d in summary.documents],
    }


def eval_command(
    corpus: Annotated[
        Path,
        typer.Argument(help="folder of NAME.txt articles (searched deeply), or a .jsonl file"),
    ],
    gold: Annotated[Path, typer.Argument(help="folder of NAME.json gold files (searched deeply)")],
    as_json: Annotated[bool, typer.Option("--json", help="print one JSON object")] = False,
    gate: Annotated[
        bool, typer.Option("--gate", help="exit 1 when a metric is below its floor")
    ] = False,
    floors: FloorsOption = DEFAULT_FLOORS,
    per_doc: Annotated[bool, typer.Option("--per-doc", help="also a per-document table")] = False,
    raise_to_scores: Annotated[
        bool,
        typer.Option("--raise-floors", help="lift floors below the current scores to them"),
    ] = False,
    model: Annotated[str | None, typer.Option(help="spaCy model name")] = None,
) -> None:
    """Score records of the texts that have gold files against them.

    Under --gate: exit 1 if a floor breaks (n/a breaks it) or a gold file is unscored.
    """
    jsonl = corpus.is_file() and corpus.suffix == ".jsonl"
    for folder in (gold,) if jsonl else (corpus, gold):
        if not folder.is_dir():
            typer.echo(f"error: {folder} is not a folder", err=True)
            raise typer.Exit(code=2)
    blind = is_blind(gold)
    if blind and per_doc:
        typer.echo(f"error: {gold} is a blind set: only aggregate scores are shown", err=True)
        raise typer.Exit(code=2)
    settings = load_settings(model=model)
    report = evaluate(corpus, gold, settings.model, settings.batch_size)
    metrics = report.summary.metrics()
    try:
        changes = raise_floors(floors, metrics) if raise_to_scores else []
        pinned = load_floors(floors) if gate or floors.exists() else {}
    except FloorError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(code=2) from exc
    checks = check(metrics, pinned)
    broken = [c for c in checks if not c.ok]
    if as_json:
        out = _json(report, checks if gate else None, floors)
        if blind:
            out.pop("per_document")
        typer.echo(json.dumps(out, indent=2))
    else:
        console = Console()
        if not console.is_terminal:  # piped or CI logs: do not squeeze tables to 80 columns
            console = Console(width=140)
        console.print(_metrics_table(metrics, {c.metric: c for c in checks}))
        if per_doc:
            console.print(_per_doc_table(report))
        console.print(
            f"{len(report.summary.documents)} document(s) scored; "
            f"{report.texts_without_gold} text(s) without gold not scored"
        )
    failed = [doc for doc in report.summary.documents if doc.error]
    if blind and failed:
        typer.echo(f"error: {len(failed)} document(s) failed (scored as empty records)", err=True)
    for doc in [] if blind else failed:
        typer.echo(f"error: {doc.text_path}: {doc.error} (scored as an empty record)", err=True)
    for problem in report.problems:
        typer.echo(f"error: {problem} (not scored)", err=True)
    for change in changes:
        typer.echo(f"raised floor {change.metric}: {change.old} -> {change.new}", err=True)
    if gate:
        if broken or report.problems:
            names = ", ".join(f"{c.metric} {_fmt(c.value)} < {c.floor}" for c in broken)
            typer.echo(f"gate FAILED: {names or 'gold files not scored'}", err=True)
            raise typer.Exit(code=1)
        typer.echo(f"gate passed ({len(checks)} floors)", err=True)


@floors_app.command("show")
def floors_show(floors: FloorsOption = DEFAULT_FLOORS) -> None:
    """Print the floors."""
    try:
        pinned = load_floors(floors)
    except FloorError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(code=2) from exc
    for name, value in pinned.items():
        typer.echo(f"{name}\t{value}")


def _parse_assignments(items: list[str]) -> dict[str, float]:
    wanted: dict[str, float] = {}
    for item in items:
        name, sep, value = item.partition("=")
        try:
            if not sep:
                raise ValueError
            wanted[name.strip()] = float(value)
        except ValueError as exc:
            raise typer.BadParameter(f"expected METRIC=VALUE, got {item!r}") from exc
    return wanted


@floors_app.command("set")
def floors_set(
    assignments: Annotated[list[str], typer.Argument(help="METRIC=VALUE, e.g. persons_f1=0.6")],
    allow_lower: Annotated[
        str | None,
        typer.Option("--allow-lower", help="REASON: permits lowering; logged in the changelog"),
    ] = None,
    floors: FloorsOption = DEFAULT_FLOORS,
    changelog: Annotated[
        Path, typer.Option("--changelog", help="where lowered floors are logged")
    ] = DEFAULT_CHANGELOG,
) -> None:
    """Set (or add) floors. Raising is free; lowering needs --allow-lower REASON."""
    wanted = _parse_assignments(assignments)
    try:
        changes = set_floors(floors, wanted, allow_lower, changelog)
    except AccordError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(code=1) from exc
    for change in changes:
        typer.echo(f"{change.metric}: {change.old} -> {change.new}")
    if not changes:
        typer.echo("no floor changed")


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)
    app.add_typer(floors_app, name="floors")
