"""The exception tree. Stages raise these; the pipeline turns them into error entries."""

from __future__ import annotations


class AccordError(Exception):
    """Base of every error accord raises on purpose."""


class ReadError(AccordError):
    """A source could not be read or decoded (binary, empty, invalid encoding)."""


class CleanError(AccordError):
    """The cleaner found no article text in a document."""


class ModelNotFoundError(AccordError):
    """The configured spaCy model is not installed."""


class StoreError(AccordError):
    """The store could not be opened or written."""


class GoldError(AccordError):
    """A gold file is malformed."""
