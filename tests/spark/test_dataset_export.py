"""`accord export` from a store and `accord load` of a dataset, without Spark: the files
DuckDB, pandas and polars read, the round trip back into a store, and the refusals."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pytest
from spark_helpers import store_rows
from typer.testing import CliRunner

from accord.cli.app import app
from accord.schema import to_dict
from accord.store import open_store
from accord.store.dataset import MANIFEST, TABLES

REPO = Path(__file__).resolve().parents[2]
runner = CliRunner()


@pytest.fixture(scope="module")
def store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store holding accord's own examples, ingested by the CLI."""
    url = f"sqlite:///{tmp_path_factory.mktemp('export') / 'accord.db'}"
    result = runner.invoke(app, ["ingest", str(REPO / "examples"), "--db", url, "-w", "1"])
    assert result.exit_code == 0, result.output
    return url


def _stored(url: str) -> dict[str, dict[str, object]]:
    with open_store(url) as store:
        return {r.id: to_dict(r) for r in store.iter_records()}


def test_parquet_export_reads_everywhere_and_loads_back(store_url: str, tmp_path: Path) -> None:
    out = tmp_path / "dataset"
    result = runner.invoke(
        app, ["export", "--format", "parquet", "--out", str(out), "--db", store_url]
    )
    assert result.exit_code == 0, result.output
    stored = _stored(store_url)
    counts = json.loads((out / MANIFEST).read_text())["tables"]
    assert counts["documents"] == len(stored) >= 6

    glob = str(out / "events" / "**" / "*.parquet")
    con = duckdb.connect()
    by_duckdb = con.execute(
        f"SELECT published_month, count(*) FROM read_parquet('{glob}', hive_partitioning=true) "
        "GROUP BY 1 ORDER BY 1"
    ).fetchall()
    assert sum(n for _, n in by_duckdb) == counts["events"] > 0
    assert all(month == "unknown" or month[:2] == "20" for month, _ in by_duckdb)
    by_pandas = pd.read_parquet(out / "documents")
    assert sorted(by_pandas["doc_id"]) == sorted(stored)
    by_polars = pl.read_parquet(str(out / "actors" / "**" / "*.parquet"), hive_partitioning=True)
    assert by_polars.height == counts["actors"]
    assert set(by_polars["code"]) == {a["code"] for r in stored.values() for a in r["actors"]}

    # Back into a fresh store: the same rows as the store it came from, twice over.
    copy = f"sqlite:///{tmp_path / 'copy.db'}"
    for outcome in ("added", "unchanged"):
        result = runner.invoke(app, ["load", str(out), "--db", copy])
        assert result.exit_code == 0, result.output
        assert f"│ {outcome:<9} │ {len(stored):>9} │" in result.output
    assert store_rows(copy) == store_rows(store_url)


def test_csv_and_jsonl_exports(store_url: str, tmp_path: Path) -> None:
    stored = _stored(store_url)
    csv_dir = tmp_path / "csv"
    result = runner.invoke(
        app, ["export", "--format", "csv", "--out", str(csv_dir), "--db", store_url]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.stem for p in csv_dir.iterdir()) == sorted(TABLES)
    docs = pd.read_csv(csv_dir / "documents.csv", keep_default_na=False)
    assert sorted(docs["doc_id"]) == sorted(stored)
    assert list(docs["body"]) == [stored[i]["body"] for i in docs["doc_id"]]  # newlines kept
    quotes = pl.read_csv(csv_dir / "quotes.csv")
    assert quotes.height == sum(len(r["quotes"]) for r in stored.values())
    con = duckdb.connect()
    (n,) = con.execute(
        f"SELECT count(*) FROM read_csv_auto('{csv_dir / 'mentions.csv'}')"
    ).fetchone()
    assert n == sum(1 for _ in (csv_dir / "mentions.csv").open()) - 1 > 0

    jsonl = tmp_path / "records.jsonl"
    result = runner.invoke(
        app, ["export", "--format", "jsonl", "--out", str(jsonl), "--db", store_url]
    )
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    assert {r["id"]: r for r in lines} == stored
    assert pd.read_json(jsonl, lines=True)["id"].tolist() == [r["id"] for r in lines]
    assert pl.read_ndjson(jsonl).height == len(stored)
    (n,) = con.execute(f"SELECT count(*) FROM read_json_auto('{jsonl}')").fetchone()
    assert n == len(stored)

    # What is there stays unless --overwrite says otherwise.
    result = runner.invoke(
        app, ["export", "--format", "jsonl", "--out", str(jsonl), "--db", store_url]
    )
    assert result.exit_code == 2 and "exists" in result.output
    result = runner.invoke(
        app, ["export", "--format", "jsonl", "--out", str(jsonl), "--db", store_url, "--overwrite"]
    )
    assert result.exit_code == 0, result.output
    assert not list(tmp_path.glob("_*accord-*"))  # no staging or old copies left behind


def test_load_refuses_what_is_not_a_whole_dataset(store_url: str, tmp_path: Path) -> None:
    out = tmp_path / "dataset"
    runner.invoke(app, ["export", "--format", "parquet", "--out", str(out), "--db", store_url])
    db = tmp_path / "target.db"

    trimmed = tmp_path / "trimmed"
    shutil.copytree(out, trimmed)
    next((trimmed / "mentions").rglob("*.parquet")).unlink()
    unpublished = tmp_path / "unpublished"
    shutil.copytree(out, unpublished)
    (unpublished / MANIFEST).unlink()

    for folder, says in (
        (trimmed, "the dataset is incomplete"),
        (unpublished, "not a published dataset"),
        (tmp_path / "nowhere", "no dataset"),
    ):
        result = runner.invoke(app, ["load", str(folder), "--db", f"sqlite:///{db}"])
        assert result.exit_code == 2, result.output
        assert says in result.output
    if db.exists():
        with open_store(f"sqlite:///{db}") as store:
            assert store.count_rows()["documents"] == 0


def test_documents_sharing_an_id_keep_their_own_facts(store_url: str, tmp_path: Path) -> None:
    from dataclasses import replace

    from accord.store.dataset import Stored, iter_dataset, iter_stored, write_parquet

    with open_store(store_url) as store:
        first, second = list(iter_stored(store))[:2]
    renamed = replace(second.record, id=first.record.id)  # two JSON Lines, one id
    items = [first, Stored(renamed, second.raw, second.extractor_version), first]
    write_parquet(iter(items), tmp_path / "ds")
    back = [to_dict(s.record) for s in iter_dataset(tmp_path / "ds")]
    # The repeated input is one document; the other keeps its own facts under the id.
    assert sorted(back, key=lambda r: r["content_hash"]) == sorted(
        [to_dict(first.record), to_dict(renamed)], key=lambda r: r["content_hash"]
    )
