"""Spark: the local pipeline over a cluster's cores, writing a Parquet dataset.

`accord spark INPUT... --out DIR` runs here. The steps, each a plain Spark stage:

1. List the inputs through Hadoop's FileSystem (any path Spark reads: file:, hdfs:,
   s3a: ...), with the folder rules of ``accord.read.folder`` (no hidden files, the same
   article suffixes, README-like files skipped).
2. Read the files with Spark's ``binaryFile`` source and turn each into RawDocuments with
   accord's own reader for its kind (``read.read_file`` on a temporary copy named as the
   file is), so text, HTML, JSON Lines, WARC and feeds read exactly as they do locally
   and paths and default ids come out the same. One file must fit an executor's memory
   (Spark's binaryFile limit is 2 GB a file).
3. Spread the documents over ``partitions`` and run each partition through
   ``pipeline.process_stream``, the function every local worker runs, so a record made
   on an executor is the record made on a laptop. spaCy loads once per Python worker
   (``load_nlp`` caches it, and Spark reuses its Python workers).
4. Explode each document's rows (``store.dataset.record_rows``) into one table per store
   table, partitioned by publication month, written into a temporary folder beside DIR,
   then the manifest, then one rename publishes it. A run killed part way leaves only
   the temporary folder, which `accord load` refuses (it has no manifest).
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Any

import pyarrow as pa
from pyspark import StorageLevel
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.pandas.types import from_arrow_schema
from pyspark.sql.types import ArrayType, StructField, StructType

from accord import __version__
from accord.parse import DEFAULT_MODEL
from accord.pipeline.batch import process_stream
from accord.read.feed import is_feed_file
from accord.read.folder import DEFAULT_INCLUDE, is_article_name
from accord.read.sources import read_file
from accord.schema import DocumentError, RawDocument
from accord.settings import Settings
from accord.settings import extractor_version as settings_extractor_version
from accord.store.dataset import (
    ERROR_SCHEMA,
    ERRORS,
    MANIFEST,
    PARTITION,
    TABLES,
    error_row,
    manifest,
    record_rows,
)

Item = RawDocument | DocumentError

LOCAL_CONF: dict[str, str] = {
    "spark.driver.host": "127.0.0.1",
    "spark.driver.bindAddress": "127.0.0.1",
    "spark.ui.enabled": "false",
}
"""Settings for a local master: nothing listens beyond the loopback, no web UI."""


class SparkRunError(RuntimeError):
    """The Spark run could not start or finish; nothing was published."""


def build_session(
    master: str | None = None, conf: dict[str, str] | None = None, app_name: str = "accord"
) -> SparkSession:
    """A SparkSession; a local master (the default without spark-submit) binds 127.0.0.1.

    Under spark-submit the master and settings come from it; ``conf`` adds to them.
    """
    builder = SparkSession.builder.appName(app_name)
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ  # spark-submit started this driver
    chosen = master or (None if submitted else "local[*]")
    settings = dict(conf or {})
    if chosen is not None:
        builder = builder.master(chosen)
    if chosen is not None and chosen.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        # The workers run this interpreter, so they see this environment's accord and model.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        settings = {**LOCAL_CONF, **settings}
    for key, value in settings.items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


@dataclass(frozen=True)
class InputFile:
    """One file to read: its URI for Spark and its path as the user wrote it."""

    uri: str
    shown: str
    in_folder: bool
    size: int = -1


@dataclass(frozen=True)
class Summary:
    """What a run wrote: where, how many documents and rows, how many failed."""

    out: str
    files: int
    documents: int
    errors: int
    rows: dict[str, int]


def _jvm(spark: SparkSession) -> Any:
    jvm = spark.sparkContext._jvm
    if jvm is None:
        raise SparkRunError("the Spark session has stopped")
    return jvm


def _has_scheme(text: str) -> bool:
    head, sep, _ = text.partition(":")
    return bool(sep) and len(head) > 1 and head.replace("+", "").replace("-", "").isalnum()


def list_inputs(
    spark: SparkSession, inputs: Sequence[str], include: Sequence[str] | None = None
) -> tuple[list[InputFile], list[DocumentError]]:
    """The article files under the inputs, by ``accord.read.folder``'s rules; missing
    inputs become error entries. A file named on its own is read whatever its suffix."""
    jvm = _jvm(spark)
    hadoop_conf = spark.sparkContext._jsc.hadoopConfiguration()
    patterns = tuple(include) if include else DEFAULT_INCLUDE
    files: list[InputFile] = []
    missing: list[DocumentError] = []
    for given in inputs:
        path = jvm.org.apache.hadoop.fs.Path(given)
        fs = path.getFileSystem(hadoop_conf)
        local = not _has_scheme(given)
        if not fs.exists(path):
            missing.append(DocumentError(path=given, reason="no such file or folder"))
            continue
        qualified = fs.makeQualified(path)
        if fs.getFileStatus(qualified).isFile():
            files.append(
                InputFile(qualified.toString(), str(Path(given)) if local else given, False)
            )
            continue
        base = qualified.toString().rstrip("/")
        found: list[InputFile] = []
        listing = fs.listFiles(qualified, True)
        while listing.hasNext():
            status = listing.next()
            uri = status.getPath().toString()
            rel = uri[len(base) + 1 :]
            parts = PurePosixPath(rel).parts
            if any(part.startswith(".") for part in parts):
                continue
            if not is_article_name(Path(parts[-1]), patterns):
                continue
            shown = str(Path(given, *parts)) if local else f"{given.rstrip('/')}/{rel}"
            found.append(InputFile(uri, shown, True, status.getLen()))
        files.extend(sorted(found, key=lambda f: Path(f.shown)))
    return files, missing


def _renamed(item: Item, temporary: str, shown: str) -> Item:
    """An item read from a temporary copy, named by the file it copies."""
    if isinstance(item, DocumentError):
        return replace(
            item,
            path=item.path.replace(temporary, shown),
            reason=item.reason.replace(temporary, shown),
        )
    path = item.source.path
    if path is None:
        return item
    return replace(item, source=replace(item.source, path=path.replace(temporary, shown)))


def read_bytes(content: bytes, shown: str, in_folder: bool) -> Iterator[Item]:
    """The documents in one file's bytes, read by accord's reader for its kind.

    The reader gets a temporary copy under the file's own name, so ids made from the
    name (a text file's stem, a JSON Lines line's ``stem-N``) are the local run's.
    """
    name = PurePosixPath(shown).name or "input"
    with tempfile.TemporaryDirectory(prefix="accord-spark-") as folder:
        path = Path(folder) / name
        path.write_bytes(content)
        if in_folder and path.suffix.lower() == ".xml" and not is_feed_file(path):
            return  # a folder's other XML (sitemaps, metadata) is not news, as locally
        for item in read_file(path):
            yield _renamed(item, str(path), shown)


def _read_partition(rows: Iterable[Any], shown: dict[str, tuple[str, bool]]) -> Iterator[Item]:
    for row in rows:
        name, in_folder = shown.get(row.path, (row.path, False))
        try:
            yield from read_bytes(bytes(row.content), name, in_folder)
        except OSError as exc:  # the executor's temporary disk, not the document
            yield DocumentError(path=name, reason=f"cannot read file ({exc})")


def _spark_schema() -> StructType:
    """One row per document: for every table, the array of that document's rows."""
    fields = [
        StructField(
            name,
            ArrayType(from_arrow_schema(schema.append(pa.field(PARTITION, pa.string())))),
        )
        for name, schema in TABLES.items()
    ]
    fields.append(StructField(ERRORS, ArrayType(from_arrow_schema(ERROR_SCHEMA))))
    return StructType(fields)


