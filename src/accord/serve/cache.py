"""Aggregate views (network, counts, actor and pair pages) remembered until the store changes.

The dashboard asks the same few questions again and again, and their answers change
only when a document is added, replaced or removed. The store's generation (documents,
newest ``updated_at``, highest key) is one cheap query; while it stays the same, a view
computed for the same filters is served from memory.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from accord.store import Store
from accord.store.models import DocumentRow

T = TypeVar("T")


def generation(session: Session) -> tuple[Any, ...]:
    """What changes whenever a document is added, replaced or deleted."""
    row = session.execute(
        select(
            func.count(DocumentRow.pk), func.max(DocumentRow.updated_at), func.max(DocumentRow.pk)
        )
    ).one()
    return tuple(row)


class ViewCache:
    """A small LRU of view results, emptied when the store's generation moves."""

    def __init__(self, store: Store, size: int = 256) -> None:
        self.store = store
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._generation: tuple[Any, ...] | None = None
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[Session], T]) -> T:
        """The cached result for ``key``, or ``compute(session)`` stored under it."""
        with self.store.session() as session:
            now = generation(session)
            with self._lock:
                if now != self._generation:
                    self._items.clear()
                    self._generation = now
                if key in self._items:
                    self._items.move_to_end(key)
                    cached: T = self._items[key]
                    return cached
            value = compute(session)
        with self._lock:
            if self._generation == now:
                self._items[key] = value
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
        return value
