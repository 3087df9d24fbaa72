"""Aggregates behind the dashboard pages: overview, network, actor, pair, stories.

Read-only queries over the store's tables; every filter value is a bound parameter.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from accord.store import stories
from accord.store.base import Filters, Story
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
    RelationRow,
    RelationSectorRow,
)
from accord.store.queries.filters import document_clauses, document_pks
from accord.store.queries.lists import (
    EVENT_DATE,
    amount_clauses,
    dialect_of,
    event_clauses,
    level_counts,
    list_amounts,
    list_documents,
    list_events,
    list_quotes,
    sum_amounts,
)

MONEY_UNIT = 1_000_000.0
"""Money adds log10(1 + USD / MONEY_UNIT) to an edge's weight: $1bn weighs as 3 events."""


def _restrict(stmt: Any, column: Any, f: Filters, dialect: str) -> Any:
    pks = document_pks(f, dialect)
    return stmt if pks is None else stmt.where(column.in_(pks))


# -- facets and counts -----------------------------------------------------------------


def facets(session: Session, top: int = 200) -> dict[str, list[Any]]:
    """The values a filter bar offers: actors, outlets, sources, sectors, types, statuses."""
    docs = func.count(func.distinct(ActorRow.document_pk))
    actors = session.execute(
        select(ActorRow.code, func.max(ActorRow.name))
        .group_by(ActorRow.code)
        .order_by(docs.desc(), ActorRow.code)
        .limit(top)
    ).all()

    def distinct(column: Any) -> list[str]:
        stmt = select(column).where(column.is_not(None)).distinct().order_by(column).limit(top)
        return [v for (v,) in session.execute(stmt)]

    sectors = sorted(set(distinct(RelationSectorRow.sector)) | set(distinct(EventSectorRow.sector)))
    return {
        "actors": [{"code": c, "name": n} for c, n in actors],
        "outlets": distinct(DocumentRow.outlet),
        "sources": distinct(AttributedSourceRow.name),
        "sectors": sectors,
        "event_types": distinct(EventRow.type),
        "statuses": distinct(EventRow.status),
        "kinds": distinct(AmountRow.kind),
    }


def counts(session: Session, f: Filters) -> dict[str, Any]:
    """How many documents, actors and facts the filtered view holds.

    Money: ``amounts`` counts every figure; ``flows_usd`` gives, per kind, the USD total
    of flows (never one sum across kinds); ``levels`` counts the level figures
    (prices, rates, market sizes, budgets...), which are never summed.
    """
    dialect = dialect_of(session)
    out: dict[str, Any] = {
        "documents": int(
            session.scalar(select(func.count(DocumentRow.pk)).where(*document_clauses(f, dialect)))
            or 0
        )
    }
    for name, column, table in (
        ("actors", func.count(func.distinct(ActorRow.code)), ActorRow),
        ("persons", func.count(func.distinct(PersonRow.name)), PersonRow),
        ("quotes", func.count(QuoteRow.id), QuoteRow),
    ):
        stmt = _restrict(select(column), table.document_pk, f, dialect)
        out[name] = int(session.scalar(stmt) or 0)
    out["events"] = int(
        session.scalar(
            select(func.count(EventRow.id))
            .join(DocumentRow, DocumentRow.pk == EventRow.document_pk)
            .where(*event_clauses(f, dialect))
        )
        or 0
    )
    out["amounts"] = int(
        session.scalar(
            select(func.count(AmountRow.id))
            .join(DocumentRow, DocumentRow.pk == AmountRow.document_pk)
            .where(*amount_clauses(f, dialect))
        )
        or 0
    )
    out["flows_usd"] = [
        {"kind": i["kind"], "total_usd": i["total_usd"], "amounts": i["amounts"]}
        for i in sum_amounts(session, f, by=("kind",))
    ]
    out["levels"] = sum(i["amounts"] for i in level_counts(session, f))
    return out


