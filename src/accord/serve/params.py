"""Query-string filters shared by the API and the pages, so a view's URL is its state.

Every filter may repeat (``?actor=CHN&actor=KEN``) or hold a comma-separated list
(``?actor=CHN,KEN``); empty values (an untouched form field) mean no filter.
"""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import urlencode

from fastapi import HTTPException, Query

from accord.store import Filters

DATE = r"^ *([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?)? *$"
PAIR = r"^ *$|^[^,]*[^, ][^,]*,[^,]*[^, ][^,]*$"
"""What date_from/date_to and pair accept, published in the OpenAPI schema and checked
here with the same pattern (searched, as JSON Schema does), so a value the schema calls
valid is never refused. Empty means no filter."""
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
    "measure",
    "date_from",
    "date_to",
    "undated",
    "q",
)


def invalid(loc: tuple[str | int, ...], msg: str) -> HTTPException:
    """A 422 in the shape of FastAPI's own validation errors (what the schema promises):
    ``{"detail": [{"loc": [...], "msg": ..., "type": ...}]}``."""
    return HTTPException(422, [{"loc": list(loc), "msg": msg, "type": "value_error"}])


def _none() -> list[str]:
    """No value given. (A plain function: for a builtin like ``list`` as default_factory,
    pydantic reads its signature from text on every request, about 0.2 ms each.)"""
    return []


def _split(values: list[str]) -> tuple[str, ...]:
    out: list[str] = []
    for value in values:
        for part in value.split(","):
            part = part.strip()
            if part and part not in out:
                out.append(part)
    return tuple(out)


def _date(name: str, value: str | None) -> str | None:
    if value is not None and not re.search(DATE, value):
        raise invalid(("query", name), f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    return (value or "").strip() or None


def parse_pair(value: str | None) -> tuple[str, str] | None:
    """``A,B`` -> the sorted pair, or None."""
    if value is not None and not re.search(PAIR, value):
        raise invalid(("query", "pair"), "pair must name two actor codes, like pair=CHN,KEN")
    if not value or not value.strip():
        return None
    a, b = sorted(part.strip(" ") for part in value.strip().split(","))
    return (a, b)


def filters(
    *,
    actor: Annotated[
        list[str], Query(default_factory=_none, description="actor code(s): CHN, REG:AFRICA")
    ],
    pair: Annotated[
        str | None,
        Query(description="two actor codes: CHN,KEN", json_schema_extra={"pattern": PAIR}),
    ] = None,
    sector: Annotated[
        list[str], Query(default_factory=_none, description="sector(s): energy, ict ...")
    ],
    event_type: Annotated[
        list[str], Query(default_factory=_none, description="PLOVER type(s): AGREE ...")
    ],
    status: Annotated[
        list[str], Query(default_factory=_none, description="occurred, planned, intended")
    ],
    outlet: Annotated[list[str], Query(default_factory=_none, description="publishing outlet(s)")],
    source: Annotated[
        list[str], Query(default_factory=_none, description="credited source(s): Reuters ...")
    ],
    kind: Annotated[
        list[str], Query(default_factory=_none, description="money kind(s), for amounts")
    ],
    date_from: Annotated[
        str | None,
        Query(description="YYYY[-MM[-DD]], inclusive", json_schema_extra={"pattern": DATE}),
    ] = None,
    date_to: Annotated[
        str | None,
        Query(description="YYYY[-MM[-DD]], inclusive", json_schema_extra={"pattern": DATE}),
    ] = None,
    measure: Annotated[
        list[str], Query(default_factory=_none, description="flow or level, for amount lists")
    ],
    q: Annotated[str | None, Query(description="full-text words, all must occur")] = None,
    undated: Annotated[
        bool, Query(description="only what has no date (facts, documents without one)")
    ] = False,
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
        measures=_split(measure),
        date_from=_date("date_from", date_from),
        date_to=_date("date_to", date_to),
        q=(q or "").strip() or None,
        undated=undated,
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
        ("measure", f.measures),
    ):
        pairs += [(key, v) for v in values]
    if f.pair:
        pairs.append(("pair", ",".join(f.pair)))
    for key, value in (("date_from", f.date_from), ("date_to", f.date_to), ("q", f.q)):
        if value:
            pairs.append((key, value))
    if f.undated:
        pairs.append(("undated", "1"))
    return urlencode(pairs)
