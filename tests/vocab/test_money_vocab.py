"""The money data files load, name their source, and answer the lookups the grammar needs."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from accord.vocab.currencies import currency_lexicon
from accord.vocab.money_cues import money_cues
from accord.vocab.usd_rates import latest_year, to_usd, usd_rate


@pytest.mark.parametrize("name", ["currencies.json", "usd_rates.json", "money_cues.json"])
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


def test_required_currencies_cover_1980_to_latest() -> None:
    for code in ["GBP", "JPY", "CNY", "INR", "ZAR", "KES", "CHF", "CAD", "AUD", "KRW", "TWD"]:
        assert usd_rate(code, 1980) is not None
        assert usd_rate(code, latest_year()) is not None
    assert latest_year() >= 2024


def test_rates_interpolate_and_clamp() -> None:
    assert usd_rate("EUR", 2010) == pytest.approx(0.755)
    assert usd_rate("EUR", 1990) == usd_rate("EUR", 1999)  # before the euro: nearest year
    hkd_1995 = usd_rate("HKD", 1995)
    assert hkd_1995 is not None and 7.77 <= hkd_1995 <= 7.79
    assert to_usd(1_000_000, "USD", 1987) == 1_000_000
    assert to_usd(5, "XXX", 2000) is None


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
