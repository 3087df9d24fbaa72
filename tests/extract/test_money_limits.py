"""Money figures are finite and plausible: '9' * 400 + ' dollars' was stored as inf,
and a 39-digit figure as 1.1e39 US dollars."""

from __future__ import annotations

import math

import pytest

from accord.extract.money_parse import MAX_FIGURE, find_money
from accord.pipeline.document import process_text

HOSTILE = [
    "9" * 400 + " dollars",
    "$" + "1" * 39,
    "$999,999,999,999 trillion",
    "1" + "0" * 30 + " euros",
]


@pytest.mark.parametrize(
    "figure", HOSTILE, ids=["400-nines", "39-digits", "trillion-trillion", "1e30"]
)
def test_an_implausible_figure_is_skipped_with_a_warning(figure: str) -> None:
    warnings: list[str] = []
    assert find_money(f"Kenya pledged {figure} to Uganda.", warnings) == []
    assert len(warnings) == 1 and "implausible value" in warnings[0]
    assert len(warnings[0]) < 200  # the figure is shortened, not quoted whole


def test_a_large_real_figure_is_kept() -> None:
    found = find_money("The budget is 1,000 trillion rupiah and $2.5 trillion.")
    assert [m.value for m in found] == [1e15, 2.5e12]
    assert all(m.value <= MAX_FIGURE for m in found)


def test_a_record_never_holds_a_non_finite_or_implausible_amount(nlp: object) -> None:
    text = (
        "Kenya pledged " + "9" * 400 + " dollars to Uganda on Monday.\n\n"
        "Kenya also lent Uganda $9,999,999,999,999,999 for roads, and $5 million for schools.\n"
    )
    record = process_text(text)
    assert [a.value for a in record.amounts] == [5e6]
    assert all(math.isfinite(a.value) and math.isfinite(a.value_usd or 0) for a in record.amounts)
    assert any("implausible US-dollar value" in w for w in record.warnings)
    assert any("implausible value" in w for w in record.warnings)
