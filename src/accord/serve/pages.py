"""Dashboard pages, rendered on the server with Jinja2 (autoescape on everything).

Every filter lives in the URL query, so a view can be shared by its link. Chart data
goes to the page as JSON in <script type="application/json"> blocks that accord.js
parses; no script is built from data.
"""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from accord.serve import charts
from accord.serve.api import cached, store_of
from accord.serve.highlight import KINDS, document_view
from accord.serve.params import BIGINT, filters, query_string
from accord.serve.urls import segment
from accord.serve.vendor import has_swagger, plotly_url
from accord.store import Filters, Store
from accord.store.base import MARK

TEMPLATES = Path(__file__).resolve().parent / "templates"
PAGE_SIZE = 25


def usd(value: float | None) -> str:
    """$1.2bn, $350.0M, $12,000: money as a reader scans it."""
    if value is None:
        return "–"
    if abs(value) >= 1e9:
        return f"${value / 1e9:,.1f}bn"
    if abs(value) >= 1e6:
        return f"${value / 1e6:,.1f}M"
    return f"${value:,.0f}"


def usd_by_kind(totals: dict[str, float] | list[dict[str, Any]] | None) -> str:
    """'loan $1.2bn · aid $40.0M': flow totals one kind at a time, largest first (a
    mapping kind -> USD, or sum rows with 'kind' and 'total_usd'); '–' when none."""
    if not totals:
        return "–"
    pairs = (
        list(totals.items())
        if isinstance(totals, dict)
        else [(t["kind"], t["total_usd"]) for t in totals]
    )
    pairs.sort(key=lambda kv: (-kv[1], kv[0]))
    return " · ".join(f"{kind} {usd(value)}" for kind, value in pairs)


def active_filters(f: Filters) -> list[str]:
    """The filters in force, as short words for the collapsed filter bar's summary."""
    words = [*f.actors, *f.sectors, *f.event_types, *f.statuses, *f.outlets, *f.sources]
    if f.pair:
        words.append("–".join(f.pair))
    if f.date_from:
        words.append(f"from {f.date_from}")
    if f.date_to:
        words.append(f"to {f.date_to}")
    if f.undated:
        words.append("undated")
    if f.q:
        words.append(f"“{f.q}”")
    return words


def environment() -> Environment:
    """The Jinja2 environment: autoescape for every template, whatever its name."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["usd"] = usd
    env.filters["usd_by_kind"] = usd_by_kind
    env.filters["active_filters"] = active_filters
    env.filters["seg"] = segment
    env.globals["plotly_url"] = plotly_url()
    return env


templates = Jinja2Templates(env=environment())
router = APIRouter(include_in_schema=False)
FiltersDep = Annotated[Filters, Depends(filters)]


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def _common(request: Request, f: Filters) -> dict[str, Any]:
    facets = cached(request, ("facets",), lambda s: s.facets())
    return {"f": f, "qs": query_string(f), "facets": facets, "kinds": KINDS}


def _snippet(text: str) -> list[tuple[str, bool]]:
    """A search snippet as (text, matched) pieces: the template escapes each."""
    out: list[tuple[str, bool]] = []
    rest = text
    while rest:
        start = rest.find(MARK[0])
        if start < 0:
            out.append((rest, False))
            break
        end = rest.find(MARK[1], start)
        if end < 0:
            out.append((rest, False))
            break
        if start:
            out.append((rest[:start], False))
        out.append((rest[start + 1 : end], True))
        rest = rest[end + 1 :]
    return out


TIMELINE_MAX = 500
"""Events an actor or pair timeline plots (actor_view and pair_view list this many)."""


def _timeline(request: Request, key: Hashable, events: list[dict[str, Any]]) -> dict[str, Any]:
    """The timeline spec of a cached view, cached with it (it is the page's largest part)."""

    def build(_: Store) -> dict[str, Any]:
        spec = charts.timeline(events)
        if len(events) >= TIMELINE_MAX:
            spec["title"] += f" · the first {TIMELINE_MAX} events"
        return spec

    return cached(request, ("timeline", key), build)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, f: FiltersDep) -> HTMLResponse:
    def compute(store: Store) -> dict[str, Any]:
        graph = store.network(f, max_nodes=200)
        by_month = store.event_counts(f, ("month", "type"))
        money = store.sum_amounts(f, ("kind", "year"))
        return {
            "counts": store.counts(f),
            "pairs": graph["edges"][:12],
            "events": store.list_events(f, limit=12)["items"],
            "actors": store.list_actors(f, limit=12)["items"],
            "charts": {
                "events": charts.event_bars(by_month, "Events per {unit} by PLOVER type"),
                "money": charts.money_bars(money, "Money per year by kind (USD)"),
            },
        }

    view = cached(request, ("overview", f), compute)
    # Stories span the whole store (not the filtered view): one cache entry for all.
    shared = cached(request, ("stories", 8, 0, 2), lambda s: s.story_list(8, 0, 2))
    return render(request, "overview.html", **view, stories=shared["items"], **_common(request, f))


