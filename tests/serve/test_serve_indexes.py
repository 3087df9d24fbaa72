"""Migration 0003: the dashboard's composite indexes, up and down, on SQLite and PostgreSQL
(where ACCORD_TEST_PG_URL is set), with the stored facts kept and the plans using them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from serve_data import story_records
from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine

from accord.serve.synthetic import synthetic_records
from accord.store import open_store
from accord.store.migrate import alembic_config, upgrade
from pg_schema import fresh_schema

NEW = {
    "event_actors": {
        "ix_event_actors_event_code": ["event_id", "code"],
        "ix_event_actors_code_event": ["code", "event_id"],
    },
    "event_sectors": {"ix_event_sectors_event_sector": ["event_id", "sector"]},
    "relation_sectors": {"ix_relation_sectors_relation_sector": ["relation_id", "sector"]},
}
OLD = {
    "event_actors": {"ix_event_actors_event_id": ["event_id"], "ix_event_actors_code": ["code"]},
    "event_sectors": {"ix_event_sectors_event_id": ["event_id"]},
    "relation_sectors": {"ix_relation_sectors_relation_id": ["relation_id"]},
}


def _indexes(engine: Engine) -> dict[str, dict[str, list[str]]]:
    with engine.connect() as conn:
        seen = inspect(conn)
        return {
            table: {i["name"]: list(i["column_names"]) for i in seen.get_indexes(table)}
            for table in NEW
        }


def _has(found: dict[str, dict[str, list[str]]], wanted: dict[str, dict[str, list[str]]]) -> bool:
    return all(
        found[t].get(name) == cols for t, names in wanted.items() for name, cols in names.items()
    )


def _lacks(
    found: dict[str, dict[str, list[str]]], unwanted: dict[str, dict[str, list[str]]]
) -> bool:
    return all(name not in found[t] for t, names in unwanted.items() for name in names)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'idx.db'}"
        return
    with fresh_schema("accord_idx") as pg:
        yield pg


def _migrate(engine: Engine, direction: str, revision: str) -> None:
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        getattr(command, direction)(config, revision)


def test_0003_swaps_single_for_composite_indexes_and_back(url: str) -> None:
    with open_store(url) as store:
        for record in [*synthetic_records(15, seed=2), *story_records()]:
            store.ingest(record)
        rows = store.count_rows()
        assert _has(_indexes(store.engine), NEW) and _lacks(_indexes(store.engine), OLD)
        _migrate(store.engine, "downgrade", "0002")
        assert _has(_indexes(store.engine), OLD) and _lacks(_indexes(store.engine), NEW)
        assert store.count_rows() == rows
        upgrade(store.engine)
        assert _has(_indexes(store.engine), NEW) and _lacks(_indexes(store.engine), OLD)
        assert store.count_rows() == rows
        assert [c.doc_id for c in store.copies(story_records()[1].id)] == [story_records()[0].id]


def test_sqlite_plans_use_the_composite_indexes(tmp_path: Path) -> None:
    with open_store(f"sqlite:///{tmp_path / 'plan.db'}") as store:
        for record in synthetic_records(30, seed=4):
            store.ingest(record)
        with store.engine.connect() as conn:
            conn.execute(text("ANALYZE"))
            plan = " ".join(
                str(row[3])
                for row in conn.execute(
                    text(
                        "EXPLAIN QUERY PLAN SELECT a.code, b.code, count(*) FROM event_actors a "
                        "JOIN event_actors b ON b.event_id = a.event_id AND a.code < b.code "
                        "GROUP BY a.code, b.code"
                    )
                )
            )
    assert "COVERING INDEX ix_event_actors_event_code" in plan
