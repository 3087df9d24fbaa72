"""store: SQLite (default) and PostgreSQL behind one interface (``open_store``)."""

from accord.store.api import Outcome, Store, open_store
from accord.store.search import SearchHit

__all__ = ["Outcome", "SearchHit", "Store", "open_store"]
