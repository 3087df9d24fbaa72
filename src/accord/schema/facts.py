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
    """A money figure and, where the grammar gives it, the flow it describes.

    ``measure`` says whether the figure is money moving between parties (``flow``: trade,
    exports, imports, investment, loans, aid, deals, debt relief) or a standing figure
    (``level``: a price, exchange rate, market size, budget, debt stock or ceiling, GDP,
    a trade balance, a firm's revenue); a level has ``kind`` ``other`` and says which
    in ``level_type``. Only flows add up, and only within one kind.

    ``value_usd`` is ``value * usd_rate``: ``usd_rate`` is USD per unit of ``currency``
    on ``usd_rate_date`` from ``usd_source``; where no official rate covers the
    currency and date, ``value_usd`` and the rate are null and ``usd_note`` says why.
    """

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
    measure: str = "flow"  # flow | level
    level_type: str | None = None  # price, exchange_rate, market_size, budget, ... (levels)
    usd_rate: float | None = None  # USD per unit of currency
    usd_rate_date: str | None = None  # YYYY-MM-DD of the rate
    usd_source: str | None = None  # where the rate comes from
    usd_note: str | None = None  # why value_usd is null, where it is


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
