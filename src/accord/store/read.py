"""Rows -> Record: the inverse of write.py, so a stored Record comes back equal."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from accord.schema import (
    Actor,
    Amount,
    Event,
    Organization,
    Person,
    Quote,
    Record,
    Relation,
    Source,
    Span,
)
from accord.store.models import (
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

M = TypeVar("M", bound=Base)


def _rows(session: Session, model: type[M], pk: int) -> list[M]:
    stmt = (
        select(model)
        .where(model.document_pk == pk)  # type: ignore[attr-defined]
        .order_by(model.position, model.id)  # type: ignore[attr-defined]
    )
    return list(session.scalars(stmt).all())


def _grouped(rows: list[Any], key: str, value: str) -> dict[int, tuple[Any, ...]]:
    out: dict[int, list[Any]] = defaultdict(list)
    for row in rows:  # already in position order
        out[getattr(row, key)].append(getattr(row, value))
    return {k: tuple(v) for k, v in out.items()}


def load_record(session: Session, doc: DocumentRow) -> Record:
    """The Record stored for one document row."""
    pk = doc.pk
    spans: dict[tuple[str, int], list[Span]] = defaultdict(list)
    for m in _rows(session, MentionRow, pk):
        spans[(m.kind, m.fact_id)].append((m.span_start, m.span_end))

    def ev(kind: str, fact_id: int) -> tuple[Span, ...]:
        return tuple(spans.get((kind, fact_id), ()))

    relation_sectors = _grouped(_rows(session, RelationSectorRow, pk), "relation_id", "sector")
    event_actors = _grouped(_rows(session, EventActorRow, pk), "event_id", "code")
    event_sectors = _grouped(_rows(session, EventSectorRow, pk), "event_id", "sector")

    return Record(
        id=doc.doc_id,
        content_hash=doc.content_hash,
        source=Source(path=doc.source_path, url=doc.source_url, format=doc.source_format),
        title=doc.title,
        published=doc.published,
        language=doc.language,
        outlet=doc.outlet,
        attributed_sources=tuple(r.name for r in _rows(session, AttributedSourceRow, pk)),
        body=doc.body,
        actors=tuple(
            Actor(r.code, r.name, r.kind, ev("actor", r.id), r.extractor)
            for r in _rows(session, ActorRow, pk)
        ),
        persons=tuple(
            Person(r.name, r.title, r.actor, r.organization, ev("person", r.id), r.extractor)
            for r in _rows(session, PersonRow, pk)
        ),
        organizations=tuple(
            Organization(r.name, r.actor, r.kind, ev("organization", r.id), r.extractor)
            for r in _rows(session, OrganizationRow, pk)
        ),
        quotes=tuple(
            Quote(r.text, r.speaker, r.cue, (r.span_start, r.span_end), r.extractor)
            for r in _rows(session, QuoteRow, pk)
        ),
        amounts=tuple(
            Amount(
                value=r.value,
                currency=r.currency,
                value_usd=r.value_usd,
                kind=r.kind,
                from_=r.from_actor,
                to=r.to_actor,
                what=r.what,
                period=(r.period_start, r.period_end)
                if r.period_start is not None and r.period_end is not None
                else None,
                span=(r.span_start, r.span_end),
                extractor=r.extractor,
                measure=r.measure or "level",  # never null after 0004; not a flow if it were
                level_type=r.level_type,
                usd_rate=r.usd_rate,
                usd_rate_date=r.usd_rate_date,
                usd_source=r.usd_source,
                usd_note=r.usd_note,
            )
            for r in _rows(session, AmountRow, pk)
        ),
        relations=tuple(
            Relation(
                actors=(r.actor_a, r.actor_b),
                sectors=relation_sectors.get(r.id, ()),
                evidence=ev("relation", r.id),
                extractor=r.extractor,
            )
            for r in _rows(session, RelationRow, pk)
        ),
        events=tuple(
            Event(
                type=r.type,
                cameo=r.cameo,
                actors=event_actors.get(r.id, ()),
                source=r.source_actor,
                target=r.target_actor,
                what=r.what,
                where=r.place,
                when=r.event_date,
                status=r.status,
                span=(r.span_start, r.span_end),
                sectors=event_sectors.get(r.id, ()),
                extractor=r.extractor,
            )
            for r in _rows(session, EventRow, pk)
        ),
        warnings=tuple(r.message for r in _rows(session, WarningRow, pk)),
        boilerplate=tuple(json.loads(doc.boilerplate or "[]")),
    )
