"""Scores of records against gold, per document and micro-averaged over documents.

Metric names are stable: floors (eval/floors.json) and reports refer to them.

Item lists, scored with precision, recall and F1 (``NAME_precision``, ``NAME_recall``,
``NAME_f1``), each gold item matched to at most one predicted item:
- ``actors``: the set of actor codes.
- ``persons``: normalised full names (case, accents and punctuation ignored; a middle
  initial may differ or be missing; a surname alone does not match a full name).
- ``organizations``: normalised names, ignoring a leading "the" and trailing Ltd/Inc/Co.
- ``quotes``: the predicted text (whitespace collapsed) begins with the gold ``starts``,
  or contains it within its first five characters.
- ``amounts``: value within 1 % and the same currency.
- ``relations``: the same sorted pair of actors.
- ``events``: the same type and the same set of actors; among candidates, the one that
  also agrees on status and ``when`` is taken first.
- ``attributed_sources``: the set of normalised credited source names.
- ``relation_sectors``: sector labels of matched relations, pooled (micro label F1).
- ``event_dyads``: events matched on the set of actors alone, whatever their type: the
  dyad a GDELT-style coder gets right before it picks a code.
- ``speakers``, ``person_actors``, ``person_titles``: the attribute of matched quotes or
  persons as an item, so that its errors split into spurious and missed: a predicted
  speaker (actor, title) that is not the gold one is a false positive, a gold one not
  predicted a false negative; null is no item on either side.

Accuracies over matched pairs (a metric without any pair is n/a, reported as None):
``person_title_accuracy`` (case, "the" and spacing ignored), ``person_actor_accuracy``,
``quote_speaker_accuracy`` (null equals null), ``amount_kind_accuracy``,
``amount_direction_accuracy`` (from and to; order-free for trade_total),
``amount_period_accuracy``, ``event_status_accuracy``, ``event_when_accuracy``, and
``event_type_accuracy`` (over the pairs matched as ``event_dyads``).

Per document: ``outlet_accuracy`` (null equals null); ``boilerplate_removed``, the share
of gold boilerplate lines removed, where a line counts as removed when the body has fewer
lines equal to it (both stripped) than the raw text has; ``body_kept``, the share of gold
``body_keep`` fragments found in the body, whitespace runs collapsed on both sides.

A document the pipeline failed on scores as an empty record: every gold item missed,
nothing of the body kept, no boilerplate removed, the outlet wrong.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from accord.evaluate.gold import Gold, GoldAmount, GoldEvent, GoldPerson, GoldQuote
from accord.evaluate.match import (
    collapse,
    greedy_pairs,
    normal_outlet,
    normal_title,
    quote_matches,
    same_amount,
    same_organization,
    same_person,
)
from accord.schema import Amount, Event, Person, Quote, Record

G = TypeVar("G")
P = TypeVar("P")

LISTS = (
    "actors",
    "persons",
    "organizations",
    "quotes",
    "amounts",
    "relations",
    "events",
    "attributed_sources",
    "relation_sectors",
    "event_dyads",
    "speakers",
    "person_actors",
    "person_titles",
)
SHARES = (
    "boilerplate_removed",
    "body_kept",
    "outlet_accuracy",
    "person_title_accuracy",
    "person_actor_accuracy",
    "quote_speaker_accuracy",
    "amount_kind_accuracy",
    "amount_direction_accuracy",
    "amount_period_accuracy",
    "event_status_accuracy",
    "event_when_accuracy",
    "event_type_accuracy",
)


def metric_names() -> list[str]:
    """Every metric a report carries, in report order."""
    names = list(SHARES[:3])
    for name in LISTS:
        names += [f"{name}_precision", f"{name}_recall", f"{name}_f1"]
    return names + list(SHARES[3:])


@dataclass(slots=True)
class Counts:
    """True positives, false positives and false negatives of one item list."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else None


@dataclass(slots=True)
class Share:
    """How many of ``total`` judged things were right."""

    correct: int = 0
    total: int = 0

    def add(self, other: Share) -> None:
        self.correct += other.correct
        self.total += other.total

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None


