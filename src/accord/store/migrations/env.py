"""Alembic environment for the accord store.

``accord.store`` runs migrations in code on open and hands its own connection in
``config.attributes["connection"]`` (so SQLite pragmas and in-memory databases apply).
Developers can also run ``alembic -c src/accord/store/migrations/alembic.ini ...``;
then the URL comes from ``ACCORD_DB`` or the ini file.
"""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import Connection, create_engine

from accord.store.migrate import include_object
from accord.store.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        compare_type=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    url = os.environ.get("ACCORD_DB") or config.get_main_option("sqlalchemy.url")
    context.configure(
        url=url, target_metadata=target_metadata, literal_binds=True, render_as_batch=True
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    given = config.attributes.get("connection")
    if given is not None:
        _run(given)
        return
    url = os.environ.get("ACCORD_DB") or config.get_main_option("sqlalchemy.url")
    engine = create_engine(str(url))
    with engine.connect() as connection:
        _run(connection)
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
