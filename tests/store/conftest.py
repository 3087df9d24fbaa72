"""Store fixtures: a store on SQLite and, where ACCORD_TEST_PG_URL is set, PostgreSQL.

Each PostgreSQL test gets its own schema (dropped afterwards), so runs repeat.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

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
from accord.store import Store, open_store
from pg_schema import fresh_schema

BODY = (
    "Kenya and India agreed on Tuesday to build a vaccine plant in Nairobi, officials said. "
    "\u201cWe will produce 50 million doses a year,\u201d said Health Minister Susan "
    "Nakhumicha. India will lend $120 million to Kenya for the project over 2024-2026, "
    "the Export-Import Bank of India said in a statement carried by Reuters."
)


def _span(phrase: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = BODY.index(phrase, start + 1)
    return (start, start + len(phrase))


def make_record() -> Record:
    """A record with every kind of fact, several mentions each, and some nulls."""
    return Record(
        id="kenya-india-vaccine-plant",
        content_hash="sha256:" + "ab" * 32,
        source=Source(path="articles/kenya-india-vaccine-plant.txt", url=None, format="text"),
        title="Kenya and India to build vaccine plant",
        published="2024-03-12",
        language="en",
        outlet="Daily Nation",
        attributed_sources=("Reuters", "KNA"),
        body=BODY,
        actors=(
            Actor("KEN", "Kenya", "state", (_span("Kenya"), _span("Kenya", 1)), "actors/1"),
            Actor("IND", "India", "state", (_span("India"), _span("India", 1)), "actors/1"),
        ),
        persons=(
            Person(
                "Susan Nakhumicha",
                "Health Minister",
                "KEN",
                None,
                (_span("Susan Nakhumicha"),),
                "people/1",
            ),
        ),
        organizations=(
            Organization(
                "Export-Import Bank of India",
                "IND",
                "bank",
                (_span("Export-Import Bank of India"),),
                "orgs/1",
            ),
            Organization("Reuters", None, "media", (), "orgs/1"),
        ),
        quotes=(
            Quote(
                "We will produce 50 million doses a year,",
                "Susan Nakhumicha",
                "said",
                _span("We will produce 50 million doses a year,"),
                "quotes/1",
            ),
        ),
        amounts=(
            Amount(
                120e6,
                "USD",
                120e6,
                "loan",
                "IND",
                "KEN",
                "vaccine plant",
                ("2024-01", "2026-12"),
                _span("$120 million"),
                "money/1",
            ),
            Amount(50e6, None, None, "other", None, None, "doses", None, _span("50 million"), ""),
        ),
        relations=(
            Relation(("IND", "KEN"), ("health", "finance"), (_span("Kenya and India"),), "rel/1"),
        ),
        events=(
            Event(
                "AGREE",
                "057",
                ("IND", "KEN"),
                "KEN",
                "IND",
                "vaccine plant",
                "Nairobi",
                "2024-03-12",
                "occurred",
                _span("Kenya and India agreed on Tuesday to build a vaccine plant"),
                ("health",),
                "events/1",
            ),
            Event(
                "AID",
                None,
                ("IND", "KEN"),
                "IND",
                "KEN",
                None,
                None,
                None,
                "planned",
                _span("India will lend $120 million to Kenya"),
            ),
        ),
        warnings=("1 fact(s) dropped: evidence span outside the body",),
        boilerplate=("Subscribe to our newsletter", "Share this article"),
    )


@pytest.fixture
def record() -> Record:
    return make_record()


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh schema, dropped afterwards."""
    with fresh_schema("accord_test") as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: os.PathLike[str]) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{os.path.join(tmp_path, 'accord.db')}"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as opened:
        yield opened