def _empty_row() -> dict[str, list[dict[str, Any]]]:
    return {name: [] for name in (*TABLES, ERRORS)}


def process_partition(
    items: Iterable[Item], model: str, batch_size: int, extractor_version: str
) -> Iterator[dict[str, list[dict[str, Any]]]]:
    """One partition through ``process_stream`` (the local workers' path), as table rows."""
    seen: deque[Item] = deque()

    def remember() -> Iterator[Item]:
        for item in items:
            seen.append(item)
            yield item

    for result in process_stream(remember(), model, batch_size):
        given = seen.popleft()
        row = _empty_row()
        if isinstance(result, DocumentError):
            row[ERRORS].append(error_row(result))
        else:
            kept = isinstance(given, RawDocument) and given.source == result.source
            row.update(
                record_rows(
                    result,
                    raw=given.text if kept and isinstance(given, RawDocument) else None,
                    extractor_version=extractor_version,
                )
            )
        yield row


def extractor_version(model: str) -> str:
    """What `accord ingest` stores as the version (settings' one definition), so a later
    local ingest of the same text finds 'unchanged'."""
    return settings_extractor_version(Settings(model=model))


class _Folder:
    """A folder on a Hadoop file system: the staging and target of one run."""

    def __init__(self, spark: SparkSession, where: str) -> None:
        jvm = _jvm(spark)
        self._Path = jvm.org.apache.hadoop.fs.Path
        path = self._Path(where)
        self.fs = path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
        self.path = self.fs.makeQualified(path)

    def sibling(self, label: str) -> Any:
        name = f"_{self.path.getName()}.accord-{label}-{uuid.uuid4().hex[:12]}"
        return self._Path(self.path.getParent(), name)

    def child(self, parent: Any, name: str) -> Any:
        return self._Path(parent, name)

    def write_text(self, path: Any, text: str) -> None:
        stream = self.fs.create(path, False)
        try:
            stream.write(bytearray(text.encode("utf-8")))
        finally:
            stream.close()


