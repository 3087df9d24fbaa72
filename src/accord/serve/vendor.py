"""Browser files that installed packages ship, served from here rather than a CDN.

plotly.min.js comes with the ``plotly`` wheel; Swagger UI's bundle and CSS with the
``fastapi-offline`` wheel (Swagger UI 5, which reads FastAPI's OpenAPI 3.1). They are
found without importing either package.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from importlib import metadata
from pathlib import Path

IMMUTABLE = "public, max-age=31536000, immutable"
"""Cache-Control for a file whose URL names its version: the browser keeps it a year and
never revalidates; a new plotly release gets a new URL."""

SWAGGER_FILES = {"swagger-ui-bundle.js": "text/javascript", "swagger-ui.css": "text/css"}


def _package_file(package: str, *parts: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder).joinpath(*parts)
        if path.is_file():
            return path
    return None


def plotly_js() -> Path | None:
    """plotly.min.js as the ``plotly`` package ships it, or None if not installed."""
    return _package_file("plotly", "package_data", "plotly.min.js")


@cache
def plotly_version() -> str:
    """The installed plotly package's version (read from metadata, without importing it)."""
    try:
        return metadata.version("plotly")
    except metadata.PackageNotFoundError:
        return "none"


def plotly_url() -> str:
    """Where pages load plotly.js from: versioned, so it can be cached as immutable."""
    return f"/static/vendor/plotly-{plotly_version()}.min.js"


def swagger_asset(name: str) -> Path | None:
    """A Swagger UI file named in SWAGGER_FILES, or None (unknown, or not installed)."""
    return _package_file("fastapi_offline", "static", name) if name in SWAGGER_FILES else None


def has_swagger() -> bool:
    """Whether /docs can show Swagger UI (else it lists the routes only)."""
    return all(swagger_asset(name) is not None for name in SWAGGER_FILES)
