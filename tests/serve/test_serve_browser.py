"""The dashboard in real headless Chromium: pages load clean, clicks lead from the
network to an actor, a pair and a document's highlighted evidence, filters apply, and
article markup never runs. Screenshots go to artifacts/screenshots/."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
import uvicorn
from serve_data import COPY_ID, HOSTILE_ID, HOSTILE_MARKS, IMG, SCRIPT, STORY_ID, XSS_ID

from accord.serve.app import create_app
from accord.serve.headless import CHROMIUM, CHROMIUM_ARGS
from accord.settings import Settings
from accord.store import Store

pytestmark = pytest.mark.browser

SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def base_url_for(store: Store) -> Iterator[str]:
    """A real uvicorn on 127.0.0.1 serving ``store`` until the generator is closed."""
    port = _free_port()
    config = uvicorn.Config(
        create_app(store, Settings(api_token=None)),
        host="127.0.0.1",
        port=port,
        log_level="warning",
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def base_url(store: Store) -> Iterator[str]:
    yield from base_url_for(store)


@pytest.fixture(scope="module")
def hostile_url(hostile_store: Store) -> Iterator[str]:
    yield from base_url_for(hostile_store)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).is_file():
        pytest.skip(f"no chromium at {CHROMIUM} (apt install chromium, or set ACCORD_CHROMIUM)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


class Watched:
    """A page with its console errors, uncaught errors and dialogs recorded."""

    def __init__(self, browser: Any, viewport: dict[str, int]) -> None:
        self.context = browser.new_context(viewport=viewport)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

        def dialog(d: Any) -> None:
            self.dialogs.append(d.message)
            d.dismiss()

        self.page.on("dialog", dialog)

    def close(self) -> None:
        self.context.close()


@pytest.fixture()
def watched(browser: Any) -> Iterator[Watched]:
    w = Watched(browser, VIEWPORTS["desktop"])
    yield w
    w.close()


def _wait_charts(page: Any) -> None:
    page.wait_for_load_state("networkidle")
    page.wait_for_function(
        "Array.from(document.querySelectorAll('[data-chart]'))"
        ".every(el => el.classList.contains('js-plotly-plot') || el.classList.contains('empty'))",
        timeout=20000,
    )


PAGES = {
    "overview": "/",
    "network": "/network",
    "documents": "/documents",
    "actor": "/actors/KEN",
    "pair": "/pairs/GHA/KEN",
    "document": "/documents/synthetic-00002",
    "search": "/search?q=solar",
    "story-copy": f"/documents/{COPY_ID}",
    "api": "/docs",
}


@pytest.mark.parametrize("size", sorted(VIEWPORTS))
@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_loads_without_errors(browser: Any, base_url: str, name: str, size: str) -> None:
    w = Watched(browser, VIEWPORTS[size])
    try:
        w.page.goto(base_url + PAGES[name])
        _wait_charts(w.page)
        SHOTS.mkdir(parents=True, exist_ok=True)
        w.page.screenshot(path=str(SHOTS / f"{name}-{size}.png"), full_page=True)
        assert w.errors == [], w.errors
        drawn = w.page.locator(".js-plotly-plot").count()
        assert drawn == w.page.locator("[data-chart]").count() - w.page.locator(".empty").count()
        width = w.page.evaluate("document.documentElement.scrollWidth")
        assert width <= VIEWPORTS[size]["width"] + 1, "the page scrolls sideways"
    finally:
        w.close()


def _click_point(page: Any, trace_index: int, point_index: int) -> None:
    """Click a plotly point: traces are drawn in order, points in data order."""
    point = page.locator(".scatterlayer .trace").nth(trace_index).locator("path.point")
    point.nth(point_index).click(force=True)


def test_click_from_network_to_actor_pair_document(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url + "/network")
    _wait_charts(page)
    spec = json.loads(page.locator("#data-network").text_content())
    node = next(i for i, n in enumerate(spec["nodes"]) if n["code"] == "KEN")
    nodes_trace = len(spec["edges"])  # one line trace per edge, then nodes, then midpoints
    with page.expect_navigation():
        _click_point(page, nodes_trace, node)
    assert page.url.endswith("/actors/KEN")
    _wait_charts(page)
    with page.expect_navigation():
        page.locator("table a[href^='/pairs/GHA/KEN']").first.click()
    assert "/pairs/GHA/KEN" in page.url
    with page.expect_navigation():
        page.locator(f"a[href='/documents/{XSS_ID}']").first.click()
    body = page.locator("#body")
    assert body.locator("mark.hl-amount").first.is_visible()
    assert body.locator("mark.hl-quote").first.is_visible()
    page.locator("[data-fact='amount-0']").click()
    assert "active" in (body.locator("mark.hl-amount").first.get_attribute("class") or "")
    page.screenshot(path=str(SHOTS / "evidence-desktop.png"), full_page=True)
    assert watched.errors == []


def test_click_an_edge_opens_the_pair(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url + "/network")
    _wait_charts(page)
    spec = json.loads(page.locator("#data-network").text_content())
    index = _clear_edge(spec)
    edge = spec["edges"][index]
    with page.expect_navigation():
        _click_point(page, len(spec["edges"]) + 1, index)
    assert unquote(page.url).endswith(f"/pairs/{edge['a']}/{edge['b']}")


def _clear_edge(spec: dict[str, Any]) -> int:
    """The heaviest edge whose midpoint marker no node or other midpoint covers (a click
    lands on the topmost marker under the pointer)."""
    mids = [(sum(e["x"]) / 2, sum(e["y"]) / 2) for e in spec["edges"]]
    nodes = [(n["x"], n["y"]) for n in spec["nodes"]]
    xs = [p[0] for p in mids + nodes]
    ys = [p[1] for p in mids + nodes]
    near = 0.03 * max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
    for i, (x, y) in enumerate(mids):
        others = [p for j, p in enumerate(mids) if j != i] + nodes
        if all(abs(x - ox) > near or abs(y - oy) > near for ox, oy in others):
            return i
    return 0


def test_filter_changes_what_is_shown(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url + "/documents")
    before = page.locator("#doc-count").text_content()
    page.select_option("select[name=outlet]", "Savanna Daily")
    with page.expect_navigation():
        page.click("form.filters button[type=submit]")
    assert "outlet=Savanna+Daily" in page.url
    after = page.locator("#doc-count").text_content()
    assert int(after.split()[0]) < int(before.split()[0])
    outlets = page.locator("tbody tr td:nth-child(3)").all_text_contents()
    assert outlets and set(outlets) == {"Savanna Daily"}


def test_article_markup_is_text_and_never_runs(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url + f"/documents/{XSS_ID}")
    page.wait_for_load_state("networkidle")
    text = page.locator("#body").inner_text()
    assert SCRIPT in text and IMG in text
    assert SCRIPT in page.locator("h1").inner_text()
    assert page.locator("#body img, #body script").count() == 0
    page.goto(base_url + "/search?q=memo")
    page.wait_for_load_state("networkidle")
    assert watched.dialogs == []
    assert watched.errors == []


def test_markup_in_title_body_quote_and_speaker_never_runs_on_any_page(
    watched: Watched, hostile_url: str
) -> None:
    """Every page that shows the hostile record's fields: no dialog, no injected element."""
    page = watched.page
    for path in (
        f"/documents/{HOSTILE_ID}",
        "/documents?actor=MLI",
        "/search?q=grain+corridor",
        "/actors/MLI",
        "/pairs/MLI/SEN",
        "/?actor=MLI",
        "/network?actor=MLI",
    ):
        page.goto(hostile_url + path)
        page.wait_for_load_state("networkidle")
        injected = page.locator(
            "main svg[onload], main img[onerror], main iframe, "
            "main script:not([type='application/json'])"
        )
        assert injected.count() == 0, path
    page.goto(hostile_url + f"/documents/{HOSTILE_ID}")
    shown = page.locator("main").inner_text()
    for mark in HOSTILE_MARKS:
        assert mark in shown  # shown as text, whole
    assert watched.dialogs == []


