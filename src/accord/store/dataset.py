"""The store's tables as files: the Parquet dataset `accord spark` and `accord export` write
and `accord load` imports, and the CSV and JSON Lines exports.

A dataset is a folder (format ``accord-dataset/1``)::

    DIR/_manifest.json                               written last: format, row counts
    DIR/documents/published_month=2024-03/*.parquet  one folder per store table
    DIR/actors/published_month=2024-03/*.parquet     ... and so on for every fact table
    DIR/errors/*.parquet                             documents that failed: path, reason, stage

Each table has the store's columns (``models.py``), with the database's keys replaced by
keys that need no database, so that executors on many machines can write rows without
asking anyone for an id: a fact names its document by ``doc_id`` (not ``document_pk``)
and is itself named by its ``position`` in that document, so ``event_actors.event_position``,
``event_sectors.event_position``, ``relation_sectors.relation_position`` and
``mentions.fact_position`` stand for the ``*_id`` columns. ``published_month`` (YYYY-MM,
or ``unknown``) is the Hive partition of every table but ``errors``. Columns the store
makes when it stores a record (pk, times, story and MinHash columns) are not in the
files: `accord load` stores every record through ``Store.ingest``, which makes them.

A folder without ``_manifest.json`` is not a dataset. Writers fill a temporary folder
beside the target and publish it with one rename, manifest inside, so a run killed part
way leaves nothing that ``read_manifest`` accepts; the manifest's row counts are checked
against the files on load, so a folder someone trimmed is refused too.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import shutil
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import pyarrow as pa
import pyarrow.dataset as ds
from sqlalchemy import select

from accord.errors import StoreError
from accord.schema import DocumentError, Record, Span, to_dict
from accord.store.api import SqlStore
from accord.store.base import Outcome, Store
from accord.store.models import DocumentRow
from accord.store.read import load_record
from accord.store.rows import (
    DOCUMENT_CHILDREN,
    DOCUMENT_COLUMNS,
    FACTS,
    document_values,
    record_from,
)
from accord.store.write import record_hash

FORMAT = "accord-dataset/1"
MANIFEST = "_manifest.json"
PARTITION = "published_month"
UNKNOWN_MONTH = "unknown"
ERRORS = "errors"

_S, _I, _F = pa.string(), pa.int32(), pa.float64()


def _schema(*columns: tuple[str, pa.DataType]) -> pa.Schema:
    return pa.schema([pa.field(name, kind) for name, kind in columns])


_KEY = (("doc_id", _S), ("doc_key", _S))
_FACT = (*_KEY, ("position", _I))
_ARROW: dict[type, pa.DataType] = {str: _S, int: _I, float: _F}


def _tables() -> dict[str, pa.Schema]:
    """The store's layout (``rows.py``) with dataset keys: ``doc_id``/``doc_key`` for
    ``document_pk`` and ``<kind>_position`` for a parent's id."""
    tables = {
        "documents": _schema(
            *_KEY,
            *((c, _S) for c in DOCUMENT_COLUMNS if c != "doc_id"),
            ("raw", _S),
            ("extractor_version", _S),
            ("record_hash", _S),
        )
    }
    for child in DOCUMENT_CHILDREN:
        tables[child.table] = _schema(*_FACT, (child.column, _S))
    for table in FACTS:
        typed = ((c, _ARROW[t]) for c, t in zip(table.columns, table.types, strict=True))
        tables[table.field] = _schema(*_FACT, *typed)
        for child in table.children:
            tables[child.table] = _schema(
                *_KEY, (f"{table.kind}_position", _I), ("position", _I), (child.column, _S)
            )
    tables["mentions"] = _schema(
        *_KEY,
        ("kind", _S),
        ("fact_position", _I),
        ("position", _I),
        ("span_start", _I),
        ("span_end", _I),
    )
    return tables


TABLES = _tables()
"""Every partitioned table and its columns (``published_month`` comes from the folders)."""

ERROR_SCHEMA = _schema(("path", _S), ("reason", _S), ("stage", _S))
MENTION_TABLES = {t.kind: t.field for t in FACTS}
"""mentions.kind -> the table its fact_position indexes."""
_PARTITIONING = ds.partitioning(pa.schema([(PARTITION, _S)]), flavor="hive")

