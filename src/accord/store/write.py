"""Record -> rows: the document row's values and the inserts of one document's facts.

Facts go in with one multi-row INSERT ... RETURNING per table (ids come back in
parameter order), so a document costs a dozen statements, not one per fact.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, delete, insert
from sqlalchemy.orm import Session

from accord.schema import Record, Span, to_dict
from accord.store.models import (
    FACT_TABLES,
    ActorRow,
    AmountRow,
    AttributedSourceRow,
    Base,
    DocumentRow,
    EventActorRow,
    EventRow,
    EventSectorRow,
    MentionRow,
    OrganizationRow,
    PersonRow,
    QuoteRow,
    RelationRow,
    RelationSectorRow,
    WarningRow,
)


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
    for group in (
        record.actors,
        record.persons,
        record.organizations,
        record.quotes,
        record.amounts,
        record.relations,
        record.events,
    ):
        names.update(fact.extractor for fact in group if fact.extractor)
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
    if not keep_identity:
        row.doc_id = record.id
        row.source_path = record.source.path
        row.source_url = record.source.url
        row.source_format = record.source.format
    row.content_hash = record.content_hash
    row.title = record.title
    row.published = record.published
    row.language = record.language
    row.outlet = record.outlet
    row.body = record.body
    if raw is not None:
        row.raw = raw.replace("\x00", "\ufffd")  # as the cleaner does: no store holds NUL
    row.boilerplate = json.dumps(list(record.boilerplate), ensure_ascii=False)
    row.extractor_version = extractor_version
    row.record_hash = digest
    row.updated_at = now


def delete_facts(session: Session, document_pk: int) -> None:
    """Remove every fact row of one document (children first, so FKs never object)."""
    for table in FACT_TABLES:
        session.execute(delete(table).where(table.document_pk == document_pk))  # type: ignore[attr-defined]


def _insert(session: Session, model: type[Base], rows: list[dict[str, Any]]) -> list[int]:
    """Insert rows, returning their new ids in the order given."""
    if not rows:
        return []
    # a Core insert on the table: the ORM's bulk path adds a fifth to the store's time
    table = cast(Table, model.__table__)
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
    """Write one document's facts, evidence mentions and warnings."""
    _insert(
        session,
        AttributedSourceRow,
        [
            {"document_pk": pk, "position": i, "name": name}
            for i, name in enumerate(record.attributed_sources)
        ],
    )
    _insert(
        session,
        WarningRow,
        [{"document_pk": pk, "position": i, "message": w} for i, w in enumerate(record.warnings)],
    )
    mentions: list[dict[str, Any]] = []

    ids = _insert(
        session,
        ActorRow,
        [
            {
                "document_pk": pk,
                "position": i,
                "code": a.code,
                "name": a.name,
                "kind": a.kind,
                "extractor": a.extractor,
            }
            for i, a in enumerate(record.actors)
        ],
    )
    mentions += _mentions(pk, "actor", ids, [a.mentions for a in record.actors])

    ids = _insert(
        session,
        PersonRow,
        [
            {
                "document_pk": pk,
                "position": i,
                "name": p.name,
                "title": p.title,
                "actor": p.actor,
                "organization": p.organization,
                "extractor": p.extractor,
            }
            for i, p in enumerate(record.persons)
        ],
    )
    mentions += _mentions(pk, "person", ids, [p.mentions for p in record.persons])

    ids = _insert(
        session,
        OrganizationRow,
        [
            {
                "document_pk": pk,
                "position": i,
                "name": o.name,
                "actor": o.actor,
                "kind": o.kind,
                "extractor": o.extractor,
            }
            for i, o in enumerate(record.organizations)
        ],
    )
    mentions += _mentions(pk, "organization", ids, [o.mentions for o in record.organizations])

    ids = _insert(
        session,
        QuoteRow,
        [
            {
                "document_pk": pk,
                "position": i,
                "text": q.text,
                "speaker": q.speaker,
                "cue": q.cue,
                "span_start": q.span[0],
                "span_end": q.span[1],
                "extractor": q.extractor,
            }
            for i, q in enumerate(record.quotes)
        ],
    )
    mentions += _mentions(pk, "quote", ids, [(q.span,) for q in record.quotes])

    ids = _insert(
        session,
        AmountRow,
        [
            {
                "document_pk": pk,
                "position": i,
                "value": m.value,
                "currency": m.currency,
                "value_usd": m.value_usd,
                "kind": m.kind,
                "from_actor": m.from_,
                "to_actor": m.to,
                "what": m.what,
                "period_start": m.period[0] if m.period else None,
                "period_end": m.period[1] if m.period else None,
                "span_start": m.span[0],
                "span_end": m.span[1],
                "extractor": m.extractor,
                "measure": m.measure,
                "level_type": m.level_type,
                "usd_rate": m.usd_rate,
                "usd_rate_date": m.usd_rate_date,
                "usd_source": m.usd_source,
                "usd_note": m.usd_note,
            }
            for i, m in enumerate(record.amounts)
        ],
    )
    mentions += _mentions(pk, "amount", ids, [(m.span,) for m in record.amounts])

    ids = _insert(
        session,
        RelationRow,
        [
            {
                "document_pk": pk,
                "position": i,
                "actor_a": r.actors[0],
                "actor_b": r.actors[1],
                "extractor": r.extractor,
            }
            for i, r in enumerate(record.relations)
        ],
    )
    mentions += _mentions(pk, "relation", ids, [r.evidence for r in record.relations])
    _insert(
        session,
        RelationSectorRow,
        [
            {"document_pk": pk, "relation_id": rid, "position": i, "sector": sector}
            for rid, r in zip(ids, record.relations, strict=True)
            for i, sector in enumerate(r.sectors)
        ],
    )

    ids = insert_events(session, pk, record)
    mentions += _mentions(pk, "event", ids, [(e.span,) for e in record.events])

    _insert(session, MentionRow, mentions)


def insert_events(session: Session, pk: int, record: Record) -> list[int]:
    """Events with their actor and sector rows; returns the event ids in order."""
    ids = _insert(
        session,
        EventRow,
        [
            {
                "document_pk": pk,
                "position": i,
                "type": e.type,
                "cameo": e.cameo,
                "source_actor": e.source,
                "target_actor": e.target,
                "what": e.what,
                "place": e.where,
                "event_date": e.when,
                "status": e.status,
                "span_start": e.span[0],
                "span_end": e.span[1],
                "extractor": e.extractor,
            }
            for i, e in enumerate(record.events)
        ],
    )
    _insert(
        session,
        EventActorRow,
        [
            {"document_pk": pk, "event_id": eid, "position": i, "code": code}
            for eid, e in zip(ids, record.events, strict=True)
            for i, code in enumerate(e.actors)
        ],
    )
    _insert(
        session,
        EventSectorRow,
        [
            {"document_pk": pk, "event_id": eid, "position": i, "sector": sector}
            for eid, e in zip(ids, record.events, strict=True)
            for i, sector in enumerate(e.sectors)
        ],
    )
    return ids