@dataclass(slots=True)
class DocScore:
    """One document's counts, and in words what was missed, spurious or wrong."""

    id: str
    gold_path: str
    text_path: str
    error: str | None = None
    counts: dict[str, Counts] = field(default_factory=lambda: {n: Counts() for n in LISTS})
    shares: dict[str, Share] = field(default_factory=lambda: {n: Share() for n in SHARES})
    detail: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def note(self, metric: str, kind: str, what: str) -> None:
        self.detail.setdefault(metric, {}).setdefault(kind, []).append(what)

    def metrics(self) -> dict[str, float | None]:
        return _metrics(self.counts, self.shares)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "gold": self.gold_path,
            "text": self.text_path,
            "error": self.error,
            "metrics": self.metrics(),
            "counts": {n: {"tp": c.tp, "fp": c.fp, "fn": c.fn} for n, c in self.counts.items()},
            "shares": {n: {"correct": s.correct, "total": s.total} for n, s in self.shares.items()},
            "detail": self.detail,
        }


def _metrics(counts: dict[str, Counts], shares: dict[str, Share]) -> dict[str, float | None]:
    values: dict[str, float | None] = {}
    for name in metric_names():
        if name in shares:
            values[name] = shares[name].value
            continue
        base, _, kind = name.rpartition("_")
        c = counts[base]
        values[name] = (
            c.precision if kind == "precision" else c.recall if kind == "recall" else c.f1
        )
    return values


@dataclass(slots=True)
class Summary:
    """Micro-averaged scores over documents, with the per-document scores kept."""

    documents: list[DocScore]
    counts: dict[str, Counts]
    shares: dict[str, Share]

    def metrics(self) -> dict[str, float | None]:
        return _metrics(self.counts, self.shares)


def summarise(documents: Iterable[DocScore]) -> Summary:
    """Pool counts over documents (micro average)."""
    docs = list(documents)
    counts = {n: Counts() for n in LISTS}
    shares = {n: Share() for n in SHARES}
    for doc in docs:
        for n, c in doc.counts.items():
            counts[n].add(c)
        for n, s in doc.shares.items():
            shares[n].add(s)
    return Summary(docs, counts, shares)


def _match(
    score: DocScore,
    metric: str,
    gold: Sequence[G],
    pred: Sequence[P],
    matches: Callable[[G, P], bool],
    label_gold: Callable[[G], str],
    label_pred: Callable[[P], str],
    preference: Callable[[G, P], float] = lambda g, p: 0.0,
) -> list[tuple[G, P]]:
    pairs = greedy_pairs(gold, pred, matches, preference)
    hit_g = {gi for gi, _ in pairs}
    hit_p = {pi for _, pi in pairs}
    counts = score.counts[metric]
    counts.tp += len(pairs)
    counts.fn += len(gold) - len(hit_g)
    counts.fp += len(pred) - len(hit_p)
    for gi, g in enumerate(gold):
        if gi not in hit_g:
            score.note(metric, "missed", label_gold(g))
    for pi, p in enumerate(pred):
        if pi not in hit_p:
            score.note(metric, "spurious", label_pred(p))
    return [(gold[gi], pred[pi]) for gi, pi in pairs]


def _judge(
    score: DocScore,
    metric: str,
    pairs: Sequence[tuple[G, P]],
    right: Callable[[G, P], bool],
    describe: Callable[[G, P], str],
) -> None:
    share = score.shares[metric]
    for g, p in pairs:
        share.total += 1
        if right(g, p):
            share.correct += 1
        else:
            score.note(metric, "wrong", describe(g, p))


def _attribute(
    score: DocScore,
    metric: str,
    values: Iterable[tuple[str, str | None, str | None]],
    same: Callable[[str, str], bool],
) -> None:
    """Count an attribute of matched pairs (what, gold value, predicted value) as items."""
    counts = score.counts[metric]
    for what, gold, pred in values:
        right = gold is not None and pred is not None and same(gold, pred)
        if right:
            counts.tp += 1
            continue
        if pred is not None:
            counts.fp += 1
            score.note(metric, "spurious", f"{what}: {pred!r} (gold {gold!r})")
        if gold is not None:
            counts.fn += 1
            score.note(metric, "missed", f"{what}: {gold!r} (got {pred!r})")


def _set_match(score: DocScore, metric: str, gold: Iterable[str], pred: Iterable[str]) -> None:
    g, p = sorted(set(gold)), sorted(set(pred))
    _match(score, metric, g, p, str.__eq__, str, str)


def _same_speaker(gold: str | None, pred: str | None) -> bool:
    if gold is None or pred is None:
        return gold is pred
    return same_person(gold, pred) or same_organization(gold, pred)


def _direction_ok(g: GoldAmount, p: Amount) -> bool:
    if g.kind == "trade_total":
        return sorted([g.from_ or "", g.to or ""]) == sorted([p.from_ or "", p.to or ""])
    return (g.from_, g.to) == (p.from_, p.to)


