"""Benchmark: accord against plain spaCy, over 1 and 2 workers, into stores, and on Spark.

One run over ../shared/corpus/bulk/news.jsonl (or --corpus; --limit N for a quick run).
Each measurement runs in a process of its own, so its peak memory is its own:

- spacy        plain spaCy, the full pipeline of the same model: nlp.pipe, batch 32
- extract-1    accord's whole pipeline (clean, parse, extract, record), one process; it
               runs the documents a length quartile at a time, which gives the second
               table (cost by document length)
- paired       plain spaCy and extract-1 in alternating blocks of 96 documents in one
               process: their ratio, with both sides under the same machine drift
- extract-2    the same over 2 worker processes (their start-up, model loads included)
- ingest-sqlite   extract-1 plus storing every record in a fresh SQLite file
- ingest-postgres the same into PostgreSQL (--pg URL or ACCORD_TEST_PG_URL; own schema)
               (both also time the store's calls inside the run: its cost over the
               extraction then needs no second run, whose noise would swamp it)
- spark        `accord spark` on local[2] into a Parquet dataset (session start apart)
- stream-1x / stream-10x   the first --stream-docs documents, then the same repeated 10
               times, read lazily from disk and streamed: peak memory must not grow

Prints two tables and writes every number to bench/results.json (or --json). The
ratios are between measurements of the same run; rerun the whole to compare machines.

    .venv/bin/python scripts/bench.py [--limit N] [--only spacy,extract-1] [--pg URL]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "bulk" / "news.jsonl"
DEFAULT_OUT = REPO / "bench" / "results.json"
STEPS = (
    "spacy",
    "extract-1",
    "paired",
    "extract-2",
    "ingest-sqlite",
    "ingest-postgres",
    "spark",
    "stream-1x",
    "stream-10x",
)


# -- measuring, inside one step's process ------------------------------------------------


def _hwm_mib(pid: int) -> float:
    """A live process's peak resident memory (VmHWM), MiB; 0 if it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(")") + 2 :].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _peaks(live: dict[int, float] | None = None) -> dict[str, float]:
    """Peak RSS of this process and of the largest child process it waited for, MiB."""
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    out = {"peak_rss_mib_main": round(me), "peak_rss_mib_largest_child": round(kids)}
    if live:
        out["peak_rss_mib_children"] = sorted((round(v) for v in live.values()), reverse=True)
        out["peak_rss_mib_largest_child"] = round(max(kids, *live.values()))
    return out


def _docs(corpus: Path, limit: int | None) -> list[Any]:
    from accord.read.jsonl import iter_jsonl
    from accord.schema import RawDocument

    items = iter_jsonl(corpus)
    return [d for d in itertools.islice(items, limit) if isinstance(d, RawDocument)]


def _words(docs: list[Any]) -> int:
    return sum(len(d.text.split()) for d in docs)


def _count(results: Iterator[Any]) -> tuple[int, int]:
    from accord.schema import DocumentError

    failed = facts = 0
    for item in results:
        if isinstance(item, DocumentError):
            failed += 1
        else:
            facts += sum(len(x) for x in (item.actors, item.quotes, item.amounts, item.events))
    return failed, facts


