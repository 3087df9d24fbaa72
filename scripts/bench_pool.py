"""Benchmark: accord over 1 vs N local worker processes, same input, same records.

Reads the first --limit documents of ../shared/corpus/bulk/news.jsonl through the real
reader, runs ``process_parallel`` once per --workers value (wall time includes starting
the workers and loading spaCy in each), checks that every run gives the records of the
first, and prints docs/s.

    .venv/bin/python scripts/bench_pool.py [--limit 300] [--workers 1 2] [--start-method M]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import time
from itertools import islice
from pathlib import Path

from accord.parse import DEFAULT_MODEL
from accord.pipeline import pool, process_parallel
from accord.read import iter_jsonl
from accord.schema import DocumentError, to_dict

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "bulk" / "news.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--start-method", choices=multiprocessing.get_all_start_methods())
    args = parser.parse_args()
    if args.start_method:
        method = args.start_method
        pool._context = lambda: multiprocessing.get_context(method)  # type: ignore[attr-defined]
    docs = list(islice(iter_jsonl(args.corpus), args.limit))
    words = sum(len(d.text.split()) for d in docs if not isinstance(d, DocumentError))
    reference: list[object] | None = None
    for workers in args.workers:
        start = time.perf_counter()
        out = list(process_parallel(docs, workers, args.model, args.batch_size))
        seconds = time.perf_counter() - start
        got = [to_dict(r) if not isinstance(r, DocumentError) else r.to_dict() for r in out]
        same = reference is None or got == reference
        reference = reference or got
        print(
            json.dumps(
                {
                    "workers": workers,
                    "start_method": args.start_method or "default",
                    "docs": len(docs),
                    "words": words,
                    "seconds": round(seconds, 2),
                    "docs_per_s": round(len(docs) / seconds, 1),
                    "errors": sum(isinstance(r, DocumentError) for r in out),
                    "same_records_as_first_run": same,
                }
            ),
            flush=True,
        )


if __name__ == "__main__":
    main()
