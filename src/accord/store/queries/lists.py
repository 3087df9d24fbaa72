"""Paginated lists for the API and the dashboard: documents, events, amounts, quotes, actors.

Each returns plain JSON-ready dicts so the API, the pages, the exports and the report
share one query. Lists keep the filters of ``filters.Filters``; event- and amount-level
filters (type, status, actor, pair, period) apply to the fact itself, the rest to its
document.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import Session

from accord.store.base import Filters, Page, sum_groups
from accord.store.models import (
    ActorRow,
    AmountRow,
    AttributedSourceRow,
    DocumentRow,
    EventActorRow,
    EventRow,
    EventSectorRow,
    PersonRow,
    QuoteRow,
)
from accord.store.queries.filters import (
    date_range,
    document_clauses,
    document_pks,
    pair_event_ids,
)


def dialect_of(session: Session) -> str:
    return session.get_bind().dialect.name


def _page(total: int, limit: int, offset: int, items: list[dict[str, Any]]) -> Page:
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def _count(session: Session, stmt: Select[Any]) -> int:
    return int(session.scalar(select(func.count()).select_from(stmt.subquery())) or 0)


def _doc_only(f: Filters) -> Filters:
    """The filters that stay on the document when a list filters its facts itself."""
    return replace(
        f,
        actors=(),
        pair=None,
        event_types=(),
        statuses=(),
        sectors=(),
        date_from=None,
        date_to=None,
        undated=False,
    )


# -- documents -------------------------------------------------------------------------


def list_documents(session: Session, f: Filters, limit: int = 50, offset: int = 0) -> Page:
    """Documents matching the filters, newest first, with their actors and fact counts."""
    d = DocumentRow
    stmt = select(d.pk).where(*document_clauses(f, dialect_of(session)))
    total = _count(session, stmt)
    rows = session.execute(
        select(d.pk, d.doc_id, d.title, d.published, d.outlet, d.source_url)
        .where(d.pk.in_(stmt))
        .order_by(d.published.desc().nulls_last(), d.pk.desc())
        .limit(limit)
        .offset(offset)
    ).all()
    pks = [r.pk for r in rows]
    actors = _grouped(session, ActorRow.document_pk, ActorRow.code, ActorRow.position, pks)
    sources = _grouped(
        session,
        AttributedSourceRow.document_pk,
        AttributedSourceRow.name,
        AttributedSourceRow.position,
        pks,
    )
    n_events = _counts(session, EventRow, pks)
    n_amounts = _counts(session, AmountRow, pks)
    n_quotes = _counts(session, QuoteRow, pks)
    items = [
        {
            "id": r.doc_id,
            "title": r.title,
            "published": r.published,
            "outlet": r.outlet,
            "url": r.source_url,
            "attributed_sources": sources.get(r.pk, []),
            "actors": actors.get(r.pk, []),
            "events": n_events.get(r.pk, 0),
            "amounts": n_amounts.get(r.pk, 0),
            "quotes": n_quotes.get(r.pk, 0),
        }
        for r in rows
    ]
    return _page(total, limit, offset, items)


def _grouped(
    session: Session, key: Any, value: Any, position: Any, keys: list[int]
) -> dict[int, list[str]]:
    """Values of ``value`` per ``key`` for the given keys, in stored order, once each."""
    if not keys:
        return {}
    out: dict[int, list[str]] = defaultdict(list)
    for k, v in session.execute(select(key, value).where(key.in_(keys)).order_by(key, position)):
        if v not in out[k]:
            out[k].append(v)
    return out


def _counts(session: Session, model: Any, pks: list[int]) -> dict[int, int]:
    if not pks:
        return {}
    rows = session.execute(
        select(model.document_pk, func.count())
        .where(model.document_pk.in_(pks))
        .group_by(model.document_pk)
    )
    return {pk: int(n) for pk, n in rows}


# -- events ----------------------------------------------------------------------------

EVENT_DATE = func.coalesce(EventRow.event_date, DocumentRow.published)
"""When an event happened, or else when its document was published."""


def event_clauses(f: Filters, dialect: str) -> list[ColumnElement[bool]]:
    """Conditions on ``events`` joined to ``documents``."""
    e = EventRow
    out = document_clauses(_doc_only(f), dialect)
    if f.event_types:
        out.append(e.type.in_(f.event_types))
    if f.statuses:
        out.append(e.status.in_(f.statuses))
    if f.actors:
        out.append(e.id.in_(select(EventActorRow.event_id).where(EventActorRow.code.in_(f.actors))))
    if f.pair:
        out.append(e.id.in_(pair_event_ids(*f.pair)))
    if f.sectors:
        out.append(
            e.id.in_(select(EventSectorRow.event_id).where(EventSectorRow.sector.in_(f.sectors)))
        )
    out += date_range(EVENT_DATE, f.date_from, f.date_to)
    if f.undated:
        out.append(EVENT_DATE.is_(None))
    return out


def list_events(
    session: Session, f: Filters, limit: int = 50, offset: int = 0, *, oldest_first: bool = False
) -> Page:
    """Events matching the filters, latest first (or oldest first, for timelines)."""
    e, d = EventRow, DocumentRow
    where = event_clauses(f, dialect_of(session))
    total = _count(session, select(e.id).join(d, d.pk == e.document_pk).where(*where))
    order = (
        (EVENT_DATE.asc().nulls_last(), e.id)
        if oldest_first
        else (EVENT_DATE.desc().nulls_last(), e.id.desc())
    )
    rows = session.execute(
        select(e, d.doc_id, d.title, d.published)
        .join(d, d.pk == e.document_pk)
        .where(*where)
        .order_by(*order)
        .limit(limit)
        .offset(offset)
    ).all()
    ids = [r[0].id for r in rows]
    actors = _grouped(
        session, EventActorRow.event_id, EventActorRow.code, EventActorRow.position, ids
    )
    sectors = _grouped(
        session, EventSectorRow.event_id, EventSectorRow.sector, EventSectorRow.position, ids
    )
    items = [
        {
            "document": r.doc_id,
            "document_title": r.title,
            "published": r.published,
            "type": r[0].type,
            "cameo": r[0].cameo,
            "actors": actors.get(r[0].id, []),
            "source": r[0].source_actor,
            "target": r[0].target_actor,
            "what": r[0].what,
            "where": r[0].place,
            "when": r[0].event_date,
            "date": r[0].event_date or r.published,
            "status": r[0].status,
            "sectors": sectors.get(r[0].id, []),
            "span": [r[0].span_start, r[0].span_end],
        }
        for r in rows
    ]
    return _page(total, limit, offset, items)


# -- amounts ---------------------------------------------------------------------------

AMOUNT_DATE = func.coalesce(AmountRow.period_start, DocumentRow.published)
"""The month an amount is counted in: its period's start, else publication."""