def _quartiles(docs: list[Any]) -> list[list[Any]]:
    """The documents in four groups by length in words, each group in corpus order."""
    ranked = sorted(range(len(docs)), key=lambda i: (len(docs[i].text.split()), i))
    size = -(-len(docs) // 4)
    groups = [sorted(ranked[k : k + size]) for k in range(0, len(ranked), size)]
    return [[docs[i] for i in group] for group in groups]


def step_spacy(args: argparse.Namespace) -> dict[str, Any]:
    import spacy

    docs = _docs(args.corpus, args.limit)
    nlp = spacy.load(args.model)  # the model's own full pipeline, nothing of accord's
    nlp("warm up")
    start, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe((d.text for d in docs), batch_size=args.batch_size):
        pass
    return {
        "seconds": time.perf_counter() - start,
        "cpu_seconds": time.process_time() - cpu,
        "docs": len(docs),
        "words": _words(docs),
    }


def step_extract_1(args: argparse.Namespace) -> dict[str, Any]:
    from accord.parse import load_nlp
    from accord.pipeline import process_stream

    docs = _docs(args.corpus, args.limit)
    load_nlp(args.model)("warm up")
    groups, failed, facts, total = [], 0, 0, 0.0
    cpu = time.process_time()
    for group in _quartiles(docs):
        start = time.perf_counter()
        f, n = _count(process_stream(group, args.model, args.batch_size))
        seconds = time.perf_counter() - start
        total += seconds
        failed, facts = failed + f, facts + n
        lengths = [len(d.text.split()) for d in group]
        groups.append(
            {
                "docs": len(group),
                "words": sum(lengths),
                "min_words": min(lengths),
                "max_words": max(lengths),
                "seconds": seconds,
            }
        )
    return {
        "seconds": total,
        "cpu_seconds": time.process_time() - cpu,
        "docs": len(docs),
        "words": _words(docs),
        "failed": failed,
        "facts": facts,
        "quartiles": groups,
    }


PAIRED_BLOCK = 96  # documents: three nlp.pipe batches of 32 for each side


def step_paired(args: argparse.Namespace) -> dict[str, Any]:
    """Plain spaCy and accord (1 worker) over the same documents in alternating blocks,
    in one process. The machine's speed drifts over minutes (three full runs here saw
    plain spaCy take 113 s and 175 s), so two runs minutes apart can differ by more than
    the ratio being measured; blocks that alternate, the first side swapping each time,
    see the same drift."""
    import spacy

    from accord.parse import load_nlp
    from accord.pipeline import process_stream

    docs = _docs(args.corpus, args.limit)
    plain = spacy.load(args.model)  # the model's own full pipeline, nothing of accord's
    plain("warm up")
    load_nlp(args.model)("warm up")
    _count(process_stream(docs[:1], args.model, args.batch_size))  # every stage once
    spent = {"spacy": 0.0, "accord": 0.0}
    for n, k in enumerate(range(0, len(docs), PAIRED_BLOCK)):
        block = docs[k : k + PAIRED_BLOCK]
        for side in ("spacy", "accord") if n % 2 == 0 else ("accord", "spacy"):
            start = time.perf_counter()
            if side == "spacy":
                for _ in plain.pipe((d.text for d in block), batch_size=args.batch_size):
                    pass
            else:
                _count(process_stream(block, args.model, args.batch_size))
            spent[side] += time.perf_counter() - start
    return {
        "seconds": spent["accord"],
        "spacy_seconds": spent["spacy"],
        "docs": len(docs),
        "words": _words(docs),
        "block": PAIRED_BLOCK,
    }


def step_extract_2(args: argparse.Namespace) -> dict[str, Any]:
    from accord.pipeline import process_parallel

    docs = _docs(args.corpus, args.limit)
    start = time.perf_counter()
    failed, _facts = _count(process_parallel(docs, 2, args.model, args.batch_size))
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "docs": len(docs), "words": _words(docs), "failed": failed}


def _ingest(args: argparse.Namespace, url: str) -> dict[str, Any]:
    from accord.parse import load_nlp
    from accord.pipeline import process_stream
    from accord.schema import DocumentError
    from accord.store import open_store

    docs = _docs(args.corpus, args.limit)
    load_nlp(args.model)("warm up")
    version = f"bench; model {args.model}"
    failed, storing = 0, 0.0
    with open_store(url) as store:
        start = time.perf_counter()
        for raw, item in zip(docs, process_stream(docs, args.model, args.batch_size), strict=True):
            if isinstance(item, DocumentError):
                failed += 1
                continue
            one = time.perf_counter()
            store.ingest(item, raw=raw.text, extractor_version=version)
            storing += time.perf_counter() - one
        seconds = time.perf_counter() - start
        stored = store.count_rows()["documents"]
    return {
        "seconds": seconds,
        "store_seconds": storing,  # inside this run: noise between runs cannot touch it
        "docs": len(docs),
        "words": _words(docs),
        "failed": failed,
        "stored": stored,
    }


