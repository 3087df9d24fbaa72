"""`accord serve --db parquet:DIR`: the API and the dashboard over a Parquet dataset
(written by `accord export --format parquet` from a small SQLite store) answer as the
SQLite store does, and refuse writes.

A dataset keeps no ingest order (its keys need no database), so the Parquet store numbers
documents in the order `accord load` stores them (month, publication date, id); the
SQLite store here is filled in that same order, so that lists whose ties fall back to
that order (newest first, then last stored) can be compared item by item.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from serve_data import COPY_ID, TOKEN, fake_process, story_records, xss_record
from test_serve_browser import Watched, _wait_charts, base_url_for
from typer.testing import CliRunner

from accord.cli.app import app as cli
from accord.errors import StoreError
from accord.schema import Record
from accord.serve.app import create_app
from accord.serve.headless import CHROMIUM
from accord.serve.synthetic import synthetic_records
from accord.settings import Settings
from accord.store import Store, connect, open_store
from accord.store.dataset import MANIFEST, doc_key, month_of

runner = CliRunner()


def _records() -> list[Record]:
    records = [*synthetic_records(40, seed=23), xss_record(), *story_records()]
    return sorted(
        records, key=lambda r: (month_of(r.published), r.published or "", r.id, doc_key(r))
    )


@pytest.fixture(scope="module")
def twins(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, Store, list[Record]]]:
    """(the SQLite store, the Parquet dataset exported from it, the records)."""
    folder = tmp_path_factory.mktemp("parquet-store")
    url = f"sqlite:///{folder / 'accord.db'}"
    records = _records()
    with open_store(url) as store:
        for record in records:
            store.ingest(record)
    out = folder / "dataset"
    result = runner.invoke(cli, ["export", "--format", "parquet", "--out", str(out), "--db", url])
    assert result.exit_code == 0, result.output
    assert (out / MANIFEST).is_file()
    with open_store(url, create=False) as sql, connect(f"parquet:{out}") as parquet:
        yield sql, parquet, records


def _clients(twins: tuple[Store, Store, list[Record]]) -> tuple[TestClient, TestClient]:
    sql, parquet, _ = twins
    settings = Settings(api_token=None)
    return TestClient(create_app(sql, settings)), TestClient(create_app(parquet, settings))


def _same(a: TestClient, b: TestClient, path: str) -> Any:
    ra, rb = a.get(path), b.get(path)
    assert ra.status_code == rb.status_code == 200, (path, ra.status_code, rb.status_code)
    assert ra.json() == rb.json(), path
    return ra.json()


def test_documents_pairs_and_actors_answer_as_the_sqlite_store(
    twins: tuple[Store, Store, list[Record]],
) -> None:
    sql_app, parquet_app = _clients(twins)
    records = twins[2]
    listed = _same(sql_app, parquet_app, "/api/documents?limit=1000")
    assert listed["total"] == len(records) and len(listed["items"]) == len(records)
    for path in (
        "/api/documents?limit=7&offset=5",
        "/api/documents?q=trade",
        "/api/documents?actor=KEN",
        "/api/documents?outlet=reuters&from=2020",
        "/api/events?limit=1000",
        "/api/amounts/items?limit=1000",
        "/api/amounts?by=pair,kind,year",
        "/api/quotes?limit=1000",
        "/api/overview",
        "/api/stories",
    ):
        _same(sql_app, parquet_app, path)
    actors = _same(sql_app, parquet_app, "/api/actors?limit=1000")["items"]
    assert len(actors) >= 5
    for actor in actors[:6]:
        view = _same(sql_app, parquet_app, f"/api/actors/{actor['code']}")
        assert view["documents"] == actor["documents"] > 0
    edges = _same(sql_app, parquet_app, "/api/network?max_nodes=200")["edges"]
    assert len(edges) >= 3
    for edge in edges[:6]:
        view = _same(sql_app, parquet_app, f"/api/pairs/{edge['a']}/{edge['b']}")
        assert view["timeline"] or view["money"] or view["sectors"]
    for record in records:
        one = _same(sql_app, parquet_app, f"/api/documents/{quote(record.id, safe='')}")
        assert one["id"] == record.id
        _same(sql_app, parquet_app, f"/api/documents/{quote(record.id, safe='')}/copies")
    copies = parquet_app.get(f"/api/documents/{quote(COPY_ID, safe='')}/copies").json()
    assert copies["items"], "the story's copy is found in the dataset too"


def test_search_finds_every_word_and_marks_it(twins: tuple[Store, Store, list[Record]]) -> None:
    _, parquet_app = _clients(twins)
    hits = parquet_app.get("/api/search?q=rail%20line").json()["items"]
    assert hits
    for hit in hits:
        text = parquet_app.get(f"/api/documents/{quote(hit['id'], safe='')}").json()
        words = f"{text['title']} {text['body']}".lower()
        assert "rail" in words and "line" in words
    assert any("«" in h["snippet"] for h in hits)
    assert parquet_app.get("/api/search?q=zzzqqxnotaword").json()["items"] == []


def test_writes_are_refused_and_the_dataset_stays(twins: tuple[Store, Store, list[Record]]) -> None:
    _, parquet, _ = twins
    client = TestClient(create_app(parquet, Settings(api_token=TOKEN), process=fake_process))
    before = client.get("/api/documents").json()["total"]
    r = client.post(
        "/api/documents",
        json={"text": "Kenya and Ghana signed a trade deal.", "id": "new-doc"},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert r.status_code == 405
    assert "read-only" in r.json()["detail"] and "accord load" in r.json()["detail"]
    assert "POST" not in r.headers["allow"]
    assert client.get("/api/documents").json()["total"] == before
    assert client.get("/api/documents/new-doc").status_code == 404
    assert parquet.read_only


def test_a_folder_that_is_not_a_dataset_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no dataset"):
        connect(f"parquet:{tmp_path / 'missing'}")
    (tmp_path / "half").mkdir()
    with pytest.raises(StoreError, match="not a published dataset"):
        connect(f"parquet:{tmp_path / 'half'}")


@pytest.mark.browser
def test_the_overview_and_a_document_open_in_the_browser(
    twins: tuple[Store, Store, list[Record]],
) -> None:
    if not Path(CHROMIUM).is_file():
        pytest.skip(f"no chromium at {CHROMIUM} (apt install chromium, or set ACCORD_CHROMIUM)")
    sync_api = pytest.importorskip("playwright.sync_api")
    _, parquet, records = twins
    served = base_url_for(parquet)
    base = next(served)
    doc = next(r for r in records if r.events)
    try:
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=["--no-sandbox"]
            )
            w = Watched(browser, {"width": 1280, "height": 800})
            try:
                answer = w.page.goto(base + "/")
                assert answer is not None and answer.status == 200
                _wait_charts(w.page)
                assert w.page.locator(".js-plotly-plot").count() >= 1
                answer = w.page.goto(f"{base}/documents/{quote(doc.id, safe='')}")
                assert answer is not None and answer.status == 200
                assert doc.title and doc.title in w.page.content()
                assert w.errors == [], w.errors
            finally:
                w.close()
                browser.close()
    finally:
        served.close()
