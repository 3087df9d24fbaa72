"""Yearly average exchange rates to the US dollar (data/usd_rates.json).

Rates are units of a currency per USD; years between listed ones are interpolated and
years outside the listed span take the nearest listed year (the data file says why).
"""

from __future__ import annotations

import json
from bisect import bisect_left
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _table() -> dict[str, list[tuple[int, float]]]:
    raw = json.loads(
        resources.files("accord.vocab").joinpath("data/usd_rates.json").read_text("utf-8")
    )
    return {
        code: sorted((int(y), float(r)) for y, r in entry["rates"].items())
        for code, entry in raw["rates"].items()
    }


def latest_year() -> int:
    """The last year the table covers."""
    return max(points[-1][0] for points in _table().values())


def usd_rate(currency: str, year: int | None) -> float | None:
    """Units of ``currency`` per USD in ``year`` (latest year when None); None if unknown."""
    points = _table().get(currency)
    if not points:
        return None
    if year is None:
        return points[-1][1]
    years = [y for y, _ in points]
    i = bisect_left(years, year)
    if i < len(years) and years[i] == year:
        return points[i][1]
    if i == 0:
        return points[0][1]
    if i == len(years):
        return points[-1][1]
    (y0, r0), (y1, r1) = points[i - 1], points[i]
    return r0 + (r1 - r0) * (year - y0) / (y1 - y0)


def to_usd(value: float, currency: str | None, year: int | None) -> float | None:
    """``value`` in USD at the year's average rate, or None when no rate is known."""
    if currency is None:
        return None
    rate = usd_rate(currency, year)
    if rate is None or rate <= 0:
        return None
    return value / rate