def amount_clauses(f: Filters, dialect: str) -> list[ColumnElement[bool]]:
    """Conditions on ``amounts`` joined to ``documents``."""
    m = AmountRow
    # Type and status narrow money to the documents holding such events (an amount has
    # neither); the sector, to documents of that sector.
    keep = replace(_doc_only(f), sectors=f.sectors, event_types=f.event_types, statuses=f.statuses)
    out = document_clauses(keep, dialect)
    if f.kinds:
        out.append(m.kind.in_(f.kinds))
    if f.measures:
        out.append(m.measure.in_(f.measures))
    if f.actors:
        out.append(or_(m.from_actor.in_(f.actors), m.to_actor.in_(f.actors)))
    if f.pair:
        a, b = f.pair
        out.append(
            or_(
                and_(m.from_actor == a, m.to_actor == b),
                and_(m.from_actor == b, m.to_actor == a),
            )
        )
    out += date_range(AMOUNT_DATE, f.date_from, f.date_to)
    if f.undated:
        out.append(AMOUNT_DATE.is_(None))
    return out


def list_amounts(session: Session, f: Filters, limit: int = 50, offset: int = 0) -> Page:
    """Money figures matching the filters, largest (in USD) first."""
    m, d = AmountRow, DocumentRow
    where = amount_clauses(f, dialect_of(session))
    total = _count(session, select(m.id).join(d, d.pk == m.document_pk).where(*where))
    rows = session.execute(
        select(m, d.doc_id, d.title, d.published)
        .join(d, d.pk == m.document_pk)
        .where(*where)
        .order_by(m.value_usd.desc().nulls_last(), m.id)
        .limit(limit)
        .offset(offset)
    ).all()
    items = [
        {
            "document": r.doc_id,
            "document_title": r.title,
            "published": r.published,
            "value": r[0].value,
            "currency": r[0].currency,
            "value_usd": r[0].value_usd,
            "kind": r[0].kind,
            "from": r[0].from_actor,
            "to": r[0].to_actor,
            "what": r[0].what,
            "period": (
                [r[0].period_start, r[0].period_end or r[0].period_start]
                if r[0].period_start
                else None
            ),
            "span": [r[0].span_start, r[0].span_end],
            "measure": r[0].measure,
            "level_type": r[0].level_type,
            "usd_rate": r[0].usd_rate,
            "usd_rate_date": r[0].usd_rate_date,
            "usd_source": r[0].usd_source,
            "usd_note": r[0].usd_note,
        }
        for r in rows
    ]
    return _page(total, limit, offset, items)


