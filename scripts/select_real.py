"""Choose the real evaluation set (eval/real/split.json) from the bulk corpus, once.

Run before anyone reads the texts: the choice depends only on the corpus, the criteria
below and the seed, so it can be re-derived and checked, never hand-picked.

Criteria (see eval/real/GUIDE.md):
- a Reuters-21578 or BBC article of ../shared/corpus/bulk/news.jsonl, 100-650 words
  (short enough to annotate in full);
- it names two or more distinct states (country_converter's own name patterns, not
  accord's gazetteer, so the choice does not lean on the system under test);
- it has a cooperation or conflict cue (trade, aid, loans, visits, agreements, disputes,
  sanctions...);
- its text is not one of the corpus texts in africa/, trade/ or dev/ (compared by word
  5-gram containment, since ids differ), nor a near copy of another chosen article.

Then per source: sort by id, shuffle with the seed, take 30; the first 10 of each source
are dev, the next 20 blind (20 dev, 40 blind in all).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from pathlib import Path

import country_converter as coco  # type: ignore[import-untyped]

SEED = 20261206
PER_SOURCE = 30
DEV_PER_SOURCE = 10
MIN_WORDS, MAX_WORDS = 100, 650
CUES = re.compile(
    r"\b(trade|export\w*|import\w*|tariff\w*|aid|loans?|credits?|grants?|visit\w*|talks|"
    r"agree\w*|accords?|treat(?:y|ies)|pacts?|deals?|disputes?|sanction\w*|embargo\w*|"
    r"summit\w*|negotiat\w*|cooperat\w*|deficits?|surplus\w*|invest\w*)\b",
    re.IGNORECASE,
)


def _shingles(text: str, n: int = 5) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + n]) for i in range(max(0, len(words) - n + 1))}


def _contained(a: set[tuple[str, ...]], b: set[tuple[str, ...]]) -> float:
    """Share of a's shingles found in b."""
    return len(a & b) / len(a) if a else 0.0


def _state_patterns() -> list[tuple[str, re.Pattern[str]]]:
    data = coco.CountryConverter().data
    return [
        (str(row.ISO3), re.compile(str(row.regex), re.IGNORECASE))
        for row in data.itertuples()
        if isinstance(row.regex, str) and isinstance(row.ISO3, str)
    ]


def _states(text: str, patterns: list[tuple[str, re.Pattern[str]]]) -> set[str]:
    return {code for code, pattern in patterns if pattern.search(text)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--out", type=Path, default=Path("eval/real/split.json"))
    args = parser.parse_args()

    corpus = args.shared / "corpus"
    taken = [
        _shingles(p.read_text(encoding="utf-8"))
        for sub in ("africa", "trade", "dev")
        for p in sorted((corpus / sub).glob("*.txt"))
    ]
    patterns = _state_patterns()
    by_source: dict[str, list[dict[str, str]]] = {}
    with (corpus / "bulk" / "news.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            text = row["text"]
            words = len(text.split())
            if not MIN_WORDS <= words <= MAX_WORDS or not CUES.search(text):
                continue
            if len(_states(text, patterns)) < 2:
                continue
            grams = _shingles(text)
            if any(_contained(grams, other) > 0.3 for other in taken):
                continue
            source = row["id"].split("/")[0]
            by_source.setdefault(source, []).append(
                {"id": row["id"], "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}
            )

    rng = random.Random(SEED)
    chosen: list[dict[str, str]] = []
    with (corpus / "bulk" / "news.jsonl").open(encoding="utf-8") as fh:
        texts = {row["id"]: row["text"] for row in map(json.loads, fh)}
    picked_grams: list[set[tuple[str, ...]]] = []
    for source in sorted(by_source):
        pool = sorted(by_source[source], key=lambda r: r["id"])
        rng.shuffle(pool)
        n = 0
        for row in pool:
            grams = _shingles(texts[row["id"]])
            if any(_contained(grams, other) > 0.5 for other in picked_grams):
                continue
            picked_grams.append(grams)
            split = "dev" if n < DEV_PER_SOURCE else "blind"
            slug = re.sub(r"[^a-z0-9]+", "-", row["id"].lower()).strip("-")
            chosen.append({"id": row["id"], "slug": slug, "split": split, "sha256": row["sha256"]})
            n += 1
            if n == PER_SOURCE:
                break
    out = {
        "seed": SEED,
        "source": "corpus/bulk/news.jsonl",
        "candidates": {s: len(v) for s, v in sorted(by_source.items())},
        "documents": chosen,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    counts = {s: sum(1 for d in chosen if d["split"] == s) for s in ("dev", "blind")}
    print(f"wrote {args.out}: {counts}, candidates {out['candidates']}")


if __name__ == "__main__":
    main()
