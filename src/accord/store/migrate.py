"""Runs the Alembic migrations in code, so users never need an alembic.ini."""

from __future__ import annotations

import threading
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from accord.store.engine import WRITE

MIGRATIONS = "accord.store:migrations"
HANDMADE = ("documents_fts", "ix_documents_fts", "alembic_version")
"""Objects the migrations make by hand (search) or Alembic keeps: not in the models."""

_PG_LOCK_KEY = 0x61636F7264  # "accord": one advisory lock id for migrations
_LOCK = threading.Lock()
"""Alembic's ``context`` is a module-global proxy: two threads migrating at once clash."""


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, other: Any) -> bool:
    """Autogenerate's filter: leave the hand-made search objects alone."""
    return not (name or "").startswith(HANDMADE)


def alembic_config() -> Config:
    """An Alembic Config for the migrations shipped inside the package."""
    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    return config


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None for an empty database)."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database behind ``engine`` to ``revision`` (creating tables if new)."""
    config = alembic_config()
    if revision == "head":
        head = ScriptDirectory.from_config(config).get_current_head()
        if current_revision(engine) == head:
            return  # the common case: opening a store that is up to date
    # Another process may be migrating the same database: SQLite's BEGIN IMMEDIATE and
    # PostgreSQL's advisory lock make it wait, then Alembic finds the work done.
    with _LOCK, engine.execution_options(**{WRITE: True}).begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_LOCK_KEY})")
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
