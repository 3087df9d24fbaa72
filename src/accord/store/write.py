"""Record -> rows: the document row's values and the inserts of one document's facts.

The layout is ``rows.py``'s. Facts go in first, their ids coming back, then every row
that points at them: on PostgreSQL each half is one statement (INSERTs as data-modifying
CTEs), elsewhere one multi-row INSERT per table, so a document never costs a statement
per fact.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Column, Double, Integer, Row, TextClause, delete, insert, text
from sqlalchemy.orm import Session

from accord.schema import Record, Span, to_dict
from accord.store.models import FACT_TABLES, Base, DocumentRow
from accord.store.rows import DOCUMENT_CHILDREN, DOCUMENT_COLUMNS, FACTS, document_values


def record_hash(record: Record) -> str:
    """A digest of what the record says about its text (not where the file was)."""
    data = to_dict(record)
    data.pop("id")
    data.pop("source")
    blob = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(blob.encode("utf-8")).hexdigest()


def default_extractor_version(record: Record) -> str:
    """The extractor names the facts carry, when the caller gives no version."""
    names: set[str] = set()
    for table in FACTS:
        names.update(fact.extractor for fact in getattr(record, table.field) if fact.extractor)
    return ",".join(sorted(names))[:256]


IDENTITY = frozenset(c for c in DOCUMENT_COLUMNS if c == "doc_id" or c.startswith("source_"))
"""The document columns that name it rather than say what it holds."""


def fill_document(
    row: DocumentRow,
    record: Record,
    *,
    raw: str | None,
    extractor_version: str,
    digest: str,
    now: datetime,
    keep_identity: bool = False,
) -> None:
    """Copy a record's document-level fields onto ``row``.

    ``keep_identity`` keeps the stored id and source: the same text arrived under
    another name, and the first name stays the document's identity.
    """
    for column, value in document_values(record).items():
        if not (keep_identity and column in IDENTITY):
            setattr(row, column, value)
    if raw is not None:
        row.raw = raw.replace("\x00", "\ufffd")  # as the cleaner does: no store holds NUL
    row.extractor_version = extractor_version
    row.record_hash = digest
    row.updated_at = now


def delete_facts(session: Session, document_pk: int) -> None:
    """Remove every fact row of one document (children first, so FKs never object)."""
    for table in FACT_TABLES:
        session.execute(delete(table).where(table.document_pk == document_pk))  # type: ignore[attr-defined]


def _insert(session: Session, name: str, rows: list[dict[str, Any]]) -> list[int]:
    """Insert rows into table ``name``, returning their new ids in the order given."""
    if not rows:
        return []
    # a Core insert on the table: the ORM's bulk path adds a fifth to the store's time
    table = Base.metadata.tables[name]
    stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return list(session.execute(stmt, rows).scalars().all())


def _pg_type(column: Column[Any]) -> str:
    if isinstance(column.type, Integer):
        return "integer"
    if isinstance(column.type, Double):
        return "double precision"
    return "text"


Layout = tuple[tuple[str, tuple[str, ...]], ...]  # (table, its columns) for each table


@lru_cache(maxsize=256)
def _pg_statement(layout: Layout, returning: bool) -> TextClause:
    """Several tables' INSERTs as data-modifying CTEs of one statement, each fed by
    ``unnest`` over one array per column: the text depends only on which tables have
    rows, so PostgreSQL prepares it once, and a document costs one round trip however
    many rows it has. Names come from the models, values only through parameters."""
    ctes, selects = [], []
    for name, columns in layout:
        table = Base.metadata.tables[name]
        arrays = ", ".join(f"CAST(:{name}__{c} AS {_pg_type(table.c[c])}[])" for c in columns)
        tail = " RETURNING id, position" if returning else ""
        ctes.append(
            f"new_{name} AS (INSERT INTO {name} ({', '.join(columns)}) "
            f"SELECT * FROM unnest({arrays}){tail})"
        )
        selects.append(f"SELECT '{name}' AS name, id, position FROM new_{name}")
    body = " UNION ALL ".join(selects) if returning else "SELECT 1"
    return text(f"WITH {', '.join(ctes)} {body}")


def _pg_execute(
    session: Session, tables: dict[str, list[dict[str, Any]]], returning: bool
) -> Sequence[Row[Any]]:
    """Run ``_pg_statement`` for the tables with rows; with ``returning``, one
    (table, id, position) row per row inserted."""
    filled = {name: rows for name, rows in tables.items() if rows}
    layout = tuple((name, tuple(rows[0])) for name, rows in filled.items())
    params = {
        f"{name}__{c}": [r[c] for r in rows] for name, rows in filled.items() for c in rows[0]
    }
    return session.execute(_pg_statement(layout, returning), params).all()


def _postgres(session: Session, tables: dict[str, list[dict[str, Any]]]) -> bool:
    """PostgreSQL takes several tables' rows in one statement (SQLite has no INSERT
    inside WITH, and goes table by table)."""
    return session.get_bind().dialect.name == "postgresql" and any(tables.values())


def _insert_parents(
    session: Session, tables: dict[str, list[dict[str, Any]]]
) -> dict[str, list[int]]:
    """Insert the rows of several tables; each table's new ids, in position order."""
    if not _postgres(session, tables):
        return {name: _insert(session, name, rows) for name, rows in tables.items()}
    ids: dict[str, dict[int, int]] = {name: {} for name in tables}
    for row in _pg_execute(session, tables, returning=True):
        ids[row.name][row.position] = row.id  # RETURNING has no order: position says which
    return {name: [ids[name][r["position"]] for r in rows] for name, rows in tables.items()}