FLOW = "flow"
"""The measure of money moving between parties: the only figures that are ever summed."""


def level_counts(session: Session, f: Filters) -> list[dict[str, Any]]:
    """Level figures (prices, rates, market sizes, budgets, debt stocks...) counted by
    type: kept and shown apart, never summed."""
    m, d = AmountRow, DocumentRow
    n = func.count(m.id)
    stmt = (
        select(m.level_type, n)
        .join(d, d.pk == m.document_pk)
        .where(m.measure == "level", *amount_clauses(f, dialect_of(session)))
        .group_by(m.level_type)
        .order_by(n.desc(), m.level_type.asc().nulls_first())
    )
    return [{"level_type": t, "amounts": int(k)} for t, k in session.execute(stmt)]


def sum_amounts(
    session: Session, f: Filters, by: tuple[str, ...] = ("pair", "kind", "year")
) -> list[dict[str, Any]]:
    """Totals in USD of flows, grouped by kind and by pair (from, to) and period (year
    or month) where asked; ``kind`` is always a group (``sum_groups``), and levels never
    enter (``level_counts`` counts those).

    Amounts with no USD value are counted but add nothing to the total.
    """
    by = sum_groups(by)
    m, d = AmountRow, DocumentRow
    columns: list[Any] = []
    names: list[str] = []
    if "pair" in by:
        columns += [m.from_actor, m.to_actor]
        names += ["from", "to"]
    if "kind" in by:
        columns.append(m.kind)
        names.append("kind")
    if "year" in by:
        columns.append(func.substr(AMOUNT_DATE, 1, 4))
        names.append("year")
    if "month" in by:
        columns.append(func.substr(AMOUNT_DATE, 1, 7))
        names.append("month")
    total = func.coalesce(func.sum(m.value_usd), 0.0)
    stmt = (
        select(
            *columns,
            total.label("total_usd"),
            func.count(m.id).label("amounts"),
            func.count(func.distinct(m.document_pk)).label("documents"),
        )
        .join(d, d.pk == m.document_pk)
        .where(m.measure == FLOW, *amount_clauses(f, dialect_of(session)))
    )
    if columns:
        # NULLs first, as SQLite has it: PostgreSQL and DuckDB put them last by default
        ties = [c.asc().nulls_first() for c in columns]
        stmt = stmt.group_by(*columns).order_by(total.desc(), *ties)
    out = []
    for row in session.execute(stmt):
        values = list(row)
        item = dict(zip(names, values[: len(names)], strict=True))
        item["total_usd"] = float(values[len(names)] or 0.0)
        item["amounts"] = int(values[len(names) + 1])
        item["documents"] = int(values[len(names) + 2])
        out.append(item)
    return out


# -- quotes ----------------------------------------------------------------------------


def _speaker_actor() -> Any:
    """The actor of the quoted person, as the document's persons give it."""
    return (
        select(func.max(PersonRow.actor))
        .where(PersonRow.document_pk == QuoteRow.document_pk, PersonRow.name == QuoteRow.speaker)
        .scalar_subquery()
    )