def step_ingest_sqlite(args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="accord-bench-") as folder:
        return _ingest(args, f"sqlite:///{Path(folder) / 'bench.db'}")


def step_ingest_postgres(args: argparse.Namespace) -> dict[str, Any]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    schema = f"accord_bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(args.pg)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(args.pg).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        return _ingest(args, url.render_as_string(hide_password=False))
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def step_spark(args: argparse.Namespace) -> dict[str, Any]:
    from accord.pipeline.spark import build_session, run

    docs = _docs(args.corpus, args.limit)
    conf = {"spark.driver.memory": "2g", "spark.ui.showConsoleProgress": "false"}
    with tempfile.TemporaryDirectory(prefix="accord-bench-spark-") as folder:
        corpus = Path(folder) / "news.jsonl"
        with args.corpus.open(encoding="utf-8") as src, corpus.open("w", encoding="utf-8") as dst:
            dst.writelines(itertools.islice(src, args.limit))
        conf["spark.local.dir"] = str(Path(folder) / "local")
        start = time.perf_counter()
        spark = build_session("local[2]", conf, app_name="accord-bench")
        spark.sparkContext.setLogLevel("ERROR")
        session_s = time.perf_counter() - start
        start = time.perf_counter()
        summary = run(
            spark, [str(corpus)], str(Path(folder) / "out"), model=args.model, partitions=4
        )
        seconds = time.perf_counter() - start
        live = {pid: _hwm_mib(pid) for pid in _descendants(os.getpid())}
        spark.stop()
    return {
        "seconds": seconds,
        "session_start_seconds": session_s,
        "docs": len(docs),
        "words": _words(docs),
        "documents_written": summary.documents,
        "failed": summary.errors,
        "_live": {k: v for k, v in live.items() if v > 0},
    }


def _stream(corpus: Path, docs: int, repeat: int) -> Iterator[Any]:
    """The first ``docs`` documents, ``repeat`` times over, read from disk as they go."""
    from accord.read.jsonl import iter_jsonl

    for _ in range(repeat):
        yield from itertools.islice(iter_jsonl(corpus), docs)


def _step_stream(args: argparse.Namespace, repeat: int) -> dict[str, Any]:
    from accord.pipeline import process_stream

    start = time.perf_counter()
    stream = _stream(args.corpus, args.stream_docs, repeat)
    failed, _facts = _count(process_stream(stream, args.model, args.batch_size))
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "docs": args.stream_docs * repeat, "failed": failed}


class _Sampler(threading.Thread):
    """Peak RSS of every descendant process (pool workers, the JVM, Spark's Python
    workers), read from /proc a few times a second while the step runs."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peaks: dict[int, float] = {}
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.25):
            for pid in _descendants(os.getpid()):
                self.peaks[pid] = max(self.peaks.get(pid, 0.0), _hwm_mib(pid))


def run_step(args: argparse.Namespace) -> None:
    """Inside a step's own process: measure, then print one JSON line."""
    name = args.step
    sampler = _Sampler()
    sampler.start()
    if name == "stream-1x":
        result = _step_stream(args, 1)
    elif name == "stream-10x":
        result = _step_stream(args, 10)
    else:
        result = globals()["step_" + name.replace("-", "_")](args)
    sampler.done.set()
    sampler.join()
    live = {**sampler.peaks, **result.pop("_live", {})}
    result.update(_peaks({k: v for k, v in live.items() if v > 0}))
    print("BENCH " + json.dumps(result), flush=True)


# -- the run: one process per step, then the tables ------------------------------------


