"""The Store interface: what every backend answers, in the schema's terms.

Callers above the store (serve, the CLI, evaluate, the pipeline) hold a ``Store`` and
never a database session or an ORM row: records come back as ``accord.schema.Record``,
search hits, copies and stories as the frozen dataclasses below, and the dashboard's
lists and aggregates as plain JSON-ready rows (``Page``, ``Row``) whose shape
``serve/models.py`` publishes. Two backends implement it:

- ``SqlStore`` (store/api.py): SQLite or PostgreSQL through SQLAlchemy, read-write;
- ``ParquetStore`` (store/parquet.py): a Parquet dataset (``accord spark --out DIR``,
  ``accord export --format parquet``) read through DuckDB, read-only.

A new backend implements this Protocol (mypy checks it where it is handed to
``serve.app.create_app``) and gets a URL scheme in ``store.connect``.

This module imports nothing but the schema, so serve can use it without pulling a
database driver into its own imports.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterator
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Literal, Protocol, Self

from accord.errors import StoreError
from accord.schema import DocumentError, Record

Outcome = Literal["added", "unchanged", "replaced"]
"""What ``Store.ingest`` did with a record."""

Row = dict[str, Any]
"""One item of a list or aggregate: JSON-ready values only (str, int, float, None, lists)."""
Page = dict[str, Any]
"""A page of a list: ``{"total": int, "limit": int, "offset": int, "items": [Row]}``."""
View = dict[str, Any]
"""An aggregate view (counts, network, actor, pair): nested JSON-ready values."""

GROUPS = ("pair", "kind", "year", "month")
"""What amount sums can be grouped by; ``kind`` is always among them."""

MARK = ("«", "»")
"""What wraps matched words in a snippet (plain text: the caller escapes for HTML)."""

_WORD = re.compile(r"\w+")


def words(query: str) -> list[str]:
    """The searchable words of a user's query."""
    return _WORD.findall(query)


def sum_groups(by: tuple[str, ...]) -> tuple[str, ...]:
    """``by`` with ``kind`` added where missing: a total never adds two kinds together."""
    return by if "kind" in by else (*by, "kind")


class ReadOnlyStoreError(StoreError):
    """A write was asked of a store that only reads (a Parquet dataset)."""


