"""accord: news -> evidence-linked data about international cooperation.

The public API is loaded lazily so that ``import accord.schema`` stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from accord.schema import Record

__all__ = ["Record", "__version__", "open_store", "process", "process_many"]


def __getattr__(name: str) -> Any:
    if name == "process":
        from accord.pipeline import process_text

        return process_text
    if name == "process_many":
        from accord.pipeline import process_stream

        return process_stream
    if name == "open_store":
        from accord.store import open_store

        return open_store
    if name == "Record":
        from accord.schema import Record

        return Record
    raise AttributeError(name)
