"""A Parquet dataset as a read-only Store, through DuckDB: ``accord serve --db parquet:DIR``.

The dataset (``accord spark --out DIR``, ``accord export --format parquet``; layout in
store/dataset.py) is checked against its manifest and read, at open, into an in-memory
DuckDB database laid out as the SQL store's tables (store/models.py). The dataset's
database-free keys become the integer keys the queries join on: a document's ``pk``
follows the order ``accord load`` would store it in (month, publication date, id), a
fact's ``id`` its document then its position, and ``doc_key``/``*_position`` resolve to
``document_pk``/``event_id``/``relation_id``/``fact_id``. Then the SQL store's own
queries (store/queries, store/read.py) answer every list, view and record through
duckdb_engine, so the two backends give the same answers by construction.

What differs, and why:

- One document per id and per text, as a load into SQLite would keep: the last of an
  id in load order, then the first of a text.
- Stories (MinHash copies) are not in the files (a store makes them as it stores
  documents): they are computed here once at open with the same sketches, bands and
  rule as ``stories.place``, in publication order, as ``stories.rebuild`` does.
- Full-text search: DuckDB's FTS extension is not bundled in its wheel and extensions
  are never downloaded (autoinstall is off), so a word matches, case-blind, any word it
  begins ("plant" finds "plants"); there is no stemming of the query's own words.
- Writes raise ReadOnlyStoreError: the files are the output of a run, not a store.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Hashable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
from sqlalchemy import Engine, create_engine

from accord.errors import StoreError
from accord.schema import DocumentError, Record
from accord.store.api import SqlStore
from accord.store.base import MARK, Outcome, ReadOnlyStoreError, SearchHit, words
from accord.store.dataset import ERRORS, MENTION_TABLES, TABLES, open_dataset
from accord.store.rows import child_tables
from accord.store.syndication import Sketch, band_keys, same_story, sketch

_OFFLINE: dict[str, str | bool | int | float | list[str]] = {
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
}
"""DuckDB would fetch a missing extension from the network: never at run time."""

_KEYS = ("doc_id", "doc_key")
_PARENTS = {  # child table -> (its parent-position column, parent table, its key column)
    child.table: (f"{table.kind}_position", table.field, table.parent_key)
    for table, child in child_tables()
}
_FACTS = tuple(t for t in TABLES if t not in ("documents", "mentions", *_PARENTS))


def _columns(table: str, *leave: str) -> list[str]:
    return [n for n in TABLES[table].names if n not in (*_KEYS, *leave)]


def _documents_sql() -> str:
    """One row per document, keyed as a load into the SQL store would key it."""
    return """
    CREATE TABLE documents AS
    WITH d AS (SELECT DISTINCT ON (doc_key) * FROM src_documents ORDER BY doc_key),
    o AS (
        SELECT *, row_number() OVER (
            ORDER BY published_month, coalesce(published, ''), doc_id, doc_key
        ) AS load_order
        FROM d
    ),
    i AS (
        SELECT * FROM o
        QUALIFY row_number() OVER (PARTITION BY doc_id ORDER BY load_order DESC) = 1
    ),
    t AS (
        SELECT * FROM i
        QUALIFY row_number() OVER (PARTITION BY content_hash ORDER BY load_order) = 1
    )
    SELECT
        CAST(row_number() OVER (ORDER BY load_order) AS INTEGER) AS pk,
        doc_key, doc_id, content_hash, source_path, source_url,
        coalesce(source_format, 'text') AS source_format, title, published,
        coalesce(language, 'en') AS language, outlet, coalesce(body, '') AS body, raw,
        coalesce(boilerplate, '[]') AS boilerplate,
        coalesce(extractor_version, '') AS extractor_version,
        coalesce(record_hash, '') AS record_hash,
        CAST($written AS TIMESTAMP) AS ingested_at,
        CAST($written AS TIMESTAMP) AS updated_at,
        CAST(NULL AS INTEGER) AS story_id,
        CAST(NULL AS BLOB) AS signature,
        CAST(NULL AS INTEGER) AS shingle_count
    FROM t
    """


def _fact_sql(table: str) -> str:
    """A fact table with ``id`` and ``document_pk``, duplicates of one input dropped."""
    cols = _columns(table)
    picked = ", ".join(f"s.{c}" for c in cols)
    return f"""
    CREATE TABLE {table} AS
    WITH s AS (
        SELECT DISTINCT ON (doc_key, position) * FROM src_{table} ORDER BY doc_key, position
    )
    SELECT CAST(row_number() OVER (ORDER BY d.pk, s.position) AS INTEGER) AS id,
           d.pk AS document_pk, {picked}
    FROM s JOIN documents d ON d.doc_key = s.doc_key
    """


def _child_sql(table: str) -> str:
    """A table of a fact's children, its parent's position turned into the parent's id."""
    parent_pos, parent, key = _PARENTS[table]
    cols = _columns(table, parent_pos)
    picked = ", ".join(f"s.{c}" for c in cols)
    return f"""
    CREATE TABLE {table} AS
    WITH s AS (
        SELECT DISTINCT ON (doc_key, {parent_pos}, position) * FROM src_{table}
        ORDER BY doc_key, {parent_pos}, position
    )
    SELECT CAST(row_number() OVER (ORDER BY d.pk, s.{parent_pos}, s.position) AS INTEGER)
               AS id,
           d.pk AS document_pk, p.id AS {key}, {picked}
    FROM s
    JOIN documents d ON d.doc_key = s.doc_key
    JOIN {parent} p ON p.document_pk = d.pk AND p.position = s.{parent_pos}
    """