def _period_ok(g: GoldAmount, p: Amount) -> bool:
    return (tuple(g.period) if g.period else None) == (tuple(p.period) if p.period else None)


def _amount_label(value: float, currency: str | None, kind: str) -> str:
    return f"{value:,.0f} {currency or '?'} {kind}"


def _line_counts(text: str) -> Counter[str]:
    return Counter(line.strip() for line in text.splitlines())


def _score_cleaning(score: DocScore, gold: Gold, body: str, raw: str) -> None:
    raw_lines, body_lines = _line_counts(raw), _line_counts(body)
    removed = score.shares["boilerplate_removed"]
    for line in gold.boilerplate:
        key = line.strip()
        removed.total += 1
        if body_lines[key] < raw_lines[key]:
            removed.correct += 1
        else:
            score.note("boilerplate_removed", "kept", key)
    flat = collapse(body)
    kept = score.shares["body_kept"]
    for fragment in gold.body_keep:
        kept.total += 1
        if collapse(fragment) in flat:
            kept.correct += 1
        else:
            score.note("body_kept", "lost", fragment)


def score_document(gold: Gold, record: Record, raw: str, text_path: str = "") -> DocScore:
    """Every metric of one record against its gold; ``raw`` is the text as read."""
    score = DocScore(id=gold.id, gold_path=gold.path, text_path=text_path)
    _score_cleaning(score, gold, record.body, raw)

    outlet = score.shares["outlet_accuracy"]
    outlet.total = 1
    if normal_outlet(gold.outlet) == normal_outlet(record.outlet):
        outlet.correct = 1
    else:
        score.note("outlet_accuracy", "wrong", f"gold {gold.outlet!r}, got {record.outlet!r}")

    _set_match(score, "actors", gold.actors, (a.code for a in record.actors))
    _set_match(
        score,
        "attributed_sources",
        (normal_outlet(s) or "" for s in gold.attributed_sources),
        (normal_outlet(s) or "" for s in record.attributed_sources),
    )

    persons: list[tuple[GoldPerson, Person]] = _match(
        score,
        "persons",
        gold.persons,
        record.persons,
        lambda g, p: same_person(g.name, p.name),
        lambda g: g.name,
        lambda p: p.name,
        lambda g, p: float(g.name == p.name),
    )
    _judge(
        score,
        "person_title_accuracy",
        persons,
        lambda g, p: normal_title(g.title) == normal_title(p.title),
        lambda g, p: f"{g.name}: gold {g.title!r}, got {p.title!r}",
    )
    _judge(
        score,
        "person_actor_accuracy",
        persons,
        lambda g, p: g.actor == p.actor,
        lambda g, p: f"{g.name}: gold {g.actor}, got {p.actor}",
    )
    _attribute(score, "person_actors", ((g.name, g.actor, p.actor) for g, p in persons), str.__eq__)
    _attribute(
        score,
        "person_titles",
        ((g.name, normal_title(g.title), normal_title(p.title)) for g, p in persons),
        str.__eq__,
    )

    _match(
        score,
        "organizations",
        gold.organizations,
        record.organizations,
        lambda g, p: same_organization(g.name, p.name),
        lambda g: g.name,
        lambda p: p.name,
        lambda g, p: float(g.name == p.name),
    )

    quotes: list[tuple[GoldQuote, Quote]] = _match(
        score,
        "quotes",
        gold.quotes,
        record.quotes,
        lambda g, p: quote_matches(g.starts, p.text),
        lambda g: g.starts,
        lambda p: collapse(p.text)[:60],
        lambda g, p: float(_same_speaker(g.speaker, p.speaker)),
    )
    _judge(
        score,
        "quote_speaker_accuracy",
        quotes,
        lambda g, p: _same_speaker(g.speaker, p.speaker),
        lambda g, p: f"{g.starts[:40]}: gold {g.speaker!r}, got {p.speaker!r}",
    )
    _attribute(
        score,
        "speakers",
        ((g.starts[:40], g.speaker, p.speaker) for g, p in quotes),
        _same_speaker,
    )

    amounts: list[tuple[GoldAmount, Amount]] = _match(
        score,
        "amounts",
        gold.amounts,
        record.amounts,
        lambda g, p: same_amount(g.value, g.currency, p.value, p.currency),
        lambda g: _amount_label(g.value, g.currency, g.kind),
        lambda p: _amount_label(p.value, p.currency, p.kind),
        lambda g, p: (g.kind == p.kind) + 0.5 * _direction_ok(g, p) + 0.25 * _period_ok(g, p),
    )
    label = _amount_label
    _judge(
        score,
        "amount_kind_accuracy",
        amounts,
        lambda g, p: g.kind == p.kind,
        lambda g, p: f"{label(g.value, g.currency, g.kind)}: got {p.kind}",
    )
    _judge(
        score,
        "amount_direction_accuracy",
        amounts,
        _direction_ok,
        lambda g, p: (
            f"{label(g.value, g.currency, g.kind)}: gold {g.from_}->{g.to}, got {p.from_}->{p.to}"
        ),
    )
    _judge(
        score,
        "amount_period_accuracy",
        amounts,
        _period_ok,
        lambda g, p: f"{label(g.value, g.currency, g.kind)}: gold {g.period}, got {p.period}",
    )

    relations = _match(
        score,
        "relations",
        gold.relations,
        record.relations,
        lambda g, p: g.actors == tuple(sorted(p.actors)),
        lambda g: "-".join(g.actors),
        lambda p: "-".join(sorted(p.actors)),
    )
    sectors = score.counts["relation_sectors"]
    for g, p in relations:
        gs, ps = set(g.sectors), set(p.sectors)
        sectors.tp += len(gs & ps)
        sectors.fn += len(gs - ps)
        sectors.fp += len(ps - gs)
        pair = "-".join(g.actors)
        for s in sorted(gs - ps):
            score.note("relation_sectors", "missed", f"{pair}: {s}")
        for s in sorted(ps - gs):
            score.note("relation_sectors", "spurious", f"{pair}: {s}")

    events: list[tuple[GoldEvent, Event]] = _match(
        score,
        "events",
        gold.events,
        record.events,
        lambda g, p: g.type == p.type and g.actors == tuple(sorted(set(p.actors))),
        lambda g: f"{g.type} {'-'.join(g.actors)} {g.status} {g.when}: {g.what}",
        lambda p: f"{p.type} {'-'.join(sorted(set(p.actors)))} {p.status} {p.when}: {p.what}",
        lambda g, p: float(g.status == p.status) + float(g.when == p.when),
    )
    _judge(
        score,
        "event_status_accuracy",
        events,
        lambda g, p: g.status == p.status,
        lambda g, p: f"{g.type} {g.what}: gold {g.status}, got {p.status}",
    )
    _judge(
        score,
        "event_when_accuracy",
        events,
        lambda g, p: g.when == p.when,
        lambda g, p: f"{g.type} {g.what}: gold {g.when}, got {p.when}",
    )
    dyads: list[tuple[GoldEvent, Event]] = _match(
        score,
        "event_dyads",
        gold.events,
        record.events,
        lambda g, p: g.actors == tuple(sorted(set(p.actors))),
        lambda g: f"{'-'.join(g.actors)}: {g.what}",
        lambda p: f"{'-'.join(sorted(set(p.actors)))}: {p.what}",
        lambda g, p: float(g.type == p.type),
    )
    _judge(
        score,
        "event_type_accuracy",
        dyads,
        lambda g, p: g.type == p.type,
        lambda g, p: f"{'-'.join(g.actors)} {g.what}: gold {g.type}, got {p.type}",
    )
    return score


def score_failure(gold: Gold, reason: str, text_path: str = "") -> DocScore:
    """A document the pipeline could not process: all gold counts as missed."""
    score = DocScore(id=gold.id, gold_path=gold.path, text_path=text_path, error=reason)
    score.shares["boilerplate_removed"].total = len(gold.boilerplate)
    score.shares["body_kept"].total = len(gold.body_keep)
    score.shares["outlet_accuracy"].total = 1
    score.counts["actors"].fn = len(set(gold.actors))
    score.counts["attributed_sources"].fn = len(set(gold.attributed_sources))
    score.counts["persons"].fn = len(gold.persons)
    score.counts["organizations"].fn = len(gold.organizations)
    score.counts["quotes"].fn = len(gold.quotes)
    score.counts["amounts"].fn = len(gold.amounts)
    score.counts["relations"].fn = len(gold.relations)
    score.counts["events"].fn = len(gold.events)
    score.counts["event_dyads"].fn = len(gold.events)
    score.counts["speakers"].fn = sum(q.speaker is not None for q in gold.quotes)
    score.counts["person_actors"].fn = sum(p.actor is not None for p in gold.persons)
    score.counts["person_titles"].fn = sum(normal_title(p.title) is not None for p in gold.persons)
    return score
