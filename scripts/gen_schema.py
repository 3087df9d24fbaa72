"""Regenerate schema/record.schema.json from the record dataclasses.

Usage: PYTHONPATH=src python scripts/gen_schema.py [--check]
With --check, write nothing and exit 1 when the committed file is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

from accord.schema.jsonschema import render_record_schema

TARGET = Path(__file__).resolve().parents[1] / "schema" / "record.schema.json"


def main(argv: list[str]) -> int:
    fresh = render_record_schema()
    current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
    if "--check" in argv:
        if current != fresh:
            print(f"{TARGET} is out of date: run scripts/gen_schema.py", file=sys.stderr)
            return 1
        return 0
    if current != fresh:
        TARGET.parent.mkdir(parents=True, exist_ok=True)
        TARGET.write_text(fresh, encoding="utf-8")
        print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
