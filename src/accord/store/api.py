"""The SQL store: SQLite or PostgreSQL behind the Store interface (store/base.py).

``open_store(url) -> SqlStore``.

A document's identity is its content hash. Ingesting the same text again changes
nothing; if it was processed by another extractor version (or its facts differ), its
facts are replaced. The same doc id with new text replaces that document. Every write
of one document is one transaction: a failure leaves the old facts as they were.
"""

from __future__ import annotations

import time
from collections.abc import Hashable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from sqlalchemy import Engine, delete, func, or_, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from accord.errors import StoreError
from accord.schema import DocumentError, Record
from accord.store import queries as qy
from accord.store import read, stories, write
from accord.store.base import Copy, Filters, Outcome, Page, Row, SearchHit, Story, View
from accord.store.engine import WRITE, make_engine
from accord.store.migrate import upgrade
from accord.store.models import (
    ActorRow,
    Base,
    DocumentRow,
    ErrorRow,
    EventRow,
    RelationRow,
)
from accord.store.search import search as _search


def _now() -> datetime:
    return datetime.now(UTC)


class SqlStore:
    """Records in SQLite or PostgreSQL: the read-write implementation of ``Store``."""

    read_only = False

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._read = sessionmaker(engine, expire_on_commit=False)
        self._write = sessionmaker(engine.execution_options(**{WRITE: True}))

    @property
    def url(self) -> str:
        """The database URL, password hidden."""
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------

    def ingest(
        self,
        record: Record,
        *,
        raw: str | None = None,
        extractor_version: str | None = None,
    ) -> Outcome:
        """Store one record; says whether it was added, unchanged or replaced.

        ``raw`` is the reader's text (kept for provenance); ``extractor_version`` names
        what produced the facts (default: the extractor names the facts carry).
        """
        version = (
            extractor_version
            if extractor_version is not None
            else write.default_extractor_version(record)
        )
        try:
            try:
                return self._ingest(record, raw, version)
            except IntegrityError:
                # Another writer stored the same text or id between our look-up and
                # our insert; looking again now finds it.
                return self._ingest(record, raw, version)
        except SQLAlchemyError as exc:
            raise StoreError(f"could not store {record.id!r}: {exc}") from exc

    def _ingest(self, record: Record, raw: str | None, version: str) -> Outcome:
        digest = write.record_hash(record)
        now = _now()
        outcome: Outcome
        with self._write() as session, session.begin():
            stories.lock(session)
            # one look-up for both keys: the same text (under any name), else the name
            found = session.scalars(
                select(DocumentRow).where(
                    or_(
                        DocumentRow.content_hash == record.content_hash,
                        DocumentRow.doc_id == record.id,
                    )
                )
            ).all()
            row = next((r for r in found if r.content_hash == record.content_hash), None)
            if row is not None:
                if row.extractor_version == version and row.record_hash == digest:
                    outcome = "unchanged"
                else:
                    write.fill_document(
                        row,
                        record,
                        raw=raw,
                        extractor_version=version,
                        digest=digest,
                        now=now,
                        keep_identity=row.doc_id != record.id,
                    )
                    outcome = "replaced"
            else:
                row = next((r for r in found if r.doc_id == record.id), None)
                if row is not None:
                    row.raw = None  # the old raw text belongs to the old content
                    outcome = "replaced"
                else:
                    row = DocumentRow(ingested_at=now)
                    session.add(row)
                    outcome = "added"
                write.fill_document(
                    row, record, raw=raw, extractor_version=version, digest=digest, now=now
                )
            session.flush()
            if outcome == "replaced":
                write.delete_facts(session, row.pk)
            if outcome != "unchanged":
                write.insert_facts(session, row.pk, record)
            if outcome != "unchanged" or row.story_id is None:
                stories.place(session, row.pk, record.body, fresh=outcome == "added")
            if record.source.path:
                session.execute(delete(ErrorRow).where(ErrorRow.path == record.source.path))
        return outcome

    def add_error(self, error: DocumentError) -> None:
        """Record a document that failed; one row per (path, stage), latest reason."""
        try:
            with self._write() as session, session.begin():
                row = session.scalar(
                    select(ErrorRow).where(
                        ErrorRow.path == error.path, ErrorRow.stage == error.stage
                    )
                )
                if row is None:
                    session.add(
                        ErrorRow(path=error.path, reason=error.reason, stage=error.stage, at=_now())
                    )
                else:
                    row.reason = error.reason
                    row.at = _now()
        except SQLAlchemyError as exc:
            raise StoreError(f"could not record the error for {error.path!r}: {exc}") from exc

    def delete(self, doc_id: str) -> bool:
        """Remove a document and its facts; False if there was none."""
        with self._write() as session, session.begin():
            stories.lock(session)
            row = session.scalar(select(DocumentRow).where(DocumentRow.doc_id == doc_id))
            if row is None:
                return False
            write.delete_facts(session, row.pk)
            stories.leave(session, row.pk)
            session.delete(row)
        return True

    # -- reading -------------------------------------------------------------------

    def get(self, doc_id: str) -> Record | None:
        """The stored record with this id, or None."""
        with self._read() as session:
            row = session.scalar(select(DocumentRow).where(DocumentRow.doc_id == doc_id))
            return None if row is None else read.load_record(session, row)

    def get_raw(self, doc_id: str) -> str | None:
        """The reader's text the record was made from, where it was kept."""
        with self._read() as session:
            return session.scalar(select(DocumentRow.raw).where(DocumentRow.doc_id == doc_id))

    def iter_records(self) -> Iterator[Record]:
        """Every stored record, in the order they were first added."""
        with self._read() as session:
            pks = list(session.scalars(select(DocumentRow.pk).order_by(DocumentRow.pk)))
        for pk in pks:
            with self._read() as session:
                row = session.get(DocumentRow, pk)
                if row is not None:  # deleted meanwhile
                    yield read.load_record(session, row)

    def errors(self, limit: int = 100) -> list[DocumentError]:
        """The documents failing now, latest first."""
        with self._read() as session:
            rows = session.scalars(select(ErrorRow).order_by(ErrorRow.at.desc()).limit(limit))
            return [DocumentError(path=r.path, reason=r.reason, stage=r.stage) for r in rows]

    def count_rows(self) -> dict[str, int]:
        """Rows per table (the store's own tables, by name)."""
        with self._read() as session:
            return {
                table.name: int(session.scalar(select(func.count()).select_from(table)) or 0)
                for table in Base.metadata.sorted_tables
            }

    def stats(self, top: int = 10) -> dict[str, Any]:
        """Counts per table, and the actors, pairs and event types seen most often."""
        docs = func.count(func.distinct(ActorRow.document_pk))
        pair_docs = func.count(func.distinct(RelationRow.document_pk))
        with self._read() as session:
            actors = session.execute(
                select(ActorRow.code, func.max(ActorRow.name), docs)
                .group_by(ActorRow.code)
                .order_by(docs.desc(), ActorRow.code)
                .limit(top)
            ).all()
            pairs = session.execute(
                select(RelationRow.actor_a, RelationRow.actor_b, pair_docs)
                .group_by(RelationRow.actor_a, RelationRow.actor_b)
                .order_by(pair_docs.desc(), RelationRow.actor_a, RelationRow.actor_b)
                .limit(top)
            ).all()
            n_events = func.count(EventRow.id)
            types = session.execute(
                select(EventRow.type, n_events)
                .group_by(EventRow.type)
                .order_by(n_events.desc(), EventRow.type)
                .limit(top)
            ).all()
        return {
            "rows": self.count_rows(),
            "top_actors": [{"code": c, "name": n, "documents": k} for c, n, k in actors],
            "top_pairs": [{"a": a, "b": b, "documents": k} for a, b, k in pairs],
            "event_types": [{"type": t, "events": k} for t, k in types],
        }

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Documents whose title or body hold every word of ``query``, best first."""
        with self._read() as session:
            return _search(session, query, limit)

    def copies(self, doc_id: str) -> list[Copy]:
        """The other documents carrying the same text as ``doc_id``, first published first.

        Empty for an unknown id or a text no other document copies.
        """
        with self._read() as session:
            return stories.copies(session, doc_id)

    def story(self, doc_id: str) -> Story | None:
        """The story ``doc_id`` belongs to (count 1 when it has no copies); None if unknown."""
        with self._read() as session:
            return stories.story_of(session, doc_id)

    def stories(self, limit: int = 20, offset: int = 0, *, min_count: int = 2) -> list[Story]:
        """Stories carried by at least ``min_count`` documents, who carried each first.

        Largest first, then latest first publication first.
        """
        with self._read() as session:
            return stories.stories(session, limit, offset, min_count)

    def count_stories(self, *, min_count: int = 2) -> int:
        """How many stories ``stories`` pages through."""
        with self._read() as session:
            return stories.count_stories(session, min_count)

    def session(self) -> Session:
        """A read session for code inside the store package that queries the tables
        itself (exports, migrations' tests); callers above the store use the methods."""
        return self._read()

    def generation(self) -> tuple[Hashable, ...]:
        """Documents, newest ``updated_at``, highest key: moves with every write."""
        with self._read() as session:
            row = session.execute(
                select(
                    func.count(DocumentRow.pk),
                    func.max(DocumentRow.updated_at),
                    func.max(DocumentRow.pk),
                )
            ).one()
        return tuple(row)

    # -- lists and aggregates (store/queries) ----------------------------------------

    def list_documents(self, f: Filters, limit: int = 50, offset: int = 0) -> Page:
        with self._read() as session:
            return qy.list_documents(session, f, limit, offset)

    def list_events(
        self, f: Filters, limit: int = 50, offset: int = 0, *, oldest_first: bool = False
    ) -> Page:
        with self._read() as session:
            return qy.list_events(session, f, limit, offset, oldest_first=oldest_first)

    def list_amounts(self, f: Filters, limit: int = 50, offset: int = 0) -> Page:
        with self._read() as session:
            return qy.list_amounts(session, f, limit, offset)

    def list_quotes(self, f: Filters, limit: int = 50, offset: int = 0) -> Page:
        with self._read() as session:
            return qy.list_quotes(session, f, limit, offset)

    def list_actors(self, f: Filters, limit: int = 50, offset: int = 0) -> Page:
        with self._read() as session:
            return qy.list_actors(session, f, limit, offset)

    def sum_amounts(self, f: Filters, by: tuple[str, ...] = ("pair", "kind", "year")) -> list[Row]:
        with self._read() as session:
            return qy.sum_amounts(session, f, by)

    def counts(self, f: Filters) -> View:
        with self._read() as session:
            return qy.counts(session, f)

    def event_counts(self, f: Filters, by: tuple[str, ...] = ("month", "type")) -> list[Row]:
        with self._read() as session:
            return qy.event_counts(session, f, by)

    def facets(self) -> dict[str, list[Any]]:
        with self._read() as session:
            return qy.facets(session)

    def network(self, f: Filters, max_nodes: int = 60) -> View:
        with self._read() as session:
            return qy.network(session, f, max_nodes)

    def actor_view(self, code: str, f: Filters) -> View | None:
        with self._read() as session:
            return qy.actor_view(session, code, f)

    def pair_view(self, a: str, b: str, f: Filters) -> View:
        with self._read() as session:
            return qy.pair_view(session, a, b, f)

    def story_list(self, limit: int, offset: int = 0, min_count: int = 2) -> Page:
        with self._read() as session:
            return qy.story_list(session, limit, offset, min_count)

    def document_copies(self, doc_id: str) -> View | None:
        with self._read() as session:
            return qy.document_copies(session, doc_id)


_OPEN_TRIES = 5


def open_store(url: str, *, create: bool = True) -> SqlStore:
    """Open (creating and migrating as needed) the store at a SQLAlchemy URL.

    With ``create=False`` a SQLite file that does not exist is an error rather than a
    new empty store (for commands that only read). A bare file path (``accord.db``) is
    taken as a SQLite file, since that is what a user typing one means.
    """
    if "://" not in url:
        url = f"sqlite:///{url}"
    if not create:
        try:
            parsed = make_url(url)
        except SQLAlchemyError as exc:
            raise StoreError(f"not a store URL: {_shown(url)} ({exc})") from exc
        name = parsed.database
        on_disk = parsed.get_backend_name() == "sqlite" and name and name != ":memory:"
        if on_disk and not Path(str(name)).is_file():
            raise StoreError(f"no store at {name} (run `accord ingest` first)")
    for attempt in range(_OPEN_TRIES):
        try:
            engine = make_engine(url)
            upgrade(engine)
            break
        except (SQLAlchemyError, OSError) as exc:
            # two processes creating one new SQLite file race for the first schema lock
            if "locked" in str(exc) and attempt + 1 < _OPEN_TRIES:
                time.sleep(0.5 * (attempt + 1))
                continue
            raise StoreError(f"could not open the store at {_shown(url)}: {exc}") from exc
    return SqlStore(engine)


def _shown(url: str) -> str:
    """The URL for a message, its password hidden."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except SQLAlchemyError:
        return "<unparsable URL>"