def _spawn(args: argparse.Namespace, name: str) -> dict[str, Any]:
    command = [sys.executable, __file__, "--step", name, "--corpus", str(args.corpus)]
    command += ["--batch-size", str(args.batch_size), "--model", args.model]
    command += ["--stream-docs", str(args.stream_docs)]
    if args.limit is not None:
        command += ["--limit", str(args.limit)]
    if args.pg:
        command += ["--pg", args.pg]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    lines = [x for x in done.stdout.splitlines() if x.startswith("BENCH ")]
    if done.returncode != 0 or not lines:
        tail = (done.stderr or done.stdout).strip().splitlines()[-5:]
        return {"error": f"exit {done.returncode}: " + " | ".join(tail)}
    result: dict[str, Any] = json.loads(lines[-1][len("BENCH ") :])
    result["process_seconds"] = time.perf_counter() - started
    return result


def _rate(result: dict[str, Any], key: str) -> float | None:
    if "seconds" not in result or not result["seconds"]:
        return None
    return float(result[key]) / float(result["seconds"])


def _ratio(results: dict[str, dict[str, Any]], a: str, b: str, how: str) -> float | None:
    """``how`` 'speed': a's docs/s over b's; 'cost': a's seconds over b's, minus 1."""
    ra, rb = results.get(a, {}), results.get(b, {})
    if "seconds" not in ra or "seconds" not in rb:
        return None
    if how == "speed":
        return (ra["docs"] / ra["seconds"]) / (rb["docs"] / rb["seconds"])
    return ra["seconds"] / rb["seconds"] - 1


def _store_share(results: dict[str, dict[str, Any]], name: str) -> float | None:
    """Seconds spent storing over seconds spent reading and extracting, in one run."""
    r = results.get(name, {})
    if "store_seconds" not in r or r["seconds"] <= r["store_seconds"]:
        return None
    return float(r["store_seconds"]) / (float(r["seconds"]) - float(r["store_seconds"]))


