"""Actor P/R/F1 over the public gold files (../shared/gold): set of codes per document.

Run:  PYTHONPATH=src /work/venv/bin/python scripts/score_actors.py [-v]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from accord.pipeline import process_raw
from accord.schema import RawDocument, Source

_HERE = Path(__file__).resolve().parents[1]
SHARED = next((p for p in (_HERE.parent / "shared", Path("/work/shared")) if p.is_dir()), _HERE)


def main() -> None:
    verbose = "-v" in sys.argv
    tp = fp = fn = 0
    for gold_path in sorted((SHARED / "gold").glob("*/*.json")):
        rel = gold_path.relative_to(SHARED / "gold").with_suffix(".txt")
        text = (SHARED / "corpus" / rel).read_text("utf-8")
        record = process_raw(RawDocument(text=text, source=Source(path=str(rel)), id=rel.stem))
        got = {a.code for a in record.actors}
        want = set(json.loads(gold_path.read_text("utf-8"))["actors"])
        tp += len(got & want)
        fp += len(got - want)
        fn += len(want - got)
        print(f"{rel}: +{sorted(got - want)} -{sorted(want - got)}")
        if verbose:
            for a in record.actors:
                print("   ", a.code, [record.body[s:e] for s, e in a.mentions])
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"actors P={p:.3f} R={r:.3f} F1={f:.3f} (tp={tp} fp={fp} fn={fn})")


if __name__ == "__main__":
    main()
