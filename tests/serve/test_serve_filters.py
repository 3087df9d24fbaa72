"""Every filter narrows every panel of a page alike, undated facts are counted and can be
filtered to, and text filters match whatever the case."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from accord.schema import Record
from accord.serve.app import create_app
from accord.serve.synthetic import synthetic_records
from accord.settings import Settings
from accord.store import open_store

FILTERS: list[dict[str, str]] = [
    {},
    {"actor": "KEN"},
    {"pair": "GHA,KEN"},
    {"sector": "energy"},
    {"event_type": "AGREE"},
    {"status": "planned"},
    {"outlet": "Savanna Daily"},
    {"source": "Reuters"},
    {"date_from": "2021"},
    {"date_to": "2019-06"},
    {"date_from": "2020-03", "date_to": "2020-05"},
    {"q": "solar"},
    {"undated": "1"},
    {"undated": "1", "actor": "KEN"},
    {"status": "planned", "date_from": "2022"},
]


def _undated(record: Record, n: int) -> Record:
    """A copy with no publication date and no dates on its facts."""
    return dataclasses.replace(
        record,
        id=f"undated-{n}",
        content_hash=f"sha256:{n:064d}",
        published=None,
        events=tuple(dataclasses.replace(e, when=None) for e in record.events),
        amounts=tuple(dataclasses.replace(a, period=None) for a in record.amounts),
    )


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    records = list(synthetic_records(60, seed=5))
    # events dated years before their publication: a date range can hold the event only
    records += [
        dataclasses.replace(
            r,
            id=f"late-{i}",
            content_hash=f"sha256:{i + 10**6:064d}",
            published="2024-11-02",
            events=tuple(dataclasses.replace(e, when="2015-03") for e in r.events),
        )
        for i, r in enumerate(synthetic_records(6, seed=8))
        if r.events
    ]
    records += [_undated(r, i) for i, r in enumerate(synthetic_records(12, seed=9))]
    url = f"sqlite:///{Path(tmp_path_factory.mktemp('filters')) / 'f.db'}"
    with open_store(url) as store:
        for r in records:
            store.ingest(r)
        yield TestClient(create_app(store, Settings(api_token=None)))


def _all(client: TestClient, path: str, params: dict[str, str]) -> tuple[int, list[dict[str, Any]]]:
    r = client.get(path, params={**params, "limit": "1000"})
    assert r.status_code == 200, r.text
    page = r.json()
    assert page["total"] <= 1000
    return page["total"], page["items"]


def _spec(html: str, name: str) -> dict[str, Any]:
    found = re.search(rf'id="data-{name}">(.*?)</script>', html, re.S)
    assert found, name
    spec: dict[str, Any] = json.loads(found[1])
    return spec


def _bar_total(spec: dict[str, Any]) -> float:
    return sum(sum(s["y"]) for s in spec["series"])


@pytest.mark.parametrize(
    "params", FILTERS, ids=lambda p: "&".join(f"{k}={v}" for k, v in p.items())
)
def test_every_panel_counts_the_same_view(client: TestClient, params: dict[str, str]) -> None:
    n_docs, docs = _all(client, "/api/documents", params)
    ids = {d["id"] for d in docs}
    n_events, events = _all(client, "/api/events", params)
    n_amounts, amounts = _all(client, "/api/amounts/items", params)
    _, quotes = _all(client, "/api/quotes", params)
    # the facts of a view belong to the view's documents ("0 documents but 1 event")
    assert {e["document"] for e in events} <= ids
    assert {a["document"] for a in amounts} <= ids
    assert {q["document"] for q in quotes} <= ids
    counts = client.get("/api/overview", params=params).json()["counts"]
    assert (counts["documents"], counts["events"], counts["amounts"]) == (
        n_docs,
        n_events,
        n_amounts,
    )
    html = client.get("/", params=params).text
    events_chart = _spec(html, "events")
    assert _bar_total(events_chart) + events_chart["undated"] == n_events
    sums = client.get("/api/amounts", params={**params, "by": "kind,year"}).json()["items"]
    assert sum(s["amounts"] for s in sums) == n_amounts
    assert _spec(html, "money")["undated"] == sum(s["amounts"] for s in sums if not s["year"])
    if params.get("undated"):
        assert all(e["date"] is None for e in events) and all(d["published"] is None for d in docs)
        assert all(a["period"] is None and a["published"] is None for a in amounts)
    if "date_from" in params:
        assert all(e["date"] and e["date"][:4] >= params["date_from"][:4] for e in events)


def test_filters_find_something(client: TestClient) -> None:
    """The view test above is not vacuous: the narrowing filters hold facts."""
    for params in ({"date_to": "2016"}, {"undated": "1"}, {"status": "planned"}):
        assert _all(client, "/api/events", params)[0] > 0, params
    assert _all(client, "/api/amounts/items", {"undated": "1"})[0] > 0


def test_a_date_range_holding_only_an_event_keeps_its_document(client: TestClient) -> None:
    _, events = _all(client, "/api/events", {"date_to": "2016"})
    late = {e["document"] for e in events if e["document"].startswith("late-")}
    assert late
    _, docs = _all(client, "/api/documents", {"date_to": "2016"})
    assert late <= {d["id"] for d in docs}


def test_undated_events_are_counted_shown_and_linked(client: TestClient) -> None:
    n_undated, _ = _all(client, "/api/events", {"undated": "1"})
    html = client.get("/").text
    spec = _spec(html, "events")
    assert spec["undated"] == n_undated > 0
    assert f"{n_undated} undated</a>" in html
    assert 'href="?undated=1"' in html
    actor = client.get("/actors/KEN").text
    timeline = _spec(actor, "timeline")
    _, ken_undated = _all(client, "/api/events", {"undated": "1", "actor": "KEN"})
    assert timeline["undated"] == len(ken_undated) > 0
    assert f"{len(ken_undated)} undated</a>" in actor


def test_the_status_filter_narrows_money(client: TestClient) -> None:
    everything, _ = _all(client, "/api/amounts/items", {})
    planned, amounts = _all(client, "/api/amounts/items", {"status": "planned"})
    assert 0 < planned < everything
    _, events = _all(client, "/api/events", {"status": "planned"})
    assert {a["document"] for a in amounts} <= {e["document"] for e in events}


@pytest.mark.parametrize(
    ("key", "value", "stored"),
    [
        ("outlet", "savanna DAILY", "Savanna Daily"),
        ("source", "REUTERS", "Reuters"),
        ("actor", "ken", "KEN"),
        ("sector", "Energy", "energy"),
        ("event_type", "agree", "AGREE"),
        ("status", "Planned", "planned"),
        ("pair", "", ""),
    ],
)
def test_text_filters_ignore_case(client: TestClient, key: str, value: str, stored: str) -> None:
    if key == "pair":
        edge = client.get("/api/network").json()["edges"][0]
        stored = f"{edge['a']},{edge['b']}"
        value = f"{edge['b'].lower()},{edge['a'].lower()}"
    wanted = _all(client, "/api/documents", {key: stored})
    assert wanted[0] > 0
    assert _all(client, "/api/documents", {key: value}) == wanted
    assert _all(client, "/api/events", {key: value}) == _all(client, "/api/events", {key: stored})


def test_month_charts_bin_by_month_on_a_date_axis(client: TestClient) -> None:
    spec = _spec(
        client.get("/", params={"date_from": "2021-01", "date_to": "2022-06"}).text, "events"
    )
    assert spec["unit"] == "month" and spec["title"].startswith("Events per month")
    assert spec["x_type"] == "date" and spec["period"] == "M1"
    assert all(re.fullmatch(r"\d{4}-\d{2}-01", x) for x in spec["x"])
    wide = _spec(client.get("/").text, "events")  # 2015..2025: too many months
    assert wide["unit"] == "year" and wide["title"].startswith("Events per year")
    assert all(re.fullmatch(r"\d{4}-01-01", x) for x in wide["x"])
    assert len(wide["x"]) == len(set(wide["x"]))


@pytest.mark.parametrize(
    "params", FILTERS, ids=lambda p: "&".join(f"{k}={v}" for k, v in p.items())
)
def test_actor_page_panels_agree(client: TestClient, params: dict[str, str]) -> None:
    html = client.get("/actors/KEN", params=params).text
    card = int(re.search(r"<b>(\d+)</b><span>events</span>", html)[1])  # type: ignore[index]
    timeline = _spec(html, "timeline")
    plotted = sum(len(s["x"]) for s in timeline["series"])
    assert plotted + timeline["undated"] == card
    bars = _spec(html, "events")
    assert _bar_total(bars) + bars["undated"] == card
    n_events, _ = _all(client, "/api/events", {**params, "actor": "KEN"})
    assert card == n_events
