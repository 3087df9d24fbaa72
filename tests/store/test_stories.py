"""Copies of one story: grouped on ingest, first publisher first, kept right on change."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from concurrent_ingest import ingest_concurrently
from sqlalchemy import text
from story_texts import (
    PORT,
    PORT_COPY,
    PORT_OTHER,
    PORT_SHORT,
    RAIL_A,
    RAIL_B,
    RAIL_C,
    make,
)

from accord.store import Store, open_store
from accord.store.migrate import upgrade


def _ids(store: Store, doc_id: str) -> list[str]:
    return [c.doc_id for c in store.copies(doc_id)]


def _story(store: Store, doc_id: str) -> int:
    story = store.story(doc_id)
    assert story is not None
    return story.story_id


def test_a_syndicated_copy_joins_the_story(store: Store) -> None:
    store.ingest(make("antara-port", PORT, outlet="Antara", published="2024-05-16"))
    store.ingest(make("kyodo-port", PORT_COPY, outlet="Kyodo", published="2024-05-16"))
    store.ingest(make("jiji-port", PORT_SHORT, outlet="Jiji Press", published="2024-05-17"))

    assert _ids(store, "antara-port") == ["kyodo-port", "jiji-port"]
    assert _ids(store, "jiji-port") == ["antara-port", "kyodo-port"]
    copy = store.copies("antara-port")[0]
    assert copy.outlet == "Kyodo"
    assert copy.published == "2024-05-16"
    assert 0.6 < copy.similarity < 1.0
    assert not copy.first
    assert store.copies("kyodo-port")[0].first  # Antara's is the first publication


def test_a_separately_written_report_of_the_same_event_is_another_story(store: Store) -> None:
    store.ingest(make("antara-port", PORT, outlet="Antara", published="2024-05-16"))
    store.ingest(make("post-port", PORT_OTHER, outlet="Jakarta Post", published="2024-05-16"))
    store.ingest(make("rail", RAIL_A, outlet="Daily Nation", published="2024-05-16"))

    assert store.copies("antara-port") == []
    assert store.copies("post-port") == []
    assert _story(store, "antara-port") != _story(store, "post-port")
    assert store.stories() == []  # no story has two documents
    assert store.count_stories() == 0
    assert store.count_stories(min_count=1) == 3


def test_the_same_text_twice_stays_one_document(store: Store) -> None:
    store.ingest(make("antara-port", PORT, outlet="Antara"))
    before = store.count_rows()
    again = dataclasses.replace(make("antara-port-2", PORT), outlet="Antara")
    assert store.ingest(again) == "unchanged"
    assert store.ingest(make("antara-port", PORT, outlet="Antara")) == "unchanged"
    assert store.count_rows() == before
    assert store.count_rows()["document_bands"] == 32
    assert store.copies("antara-port") == []


def test_the_first_publisher_is_the_earliest_published(store: Store) -> None:
    # Ingested in an order that is not the order of publication; one copy is undated.
    store.ingest(make("jiji-port", PORT_SHORT, outlet="Jiji Press", published="2024-05-18"))
    store.ingest(make("undated-port", PORT_COPY + "\n\nUndated.", outlet="Wire Blog"))
    store.ingest(make("kyodo-port", PORT_COPY, outlet="Kyodo", published="2024-05-17"))
    store.ingest(make("antara-port", PORT, outlet="Antara", published="2024-05-16"))

    [story] = store.stories()
    assert story.first_doc_id == "antara-port"
    assert story.first_outlet == "Antara"
    assert story.first_published == "2024-05-16"
    assert story.count == 4
    assert story.outlets == ("Antara", "Kyodo", "Jiji Press", "Wire Blog")
    assert store.story("undated-port") == story
    assert [c.first for c in store.copies("jiji-port")] == [True, False, False]


def test_replacing_a_document_moves_it_when_its_text_changes(store: Store) -> None:
    store.ingest(make("antara-port", PORT, outlet="Antara", published="2024-05-16"))
    store.ingest(make("kyodo-port", PORT_COPY, outlet="Kyodo", published="2024-05-16"))
    store.ingest(make("nation-rail", RAIL_A, outlet="Daily Nation", published="2024-05-20"))
    assert _ids(store, "kyodo-port") == ["antara-port"]

    # Kyodo's page now holds the rail story: it leaves the port story for the rail one.
    moved = make("kyodo-port", RAIL_B, outlet="Kyodo", published="2024-05-21")
    assert store.ingest(moved) == "replaced"
    assert store.copies("antara-port") == []
    assert _ids(store, "kyodo-port") == ["nation-rail"]
    assert _ids(store, "nation-rail") == ["kyodo-port"]

    # And back: a replacement with the port text again joins the port story.
    back = make("kyodo-port", PORT_COPY, outlet="Kyodo", published="2024-05-16")
    assert store.ingest(back) == "replaced"
    assert _ids(store, "antara-port") == ["kyodo-port"]
    assert store.copies("nation-rail") == []
    assert store.count_rows()["document_bands"] == 3 * 32


def test_a_new_extractor_version_keeps_the_story(store: Store) -> None:
    store.ingest(make("antara-port", PORT, outlet="Antara"), extractor_version="v1")
    store.ingest(make("kyodo-port", PORT_COPY, outlet="Kyodo"), extractor_version="v1")
    story = _story(store, "kyodo-port")
    assert store.ingest(make("kyodo-port", PORT_COPY), extractor_version="v2") == "replaced"
    assert _story(store, "kyodo-port") == story
    assert _ids(store, "kyodo-port") == ["antara-port"]


def test_deleting_the_founder_keeps_the_rest_together(store: Store) -> None:
    store.ingest(make("antara-port", PORT, outlet="Antara", published="2024-05-16"))
    store.ingest(make("kyodo-port", PORT_COPY, outlet="Kyodo", published="2024-05-16"))
    store.ingest(make("jiji-port", PORT_SHORT, outlet="Jiji Press", published="2024-05-17"))
    founder = _story(store, "antara-port")

    assert store.delete("antara-port")
    assert _ids(store, "kyodo-port") == ["jiji-port"]
    story = store.story("jiji-port")
    assert story is not None
    assert story.story_id != founder
    assert (story.first_doc_id, story.count) == ("kyodo-port", 2)
    assert store.count_rows()["document_bands"] == 2 * 32
    # A new document that happens to get the old pk does not land in a stale story.
    store.ingest(make("nation-rail", RAIL_A, outlet="Daily Nation"))
    assert store.copies("nation-rail") == []


def test_a_story_held_together_by_one_document_splits_when_it_goes(store: Store) -> None:
    store.ingest(make("rail-a", RAIL_A, published="2024-05-20"))
    store.ingest(make("rail-b", RAIL_B, published="2024-05-21"))
    store.ingest(make("rail-c", RAIL_C, published="2024-05-22"))
    # A and C are each a copy of B, not of each other; one story through B.
    assert _ids(store, "rail-a") == ["rail-b", "rail-c"]

    store.delete("rail-b")
    assert store.copies("rail-a") == []
    assert store.copies("rail-c") == []
    assert _story(store, "rail-a") != _story(store, "rail-c")


def test_a_document_that_copies_two_stories_joins_them(store: Store) -> None:
    store.ingest(make("rail-c", RAIL_C, published="2024-05-22"))
    store.ingest(make("rail-a", RAIL_A, published="2024-05-20"))
    assert store.copies("rail-a") == []
    store.ingest(make("rail-b", RAIL_B, published="2024-05-21"))
    assert _ids(store, "rail-c") == ["rail-a", "rail-b"]
    [story] = store.stories()
    assert (story.first_doc_id, story.count) == ("rail-a", 3)


def test_stories_page_largest_first(store: Store) -> None:
    store.ingest(make("rail-a", RAIL_A, outlet="Daily Nation", published="2024-05-20"))
    store.ingest(make("rail-b", RAIL_B, outlet="The Standard", published="2024-05-21"))
    store.ingest(make("antara-port", PORT, outlet="Antara", published="2024-05-16"))
    store.ingest(make("kyodo-port", PORT_COPY, outlet="Kyodo", published="2024-05-16"))
    store.ingest(make("jiji-port", PORT_SHORT, outlet="Jiji Press", published="2024-05-17"))
    store.ingest(make("post-port", PORT_OTHER, outlet="Jakarta Post", published="2024-05-16"))

    assert [s.first_doc_id for s in store.stories()] == ["antara-port", "rail-a"]
    assert [s.count for s in store.stories()] == [3, 2]
    assert [s.first_doc_id for s in store.stories(limit=1, offset=1)] == ["rail-a"]
    assert store.stories(limit=0) == []
    assert store.count_stories() == 2
    everything = store.stories(limit=10, min_count=1)
    assert [s.first_doc_id for s in everything] == ["antara-port", "rail-a", "post-port"]


def test_a_document_without_words_is_a_story_of_its_own(store: Store) -> None:
    store.ingest(make("blank-1", "", outlet="A"))
    store.ingest(make("blank-2", "— … —", outlet="B"))
    assert store.copies("blank-1") == []
    assert store.copies("blank-2") == []
    story = store.story("blank-2")
    assert story is not None
    assert story.count == 1
    assert store.count_rows()["document_bands"] == 0


def test_unknown_ids_have_no_copies_and_no_story(store: Store) -> None:
    assert store.copies("no-such-document") == []
    assert store.story("no-such-document") is None


def test_documents_stored_before_stories_get_them_on_upgrade(store_url: str) -> None:
    """A store at revision 0001 with copies in it: the upgrade finds the copies."""
    from accord.store.engine import make_engine

    engine = make_engine(store_url)
    upgrade(engine, "0001")
    now = datetime(2024, 5, 20, tzinfo=UTC)
    insert = text(
        "INSERT INTO documents (doc_id, content_hash, source_format, title, published, "
        "language, outlet, body, boilerplate, extractor_version, record_hash, ingested_at, "
        "updated_at) VALUES (:doc_id, :hash, 'text', NULL, :published, 'en', :outlet, :body, "
        "'[]', '', '', :now, :now)"
    )
    with engine.begin() as conn:
        for doc_id, body, outlet, published in (
            ("kyodo-port", PORT_COPY, "Kyodo", "2024-05-17"),
            ("antara-port", PORT, "Antara", "2024-05-16"),
            ("post-port", PORT_OTHER, "Jakarta Post", "2024-05-16"),
        ):
            params = {"doc_id": doc_id, "hash": doc_id, "published": published}
            conn.execute(insert, {**params, "outlet": outlet, "body": body, "now": now})
    engine.dispose()

    with open_store(store_url) as store:
        [story] = store.stories()
        assert (story.first_doc_id, story.count) == ("antara-port", 2)
        assert story.outlets == ("Antara", "Kyodo")
        assert store.copies("post-port") == []
        assert [h.doc_id for h in store.search("Patimban harbour")] == ["post-port"]
        # The full-text triggers of 0001 survived the new columns.
        store.ingest(make("nation-rail", RAIL_A, outlet="Daily Nation"))
        assert [h.doc_id for h in store.search("Naivasha Malaba")] == ["nation-rail"]


def test_copies_written_at_once_by_two_writers_share_one_story(store_url: str) -> None:
    """Each writer must see the other's copies: no story is split by a race."""
    open_store(store_url).close()
    outlets = ["Antara", "Kyodo", "Jiji Press", "NHK", "Tempo", "Nikkei", "Reuters", "AFP"]
    bodies = [PORT, PORT_COPY, PORT_SHORT]
    records = [
        make(f"port-{i}", bodies[i % 3] + f"\n\nFiled by the {outlet} desk.", outlet=outlet)
        for i, outlet in enumerate(outlets)
    ]
    records += [make(f"rail-{i}", body) for i, body in enumerate((RAIL_A, RAIL_B, RAIL_C))]
    assert ingest_concurrently(store_url, records) == []
    with open_store(store_url) as store:
        assert [(s.count, s.first_doc_id[:4]) for s in store.stories()] == [
            (8, "port"),
            (3, "rail"),
        ]
