"""The Record: what accord emits for one document (../shared/docs/RECORD.md).

``to_dict`` and ``from_dict`` are the one place where the JSON shape is spelled out, so
the CLI, the store, the API and the evaluation all agree on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from accord.schema.document import Source
from accord.schema.facts import (
    Actor,
    Amount,
    Event,
    Organization,
    Person,
    Quote,
    Relation,
    Span,
)


@dataclass(frozen=True, slots=True)
class Record:
    """One document's facts, each pointing at its evidence in ``body``."""

    id: str
    content_hash: str
    source: Source
    title: str | None
    published: str | None
    language: str
    outlet: str | None
    attributed_sources: tuple[str, ...]
    body: str
    actors: tuple[Actor, ...] = ()
    persons: tuple[Person, ...] = ()
    organizations: tuple[Organization, ...] = ()
    quotes: tuple[Quote, ...] = ()
    amounts: tuple[Amount, ...] = ()
    relations: tuple[Relation, ...] = ()
    events: tuple[Event, ...] = ()
    warnings: tuple[str, ...] = ()
    boilerplate: tuple[str, ...] = ()


def _spans(spans: tuple[Span, ...]) -> list[list[int]]:
    return [[s, e] for s, e in spans]


def _span(span: Span) -> list[int]:
    return [span[0], span[1]]


def to_dict(record: Record) -> dict[str, Any]:
    """The record as the JSON object RECORD.md describes."""
    return {
        "id": record.id,
        "content_hash": record.content_hash,
        "source": {
            "path": record.source.path,
            "url": record.source.url,
            "format": record.source.format,
        },
        "title": record.title,
        "published": record.published,
        "language": record.language,
        "outlet": record.outlet,
        "attributed_sources": list(record.attributed_sources),
        "body": record.body,
        "actors": [
            {
                "code": a.code,
                "name": a.name,
                "kind": a.kind,
                "mentions": _spans(a.mentions),
                "extractor": a.extractor,
            }
            for a in record.actors
        ],
        "persons": [
            {
                "name": p.name,
                "title": p.title,
                "actor": p.actor,
                "organization": p.organization,
                "mentions": _spans(p.mentions),
                "extractor": p.extractor,
            }
            for p in record.persons
        ],
        "organizations": [
            {
                "name": o.name,
                "actor": o.actor,
                "kind": o.kind,
                "mentions": _spans(o.mentions),
                "extractor": o.extractor,
            }
            for o in record.organizations
        ],
        "quotes": [
            {
                "text": q.text,
                "speaker": q.speaker,
                "cue": q.cue,
                "span": _span(q.span),
                "extractor": q.extractor,
            }
            for q in record.quotes
        ],
        "amounts": [
            {
                "value": m.value,
                "currency": m.currency,
                "value_usd": m.value_usd,
                "kind": m.kind,
                "from": m.from_,
                "to": m.to,
                "what": m.what,
                "period": list(m.period) if m.period else None,
                "span": _span(m.span),
                "extractor": m.extractor,
                "measure": m.measure,
                "level_type": m.level_type,
                "usd_rate": m.usd_rate,
                "usd_rate_date": m.usd_rate_date,
                "usd_source": m.usd_source,
                "usd_note": m.usd_note,
            }
            for m in record.amounts
        ],
        "relations": [
            {
                "actors": list(r.actors),
                "sectors": list(r.sectors),
                "evidence": _spans(r.evidence),
                "extractor": r.extractor,
            }
            for r in record.relations
        ],
        "events": [
            {
                "type": e.type,
                "cameo": e.cameo,
                "actors": list(e.actors),
                "source": e.source,
                "target": e.target,
                "what": e.what,
                "where": e.where,
                "when": e.when,
                "status": e.status,
                "sectors": list(e.sectors),
                "span": _span(e.span),
                "extractor": e.extractor,
            }
            for e in record.events
        ],
        "warnings": list(record.warnings),
        "boilerplate": list(record.boilerplate),
    }


def _tspans(value: Any) -> tuple[Span, ...]:
    return tuple((int(s), int(e)) for s, e in value or ())


def _tspan(value: Any) -> Span:
    return (int(value[0]), int(value[1]))


def from_dict(data: dict[str, Any]) -> Record:
    """Rebuild a Record from its JSON object (the inverse of ``to_dict``)."""
    src = data.get("source") or {}
    return Record(
        id=data["id"],
        content_hash=data["content_hash"],
        source=Source(path=src.get("path"), url=src.get("url"), format=src.get("format", "text")),
        title=data.get("title"),
        published=data.get("published"),
        language=data.get("language", "en"),
        outlet=data.get("outlet"),
        attributed_sources=tuple(data.get("attributed_sources") or ()),
        body=data.get("body", ""),
        actors=tuple(
            Actor(
                code=a["code"],
                name=a["name"],
                kind=a["kind"],
                mentions=_tspans(a.get("mentions")),
                extractor=a.get("extractor", ""),
            )
            for a in data.get("actors") or ()
        ),
        persons=tuple(
            Person(
                name=p["name"],
                title=p.get("title"),
                actor=p.get("actor"),
                organization=p.get("organization"),
                mentions=_tspans(p.get("mentions")),
                extractor=p.get("extractor", ""),
            )
            for p in data.get("persons") or ()
        ),
        organizations=tuple(
            Organization(
                name=o["name"],
                actor=o.get("actor"),
                kind=o.get("kind", "organization"),
                mentions=_tspans(o.get("mentions")),
                extractor=o.get("extractor", ""),
            )
            for o in data.get("organizations") or ()
        ),
        quotes=tuple(
            Quote(
                text=q["text"],
                speaker=q.get("speaker"),
                cue=q.get("cue"),
                span=_tspan(q["span"]),
                extractor=q.get("extractor", ""),
            )
            for q in data.get("quotes") or ()
        ),
        amounts=tuple(
            Amount(
                value=m["value"],
                currency=m.get("currency"),
                value_usd=m.get("value_usd"),
                kind=m.get("kind", "other"),
                from_=m.get("from"),
                to=m.get("to"),
                what=m.get("what"),
                period=(m["period"][0], m["period"][1]) if m.get("period") else None,
                span=_tspan(m["span"]),
                extractor=m.get("extractor", ""),
                measure=m.get("measure", "flow"),
                level_type=m.get("level_type"),
                usd_rate=m.get("usd_rate"),
                usd_rate_date=m.get("usd_rate_date"),
                usd_source=m.get("usd_source"),
                usd_note=m.get("usd_note"),
            )
            for m in data.get("amounts") or ()
        ),
        relations=tuple(
            Relation(
                actors=(r["actors"][0], r["actors"][1]),
                sectors=tuple(r.get("sectors") or ()),
                evidence=_tspans(r.get("evidence")),
                extractor=r.get("extractor", ""),
            )
            for r in data.get("relations") or ()
        ),
        events=tuple(
            Event(
                type=e["type"],
                cameo=e.get("cameo"),
                actors=tuple(e.get("actors") or ()),
                source=e.get("source"),
                target=e.get("target"),
                what=e.get("what"),
                where=e.get("where"),
                when=e.get("when"),
                status=e.get("status", "occurred"),
                sectors=tuple(e.get("sectors") or ()),
                span=_tspan(e["span"]),
                extractor=e.get("extractor", ""),
            )
            for e in data.get("events") or ()
        ),
        warnings=tuple(data.get("warnings") or ()),
        boilerplate=tuple(data.get("boilerplate") or ()),
    )