def _print(
    results: dict[str, dict[str, Any]], ratios: dict[str, Any], meta: dict[str, Any]
) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(title=f"{meta['docs']} documents, {meta['words']:,} words ({meta['corpus']})")
    for col in ("run", "seconds", "docs/s", "words/s", "peak RSS MiB (main / largest child)"):
        table.add_column(col, justify="left" if col == "run" else "right")
    for name, result in results.items():
        if "error" in result or "seconds" not in result:
            table.add_row(name, result.get("error", result.get("skipped", "")), "", "", "")
            continue
        docs_s, words_s = (
            _rate(result, "docs"),
            _rate(result, "words") if "words" in result else None,
        )
        rss = f"{result['peak_rss_mib_main']} / {result['peak_rss_mib_largest_child']}"
        table.add_row(
            name,
            f"{result['seconds']:.1f}",
            f"{docs_s:.1f}" if docs_s else "",
            f"{words_s:,.0f}" if words_s else "",
            rss,
        )
    console.print(table)
    shown = {k: v for k, v in ratios.items() if v is not None}
    console.print("ratios (same run): " + ", ".join(f"{k} {v:.3f}" for k, v in shown.items()))

    quartiles = results.get("extract-1", {}).get("quartiles")
    if quartiles:
        table = Table(title="accord extract, 1 worker, by document length (quartiles of words)")
        for col in ("quartile", "docs", "words", "docs/s", "words/s", "ms/doc"):
            table.add_column(col, justify="right")
        for i, q in enumerate(quartiles, 1):
            table.add_row(
                f"Q{i}",
                str(q["docs"]),
                f"{q['min_words']}-{q['max_words']}",
                f"{q['docs'] / q['seconds']:.1f}",
                f"{q['words'] / q['seconds']:,.0f}",
                f"{1000 * q['seconds'] / q['docs']:.0f}",
            )
        console.print(table)
    one, ten = results.get("stream-1x", {}), results.get("stream-10x", {})
    if "seconds" in one and "seconds" in ten:
        console.print(
            f"streamed: {one['docs']} documents peak RSS {one['peak_rss_mib_main']} MiB; "
            f"{ten['docs']} (10x) peak RSS {ten['peak_rss_mib_main']} MiB "
            f"(x{ratios['stream_10x_peak_over_1x']:.3f})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="first N documents only")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--model", default=None)
    parser.add_argument("--pg", default=os.environ.get("ACCORD_TEST_PG_URL"))
    parser.add_argument(
        "--stream-docs", type=int, default=200, help="documents in the 1x stream (10x repeats)"
    )
    parser.add_argument("--only", default=None, help="comma-separated steps: " + ",".join(STEPS))
    parser.add_argument("--json", type=Path, default=DEFAULT_OUT, help="write the numbers here")
    parser.add_argument("--step", choices=STEPS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.model is None:
        from accord.parse import DEFAULT_MODEL

        args.model = DEFAULT_MODEL
    if args.step:
        run_step(args)
        return

    wanted = args.only.split(",") if args.only else list(STEPS)
    results: dict[str, dict[str, Any]] = {}
    for name in STEPS:
        if name not in wanted:
            continue
        if name == "ingest-postgres" and not args.pg:
            results[name] = {"skipped": "no --pg URL or ACCORD_TEST_PG_URL"}
            continue
        print(f"running {name} ...", file=sys.stderr, flush=True)
        results[name] = _spawn(args, name)
    first = next((r for r in results.values() if "docs" in r and "words" in r), {})
    ratios = {
        "extract_1_over_spacy_docs_per_s": _ratio(results, "extract-1", "spacy", "speed"),
        # spaCy and accord in alternating blocks of one process: the ratio least moved
        # by the machine's drift (the ratios of separate runs above can differ by more)
        "extract_1_over_spacy_paired": (
            results["paired"]["spacy_seconds"] / results["paired"]["seconds"]
            if "spacy_seconds" in results.get("paired", {})
            else None
        ),
        # the same on the process's CPU time: a neighbour's load on a shared machine
        # slows one run's wall clock, not the CPU seconds the run itself needed
        "extract_1_over_spacy_cpu": (
            results["spacy"]["cpu_seconds"] / results["extract-1"]["cpu_seconds"]
            if "cpu_seconds" in results.get("spacy", {})
            and "cpu_seconds" in results.get("extract-1", {})
            else None
        ),
        "extract_2_over_extract_1_docs_per_s": _ratio(results, "extract-2", "extract-1", "speed"),
        "ingest_sqlite_cost_over_extract_1": _ratio(results, "ingest-sqlite", "extract-1", "cost"),
        "ingest_postgres_cost_over_extract_1": _ratio(
            results, "ingest-postgres", "extract-1", "cost"
        ),
        # the store's seconds over the extraction's, both timed inside one ingest run:
        # the ratios above compare two runs, whose difference is within this machine's
        # noise for a cost of a few per cent
        "ingest_sqlite_store_over_extract_same_process": _store_share(results, "ingest-sqlite"),
        "ingest_postgres_store_over_extract_same_process": _store_share(results, "ingest-postgres"),
        "spark_seconds_over_extract_2": (
            None
            if _ratio(results, "spark", "extract-2", "cost") is None
            else 1 + (_ratio(results, "spark", "extract-2", "cost") or 0)
        ),
        "stream_10x_peak_over_1x": (
            results["stream-10x"]["peak_rss_mib_main"] / results["stream-1x"]["peak_rss_mib_main"]
            if "seconds" in results.get("stream-1x", {})
            and "seconds" in results.get("stream-10x", {})
            else None
        ),
    }
    meta = {
        "corpus": str(args.corpus),
        "docs": first.get("docs", 0),
        "words": first.get("words", 0),
        "limit": args.limit,
        "model": args.model,
        "batch_size": args.batch_size,
        "stream_docs": args.stream_docs,
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "load_average_at_end": list(os.getloadavg()),
        },
        "finished_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    _print(results, ratios, meta)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    payload = {"meta": meta, "ratios": ratios, "results": results}
    args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.json}", file=sys.stderr)


if __name__ == "__main__":
    main()
