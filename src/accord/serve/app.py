"""The FastAPI application: REST API, dashboard pages, static files, security headers.

JavaScript and CSS come from this package (``static/``) and from installed packages
(plotly.js from the ``plotly`` wheel, Swagger UI from ``fastapi-offline``; see vendor.py),
never from a CDN, so the dashboard and /docs work offline.
"""

from __future__ import annotations

import logging
from importlib import metadata
from pathlib import Path

from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from accord.serve import api, pages
from accord.serve.api import FiniteJSON, Processor, WriteLimiter
from accord.serve.cache import ViewCache
from accord.serve.vendor import IMMUTABLE, SWAGGER_FILES, plotly_js, plotly_version, swagger_asset
from accord.settings import Settings, load_settings
from accord.store import Store

log = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"

CSP = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        # plotly.js sets element styles from script and injects one <style> for its
        # modebar; no script is inline, so this opens no script path.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


_HEADERS = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
METHODS = ("DELETE", "GET", "HEAD", "PATCH", "POST", "PUT")
READS = ("GET", "HEAD")


class SecurityHeaders:
    """The security headers on every answer, a 500 included (plain ASGI: no per-request
    task, unlike ``@app.middleware``).

    An error no handler took is answered here rather than by Starlette's outermost error
    handler, which sits outside every middleware and would send a 500 without them.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", ()))
                if message["status"] == 405:  # Starlette names one route's methods only
                    allow = ", ".join(_methods(scope)).encode()
                    headers = [(k, v) for k, v in headers if k.lower() != b"allow"]
                    headers.append((b"allow", allow))
                have = {k.lower() for k, _ in headers}
                extra = [(k, v) for k, v in _HEADERS if k not in have]
                message = {**message, "headers": [*headers, *extra]}
            await send(message)

        try:
            await self.app(scope, receive, with_headers)
        except Exception:
            log.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise
            error = JSONResponse({"detail": "internal server error"}, status_code=500)
            await error(scope, receive, with_headers)


def _methods(scope: Scope) -> list[str]:
    """Every method some route takes at this path (GET and POST /api/documents are two
    routes, and a 405 from the router would list only the first one's); only the reading
    ones when the store is read-only."""
    app = scope["app"]
    store = getattr(app.state, "store", None)
    methods = READS if store is not None and store.read_only else METHODS
    return [
        method
        for method in methods
        if any(r.matches({**scope, "method": method})[0] == Match.FULL for r in app.router.routes)
    ]


def version() -> str:
    """accord's installed version (read from metadata: importing ``accord`` itself would
    pull the pipeline into serve's import graph)."""
    try:
        return metadata.version("accord")
    except metadata.PackageNotFoundError:
        return "dev"


def create_app(
    store: Store, settings: Settings | None = None, process: Processor | None = None
) -> FastAPI:
    """The app over one open store (the caller closes the store).

    ``process`` turns a RawDocument into a Record for POST /api/documents; the CLI passes
    the pipeline's ``process_raw`` (serve sits beside the pipeline's callers and does not
    import it, so the dashboard never loads spaCy). Without it the API cannot ingest.
    """
    app = FastAPI(
        title="accord",
        version=version(),
        description=(
            "Evidence-linked records about international cooperation, from news. "
            "Every list takes filters in the query string, pages with limit/offset, and "
            "exports with ?format=csv|parquet or the /export suffix."
        ),
        # FastAPI's own /docs loads Swagger UI from a CDN and starts it from an inline
        # script; pages.api_page serves it from the fastapi-offline wheel instead.
        docs_url=None,
        redoc_url=None,
        default_response_class=FiniteJSON,
    )
    app.state.store = store
    app.state.settings = settings or load_settings()
    app.state.process = process
    app.state.views = ViewCache(store)
    app.state.write_limiter = WriteLimiter(app.state.settings.write_rate)

    app.add_middleware(SecurityHeaders)

    @app.get("/static/vendor/plotly-{version}.min.js", include_in_schema=False)
    def vendor_plotly(version: str) -> FileResponse:
        path = plotly_js()
        if path is None or version != plotly_version():
            raise HTTPException(404, f"no plotly {version} here (pip install plotly)")
        return FileResponse(
            path, media_type="text/javascript", headers={"Cache-Control": IMMUTABLE}
        )

    @app.get("/static/vendor/{name}", include_in_schema=False)
    def vendor_swagger(name: str) -> FileResponse:
        path = swagger_asset(name)
        if path is None:
            raise HTTPException(404, f"no vendor file {name!r} (pip install fastapi-offline)")
        return FileResponse(
            path,
            media_type=SWAGGER_FILES[name],
            headers={"Cache-Control": "public, max-age=86400"},
        )

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    pages.install_error_pages(app)
    return app
