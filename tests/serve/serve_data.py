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


# -- a syndicated story: our own wire text and a lightly edited copy -------------------

STORY_ID = "invented-story-rail"
COPY_ID = "invented-story-rail-copy"
_RAIL = [
    "Ethiopia and Djibouti agreed on Wednesday to add a second track to the railway that "
    "carries most of Ethiopia's imports from the port of Djibouti, the two transport "
    "ministries said in a joint statement after talks in Dire Dawa.",
    "The 752-kilometre line, opened in 2018, runs at about half its capacity because trains "
    "must wait for each other on the single track through the Afar lowlands. The new track "
    "will double the number of freight trains a day and cut the trip to under ten hours.",
    "\u201cEvery container that waits at the border costs our farmers and our factories,\u201d "
    "Ethiopian Transport Minister Alemu Sime told reporters. He said the work would start "
    "before the rainy season and take three years.",
    "Djibouti's ports authority will build two new sidings at Nagad and a dry port near the "
    "border town of Dewele, and the two governments will share the cost of signalling. "
    "Officials did not say how the project would be financed.",
    "Landlocked Ethiopia sends about 95 percent of its trade through Djibouti and has sought "
    "other outlets through Somaliland and Eritrea in recent years, a source of friction with "
    "its neighbour.",
]
STORY_BODY = "DIRE DAWA (Reuters) - " + "\n\n".join(_RAIL)
_copy = list(_RAIL)
_copy[2] = _copy[2].replace(
    "He said the work would start before the rainy season and take three years.",
    "Work is to begin before the rains and should last three years, he added.",
)
COPY_BODY = "ADDIS ABABA, March 6 (The Highland Post) -- " + "\n\n".join(_copy[:4])


def _story_record(doc_id: str, body: str, outlet: str, published: str, title: str) -> Record:
    def at(text: str) -> tuple[int, int]:
        start = body.index(text)
        return (start, start + len(text))

    return Record(
        id=doc_id,
        content_hash="sha256:" + doc_id,
        source=Source(path=None, url=None, format="text"),
        title=title,
        published=published,
        language="en",
        outlet=outlet,
        attributed_sources=("Reuters",),
        body=body,
        actors=(
            Actor("DJI", "Djibouti", "state", (at("Djibouti"),)),
            Actor("ETH", "Ethiopia", "state", (at("Ethiopia"),)),
        ),
    )


def story_records() -> list[Record]:
    """A wire story (Reuters, first) and the copy another outlet ran a day later."""
    return [
        _story_record(
            STORY_ID, STORY_BODY, "Reuters", "2024-03-06", "Ethiopia, Djibouti to double rail line"
        ),
        _story_record(
            COPY_ID,
            COPY_BODY,
            "The Highland Post",
            "2024-03-07",
            "Second track for Addis-Djibouti railway",
        ),
    ]


# -- markup in every field a page shows ------------------------------------------------

HOSTILE_ID = "invented-hostile"
HOSTILE_MARKS = (
    "<script>alert('title')</script>",
    '"><svg onload=alert("speaker")>',
    "<img src=x onerror=alert('quote')>",
    "</textarea><iframe srcdoc='<script>alert(4)</script>'>",
    "javascript:alert('outlet')",
)


def hostile_record() -> Record:
    """An invented article with markup in its title, body, quote, speaker and outlet."""
    title_m, speaker_m, quote_m, body_m, outlet_m = HOSTILE_MARKS
    quote = f"Harvest figures {quote_m} stay under review,"
    speaker = f"Moussa {speaker_m} Diallo"
    body = (
        f"Mali and Senegal signed a grain corridor accord on Friday {body_m}. "
        f"\u201c{quote}\u201d said {speaker}, adding that $12 million {title_m} was set aside."
    )

    def at(text: str) -> tuple[int, int]:
        start = body.index(text)
        return (start, start + len(text))

    return Record(
        id=HOSTILE_ID,
        content_hash="sha256:invented-hostile",
        source=Source(path=None, url=None, format="text"),
        title=f"Grain corridor {title_m}",
        published="2024-06-07",
        language="en",
        outlet=f"Sahel Wire {outlet_m}",
        attributed_sources=(f"Agence {speaker_m}",),
        body=body,
        actors=(
            Actor("MLI", "Mali", "state", (at("Mali"),)),
            Actor("SEN", "Senegal", "state", (at("Senegal"),)),
        ),
        persons=(Person(speaker, f"Minister {quote_m}", "MLI", None, (at(speaker),)),),
        quotes=(Quote(quote, speaker, "said", at(quote)),),
        amounts=(
            Amount(
                12e6, "USD", 12e6, "aid", "SEN", "MLI", f"grain {body_m}", None, at("$12 million")
            ),
        ),
        relations=(Relation(("MLI", "SEN"), ("agriculture",), (at("Mali and Senegal signed"),)),),
        events=(
            Event(
                "AGREE",
                "057",
                ("MLI", "SEN"),
                "MLI",
                "SEN",
                f"grain corridor {body_m}",
                f"Dakar {title_m}",
                "2024-06",
                "occurred",
                at("Mali and Senegal signed a grain corridor accord on Friday"),
                ("agriculture",),
            ),
        ),
    )
