"""The REST API under /api: JSON lists with filters and pages, CSV/Parquet exports.

Every list answers JSON by default, ``?format=csv|parquet`` for a download, and the
same list with ``/export`` appended downloads CSV unless ``format`` says otherwise.
Writes need ``Authorization: Bearer <ACCORD_API_TOKEN>``; with no token configured the
server is read-only.
"""

from __future__ import annotations

import json
import math
import re
import secrets
import threading
import time
from collections.abc import Callable, Hashable
from typing import Annotated, Any, Literal, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from accord.errors import AccordError, StoreError
from accord.schema import RawDocument, Record, to_dict
from accord.serve import models
from accord.serve.cache import ViewCache
from accord.serve.export import Format, tabular
from accord.serve.ingest import process_and_store, raw_document
from accord.serve.params import BIGINT, filters, invalid
from accord.serve.urls import document_url
from accord.settings import Settings
from accord.store import Filters, Page, Store
from accord.store.base import GROUPS, sum_groups

router = APIRouter(prefix="/api", tags=["api"])
T = TypeVar("T")

Processor = Callable[[RawDocument], Record]
"""Turns one raw document into its record (the pipeline's process_raw, given by the CLI)."""

JSON_LIMIT = 1000
EXPORT_LIMIT = 100_000

FiltersDep = Annotated[Filters, Depends(filters)]
Offset = Annotated[int, Query(ge=0, le=BIGINT, description="items to skip")]
Limit = Annotated[
    int | None,
    Query(ge=1, le=EXPORT_LIMIT, description="items per page (JSON: 50, at most 1000)"),
]
FormatQ = Annotated[Format | None, Query(alias="format", description="json, csv or parquet")]
ExportFormat = Literal["csv", "parquet"]
ExportQ = Annotated[
    ExportFormat | None,
    Query(alias="format", description="csv or parquet (the list without /export gives JSON)"),
]

TABLES: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {
            "text/csv": {"schema": {"type": "string"}},
            "application/vnd.apache.parquet": {"schema": {"type": "string", "format": "binary"}},
        }
    }
}
"""The CSV and Parquet answers of a list (``?format=``), for the OpenAPI description."""
DOWNLOAD: dict[int | str, dict[str, Any]] = {
    200: {"description": "a CSV or Parquet download", **TABLES[200]}
}
"""An /export route's answer: a download only."""
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": models.Message}}


