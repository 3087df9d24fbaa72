"""A store for the serve tests: the public corpus as main extracts it, plus invented records.

The records are also kept in memory, so tests compute what the API should answer from
the same Records with plain Python and compare.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from serve_data import TOKEN, Filled, fake_process, hostile_record, story_records, xss_record

from accord.schema import Record
from accord.serve.app import create_app
from accord.serve.synthetic import synthetic_records
from accord.settings import Settings
from accord.store import Store, open_store


def _corpus_records(shared: Path) -> list[Record]:
    from accord.pipeline import process_stream
    from accord.read.sources import iter_raw

    folders = [shared / "corpus" / name for name in ("dev", "africa", "trade")]
    out = []
    for item in process_stream(iter_raw([f for f in folders if f.is_dir()])):
        if isinstance(item, Record):
            out.append(item)
    return out


def _shared_dir(request: pytest.FixtureRequest) -> Path | None:
    given = os.environ.get("ACCORD_SHARED")
    if given:
        return Path(given) if Path(given).is_dir() else None
    here = Path(__file__).resolve().parents[3] / "shared"
    return here if here.is_dir() else None


@pytest.fixture(scope="session")
def filled(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Filled:
    """A SQLite store with the corpus (when ../shared is there) and invented records: 80
    synthetic ones, one carrying markup, and a story with a copy under another outlet."""
    shared = _shared_dir(request)
    corpus = _corpus_records(shared) if shared else []
    records = [*corpus, *synthetic_records(80, seed=11), xss_record(), *story_records()]
    url = f"sqlite:///{tmp_path_factory.mktemp('serve') / 'accord.db'}"
    with open_store(url) as store:
        for record in records:
            store.ingest(record)
    return Filled(url=url, records=records, corpus=corpus)


@pytest.fixture(scope="session")
def store(filled: Filled) -> Iterator[Store]:
    with open_store(filled.url) as opened:
        yield opened


@pytest.fixture(scope="session")
def client(store: Store) -> TestClient:
    """A read-only app (no token configured)."""
    return TestClient(create_app(store, Settings(api_token=None)))


@pytest.fixture()
def writer(tmp_path: Path) -> Iterator[TestClient]:
    """An app over its own empty store that accepts writes with TOKEN."""
    with open_store(f"sqlite:///{tmp_path / 'w.db'}") as fresh:
        yield TestClient(create_app(fresh, Settings(api_token=TOKEN), process=fake_process))


@pytest.fixture(scope="session")
def hostile_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A store of its own with markup in every field of one record (HOSTILE_ID), apart
    from ``filled`` so its actors do not move the shared store's network layout."""
    url = f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'accord.db'}"
    with open_store(url) as opened:
        for record in [*synthetic_records(20, seed=4), xss_record(), hostile_record()]:
            opened.ingest(record)
        yield opened
