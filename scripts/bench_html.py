"""HTML main text against a public article-extraction benchmark: accord's body next to
trafilatura's own settings, scored by token overlap with the benchmark's article bodies.

The benchmark is not shipped (its pages are other people's): point ``--dataset`` at a
checkout of scrapinghub/article-extraction-benchmark, or any folder laid out like it
(``ground-truth.json`` mapping a page id to ``{"articleBody": ..., "url": ...}`` and
``html/<id>.html.gz``). It is a measurement only: nothing in accord is tuned on it.

    python scripts/bench_html.py --dataset DIR [--limit 100] [--out bench/html.json]

Scores: a page's tokens are its lower-cased word characters (``\\w+``); precision,
recall and F1 come from the multiset overlap with the benchmark body, per page, and the
table gives their means over pages (a page with no text scores 0).
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

import trafilatura
from rich.console import Console
from rich.progress import track
from rich.table import Table

from accord.clean import clean
from accord.errors import AccordError
from accord.read.decode import decode_bytes
from accord.read.html import read_html_text
from accord.schema import Source

_WORD = re.compile(r"\w+")
Extractor = Callable[[str, str | None], str]


def tokens(text: str) -> Counter[str]:
    return Counter(_WORD.findall(text.lower()))


def score(predicted: str, gold: str) -> tuple[float, float, float]:
    """Token precision, recall and F1 of one page."""
    got, want = tokens(predicted), tokens(gold)
    overlap = sum((got & want).values())
    if not overlap:
        return 0.0, 0.0, 0.0
    p, r = overlap / sum(got.values()), overlap / sum(want.values())
    return p, r, 2 * p * r / (p + r)


def _accord(keep_title: bool) -> Extractor:
    def run(html: str, url: str | None) -> str:
        try:
            document = clean(read_html_text(html, Source(format="html"), url=url))
        except AccordError:
            return ""
        body = document.body
        if not keep_title and document.title and body.startswith(document.title):
            body = body[len(document.title) :].lstrip()
        return body

    return run


def _trafilatura(**options: bool) -> Extractor:
    def run(html: str, url: str | None) -> str:
        text = trafilatura.extract(
            html, url=url, include_comments=False, include_tables=False, **options
        )
        return text or ""

    return run


EXTRACTORS: dict[str, Extractor] = {
    "accord body (as stored: title first)": _accord(keep_title=True),
    "accord body without its title line": _accord(keep_title=False),
    "trafilatura default": _trafilatura(),
    "trafilatura favor_precision": _trafilatura(favor_precision=True),
    "trafilatura favor_recall": _trafilatura(favor_recall=True),
}


def load(dataset: Path, limit: int | None) -> list[tuple[str, str, str | None, str]]:
    """(page id, HTML, URL, gold body) in id order, the first ``limit`` of them."""
    truth = json.loads((dataset / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth)[:limit]:
        raw = gzip.decompress((dataset / "html" / f"{page_id}.html.gz").read_bytes())
        entry = truth[page_id]
        pages.append((page_id, decode_bytes(raw).text, entry.get("url"), entry["articleBody"]))
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", type=Path, required=True)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--out", type=Path, default=Path("bench/html.json"))
    args = parser.parse_args()
    pages = load(args.dataset, args.limit)

    results = {}
    for name, extract in EXTRACTORS.items():
        scores, started = [], time.perf_counter()
        for _, html, url, gold in track(pages, description=name, transient=True):
            scores.append(score(extract(html, url), gold))
        seconds = time.perf_counter() - started
        results[name] = {
            "precision": round(statistics.fmean(s[0] for s in scores), 4),
            "recall": round(statistics.fmean(s[1] for s in scores), 4),
            "f1": round(statistics.fmean(s[2] for s in scores), 4),
            "empty_pages": sum(1 for s in scores if s[2] == 0.0),
            "seconds": round(seconds, 1),
        }

    table = Table(title=f"HTML main text, {len(pages)} pages (token overlap, mean per page)")
    for column in ("extractor", "precision", "recall", "F1", "pages with no overlap", "s"):
        table.add_column(column, justify="left" if column == "extractor" else "right")
    for name, r in results.items():
        table.add_row(
            name,
            f"{r['precision']:.3f}",
            f"{r['recall']:.3f}",
            f"{r['f1']:.3f}",
            str(r["empty_pages"]),
            f"{r['seconds']:.1f}",
        )
    Console().print(table)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(
            {
                "date": date.today().isoformat(),
                "machine": platform.machine(),
                "trafilatura": trafilatura.__version__,
                "pages": len(pages),
                "results": results,
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