def store_of(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def cached(request: Request, key: Hashable, compute: Callable[[Store], T]) -> T:
    """A view from the app's cache, computed on a miss (see serve/cache.py)."""
    views: ViewCache = request.app.state.views
    return views.get(key, compute)


def settings_of(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _limit(limit: int | None, fmt: Format) -> int:
    if fmt != "json":
        return limit or EXPORT_LIMIT
    return min(limit or 50, JSON_LIMIT)


def _listing(
    path: str,
    name: str,
    model: type[Any],
    query: Callable[[Store, Filters, int, int], Page],
    summary: str,
    cache: bool = False,
) -> None:
    """Register ``path`` (JSON, or ?format=) and ``path/export`` (CSV by default),
    answered by ``query(store, filters, limit, offset)``.

    With ``cache`` the list is kept in the view cache (serve/cache.py), its JSON answer
    as encoded bytes: checked against the model once when computed, not per request.
    """

    def fetch(request: Request, f: Filters, limit: int, offset: int) -> Page:
        if cache:
            key = (f"list_{name}", f, limit, offset)
            return cached(request, key, lambda s: query(s, f, limit, offset))
        return query(store_of(request), f, limit, offset)

    def handler(
        request: Request,
        f: FiltersDep,
        offset: Offset = 0,
        limit: Limit = None,
        fmt: FormatQ = None,
    ) -> Any:
        chosen: Format = fmt or "json"
        if chosen == "json" and cache:
            n = _limit(limit, chosen)
            key = ("json", name, f, n, offset)
            body = cached(request, key, lambda s: _encode(model, query(s, f, n, offset)))
            return Response(body, media_type="application/json")
        page = fetch(request, f, _limit(limit, chosen), offset)
        if chosen != "json":
            return tabular(page["items"], chosen, name)
        return page

    def export(
        request: Request,
        f: FiltersDep,
        offset: Offset = 0,
        limit: Limit = None,
        fmt: ExportQ = None,
    ) -> Any:
        return handler(request, f, offset, limit, fmt or "csv")

    router.get(path, response_model=model, summary=summary, name=f"list_{name}", responses=TABLES)(
        handler
    )
    router.get(
        f"{path}/export",
        summary=f"{summary} (download, CSV unless format=parquet)",
        name=f"export_{name}",
        response_class=Response,
        responses=DOWNLOAD,
    )(export)


def _encode(model: type[Any], page: dict[str, Any]) -> bytes:
    """A page as its model's JSON (aliases, non-finite floats as null), as FastAPI would."""
    encoded: bytes = model.model_validate(page).model_dump_json(by_alias=True).encode()
    return encoded


# The document list is the dashboard's busiest question: cached like the views (a new
# document shows within the cache's bound; see serve/cache.py).
_listing(
    "/documents",
    "documents",
    models.DocumentPage,
    lambda s, f, n, o: s.list_documents(f, n, o),
    "List documents",
    cache=True,
)
_listing(
    "/events",
    "events",
    models.EventPage,
    lambda s, f, n, o: s.list_events(f, n, o),
    "List events",
)
_listing(
    "/amounts/items",
    "amounts",
    models.AmountPage,
    lambda s, f, n, o: s.list_amounts(f, n, o),
    "List money figures",
)
_listing(
    "/quotes",
    "quotes",
    models.QuotePage,
    lambda s, f, n, o: s.list_quotes(f, n, o),
    "List quotations",
)
_listing(
    "/actors",
    "actors",
    models.ActorPage,
    lambda s, f, n, o: s.list_actors(f, n, o),
    "List actors",
    cache=True,
)


_GROUP = "(" + "|".join(GROUPS) + ")"
BY = f"^ *({_GROUP}? *(, *{_GROUP}? *)*)?$"
"""A comma list of groups, published in the schema and checked with the same pattern."""


def _by(value: str | None) -> tuple[str, ...]:
    if value is not None and not re.search(BY, value):
        wrong = [p.strip() for p in value.split(",") if p.strip() not in (*GROUPS, "")]
        raise invalid(("query", "by"), f"by takes {', '.join(GROUPS)}; not {', '.join(wrong)}")
    parts = [p.strip() for p in (value or "pair,kind,year").split(",") if p.strip()]
    return sum_groups(tuple(dict.fromkeys(parts)))  # always per kind


def _sums(request: Request, f: Filters, by: str | None, fmt: Format) -> Any:
    groups = _by(by)
    items = cached(request, ("sums", f, groups), lambda s: s.sum_amounts(f, groups))
    if fmt != "json":
        return tabular(items, fmt, "amounts")
    return {"by": list(groups), "items": items}


ByQ = Annotated[
    str | None,
    Query(
        description="group by: pair, kind, year, month (comma list)",
        json_schema_extra={"pattern": BY},
    ),
]


@router.get(
    "/amounts",
    response_model=models.AmountSums,
    summary="Money flows in USD, summed",
    responses=TABLES,
)
def amounts(request: Request, f: FiltersDep, by: ByQ = None, fmt: FormatQ = None) -> Any:
    """Sums in USD of flows (never levels: prices, rates, market sizes) by kind, and by
    pair (from, to) and period (year of the period's start, else of publication) as
    ``by`` asks; kind is always a group, so no total adds two kinds together."""
    return _sums(request, f, by, fmt or "json")


@router.get(
    "/amounts/export", response_class=Response, summary="Money sums (download)", responses=DOWNLOAD
)
def amounts_export(request: Request, f: FiltersDep, by: ByQ = None, fmt: ExportQ = None) -> Any:
    return _sums(request, f, by, fmt or "csv")


@router.get(
    "/documents/{doc_id:path}/copies",
    response_model=models.Copies,
    summary="Copies of the same story: who carried it, and who first",
    responses={**TABLES, **NOT_FOUND},
)
def document_copies(request: Request, doc_id: str, fmt: FormatQ = None) -> Any:
    """The other documents carrying this document's text (syndicated or lightly edited
    copies, found by MinHash), first publication first, with their similarity to it."""
    if not request.scope.get("raw_path", b"/copies").endswith(b"/copies"):
        # ".../x%2Fcopies": the id itself ends in "/copies" (links encode "/" in ids)
        return JSONResponse(document(request, f"{doc_id}/copies"))
    found = store_of(request).document_copies(doc_id)
    if found is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    if fmt and fmt != "json":
        return tabular(found["items"], fmt, "copies")
    return found


@router.get("/documents/{doc_id:path}", summary="One record (RECORD.md shape)", responses=NOT_FOUND)
def document(request: Request, doc_id: str) -> dict[str, Any]:
    """Any id a source gave, slashes and all; links send it as one encoded segment."""
    record = store_of(request).get(doc_id)
    if record is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return to_dict(record)


MinCount = Annotated[
    int, Query(ge=1, le=BIGINT, description="stories with at least this many documents")
]


def _stories(request: Request, limit: int, offset: int, min_count: int) -> dict[str, Any]:
    key = ("stories", limit, offset, min_count)
    return cached(request, key, lambda s: s.story_list(limit, offset, min_count))


@router.get(
    "/stories",
    response_model=models.StoryPage,
    summary="Stories and who carried first",
    responses=TABLES,
)
def stories(
    request: Request,
    offset: Offset = 0,
    limit: Limit = None,
    min_count: MinCount = 2,
    fmt: FormatQ = None,
) -> Any:
    """Texts carried by several documents (largest first), each with the outlet and date
    of its first publication and the outlets that carried it, in order. Over the whole
    store: the list filters do not apply."""
    chosen: Format = fmt or "json"
    page = _stories(request, _limit(limit, chosen), offset, min_count)
    if chosen != "json":
        return tabular(page["items"], chosen, "stories")
    return page


@router.get(
    "/stories/export", response_class=Response, summary="Stories (download)", responses=DOWNLOAD
)
def stories_export(
    request: Request,
    offset: Offset = 0,
    limit: Limit = None,
    min_count: MinCount = 2,
    fmt: ExportQ = None,
) -> Any:
    chosen: Format = fmt or "csv"
    return tabular(
        _stories(request, _limit(limit, chosen), offset, min_count)["items"], chosen, "stories"
    )


@router.get(
    "/actors/{code}", summary="One actor: partners, sectors, events, money", responses=NOT_FOUND
)
def actor(request: Request, code: str, f: FiltersDep) -> dict[str, Any]:
    view = cached(request, ("actor", code, f), lambda s: s.actor_view(code, f))
    if view is None:
        raise HTTPException(404, f"no actor {code!r} in the store")
    return view


@router.get("/pairs/{a}/{b}", summary="Two actors: events, money, officials, quotes")
def pair(request: Request, a: str, b: str, f: FiltersDep) -> dict[str, Any]:
    a, b = sorted((a, b))
    return cached(request, ("pair", a, b, f), lambda s: s.pair_view(a, b, f))


@router.get("/network", summary="Actors as nodes, cooperation as weighted edges")
def network(
    request: Request, f: FiltersDep, max_nodes: Annotated[int, Query(ge=1, le=500)] = 60
) -> dict[str, Any]:
    return cached(request, ("network", f, max_nodes), lambda s: s.network(f, max_nodes))


@router.get("/overview", summary="Counts, facets and event types for the filtered view")
def overview(request: Request, f: FiltersDep) -> dict[str, Any]:
    def compute(store: Store) -> dict[str, Any]:
        return {
            "counts": store.counts(f),
            "event_types": store.event_counts(f, ("type", "status")),
            "facets": store.facets(),
        }

    return cached(request, ("api-overview", f), compute)


def _search(request: Request, q: str, limit: int) -> list[dict[str, Any]]:
    return cached(request, ("search", q, limit), lambda _: _hits(request, q, limit))


def _hits(request: Request, q: str, limit: int) -> list[dict[str, Any]]:
    hits = store_of(request).search(q, limit)
    return [
        {
            "id": h.doc_id,
            "title": h.title,
            "published": h.published,
            "outlet": h.outlet,
            "snippet": h.snippet,
            "score": h.score,
        }
        for h in hits
    ]


@router.get(
    "/search", response_model=models.SearchResult, summary="Full-text search", responses=TABLES
)
def search(
    request: Request,
    q: Annotated[str, Query(description="words; all must occur")] = "",
    limit: Annotated[int, Query(ge=1, le=500)] = 20,
    fmt: FormatQ = None,
) -> Any:
    items = _search(request, q, limit)
    if fmt and fmt != "json":
        return tabular(items, fmt, "search")
    return {"q": q, "items": items}


@router.get(
    "/search/export",
    response_class=Response,
    summary="Full-text search (download)",
    responses=DOWNLOAD,
)
def search_export(
    request: Request,
    q: Annotated[str, Query()] = "",
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    fmt: ExportQ = None,
) -> Any:
    return tabular(_search(request, q, limit), fmt or "csv", "search")


# -- writing ---------------------------------------------------------------------------


class FiniteJSON(JSONResponse):
    """JSON where a non-finite float (a figure stored before values were checked) is null:
    ``json.dumps`` refuses inf and NaN, which would turn the answer into a 500."""

    def render(self, content: Any) -> bytes:
        try:
            return super().render(content)
        except ValueError:
            return super().render(_finite(content))


def _finite(value: Any) -> Any:
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(v) for v in value]
    return value


class WriteLimiter:
    """Writes per client address and minute, as a token bucket: ``rate`` writes at once,
    then one every 60/rate seconds. Counted before the token is checked, so it also slows
    a client guessing tokens."""

    def __init__(self, rate: int) -> None:
        self.rate = rate
        self._buckets: dict[str, tuple[float, float]] = {}  # client -> (tokens, at)
        self._lock = threading.Lock()

    def take(self, client: str) -> float:
        """0 when the write may go ahead, else the seconds until it may."""
        if self.rate <= 0:
            return 0.0
        now = time.monotonic()
        per_second = self.rate / 60.0
        with self._lock:
            tokens, at = self._buckets.get(client, (float(self.rate), now))
            tokens = min(float(self.rate), tokens + (now - at) * per_second)
            if tokens >= 1.0:
                self._buckets[client] = (tokens - 1.0, now)
                return 0.0
            self._buckets[client] = (tokens, now)
            if len(self._buckets) > 10_000:  # forget full buckets of clients long gone
                full = [k for k, (t, _) in self._buckets.items() if t >= self.rate - 1]
                for key in full[:5_000]:
                    del self._buckets[key]
            return (1.0 - tokens) / per_second


def limit_writes(request: Request) -> None:
    """429 with Retry-After when this client has used up its writes (ACCORD_WRITE_RATE)."""
    limiter: WriteLimiter = request.app.state.write_limiter
    wait = limiter.take(request.client.host if request.client else "?")
    if wait > 0:
        raise HTTPException(
            429,
            f"too many writes from this address: at most {limiter.rate} a minute",
            headers={"Retry-After": str(max(1, math.ceil(wait)))},
        )


def writable(request: Request) -> None:
    """405 on a store that only reads (a Parquet dataset): no token makes it writable."""
    store = store_of(request)
    if store.read_only:
        raise HTTPException(
            405,
            f"{store.url} is read-only (a Parquet dataset): load it into a SQL store "
            "(`accord load DIR --db URL`) to add documents",
            headers={"Allow": "GET, HEAD"},
        )


def require_token(request: Request) -> None:
    """Writes need the configured bearer token; none configured means read-only.

    The scheme is case-insensitive and spaces around the token are ignored (RFC 7235);
    the token itself is compared in constant time.
    """
    token = settings_of(request).api_token
    if not token:
        raise HTTPException(403, "this server is read-only: set ACCORD_API_TOKEN to accept writes")
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(
        value.strip().encode(), token.encode()
    ):
        raise HTTPException(
            401,
            "a write needs the header Authorization: Bearer <token>",
            headers={"WWW-Authenticate": "Bearer"},
        )


INGEST_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": models.IngestRequest.model_json_schema()},
            "text/plain": {"schema": {"type": "string"}},
            "text/html": {"schema": {"type": "string"}},
        },
    }
}
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": models.Message, "description": why}
    for code, why in (
        (401, "no or a wrong bearer token"),
        (403, "the server is read-only (no token configured)"),
        (405, "the store is read-only (a Parquet dataset)"),
        (413, "the body or the article is too long"),
        (415, "not JSON, plain text or HTML"),
        (429, "too many writes from this address (see Retry-After)"),
        (503, "no pipeline, or the store is unavailable"),
    )
}
WRITE_ERRORS[422] = {"model": models.Invalid, "description": "unreadable body or no article"}


