"""`accord spark` on local[2] against the local pipeline: the same records, the same
errors, the same store rows after `accord load`, and nothing published by a killed run."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from spark_helpers import SPARK_TEST_CONF, store_rows
from typer.testing import CliRunner

from accord.cli.app import app
from accord.pipeline import process_stream
from accord.read.sources import iter_raw
from accord.schema import DocumentError, Record, to_dict
from accord.store import connect, open_store
from accord.store.dataset import MANIFEST, dataset_errors, iter_dataset, read_manifest

runner = CliRunner()


@pytest.fixture(scope="module")
def local(inputs: Path) -> tuple[dict[str, dict[str, Any]], list[DocumentError]]:
    """What the local pipeline makes of the input folder: records by id, and errors."""
    records: dict[str, dict[str, Any]] = {}
    errors: list[DocumentError] = []
    for item in process_stream(iter_raw([str(inputs)])):
        if isinstance(item, Record):
            records[item.id] = to_dict(item)
        else:
            errors.append(item)
    return records, errors


@pytest.fixture(scope="module")
def dataset(spark: Any, inputs: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from accord.pipeline.spark import run

    out = tmp_path_factory.mktemp("spark-out") / "dataset"
    summary = run(spark, [str(inputs)], str(out), partitions=3)
    assert summary.documents > 0
    return out


def test_spark_records_equal_the_local_pipelines(
    dataset: Path, local: tuple[dict[str, dict[str, Any]], list[DocumentError]]
) -> None:
    records, errors = local
    assert len(records) >= 10  # examples, an invented article, bulk lines, one more
    made = {s.record.id: to_dict(s.record) for s in iter_dataset(dataset)}
    assert sorted(made) == sorted(records)
    for doc_id, record in records.items():
        assert made[doc_id] == record, doc_id
    assert sum(len(r["events"]) for r in made.values()) > 0
    # The empty file and the two bad JSON Lines lines fail as they do locally; the
    # hidden and NOTICE files are skipped by both.
    assert sorted(dataset_errors(dataset), key=str) == sorted(errors, key=str)
    assert len(errors) == 3
    months = {p.name for p in (dataset / "documents").iterdir() if p.is_dir()}
    assert {"published_month=2023-06", "published_month=unknown"} <= months


def test_load_gives_the_rows_of_a_local_ingest(dataset: Path, inputs: Path, tmp_path: Path) -> None:
    ingested = f"sqlite:///{tmp_path / 'ingested.db'}"
    loaded = f"sqlite:///{tmp_path / 'loaded.db'}"
    result = runner.invoke(app, ["ingest", str(inputs), "--db", ingested, "-w", "1"])
    assert result.exit_code == 1, result.output  # three documents fail, the rest stored
    result = runner.invoke(app, ["load", str(dataset), "--db", loaded])
    assert result.exit_code == 1, result.output
    assert "broken-line" in result.output or "mixed.jsonl:" in result.output
    want = store_rows(ingested)
    assert len(want["documents"]) >= 10
    assert store_rows(loaded) == want

    # Loading again stores nothing twice; a local ingest finds the loaded text unchanged.
    result = runner.invoke(app, ["load", str(dataset), "--db", loaded])
    assert "unchanged" in result.output
    result = runner.invoke(app, ["ingest", str(inputs), "--db", loaded, "-w", "1"])
    assert store_rows(loaded) == want
    with open_store(loaded) as store:
        assert store.count_rows()["documents"] == len(want["documents"])


def test_serve_parquet_shows_the_run_as_its_load_into_sqlite_does(
    dataset: Path, tmp_path: Path
) -> None:
    """`accord serve --db parquet:DIR` over the Spark run's own output: every answer of
    the API equals the one over `accord load DIR` into SQLite, and the pages open."""
    from urllib.parse import quote

    from fastapi.testclient import TestClient

    from accord.serve.app import create_app
    from accord.settings import Settings

    loaded = f"sqlite:///{tmp_path / 'loaded.db'}"
    runner.invoke(app, ["load", str(dataset), "--db", loaded])
    settings = Settings(api_token=None)
    with open_store(loaded) as sql, connect(f"parquet:{dataset}") as parquet:
        assert parquet.stats() == sql.stats()
        a, b = TestClient(create_app(sql, settings)), TestClient(create_app(parquet, settings))
        docs = a.get("/api/documents?limit=1000").json()
        assert docs["total"] >= 10
        paths = ["/api/documents?limit=1000", "/api/overview", "/api/network", "/api/stories"]
        paths += ["/api/events?limit=1000", "/api/actors?limit=1000", "/api/amounts"]
        for item in docs["items"]:
            paths.append(f"/api/documents/{quote(item['id'], safe='')}")
            paths.append(f"/api/documents/{quote(item['id'], safe='')}/copies")
        for path in paths:
            assert a.get(path).json() == b.get(path).json(), path
        first = quote(docs["items"][0]["id"], safe="")
        for page in ("/", "/network", "/documents", f"/documents/{first}"):
            assert b.get(page).status_code == 200, page


@pytest.mark.postgres
def test_load_into_postgresql_equals_sqlite(dataset: Path, pg_url: str, tmp_path: Path) -> None:
    sqlite = f"sqlite:///{tmp_path / 'loaded.db'}"
    for url in (sqlite, pg_url, pg_url):
        result = runner.invoke(app, ["load", str(dataset), "--db", url])
        assert result.exit_code == 1, result.output  # the run's three failures
    assert store_rows(pg_url) == store_rows(sqlite)


def test_an_existing_dataset_is_kept_unless_overwrite(spark: Any, dataset: Path) -> None:
    from accord.pipeline.spark import SparkRunError, run

    before = read_manifest(dataset)
    with pytest.raises(SparkRunError, match="exists"):
        run(spark, [str(dataset.parent / "nowhere")], str(dataset))
    assert read_manifest(dataset) == before


def _staging(out: Path) -> list[Path]:
    return sorted(out.parent.glob(f"_{out.name}.accord-tmp-*"))


def test_a_killed_run_leaves_nothing_load_would_take(
    spark: Any, inputs: Path, tmp_path: Path
) -> None:
    out = tmp_path / "killed"
    small = tmp_path / "small"  # the run need only reach its writes
    small.mkdir()
    for name in ("kenya-india-pharma.txt", "ghana-germany-solar.txt"):
        shutil.copy(inputs / name, small / name)
    conf = {**SPARK_TEST_CONF, "spark.local.dir": str(tmp_path / "local")}
    command = [sys.executable, "-m", "accord", "spark", str(small), "--out", str(out)]
    command += ["--master", "local[1]", "--partitions", "1"]
    for key, value in conf.items():
        command += ["--conf", f"{key}={value}"]
    proc = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own group: the JVM and Python workers die with it
    )
    written: list[Path] = []
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and proc.poll() is None:
            written = [p for s in _staging(out) for p in s.rglob("*.parquet")]
            if written:
                break
            time.sleep(0.05)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
    assert written, "the run ended before it wrote a table part"
    assert not out.exists()
    (staging,) = _staging(out)
    assert not (staging / MANIFEST).exists()

    db = f"sqlite:///{tmp_path / 'store.db'}"
    for folder in (out, staging):
        result = runner.invoke(app, ["load", str(folder), "--db", db])
        assert result.exit_code == 2
        assert "not a published dataset" in result.output or "no dataset" in result.output
    assert not (tmp_path / "store.db").exists()  # the store was never opened

    # The leftover does not stop the next run, which publishes the whole dataset.
    from accord.pipeline.spark import run

    summary = run(spark, [str(inputs)], str(out), partitions=2)
    result = runner.invoke(app, ["load", str(out), "--db", db])
    assert result.exit_code == 1, result.output
    with open_store(db) as store:
        assert store.count_rows()["documents"] == summary.documents
