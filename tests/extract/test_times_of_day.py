"""A four-digit time of day ('1800 GMT', '0930 local time') is never a year: not for a
money period, not for an event date."""

from __future__ import annotations

import pytest

from accord.extract.dates import resolve_when, without_times
from accord.extract.periods import resolve_period


@pytest.mark.parametrize(
    "text", ["at 1800 GMT", "0930 local time", "by 2100 hrs", "at 1430 EST", "1200 UTC"]
)
def test_times_of_day_resolve_to_nothing(text: str) -> None:
    assert resolve_when(text, "1987-03-02") is None
    assert resolve_period(text, "1987-03-02") is None


def test_a_year_beside_a_time_still_counts() -> None:
    assert resolve_when("at 1800 GMT on March 3, 1987") == "1987-03-03"
    assert resolve_period("in 1986, announced at 0930 local time") == ("1986-01", "1986-12")
    assert resolve_period("in 2030") == ("2030-01", "2030-12")  # no time word: a year


def test_a_time_split_from_its_zone_by_the_parser_is_still_a_time() -> None:
    # a DATE entity '1800' whose 'GMT' stayed outside it
    assert without_times("1800", " GMT on Friday").strip() == ""
    assert without_times("1800", " people marched") == "1800"