def _mentions_sql() -> str:
    parts = " UNION ALL ".join(
        f"SELECT '{kind}' AS kind, id AS fact_id, document_pk, position FROM {table}"
        for kind, table in MENTION_TABLES.items()
    )
    return f"""
    CREATE TABLE mentions AS
    WITH s AS (
        SELECT DISTINCT ON (doc_key, kind, fact_position, position) * FROM src_mentions
        ORDER BY doc_key, kind, fact_position, position
    ),
    facts AS ({parts})
    SELECT CAST(row_number() OVER (
               ORDER BY d.pk, s.kind, s.fact_position, s.position) AS INTEGER) AS id,
           d.pk AS document_pk, s.kind, f.fact_id, s.position, s.span_start, s.span_end
    FROM s
    JOIN documents d ON d.doc_key = s.doc_key
    JOIN facts f ON f.kind = s.kind AND f.document_pk = d.pk AND f.position = s.fact_position
    """


def _place_stories(conn: Any) -> None:
    """Sketches, bands and stories for every document, in publication order: the rule of
    ``stories.place`` (join the story of the earliest confirmed copy, merging the others;
    else found one, whose id is the document's pk), run in memory instead of one SQL
    round trip per document."""
    rows = conn.execute(
        "SELECT pk, published, body FROM documents ORDER BY published NULLS LAST, pk"
    ).fetchall()
    first_key = {pk: (published is None, published or "", pk) for pk, published, _ in rows}
    sketches: dict[int, Sketch] = {}
    bands: dict[tuple[int, int], list[int]] = defaultdict(list)
    story: dict[int, int] = {}
    members: dict[int, set[int]] = defaultdict(set)
    band_rows: dict[str, list[int]] = {"document_pk": [], "band": [], "key": []}
    for pk, _published, body in rows:
        mine = sketch(body or "")
        sid = pk
        if mine is not None:
            keys = band_keys(mine.signature)
            near = {p for band, key in enumerate(keys) for p in bands.get((band, key), ())}
            confirmed = [p for p in near if same_story(mine, sketches[p])]
            if confirmed:
                sid = story[min(confirmed, key=first_key.__getitem__)]
                for other in {story[p] for p in confirmed} - {sid}:
                    for member in members.pop(other):
                        story[member] = sid
                        members[sid].add(member)
            for band, key in enumerate(keys):
                bands[(band, key)].append(pk)
                band_rows["document_pk"].append(pk)
                band_rows["band"].append(band)
                band_rows["key"].append(key)
            sketches[pk] = mine
        story[pk] = sid
        members[sid].add(pk)
    placed = pa.table(
        {
            "pk": pa.array(list(story), pa.int32()),
            "story_id": pa.array(list(story.values()), pa.int32()),
            "signature": pa.array(
                [sketches[p].signature if p in sketches else None for p in story], pa.binary()
            ),
            "shingle_count": pa.array(
                [sketches[p].size if p in sketches else None for p in story], pa.int32()
            ),
        }
    )
    conn.register("placed", placed)
    conn.execute(
        "UPDATE documents SET story_id = placed.story_id, signature = placed.signature, "
        "shingle_count = placed.shingle_count FROM placed WHERE documents.pk = placed.pk"
    )
    conn.unregister("placed")
    conn.register(
        "bands",
        pa.table(
            {
                "document_pk": pa.array(band_rows["document_pk"], pa.int32()),
                "band": pa.array(band_rows["band"], pa.int16()),
                "key": pa.array(band_rows["key"], pa.int64()),
            }
        ),
    )
    conn.execute("CREATE TABLE document_bands AS SELECT * FROM bands")
    conn.unregister("bands")


def _build(root: Path) -> tuple[Any, dict[str, Any]]:
    """An in-memory DuckDB database holding the dataset as the store's tables."""
    import duckdb

    _root, tables, about = open_dataset(root)
    conn = duckdb.connect(":memory:", config=dict(_OFFLINE))
    for name, data in tables.items():
        conn.register(f"src_{name}", data)
    written = _written(about)
    conn.execute(_documents_sql(), {"written": written})
    for table in _FACTS:
        conn.execute(_fact_sql(table))
    for table in _PARENTS:
        conn.execute(_child_sql(table))
    conn.execute(_mentions_sql())
    conn.execute(
        f"CREATE TABLE errors AS SELECT CAST(row_number() OVER () AS INTEGER) AS id, "
        f"path, reason, stage, CAST($written AS TIMESTAMP) AS at FROM src_{ERRORS}",
        {"written": written},
    )
    _place_stories(conn)
    for name in tables:
        conn.unregister(f"src_{name}")
    return conn, about


