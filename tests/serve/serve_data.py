"""Invented records and helpers for the serve tests (the fixtures are in conftest.py)."""

from __future__ import annotations

from dataclasses import dataclass

from accord.schema import Actor, Amount, Event, Person, Quote, RawDocument, Record, Relation, Source

TOKEN = "test-token-of-accord"
XSS_ID = "invented-xss"
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


def xss_record() -> Record:
    """An invented article whose text and metadata carry markup that must stay text."""
    body = (
        f"Kenya and Ghana agreed on Monday to share solar data. The memo quoted {SCRIPT} "
        f"verbatim and a caption read {IMG} beside a $40 million figure. "
        "\u201cWe will not let tags run in our newsroom pages,\u201d said Akosua Mensah."
    )

    def at(text: str) -> tuple[int, int]:
        start = body.index(text)
        return (start, start + len(text))

    quote = "We will not let tags run in our newsroom pages,"
    return Record(
        id=XSS_ID,
        content_hash="sha256:invented-xss",
        source=Source(path=None, url="https://example.org/<x>", format="text"),
        title=f"Solar memo {SCRIPT}",
        published="2024-05-02",
        language="en",
        outlet=f"Outlet {IMG}",
        attributed_sources=("Reuters",),
        body=body,
        actors=(
            Actor("GHA", "Ghana", "state", (at("Ghana"),)),
            Actor("KEN", "Kenya", "state", (at("Kenya"),)),
        ),
        persons=(Person("Akosua Mensah", "Director", "GHA", None, (at("Akosua Mensah"),)),),
        quotes=(Quote(quote, "Akosua Mensah", "said", at(quote)),),
        amounts=(
            Amount(40e6, "USD", 40e6, "aid", "KEN", "GHA", "solar data", None, at("$40 million")),
        ),
        relations=(Relation(("GHA", "KEN"), ("energy",), (at(f"The memo quoted {SCRIPT}"),)),),
        events=(
            Event(
                "AGREE",
                "030",
                ("GHA", "KEN"),
                "KEN",
                "GHA",
                "share solar data",
                None,
                "2024-04",
                "intended",
                at("Kenya and Ghana agreed on Monday to share solar data."),
                ("energy",),
            ),
        ),
    )


@dataclass
class Filled:
    """The store's URL and every record in it."""

    url: str
    records: list[Record]
    corpus: list[Record]

    @property
    def by_id(self) -> dict[str, Record]:
        return {r.id: r for r in self.records}


def fake_process(raw: RawDocument) -> Record:
    """A stand-in pipeline for write tests: the text as body, no facts."""
    import hashlib

    return Record(
        id=raw.id or "posted",
        content_hash="sha256:" + hashlib.sha256(raw.text.encode()).hexdigest(),
        source=raw.source,
        title=raw.title,
        published=raw.published,
        language="en",
        outlet=raw.outlet,
        attributed_sources=(),
        body=raw.text,
    )