def _insert_rows(session: Session, tables: dict[str, list[dict[str, Any]]]) -> None:
    """Insert the rows of several tables that need no ids back."""
    if _postgres(session, tables):
        _pg_execute(session, tables, returning=False)
        return
    for name, rows in tables.items():
        if rows:
            session.execute(insert(Base.metadata.tables[name]), rows)


def _mentions(
    pk: int, kind: str, ids: Sequence[int], spans: Sequence[Sequence[Span]]
) -> list[dict[str, Any]]:
    return [
        {
            "document_pk": pk,
            "kind": kind,
            "fact_id": fact_id,
            "position": i,
            "span_start": start,
            "span_end": end,
        }
        for fact_id, fact_spans in zip(ids, spans, strict=True)
        for i, (start, end) in enumerate(fact_spans)
    ]


def insert_facts(session: Session, pk: int, record: Record) -> None:
    """Write one document's facts, their children and evidence mentions, and the
    record's own lists (attributed sources, warnings): the layout of ``rows.py``.

    Facts go first (their ids come back), then everything that points at them."""
    facts = {t.field: getattr(record, t.field) for t in FACTS}
    ids = _insert_parents(
        session,
        {
            t.field: [
                {"document_pk": pk, "position": i, **t.row(f)} for i, f in enumerate(facts[t.field])
            ]
            for t in FACTS
        },
    )
    rows: dict[str, list[dict[str, Any]]] = {
        child.table: [
            {"document_pk": pk, "position": i, child.column: v}
            for i, v in enumerate(getattr(record, child.field))
        ]
        for child in DOCUMENT_CHILDREN
    }
    mentions: list[dict[str, Any]] = []
    for table in FACTS:
        group = facts[table.field]
        mentions += _mentions(pk, table.kind, ids[table.field], [table.spans(f) for f in group])
        for child in table.children:
            rows[child.table] = [
                {"document_pk": pk, table.parent_key: fid, "position": j, child.column: v}
                for fid, fact in zip(ids[table.field], group, strict=True)
                for j, v in enumerate(getattr(fact, child.field))
            ]
    rows["mentions"] = mentions
    _insert_rows(session, rows)