def run(
    spark: SparkSession,
    inputs: Sequence[str],
    out: str,
    *,
    model: str = DEFAULT_MODEL,
    batch_size: int = 32,
    partitions: int | None = None,
    overwrite: bool = False,
    include: Sequence[str] | None = None,
) -> Summary:
    """Process the inputs on ``spark`` and publish the dataset at ``out`` atomically."""
    target = _Folder(spark, out)
    if target.fs.exists(target.path) and not overwrite:
        raise SparkRunError(f"{out} exists (use --overwrite to replace it)")
    files, missing = list_inputs(spark, inputs, include)
    sc = spark.sparkContext
    version = extractor_version(model)
    staging = target.sibling("tmp")
    processed: DataFrame | None = None
    try:
        # Spark's file sources skip empty files; they are read here, to fail as locally.
        empty = [
            item for f in files if f.size == 0 for item in read_bytes(b"", f.shown, f.in_folder)
        ]
        items = sc.parallelize(empty, 1)
        sized = [f for f in files if f.size != 0]
        if sized:
            shown = sc.broadcast({f.uri: (f.shown, f.in_folder) for f in sized})
            read = (
                spark.read.format("binaryFile")
                .load([f.uri for f in sized])
                .select("path", "content")
                .rdd.mapPartitions(lambda rows: _read_partition(rows, shown.value))
            )
            items = read.union(items) if empty else read
        spread = items.repartition(partitions or max(2, sc.defaultParallelism * 2))
        rows = spread.mapPartitions(
            lambda items: process_partition(items, model, batch_size, version)
        )
        missing_rows = [{**_empty_row(), ERRORS: [error_row(e)]} for e in missing]
        if missing_rows:
            rows = rows.union(sc.parallelize(missing_rows, 1))
        processed = spark.createDataFrame(rows, _spark_schema()).persist(StorageLevel.DISK_ONLY)
        names = (*TABLES, ERRORS)
        sums = processed.select(
            *[F.coalesce(F.sum(F.size(n)), F.lit(0)).alias(n) for n in names]
        ).first()
        counts = {n: int(sums[n]) if sums is not None else 0 for n in names}
        _write_tables(processed, lambda name: target.child(staging, name).toString())
        about = manifest(
            counts,
            counts[ERRORS],
            writer="accord spark",
            accord=__version__,
            model=model,
            inputs=list(inputs),
        )
        target.write_text(target.child(staging, MANIFEST), json.dumps(about, indent=2) + "\n")
        _publish(target, staging, overwrite)
    except BaseException:
        _discard(target, staging)
        raise
    finally:
        if processed is not None:
            processed.unpersist()
    return Summary(
        out=target.path.toString(),
        files=len(files),
        documents=counts["documents"],
        errors=counts[ERRORS],
        rows={n: counts[n] for n in TABLES},
    )


def _write_tables(processed: DataFrame, where: Callable[[str], str]) -> None:
    """One Spark job per table, a few at a time: each is small, and its start-up is
    most of its cost, so jobs in flight together keep the cores busy."""

    def write(name: str) -> None:
        table = processed.select(F.explode(name).alias("r")).select("r.*")
        if name == ERRORS:
            table.coalesce(1).write.parquet(where(name))
        else:
            table.write.partitionBy(PARTITION).parquet(where(name))

    with ThreadPoolExecutor(max_workers=4) as pool:
        for future in [pool.submit(write, name) for name in (*TABLES, ERRORS)]:
            future.result()


def _publish(target: _Folder, staging: Any, overwrite: bool) -> None:
    """One rename puts the finished folder at the target; a replaced one goes after."""
    old = None
    if target.fs.exists(target.path):
        if not overwrite:
            raise SparkRunError(f"{target.path.toString()} exists (use --overwrite)")
        old = target.sibling("old")
        if not target.fs.rename(target.path, old):
            raise SparkRunError(f"could not move the old {target.path.toString()} aside")
    if not target.fs.rename(staging, target.path):
        raise SparkRunError(f"could not publish {target.path.toString()}")
    if old is not None:
        target.fs.delete(old, True)


def _discard(target: _Folder, staging: Any) -> None:
    """Remove a failed run's staging folder, where the JVM still answers."""
    with contextlib.suppress(Exception):  # the JVM is gone (Ctrl-C): it stays, unpublished
        target.fs.delete(staging, True)