def test_document_page_lists_the_copy_and_leads_to_the_first(
    watched: Watched, base_url: str
) -> None:
    page = watched.page
    page.goto(base_url + f"/documents/{STORY_ID}")
    copies = page.locator("section.copies")
    assert copies.is_visible()
    row = copies.locator("tbody tr").filter(has_text="The Highland Post")
    assert row.count() == 1
    with page.expect_navigation():
        row.locator(f"a[href='/documents/{COPY_ID}']").click()
    first = page.locator("section.copies tr.first")
    assert "Reuters" in first.inner_text() and "first" in first.inner_text()
    page.screenshot(path=str(SHOTS / "copies-desktop.png"), full_page=True)
    assert watched.errors == []


def test_phone_shows_content_before_the_folded_filters(browser: Any, base_url: str) -> None:
    w = Watched(browser, VIEWPORTS["phone"])
    try:
        w.page.goto(base_url + "/documents")
        assert w.page.locator("details.filter-box > summary").is_visible()
        assert not w.page.locator("select[name=outlet]").is_visible()
        top = w.page.locator("table").first.bounding_box()
        assert top is not None and top["y"] < VIEWPORTS["phone"]["height"] / 2
        w.page.locator("details.filter-box > summary").click()
        assert w.page.locator("select[name=outlet]").is_visible()
        assert w.errors == []
    finally:
        w.close()


def test_swagger_ui_renders_offline_under_the_csp(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url + "/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=20000)
    assert page.locator(".swagger-ui .opblock").count() >= 20
    stories = page.locator(".swagger-ui .opblock-summary-path[data-path='/api/stories']")
    assert stories.first.is_visible()
    assert watched.errors == []  # a CSP violation or a failed asset is a console error
