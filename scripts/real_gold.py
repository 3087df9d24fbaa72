"""Annotator's tool for eval/real: show a text with offsets, check offset-form gold files.

    python scripts/real_gold.py show bbc/business/148
    python scripts/real_gold.py check eval/real/dev/bbc-business-148.json ...

`check` validates a file against GOLD_FORMAT after resolving its offsets, and prints
the fragments the offsets point at, so a wrong offset is seen at once. It never runs
the extraction pipeline: annotators must not see accord's output.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from accord.errors import GoldError
from accord.evaluate.gold import gold_from_dict
from accord.evaluate.real import resolve_offsets

BULK = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "bulk" / "news.jsonl"


def _texts() -> dict[str, dict[str, object]]:
    with BULK.open(encoding="utf-8") as fh:
        return {row["id"]: row for row in map(json.loads, fh)}


def show(doc_id: str) -> int:
    row = _texts().get(doc_id)
    if row is None:
        print(f"no document {doc_id} in {BULK}", file=sys.stderr)
        return 1
    text = str(row["text"])
    print(f"id {doc_id}  published {row['published']}  title {row['title']!r}")
    offset = 0
    for line in text.split("\n"):
        print(f"{offset:6d}  {line}")
        offset += len(line) + 1
    return 0


def check(paths: list[Path]) -> int:
    texts = _texts()
    bad = 0
    for path in paths:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            row = texts.get(str(data.get("id")))
            if row is None:
                raise GoldError(f"{path}: 'id' {data.get('id')!r} is not a bulk document id")
            if data.get("published") != row["published"]:
                raise GoldError(f"{path}: published must be {row['published']!r}, as given")
            resolved = resolve_offsets(data, str(row["text"]), str(path))
            gold_from_dict(resolved, id=path.stem, path=str(path))
        except (GoldError, json.JSONDecodeError, OSError) as exc:
            print(f"FAIL {exc}")
            bad += 1
            continue
        print(f"ok   {path}")
        for name in ("body_keep", "boilerplate"):
            for fragment in resolved[name]:
                print(f"     {name}: {fragment!r}")
        for quote in resolved["quotes"]:
            print(f"     quote: {quote['starts']!r} ({quote['speaker']})")
    return 1 if bad else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("show").add_argument("id")
    sub.add_parser("check").add_argument("files", nargs="+", type=Path)
    args = parser.parse_args()
    return show(args.id) if args.cmd == "show" else check(args.files)


if __name__ == "__main__":
    sys.exit(main())
