"""Extraction cost grows linearly with the document: ten times the list costs at most
about twelve times the time (issue: a sentence listing 5,000 countries took 31 s).

Each shape is one that was quadratic: every actor of a sentence paired with every
other, a walk from every list member up its head chain, a look-up scanning all
mentions, a quotation's cues read from its whole sentence, every figure's period
measured against every other figure. Times are the best of a few runs (the machine is
shared), compared as ratios.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from accord.clean.cleaner import clean
from accord.extract.run import extract_facts
from accord.parse import parse
from accord.pipeline.document import process_text
from accord.record.assemble import build_record
from accord.schema import RawDocument, Source
from accord.vocab import actors as gazetteer

pytestmark = pytest.mark.usefixtures("nlp")


def _names() -> list[str]:
    seen: dict[str, str] = {}
    for alias in gazetteer.aliases():
        if alias.form == "name" and gazetteer.kind_of(alias.code) == "state":
            if alias.code not in seen and alias.text[:1].isupper() and " " not in alias.text:
                seen[alias.code] = alias.text
    return list(seen.values())


NAMES = _names()


def country_list(n: int) -> str:
    listed = ", ".join(NAMES[i % len(NAMES)] for i in range(n))
    return f"Leaders from {listed} signed a trade agreement.\n"


def unbalanced_quotes(n: int) -> str:
    parts = []
    for i in range(n):
        name = NAMES[i % len(NAMES)]
        parts.append(f'{name} said "the deal with Kenya is good for trade and ')
        parts.append("officials told reporters ” nothing ")
    return "".join(parts)


def money_list(n: int) -> str:
    funds = ", ".join(f"${i + 1} million from {NAMES[i % len(NAMES)]}" for i in range(n))
    return f"The funds agreed in 2023 include {funds}.\n"


def many_sentences(n: int) -> str:
    out = []
    for i in range(n):
        a, b = NAMES[i % len(NAMES)], NAMES[(i * 7 + 3) % len(NAMES)]
        out.append(f"{a} and {b} signed a trade agreement worth $5 million on Monday.")
        out.append("\n\n" if i % 4 == 3 else " ")
    return "".join(out)


def _extraction_time(text: str, repeats: int) -> float:
    """Best time to clean, extract and assemble the record of ``text``; the spaCy parse
    (linear in the tokens: tok2vec, tagger, parser and NER) is made once, outside."""
    raw = RawDocument(text=text, source=Source(format="text"))
    doc = parse(clean(raw).body)
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        document = clean(raw)
        build_record(document, extract_facts(document, doc))
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize(
    ("make", "n"),
    [(country_list, 200), (unbalanced_quotes, 100), (money_list, 60), (many_sentences, 30)],
    ids=["country-list", "unbalanced-quotes", "money-list", "many-sentences"],
)
def test_ten_times_the_input_costs_at_most_about_twelve_times(
    make: Callable[[int], str], n: int
) -> None:
    small, large = make(n), make(10 * n)
    t_small = _extraction_time(small, repeats=5)
    t_large = _extraction_time(large, repeats=3)
    assert t_large / t_small <= 12.5, (
        f"{len(large)} chars took {t_large:.3f}s, {len(small)} chars {t_small:.3f}s"
    )


def test_a_crowd_named_in_one_clause_is_not_paired_all_with_all() -> None:
    """'funds from A, from B, from C, ...' names many actors side by side: pairing each
    with each gave 19,503 relations for 200 figures."""
    record = process_text(money_list(40))
    assert len(record.amounts) == 40
    assert len(record.relations) < 40
