"""The body -> raw offset map is exact, and wire copy is unwrapped without shifting text."""

from __future__ import annotations

import random

import pytest
from clean_pages import page, run

from accord.schema import Document

WIRE = (
    "GHANA, IVORY COAST AGREE COCOA PRICE PACT\n"
    "    ACCRA, March 4 - Ghana and the Ivory Coast agreed to\n"
    "coordinate their cocoa sales and share market information, the\n"
    "two governments said in a joint statement.\n"
    "    The accord covers the 1987/88 crop year and may be extended\n"
    "to other producers in West Africa, officials said.\n"
    " Reuter\n"
)

SCRAPED = page(
    "READ MORE: Uganda opens new consulate in Lagos",
    "Amani Otieno/Getty Images",
    "“We will not accept these terms,” the minister said, adding that talks would go on.",
    "Related posts",
    "Nigeria signs gas deal with Morocco",
    "Nigeria and Morocco have signed a deal to build a gas pipeline along the…",
)


def _assert_exact(doc: Document, samples: int = 400) -> None:
    segments = doc.offsets.segments
    assert segments, "a non-empty body has segments"
    for b, r, n in segments:
        assert doc.body[b : b + n] == doc.raw[r : r + n]
    rng = random.Random(7)
    for _ in range(samples):
        i = rng.randrange(len(doc.body))
        raw_i = doc.offsets.to_raw(i)
        inside = any(b <= i < b + n for b, _, n in segments)
        if inside:
            assert raw_i is not None and doc.raw[raw_i] == doc.body[i]
        else:
            assert doc.body[i] in " \n"  # only joins are not copied


@pytest.mark.parametrize("text", [WIRE, SCRAPED], ids=["wire", "scraped"])
def test_every_copied_body_offset_maps_to_the_same_raw_character(text: str) -> None:
    _assert_exact(run(text))


def test_span_end_maps_to_raw_end() -> None:
    doc = run(SCRAPED)
    start = doc.body.index("“We will")
    end = doc.body.index("go on.") + len("go on.")
    r0, r1 = doc.offsets.to_raw(start), doc.offsets.to_raw(end)
    assert r0 is not None and r1 is not None
    assert doc.raw[r0:r1] == doc.body[start:end]


def test_wire_copy_is_unwrapped_into_paragraphs() -> None:
    doc = run(WIRE)
    assert doc.body.split("\n\n") == [
        "GHANA, IVORY COAST AGREE COCOA PRICE PACT",
        "ACCRA, March 4 - Ghana and the Ivory Coast agreed to coordinate their cocoa sales "
        "and share market information, the two governments said in a joint statement.",
        "The accord covers the 1987/88 crop year and may be extended to other producers "
        "in West Africa, officials said.",
    ]
    assert doc.boilerplate == ("Reuter",)
    assert doc.outlet == "Reuters" and doc.attributed_sources == ("Reuters",)
    assert doc.published is None  # the dateline has no year


def test_unwrapping_replaces_a_line_break_by_one_space() -> None:
    doc = run(WIRE)
    i = doc.body.index("agreed to coordinate") + len("agreed to")
    assert doc.body[i] == " "
    assert doc.offsets.to_raw(i) is not None
    raw_i = doc.offsets.to_raw(i)
    assert raw_i is not None and doc.raw[raw_i] == "\n"


def test_random_pages_keep_an_exact_map() -> None:
    rng = random.Random(11)
    pieces = [
        "Mali and Senegal signed a rail agreement in Dakar on Monday, officials said.",
        "Read more",
        "Image: Xinhua",
        "  Indented line about customs cooperation between the two states, he added.  ",
        "Leave a Reply",
        "The Chinese-funded project will cost $3 billion, the transport minister said.",
        "Sign up for Dakar Daily’s newsletter and get the news first.",
        "\u00a0Officials\u00a0expect the first trains in 2026.\u00a0",
    ]
    for _ in range(30):
        lines = rng.sample(pieces, k=rng.randint(1, len(pieces)))
        seps = [rng.choice(["\n", "\n\n", "\r\n", "\n \n"]) for _ in lines]
        text = "Mali, Senegal sign rail deal" + "".join(
            s + line for s, line in zip(seps, lines, strict=True)
        )
        _assert_exact(run(text), samples=100)
