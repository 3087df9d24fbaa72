"""Record -> rows: the document row's values and the inserts of one document's facts.

Facts go in with one multi-row INSERT ... RETURNING per table (ids come back in
parameter order), so a document costs a dozen statements, not one per fact.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert
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


IDENTITY = frozenset(c for c in DOCUMENT_COLUMNS if c == "doc_id" or c.startswith("source_"))
"""The document columns that name it rather than say what it holds."""


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
    record's own lists (attributed sources, warnings): the layout of ``rows.py``."""
    for child in DOCUMENT_CHILDREN:
        values = getattr(record, child.field)
        _insert(
            session,
            child.table,
            [{"document_pk": pk, "position": i, child.column: v} for i, v in enumerate(values)],
        )
    mentions: list[dict[str, Any]] = []
    for table in FACTS:
        facts = getattr(record, table.field)
        ids = _insert(
            session,
            table.field,
            [{"document_pk": pk, "position": i, **table.row(f)} for i, f in enumerate(facts)],
        )
        mentions += _mentions(pk, table.kind, ids, [table.spans(f) for f in facts])
        for child in table.children:
            _insert(
                session,
                child.table,
                [
                    {"document_pk": pk, table.parent_key: fid, "position": j, child.column: v}
                    for fid, fact in zip(ids, facts, strict=True)
                    for j, v in enumerate(getattr(fact, child.field))
                ],
            )
    _insert(session, "mentions", mentions)
