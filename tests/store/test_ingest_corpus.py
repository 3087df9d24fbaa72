"""Real articles through the pipeline into the store: ingesting twice changes nothing."""

from __future__ import annotations

from pathlib import Path

from accord.pipeline import process_stream
from accord.read.sources import iter_raw
from accord.schema import DocumentError, Record
from accord.store import Store


def _ingest(store: Store, folder: Path) -> list[str]:
    outcomes = []
    for item in process_stream(iter_raw([folder])):
        assert isinstance(item, Record), item
        outcomes.append(store.ingest(item, extractor_version="test"))
    return outcomes


def test_dev_corpus_twice_leaves_every_table_as_it_was(store: Store, shared: Path) -> None:
    folder = shared / "corpus" / "dev"
    first = _ingest(store, folder)
    assert first and set(first) == {"added"}
    before = store.count_rows()
    assert before["documents"] == len(first)
    second = _ingest(store, folder)
    assert set(second) == {"unchanged"}
    assert store.count_rows() == before
    for record in store.iter_records():
        assert store.get(record.id) == record
        assert record.body  # the text is there to highlight evidence in


def test_corpus_records_round_trip_exactly(store: Store, shared: Path) -> None:
    folder = shared / "corpus" / "dev"
    made = [r for r in process_stream(iter_raw([folder])) if not isinstance(r, DocumentError)]
    for record in made:
        store.ingest(record)
    assert [store.get(r.id) for r in made] == made
