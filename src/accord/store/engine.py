"""Engines for the store: SQLite tuned for one writer and many readers, or PostgreSQL.

SQLite gets WAL (readers never block the writer), foreign keys on, a busy timeout, and
``BEGIN IMMEDIATE`` for write transactions: a deferred transaction that reads and then
writes can fail at once with "database is locked" instead of waiting its turn.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import StaticPool

BUSY_TIMEOUT_S = 30
WRITE = "accord_write"
"""Execution option that marks a connection as a writer (SQLite: BEGIN IMMEDIATE)."""


def _sqlite_engine(url: str) -> Engine:
    parsed = make_url(url)
    kwargs: dict[str, Any] = {
        "connect_args": {"timeout": BUSY_TIMEOUT_S, "check_same_thread": False}
    }
    in_memory = parsed.database in (None, "", ":memory:")
    if in_memory:
        kwargs["poolclass"] = StaticPool  # one connection, or each would see its own db
    engine = create_engine(url, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy's "begin" event issues BEGIN
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")  # first: WAL waits too
        if not in_memory:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get(WRITE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def make_engine(url: str) -> Engine:
    """An engine for a store URL: ``sqlite:///path.db`` or ``postgresql+psycopg://...``."""
    backend = make_url(url).get_backend_name()
    if backend == "sqlite":
        return _sqlite_engine(url)
    return create_engine(url, pool_pre_ping=True)
