"""`accord show ID` and `accord stats`: read what the store holds."""

from __future__ import annotations

import json
import math
from typing import Annotated, Any

import typer
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from accord.errors import StoreError
from accord.schema import Record, Span, to_dict
from accord.settings import load_settings
from accord.store import Store, connect

DbOption = Annotated[
    str | None, typer.Option("--db", help="store URL (default: settings db, ACCORD_DB)")
]


def _open(db: str | None) -> Store:
    try:
        return connect(load_settings(db=db).db, create=False)
    except StoreError as exc:
        Console(stderr=True).print(Text(f"error: {exc}"))
        raise typer.Exit(code=2) from exc


def _evidence(body: str, span: Span, width: int = 90) -> str:
    text = " ".join(body[span[0] : span[1]].split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _table(title: str, headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> Table:
    table = Table(title=title, title_justify="left", expand=True)
    for header in headers:
        table.add_column(header, overflow="fold")
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    return table


def _opt(value: object) -> str:
    return "" if value is None else str(value)


def _record_view(record: Record) -> Group:
    """Panels and tables for one record; every fact beside the text it stands on."""
    body = record.body
    head = Text()
    for label, value in (
        ("id", record.id),
        ("title", record.title),
        ("published", record.published),
        ("outlet", record.outlet),
        ("language", record.language),
        ("source", record.source.path or record.source.url),
        ("credited", ", ".join(record.attributed_sources)),
        ("content hash", record.content_hash),
    ):
        head.append(f"{label}: ", style="bold")
        head.append(f"{_opt(value)}\n")
    parts: list[Panel | Table] = [Panel(head, title=record.title or record.id)]

    def first(spans: tuple[Span, ...]) -> str:
        return _evidence(body, spans[0]) if spans else ""

    if record.actors:
        parts.append(
            _table(
                "Actors",
                ("code", "name", "kind", "mentions", "evidence"),
                [
                    (a.code, a.name, a.kind, str(len(a.mentions)), first(a.mentions))
                    for a in record.actors
                ],
            )
        )
    if record.persons:
        parts.append(
            _table(
                "Persons",
                ("name", "title", "actor", "organization"),
                [
                    (p.name, _opt(p.title), _opt(p.actor), _opt(p.organization))
                    for p in record.persons
                ],
            )
        )
    if record.organizations:
        parts.append(
            _table(
                "Organizations",
                ("name", "kind", "actor"),
                [(o.name, o.kind, _opt(o.actor)) for o in record.organizations],
            )
        )
    if record.quotes:
        parts.append(
            _table(
                "Quotes",
                ("speaker", "cue", "quote"),
                [(_opt(q.speaker), _opt(q.cue), _evidence(body, q.span)) for q in record.quotes],
            )
        )
    if record.amounts:
        parts.append(
            _table(
                "Amounts",
                (
                    "value",
                    "currency",
                    "USD",
                    "rate (date)",
                    "kind",
                    "from",
                    "to",
                    "what",
                    "period",
                    "evidence",
                ),
                [
                    (
                        f"{m.value:,.0f}",
                        _opt(m.currency),
                        "" if m.value_usd is None else f"{m.value_usd:,.0f}",
                        (
                            f"{m.usd_rate:.6g} ({m.usd_rate_date})"
                            if m.usd_rate is not None
                            else _opt(m.usd_note)
                        ),
                        f"level: {m.level_type}" if m.measure == "level" else m.kind,
                        _opt(m.from_),
                        _opt(m.to),
                        _opt(m.what),
                        "–".join(m.period) if m.period else "",
                        _evidence(body, m.span),
                    )
                    for m in record.amounts
                ],
            )
        )
    if record.relations:
        parts.append(
            _table(
                "Relations",
                ("pair", "sectors", "evidence"),
                [
                    (" – ".join(r.actors), ", ".join(r.sectors), first(r.evidence))
                    for r in record.relations
                ],
            )
        )
    if record.events:
        parts.append(
            _table(
                "Events",
                ("type", "cameo", "source → target", "what", "where", "when", "status", "evidence"),
                [
                    (
                        e.type,
                        _opt(e.cameo),
                        f"{_opt(e.source)} → {_opt(e.target)}",
                        _opt(e.what),
                        _opt(e.where),
                        _opt(e.when),
                        e.status,
                        _evidence(body, e.span),
                    )
                    for e in record.events
                ],
            )
        )
    if record.warnings:
        parts.append(Panel(Text("\n".join(record.warnings)), title="Warnings"))
    return Group(*parts)


def _finite(value: Any) -> Any:
    """JSON has no Infinity or NaN: a non-finite number (stored before figures were
    checked) prints as null, so the output stays valid JSON."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(v) for v in value]
    return value


def show(
    doc_id: Annotated[str, typer.Argument(metavar="ID", help="document id")],
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the record as JSON")] = False,
) -> None:
    """Print one stored record."""
    with _open(db) as store:
        record = store.get(doc_id)
    if record is None:
        Console(stderr=True).print(Text(f"error: no document {doc_id!r} in {store.url}"))
        raise typer.Exit(code=1)
    if as_json:
        data = _finite(to_dict(record))
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False))
        return
    Console().print(_record_view(record))


def stats(db: DbOption = None) -> None:
    """Print row counts and the actors, pairs and event types seen most often."""
    with _open(db) as store:
        data = store.stats()
    console = Console()
    counts = Table(title=f"Rows in {store.url}", title_justify="left")
    counts.add_column("table")
    counts.add_column("rows", justify="right")
    for name, n in data["rows"].items():
        counts.add_row(name, str(n))
    console.print(counts)
    actors = Table(title="Top actors", title_justify="left")
    for header in ("code", "name", "documents"):
        actors.add_column(header)
    for row in data["top_actors"]:
        actors.add_row(Text(row["code"]), Text(row["name"] or ""), str(row["documents"]))
    console.print(actors)
    pairs = Table(title="Top pairs", title_justify="left")
    for header in ("pair", "documents"):
        pairs.add_column(header)
    for row in data["top_pairs"]:
        pairs.add_row(Text(f"{row['a']} – {row['b']}"), str(row["documents"]))
    console.print(pairs)
    types = Table(title="Event types", title_justify="left")
    for header in ("type", "events"):
        types.add_column(header)
    for row in data["event_types"]:
        types.add_row(Text(row["type"]), str(row["events"]))
    console.print(types)


def register(app: typer.Typer) -> None:
    app.command("show")(show)
    app.command("stats")(stats)
