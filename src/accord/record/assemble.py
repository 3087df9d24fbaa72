"""Assembles a Record from a Document and its Facts: merge, sort, validate spans."""

from __future__ import annotations

from accord.schema import Document, Facts, Record, Span


def _valid(span: Span, size: int) -> bool:
    return 0 <= span[0] <= span[1] <= size


def build_record(document: Document, facts: Facts) -> Record:
    """The record for one document; facts whose evidence falls outside the body are
    dropped with a warning rather than stored pointing at nothing."""
    size = len(document.body)
    warnings = list(document.warnings) + list(facts.warnings)
    quotes = tuple(q for q in facts.quotes if _valid(q.span, size))
    amounts = tuple(a for a in facts.amounts if _valid(a.span, size))
    events = tuple(e for e in facts.events if _valid(e.span, size))
    dropped = (
        len(facts.quotes)
        - len(quotes)
        + len(facts.amounts)
        - len(amounts)
        + len(facts.events)
        - len(events)
    )
    if dropped:
        warnings.append(f"{dropped} fact(s) dropped: evidence span outside the body")
    return Record(
        id=document.id,
        content_hash=document.content_hash,
        source=document.source,
        title=document.title,
        published=document.published,
        language=document.language,
        outlet=document.outlet,
        attributed_sources=document.attributed_sources,
        body=document.body,
        actors=facts.actors,
        persons=facts.persons,
        organizations=facts.organizations,
        quotes=quotes,
        amounts=amounts,
        relations=facts.relations,
        events=events,
        warnings=tuple(warnings),
        boilerplate=document.boilerplate,
    )
