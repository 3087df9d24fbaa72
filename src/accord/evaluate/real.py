"""Gold kept as offsets into texts that live outside the project (eval/real/GUIDE.md).

The real evaluation set may not store article text, so its gold files give offsets where
GOLD_FORMAT has fragments (``body_keep``, ``boilerplate``, a quote's ``starts``); this
module turns them back into fragments against the JSON Lines text, checks the text is
the one annotated (SHA-256 in ``split.json``), and pairs gold with documents.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from accord.errors import GoldError
from accord.evaluate.gold import Gold, gold_from_dict
from accord.read.jsonl import parse_jsonl_line
from accord.schema import RawDocument

QUOTE_WORDS = 5  # a quote's ``starts`` is its first five words, as GOLD_FORMAT's minimum
BLIND_MARKER = "BLIND"  # a gold folder holding this file shows aggregate scores only
SPLIT_FILE = "split.json"


def _fragment(text: str, span: Any, where: str) -> str:
    ok = (
        isinstance(span, list)
        and len(span) == 2
        and all(isinstance(x, int) for x in span)
        and 0 <= span[0] < span[1] <= len(text)
    )
    if not ok:
        raise GoldError(f"{where}: {span!r} is not a [start, end] span inside the text")
    return text[span[0] : span[1]]


def _quote_start(text: str, at: Any, where: str) -> str:
    if not isinstance(at, int) or not 0 <= at < len(text) or text[at].isspace():
        raise GoldError(f"{where}: quote offset {at!r} does not point at a word of the text")
    return " ".join(text[at:].split()[:QUOTE_WORDS])


def resolve_offsets(data: Any, text: str, where: str) -> dict[str, Any]:
    """The GOLD_FORMAT object that an offset-form gold object stands for."""
    if not isinstance(data, dict):
        raise GoldError(f"{where}: a gold file holds one JSON object")
    out = dict(data)
    for name in ("body_keep", "boilerplate"):
        spans = data.get(name, [])
        if not isinstance(spans, list):
            raise GoldError(f"{where}: {name} must be a list of [start, end] spans")
        out[name] = [_fragment(text, s, f"{where}: {name}") for s in spans]
    quotes = data.get("quotes", [])
    if not isinstance(quotes, list) or not all(isinstance(q, dict) for q in quotes):
        raise GoldError(f"{where}: quotes must be a list of objects")
    out["quotes"] = [
        {"speaker": q.get("speaker"), "starts": _quote_start(text, q.get("at"), f"{where}: quote")}
        for q in quotes
    ]
    return out


@dataclass(frozen=True, slots=True)
class RealPair:
    """One annotated document: its gold (fragments resolved) and the document to process."""

    gold: Gold
    raw: RawDocument
    text_path: str  # where the text came from, for messages: FILE.jsonl#ID


def _split_hashes(gold_dir: Path) -> dict[str, str]:
    for folder in (gold_dir, gold_dir.parent):
        path = folder / SPLIT_FILE
        if path.is_file():
            split = json.loads(path.read_text(encoding="utf-8"))
            return {d["id"]: d["sha256"] for d in split.get("documents", [])}
    return {}


def gold_files(gold_dir: Path) -> list[Path]:
    """The gold files of a folder (searched deeply), leaving out the split manifest."""
    return [p for p in sorted(gold_dir.rglob("*.json")) if p.name != SPLIT_FILE]


def pair_jsonl(jsonl: Path, gold_dir: Path) -> tuple[list[RealPair], list[str], int]:
    """Offset-form gold files matched by ``id`` to lines of a JSON Lines corpus.

    Returns the pairs, the gold files that could not be scored (and why), and how many
    lines of the corpus have no gold. A text whose SHA-256 differs from ``split.json``
    is a problem, not a score: its offsets would point at other words.
    """
    wanted: dict[str, tuple[Path, Any]] = {}
    problems: list[str] = []
    for path in gold_files(gold_dir):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            problems.append(f"{path}: cannot read: {exc}")
            continue
        doc_id = data.get("id") if isinstance(data, dict) else None
        if not isinstance(doc_id, str):
            problems.append(f"{path}: no string 'id' naming the JSON Lines document")
            continue
        wanted[doc_id] = (path, data)
    hashes = _split_hashes(gold_dir)
    pairs: list[RealPair] = []
    others = 0
    with jsonl.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            row = json.loads(line)
            found = wanted.pop(str(row.get("id")), None)
            if found is None:
                others += 1
                continue
            path, data = found
            text = row["text"]
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            if row["id"] in hashes and hashes[row["id"]] != digest:
                problems.append(f"{path}: the text of {row['id']} is not the one annotated")
                continue
            try:
                gold = gold_from_dict(
                    resolve_offsets(data, text, str(path)), id=path.stem, path=str(path)
                )
            except GoldError as exc:
                problems.append(str(exc))
                continue
            raw = parse_jsonl_line(line, f"{jsonl}:{lineno}", default_id=row["id"])
            raw = replace(raw, id=gold.id, published=gold.published)
            pairs.append(RealPair(gold, raw, f"{jsonl}#{row['id']}"))
    problems.extend(
        f"{path}: no document {doc_id} in {jsonl}" for doc_id, (path, _) in wanted.items()
    )
    return pairs, problems, others


def is_blind(gold_dir: Path) -> bool:
    """True for a gold folder whose per-document results must not be shown."""
    return (gold_dir / BLIND_MARKER).exists()
