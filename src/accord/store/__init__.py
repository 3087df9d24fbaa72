"""store: the Store interface (base.py) and its backends behind one ``connect(url)``."""

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


def connect(url: str, *, create: bool = True) -> Store:
    """Open the store a URL names (``create``: see ``open_store``)."""
    return open_store(url, create=create)


__all__ = [
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
