"""Aggregate views (network, counts, actor and pair pages) remembered until the store changes.

The dashboard asks the same few questions again and again, and their answers change
only when a document is added, replaced or removed. The store's generation
(``Store.generation``; for SQL: documents, newest ``updated_at``, highest key) is one
cheap query; while it stays the same, a view computed for the same filters is served
from memory.

During an ingest the generation moves with every document, and emptying the cache each
time made every request recompute its view (the overview page went from milliseconds to
most of a second at the 99th percentile). So each view is tagged with the generation it
was computed under and nothing is thrown away when the generation moves:

- the generation is read at most once every ``fresh_for`` seconds, so a view shows new
  documents at most ``fresh_for`` seconds (plus the time to compute it) after they are
  stored (``FRESH_FOR``: 2 s);
- a write through the API makes the next request read the generation (the writer sees
  its own document at once);
- a view older than the generation is recomputed by one request while the others are
  answered with the view they had, so concurrent readers never queue behind the same
  recomputation (and a view nobody has computed yet is computed once, not once per
  waiting request).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, TypeVar

from accord.store import Store

T = TypeVar("T")

FRESH_FOR = 2.0
"""Seconds a read of the store's generation is trusted: the bound on how stale a view is."""
WAIT_FOR = 60.0
"""Seconds a request waits for another one computing the same missing view."""


@dataclass(slots=True)
class _Entry:
    value: Any
    generation: tuple[Any, ...]


class ViewCache:
    """A small LRU of view results, each recomputed once the store's generation moves."""

    def __init__(self, store: Store, size: int = 256, fresh_for: float = FRESH_FOR) -> None:
        self.store = store
        self.size = size
        self.fresh_for = fresh_for
        self._items: OrderedDict[Hashable, _Entry] = OrderedDict()
        self._generation: tuple[Any, ...] | None = None
        self._read_at = float("-inf")
        self._computing: dict[Hashable, threading.Event] = {}
        self._lock = threading.Lock()

    def current(self) -> tuple[Any, ...]:
        """The store's generation, read again when the last read is ``fresh_for`` old."""
        now = time.monotonic()
        with self._lock:
            if self._generation is not None and now - self._read_at < self.fresh_for:
                return self._generation
        found = self.store.generation()
        with self._lock:
            self._generation, self._read_at = found, now
        return found

    def touch(self) -> None:
        """Read the generation again on the next request (after a write through the API,
        so the writer's next read sees its document)."""
        with self._lock:
            self._read_at = float("-inf")

    def get(self, key: Hashable, compute: Callable[[Store], T]) -> T:
        """The cached result for ``key``, or ``compute(store)`` stored under it."""
        while True:
            now = self.current()
            with self._lock:
                entry = self._items.get(key)
                if entry is not None:
                    self._items.move_to_end(key)
                    if entry.generation == now:
                        hit: T = entry.value
                        return hit
                busy = self._computing.get(key)
                if busy is None:
                    done = self._computing[key] = threading.Event()
                    break
                if entry is not None:  # another request is recomputing it: the last view
                    stale: T = entry.value
                    return stale
            if not busy.wait(WAIT_FOR):  # the other request is stuck: compute it too
                return compute(self.store)
        try:
            value = compute(self.store)
            with self._lock:
                self._items[key] = _Entry(value, now)
                self._items.move_to_end(key)
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
            return value
        finally:
            with self._lock:
                self._computing.pop(key, None)
            done.set()
