"""Frozen fact types: what extractors produce and a Record carries.

Every span is a half-open ``(start, end)`` character offset into ``Document.body``.
Field names follow ../shared/docs/RECORD.md; ``from_`` serialises as ``from``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Span = tuple[int, int]
"""A ``[start, end)`` character range into ``Document.body``."""

Period = tuple[str, str]
"""First and last month covered, each ``YYYY-MM``."""


@dataclass(frozen=True, slots=True)
class Actor:
    """A state, region or IGO that the article talks about.

    ``code`` is ISO 3166-1 alpha-3, ISO 3166-3 for former states, ``REG:NAME`` or
    ``IGO:ACRONYM`` exactly as GOLD_FORMAT.md spells them.
    """

    code: str
    name: str
    kind: str  # "state" | "former_state" | "region" | "igo"
    mentions: tuple[Span, ...] = ()
    extractor: str = ""


@dataclass(frozen=True, slots=True)
class Person:
    """A named person of the story, with the post the text gives and the actor served."""

    name: str
    title: str | None = None
    actor: str | None = None
    organization: str | None = None
    mentions: tuple[Span, ...] = ()
    extractor: str = ""


@dataclass(frozen=True, slots=True)
class Organization:
    """A named organisation other than the page's own outlet."""

    name: str
    actor: str | None = None
    kind: str = "organization"  # ministry, company, agency, media, igo, university, ...
    mentions: tuple[Span, ...] = ()
    extractor: str = ""


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation; ``span`` covers the quoted text without its marks."""

    text: str
    speaker: str | None
    cue: str | None
    span: Span
    extractor: str = ""


@dataclass(frozen=True, slots=True)
class Amount:
    """A money figure and, where the grammar gives it, the flow it describes."""

    value: float
    currency: str | None
    value_usd: float | None
    kind: str  # export, import, trade_total, investment, loan, aid, deal, other
    from_: str | None
    to: str | None
    what: str | None
    period: Period | None
    span: Span
    extractor: str = ""


@dataclass(frozen=True, slots=True)
class Relation:
    """A pair of actors presented as cooperating or in conflict, with sectors."""

    actors: tuple[str, str]  # sorted
    sectors: tuple[str, ...] = ()
    evidence: tuple[Span, ...] = ()
    extractor: str = ""


@dataclass(frozen=True, slots=True)
class Event:
    """A PLOVER-typed event with its CAMEO code, status and evidence."""

    type: str
    cameo: str | None
    actors: tuple[str, ...]  # sorted
    source: str | None
    target: str | None
    what: str | None
    where: str | None
    when: str | None  # YYYY, YYYY-MM or YYYY-MM-DD
    status: str  # occurred | planned | intended
    span: Span
    sectors: tuple[str, ...] = ()
    extractor: str = ""


@dataclass(frozen=True, slots=True)
class Facts:
    """Everything extracted from one document, before the record stage merges it."""

    actors: tuple[Actor, ...] = ()
    persons: tuple[Person, ...] = ()
    organizations: tuple[Organization, ...] = ()
    quotes: tuple[Quote, ...] = ()
    amounts: tuple[Amount, ...] = ()
    relations: tuple[Relation, ...] = ()
    events: tuple[Event, ...] = ()
    warnings: tuple[str, ...] = field(default=())