Rows = dict[str, list[dict[str, Any]]]
ExportFormat = Literal["parquet", "csv", "jsonl"]


def month_of(published: str | None) -> str:
    """The partition a document goes to: its publication month, or ``unknown``."""
    if published and re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", published):
        return published[:7]
    return UNKNOWN_MONTH


# -- Record <-> rows ---------------------------------------------------------------------


def doc_key(record: Record) -> str:
    """What joins a document's rows in a dataset: ids can repeat within a run (two JSON
    Lines with one id, one text under two names), id, source and text together do not."""
    parts = (record.id, record.source.path or "", record.source.url or "", record.content_hash)
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def record_rows(record: Record, *, raw: str | None, extractor_version: str) -> Rows:
    """One record as rows of every table, each row carrying its ``published_month``."""
    month = month_of(record.published)
    key = doc_key(record)
    out: Rows = {name: [] for name in TABLES}

    def add(table: str, values: dict[str, Any]) -> None:
        out[table].append({"doc_id": record.id, "doc_key": key, **values, PARTITION: month})

    add(
        "documents",
        {
            **document_values(record),
            "raw": raw,
            "extractor_version": extractor_version,
            "record_hash": record_hash(record),
        },
    )
    for child in DOCUMENT_CHILDREN:
        for i, value in enumerate(getattr(record, child.field)):
            add(child.table, {"position": i, child.column: value})
    for table in FACTS:
        parent = f"{table.kind}_position"
        for i, fact in enumerate(getattr(record, table.field)):
            add(table.field, {"position": i, **table.row(fact)})
            for child in table.children:
                for j, value in enumerate(getattr(fact, child.field)):
                    add(child.table, {parent: i, "position": j, child.column: value})
            for j, (start, end) in enumerate(table.spans(fact)):
                add(
                    "mentions",
                    {
                        "kind": table.kind,
                        "fact_position": i,
                        "position": j,
                        "span_start": start,
                        "span_end": end,
                    },
                )
    return out


def error_row(error: DocumentError) -> dict[str, str]:
    return error.to_dict()


def _ordered(rows: Sequence[Mapping[str, Any]], *keys: str) -> list[Mapping[str, Any]]:
    """Rows sorted by ``keys``, once each: the same input read twice in one run gives
    the same document twice, with the same key and the same rows."""
    unique = {tuple(r[k] for k in keys): r for r in rows}
    return [unique[k] for k in sorted(unique)]


def _children(
    rows: Sequence[Mapping[str, Any]], parent: str, value: str
) -> dict[int, tuple[Any, ...]]:
    grouped: dict[int, list[Any]] = defaultdict(list)
    for row in _ordered(rows, parent, "position"):
        grouped[row[parent]].append(row[value])
    return {k: tuple(v) for k, v in grouped.items()}


def record_from_rows(
    doc: Mapping[str, Any], facts: Mapping[str, Sequence[Mapping[str, Any]]]
) -> Record:
    """The Record one document's rows describe (the inverse of ``record_rows``)."""

    def rows(table: str) -> list[Mapping[str, Any]]:
        return _ordered(facts.get(table, ()), "position")

    spans: dict[tuple[str, int], list[Span]] = defaultdict(list)
    for m in _ordered(facts.get("mentions", ()), "kind", "fact_position", "position"):
        spans[(m["kind"], m["fact_position"])].append((m["span_start"], m["span_end"]))

    built: dict[str, tuple[Any, ...]] = {}
    for table in FACTS:
        parent = f"{table.kind}_position"
        kids = {
            c.field: _children(facts.get(c.table, ()), parent, c.column) for c in table.children
        }
        built[table.field] = tuple(
            table.build(
                r,
                tuple(spans.get((table.kind, r["position"]), ())),
                {name: values.get(r["position"], ()) for name, values in kids.items()},
            )
            for r in rows(table.field)
        )
    own = {c.field: tuple(r[c.column] for r in rows(c.table)) for c in DOCUMENT_CHILDREN}
    return record_from(doc, built, own)


