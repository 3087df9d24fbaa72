"""The local process pool: same records in the same order as in-process; faults stay local."""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from accord.errors import ModelNotFoundError
from accord.pipeline import Result, process_chunk, process_parallel, process_stream
from accord.read import iter_raw
from accord.schema import DocumentError, RawDocument, Record, Source, to_dict
from accord.settings import Settings

ARTICLES = {
    "a-ghana-vietnam": "Ghana and Vietnam agree rice deal\n\nGhana will buy 50,000 tonnes of "
    "Vietnamese rice this year, the trade ministry in Accra said on Tuesday.\n",
    "b-brazil-angola": "Brazil extends credit line to Angola\n\nBrazil's development bank "
    'will lend Angola $2 billion for roads, Finance Minister Ana Silva said. "This is a '
    'partnership," she told reporters in Luanda.\n',
    "c-binary": None,  # a file that is not text: a read error in the middle
    "d-japan-vietnam": "Japan will lend Vietnam 40 billion yen for a metro line in Hanoi, "
    "the Japanese embassy said on Friday.\n",
    "e-eu-morocco": "The European Union and Morocco signed a fisheries agreement in Rabat "
    "on Monday after two years of talks.\n",
    "f-india-nepal": "India and Nepal opened a new cross-border railway on Saturday. Prime "
    "Minister Narendra Modi said the line would double trade between the neighbours.\n",
    "g-chile-korea": "South Korea and Chile agreed to cooperate on lithium mining and "
    "battery production, officials in Seoul said.\n",
}


def write_corpus(root: Path) -> Path:
    for name, text in ARTICLES.items():
        path = root / f"{name}.txt"
        if text is None:
            path.write_bytes(b"\x00\x01\x02 not text \x00\xff")
        else:
            path.write_text(text, encoding="utf-8")
    return root


def as_dicts(items: list[Record | DocumentError]) -> list[dict[str, object]]:
    return [dict(i.to_dict()) if isinstance(i, DocumentError) else to_dict(i) for i in items]


def test_two_workers_give_the_records_of_process_stream_in_order(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    expected = as_dicts(list(process_stream(iter_raw([corpus]), batch_size=2)))
    # batch_size 2: four chunks, more than the in-flight window of a 2-worker pool holds
    got = as_dicts(list(process_parallel(iter_raw([corpus]), workers=2, batch_size=2)))
    assert got == expected
    assert [d.get("id") for d in got] == [
        "a-ghana-vietnam",
        "b-brazil-angola",
        None,
        "d-japan-vietnam",
        "e-eu-morocco",
        "f-india-nepal",
        "g-chile-korea",
    ]
    assert got[2]["path"] == str(corpus / "c-binary.txt")


def test_one_worker_runs_in_process(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    got = as_dicts(list(process_parallel(iter_raw([corpus]), workers=1, batch_size=3)))
    assert got == as_dicts(list(process_stream(iter_raw([corpus]), batch_size=3)))


CRASH = "CRASH-THE-WORKER"
RAISE = "RAISE-IN-THE-WORKER"


def faulty_runner(chunk: Sequence[RawDocument | DocumentError], settings: Settings) -> list[Result]:
    """process_chunk, except that a marked document kills the worker or raises."""
    for item in chunk:
        if isinstance(item, RawDocument) and CRASH in item.text:
            os._exit(3)  # as a segfault or the OOM killer would: no exception, no cleanup
        if isinstance(item, RawDocument) and RAISE in item.text:
            raise RuntimeError("extractor bug")
    return process_chunk(chunk, settings)


def raw(n: int, extra: str = "") -> RawDocument:
    text = f"Kenya and Ethiopia signed trade agreement number {n} in Nairobi on Monday. {extra}"
    return RawDocument(text=text, source=Source(path=f"doc-{n}.txt"), id=f"doc-{n}")


def test_a_crashing_or_raising_document_is_one_error_and_the_rest_come_out() -> None:
    docs = [raw(n) for n in range(10)]
    docs[3] = raw(3, CRASH)
    docs[7] = raw(7, RAISE)
    out = list(process_parallel(docs, workers=2, batch_size=2, runner=faulty_runner))
    assert len(out) == 10
    errors = {i: o for i, o in enumerate(out) if isinstance(o, DocumentError)}
    assert sorted(errors) == [3, 7]
    assert errors[3].path == "doc-3.txt"
    assert "worker process died" in errors[3].reason
    assert errors[7].reason == "RuntimeError: extractor bug"
    records = [o for o in out if isinstance(o, Record)]
    assert [r.id for r in records] == [f"doc-{n}" for n in (0, 1, 2, 4, 5, 6, 8, 9)]
    assert as_dicts(records) == as_dicts(
        [o for o in process_stream(d for d in docs if d.id not in {"doc-3", "doc-7"})]
    )


def test_closing_the_stream_early_stops_the_workers() -> None:
    docs = (raw(n) for n in range(10_000))  # lazily made: must never be read to the end
    stream = process_parallel(docs, workers=2, batch_size=4)
    first = next(stream)
    assert isinstance(first, Record) and first.id == "doc-0"
    start = time.perf_counter()
    stream.close()
    assert time.perf_counter() - start < 10
    # The input was read only a window ahead (4 chunks of 4), not to the end.
    assert int(str(next(docs).id).removeprefix("doc-")) < 40


@pytest.mark.parametrize("workers", [0, 1])
def test_an_empty_input_gives_nothing(workers: int) -> None:
    assert list(process_parallel([], workers=workers)) == []


def test_a_missing_model_is_one_clear_error_not_an_error_per_document() -> None:
    docs = [raw(n) for n in range(6)]
    with pytest.raises(ModelNotFoundError, match="no_such_model"):
        list(process_parallel(docs, workers=2, model="no_such_model", batch_size=2))
