"""A stand-in pipeline that returns our hand-written records, so the scores under test
do not depend on how good the extractors are today."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from accord.schema import DocumentError, RawDocument, Record, from_dict

DATA = Path(__file__).parent / "data"


class FakePipeline:
    def __init__(self) -> None:
        self.seen: list[RawDocument] = []

    def __call__(
        self, items: Iterable[RawDocument | DocumentError], model: str, batch_size: int = 32
    ) -> Iterator[Record | DocumentError]:
        for item in items:
            if isinstance(item, DocumentError):
                yield item
                continue
            self.seen.append(item)
            path = DATA / "records" / f"{item.id}.json"
            if path.exists():
                yield from_dict(json.loads(path.read_text(encoding="utf-8")))
            else:
                yield DocumentError(path=str(item.source.path), reason="boom", stage="extract")


@pytest.fixture
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> FakePipeline:
    fake = FakePipeline()
    monkeypatch.setattr("accord.evaluate.run.process_stream", fake)
    return fake
