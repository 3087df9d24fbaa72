"""The same API over PostgreSQL (full-text search by tsvector), where ACCORD_TEST_PG_URL is set."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from serve_data import XSS_ID, xss_record

from accord.serve.app import create_app
from accord.serve.synthetic import synthetic_records
from accord.settings import Settings
from accord.store import open_store
from pg_schema import fresh_schema

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def pg_client() -> Iterator[TestClient]:
    with fresh_schema("accord_serve") as url, open_store(url) as store:
        for record in [*synthetic_records(40, seed=5), xss_record()]:
            store.ingest(record)
        yield TestClient(create_app(store, Settings()))


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/network",
        "/actors/KEN",
        "/pairs/GHA/KEN",
        f"/documents/{XSS_ID}",
        "/api/documents?actor=KEN&sector=energy&date_from=2018-03&q=signed",
        "/api/events?status=planned",
        "/api/amounts?by=pair,month",
        "/api/actors",
        "/api/quotes/export?format=parquet",
    ],
)
def test_routes_on_postgres(pg_client: TestClient, path: str) -> None:
    assert pg_client.get(path).status_code == 200


def test_full_text_filter_on_postgres(pg_client: TestClient) -> None:
    page = pg_client.get("/api/documents", params={"q": "newsroom pages"}).json()
    assert [d["id"] for d in page["items"]] == [XSS_ID]