@router.get("/network", response_class=HTMLResponse)
def network_page(
    request: Request, f: FiltersDep, nodes: Annotated[int, Query(ge=2, le=300)] = 60
) -> HTMLResponse:
    graph = cached(request, ("network", f, nodes), lambda s: s.network(f, nodes))
    qs = query_string(f)
    # the layout costs more than the query: cached with it, until the store changes
    spec = cached(request, ("network-chart", f, nodes), lambda _: charts.network(graph, qs=qs))
    return render(
        request,
        "network.html",
        graph=graph,
        nodes=nodes,
        charts={"network": spec},
        **_common(request, f),
    )


@router.get("/actors/{code}", response_class=HTMLResponse)
def actor_page(request: Request, code: str, f: FiltersDep) -> HTMLResponse:
    view = cached(request, ("actor", code, f), lambda s: s.actor_view(code, f))
    if view is None:
        raise HTTPException(404, f"No actor {code} in the store.")
    money = view["money"]
    return render(
        request,
        "actor.html",
        view=view,
        charts={
            "timeline": _timeline(request, ("actor", code, f), view["timeline"]),
            "events": charts.event_bars(view["events_over_time"], "Events per {unit}"),
            "money_out": charts.money_bars(money["out"], f"Money from {code} (USD)"),
            "money_in": charts.money_bars(money["in"], f"Money to {code} (USD)"),
        },
        **_common(request, f),
    )


@router.get("/pairs/{a}/{b}", response_class=HTMLResponse)
def pair_page(request: Request, a: str, b: str, f: FiltersDep) -> HTMLResponse:
    a, b = sorted((a, b))
    view = cached(request, ("pair", a, b, f), lambda s: s.pair_view(a, b, f))
    flows = [
        {**m, "direction": f"{m['kind']}: {m['from'] or '?'} → {m['to'] or '?'}"}
        for m in view["money"]
    ]
    money = charts.time_bars(
        flows,
        "year",
        "direction",
        "total_usd",
        title="Flows between them per year by kind and direction (USD)",
        x_title="year (period start, else publication)",
        y_title="USD",
        unit="year",
        count="amounts",
    )
    return render(
        request,
        "pair.html",
        view=view,
        charts={
            "timeline": _timeline(request, ("pair", a, b, f), view["timeline"]),
            "events": charts.event_bars(view["events_over_time"], "Events per {unit}"),
            "money": money,
            "kinds": charts.money_bars(view["money"], "Money by kind (USD)"),
        },
        **_common(request, f),
    )


@router.get("/documents", response_class=HTMLResponse)
def documents_page(
    request: Request, f: FiltersDep, offset: Annotated[int, Query(ge=0, le=BIGINT)] = 0
) -> HTMLResponse:
    page = store_of(request).list_documents(f, limit=PAGE_SIZE, offset=offset)
    qs = query_string(f)
    sep = "&" if qs else ""

    def at(n: int) -> str:
        return f"/documents?{qs}{sep}{urlencode({'offset': n})}"

    return render(
        request,
        "documents.html",
        page=page,
        prev_url=at(max(0, offset - PAGE_SIZE)) if offset > 0 else None,
        next_url=at(offset + PAGE_SIZE) if offset + PAGE_SIZE < page["total"] else None,
        **_common(request, f),
    )


@router.get("/documents/{doc_id:path}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str) -> HTMLResponse:
    store = store_of(request)
    record = store.get(doc_id)
    if record is None:
        raise HTTPException(404, f"No document {doc_id} in the store.")
    same = store.document_copies(doc_id)
    return render(
        request,
        "document.html",
        record=record,
        view=document_view(record),
        copies=same["items"] if same else [],
        story=same["story"] if same else None,
        kinds=KINDS,
        qs="",
    )


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = "") -> HTMLResponse:
    hits = store_of(request).search(q, 50) if q.strip() else []
    return render(
        request,
        "search.html",
        q=q,
        hits=[(h, _snippet(h.snippet)) for h in hits],
        qs="",
    )


@router.get("/docs", response_class=HTMLResponse)
def api_page(request: Request) -> HTMLResponse:
    """The API: every route from the OpenAPI schema, and Swagger UI where installed."""
    schema = request.app.openapi()
    routes = [
        {"method": method.upper(), "path": path, "summary": op.get("summary", "")}
        for path, ops in schema.get("paths", {}).items()
        for method, op in ops.items()
    ]
    return render(
        request,
        "api.html",
        routes=routes,
        description=schema.get("info", {}).get("description", ""),
        openapi_version=schema.get("openapi", ""),
        swagger=has_swagger(),
        qs="",
    )


def install_error_pages(app: FastAPI) -> None:
    """HTML error pages for the dashboard; the API keeps FastAPI's JSON errors."""

    @app.exception_handler(StarletteHTTPException)
    async def _error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith(("/api", "/static", "/openapi")):
            return await http_exception_handler(request, exc)
        return render(request, "error.html", status_code=exc.status_code, message=exc.detail, qs="")
