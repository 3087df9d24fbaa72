"""No hand-written lexicon entry may exist because one evaluation article needed it.

An entry that matches exactly one evaluation text (the public gold texts in
../shared/corpus and eval/accord-set) and none of the 2,000 bulk articles is a phrase
that was fitted to that article rather than a general cue: the test fails and names it.
Files generated from data packages (countries, cities, currencies) are not hand-written,
and the gazetteers of named things (state aliases, demonyms, regions, IGOs, outlets,
names that are also words) list facts of the world rather than cues: neither is checked.
An entry flagged but general (web furniture the bulk texts lack, a sector's own name) is
kept only with its reason in lexicon_reviewed.json beside this test.

Matching is by lower-cased word n-grams; the last word of an entry may carry a regular
English inflection (lemmas such as 'bomb' match 'bombed'), so a lemma entry and the text
are compared the way the extractors use them.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
HAND_WRITTEN = (
    "boilerplate_cues.json",
    "event_nouns.json",
    "event_status.json",
    "event_verbs.json",
    "known_organizations.json",
    "money_cues.json",
    "money_levels.json",
    "organizations.json",
    "relation_cues.json",
    "reporting_verbs.json",
    "sectors.json",
    "titles.json",
)
MAX_N = 5
_WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")
_CODE = re.compile(r"^(?:[A-Z]{2,3}|(?:IGO|REG):.*|[0-9]{2,4}|[A-Z_]+|@.*|%.*)$")


def _words(text: str) -> list[str]:
    return [w.lower().replace("\u2019", "'") for w in _WORD.findall(text)]


def _phrases(value: Any, key: str = "") -> Iterator[str]:
    """Every phrase of a lexicon file: string leaves and phrase-like keys, not notes,
    codes, group names or field names."""
    if key.startswith("_"):
        return
    if isinstance(value, dict):
        for k, v in value.items():
            named = not k.startswith("_") and not _CODE.match(k)
            if named and (" " in k.strip() or isinstance(v, dict)):
                yield k
            yield from _phrases(v, k)
    elif isinstance(value, list):
        for item in value:
            yield from _phrases(item, key)
    elif (
        isinstance(value, str)
        and key not in {"type", "cameo", "code", "kind", "class"}
        and not _CODE.match(value)
        and len(value) <= 60
        and _words(value)
    ):
        yield value


def _forms(word: str) -> set[str]:
    """Regular English inflections of a lemma's last word."""
    out = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing", word + "er"}
    if word.endswith("e"):
        out |= {word[:-1] + "ing", word[:-1] + "ed"}
    if word.endswith("y"):
        out |= {word[:-1] + "ies", word[:-1] + "ied"}
    if len(word) > 2:
        out |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return out


def _grams(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for n in range(1, MAX_N + 1) for i in range(len(words) - n + 1)}


def _matches(phrase: str, grams: set[tuple[str, ...]]) -> bool:
    words = _words(phrase)
    if not words or len(words) > MAX_N:
        return True  # not checkable by n-grams: never flagged
    head = tuple(words[:-1])
    return any((*head, form) in grams for form in _forms(words[-1]))


@cache
def _bulk_counts() -> Counter[tuple[str, ...]]:
    counts: Counter[tuple[str, ...]] = Counter()
    with (SHARED / "corpus" / "bulk" / "news.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            counts.update(_grams(_words(row["title"] or "") + _words(row["text"])))
    return counts


def _evaluation_paths() -> list[Path]:
    """The texts the evaluation gates score: public gold texts and accord's own set."""
    paths: list[Path] = []
    for gold in sorted((SHARED / "gold").rglob("*.json")):
        text = SHARED / "corpus" / gold.parent.name / f"{gold.stem}.txt"
        if text.is_file():
            paths.append(text)
    return paths + sorted((ROOT / "eval" / "accord-set").rglob("*.txt"))


def _evaluation_texts() -> list[tuple[str, set[tuple[str, ...]]]]:
    return [(str(p), _grams(_words(p.read_text(encoding="utf-8")))) for p in _evaluation_paths()]


def _lexicon(name: str) -> Any:
    data = resources.files("accord.vocab").joinpath("data", name).read_text(encoding="utf-8")
    return json.loads(data)


@pytest.mark.skipif(not (SHARED / "corpus" / "bulk").is_dir(), reason="../shared not beside")
def test_no_lexicon_entry_fits_one_evaluation_article_only() -> None:
    texts = _evaluation_texts()
    bulk = _bulk_counts()
    assert len(texts) >= 10 and len(bulk) > 100_000
    bulk_grams = set(bulk)
    reviewed = json.loads((Path(__file__).parent / "lexicon_reviewed.json").read_text("utf-8"))
    fitted: list[str] = []
    for name in HAND_WRITTEN:
        for phrase in sorted(set(_phrases(_lexicon(name))) - set(reviewed["reviewed"])):
            hits = [path for path, grams in texts if _matches(phrase, grams)]
            if len(hits) == 1 and not _matches(phrase, bulk_grams):
                fitted.append(f"{name}: {phrase!r} only in {Path(hits[0]).name}")
    assert not fitted, "entries that fit one evaluation article:\n" + "\n".join(fitted)


def test_the_check_catches_a_fitted_entry() -> None:
    """The matcher itself: inflected lemmas match, and a phrase of one text is found."""
    grams = _grams(_words("Troops shelled the town; the ministry's set-top boxes."))
    assert _matches("shell", grams)
    assert _matches("set-top box", grams)
    assert not _matches("set-top", _grams(_words("a box set on top")))
    assert list(_phrases({"_source": "x", "verbs": [{"lemma": "bomb", "type": "ASSAULT"}]})) == [
        "bomb"
    ]


_QUOTED = re.compile(r"[\"“']([^\"”'\n]{12,120})[\"”']")


@pytest.mark.skipif(not (SHARED / "corpus" / "bulk").is_dir(), reason="../shared not beside")
def test_no_rule_comment_cites_an_evaluation_articles_words() -> None:
    """An example in a comment or docstring is an invented instance of its pattern: a
    quoted phrase of three or more words that is verbatim in one evaluation text and in
    no bulk article cites that article instead of the pattern."""
    texts = [" ".join(p.read_text(encoding="utf-8").split()) for p in _evaluation_paths()]
    with (SHARED / "corpus" / "bulk" / "news.jsonl").open(encoding="utf-8") as fh:
        bulk = " ".join(" ".join(json.loads(line)["text"].split()) for line in fh)
    cited: list[str] = []
    for path in sorted((ROOT / "src" / "accord").rglob("*.py")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for m in _QUOTED.finditer(line):
                phrase = " ".join(m.group(1).split())
                if len(phrase.split()) < 3 or phrase in bulk:
                    continue
                if sum(phrase in t for t in texts) == 1:
                    cited.append(f"{path.relative_to(ROOT)}:{n}: {phrase!r}")
    assert not cited, "comments citing one evaluation article:\n" + "\n".join(cited)