def event_counts(
    session: Session, f: Filters, by: tuple[str, ...] = ("month", "type")
) -> list[dict[str, Any]]:
    """Events counted by month, year, type and/or status (for the timeline charts)."""
    columns: list[Any] = []
    for name in by:
        if name == "month":
            columns.append(func.substr(EVENT_DATE, 1, 7).label("month"))
        elif name == "year":
            columns.append(func.substr(EVENT_DATE, 1, 4).label("year"))
        elif name == "type":
            columns.append(EventRow.type.label("type"))
        elif name == "status":
            columns.append(EventRow.status.label("status"))
    stmt = (
        select(*columns, func.count(EventRow.id).label("events"))
        .join(DocumentRow, DocumentRow.pk == EventRow.document_pk)
        .where(*event_clauses(f, dialect_of(session)))
        .group_by(*columns)
        .order_by(*(c.asc().nulls_first() for c in columns))  # as SQLite orders NULLs
    )
    return [dict(row._mapping) for row in session.execute(stmt)]


def documents_by_month(session: Session, f: Filters) -> list[dict[str, Any]]:
    """How many filtered documents were published each month (undated ones left out)."""
    month = func.substr(DocumentRow.published, 1, 7)
    stmt = (
        select(month.label("month"), func.count(DocumentRow.pk).label("documents"))
        .where(DocumentRow.published.is_not(None), *document_clauses(f, dialect_of(session)))
        .group_by(month)
        .order_by(month)
    )
    return [dict(row._mapping) for row in session.execute(stmt)]


# -- network ---------------------------------------------------------------------------


def _edge_key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def network(session: Session, f: Filters, max_nodes: int = 60) -> dict[str, Any]:
    """Actors as nodes and cooperation as edges.

    An edge's weight is its events plus its relations (documents presenting the pair as
    related) plus log10(1 + USD / 1e6) of money between them; a node's weight sums its
    edges, its colour is its most frequent sector. The heaviest ``max_nodes`` are kept.
    """
    dialect = dialect_of(session)
    edges: dict[tuple[str, str], dict[str, Any]] = defaultdict(
        lambda: {"events": 0, "relations": 0, "usd": 0.0, "usd_by_kind": {}}
    )
    ea1 = EventActorRow.__table__.alias("ea1")
    ea2 = EventActorRow.__table__.alias("ea2")
    pairs = select(ea1.c.code, ea2.c.code, func.count(func.distinct(ea1.c.event_id))).join(
        ea2, (ea2.c.event_id == ea1.c.event_id) & (ea1.c.code < ea2.c.code)
    )
    clauses = event_clauses(replace(f, actors=(), pair=None), dialect)
    if clauses:  # joining events and documents costs; only for filters that need them
        pairs = (
            pairs.join(EventRow, EventRow.id == ea1.c.event_id)
            .join(DocumentRow, DocumentRow.pk == EventRow.document_pk)
            .where(*clauses)
        )
    rows = session.execute(pairs.group_by(ea1.c.code, ea2.c.code))
    for a, b, n in rows:
        edges[(a, b)]["events"] += int(n)
    r = RelationRow
    rel = select(r.actor_a, r.actor_b, func.count(func.distinct(r.document_pk))).group_by(
        r.actor_a, r.actor_b
    )
    for a, b, n in session.execute(
        _restrict(rel, r.document_pk, replace(f, actors=(), pair=None), dialect)
    ):
        edges[_edge_key(a, b)]["relations"] += int(n)
    for item in sum_amounts(session, replace(f, actors=(), pair=None), by=("pair", "kind")):
        if item["from"] and item["to"] and item["from"] != item["to"]:
            # flows only; 'usd' (all kinds, both ways) only weighs the edge, the tables
            # show 'usd_by_kind'
            edge = edges[_edge_key(item["from"], item["to"])]
            edge["usd"] += item["total_usd"]
            by_kind = edge["usd_by_kind"]
            by_kind[item["kind"]] = by_kind.get(item["kind"], 0.0) + item["total_usd"]
    wanted = set(f.actors) | set(f.pair or ())
    for edge in edges.values():
        edge["weight"] = round(
            edge["events"] + edge["relations"] + math.log10(1 + edge["usd"] / MONEY_UNIT), 3
        )
    node_weight: Counter[str] = Counter()
    for (a, b), edge in edges.items():
        if wanted and not wanted & {a, b}:
            continue
        node_weight[a] += edge["weight"]
        node_weight[b] += edge["weight"]
    keep = {code for code, _ in node_weight.most_common(max_nodes)}
    names = dict(
        session.execute(
            select(ActorRow.code, func.max(ActorRow.name))
            .where(ActorRow.code.in_(keep))
            .group_by(ActorRow.code)
        ).all()
    )
    sectors = main_sectors(session, f, keep)
    nodes = [
        {
            "code": code,
            "name": names.get(code, code),
            "weight": round(node_weight[code], 3),
            "sector": sectors.get(code),
        }
        for code in sorted(keep, key=lambda c: (-node_weight[c], c))
    ]
    edge_list = [
        {"a": a, "b": b, **edge}
        for (a, b), edge in sorted(edges.items(), key=lambda kv: (-kv[1]["weight"], kv[0]))
        if a in keep and b in keep and (not wanted or wanted & {a, b})
    ]
    return {"nodes": nodes, "edges": edge_list}


