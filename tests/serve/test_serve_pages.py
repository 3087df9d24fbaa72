"""Dashboard pages render the store, keep filters in the URL and never run article text."""

from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient
from serve_data import COPY_ID, IMG, SCRIPT, STORY_ID, XSS_ID
from typer.testing import CliRunner

from accord.schema import Record, Source
from accord.serve.app import create_app
from accord.serve.highlight import Fact, document_view, pieces
from accord.serve.report import inline_script, render_report
from accord.serve.vendor import plotly_url
from accord.settings import Settings
from accord.store import Store

PAGES = (
    "/",
    "/network",
    "/documents",
    "/documents/synthetic-00001",
    f"/documents/{XSS_ID}",
    "/actors/KEN",
    "/pairs/GHA/KEN",
    "/search?q=solar",
    "/?sector=energy&date_from=2019",
)


@pytest.mark.parametrize("path", PAGES)
def test_pages_render(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    charts = 'id="chart-' in r.text
    # plotly.js (4.8 MB) only where a chart is drawn, from its versioned URL, preloaded
    # and run after the first paint (accord.js reads the URL from the meta tag)
    assert (f'<link rel="preload" href="{plotly_url()}" as="script">' in r.text) == charts
    assert (f'<meta name="accord-plotly" content="{plotly_url()}">' in r.text) == charts
    assert '<script src="' + plotly_url() not in r.text
    assert charts == (path.startswith(("/?", "/network", "/actors", "/pairs")) or path == "/")
    scripts = re.findall(r"<script(?![^>]*(?:src=|application/json))[^>]*>", r.text)
    assert scripts == []  # no inline script: data rides in JSON blocks only


def test_chart_data_is_json(client: TestClient) -> None:
    html = client.get("/actors/KEN").text
    blocks = re.findall(r'<script type="application/json" id="([^"]+)">(.*?)</script>', html, re.S)
    specs = {name: json.loads(text) for name, text in blocks}
    assert specs["data-timeline"]["kind"] == "timeline"
    assert specs["data-money_out"]["y_title"] == "USD"
    network = json.loads(
        re.search(r'id="data-network">(.*?)</script>', client.get("/network").text, re.S)[1]
    )
    node = network["nodes"][0]
    assert node["url"] == f"/actors/{node['code']}" and node["colour"].startswith("#")
    assert all(e["url"].startswith("/pairs/") for e in network["edges"])


def test_filters_change_the_view_and_stay_in_links(client: TestClient) -> None:
    everything = client.get("/documents").text
    narrowed = client.get("/documents?outlet=Savanna+Daily").text
    count = re.compile(r'id="doc-count">(\d+) documents')
    assert int(count.search(narrowed)[1]) < int(count.search(everything)[1])
    assert 'href="/network?outlet=Savanna+Daily"' in narrowed
    assert "<option selected>Savanna Daily</option>" in narrowed
    network = client.get("/network?sector=energy").text
    assert "/actors/" in network and "sector=energy" in network


def test_article_markup_is_shown_as_text(client: TestClient) -> None:
    html = client.get(f"/documents/{XSS_ID}").text
    assert SCRIPT not in html and IMG not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert '<mark class="hl hl-amount" data-facts="amount-0">$40 million</mark>' in html
    for page in ("/", "/documents", "/search?q=memo", "/actors/GHA", "/pairs/GHA/KEN"):
        assert SCRIPT not in client.get(page).text, page


def test_document_page_shows_provenance_and_facts(client: TestClient, filled) -> None:  # type: ignore[no-untyped-def]
    record = filled.by_id["synthetic-00002"]
    html = client.get("/documents/synthetic-00002").text
    assert record.outlet in html
    for source in record.attributed_sources:
        assert source in html
    assert html.count('class="fact fact-amount"') == len(record.amounts)
    assert html.count('class="fact fact-event"') == len(record.events)
    assert client.get("/documents/nothing-here").status_code == 404


def test_copies_of_the_same_story_are_linked(store: Store, client: TestClient) -> None:
    original = store.get("synthetic-00004")
    assert original is not None
    from dataclasses import replace

    copy = replace(original, id="synthetic-copy", content_hash="sha256:copy", outlet="Copy Desk")
    store.ingest(copy)
    try:
        html = client.get("/documents/synthetic-00004").text
        assert 'href="/documents/synthetic-copy"' in html and "Copy Desk" in html
    finally:
        store.delete("synthetic-copy")


def _copies_table(html: str) -> str:
    start = html.index('<section class="copies"')
    return html[start : html.index("</section>", start)]


def test_document_page_lists_the_edited_copy_and_who_was_first(client: TestClient) -> None:
    original = _copies_table(client.get(f"/documents/{STORY_ID}").text)
    assert "This document is the first publication" in original
    assert f'href="/documents/{COPY_ID}"' in original and "The Highland Post" in original
    similarity = int(re.search(r'class="num">(\d+)%', original).group(1))  # type: ignore[union-attr]
    assert 50 <= similarity < 100  # one sentence rewritten, the last paragraph cut
    copy = _copies_table(client.get(f"/documents/{COPY_ID}").text)
    assert f'First carried by <a href="/documents/{STORY_ID}">Reuters</a> on 2024-03-06' in copy
    assert '<tr class="first">' in copy and "<b>first</b>" in copy
    # a document nobody copied has no such section
    assert '<section class="copies"' not in client.get("/documents/synthetic-00002").text


def test_overview_lists_stories_carried_by_several_outlets(client: TestClient) -> None:
    html = client.get("/").text
    start = html.index('id="stories-h"')
    panel = html[start : html.index("</section>", start)]
    row = next(r for r in panel.split("<tr>") if STORY_ID in r)
    assert f'<a href="/documents/{STORY_ID}">Ethiopia, Djibouti to double rail line</a>' in row
    assert "<td>Reuters</td><td>2024-03-06</td>" in row
    assert '<td class="num">2</td><td>Reuters, The Highland Post</td>' in row


def test_filter_bar_folds_and_names_the_active_filters(client: TestClient) -> None:
    html = client.get("/").text
    assert '<details class="filter-box">' in html and "none: all documents" in html
    html = client.get("/documents?actor=KEN&date_from=2021&q=solar").text
    summary = html[html.index("<summary>") : html.index("</summary>")]
    assert "KEN" in summary and "from 2021" in summary and "solar" in summary


def test_api_page_lists_every_route_without_inline_script(client: TestClient) -> None:
    r = client.get("/docs")
    assert r.status_code == 200 and "script-src 'self'" in r.headers["content-security-policy"]
    for path in ("/api/stories", "/api/documents/{doc_id}/copies", "/api/documents"):
        assert f'<td class="code">{path}' in r.text or f'href="{path}"' in r.text
    scripts = re.findall(r"<script([^>]*)>", r.text)
    assert all("src=" in attrs or "application/json" in attrs for attrs in scripts)
    assert 'src="/static/vendor/swagger-ui-bundle.js"' in r.text
    bundle = client.get("/static/vendor/swagger-ui-bundle.js")
    assert bundle.status_code == 200 and "SwaggerUIBundle" in bundle.text
    assert client.get("/static/vendor/swagger-ui.css").status_code == 200
    assert client.get("/static/vendor/anything.js").status_code == 404
    assert 'href="/docs"' in client.get("/").text


def _record(body: str) -> Record:
    return Record(
        id="t",
        content_hash="h",
        source=Source(),
        title=None,
        published=None,
        language="en",
        outlet=None,
        attributed_sources=(),
        body=body,
    )


def test_pieces_split_at_every_boundary_and_clip() -> None:
    body = "Kenya lent Ghana $5 million."
    facts = [
        Fact("event-0", "event", "AID", "", ((0, 28),)),
        Fact("actor-0", "actor", "KEN", "", ((0, 5),)),
        Fact("amount-0", "amount", "5", "", ((17, 27), (17, 999), (30, 40))),
    ]
    got = [(p.text, p.kinds) for p in pieces(body, facts)]
    assert "".join(t for t, _ in got) == body
    assert got[0] == ("Kenya", ("actor", "event"))
    assert got[1] == (" lent Ghana ", ("event",))
    assert ("$5 million", ("amount", "event")) in got
    assert got[-1] == (".", ("amount", "event"))  # (17, 999) clipped to the body's end


def test_document_view_groups_facts_by_kind(filled) -> None:  # type: ignore[no-untyped-def]
    view = document_view(filled.by_id[XSS_ID])
    assert [f.label for f in view["facts"]["person"]] == ["Akosua Mensah"]
    assert "".join(p.text for p in view["pieces"]) == filled.by_id[XSS_ID].body
    assert document_view(_record(""))["pieces"] == []


def test_report_is_one_offline_file(store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    html = render_report(store)
    assert "src=" not in re.sub(r"<img[^>]*>", "", html.split("<script>")[0])
    assert "plotly.js v" in html and "cdn" not in html.split("<script>")[0].lower()
    blocks = re.findall(r'<script type="application/json" id="([^"]+)">(.*?)</script>', html, re.S)
    assert {name for name, _ in blocks} >= {"data-network", "data-events", "data-money"}
    for _, text in blocks:
        json.loads(text)
    assert SCRIPT not in html
    assert inline_script("a = '</script>';") == "a = '<\\/script>';"


def test_report_command_writes_the_file(filled, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from accord.cli.app import app

    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["report", "--db", filled.url, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")
    missing = CliRunner().invoke(
        app, ["report", "--db", f"sqlite:///{tmp_path / 'none.db'}", "-o", str(out)]
    )
    assert missing.exit_code == 2


def test_serve_command_is_registered() -> None:
    from accord.cli.app import app

    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--db" in result.output and "--port" in result.output


def test_datasette_metadata_names_the_store_tables(store: Store) -> None:
    from pathlib import Path

    from accord.store.models import Base

    meta = json.loads(
        (Path(__file__).resolve().parents[2] / "datasette" / "metadata.json").read_text()
    )
    tables = meta["databases"]["accord"]["tables"]
    for table in Base.metadata.sorted_tables:
        assert table.name in tables, table.name
        for facet in tables[table.name].get("facets", []):
            assert facet in table.c, f"{table.name}.{facet}"


def test_views_are_recomputed_when_the_store_changes(store: Store) -> None:
    """A new document shows in the cached views within the cache's stated bound."""
    import time
    from dataclasses import replace

    from accord.serve.cache import ViewCache

    app = create_app(store, Settings(api_token=None))
    app.state.views = ViewCache(store, fresh_for=0.3)
    client = TestClient(app)

    def documents() -> int:
        count: int = client.get("/api/overview").json()["counts"]["documents"]
        return count

    def within_bound(expected: int) -> float:
        start = time.monotonic()
        while documents() != expected:
            assert time.monotonic() - start < 0.3 + 2.0, "the view stayed stale"
            time.sleep(0.05)
        return time.monotonic() - start

    before = documents()
    original = store.get("synthetic-00005")
    assert original is not None
    store.ingest(replace(original, id="synthetic-extra", content_hash="sha256:extra"))
    try:
        within_bound(before + 1)
    finally:
        store.delete("synthetic-extra")
    within_bound(before)


def test_plotly_is_cached_for_a_year_under_a_versioned_url(client: TestClient) -> None:
    r = client.get(plotly_url())
    assert r.status_code == 200 and len(r.content) > 1_000_000
    assert r.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert client.get("/static/vendor/plotly-0.0.1.min.js").status_code == 404
