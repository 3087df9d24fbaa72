"""store: SQLite (default) and PostgreSQL behind one interface (``open_store``)."""

from accord.store.api import Outcome, Store, open_store
from accord.store.search import SearchHit
from accord.store.stories import Copy, Story

__all__ = ["Copy", "Outcome", "SearchHit", "Store", "Story", "open_store"]
