"""Query-string filters shared by the API and the pages, so a view's URL is its state.

Every filter may repeat (``?actor=CHN&actor=KEN``) or hold a comma-separated list
(``?actor=CHN,KEN``); empty values (an untouched form field) mean no filter.
"""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import urlencode

from fastapi import HTTPException, Query

from accord.store.queries import Filters

DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
BIGINT = 2**63 - 1
"""The largest offset or count a query takes: SQLite's and PostgreSQL's 64-bit integer."""
FILTER_KEYS = (
    "actor",
    "pair",
    "sector",
    "event_type",
    "status",
    "outlet",
    "source",
    "kind",
    "date_from",
    "date_to",
    "q",
)


def invalid(loc: tuple[str | int, ...], msg: str) -> HTTPException:
    """A 422 in the shape of FastAPI's own validation errors (what the schema promises):
    ``{"detail": [{"loc": [...], "msg": ..., "type": ...}]}``."""
    return HTTPException(422, [{"loc": list(loc), "msg": msg, "type": "value_error"}])


def _split(values: list[str] | None) -> tuple[str, ...]:
    out: list[str] = []
    for value in values or ():
        for part in value.split(","):
            part = part.strip()
            if part and part not in out:
                out.append(part)
    return tuple(out)


def _date(name: str, value: str | None) -> str | None:
    value = (value or "").strip() or None
    if value is not None and not DATE.match(value):
        raise invalid(("query", name), f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    return value


def parse_pair(value: str | None) -> tuple[str, str] | None:
    """``A,B`` -> the sorted pair, or None."""
    codes = _split([value] if value else None)
    if not codes:
        return None
    if len(codes) != 2:
        raise invalid(("query", "pair"), "pair must name two actor codes, like pair=CHN,KEN")
    a, b = sorted(codes)
    return (a, b)


def filters(
    actor: Annotated[list[str] | None, Query(description="actor code(s): CHN, REG:AFRICA")] = None,
    pair: Annotated[str | None, Query(description="two actor codes: CHN,KEN")] = None,
    sector: Annotated[list[str] | None, Query(description="sector(s): energy, ict ...")] = None,
    event_type: Annotated[list[str] | None, Query(description="PLOVER type(s): AGREE ...")] = None,
    status: Annotated[list[str] | None, Query(description="occurred, planned, intended")] = None,
    outlet: Annotated[list[str] | None, Query(description="publishing outlet(s)")] = None,
    source: Annotated[
        list[str] | None, Query(description="credited source(s): Reuters ...")
    ] = None,
    kind: Annotated[list[str] | None, Query(description="money kind(s), for amounts")] = None,
    date_from: Annotated[str | None, Query(description="YYYY[-MM[-DD]], inclusive")] = None,
    date_to: Annotated[str | None, Query(description="YYYY[-MM[-DD]], inclusive")] = None,
    q: Annotated[str | None, Query(description="full-text words, all must occur")] = None,
) -> Filters:
    """The filters of a request (a FastAPI dependency)."""
    return Filters(
        actors=_split(actor),
        pair=parse_pair(pair),
        sectors=_split(sector),
        event_types=_split(event_type),
        statuses=_split(status),
        outlets=_split(outlet),
        sources=_split(source),
        kinds=_split(kind),
        date_from=_date("date_from", date_from),
        date_to=_date("date_to", date_to),
        q=(q or "").strip() or None,
    )


def query_string(f: Filters) -> str:
    """The filters as a query string (what links carry to keep a view's filters)."""
    pairs: list[tuple[str, str]] = []
    for key, values in (
        ("actor", f.actors),
        ("sector", f.sectors),
        ("event_type", f.event_types),
        ("status", f.statuses),
        ("outlet", f.outlets),
        ("source", f.sources),
        ("kind", f.kinds),
    ):
        pairs += [(key, v) for v in values]
    if f.pair:
        pairs.append(("pair", ",".join(f.pair)))
    for key, value in (("date_from", f.date_from), ("date_to", f.date_to), ("q", f.q)):
        if value:
            pairs.append((key, value))
    return urlencode(pairs)