# -- the manifest ------------------------------------------------------------------------


def manifest(rows: Mapping[str, int], errors: int, **about: Any) -> dict[str, Any]:
    """What ``_manifest.json`` says: the format, rows per table, and who wrote it when."""
    return {
        "format": FORMAT,
        "tables": {name: int(rows.get(name, 0)) for name in TABLES},
        ERRORS: int(errors),
        "written_at": datetime.now(UTC).isoformat(timespec="seconds"),
        **about,
    }


def _local(path: str | Path) -> Path:
    text = str(path)
    if text.startswith("file://"):
        text = text[len("file://") :]
    elif text.startswith("file:"):
        text = text[len("file:") :]
    elif re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", text):
        raise StoreError(
            f"{text}: only local folders are read here; copy the dataset to a local disk"
        )
    return Path(text)


def read_manifest(path: str | Path) -> dict[str, Any]:
    """The manifest of a published dataset; StoreError for anything that is not one."""
    root = _local(path)
    if not root.is_dir():
        raise StoreError(f"no dataset at {root} (no such folder)")
    file = root / MANIFEST
    if not file.is_file():
        raise StoreError(
            f"{root} is not a published dataset (no {MANIFEST}: the run that wrote it "
            "did not finish)"
        )
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise StoreError(f"{file}: unreadable manifest ({exc})") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        found = data.get("format") if isinstance(data, dict) else None
        raise StoreError(f"{file}: not an {FORMAT} manifest (format {found!r})")
    return data


def _table(root: Path, name: str) -> ds.Dataset:
    folder = root / name
    if name == ERRORS:
        return ds.dataset(str(folder), schema=ERROR_SCHEMA, format="parquet")
    schema = TABLES[name].append(pa.field(PARTITION, _S))
    return ds.dataset(str(folder), schema=schema, format="parquet", partitioning=_PARTITIONING)


def open_dataset(path: str | Path) -> tuple[Path, dict[str, ds.Dataset], dict[str, Any]]:
    """The tables of a published dataset, checked against its manifest's row counts."""
    root = _local(path)
    about = read_manifest(root)
    tables: dict[str, ds.Dataset] = {}
    expected = {**about.get("tables", {}), ERRORS: about.get(ERRORS, 0)}
    for name in (*TABLES, ERRORS):
        if not (root / name).is_dir():
            raise StoreError(f"{root}: table {name!r} is missing")
        try:
            tables[name] = _table(root, name)
            found = tables[name].count_rows()
        except (OSError, pa.ArrowException) as exc:
            raise StoreError(f"{root}: table {name!r} is unreadable ({exc})") from exc
        if found != int(expected.get(name, -1)):
            raise StoreError(
                f"{root}: table {name!r} has {found} rows, the manifest says "
                f"{expected.get(name)} (the dataset is incomplete)"
            )
    return root, tables, about


@dataclass(frozen=True)
class Stored:
    """One document of a dataset: its record, the reader's text and what made it."""

    record: Record
    raw: str | None
    extractor_version: str


def iter_dataset(path: str | Path) -> Iterator[Stored]:
    """Every record of a dataset, a month at a time (months in order, then by date and id).

    Memory holds one month's rows, so a decade of news loads in bounded memory.
    """
    _root, tables, _about = open_dataset(path)
    months = tables["documents"].to_table(columns=[PARTITION]).column(PARTITION)
    for month in sorted(set(months.to_pylist())):
        where = ds.field(PARTITION) == month
        facts: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
        for name in TABLES:
            if name == "documents":
                continue
            for row in tables[name].to_table(filter=where).to_pylist():
                facts[row["doc_key"]][name].append(row)
        docs = tables["documents"].to_table(filter=where).to_pylist()
        docs.sort(key=lambda d: (d["published"] or "", d["doc_id"], d["doc_key"]))
        done: set[str] = set()
        for doc in docs:
            if doc["doc_key"] in done:
                continue  # the same input given twice: one record, as its rows are one
            done.add(doc["doc_key"])
            yield Stored(
                record_from_rows(doc, facts.pop(doc["doc_key"], {})),
                raw=doc["raw"],
                extractor_version=doc["extractor_version"],
            )


