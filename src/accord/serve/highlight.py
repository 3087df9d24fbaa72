"""A document body cut at its facts' evidence spans, for the document page.

The body is untrusted article text: it is split into plain-text pieces here, and the
template escapes every piece (Jinja2 autoescape) inside its own <mark>. No HTML is ever
built by joining body text with markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from accord.schema import Record, Span

KINDS = ("actor", "person", "organization", "quote", "amount", "event", "relation")
"""Fact kinds in the order the page lists them (and the legend names them)."""


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact of the record as the page lists it, with its evidence spans."""

    key: str  # "amount-2": kind and position, the id marks refer to
    kind: str
    label: str
    detail: str
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of body text and the facts whose evidence covers all of it."""

    text: str
    kinds: tuple[str, ...]  # distinct kinds, most specific (shortest span) first
    facts: tuple[str, ...]


def _usd(value: float | None) -> str:
    return "" if value is None else f"${value:,.0f}"


def facts_of(record: Record) -> list[Fact]:
    """Every fact of a record with a short label and its evidence spans."""
    out: list[Fact] = []
    for i, a in enumerate(record.actors):
        out.append(Fact(f"actor-{i}", "actor", a.code, f"{a.name} ({a.kind})", a.mentions))
    for i, p in enumerate(record.persons):
        detail = ", ".join(x for x in (p.title, p.actor, p.organization) if x)
        out.append(Fact(f"person-{i}", "person", p.name, detail, p.mentions))
    for i, o in enumerate(record.organizations):
        detail = ", ".join(x for x in (o.kind, o.actor) if x)
        out.append(Fact(f"organization-{i}", "organization", o.name, detail, o.mentions))
    for i, q in enumerate(record.quotes):
        who = q.speaker or "unattributed"
        out.append(Fact(f"quote-{i}", "quote", who, q.text, (q.span,)))
    for i, m in enumerate(record.amounts):
        flow = f"{m.from_ or '?'} → {m.to or '?'}"
        period = "–".join(m.period) if m.period else ""
        label = f"{m.value:,.0f} {m.currency or ''}".strip()
        what = f"level: {m.level_type or 'unclassified'}" if m.measure == "level" else m.kind
        rate = (
            f"at {m.usd_rate:.6g} USD/{m.currency} of {m.usd_rate_date} ({m.usd_source})"
            if m.value_usd is not None and m.currency != "USD"
            else m.usd_note or ""
        )
        detail = " · ".join(
            x for x in (what, flow, m.what or "", period, _usd(m.value_usd), rate) if x
        )
        out.append(Fact(f"amount-{i}", "amount", label, detail, (m.span,)))
    for i, e in enumerate(record.events):
        detail = " · ".join(
            x
            for x in (e.status, "–".join(e.actors), e.what or "", e.where or "", e.when or "")
            if x
        )
        out.append(Fact(f"event-{i}", "event", e.type, detail, (e.span,)))
    for i, r in enumerate(record.relations):
        out.append(
            Fact(f"relation-{i}", "relation", "–".join(r.actors), ", ".join(r.sectors), r.evidence)
        )
    return out


def pieces(body: str, facts: list[Fact]) -> list[Piece]:
    """The body split at every span boundary; spans outside the body are clipped.

    One sweep over the boundaries, keeping the spans open at each: the cost follows the
    number of spans and how many overlap, not spans times boundaries (a page with 5,000
    mentions is 10,000 boundaries).
    """
    n = len(body)
    spans: list[tuple[int, int, int, Fact]] = []  # (start, end, order, fact)
    for fact in facts:
        for start, end in fact.spans:
            s, e = max(0, min(start, n)), max(0, min(end, n))
            if s < e:
                spans.append((s, e, len(spans), fact))
    cuts = sorted({0, n} | {s for s, _, _, _ in spans} | {e for _, e, _, _ in spans})
    opening: dict[int, list[tuple[int, int, int, Fact]]] = {}
    for span in spans:
        opening.setdefault(span[0], []).append(span)
    open_spans: dict[int, tuple[int, int, int, Fact]] = {}
    out: list[Piece] = []
    for left, right in pairwise(cuts):
        for span in opening.get(left, ()):
            open_spans[span[2]] = span
        for order in [o for o, span in open_spans.items() if span[1] <= left]:
            del open_spans[order]
        # shortest span first; among equal lengths, the order the facts were listed in
        covering = sorted(open_spans.values(), key=lambda x: (x[1] - x[0], x[2]))
        kinds: list[str] = []
        keys: list[str] = []
        for _, _, _, fact in covering:
            if fact.kind not in kinds:
                kinds.append(fact.kind)
            if fact.key not in keys:
                keys.append(fact.key)
        out.append(Piece(body[left:right], tuple(kinds), tuple(keys)))
    return out


def document_view(record: Record) -> dict[str, Any]:
    """The pieces to render and the facts to list beside them, grouped by kind."""
    facts = facts_of(record)
    grouped: dict[str, list[Fact]] = {k: [] for k in KINDS}
    for fact in facts:
        grouped[fact.kind].append(fact)
    return {"pieces": pieces(record.body, facts), "facts": grouped}
