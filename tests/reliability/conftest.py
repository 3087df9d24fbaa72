"""Reliability fixtures: a store on SQLite and, where ACCORD_TEST_PG_URL is set, PostgreSQL.

Each PostgreSQL test gets its own schema (dropped afterwards), so helpers and runs do
not collide.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from pg_schema import fresh_schema

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))  # concurrent_ingest


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh schema, dropped afterwards."""
    with fresh_schema("accord_rel") as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'accord.db'}"
    return str(request.getfixturevalue("pg_url"))
