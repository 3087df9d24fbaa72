"""store: the Store interface (base.py) and its backends behind one ``connect(url)``.

``sqlite:///...`` and ``postgresql+psycopg://...`` open the read-write SQL store
(``open_store``); ``parquet:DIR`` opens a Parquet dataset read-only through DuckDB.
"""

from __future__ import annotations

from accord.store.api import SqlStore, open_store
from accord.store.base import (
    Copy,
    Filters,
    Outcome,
    Page,
    ReadOnlyStoreError,
    Row,
    SearchHit,
    Store,
    Story,
    View,
)

PARQUET = "parquet:"
"""The URL prefix of a Parquet dataset: ``parquet:DIR``."""


def connect(url: str, *, create: bool = True) -> Store:
    """Open the store a URL names: a SQL database, or ``parquet:DIR`` (read-only).

    ``create`` is the SQL store's (a missing SQLite file is an error when False); a
    dataset is never created here (``accord spark`` and ``accord export`` write them).
    """
    if url.startswith(PARQUET):
        from accord.store.parquet import open_parquet

        return open_parquet(url[len(PARQUET) :])
    return open_store(url, create=create)


__all__ = [
    "PARQUET",
    "Copy",
    "Filters",
    "Outcome",
    "Page",
    "ReadOnlyStoreError",
    "Row",
    "SearchHit",
    "SqlStore",
    "Store",
    "Story",
    "View",
    "connect",
    "open_store",
]