def _written(about: dict[str, Any]) -> datetime:
    """When the dataset was written (the stored documents' times), naive UTC."""
    try:
        when = datetime.fromisoformat(str(about.get("written_at")))
    except ValueError:
        return datetime(1970, 1, 1)
    return when.astimezone(UTC).replace(tzinfo=None) if when.tzinfo else when


class ParquetStore(SqlStore):
    """A published Parquet dataset, read-only: the SQL store's reads over DuckDB."""

    read_only = True

    def __init__(self, root: Path, engine: Engine, conn: Any, about: dict[str, Any]) -> None:
        super().__init__(engine)
        self.root = root
        self.about = about
        self._conn = conn

    @property
    def url(self) -> str:
        return f"parquet:{self.root}"

    @property
    def dialect(self) -> str:
        return "duckdb"

    def close(self) -> None:
        self.engine.dispose()
        self._conn.close()

    def generation(self) -> tuple[Hashable, ...]:
        """A published dataset never changes: its manifest says what it is."""
        return ("parquet", str(self.root), str(self.about.get("written_at")))

    def _refuse(self, what: str) -> ReadOnlyStoreError:
        return ReadOnlyStoreError(
            f"{self.url} is a Parquet dataset, read-only: cannot {what} "
            "(`accord load DIR --db URL` imports it into a SQL store that can)"
        )

    def ingest(
        self, record: Record, *, raw: str | None = None, extractor_version: str | None = None
    ) -> Outcome:
        raise self._refuse(f"store {record.id!r}")

    def add_error(self, error: DocumentError) -> None:
        raise self._refuse(f"record an error for {error.path!r}")

    def delete(self, doc_id: str) -> bool:
        raise self._refuse(f"delete {doc_id!r}")

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Documents holding every word of ``query`` at a word's start, most matches first."""
        terms = [t.lower() for t in words(query)]
        if not terms or limit <= 0:
            return []
        patterns = [r"\b" + re.escape(t) for t in terms]
        text = "lower(coalesce(title, '') || ' ' || body)"
        where = " AND ".join(f"regexp_matches({text}, $p{i})" for i in range(len(patterns)))
        score = " + ".join(f"len(regexp_extract_all({text}, $p{i}))" for i in range(len(patterns)))
        params: dict[str, Any] = {f"p{i}": p for i, p in enumerate(patterns)}
        params["limit"] = limit
        sql = (
            f"SELECT doc_id, title, published, outlet, body, {score} AS score "
            f"FROM documents WHERE {where} ORDER BY score DESC, pk LIMIT $limit"
        )
        cursor = self._conn.cursor()
        try:
            rows = cursor.execute(sql, params).fetchall()
        finally:
            cursor.close()
        return [
            SearchHit(
                doc_id=doc_id,
                title=title,
                published=published,
                outlet=outlet,
                snippet=_snippet(body or "", patterns),
                score=float(n),
            )
            for doc_id, title, published, outlet, body, n in rows
        ]


def _snippet(body: str, patterns: list[str], width: int = 160) -> str:
    """About ``width`` characters of ``body`` around its first match, matches marked."""
    found = [re.compile(p, re.IGNORECASE) for p in patterns]
    first = min((m.start() for r in found if (m := r.search(body))), default=0)
    start = max(0, first - width // 3)
    piece = body[start : start + width]
    either = re.compile("|".join(f"({p}\\w*)" for p in patterns), re.IGNORECASE)
    marked = either.sub(lambda m: f"{MARK[0]}{m.group(0)}{MARK[1]}", piece)
    return ("…" if start else "") + marked + ("…" if start + width < len(body) else "")


def open_parquet(path: str | Path) -> ParquetStore:
    """Open a published dataset read-only; StoreError if it is not one or DuckDB is
    missing (``pip install 'accord[parquet]'``)."""
    try:
        import duckdb
        import duckdb_engine
    except ImportError as exc:
        raise StoreError(
            f"reading a Parquet dataset needs DuckDB: pip install 'accord[parquet]' ({exc})"
        ) from exc
    root = Path(path)
    try:
        conn, about = _build(root)
    except duckdb.Error as exc:
        raise StoreError(f"could not read the dataset at {root}: {exc}") from exc
    engine = create_engine(
        "duckdb://",
        creator=lambda: duckdb_engine.ConnectionWrapper(conn.cursor()),
        pool_pre_ping=False,
    )
    return ParquetStore(root, engine, conn, about)
