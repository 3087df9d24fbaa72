"""The money grammar on sentences we wrote: values in units, ISO currencies, ranges,
brackets, and what is not money."""

from __future__ import annotations

import pytest

from accord.extract.money_parse import find_money

FORMS = [
    ("Exports reached $8.1 million last year.", [(8_100_000, "?dollar")]),
    ("The fund raised US$2bn from pension funds.", [(2e9, "USD")]),
    ("Sales hit one billion U.S. Dlrs in 1986.", [(1e9, "USD")]),
    ("The bank lent 46 mln U.S. Dlrs to the utility.", [(46e6, "USD")]),
    ("WHEAT PACT WORTH 100 MLN DLRS", [(100e6, "?dollar")]),
    ("Nairobi set aside Sh2 billion for roads.", [(2e9, "?shilling")]),
    ("The county got KSh 2bn for water.", [(2e9, "KES")]),
    ("Schools will get 2 billion shillings.", [(2e9, "?shilling")]),
    ("Lagos budgeted N50bn for the rail line.", [(50e9, "NGN")]),
    ("Pretoria spent R1.2bn on the port.", [(1.2e9, "ZAR")]),
    ("The club sold the stadium for £97m.", [(97e6, "GBP")]),
    ("Brussels pledged €3 billion to the fund.", [(3e9, "EUR")]),
    ("Beijing approved 1.5 trillion yuan of bonds.", [(1.5e12, "CNY")]),
    ("Tokyo offered ¥500 billion in credit.", [(500e9, "?yen")]),
    ("The state approved Rs 500 crore and Rs. 20 lakh.", [(5e9, "?rupee"), (2e6, "?rupee")]),
    ("Trade could cross half a billion dollars.", [(5e8, "?dollar")]),
    (
        "It borrowed 20 mln Canadian dlrs and 30 mln Kenyan shillings.",
        [(20e6, "CAD"), (30e6, "KES")],
    ),
    ("The insurer paid 10 mln stg in claims.", [(10e6, "GBP")]),
    ("The deal is worth USD 5 million, or 5 million USD.", [(5e6, "USD"), (5e6, "USD")]),
    ("Seoul pledged 3 trillion won.", [(3e12, "?won")]),
    ("A $1.5-billion loan was signed.", [(1.5e9, "?dollar")]),
]


@pytest.mark.parametrize(("text", "expected"), FORMS)
def test_forms(text: str, expected: list[tuple[float, str]]) -> None:
    got = [(m.value, m.unit) for m in find_money(text)]
    assert got == [(pytest.approx(v), u) for v, u in expected]


NOT_MONEY = [
    "Growth slowed to 5% in the second half.",
    "The firm owns 60 percent of the venture.",
    "They shipped 5 million pounds of beef.",
    "The plant employs 1,200 people on route R2.",
    "Prices in 2003 dollars are hard to compare.",
    "Hundreds of millions of dollars were at stake.",
    "It was a multi-billion-dollar project.",
    "The party won 12 seats.",
]


@pytest.mark.parametrize("text", NOT_MONEY)
def test_not_money(text: str) -> None:
    assert find_money(text) == []


RANGES = [
    ("Costs of $2-3 billion are expected.", 2e9, 3e9),
    ("Bids of $4bn-$5bn came in.", 4e9, 5e9),
]


@pytest.mark.parametrize(("text", "low", "high"), RANGES)
def test_ranges_keep_lower_bound(text: str, low: float, high: float) -> None:
    (m,) = find_money(text)
    assert (m.value, m.upper) == (low, high)


def test_a_band_between_two_figures_is_two_figures() -> None:
    # GUIDE: "between £25,000 and £35,000" gives both ends of the band
    got = [(m.value, m.upper) for m in find_money("He was paid between £5,001 and £10,000.")]
    assert got == [(5001, None), (10000, None)]


def test_every_conversion_in_one_bracket_is_folded() -> None:
    got = find_money("It paid 1.55bn euros ($2bn; £1.1bn) to leave the deal.")
    assert [(m.value, m.unit) for m in got] == [(1.55e9, "EUR")]
    assert got[0].conversion is not None and got[0].conversion[0] == 2e9


def test_a_thousands_group_with_a_dropped_digit_takes_its_evident_value() -> None:
    assert [m.value for m in find_money("He earned up to £135,00 for the work.")] == [135000]


def test_change_from_to_is_two_figures() -> None:
    got = [m.value for m in find_money("Exports rose from $2bn to $3bn.")]
    assert got == [2e9, 3e9]


def test_up_from_is_two_figures() -> None:
    got = [m.value for m in find_money("Imports hit $4.2bn, up from $3.9bn a year earlier.")]
    assert got == [pytest.approx(4.2e9), pytest.approx(3.9e9)]


@pytest.mark.parametrize(
    ("text", "value", "conversion"),
    [
        ("Kenya lost £50m ($97m) to fraud.", 50e6, (97e6, "?dollar")),
        ("Uganda raised Sh2 billion (about $20 million).", 2e9, (20e6, "?dollar")),
    ],
)
def test_bracketed_conversion_is_one_figure(
    text: str, value: float, conversion: tuple[float, str]
) -> None:
    (m,) = find_money(text)
    assert m.value == value
    assert m.conversion == conversion


def test_pence_are_sums_in_pounds_and_a_move_in_pence_is_no_range() -> None:
    found = [(m.value, m.unit, m.upper) for m in find_money("Shares fell 5p to 300p.")]
    assert found == [(0.05, "GBP", None), (3.0, "GBP", None)]
    assert [(m.value, m.unit) for m in find_money("a dividend of 36 pence")] == [(0.36, "GBP")]
    assert find_money("The talks start at 3pm or 4 p.m.") == []


def test_a_demonym_before_a_european_currency_of_its_own() -> None:
    (m,) = find_money("8.5 billion Dutch guilders")
    assert (m.value, m.unit) == (8.5e9, "NLG")
