"""The migrations build exactly the tables the models describe, on each backend."""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from accord.store import Store
from accord.store.migrate import alembic_config
from accord.store.models import Base


def _ours(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    # Search objects are made by hand in the migration; alembic_version is Alembic's.
    return not (name or "").startswith(("documents_fts", "ix_documents_fts", "alembic_version"))


def test_database_is_at_head_and_matches_the_models(store: Store) -> None:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with store.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_object": _ours, "compare_type": True}
        )
        assert context.get_current_revision() == head
        assert compare_metadata(context, Base.metadata) == []


def test_every_model_table_exists(store: Store) -> None:
    assert set(store.count_rows()) == set(Base.metadata.tables)
