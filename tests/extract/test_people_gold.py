"""Persons, organisations and quotes against the public gold (the issue's floors), matched
the way the evaluator matches them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from accord.evaluate.match import normal_title, quote_matches, same_organization, same_person
from accord.pipeline import process_raw
from accord.schema import RawDocument, Record, Source


def _f1(tp: int, n_pred: int, n_gold: int) -> float:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _records(shared: Path) -> list[tuple[Record, dict[str, Any]]]:
    out = []
    for gold_path in sorted((shared / "gold").glob("*/*.json")):
        rel = gold_path.relative_to(shared / "gold").with_suffix(".txt")
        text = (shared / "corpus" / rel).read_text("utf-8")
        record = process_raw(RawDocument(text=text, source=Source(path=str(rel)), id=rel.stem))
        out.append((record, json.loads(gold_path.read_text("utf-8"))))
    return out


@pytest.mark.slow
def test_persons_organisations_and_quotes_meet_the_floors(shared: Path) -> None:
    pairs = _records(shared)
    assert len(pairs) >= 10
    c = dict.fromkeys(("p_tp", "p_pred", "p_gold", "title", "actor", "o_tp", "o_pred", "o_gold"), 0)
    c |= dict.fromkeys(("q_tp", "q_pred", "q_gold", "speaker"), 0)
    for record, gold in pairs:
        c["p_pred"] += len(record.persons)
        c["p_gold"] += len(gold["persons"])
        for g in gold["persons"]:
            p = next((p for p in record.persons if same_person(g["name"], p.name)), None)
            if p is not None:
                c["p_tp"] += 1
                c["title"] += normal_title(p.title) == normal_title(g["title"])
                c["actor"] += p.actor == g["actor"]
        c["o_pred"] += len(record.organizations)
        c["o_gold"] += len(gold["organizations"])
        c["o_tp"] += sum(
            any(same_organization(g["name"], o.name) for o in record.organizations)
            for g in gold["organizations"]
        )
        c["q_pred"] += len(record.quotes)
        c["q_gold"] += len(gold["quotes"])
        used: set[int] = set()
        for g in gold["quotes"]:
            i = next(
                (
                    i
                    for i, q in enumerate(record.quotes)
                    if i not in used and quote_matches(g["starts"], q.text)
                ),
                None,
            )
            if i is not None:
                used.add(i)
                c["q_tp"] += 1
                c["speaker"] += (record.quotes[i].speaker or "").casefold() == (
                    g["speaker"] or ""
                ).casefold()
    assert _f1(c["p_tp"], c["p_pred"], c["p_gold"]) >= 0.85, c
    assert c["title"] / c["p_tp"] >= 0.8, c
    assert c["actor"] / c["p_tp"] >= 0.8, c
    assert _f1(c["o_tp"], c["o_pred"], c["o_gold"]) >= 0.7, c
    assert _f1(c["q_tp"], c["q_pred"], c["q_gold"]) >= 0.9, c
    assert c["speaker"] / c["q_tp"] >= 0.9, c
