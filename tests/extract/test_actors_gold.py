"""Actors against the public gold: the set of codes per document, F1 over the 10 files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accord.pipeline import process_raw
from accord.schema import RawDocument, Source


@pytest.mark.slow
def test_actor_f1_on_public_gold(shared: Path) -> None:
    tp = fp = fn = 0
    golds = sorted((shared / "gold").glob("*/*.json"))
    assert len(golds) >= 10
    for gold_path in golds:
        rel = gold_path.relative_to(shared / "gold").with_suffix(".txt")
        text = (shared / "corpus" / rel).read_text("utf-8")
        record = process_raw(RawDocument(text=text, source=Source(path=str(rel)), id=rel.stem))
        got = {a.code for a in record.actors}
        want = set(json.loads(gold_path.read_text("utf-8"))["actors"])
        tp, fp, fn = tp + len(got & want), fp + len(got - want), fn + len(want - got)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    assert f1 >= 0.90, f"actors P={precision:.3f} R={recall:.3f} F1={f1:.3f}"
