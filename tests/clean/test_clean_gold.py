"""The cleaner against the public gold (../shared): the four gate floors.

Metric definitions are the evaluation helper's:
- boilerplate removed: share of gold boilerplate lines the body has fewer copies of
  (lines compared stripped) than the raw text;
- body kept: share of gold body_keep fragments found in the body, whitespace runs
  collapsed to one space on both sides;
- credited sources: F1 over sets of normalised names; outlet: exact-match accuracy.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from accord.clean import clean
from accord.read import read_text_file

PUBLIC = [
    "dev/russia-africa-it-forum",
    "dev/russia-rwanda-commission",
    "africa/dj-china-us-lasers",
    "africa/sd-china-oil-investment",
    "africa/zm-china-debt-loans",
    "africa/zw-china-mnangagwa-visit",
    "trade/bbc-india-pakistan-trade",
    "trade/bbc-us-eu-customs-wto",
    "trade/reuters-baldrige-china-technology",
    "trade/reuters-jordan-sudan-barter",
]


def _ws(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_cleaner_meets_the_gate_floors_on_public_gold(shared: Path) -> None:
    removed = total_bp = kept = total_keep = tp = fp = fn = outlets = 0
    for name in PUBLIC:
        gold = json.loads((shared / "gold" / f"{name}.json").read_text(encoding="utf-8"))
        doc = clean(read_text_file(shared / "corpus" / f"{name}.txt"))
        raw_lines = [line.strip() for line in doc.raw.split("\n")]
        body_lines = [line.strip() for line in doc.body.split("\n")]
        for line in gold["boilerplate"]:
            total_bp += 1
            removed += body_lines.count(line.strip()) < raw_lines.count(line.strip())
        body = _ws(doc.body)
        for fragment in gold["body_keep"]:
            total_keep += 1
            kept += _ws(fragment) in body
        want, got = set(gold["attributed_sources"]), set(doc.attributed_sources)
        tp, fp, fn = tp + len(want & got), fp + len(got - want), fn + len(want - got)
        outlets += gold["outlet"] == doc.outlet
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    assert removed / total_bp >= 0.95
    assert kept / total_keep >= 0.98
    assert f1 >= 0.85
    assert outlets / len(PUBLIC) >= 0.8
