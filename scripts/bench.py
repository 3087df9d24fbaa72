"""Benchmark: accord's full extraction against plain spaCy parsing, in one run.

Reads ../shared/corpus/bulk/news.jsonl (or --corpus), parses every text with plain
spaCy (nlp.pipe, same model and batch size), then runs accord's pipeline (clean, parse,
extract, record) over the same texts. Prints docs/s, words/s, the time ratio, and peak
memory, and writes the numbers as JSON (--json) so runs can be compared.

    .venv/bin/python scripts/bench.py [--limit N] [--batch-size 32] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

from rich.console import Console
from rich.progress import track
from rich.table import Table

from accord.parse import DEFAULT_MODEL, load_nlp
from accord.pipeline import process_stream
from accord.schema import DocumentError, RawDocument, Source

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "bulk" / "news.jsonl"


def _load(corpus: Path, limit: int | None) -> list[RawDocument]:
    docs: list[RawDocument] = []
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            if limit is not None and len(docs) >= limit:
                break
            row = json.loads(line)
            docs.append(
                RawDocument(
                    text=row["text"],
                    source=Source(path=str(corpus), format="jsonl"),
                    id=row.get("id"),
                    title=row.get("title"),
                    published=row.get("published"),
                )
            )
    return docs


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--json", type=Path, default=None, help="write the numbers here")
    args = parser.parse_args()
    console = Console()

    docs = _load(args.corpus, args.limit)
    words = sum(len(d.text.split()) for d in docs)
    nlp = load_nlp(args.model)
    nlp("warm up")

    start = time.perf_counter()
    for _ in track(
        nlp.pipe((d.text for d in docs), batch_size=args.batch_size),
        total=len(docs),
        description="plain spaCy",
        console=console,
    ):
        pass
    spacy_s = time.perf_counter() - start
    rss_after_spacy = _peak_rss_mib()

    start = time.perf_counter()
    failed = 0
    facts = 0
    for item in track(
        process_stream(docs, args.model, args.batch_size),
        total=len(docs),
        description="accord    ",
        console=console,
    ):
        if isinstance(item, DocumentError):
            failed += 1
        else:
            facts += sum(
                len(x) for x in (item.actors, item.persons, item.quotes, item.amounts, item.events)
            )
    accord_s = time.perf_counter() - start
    rss_after_accord = _peak_rss_mib()

    result = {
        "corpus": str(args.corpus),
        "docs": len(docs),
        "words": words,
        "model": args.model,
        "batch_size": args.batch_size,
        "spacy_seconds": round(spacy_s, 2),
        "spacy_docs_per_s": round(len(docs) / spacy_s, 1),
        "spacy_words_per_s": round(words / spacy_s),
        "accord_seconds": round(accord_s, 2),
        "accord_docs_per_s": round(len(docs) / accord_s, 1),
        "accord_words_per_s": round(words / accord_s),
        "accord_over_spacy": round(accord_s / spacy_s, 3),
        "accord_failed_docs": failed,
        "accord_facts": facts,
        "peak_rss_mib_after_spacy": round(rss_after_spacy),
        "peak_rss_mib_after_accord": round(rss_after_accord),
    }
    table = Table(title=f"{len(docs)} documents, {words:,} words ({args.corpus.name})")
    for col in ("run", "seconds", "docs/s", "words/s"):
        table.add_column(col, justify="right" if col != "run" else "left")
    table.add_row(
        "plain spaCy", f"{spacy_s:.1f}", f"{len(docs) / spacy_s:.1f}", f"{words / spacy_s:,.0f}"
    )
    table.add_row(
        "accord", f"{accord_s:.1f}", f"{len(docs) / accord_s:.1f}", f"{words / accord_s:,.0f}"
    )
    console.print(table)
    console.print(
        f"accord / spaCy time: {accord_s / spacy_s:.3f} "
        f"(+{(accord_s / spacy_s - 1) * 100:.1f}%), peak RSS {rss_after_accord:.0f} MiB, "
        f"{failed} failed, {facts} facts"
    )
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
