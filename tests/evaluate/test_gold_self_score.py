"""Gold scored against itself scores 1.0 on every metric: the matching rules agree with
the real gold files (e.g. every boilerplate line is an exact line of its raw text)."""

from __future__ import annotations

from pathlib import Path

from accord.evaluate import load_gold, pair_files, score_document
from accord.evaluate.gold import Gold
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
)

DATA = Path(__file__).parent / "data"


def _perfect_record(gold: Gold, raw: str) -> Record:
    drop = {line.strip() for line in gold.boilerplate}
    body = "\n".join(line for line in raw.splitlines() if line.strip() not in drop)
    return Record(
        id=gold.id,
        content_hash="sha256:0",
        source=Source(),
        title=None,
        published=gold.published,
        language="en",
        outlet=gold.outlet,
        attributed_sources=gold.attributed_sources,
        body=body,
        actors=tuple(Actor(code, code, "state") for code in gold.actors),
        persons=tuple(Person(p.name, p.title, p.actor) for p in gold.persons),
        organizations=tuple(Organization(o.name, o.actor) for o in gold.organizations),
        quotes=tuple(Quote(q.starts + " and so on", q.speaker, None, (0, 0)) for q in gold.quotes),
        amounts=tuple(
            Amount(a.value, a.currency, None, a.kind, a.from_, a.to, a.what, a.period, (0, 0))
            for a in gold.amounts
        ),
        relations=tuple(Relation(r.actors, r.sectors) for r in gold.relations),
        events=tuple(
            Event(e.type, None, e.actors, None, None, e.what, e.where, e.when, e.status, (0, 0))
            for e in gold.events
        ),
    )


def _check(corpus: Path, gold_dir: Path) -> None:
    pairing = pair_files(corpus, gold_dir)
    assert pairing.unmatched_gold == ()
    for gold_path, text in pairing.pairs:
        gold = load_gold(gold_path)
        raw = text.read_text(encoding="utf-8")
        metrics = score_document(gold, _perfect_record(gold, raw), raw).metrics()
        below = {k: v for k, v in metrics.items() if v is not None and v != 1.0}
        assert below == {}, gold.id


def test_our_gold_scores_perfectly_against_itself() -> None:
    _check(DATA / "corpus", DATA / "gold")


def test_public_gold_scores_perfectly_against_itself(shared: Path) -> None:
    _check(shared / "corpus", shared / "gold")
