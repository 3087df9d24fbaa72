"""Helpers for cleaner tests: pages assembled from sentences we wrote."""

from __future__ import annotations

from accord.clean import clean
from accord.schema import Document, RawDocument, Source

TITLE = "Kenya and Tanzania agree to extend oil pipeline"
LEAD = (
    "Kenya and Tanzania agreed on Friday to extend a crude oil pipeline to the port of "
    "Tanga, the energy ministries of both countries said in a joint statement."
)
CLOSE = (
    "The two governments expect construction to start next year and to finish within "
    "three years, according to the statement."
)


def page(*middle: str) -> str:
    """A small scraped page: title, lead, the given lines, a closing paragraph."""
    return "\n\n".join([TITLE, LEAD, *middle, CLOSE]) + "\n"


def run(text: str, **meta: str) -> Document:
    return clean(RawDocument(text=text, source=Source(format="text"), **meta))  # type: ignore[arg-type]


def body_lines(doc: Document) -> list[str]:
    return [line.strip() for line in doc.body.split("\n") if line.strip()]
