"""The REST API under /api: JSON lists with filters and pages, CSV/Parquet exports.

Every list answers JSON by default, ``?format=csv|parquet`` for a download, and the
same list with ``/export`` appended downloads CSV unless ``format`` says otherwise.
Writes need ``Authorization: Bearer <ACCORD_API_TOKEN>``; with no token configured the
server is read-only.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Hashable
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from accord.errors import AccordError, StoreError
from accord.schema import RawDocument, Record, to_dict
from accord.serve import models
from accord.serve.cache import ViewCache
from accord.serve.export import Format, tabular
from accord.serve.ingest import process_and_store, raw_document
from accord.serve.params import filters
from accord.serve.urls import document_url
from accord.settings import Settings
from accord.store import Store
from accord.store import queries as qy
from accord.store.queries import Filters

router = APIRouter(prefix="/api", tags=["api"])
T = TypeVar("T")

Processor = Callable[[RawDocument], Record]
"""Turns one raw document into its record (the pipeline's process_raw, given by the CLI)."""

JSON_LIMIT = 1000
EXPORT_LIMIT = 100_000

FiltersDep = Annotated[Filters, Depends(filters)]
Offset = Annotated[int, Query(ge=0, description="items to skip")]
Limit = Annotated[
    int | None,
    Query(ge=1, le=EXPORT_LIMIT, description="items per page (JSON: 50, at most 1000)"),
]
FormatQ = Annotated[Format | None, Query(alias="format", description="json, csv or parquet")]


def store_of(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def cached(request: Request, key: Hashable, compute: Callable[[Session], T]) -> T:
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
    fetch: Callable[[Request, Filters, int, int], dict[str, Any]],
    summary: str,
) -> None:
    """Register ``path`` (JSON, or ?format=) and ``path/export`` (CSV by default)."""

    def handler(
        request: Request,
        f: FiltersDep,
        offset: Offset = 0,
        limit: Limit = None,
        fmt: FormatQ = None,
    ) -> Any:
        chosen: Format = fmt or "json"
        page = fetch(request, f, _limit(limit, chosen), offset)
        if chosen != "json":
            return tabular(page["items"], chosen, name)
        return page

    def export(
        request: Request,
        f: FiltersDep,
        offset: Offset = 0,
        limit: Limit = None,
        fmt: FormatQ = None,
    ) -> Any:
        return handler(request, f, offset, limit, fmt or "csv")

    router.get(path, response_model=model, summary=summary, name=f"list_{name}")(handler)
    router.get(
        f"{path}/export",
        summary=f"{summary} (download, CSV unless format=parquet)",
        name=f"export_{name}",
        response_class=Response,
    )(export)


def _with(
    query: Callable[..., dict[str, Any]], cache: bool = False
) -> Callable[[Request, Filters, int, int], dict[str, Any]]:
    def fetch(request: Request, f: Filters, limit: int, offset: int) -> dict[str, Any]:
        if cache:
            key = (query.__name__, f, limit, offset)
            return cached(request, key, lambda s: query(s, f, limit, offset))
        with store_of(request).session() as session:
            return query(session, f, limit, offset)

    return fetch


_listing("/documents", "documents", models.DocumentPage, _with(qy.list_documents), "List documents")
_listing("/events", "events", models.EventPage, _with(qy.list_events), "List events")
_listing(
    "/amounts/items", "amounts", models.AmountPage, _with(qy.list_amounts), "List money figures"
)
_listing("/quotes", "quotes", models.QuotePage, _with(qy.list_quotes), "List quotations")
_listing("/actors", "actors", models.ActorPage, _with(qy.list_actors, cache=True), "List actors")


def _by(value: str | None) -> tuple[str, ...]:
    parts = tuple(p.strip() for p in (value or "pair,kind,year").split(",") if p.strip())
    wrong = [p for p in parts if p not in qy.GROUPS]
    if wrong:
        raise HTTPException(422, f"by takes {', '.join(qy.GROUPS)}; not {', '.join(wrong)}")
    return qy.sum_groups(parts)  # always per kind


def _sums(request: Request, f: Filters, by: str | None, fmt: Format) -> Any:
    groups = _by(by)
    items = cached(request, ("sums", f, groups), lambda s: qy.sum_amounts(s, f, groups))
    if fmt != "json":
        return tabular(items, fmt, "amounts")
    return {"by": list(groups), "items": items}


ByQ = Annotated[str | None, Query(description="group by: pair, kind, year, month (comma list)")]


@router.get("/amounts", response_model=models.AmountSums, summary="Money flows in USD, summed")
def amounts(request: Request, f: FiltersDep, by: ByQ = None, fmt: FormatQ = None) -> Any:
    """Sums in USD of flows (never levels: prices, rates, market sizes) by kind, and by
    pair (from, to) and period (year of the period's start, else of publication) as
    ``by`` asks; kind is always a group, so no total adds two kinds together."""
    return _sums(request, f, by, fmt or "json")


@router.get("/amounts/export", response_class=Response, summary="Money sums (download)")
def amounts_export(request: Request, f: FiltersDep, by: ByQ = None, fmt: FormatQ = None) -> Any:
    return _sums(request, f, by, fmt or "csv")


@router.get(
    "/documents/{doc_id:path}/copies",
    response_model=models.Copies,
    summary="Copies of the same story: who carried it, and who first",
)
def document_copies(request: Request, doc_id: str, fmt: FormatQ = None) -> Any:
    """The other documents carrying this document's text (syndicated or lightly edited
    copies, found by MinHash), first publication first, with their similarity to it."""
    if not request.scope.get("raw_path", b"/copies").endswith(b"/copies"):
        # ".../x%2Fcopies": the id itself ends in "/copies" (links encode "/" in ids)
        return JSONResponse(document(request, f"{doc_id}/copies"))
    with store_of(request).session() as session:
        found = qy.document_copies(session, doc_id)
    if found is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    if fmt and fmt != "json":
        return tabular(found["items"], fmt, "copies")
    return found


@router.get("/documents/{doc_id:path}", summary="One record (RECORD.md shape)")
def document(request: Request, doc_id: str) -> dict[str, Any]:
    """Any id a source gave, slashes and all; links send it as one encoded segment."""
    record = store_of(request).get(doc_id)
    if record is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return to_dict(record)


MinCount = Annotated[int, Query(ge=1, description="stories with at least this many documents")]


def _stories(request: Request, limit: int, offset: int, min_count: int) -> dict[str, Any]:
    key = ("stories", limit, offset, min_count)
    return cached(request, key, lambda s: qy.story_list(s, limit, offset, min_count))


@router.get("/stories", response_model=models.StoryPage, summary="Stories and who carried first")
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


@router.get("/stories/export", response_class=Response, summary="Stories (download)")
def stories_export(
    request: Request,
    offset: Offset = 0,
    limit: Limit = None,
    min_count: MinCount = 2,
    fmt: FormatQ = None,
) -> Any:
    chosen: Format = fmt or "csv"
    return tabular(
        _stories(request, _limit(limit, chosen), offset, min_count)["items"], chosen, "stories"
    )


@router.get("/actors/{code}", summary="One actor: partners, sectors, events, money")
def actor(request: Request, code: str, f: FiltersDep) -> dict[str, Any]:
    view = cached(request, ("actor", code, f), lambda s: qy.actor_view(s, code, f))
    if view is None:
        raise HTTPException(404, f"no actor {code!r} in the store")
    return view


@router.get("/pairs/{a}/{b}", summary="Two actors: events, money, officials, quotes")
def pair(request: Request, a: str, b: str, f: FiltersDep) -> dict[str, Any]:
    a, b = sorted((a, b))
    return cached(request, ("pair", a, b, f), lambda s: qy.pair_view(s, a, b, f))


@router.get("/network", summary="Actors as nodes, cooperation as weighted edges")
def network(
    request: Request, f: FiltersDep, max_nodes: Annotated[int, Query(ge=1, le=500)] = 60
) -> dict[str, Any]:
    return cached(request, ("network", f, max_nodes), lambda s: qy.network(s, f, max_nodes))


@router.get("/overview", summary="Counts, facets and event types for the filtered view")
def overview(request: Request, f: FiltersDep) -> dict[str, Any]:
    def compute(session: Session) -> dict[str, Any]:
        return {
            "counts": qy.counts(session, f),
            "event_types": qy.event_counts(session, f, ("type", "status")),
            "facets": qy.facets(session),
        }

    return cached(request, ("api-overview", f), compute)


def _search(request: Request, q: str, limit: int) -> list[dict[str, Any]]:
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


@router.get("/search", response_model=models.SearchResult, summary="Full-text search")
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


@router.get("/search/export", response_class=Response, summary="Full-text search (download)")
def search_export(
    request: Request,
    q: Annotated[str, Query()] = "",
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    fmt: FormatQ = None,
) -> Any:
    return tabular(_search(request, q, limit), fmt or "csv", "search")


# -- writing ---------------------------------------------------------------------------


def require_token(request: Request) -> None:
    """Writes need the configured bearer token; none configured means read-only."""
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


async def _ingest_request(request: Request) -> models.IngestRequest:
    """The request body as an IngestRequest: JSON, or a bare text or HTML body."""
    limit = settings_of(request).max_chars
    data = await request.body()
    if len(data) > 4 * limit:
        raise HTTPException(413, f"the body is longer than {limit} characters")
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    try:
        if kind == "application/json":
            req = models.IngestRequest.model_validate(json.loads(data or b"null"))
        elif kind in ("text/plain", "text/html"):
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
        else:
            raise HTTPException(415, "send application/json, text/plain or text/html")
    except (ValueError, ValidationError) as exc:
        raise HTTPException(422, f"unreadable request body: {exc}") from exc
    for value in (req.text, req.html):
        if value is not None and len(value) > limit:
            raise HTTPException(413, f"the article is longer than {limit} characters")
    return req


@router.post(
    "/documents",
    status_code=201,
    response_model=models.IngestResult,
    summary="Process and store one article (needs the bearer token)",
    dependencies=[Depends(require_token)],
    openapi_extra=INGEST_BODY,
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
        raise HTTPException(422, str(exc)) from exc
    body = {
        "id": record.id,
        "outcome": outcome,
        "url": document_url(record.id),
        "record": to_dict(record),
    }
    return JSONResponse(body, status_code=201 if outcome == "added" else 200)


async def _in_thread(call: Callable[[], Any]) -> Any:
    """Run blocking work (spaCy, the database) off the event loop."""
    return await run_in_threadpool(call)
