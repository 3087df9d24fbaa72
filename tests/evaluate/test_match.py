"""The matching conventions, one table per rule."""

from __future__ import annotations

import pytest

from accord.evaluate.match import (
    greedy_pairs,
    normal_outlet,
    normal_title,
    quote_matches,
    same_amount,
    same_organization,
    same_person,
)


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        ("Dmitry Oguryayev", "Dmitry Oguryayev", True),
        ("Dmitry Oguryayev", "DMITRY OGURYAYEV", True),
        ("José Eduardo dos Santos", "Jose Eduardo dos Santos", True),
        ("Erik K. Lunde", "Erik Lunde", True),
        ("Erik K. Lunde", "Erik J Lunde", True),
        ("George W. Bush", "George H. W. Bush", True),
        ("Jean-Pierre Bemba", "Jean Pierre Bemba", True),
        ("Xi Jinping", "Xi", False),
        ("Emmerson Mnangagwa", "Mnangagwa", False),
        ("Erik K. Lunde", "Erik Karl Lunde", False),
        ("Ama Serwaa Owusu", "Ama Owusu", False),
        ("Paul Kagame", "Paul Kagame Jr", False),
        ("Paul Kagame", "", False),
        ("Sir John Bond", "John Bond", True),
        ("Dame Anita Roddick", "Anita Roddick", True),
        ("Mr Smith", "Smith", True),
        ("Mr Smith", "John Smith", False),
        ("Lord Falconer", "Falconer", False),
    ],
)
def test_person_names(gold: str, pred: str, expected: bool) -> None:
    assert same_person(gold, pred) is expected


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        ("Kaspersky Lab", "Kaspersky Lab", True),
        ("Ministry of Foreign Affairs", "ministry of foreign affairs", True),
        ("World Bank", "the World Bank", True),
        ("China Exim Bank Co Ltd", "China Exim Bank", True),
        ("Huawei Technologies Co., Ltd.", "Huawei Technologies", True),
        ("Acme Inc.", "Acme", True),
        ("World Bank", "World Bank Group", False),
        ("The Star", "Star Media", False),
        ("Bank of China", "China", False),
    ],
)
def test_organization_names(gold: str, pred: str, expected: bool) -> None:
    assert same_organization(gold, pred) is expected


@pytest.mark.parametrize(
    ("starts", "text", "expected"),
    [
        ("Africa remains our key partner", "Africa remains our key partner, and we", True),
        ("Africa remains our key partner", "Africa  remains\nour key partner,", True),
        ("Africa remains our key partner", "“Africa remains our key partner", True),
        ("Africa remains our key partner", "... Africa remains our key partner", True),
        ("our key partner", "Africa remains our key partner", False),
        ("Africa remains our key partner", "Africa remains a key partner", False),
        ("Africa remains our key partner", "africa remains our key partner", False),
    ],
)
def test_quote_starts(starts: str, text: str, expected: bool) -> None:
    assert quote_matches(starts, text) is expected


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        ((8_100_000, "USD"), (8_100_000, "USD"), True),
        ((8_100_000, "USD"), (8_150_000, "USD"), True),  # 0.6 %
        ((8_100_000, "USD"), (8_200_000, "USD"), False),  # 1.2 %
        ((8_100_000, "USD"), (8_100_000, "EUR"), False),
        ((8_100_000, "USD"), (8_100_000, None), False),
        ((50_000_000, None), (50_000_000, None), True),
        ((8_100_000, "USD"), (8_100_000, "usd"), True),
    ],
)
def test_amounts(
    gold: tuple[float, str | None], pred: tuple[float, str | None], expected: bool
) -> None:
    assert same_amount(gold[0], gold[1], pred[0], pred[1]) is expected


@pytest.mark.parametrize(
    ("gold", "pred", "same"),
    [
        (
            "Deputy Minister for Digital Development",
            "deputy minister for digital development",
            True,
        ),
        ("President", "the President", True),
        ("Minister of the Interior", "Minister of Interior", True),
        ("Trade  Minister", "Trade Minister", True),
        ("Trade Minister", "Foreign Minister", False),
        (None, None, True),
        ("President", None, False),
    ],
)
def test_titles(gold: str | None, pred: str | None, same: bool) -> None:
    assert (normal_title(gold) == normal_title(pred)) is same


@pytest.mark.parametrize(
    ("gold", "pred", "same"),
    [
        ("The Star", "the star", True),
        ("Africa Insider", "Africa  Insider", True),
        (None, None, True),
        ("VOA", None, False),
        ("RT", "Reuters", False),
    ],
)
def test_outlets(gold: str | None, pred: str | None, same: bool) -> None:
    assert (normal_outlet(gold) == normal_outlet(pred)) is same


def test_greedy_matching_is_one_to_one_and_prefers_better_candidates() -> None:
    gold = ["a1", "a2"]
    pred = ["a2", "a1", "a3"]
    # everything starting with "a" matches; preference picks the exact one for each
    pairs = greedy_pairs(gold, pred, lambda g, p: g[0] == p[0], lambda g, p: float(g == p))
    assert pairs == [(0, 1), (1, 0)]


def test_greedy_matching_leaves_extra_predictions_unmatched() -> None:
    pairs = greedy_pairs(["x"], ["x", "x"], str.__eq__)
    assert pairs == [(0, 0)]