def list_quotes(
    session: Session,
    f: Filters,
    limit: int = 50,
    offset: int = 0,
    *,
    speaker_actors: tuple[str, ...] = (),
) -> Page:
    """Quotations in the filtered documents; optionally only by officials of some actors."""
    qt, d = QuoteRow, DocumentRow
    actor = _speaker_actor()
    where = document_clauses(f, dialect_of(session))
    if speaker_actors:
        where.append(actor.in_(speaker_actors))
    total = _count(session, select(qt.id).join(d, d.pk == qt.document_pk).where(*where))
    rows = session.execute(
        select(qt, d.doc_id, d.title, d.published, actor.label("speaker_actor"))
        .join(d, d.pk == qt.document_pk)
        .where(*where)
        .order_by(d.published.desc().nulls_last(), d.pk.desc(), qt.position)
        .limit(limit)
        .offset(offset)
    ).all()
    items = [
        {
            "document": r.doc_id,
            "document_title": r.title,
            "published": r.published,
            "text": r[0].text,
            "speaker": r[0].speaker,
            "speaker_actor": r.speaker_actor,
            "cue": r[0].cue,
            "span": [r[0].span_start, r[0].span_end],
        }
        for r in rows
    ]
    return _page(total, limit, offset, items)


# -- actors ----------------------------------------------------------------------------


def list_actors(session: Session, f: Filters, limit: int = 50, offset: int = 0) -> Page:
    """Actors in the filtered documents, most documents first, with events and money."""
    a = ActorRow
    pks = document_pks(f, dialect_of(session))
    where = [] if pks is None else [a.document_pk.in_(pks)]
    docs = func.count(func.distinct(a.document_pk))
    total = int(session.scalar(select(func.count(func.distinct(a.code))).where(*where)) or 0)
    rows = session.execute(
        select(a.code, func.max(a.name), func.max(a.kind), docs.label("documents"))
        .where(*where)
        .group_by(a.code)
        .order_by(docs.desc(), a.code)
        .limit(limit)
        .offset(offset)
    ).all()
    codes = [r.code for r in rows]
    events = _event_counts(session, f, codes)
    money_out, money_in = _money_by_actor(session, f, codes)
    items = [
        {
            "code": r.code,
            "name": r[1],
            "kind": r[2],
            "documents": int(r.documents),
            "events": events.get(r.code, 0),
            "usd_out": money_out.get(r.code, {}),
            "usd_in": money_in.get(r.code, {}),
        }
        for r in rows
    ]
    return _page(total, limit, offset, items)


def _event_counts(session: Session, f: Filters, codes: list[str]) -> dict[str, int]:
    if not codes:
        return {}
    ea = EventActorRow
    stmt = (
        select(ea.code, func.count(func.distinct(ea.event_id)))
        .join(EventRow, EventRow.id == ea.event_id)
        .join(DocumentRow, DocumentRow.pk == EventRow.document_pk)
        .where(ea.code.in_(codes), *event_clauses(replace(f, actors=()), dialect_of(session)))
        .group_by(ea.code)
    )
    return {code: int(n) for code, n in session.execute(stmt)}


def _money_by_actor(
    session: Session, f: Filters, codes: list[str]
) -> tuple[dict[str, dict[str, float]], dict[str, dict[str, float]]]:
    """Per actor, USD of flows going out and coming in, each per kind."""
    if not codes:
        return {}, {}
    m = AmountRow
    where = amount_clauses(replace(f, actors=()), dialect_of(session))
    out: list[dict[str, dict[str, float]]] = []
    for column in (m.from_actor, m.to_actor):
        total = func.coalesce(func.sum(m.value_usd), 0.0)
        rows = session.execute(
            select(column, m.kind, total)
            .join(DocumentRow, DocumentRow.pk == m.document_pk)
            .where(column.in_(codes), m.measure == FLOW, *where)
            .group_by(column, m.kind)
            .order_by(column, total.desc(), m.kind)
        )
        side: dict[str, dict[str, float]] = {}
        for code, kind, v in rows:
            side.setdefault(str(code), {})[str(kind)] = float(v or 0.0)
        out.append(side)
    return out[0], out[1]