def sector_counts(session: Session, f: Filters, codes: set[str]) -> dict[str, Counter[str]]:
    """Per actor, how often each sector comes with its relations and events."""
    dialect = dialect_of(session)
    out: dict[str, Counter[str]] = defaultdict(Counter)
    if not codes:
        return out
    r, rs = RelationRow, RelationSectorRow
    for column in (r.actor_a, r.actor_b):
        stmt = (
            select(column, rs.sector, func.count())
            .join(rs, rs.relation_id == r.id)
            .where(column.in_(codes))
            .group_by(column, rs.sector)
        )
        for code, sector, n in session.execute(_restrict(stmt, r.document_pk, f, dialect)):
            out[code][sector] += int(n)
    ea, es = EventActorRow, EventSectorRow
    stmt = (
        select(ea.code, es.sector, func.count())
        .join(es, es.event_id == ea.event_id)
        .where(ea.code.in_(codes))
        .group_by(ea.code, es.sector)
    )
    for code, sector, n in session.execute(_restrict(stmt, ea.document_pk, f, dialect)):
        out[code][sector] += int(n)
    return out


def main_sectors(session: Session, f: Filters, codes: set[str]) -> dict[str, str]:
    """Each actor's most frequent sector (ties: alphabetical)."""
    return {
        code: min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        for code, counter in sector_counts(session, f, codes).items()
        if counter
    }


# -- one actor, one pair ---------------------------------------------------------------


def _officials(session: Session, f: Filters, actors: tuple[str, ...]) -> list[dict[str, Any]]:
    p = PersonRow
    docs = func.count(func.distinct(p.document_pk))
    stmt = (
        select(p.name, func.max(p.title), p.actor, docs.label("documents"))
        .where(p.actor.in_(actors))
        .group_by(p.name, p.actor)
        .order_by(docs.desc(), p.name)
        .limit(50)
    )
    rows = session.execute(_restrict(stmt, p.document_pk, f, dialect_of(session)))
    return [{"name": n, "title": t, "actor": a, "documents": int(k)} for n, t, a, k in rows.all()]


def _ranked(sectors: Counter[str]) -> list[dict[str, Any]]:
    """Sectors most frequent first, ties alphabetical (not in whatever order the database
    grouped them, which differs between backends)."""
    ordered = sorted(sectors.items(), key=lambda kv: (-kv[1], kv[0]))
    return [{"sector": s, "count": n} for s, n in ordered]


def _money(items: list[dict[str, Any]], code: str) -> dict[str, list[dict[str, Any]]]:
    """Sums split into money going out of and coming into ``code``."""
    return {
        "out": [i for i in items if i["from"] == code],
        "in": [i for i in items if i["to"] == code],
        "undirected": [i for i in items if code not in (i["from"], i["to"])],
    }