@dataclass(frozen=True, slots=True)
class Filters:
    """A view's filters; empty fields mean "no restriction".

    Within one kind of filter the values are alternatives (any actor of the list);
    across kinds they all must hold.
    """

    actors: tuple[str, ...] = ()
    pair: tuple[str, str] | None = None  # sorted
    sectors: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # credited sources (attributed_sources)
    date_from: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    date_to: str | None = None
    q: str | None = None
    kinds: tuple[str, ...] = ()  # money kinds, for amount lists
    measures: tuple[str, ...] = ()  # flow | level, for amount lists
    undated: bool = False  # only what has no date: facts without one, documents without one

    def __post_init__(self) -> None:
        # Codes and vocabularies are stored in one case; outlets and sources are compared
        # case-blind by the backend (their stored case is the source's).
        for name, case in (
            ("actors", str.upper),
            ("event_types", str.upper),
            ("statuses", str.lower),
            ("sectors", str.lower),
            ("kinds", str.lower),
        ):
            object.__setattr__(self, name, tuple(dict.fromkeys(map(case, getattr(self, name)))))
        if self.pair:
            a, b = sorted(code.upper() for code in self.pair)
            object.__setattr__(self, "pair", (a, b))

    @property
    def empty(self) -> bool:
        return not (
            self.actors
            or self.pair
            or self.sectors
            or self.event_types
            or self.statuses
            or self.outlets
            or self.sources
            or self.date_from
            or self.date_to
            or self.undated
            or (self.q and words(self.q))
        )


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One matching document, best first."""

    doc_id: str
    title: str | None
    published: str | None
    outlet: str | None
    snippet: str
    score: float


@dataclass(frozen=True, slots=True)
class Copy:
    """Another document of the same story, and how close its text is to the one asked."""

    doc_id: str
    title: str | None
    outlet: str | None
    published: str | None
    similarity: float  # estimated Jaccard of word 5-shingles, 0.0 to 1.0
    first: bool  # this copy is the story's first publication


@dataclass(frozen=True, slots=True)
class Story:
    """One text and the outlets that carried it, first publication first."""

    story_id: int
    first_doc_id: str
    first_title: str | None
    first_outlet: str | None
    first_published: str | None
    count: int  # documents in the story
    outlets: tuple[str, ...]  # distinct outlets in order of publication (unnamed left out)


class Store(Protocol):
    """Stored records and the questions the dashboard, the API and the CLI ask of them."""

    @property
    def url(self) -> str:
        """Where the store is, any password hidden (for messages and the report)."""
        ...

    @property
    def read_only(self) -> bool:
        """True when ``ingest``, ``add_error`` and ``delete`` raise ReadOnlyStoreError."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    # -- writing (ReadOnlyStoreError on a read-only store) ------------------------------

    def ingest(
        self, record: Record, *, raw: str | None = None, extractor_version: str | None = None
    ) -> Outcome:
        """Store one record; says whether it was added, unchanged or replaced."""
        ...

    def add_error(self, error: DocumentError) -> None:
        """Record a document that failed (one per path and stage, latest reason)."""
        ...

    def delete(self, doc_id: str) -> bool:
        """Remove a document and its facts; False if there was none."""
        ...

    # -- records ------------------------------------------------------------------------

    def get(self, doc_id: str) -> Record | None: ...

    def get_raw(self, doc_id: str) -> str | None: ...

    def iter_records(self) -> Iterator[Record]:
        """Every stored record, in the order they were first stored."""
        ...

    def errors(self, limit: int = 100) -> list[DocumentError]: ...

    def generation(self) -> tuple[Hashable, ...]:
        """A value that changes whenever a document is added, replaced or removed (the
        dashboard's cache keys its views on it)."""
        ...

    def stats(self, top: int = 10) -> dict[str, Any]:
        """Rows per table; the actors, pairs and event types seen most often."""
        ...

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Documents whose title or body hold every word of ``query``, best first."""
        ...

    def copies(self, doc_id: str) -> list[Copy]: ...

    def story(self, doc_id: str) -> Story | None: ...

    def stories(self, limit: int = 20, offset: int = 0, *, min_count: int = 2) -> list[Story]: ...

    def count_stories(self, *, min_count: int = 2) -> int: ...

    # -- lists and aggregates (JSON-ready rows; shapes in serve/models.py) ----------------

    def list_documents(self, f: Filters, limit: int = 50, offset: int = 0) -> Page: ...

    def list_events(
        self, f: Filters, limit: int = 50, offset: int = 0, *, oldest_first: bool = False
    ) -> Page: ...

    def list_amounts(self, f: Filters, limit: int = 50, offset: int = 0) -> Page: ...

    def list_quotes(self, f: Filters, limit: int = 50, offset: int = 0) -> Page: ...

    def list_actors(self, f: Filters, limit: int = 50, offset: int = 0) -> Page: ...

    def sum_amounts(
        self, f: Filters, by: tuple[str, ...] = ("pair", "kind", "year")
    ) -> list[Row]: ...

    def counts(self, f: Filters) -> View: ...

    def event_counts(self, f: Filters, by: tuple[str, ...] = ("month", "type")) -> list[Row]: ...

    def facets(self) -> dict[str, list[Any]]: ...

    def network(self, f: Filters, max_nodes: int = 60) -> View: ...

    def actor_view(self, code: str, f: Filters) -> View | None: ...

    def pair_view(self, a: str, b: str, f: Filters) -> View: ...

    def story_list(self, limit: int, offset: int = 0, min_count: int = 2) -> Page: ...

    def document_copies(self, doc_id: str) -> View | None: ...
