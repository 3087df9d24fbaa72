"""`accord copies ID` and `accord stories` as a user runs them."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.cli.app import app
from accord.schema import Record, Source
from accord.store import open_store

STORY = (
    "Ghana and Norway signed an agreement on Wednesday to fund patrols against illegal "
    "trawling off the Ghanaian coast, the fisheries ministry said. Norway will provide two "
    "patrol boats and train 120 officers of the Ghana Navy over three years. Fisheries "
    "Minister Mavis Hawa Koomson said foreign trawlers had taken fish meant for canoe "
    "fishermen for too long. Norwegian Ambassador Gunn Jorid Roset said the programme would "
    "share satellite data on vessel movements with the navy. The first boat is due to "
    "arrive in Takoradi in March, and the second before the end of the year."
)
COPY = "ACCRA (GNA) - " + STORY.replace(
    "over three years", "during the next three years"
).removesuffix(" and the second before the end of the year.")
OTHER = (
    "Canoe fishermen in Elmina say their catches have fallen by half in a decade, and blame "
    "industrial trawlers that fish close to the shore at night. A new agreement with Norway "
    "promises patrol boats, but the fishermen want the navy to enforce the inshore zone."
)


def _record(doc_id: str, body: str, outlet: str, published: str) -> Record:
    return Record(
        id=doc_id,
        content_hash="sha256:" + hashlib.sha256(body.encode()).hexdigest(),
        source=Source(path=f"{doc_id}.txt"),
        title=body[:60],
        published=published,
        language="en",
        outlet=outlet,
        attributed_sources=(),
        body=body,
    )


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'accord.db'}"
    with open_store(url) as store:
        store.ingest(_record("gna-patrols", COPY, "Ghana News Agency", "2024-02-08"))
        store.ingest(_record("graphic-patrols", STORY, "Daily Graphic", "2024-02-07"))
        store.ingest(_record("citi-fishermen", OTHER, "Citi Newsroom", "2024-02-07"))
    return url


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})
    return result.exit_code, result.output


def test_copies_lists_the_copy_and_names_the_first_publisher(db: str) -> None:
    code, out = _run("copies", "gna-patrols", "--db", db)
    assert code == 0, out
    assert "carried by 2 documents" in out
    assert "first by Daily Graphic (2024-02-07, graphic-patrols)" in out
    assert "graphic-patrols" in out
    assert "citi-fishermen" not in out


def test_a_document_without_copies_says_so(db: str) -> None:
    code, out = _run("copies", "citi-fishermen", "--db", db)
    assert code == 0, out
    assert "citi-fishermen: no copies" in out


def test_an_unknown_id_is_an_error(db: str) -> None:
    code, out = _run("copies", "no-such-document", "--db", db)
    assert code == 1
    assert "no document 'no-such-document'" in out


def test_stories_lists_who_carried_it_first(db: str) -> None:
    code, out = _run("stories", "--db", db)
    assert code == 0, out
    assert "Daily Graphic, Ghana News Agency" in out
    assert "Citi Newsroom" not in out


def test_a_missing_store_is_an_error(tmp_path: Path) -> None:
    code, out = _run("copies", "x", "--db", f"sqlite:///{tmp_path / 'none.db'}")
    assert code == 2
    assert "no store" in out
