"""Rows -> Record: the inverse of write.py, so a stored Record comes back equal."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import RowMapping, select
from sqlalchemy.orm import Session

from accord.schema import Record, Span
from accord.store.models import Base, DocumentRow
from accord.store.rows import DOCUMENT_CHILDREN, DOCUMENT_COLUMNS, FACTS, record_from


def _rows(session: Session, name: str, pk: int) -> Sequence[RowMapping]:
    """One document's rows of table ``name``, in the record's order."""
    table = Base.metadata.tables[name]
    stmt = select(table).where(table.c.document_pk == pk).order_by(table.c.position, table.c.id)
    return session.execute(stmt).mappings().all()


def _grouped(rows: Sequence[RowMapping], key: str, value: str) -> dict[int, tuple[Any, ...]]:
    out: dict[int, list[Any]] = defaultdict(list)
    for row in rows:  # already in position order
        out[row[key]].append(row[value])
    return {k: tuple(v) for k, v in out.items()}


def load_record(session: Session, doc: DocumentRow) -> Record:
    """The Record stored for one document row."""
    pk = doc.pk
    spans: dict[tuple[str, int], list[Span]] = defaultdict(list)
    for m in _rows(session, "mentions", pk):
        spans[(m["kind"], m["fact_id"])].append((m["span_start"], m["span_end"]))

    facts: dict[str, tuple[Any, ...]] = {}
    for table in FACTS:
        kids = {
            c.field: _grouped(_rows(session, c.table, pk), table.parent_key, c.column)
            for c in table.children
        }
        facts[table.field] = tuple(
            table.build(
                r,
                tuple(spans.get((table.kind, r["id"]), ())),
                {name: values.get(r["id"], ()) for name, values in kids.items()},
            )
            for r in _rows(session, table.field, pk)
        )
    own = {
        c.field: tuple(r[c.column] for r in _rows(session, c.table, pk)) for c in DOCUMENT_CHILDREN
    }
    return record_from({c: getattr(doc, c) for c in DOCUMENT_COLUMNS}, facts, own)
