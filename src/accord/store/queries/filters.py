"""What a dashboard view or API list is narrowed to, as SQL clauses over documents.

Within one kind of filter the values are alternatives (any actor of the list); across
kinds they all must hold. Every value is a bound parameter: nothing a user types is
spliced into SQL. Values match whatever their case (``ken`` is KEN, ``reuters`` is
Reuters), and a filter narrows every panel of a page alike: a document is in a date
range when it was published in it or holds a fact dated in it, so the events and money
of a view always belong to its documents.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    func,
    literal,
    literal_column,
    or_,
    select,
    table,
    text,
    true,
    union,
)

from accord.store.base import Filters, words
from accord.store.models import (
    ActorRow,
    AmountRow,
    AttributedSourceRow,
    DocumentRow,
    EventActorRow,
    EventRow,
    EventSectorRow,
    RelationRow,
    RelationSectorRow,
)


def date_from_clause(column: Any, date_from: str) -> ColumnElement[bool]:
    """``column >= date_from`` where both may be partial dates (YYYY, YYYY-MM).

    "2023-07" is on or after "2023-07-15" for a view (the month overlaps), so the bound
    is cut to the column value's own precision before comparing.
    """
    clause: ColumnElement[bool] = column >= func.substr(literal(date_from), 1, func.length(column))
    return clause


def date_to_clause(column: Any, date_to: str) -> ColumnElement[bool]:
    """``column <= date_to`` for partial dates ("2023" is within "..2023-03")."""
    return func.substr(column, 1, len(date_to)) <= date_to


def fulltext_clause(dialect: str, query: str) -> ColumnElement[bool]:
    """Documents whose title or body hold every word of ``query`` (FTS5 / tsvector)."""
    terms = words(query)
    if not terms:
        return true()
    if dialect == "sqlite":
        match = " ".join('"' + t.replace('"', '""') + '"' for t in terms)
        fts: Select[Any] = (
            select(literal_column("rowid"))
            .select_from(table("documents_fts"))
            .where(text("documents_fts MATCH :fts_query").bindparams(fts_query=match))
        )
        return DocumentRow.pk.in_(fts)
    if dialect == "duckdb":  # a Parquet dataset (store/parquet.py): no FTS offline
        body = func.lower(func.coalesce(DocumentRow.title, "").concat(" ").concat(DocumentRow.body))
        return and_(*(func.regexp_matches(body, r"\b" + re.escape(t.lower())) for t in terms))
    vector = func.to_tsvector(
        literal_column("'english'"),
        func.coalesce(DocumentRow.title, "").concat(" ").concat(DocumentRow.body),
    )
    return vector.op("@@")(func.plainto_tsquery(literal_column("'english'"), " ".join(terms)))


def pair_event_ids(a: str, b: str) -> Select[Any]:
    """Ids of events that have both actors of a pair."""
    ea1 = EventActorRow.__table__.alias("pa1")
    ea2 = EventActorRow.__table__.alias("pa2")
    return (
        select(ea1.c.event_id)
        .join(ea2, ea2.c.event_id == ea1.c.event_id)
        .where(ea1.c.code == a, ea2.c.code == b)
    )


def pair_document_pks(a: str, b: str) -> Any:
    """Documents that relate the pair or hold an event with both of them."""
    ea1 = EventActorRow.__table__.alias("pd1")
    ea2 = EventActorRow.__table__.alias("pd2")
    return union(
        select(RelationRow.document_pk).where(RelationRow.actor_a == a, RelationRow.actor_b == b),
        select(ea1.c.document_pk)
        .join(ea2, ea2.c.event_id == ea1.c.event_id)
        .where(ea1.c.code == a, ea2.c.code == b),
    )


def date_range(column: Any, date_from: str | None, date_to: str | None) -> list[Any]:
    """Conditions putting ``column`` (a partial date) within the bounds given."""
    out = []
    if date_from:
        out.append(date_from_clause(column, date_from))
    if date_to:
        out.append(date_to_clause(column, date_to))
    return out


def _dated_in(date_from: str | None, date_to: str | None) -> ColumnElement[bool]:
    """Documents published within the range, or holding an event or a money figure whose
    own date is: the documents that the range's events and money come from."""
    d = DocumentRow
    return or_(
        and_(*date_range(d.published, date_from, date_to)),
        d.pk.in_(
            select(EventRow.document_pk).where(
                EventRow.event_date.is_not(None),
                *date_range(EventRow.event_date, date_from, date_to),
            )
        ),
        d.pk.in_(
            select(AmountRow.document_pk).where(
                AmountRow.period_start.is_not(None),
                *date_range(AmountRow.period_start, date_from, date_to),
            )
        ),
    )


def document_clauses(f: Filters, dialect: str) -> list[ColumnElement[bool]]:
    """SQL conditions on ``documents`` for every filter set.

    Each is ``pk IN (SELECT document_pk ... WHERE <indexed column> = :value)`` so the
    database starts from the facts that match rather than testing every document.
    """
    d = DocumentRow
    out: list[ColumnElement[bool]] = []
    if f.actors:
        out.append(d.pk.in_(select(ActorRow.document_pk).where(ActorRow.code.in_(f.actors))))
    if f.pair:
        out.append(d.pk.in_(pair_document_pks(*f.pair)))
    if f.sectors:
        out.append(
            d.pk.in_(
                union(
                    select(RelationSectorRow.document_pk).where(
                        RelationSectorRow.sector.in_(f.sectors)
                    ),
                    select(EventSectorRow.document_pk).where(EventSectorRow.sector.in_(f.sectors)),
                )
            )
        )
    if f.event_types or f.statuses:
        conds = []
        if f.event_types:
            conds.append(EventRow.type.in_(f.event_types))
        if f.statuses:
            conds.append(EventRow.status.in_(f.statuses))
        out.append(d.pk.in_(select(EventRow.document_pk).where(*conds)))
    if f.outlets:
        out.append(func.lower(d.outlet).in_([o.lower() for o in f.outlets]))
    if f.sources:
        out.append(
            d.pk.in_(
                select(AttributedSourceRow.document_pk).where(
                    func.lower(AttributedSourceRow.name).in_([s.lower() for s in f.sources])
                )
            )
        )
    if f.date_from or f.date_to:
        out.append(_dated_in(f.date_from, f.date_to))
    if f.undated:
        out.append(d.published.is_(None))
    if f.q and words(f.q):
        out.append(fulltext_clause(dialect, f.q))
    return out


def document_pks(f: Filters, dialect: str) -> Select[Any] | None:
    """A subquery of the filtered documents' keys, or None when nothing filters."""
    clauses = document_clauses(f, dialect)
    if not clauses:
        return None
    return select(DocumentRow.pk).where(*clauses)