def dataset_errors(path: str | Path) -> list[DocumentError]:
    """The documents that failed in the run that wrote the dataset."""
    _root, tables, _about = open_dataset(path)
    rows = tables[ERRORS].to_table().to_pylist()
    return [DocumentError(path=r["path"], reason=r["reason"], stage=r["stage"]) for r in rows]


# -- load: dataset -> store --------------------------------------------------------------


def load_dataset(
    store: Store,
    path: str | Path,
    *,
    on_document: Callable[[Record, Outcome | None, DocumentError | None], None] | None = None,
) -> tuple[dict[str, int], list[DocumentError]]:
    """Store every record of a dataset through ``Store.ingest`` (the normal write path).

    Loading the same dataset twice stores each document once (the second time every
    document is 'unchanged'); the run's errors are recorded as ``accord ingest`` records
    its own. Returns the outcome counts and the errors (the run's, then the store's).
    """
    counts: dict[str, int] = {"added": 0, "unchanged": 0, "replaced": 0, "failed": 0}
    failures: list[DocumentError] = []
    for item in iter_dataset(path):
        record = item.record
        try:
            outcome: Outcome | None = store.ingest(
                record, raw=item.raw, extractor_version=item.extractor_version
            )
            failure = None
        except StoreError as exc:
            outcome = None
            where = record.source.path or record.source.url or record.id
            failure = DocumentError(path=where, reason=str(exc), stage="store")
        if outcome is None:
            counts["failed"] += 1
            if failure is not None:
                failures.append(failure)
        else:
            counts[outcome] += 1
        if on_document is not None:
            on_document(record, outcome, failure)
    run_errors = dataset_errors(path)
    for error in run_errors:
        store.add_error(error)
    counts["failed"] += len(run_errors)
    return counts, run_errors + failures


# -- export: store -> files --------------------------------------------------------------


def iter_stored(store: SqlStore, page: int = 200) -> Iterator[Stored]:
    """Every stored record with its raw text and extractor version, in storing order."""
    last = 0
    while True:
        with store.session() as session:
            docs = list(
                session.scalars(
                    select(DocumentRow)
                    .where(DocumentRow.pk > last)
                    .order_by(DocumentRow.pk)
                    .limit(page)
                )
            )
            batch = [Stored(load_record(session, d), d.raw, d.extractor_version) for d in docs]
        if not docs:
            return
        last = docs[-1].pk
        yield from batch