def body_limit(settings: Settings) -> int:
    """The most bytes a write's body may hold: 4 per character of ACCORD_MAX_CHARS, the
    longest a character is in UTF-8."""
    return 4 * settings.max_chars


async def read_body(request: Request, limit: int) -> bytes:
    """The body, refused with 413 as soon as it is known to pass ``limit`` bytes: from
    Content-Length before reading, and by counting while it streams (a chunked body, or
    one longer than it said), so a huge body is never held whole."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.strip().isdigit():
            raise HTTPException(400, "Content-Length must be a number of bytes")
        if int(declared) > limit:
            raise HTTPException(413, f"the body is longer than {limit} bytes")
    data = bytearray()
    async for chunk in request.stream():
        data += chunk
        if len(data) > limit:
            raise HTTPException(413, f"the body is longer than {limit} bytes")
    return bytes(data)


async def _ingest_request(request: Request) -> models.IngestRequest:
    """The request body as an IngestRequest: JSON, or a bare text or HTML body."""
    limit = settings_of(request).max_chars
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind not in ("application/json", "text/plain", "text/html"):
        raise HTTPException(415, "send application/json, text/plain or text/html")
    data = await read_body(request, body_limit(settings_of(request)))
    try:
        if kind == "application/json":
            req = models.IngestRequest.model_validate(json.loads(data or b"null"))
        else:
            text = data.decode("utf-8")
            field = "html" if kind == "text/html" else "text"
            params = request.query_params
            req = models.IngestRequest.model_validate(
                {
                    field: text,
                    **{
                        k: params[k]
                        for k in ("id", "title", "published", "outlet", "url")
                        if k in params
                    },
                }
            )
    except (ValueError, ValidationError) as exc:
        raise invalid(("body",), f"unreadable request body: {exc}") from exc
    for value in (req.text, req.html):
        if value is not None and len(value) > limit:
            raise HTTPException(413, f"the article is longer than {limit} characters")
    return req


@router.post(
    "/documents",
    status_code=201,
    response_model=models.IngestResult,
    summary="Process and store one article (needs the bearer token)",
    dependencies=[Depends(writable), Depends(limit_writes), Depends(require_token)],
    openapi_extra=INGEST_BODY,
    responses={
        200: {"model": models.IngestResult, "description": "already stored"},
        **WRITE_ERRORS,
    },
)
async def ingest(request: Request) -> Any:
    process: Processor | None = request.app.state.process
    if process is None:
        raise HTTPException(503, "this server was started without a pipeline to process articles")
    req = await _ingest_request(request)
    store = store_of(request)
    try:
        raw = raw_document(req)
        settings = settings_of(request)
        record, outcome = await _in_thread(lambda: process_and_store(raw, store, process, settings))
    except StoreError as exc:
        raise HTTPException(503, str(exc)) from exc
    except (AccordError, ValueError) as exc:
        raise invalid(("body",), str(exc)) from exc
    views: ViewCache = request.app.state.views
    views.touch()  # the writer's next read sees its document
    body = {
        "id": record.id,
        "outcome": outcome,
        "url": document_url(record.id),
        "record": to_dict(record),
    }
    return FiniteJSON(body, status_code=201 if outcome == "added" else 200)


async def _in_thread(call: Callable[[], Any]) -> Any:
    """Run blocking work (spaCy, the database) off the event loop."""
    return await run_in_threadpool(call)
