"""In real Chromium over a real server: every document opens whatever its id, no link of
the Overview, a Pair or an Actor page is broken, the network stays readable at 60 nodes
and 300 edges, and plotly.js loads only where a chart is drawn.

The store holds the corpus (as the serve tests' store has it), the first 200 articles of
the bulk JSON Lines file (ids like ``bbc/business/001``), documents with odd ids, and an
invented five-cluster network. The README's screenshots are written here (docs/).
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import itertools
import json
import os
import random
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pycountry
import pytest
from serve_data import Filled
from test_serve_browser import SHOTS, _wait_charts, base_url_for

from accord.schema import Actor, Record, Relation, Source
from accord.serve.charts import NO_SECTOR, SECTOR_COLOURS
from accord.serve.headless import CHROMIUM, CHROMIUM_ARGS
from accord.serve.synthetic import synthetic_records
from accord.serve.vendor import plotly_url
from accord.store import Store, open_store

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
README_SHOTS = ROOT / "docs" / "screenshots"
BULK_LINES = 200
ODD_IDS = (
    "bbc/business/odd-001",
    "urn:uuid:6f1c:42:9a",
    "<urn:uuid:warc-record-7>",
    "https://news.example.org/2024/05/story.html?id=7&lang=en#top",
    "Ελληνικά/日本語/ü é",
    "100% sure?",
    "a/../b",
    "trailing/",
    "back\\slash+plus sign",
    "sub/copies",
    "x" * 120 + "/" + "y" * 179,  # 300 characters
)
ODD_OUTLET = "Odd Id Wire"
CLUSTER_OUTLET = "Cluster Wire"


def _bulk_records(shared: Path) -> list[Record]:
    from accord.pipeline import process_stream
    from accord.read.sources import iter_raw

    source = shared / "corpus" / "bulk" / "news.jsonl"
    if not source.is_file():
        return []
    lines = source.read_text("utf-8").splitlines()[:BULK_LINES]
    with tempfile.TemporaryDirectory() as tmp:
        part = Path(tmp) / "news.jsonl"
        part.write_text("\n".join(lines) + "\n", "utf-8")
        return [r for r in process_stream(iter_raw([part])) if isinstance(r, Record)]


def _odd_records() -> list[Record]:
    out = []
    for i, (doc_id, record) in enumerate(
        zip(ODD_IDS, synthetic_records(len(ODD_IDS), seed=23), strict=True)
    ):
        out.append(
            dataclasses.replace(
                record,
                id=doc_id,
                content_hash=f"sha256:{hashlib.sha256(doc_id.encode()).hexdigest()}",
                title=f"Odd id {i}",
                outlet=ODD_OUTLET,
            )
        )
    return out


def cluster_records(clusters: int = 5, size: int = 12, edges: int = 300) -> list[Record]:
    """One invented article per cluster of countries relating most pairs of its members
    (one sector each), and one relating members of different clusters."""
    rng = random.Random(4)
    countries = sorted(pycountry.countries, key=lambda c: c.alpha_3)
    codes = [(c.alpha_3, c.name) for c in countries[: clusters * size]]
    groups = [codes[i * size : (i + 1) * size] for i in range(clusters)]
    inside = [list(itertools.combinations(g, 2)) for g in groups]
    per_cluster = (edges - 25) // clusters + 1
    pairs = [rng.sample(p, per_cluster) for p in inside]
    across = []
    while len(across) < 25:
        g1, g2 = rng.sample(range(clusters), 2)
        across.append((rng.choice(groups[g1]), rng.choice(groups[g2])))
    sectors = [*sorted(SECTOR_COLOURS)[:clusters], "trade"]
    out = []
    for n, chunk in enumerate([*pairs, across]):
        body, mentions, relations = "", {}, []
        for (a, a_name), (b, b_name) in chunk:
            start = len(body)
            body += f"{a_name} and {b_name} work together. "
            mentions.setdefault((a, a_name), []).append((start, start + len(a_name)))
            b_at = start + len(a_name) + 5
            mentions.setdefault((b, b_name), []).append((b_at, b_at + len(b_name)))
            key = tuple(sorted((a, b)))
            relations.append(Relation(key, (sectors[n],), ((start, len(body) - 1),), "test"))  # type: ignore[arg-type]
        merged: dict[tuple[str, str], Relation] = {}
        for r in relations:
            merged.setdefault(r.actors, r)
        out.append(
            Record(
                id=f"cluster-{n}",
                content_hash=f"sha256:{hashlib.sha256(body.encode()).hexdigest()}",
                source=Source(format="text"),
                title=f"Cluster {n}",
                published="2024-03-01",
                language="en",
                outlet=CLUSTER_OUTLET,
                attributed_sources=(),
                body=body,
                actors=tuple(
                    Actor(code, name, "state", tuple(spans), "test")
                    for (code, name), spans in sorted(mentions.items())
                ),
                relations=tuple(merged.values()),
            )
        )
    return out


@pytest.fixture(scope="module")
def link_store(filled: Filled, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    shared = Path(os.environ.get("ACCORD_SHARED") or ROOT.parent / "shared")
    bulk = _bulk_records(shared) if shared.is_dir() else []
    url = f"sqlite:///{tmp_path_factory.mktemp('links') / 'links.db'}"
    with open_store(url) as store:
        for record in [*filled.records, *bulk, *_odd_records(), *cluster_records()]:
            store.ingest(record)
        yield store


@pytest.fixture(scope="module")
def base_url(link_store: Store) -> Iterator[str]:
    yield from base_url_for(link_store)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).is_file():
        pytest.skip(f"no chromium at {CHROMIUM} (apt install chromium, or set ACCORD_CHROMIUM)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda e: errors.append(str(e)))
    opened.errors = errors
    yield opened
    context.close()


def test_every_odd_id_opens_in_the_browser(page: Any, base_url: str, link_store: Store) -> None:
    page.goto(f"{base_url}/documents?outlet={quote(ODD_OUTLET)}")
    hrefs = page.eval_on_selector_all("table a[href^='/documents/']", "els => els.map(e => e.href)")
    assert len(hrefs) == len(ODD_IDS)
    for href in hrefs:
        response = page.goto(href)
        assert response.status == 200, href
        shown = page.locator("dd span.code").first.inner_text()
        assert shown in ODD_IDS
        json_href = page.locator("a", has_text="JSON record").get_attribute("href")
        record = page.request.get(base_url + json_href).json()
        assert record["id"] == shown
        copies = page.request.get(f"{base_url}{json_href}/copies")
        assert copies.status == 200 and copies.json()["id"] == shown
    for doc_id in ODD_IDS:  # typed by hand, "/" left as it is, still the record
        if any(c in doc_id for c in ("%", "?", "#", "..", "\\")) or doc_id.endswith("/copies"):
            continue
        r = page.request.get(f"{base_url}/api/documents/{doc_id}")
        assert r.status == 200 and r.json()["id"] == doc_id
    export = page.request.get(f"{base_url}/api/documents/export?outlet={quote(ODD_OUTLET)}")
    assert {row["id"] for row in csv.DictReader(export.text().splitlines())} == set(ODD_IDS)
    assert page.errors == []


def _links(page: Any) -> set[str]:
    """Every same-site link of the page: anchors as the browser resolves them, and the
    pages the charts open on a click."""
    origin = urlsplit(page.url)
    found = set(page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"))
    for text in page.eval_on_selector_all(
        "script[type='application/json']", "els => els.map(e => e.textContent)"
    ):
        spec = json.loads(text)
        for item in [*spec.get("nodes", []), *spec.get("edges", [])]:
            found.add(item.get("url") or "")
        for series in spec.get("series", []):
            found.update(u or "" for u in series.get("url", []))
    out = set()
    for link in found:
        if not link:
            continue
        absolute = link if "://" in link else f"{origin.scheme}://{origin.netloc}{link}"
        if urlsplit(absolute).netloc == origin.netloc:
            out.add(absolute.split("#")[0])
    return out


def test_no_link_of_the_overview_a_pair_or_an_actor_is_broken(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    pair = page.locator("a[href^='/pairs/']").first.get_attribute("href")
    actor = page.locator("a[href^='/actors/']").first.get_attribute("href")
    checked: set[str] = set()
    broken = []
    for path in ("/", pair, actor):
        page.goto(base_url + path)
        for link in sorted(_links(page) - checked):
            checked.add(link)
            status = page.request.get(link).status
            if status >= 400:
                broken.append((path, link, status))
    assert len(checked) > 100
    assert broken == []


def test_every_document_opens_in_the_dashboard_and_the_api(
    page: Any, base_url: str, link_store: Store
) -> None:
    with link_store.session() as session:
        from accord.store import queries as qy

        total = qy.list_documents(session, qy.Filters(), limit=1)["total"]
        ids = [d["id"] for d in qy.list_documents(session, qy.Filters(), limit=total)["items"]]
    assert any("/" in i for i in ids)
    for doc_id in ids:
        seg = quote(doc_id, safe="")
        assert page.request.get(f"{base_url}/documents/{seg}").status == 200, doc_id
        api = page.request.get(f"{base_url}/api/documents/{seg}")
        assert api.status == 200 and api.json()["id"] == doc_id


def _label_boxes(page: Any) -> list[dict[str, float]]:
    boxes: list[dict[str, float]] = page.eval_on_selector_all(
        "#chart-network .scatterlayer .textpoint text",
        """els => els.filter(e => e.style.display !== 'none' && e.textContent)
            .map(e => { const b = e.getBoundingClientRect();
              return {x: b.left, y: b.top, w: b.width, h: b.height, t: e.textContent}; })""",
    )
    return boxes


def test_the_network_is_readable_at_60_nodes_and_300_edges(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/network?outlet={quote(CLUSTER_OUTLET)}&nodes=60")
    _wait_charts(page)
    spec = json.loads(page.locator("#data-network").text_content())
    assert len(spec["nodes"]) == 60 and len(spec["edges"]) >= 300
    boxes = _label_boxes(page)
    assert 8 <= len(boxes) <= 20
    heaviest = max(spec["nodes"], key=lambda n: n["weight"])["code"]
    assert heaviest in {b["t"] for b in boxes}
    for a, b in itertools.combinations(boxes, 2):
        apart = a["x"] + a["w"] <= b["x"] or b["x"] + b["w"] <= a["x"]
        apart = apart or a["y"] + a["h"] <= b["y"] or b["y"] + b["h"] <= a["y"]
        assert apart, f"labels {a['t']} and {b['t']} overlap"
    # every node names itself on hover; one colour per sector, none shared
    assert all(n["name"] and n["code"] for n in spec["nodes"])
    colours = {item["sector"]: item["colour"] for item in spec["legend"]}
    assert len(set(colours.values())) == len(colours) >= 5
    # clusters sit apart: nearly every member is nearer its own cluster's centre
    where = {n["code"]: (n["x"], n["y"]) for n in spec["nodes"]}
    groups: dict[str, list[str]] = {}
    for n in spec["nodes"]:
        groups.setdefault(n["sector"], []).append(n["code"])
    centres = {
        s: (sum(where[c][0] for c in cs) / len(cs), sum(where[c][1] for c in cs) / len(cs))
        for s, cs in groups.items()
    }

    def nearest(code: str) -> str:
        x, y = where[code]
        return min(centres, key=lambda s: (centres[s][0] - x) ** 2 + (centres[s][1] - y) ** 2)

    home = sum(nearest(c) == s for s, cs in groups.items() for c in cs)
    assert home >= 0.9 * len(spec["nodes"])
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "network-60-nodes.png"))
    assert page.errors == []


def test_sector_colours_stay_apart_for_colour_blind_readers() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    from sector_palette import min_distance

    colours = [*SECTOR_COLOURS.values(), NO_SECTOR]
    assert len(set(colours)) == len(colours)
    assert min_distance(colours) >= 15


def test_plotly_loads_only_where_a_chart_is_drawn(browser: Any, base_url: str) -> None:
    context = browser.new_context()
    try:
        tab = context.new_page()
        fetched: list[str] = []
        tab.on("request", lambda r: fetched.append(urlsplit(r.url).path))
        for path in ("/documents", "/search?q=trade", f"/documents/{quote(ODD_IDS[0], safe='')}"):
            tab.goto(base_url + path)
        assert plotly_url() not in fetched
        tab.goto(base_url + "/")
        _wait_charts(tab)
        assert plotly_url() in fetched
        fetched.clear()
        tab.goto(base_url + "/network")  # a second chart page: plotly comes from the cache
        _wait_charts(tab)
        served = [r for r in fetched if r == plotly_url()]
        assert served == [] or tab.evaluate(
            "performance.getEntriesByType('resource').filter(e => e.name.includes('plotly'))"
            ".every(e => e.transferSize === 0)"
        )
    finally:
        context.close()


def test_readme_screenshots(page: Any, base_url: str) -> None:
    """The README's pictures of the Overview, Network, Pair and Document pages."""
    README_SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 860})
    shots = {"overview": "/", "network": "/network"}
    page.goto(base_url + "/")
    shots["pair"] = page.locator("a[href^='/pairs/']").first.get_attribute("href")
    shots["document"] = page.locator("table a[href^='/documents/']").first.get_attribute("href")
    for name, path in shots.items():
        page.goto(base_url + path)
        _wait_charts(page)
        target = README_SHOTS / f"{name}.png"
        page.screenshot(path=str(target))
        assert target.stat().st_size < 400_000
    page.set_viewport_size({"width": 1400, "height": 900})
