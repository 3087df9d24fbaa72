"""Flows and levels on invented articles through the whole pipeline: prices, exchange
rates, market sizes, debt ceilings and share prices written next to real loans, aid and
trade figures. Each figure is checked by the words around it, as an analyst reads it."""

from __future__ import annotations

import pytest

import accord
from accord.schema import Amount, Record

MARKETS = (
    "Lusaka, May 14 (Wire) - China lent Zambia $1.2 billion for a railway last year, "
    "officials said at 1800 GMT on Friday.\n\n"
    "Trade between China and Zambia reached $5 billion in 2021. The euro stood at "
    "$1.364 per euro in late trading, while the dollar bought 142 yen to the dollar.\n\n"
    "Finance ministers said Africa must tap a $30 trillion global capital market. "
    "Copper traded at $9,000 a tonne and shares of Kafue Mining closed at $12 a share."
)

CEILING = (
    "Washington, May 14 (Wire) - Congress raised the debt ceiling to $31.4 trillion on "
    "Tuesday. Brazil's GDP of $1.9 trillion grew by 3 percent, and Kenya's budget of "
    "$30 billion was passed at 0930 local time.\n\n"
    "Japan granted Kenya $40 million in aid for clinics. Kenya's trade deficit with "
    "China widened to $6 billion. Sunvale, a company worth $2 billion, opened a plant."
)


def _amounts(text: str, published: str = "2022-05-14") -> tuple[Record, dict[str, Amount]]:
    record = accord.process(text, published=published)
    return record, {record.body[a.span[0] : a.span[1]]: a for a in record.amounts}


@pytest.fixture(scope="module")
def markets() -> tuple[Record, dict[str, Amount]]:
    return _amounts(MARKETS)


@pytest.fixture(scope="module")
def ceiling() -> tuple[Record, dict[str, Amount]]:
    return _amounts(CEILING)


@pytest.mark.parametrize(
    ("figure", "kind", "measure", "level_type"),
    [
        ("$1.2 billion", "loan", "flow", None),
        ("$5 billion", "trade_total", "flow", None),
        ("$1.364", "other", "level", "exchange_rate"),
        ("142 yen", "other", "level", "exchange_rate"),
        ("$30 trillion", "other", "level", "market_size"),
        ("$9,000", "other", "level", "commodity_price"),
        ("$12", "other", "level", "share_price"),
    ],
)
def test_markets_article(
    markets: tuple[Record, dict[str, Amount]],
    figure: str,
    kind: str,
    measure: str,
    level_type: str | None,
) -> None:
    a = markets[1][figure]
    assert (a.kind, a.measure, a.level_type) == (kind, measure, level_type)


@pytest.mark.parametrize(
    ("figure", "kind", "measure", "level_type"),
    [
        ("$31.4 trillion", "other", "level", "debt_ceiling"),
        ("$1.9 trillion", "other", "level", "gdp"),
        ("$30 billion", "other", "level", "budget"),
        ("$40 million", "aid", "flow", None),
        ("$6 billion", "other", "level", "balance"),
        ("$2 billion", "other", "level", "valuation"),
    ],
)
def test_ceiling_article(
    ceiling: tuple[Record, dict[str, Amount]],
    figure: str,
    kind: str,
    measure: str,
    level_type: str | None,
) -> None:
    a = ceiling[1][figure]
    assert (a.kind, a.measure, a.level_type) == (kind, measure, level_type)


def test_flows_keep_their_direction_and_levels_have_none(
    markets: tuple[Record, dict[str, Amount]], ceiling: tuple[Record, dict[str, Amount]]
) -> None:
    assert (markets[1]["$1.2 billion"].from_, markets[1]["$1.2 billion"].to) == ("CHN", "ZMB")
    assert (ceiling[1]["$40 million"].from_, ceiling[1]["$40 million"].to) == ("JPN", "KEN")
    for figure in ("$1.364", "$30 trillion", "$12"):
        assert (markets[1][figure].from_, markets[1][figure].to) == (None, None)
    deficit = ceiling[1]["$6 billion"]  # a balance keeps its sides: surplus side -> deficit side
    assert (deficit.from_, deficit.to) == ("CHN", "KEN")


def test_times_of_day_are_never_years(
    markets: tuple[Record, dict[str, Amount]], ceiling: tuple[Record, dict[str, Amount]]
) -> None:
    for record, amounts in (markets, ceiling):
        for a in amounts.values():
            assert a.period is None or a.period[0][:4] in {"2021", "2022"}
            assert a.usd_rate_date is None or a.usd_rate_date[:4] in {"2021", "2022"}
        for e in record.events:
            assert e.when is None or e.when[:4] in {"2021", "2022"}


def test_every_usd_value_names_its_rate_date_and_source(
    markets: tuple[Record, dict[str, Amount]], ceiling: tuple[Record, dict[str, Amount]]
) -> None:
    for _, amounts in (markets, ceiling):
        for a in amounts.values():
            if a.value_usd is None:
                assert a.usd_note
            else:
                assert a.usd_rate is not None and a.usd_rate_date and a.usd_source
                assert a.value_usd == pytest.approx(a.value * a.usd_rate, rel=1e-6, abs=0.006)
    yen = markets[1]["142 yen"]
    assert yen.usd_source is not None and yen.usd_source.startswith("ECB")
    assert yen.usd_rate_date == "2022-05-13"  # published on a Saturday: Friday's fixing


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        # a money-moving verb makes a flow whatever its subject is
        (
            "Kenya's economy received $1 billion in remittances from the United States.",
            "$1 billion",
            ("other", "flow", None, "USA", "KEN"),
        ),
        (
            "China wrote off $500 million of Cuban debt.",
            "$500 million",
            ("aid", "flow", None, "CHN", "CUB"),
        ),
        (  # a debt stock with its creditor named is lent money (GOLD_FORMAT: loan)
            "Kenya owes China $7 billion.",
            "$7 billion",
            ("loan", "level", "debt_stock", "CHN", "KEN"),
        ),
        (
            "The IMF said Sri Lanka's external debt of $51 billion was unsustainable.",
            "$51 billion",
            ("other", "level", "debt_stock", None, "LKA"),
        ),
        (
            "Nigeria has asked the World Bank for $1.5 billion in budget support.",
            "$1.5 billion",
            ("other", "flow", None, "IGO:WB", "NGA"),
        ),
        (
            "Japan will provide Vietnam with a loan of 100 billion yen, worth about $900 million.",
            "$900 million",
            ("loan", "flow", None, "JPN", "VNM"),
        ),
        (  # the conversion of a shilling figure is no exchange rate
            "The bribe totaled 500,000 Kenyan shillings, or about $4,850.",
            "$4,850",
            ("other", "flow", None, None, None),
        ),
        (
            "Egypt's foreign reserves stood at $35 billion.",
            "$35 billion",
            ("other", "level", "reserves", None, None),
        ),
        (
            "The dollar rose to 1.45 Swiss francs.",
            "1.45 Swiss francs",
            ("other", "level", "exchange_rate", None, None),
        ),
    ],
)
def test_one_sentence(text: str, figure: str, expected: tuple[object, ...]) -> None:
    a = _amounts(text)[1][figure]
    assert (a.kind, a.measure, a.level_type, a.from_, a.to) == expected
