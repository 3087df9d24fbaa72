"""The migrations build exactly the tables the models describe, on each backend."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from accord.schema import Record
from accord.store import Store
from accord.store.migrate import alembic_config, include_object, upgrade
from accord.store.models import Base


def test_database_is_at_head_and_matches_the_models(store: Store) -> None:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with store.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_object": include_object, "compare_type": True}
        )
        assert context.get_current_revision() == head
        assert compare_metadata(context, Base.metadata) == []


def test_every_model_table_exists(store: Store) -> None:
    assert set(store.count_rows()) == set(Base.metadata.tables)


def test_downgrade_to_nothing_and_back(store: Store, record: Record) -> None:
    config = alembic_config()
    with store.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "base")
    with store.engine.connect() as conn:
        left = set(inspect(conn).get_table_names())
    assert left <= {"alembic_version"}
    upgrade(store.engine)
    store.ingest(record)
    assert [h.doc_id for h in store.search("vaccine")] == [record.id]