def _staging(target: Path) -> Path:
    """A fresh temporary folder beside ``target`` (same file system, so rename is atomic)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.parent / f"_{target.name}.accord-tmp-{uuid.uuid4().hex[:12]}"
    staging.mkdir()
    return staging


def publish(staging: Path, target: Path, *, overwrite: bool) -> None:
    """Put a finished folder (or file) at ``target`` with a rename; the old one goes after."""
    old: Path | None = None
    if target.exists():
        if not overwrite:
            raise StoreError(f"{target} exists (use --overwrite to replace it)")
        old = target.parent / f"_{target.name}.accord-old-{uuid.uuid4().hex[:12]}"
        target.rename(old)
    staging.rename(target)
    if old is not None:
        if old.is_dir():
            shutil.rmtree(old)
        else:
            old.unlink()


def _write_parts(folder: Path, rows: Rows, errors: list[dict[str, str]], part: int) -> None:
    for name, schema in TABLES.items():
        if not rows[name]:
            continue
        table = pa.Table.from_pylist(rows[name], schema=schema.append(pa.field(PARTITION, _S)))
        ds.write_dataset(
            table,
            str(folder / name),
            format="parquet",
            partitioning=_PARTITIONING,
            basename_template=f"part-{part:05d}-{{i}}.parquet",
            existing_data_behavior="overwrite_or_ignore",
        )
    if errors:
        ds.write_dataset(
            pa.Table.from_pylist(errors, schema=ERROR_SCHEMA),
            str(folder / ERRORS),
            format="parquet",
            basename_template=f"part-{part:05d}-{{i}}.parquet",
            existing_data_behavior="overwrite_or_ignore",
        )


def write_parquet(
    items: Iterator[Stored],
    target: str | Path,
    *,
    errors: Sequence[DocumentError] = (),
    overwrite: bool = False,
    chunk: int = 500,
    **about: Any,
) -> dict[str, Any]:
    """Write records as a dataset at ``target``, published atomically; returns the manifest.

    Rows are written ``chunk`` documents at a time, so memory stays bounded.
    """
    out = _local(target)
    staging = _staging(out)
    try:
        counts: dict[str, int] = defaultdict(int)
        for name in (*TABLES, ERRORS):
            (staging / name).mkdir()
        buffer: Rows = {name: [] for name in TABLES}
        pending = part = 0
        error_rows = [error_row(e) for e in errors]
        for item in items:
            for name, rows in record_rows(
                item.record, raw=item.raw, extractor_version=item.extractor_version
            ).items():
                buffer[name].extend(rows)
                counts[name] += len(rows)
            pending += 1
            if pending >= chunk:
                _write_parts(staging, buffer, [], part)
                buffer, pending, part = {name: [] for name in TABLES}, 0, part + 1
        _write_parts(staging, buffer, error_rows, part)
        for name in (*TABLES, ERRORS):
            (staging / name / "_SUCCESS").touch()
        about_run = manifest(counts, len(error_rows), **about)
        (staging / MANIFEST).write_text(json.dumps(about_run, indent=2) + "\n", encoding="utf-8")
        publish(staging, out, overwrite=overwrite)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return about_run


def _csv_cell(value: Any) -> Any:
    return "" if value is None else value


def write_csv(
    items: Iterator[Stored], target: str | Path, *, overwrite: bool = False
) -> dict[str, int]:
    """One CSV file per table (``documents.csv``, ``actors.csv`` ...), columns as the dataset's.

    An empty cell is a missing value; ``published_month`` is a column here.
    """
    out = _local(target)
    staging = _staging(out)
    counts = {name: 0 for name in TABLES}
    handles = {}
    try:
        writers = {}
        for name, schema in TABLES.items():
            handle = (staging / f"{name}.csv").open("w", encoding="utf-8", newline="")
            handles[name] = handle
            writers[name] = csv.DictWriter(handle, fieldnames=[*schema.names, PARTITION])
            writers[name].writeheader()
        for item in items:
            for name, rows in record_rows(
                item.record, raw=item.raw, extractor_version=item.extractor_version
            ).items():
                writers[name].writerows({k: _csv_cell(v) for k, v in r.items()} for r in rows)
                counts[name] += len(rows)
        for handle in handles.values():
            handle.close()
        publish(staging, out, overwrite=overwrite)
    except BaseException:
        for handle in handles.values():
            handle.close()
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return counts


def write_jsonl(items: Iterator[Stored], target: str | Path, *, overwrite: bool = False) -> int:
    """One record per line, the shape ``accord extract`` prints (RECORD.md)."""
    out = _local(target)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = out.parent / f"_{out.name}.accord-tmp-{uuid.uuid4().hex[:12]}"
    n = 0
    try:
        with staging.open("w", encoding="utf-8") as handle:
            for item in items:
                handle.write(json.dumps(to_dict(item.record), ensure_ascii=False) + "\n")
                n += 1
            handle.flush()
            os.fsync(handle.fileno())
        publish(staging, out, overwrite=overwrite)
    except BaseException:
        staging.unlink(missing_ok=True)
        raise
    return n


def export_store(
    store: SqlStore, fmt: ExportFormat, target: str | Path, *, overwrite: bool = False, **about: Any
) -> int:
    """Every stored record to ``target`` in ``fmt``; returns how many documents went out."""
    written = 0

    def counted() -> Iterator[Stored]:
        nonlocal written
        for item in iter_stored(store):
            written += 1
            yield item

    if fmt == "parquet":
        write_parquet(counted(), target, overwrite=overwrite, writer="accord export", **about)
    elif fmt == "csv":
        write_csv(counted(), target, overwrite=overwrite)
    elif fmt == "jsonl":
        write_jsonl(counted(), target, overwrite=overwrite)
    else:
        raise StoreError(f"unknown export format {fmt!r} (parquet, csv or jsonl)")
    return written
