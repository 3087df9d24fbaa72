"""Flow totals in the API and the dashboard: only flows, one kind at a time, on a store
built from invented articles that put prices, exchange rates, market sizes, a debt
ceiling, a trade deficit and share prices next to a loan, aid and trade figures.

On SQLite and, where ACCORD_TEST_PG_URL is set, PostgreSQL (a schema of its own)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack

import pytest
from fastapi.testclient import TestClient

import accord
from accord.schema import Record
from accord.serve.app import create_app
from accord.settings import Settings
from accord.store import open_store
from pg_schema import fresh_schema

ARTICLES = {
    "zambia-rail": (
        "Lusaka, May 14 (Wire) - China lent Zambia $1.2 billion for a railway last year. "
        "Trade between China and Zambia reached $5 billion in 2021.\n\n"
        "The euro stood at $1.364 per euro in late trading at 1800 GMT. Ministers said "
        "Africa must tap a $30 trillion global capital market, and copper traded at "
        "$9,000 a tonne.",
        "2022-05-14",
    ),
    "kenya-clinics": (
        "Nairobi, June 3 (Wire) - Japan granted Kenya $40 million in aid for clinics. "
        "Kenya's trade deficit with China widened to $6 billion.\n\n"
        "In Washington, Congress raised the debt ceiling to $31.4 trillion, and shares of "
        "Acme closed at $12 a share.",
        "2022-06-03",
    ),
}
FLOW_KINDS = {"export", "import", "trade_total", "investment", "loan", "aid", "deal", "other"}


@pytest.fixture(scope="module")
def records() -> list[Record]:
    return [
        accord.process(body, published=published, id=doc_id)
        for doc_id, (body, published) in ARTICLES.items()
    ]


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def client(
    request: pytest.FixtureRequest, records: list[Record], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    with ExitStack() as stack:
        if request.param == "sqlite":
            url = f"sqlite:///{tmp_path_factory.mktemp('money') / 'm.db'}"
        else:
            url = stack.enter_context(fresh_schema("accord_money"))
        store = stack.enter_context(open_store(url))
        for record in records:
            store.ingest(record)
        yield TestClient(create_app(store, Settings(api_token=None)))


def _flows(records: list[Record]) -> Counter[str]:
    out: Counter[str] = Counter()
    for r in records:
        for a in r.amounts:
            if a.measure == "flow":
                out[a.kind] += a.value_usd or 0.0
    return out


def test_the_articles_hold_levels_and_flows(records: list[Record]) -> None:
    measures = Counter(a.measure for r in records for a in r.amounts)
    assert measures["flow"] == 3 and measures["level"] >= 6  # loan, trade, aid
    assert {a.kind for r in records for a in r.amounts if a.measure == "level"} == {"other"}


def test_api_sums_are_flows_per_kind(client: TestClient, records: list[Record]) -> None:
    sums = client.get("/api/amounts", params={"by": "kind"}).json()
    got = {i["kind"]: i["total_usd"] for i in sums["items"]}
    expected = _flows(records)
    assert got == pytest.approx(dict(expected))
    assert got["loan"] == pytest.approx(1.2e9)
    assert got["trade_total"] == pytest.approx(5e9)
    assert got["aid"] == pytest.approx(40e6)
    assert max(got.values()) < 1e10  # no $30 trillion market, no $31.4 trillion ceiling


def test_api_never_sums_across_kinds(client: TestClient) -> None:
    for by in ("pair", "year", "pair,year", "month"):
        sums = client.get("/api/amounts", params={"by": by}).json()
        assert "kind" in sums["by"]
        assert all(i["kind"] in FLOW_KINDS for i in sums["items"])
        keys = [tuple(i.get(k) for k in sums["by"]) for i in sums["items"]]
        assert len(keys) == len(set(keys))
    pair = client.get("/api/pairs/CHN/ZMB").json()
    by_kind = {m["kind"]: m["total_usd"] for m in pair["money_by_kind"]}
    assert by_kind == pytest.approx({"loan": 1.2e9, "trade_total": 5e9})


def test_levels_are_listed_apart_with_their_type(client: TestClient, records: list[Record]) -> None:
    levels = client.get("/api/amounts/items", params={"measure": "level", "limit": 100}).json()
    want = sum(1 for r in records for a in r.amounts if a.measure == "level")
    assert levels["total"] == want
    assert all(i["measure"] == "level" and i["level_type"] for i in levels["items"])
    types = {i["level_type"] for i in levels["items"]}
    assert {"exchange_rate", "market_size", "debt_ceiling", "share_price", "balance"} <= types
    overview = client.get("/api/overview").json()["counts"]
    assert overview["levels"] == want
    assert "total_usd" not in overview
    assert {m["kind"] for m in overview["flows_usd"]} == set(_flows(records))


def test_overview_headline_says_what_it_adds(client: TestClient) -> None:
    html = client.get("/").text
    cards = re.findall(r'<div class="card money-flow"><b>([^<]+)</b><span>([^<]+)</span>', html)
    assert ("$5.0bn", "trade_total flows (USD, 1 figure)") in cards
    assert ("$1.2bn", "loan flows (USD, 1 figure)") in cards
    assert "$6.2bn" not in html and "$6.3bn" not in html  # no sum of trade and loans
    assert "in USD</span>" not in html
    assert "not summed" in html


def test_pair_page_money_between_them_is_per_kind(client: TestClient) -> None:
    html = client.get("/pairs/CHN/ZMB").text
    assert "loan flows between them" in html and "trade_total flows between them" in html
    assert "$6.2bn" not in html
    kenya = client.get("/pairs/CHN/KEN").text
    assert "no money flows between them" in kenya  # the deficit is a level
    assert "Levels (not flows" in kenya and "balance" in kenya