def actor_view(session: Session, code: str, f: Filters) -> dict[str, Any] | None:
    """Everything the actor page shows, or None if the store never saw the actor."""
    row = session.execute(
        select(func.max(ActorRow.name), func.max(ActorRow.kind)).where(ActorRow.code == code)
    ).one()
    if row[0] is None:
        return None
    mine = replace(f, actors=(code,))
    net = network(session, mine, max_nodes=200)
    partners = [
        {"code": e["b"] if e["a"] == code else e["a"], **e}
        for e in net["edges"]
        if code in (e["a"], e["b"])
    ]
    names = {n["code"]: n["name"] for n in net["nodes"]}
    for p in partners:
        p["name"] = names.get(p["code"], p["code"])
        del p["a"], p["b"]
    sectors = sector_counts(session, f, {code}).get(code, Counter())
    documents = list_documents(session, mine, limit=20)
    return {
        "code": code,
        "name": row[0],
        "kind": row[1],
        "documents": documents["total"],
        "partners": partners,
        "sectors": _ranked(sectors),
        "events_over_time": event_counts(session, mine, ("month", "type")),
        "timeline": list_events(session, mine, limit=500, oldest_first=True)["items"],
        "money": _money(sum_amounts(session, mine, by=("pair", "kind", "year")), code),
        "officials": _officials(session, f, (code,)),
        "quotes": list_quotes(session, f, limit=50, speaker_actors=(code,))["items"],
        "recent_documents": documents["items"],
    }


def pair_view(session: Session, a: str, b: str, f: Filters) -> dict[str, Any]:
    """Everything the pair page shows (``a`` < ``b``); empty lists if they never met."""
    both = replace(f, pair=(a, b), actors=())
    names = dict(
        session.execute(
            select(ActorRow.code, func.max(ActorRow.name))
            .where(ActorRow.code.in_((a, b)))
            .group_by(ActorRow.code)
        ).all()
    )
    r, rs = RelationRow, RelationSectorRow
    sector_rows = session.execute(
        _restrict(
            select(rs.sector, func.count())
            .join(r, r.id == rs.relation_id)
            .where(r.actor_a == a, r.actor_b == b)
            .group_by(rs.sector),
            r.document_pk,
            f,
            dialect_of(session),
        )
    ).all()
    sectors: Counter[str] = Counter({s: int(n) for s, n in sector_rows})
    officials = _officials(session, both, (a, b))
    quotes = list_quotes(session, both, limit=50, speaker_actors=(a, b))["items"]
    documents = list_documents(session, both, limit=50)
    return {
        "a": a,
        "b": b,
        "names": {a: names.get(a, a), b: names.get(b, b)},
        "documents": documents["total"],
        "sectors": _ranked(sectors),
        "events_over_time": event_counts(session, both, ("month", "type")),
        "timeline": list_events(session, both, limit=500, oldest_first=True)["items"],
        "money": sum_amounts(session, both, by=("pair", "kind", "year")),
        "money_by_kind": sum_amounts(session, both, by=("kind",)),
        "levels": list_amounts(session, replace(both, measures=("level",)), limit=50)["items"],
        "officials": officials,
        "quotes": quotes,
        "recent_documents": documents["items"],
    }


# -- stories: one text carried by several documents ---------------------------------


def _story_item(story: Story) -> dict[str, Any]:
    return {
        "story_id": story.story_id,
        "first_id": story.first_doc_id,
        "first_title": story.first_title,
        "first_outlet": story.first_outlet,
        "first_published": story.first_published,
        "count": story.count,
        "outlets": list(story.outlets),
    }


def story_list(session: Session, limit: int, offset: int = 0, min_count: int = 2) -> dict[str, Any]:
    """Stories carried by at least ``min_count`` documents, who carried each first.

    Over the whole store (stories are kept per document, not per filtered view).
    """
    found = stories.stories(session, limit, offset, min_count)
    return {
        "total": stories.count_stories(session, min_count),
        "limit": limit,
        "offset": offset,
        "items": [_story_item(s) for s in found],
    }


def document_copies(session: Session, doc_id: str) -> dict[str, Any] | None:
    """The story of ``doc_id`` and its other documents (MinHash copies, first first).

    None for an unknown id. ``first`` marks the story's first publication, which may be
    ``doc_id`` itself (then ``story.first_id`` is ``doc_id``).
    """
    if session.scalar(select(DocumentRow.pk).where(DocumentRow.doc_id == doc_id)) is None:
        return None
    story = stories.story_of(session, doc_id)
    return {
        "id": doc_id,
        "story": _story_item(story) if story is not None else None,
        "items": [
            {
                "id": c.doc_id,
                "title": c.title,
                "outlet": c.outlet,
                "published": c.published,
                "similarity": round(c.similarity, 3),
                "first": c.first,
            }
            for c in stories.copies(session, doc_id)
        ],
    }
