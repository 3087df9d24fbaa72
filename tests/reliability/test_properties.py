"""Properties that hold for any text (hypothesis): spans point into the body, the
cleaner is idempotent, records survive JSON and store round trips, extraction never
raises, money values are finite. Examples are few and bounded so the suite stays fast;
the spaCy model is loaded once (the session's ``nlp`` fixture)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.clean.cleaner import clean
from accord.errors import CleanError
from accord.extract.money_parse import find_money
from accord.extract.run import extract_facts
from accord.parse import parse
from accord.record.assemble import build_record
from accord.schema import RawDocument, Record, Source, from_dict, to_dict
from accord.store import open_store
from pg_schema import fresh_schema

pytestmark = pytest.mark.usefixtures("nlp")

FRAGMENTS = [
    "Kenya", "Uganda", "China", "the European Union", "India's", "President Xi Jinping",
    " said ", " signed a trade agreement with ", " lent ", "$5 million", "€2bn", "KSh 3bn",
    "9" * 40, " dollars", " trillion", "“", "”", '"', "‘", "’", "\n", "\n\n", "  ",
    ", ", ". ", " in 2023", " on Monday", "-", "—", "(", ")", "Reuters", "AFP", "é", "\u200f",
    "Photo: AP", "Read more", "اتفاق", "\t", "1e308", "0", ",000",
]  # fmt: skip
NEWSLIKE = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), min_size=1, max_size=60
).map("".join)
BOUNDED = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _record(text: str) -> Record | None:
    raw = RawDocument(text=text, source=Source(format="text"), id="prop")
    try:
        document = clean(raw)
    except CleanError:
        return None  # empty or all page furniture: one clear error, not a record
    return build_record(document, extract_facts(document, parse(document.body)))


def _spans(record: Record) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for group in (record.actors, record.persons, record.organizations):
        for fact in group:
            out.extend(fact.mentions)
    out.extend(q.span for q in record.quotes)
    out.extend(a.span for a in record.amounts)
    out.extend(e.span for e in record.events)
    for relation in record.relations:
        out.extend(relation.evidence)
    return out


@BOUNDED
@given(NEWSLIKE)
def test_extraction_never_raises_and_every_span_points_into_the_body(text: str) -> None:
    record = _record(text)
    if record is None:
        return
    body = record.body
    for start, end in _spans(record):
        assert 0 <= start < end <= len(body), (start, end, len(body))
        assert body[start:end].strip(), (start, end)
    for quote in record.quotes:
        assert body[quote.span[0] : quote.span[1]] == quote.text
    for amount in record.amounts:
        assert math.isfinite(amount.value)
        assert amount.value_usd is None or math.isfinite(amount.value_usd)


@BOUNDED
@given(NEWSLIKE)
def test_cleaning_is_idempotent(text: str) -> None:
    try:
        once = clean(RawDocument(text=text, source=Source(format="text"))).body
    except CleanError:
        return
    twice = clean(RawDocument(text=once, source=Source(format="text"))).body
    assert twice == once


@BOUNDED
@given(NEWSLIKE)
def test_a_record_survives_a_json_round_trip(text: str) -> None:
    record = _record(text)
    if record is not None:
        assert from_dict(json.loads(json.dumps(to_dict(record), allow_nan=False))) == record


@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(NEWSLIKE)
def test_a_record_survives_a_sqlite_store_round_trip(tmp_path: Path, text: str) -> None:
    record = _record(text)
    if record is None:
        return
    with open_store(f"sqlite:///{tmp_path / 'prop.db'}") as store:
        store.ingest(record, raw=text, extractor_version="property test")
        assert store.get(record.id) == record


@pytest.mark.postgres
@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(NEWSLIKE)
def test_a_record_survives_a_postgres_store_round_trip(text: str) -> None:
    """The same property on the PostgreSQL server (a fresh schema per example)."""
    record = _record(text)
    if record is None:
        return
    with fresh_schema("accord_prop") as url, open_store(url) as store:
        store.ingest(record, raw=text, extractor_version="property test")
        assert store.get(record.id) == record


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*FRAGMENTS, "9", "99999", ".", "e", "bn", " "]), max_size=40))
def test_money_values_are_always_finite(parts: list[str]) -> None:
    warnings: list[str] = []
    for match in find_money("".join(parts), warnings):
        assert math.isfinite(match.value) and 0 <= match.value <= 1e18
        assert match.upper is None or math.isfinite(match.upper)
