"""Periods of money figures, with and without a publication date."""

from __future__ import annotations

import pytest

from accord.extract.periods import is_rate, is_reference, resolve_period, same_period_year

PUB = "2023-08-10"

CASES = [
    ("January-September 2022", None, ("2022-01", "2022-09")),
    ("Jan-Sept 2022", None, ("2022-01", "2022-09")),
    ("from April to July 2004", None, ("2004-04", "2004-07")),
    ("in 1986", None, ("1986-01", "1986-12")),
    ("between 2018 and 2020", None, ("2018-01", "2020-12")),
    ("1985-1990", None, ("1985-01", "1990-12")),
    ("in the first half of 2023", None, ("2023-01", "2023-06")),
    ("H2 2021", None, ("2021-07", "2021-12")),
    ("in May 2021", None, ("2021-05", "2021-05")),
    ("in the first half", PUB, ("2023-01", "2023-06")),
    ("in the third quarter", PUB, ("2022-07", "2022-09")),
    ("in the second quarter", PUB, ("2023-04", "2023-06")),
    ("last year", PUB, ("2022-01", "2022-12")),
    ("last month", PUB, ("2023-07", "2023-07")),
    ("over the next five years", PUB, ("2023-08", "2028-07")),
    ("since 2015", PUB, ("2015-01", "2023-08")),
    ("in May", PUB, ("2023-05", "2023-05")),
    ("April-July", PUB, ("2023-04", "2023-07")),
    ("last year", None, None),
    ("in the first half", None, None),
    ("over the next five years", None, None),
    ("a year", PUB, None),
    ("this fiscal year", PUB, None),
    ("annually", PUB, None),
]


@pytest.mark.parametrize(("text", "published", "expected"), CASES)
def test_resolve_period(text: str, published: str | None, expected: object) -> None:
    assert resolve_period(text, published) == expected


def test_context_year_fills_a_range_without_one() -> None:
    assert resolve_period("in April-July", None, year=2004) == ("2004-04", "2004-07")


@pytest.mark.parametrize(
    ("text", "rate", "ref", "year"),
    [
        ("during that period", False, True, None),
        ("in the same period in 2003", False, True, 2003),
        ("each year", True, False, None),
        ("in 2003", False, False, None),
    ],
)
def test_period_kinds(text: str, rate: bool, ref: bool, year: int | None) -> None:
    assert (is_rate(text), is_reference(text), same_period_year(text)) == (rate, ref, year)
