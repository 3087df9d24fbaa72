"""resolve_when and find_dates: as precise as the text, null when relative and unanchored."""

from __future__ import annotations

import pytest

from accord.extract.dates import find_dates, resolve_when

PUB = "2023-03-16"  # a Thursday

CASES = [
    ("on Thursday", PUB, False, "2023-03-16"),
    ("on Monday", PUB, False, "2023-03-13"),
    ("on Monday", PUB, True, "2023-03-20"),
    ("this week", PUB, False, "2023-03"),
    ("last week", PUB, False, "2023-03"),
    ("last year", PUB, False, "2022"),
    ("this summer", PUB, False, "2023"),
    ("last autumn", PUB, False, "2022"),
    ("in July", PUB, False, "2023-07"),
    ("in July", "2023-09-01", True, "2024-07"),
    ("next month", PUB, False, "2023-04"),
    ("yesterday", PUB, False, "2023-03-15"),
    ("two months ago", PUB, False, "2023-01"),
    ("March 19", PUB, False, "2023-03-19"),
    ("March 2", PUB, True, "2024-03-02"),
    ("in 2023", None, False, "2023"),
    ("19 March 2023", None, False, "2023-03-19"),
    ("March 19, 2021", None, False, "2021-03-19"),
    ("2023-03-19", None, False, "2023-03-19"),
    ("in March 2022", None, False, "2022-03"),
    ("on Thursday", None, False, None),
    ("this week", None, False, None),
    ("in July", None, False, None),
    ("March 19", None, False, None),
    ("last year", None, False, None),
]


@pytest.mark.parametrize(("text", "published", "future", "expected"), CASES)
def test_resolve_when(text: str, published: str | None, future: bool, expected: str | None) -> None:
    assert resolve_when(text, published, future=future) == expected


def test_find_dates_reads_spacy_date_entities(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The ministers met on Monday and will meet again in July 2024.")
    found = {span.text: when for span, when in find_dates(doc, PUB)}
    assert found.get("Monday") == "2023-03-13"
    assert found.get("July 2024") == "2024-07"


PAST_CASES = [
    # text, published, future, past, expected: the tense the caller passes decides
    ("in November", PUB, False, True, "2022-11"),  # signed in November, published March
    ("in November", PUB, False, False, "2023-11"),  # tense unknown: published's year
    ("in February", PUB, False, True, "2023-02"),
    ("March 20", PUB, False, True, "2022-03-20"),  # a day after published: last year
    ("March 12", PUB, False, True, "2023-03-12"),
    ("last month", PUB, False, True, "2023-02"),
    ("last Tuesday", PUB, False, False, "2023-03-14"),
    ("last Thursday", PUB, False, False, "2023-03-09"),  # strictly before
    ("next Thursday", PUB, False, False, "2023-03-23"),
    ("in September next year", PUB, True, False, "2024-09"),
    ("in May last year", PUB, False, True, "2022-05"),
    ("late last year", PUB, False, True, "2022"),
]


@pytest.mark.parametrize(("text", "published", "future", "past", "expected"), PAST_CASES)
def test_tense_and_relative_years(
    text: str, published: str, future: bool, past: bool, expected: str
) -> None:
    assert resolve_when(text, published, future=future, past=past) == expected
