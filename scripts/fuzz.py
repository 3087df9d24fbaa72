"""`make fuzz SECONDS=N`: fuzz the cleaner, the money parser, the HTML and WARC readers.

atheris has no wheel for this Python, so the targets are hypothesis tests driven through
``fuzz_one_input`` with random buffers (hypothesis turns each buffer into a structured
input: news-like text, markup, WARC-shaped bytes). A target fails when it raises
anything but the clear, per-document error its stage promises (CleanError, ReadError),
or when money comes out non-finite. The summary goes to bench/fuzz.json; each failure
found is printed with its input, to become a regression test.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.clean.cleaner import clean
from accord.errors import CleanError, ReadError
from accord.extract.money_parse import MAX_FIGURE, find_money
from accord.read.decode import decode_bytes
from accord.read.html import read_html_text
from accord.read.warc import iter_warc
from accord.schema import RawDocument, Source

REPO = Path(__file__).resolve().parents[1]
WORDS = [
    "Kenya", "China", " said ", "“", "”", '"', "$5 million", "9" * 30, " trillion", " dollars",
    "\n", "\n\n", "Photo: AP", "Reuters", "By Jane Doe", "Read more", "é", "\u202e", "\x00",
    "—", "(", ")", ",", ".", "1e308", "KSh", "bn", "Subscribe", "Advertisement", "\r\n",
]  # fmt: skip
TEXT = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=20)), max_size=80).map("".join)
TAGS = [
    "<div>", "</div>", "<p>", "</p>", "<title>", "</title>", "<script>", "<!--", "-->",
    "<html>", "<body>", "<meta charset='x'>", "<article>", "<br/>", "&amp;", "&#0;",
]  # fmt: skip
HTML = st.lists(st.one_of(st.sampled_from(TAGS), TEXT), max_size=60).map("".join)
WARC_HEAD = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: "
WARC = st.lists(
    st.one_of(st.sampled_from([WARC_HEAD, b"\r\n\r\n", b"HTTP/1.1 200 OK\r\n", b"0", b"99"]),
              st.binary(max_size=40)),
    max_size=30,
).map(b"".join)  # fmt: skip
FUZZ = settings(database=None, deadline=None, suppress_health_check=list(HealthCheck))
last_input: list[Any] = [None]


@FUZZ
@given(TEXT)
def fuzz_cleaner(text: str) -> None:
    last_input[0] = text
    with contextlib.suppress(CleanError):
        clean(RawDocument(text=text, source=Source(format="text")))


@FUZZ
@given(TEXT)
def fuzz_money(text: str) -> None:
    last_input[0] = text
    for m in find_money(text, []):
        if not (math.isfinite(m.value) and 0 <= m.value <= MAX_FIGURE):
            raise AssertionError(f"money value {m.value!r}")


@FUZZ
@given(st.one_of(HTML, st.binary(max_size=200).map(lambda b: b.decode("latin-1"))))
def fuzz_html(html: str) -> None:
    last_input[0] = html
    with contextlib.suppress(ReadError):
        read_html_text(html, Source(format="html"))
    with contextlib.suppress(ReadError):
        decode_bytes(html.encode("utf-8", "surrogatepass"))


@FUZZ
@given(WARC, st.booleans())
def fuzz_warc(data: bytes, gz: bool) -> None:
    import gzip

    last_input[0] = data
    suffix = ".warc.gz" if gz else ".warc"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"f{suffix}"
        path.write_bytes(gzip.compress(data)[: max(1, len(data))] if gz else data)
        for _ in iter_warc(path):
            pass


TARGETS: dict[str, Callable[..., None]] = {
    "cleaner": fuzz_cleaner,
    "money_parser": fuzz_money,
    "html_reader": fuzz_html,
    "warc_reader": fuzz_warc,
}


def run(name: str, target: Callable[..., None], seconds: float) -> dict[str, Any]:
    one = target.hypothesis.fuzz_one_input  # type: ignore[attr-defined]
    runs, crashes = 0, []
    stop = time.monotonic() + seconds
    while time.monotonic() < stop:
        runs += 1
        try:
            one(os.urandom(512))
        except Exception as exc:  # a crash: report it with its input
            crashes.append(
                {
                    "error": f"{type(exc).__name__}: {exc}"[:500],
                    "input": repr(last_input[0])[:2000],
                    "where": traceback.format_exc(limit=-3)[-1500:],
                }
            )
            if len(crashes) >= 5:
                break
    return {"target": name, "runs": runs, "seconds": seconds, "crashes": crashes}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=60, help="per target")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "fuzz.json")
    args = parser.parse_args()
    results = [run(name, t, args.seconds) for name, t in TARGETS.items()]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    summary = {"engine": "hypothesis fuzz_one_input", "targets": results}
    args.out.write_text(json.dumps(summary, indent=2) + "\n")
    for r in results:
        print(
            f"{r['target']}: {r['runs']} inputs in {r['seconds']:.0f}s, {len(r['crashes'])} crashes"
        )
        for c in r["crashes"]:
            print(f"  {c['error']}\n    input: {c['input'][:300]}")
    if any(r["crashes"] for r in results):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
