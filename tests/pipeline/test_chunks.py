"""Batches are capped in words as well as documents: one long text never shares a
batch with thirty others, and the order of the stream is kept."""

from __future__ import annotations

import pytest

from accord.pipeline.batch import chunks
from accord.schema import DocumentError, RawDocument, Source
from accord.settings import load_settings


def _doc(i: int, words: int) -> RawDocument:
    return RawDocument(text=" ".join(["word"] * words), source=Source(path=f"d{i}.txt"))


def test_short_documents_fill_a_batch_by_count() -> None:
    settings = load_settings(batch_size=4, batch_words=10_000)
    docs = [_doc(i, 50) for i in range(10)]
    assert [len(c) for c in chunks(docs, settings)] == [4, 4, 2]


def test_a_long_document_goes_alone_and_order_holds() -> None:
    settings = load_settings(batch_size=32, batch_words=1_000)
    docs = [_doc(0, 300), _doc(1, 300), _doc(2, 5_000), _doc(3, 300), _doc(4, 600), _doc(5, 200)]
    got = list(chunks(docs, settings))
    assert [[d.source.path for d in c] for c in got] == [
        ["d0.txt", "d1.txt"],
        ["d2.txt"],
        ["d3.txt", "d4.txt"],
        ["d5.txt"],
    ]
    assert [d for c in got for d in c] == docs


def test_error_entries_ride_along_without_words() -> None:
    settings = load_settings(batch_size=32, batch_words=100)
    bad = DocumentError(path="bad.bin", reason="not text", stage="read")
    got = list(chunks([_doc(0, 100), bad, _doc(1, 100)], settings))
    assert got == [[_doc(0, 100), bad], [_doc(1, 100)]]


def test_the_cap_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACCORD_BATCH_WORDS", "250")
    settings = load_settings()
    assert settings.batch_words == 250
    assert [len(c) for c in chunks([_doc(i, 100) for i in range(5)], settings)] == [2, 2, 1]
