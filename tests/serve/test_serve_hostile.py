"""The API under hostile requests: bad parameters are 422s in the documented shape, no
answer is a 500 without the security headers, filters never become SQL, no path reaches
the file system, writes are limited, and views stay fast while documents arrive."""

from __future__ import annotations

import math
import secrets
import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from serve_data import HOSTILE_ID, HOSTILE_MARKS, TOKEN, XSS_ID, fake_process, hostile_record

from accord.schema import Actor, Amount, Record, Source, to_dict
from accord.serve.app import create_app
from accord.serve.cache import ViewCache
from accord.serve.highlight import Fact, pieces
from accord.serve.synthetic import synthetic_records
from accord.settings import Settings
from accord.store import Store, open_store
from pg_schema import fresh_schema

LISTS = ("/api/documents", "/api/events", "/api/amounts/items", "/api/quotes", "/api/actors")
PAGED = (*LISTS, "/api/stories")
BIG = 2**63


def _is_invalid(r: object) -> None:
    """A 422 whose detail is the array of {loc, msg, type} that the schema describes."""
    assert r.status_code == 422, (r.status_code, r.text)  # type: ignore[attr-defined]
    detail = r.json()["detail"]  # type: ignore[attr-defined]
    assert isinstance(detail, list) and detail
    assert all({"loc", "msg", "type"} <= set(item) for item in detail), detail


# -- parameters that were 500s ---------------------------------------------------------


@pytest.mark.parametrize("path", [*PAGED, *(f"{p}/export" for p in PAGED)])
def test_offset_past_64_bits_is_422_and_the_largest_is_an_empty_page(
    client: TestClient, path: str
) -> None:
    _is_invalid(client.get(path, params={"offset": BIG}))
    r = client.get(path, params={"offset": BIG - 1})
    assert r.status_code == 200, r.text
    if not path.endswith("/export"):
        assert r.json()["items"] == []


def test_documents_page_offset_past_64_bits_is_422(client: TestClient) -> None:
    assert client.get("/documents", params={"offset": BIG}).status_code == 422
    assert client.get("/documents", params={"offset": BIG - 1}).status_code == 200


def test_min_count_past_64_bits_is_422(client: TestClient) -> None:
    for value in ("1e20", str(BIG), "99999999999999999999"):
        _is_invalid(client.get("/api/stories", params={"min_count": value}))
    assert client.get("/api/stories", params={"min_count": BIG - 1}).json()["items"] == []


@pytest.mark.parametrize(
    "path", [*(f"{p}/export" for p in PAGED), "/api/amounts/export", "/api/search/export"]
)
def test_export_format_json_is_422_not_a_500_or_parquet(client: TestClient, path: str) -> None:
    r = client.get(path, params={"format": "json", "q": "solar"})
    _is_invalid(r)
    assert not r.content.startswith(b"PAR1")


def test_our_own_checks_answer_the_validation_shape(client: TestClient) -> None:
    _is_invalid(client.get("/api/documents", params={"date_from": "last week"}))
    _is_invalid(client.get("/api/events", params={"pair": "KEN"}))
    _is_invalid(client.get("/api/amounts", params={"by": "colour"}))
    _is_invalid(client.get("/api/documents", params={"limit": 0}))


def test_a_500_carries_the_security_headers(tmp_path: Path) -> None:
    path = tmp_path / "broken.db"
    with open_store(f"sqlite:///{path}") as store:
        store.ingest(next(iter(synthetic_records(1, seed=3))))
        app = TestClient(create_app(store, Settings()), raise_server_exceptions=False)
        with sqlite3.connect(path) as conn:  # a store broken under the running server
            conn.execute("DROP TABLE quotes")
        for url in ("/api/quotes", "/api/documents/synthetic-00000"):
            r = app.get(url)
            assert r.status_code == 500, r.text
            assert r.json() == {"detail": "internal server error"}
            assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
            assert r.headers["x-content-type-options"] == "nosniff"


def test_amount_items_apply_event_type_and_status(client: TestClient, filled) -> None:  # type: ignore[no-untyped-def]
    def docs(**params: str) -> set[str]:
        page = client.get("/api/amounts/items", params={"limit": 1000, **params}).json()
        return {i["document"] for i in page["items"]}

    for params, test in (
        ({"event_type": "AGREE"}, lambda r: any(e.type == "AGREE" for e in r.events)),
        ({"status": "planned"}, lambda r: any(e.status == "planned" for e in r.events)),
    ):
        expected = {r.id for r in filled.records if r.amounts and test(r)}
        assert expected and docs(**params) == expected
        assert docs(**params) < docs()


def test_non_finite_figures_are_null_where_the_schema_allows_null(tmp_path: Path) -> None:
    body = "Kenya pledged 999 dollars to Ghana."
    record = Record(
        id="inf-figure",
        content_hash="sha256:inf",
        source=Source(path=None, url=None, format="text"),
        title="inf",
        published="2024-01-01",
        language="en",
        outlet=None,
        attributed_sources=(),
        body=body,
        actors=(Actor("KEN", "Kenya", "state", ((0, 5),)),),
        amounts=(Amount(math.inf, "USD", math.inf, "aid", "KEN", "GHA", None, None, (14, 25)),),
    )
    with open_store(f"sqlite:///{tmp_path / 'inf.db'}") as store:
        store.ingest(record)
        c = TestClient(create_app(store, Settings()))
        schema = c.get("/openapi.json").json()["components"]["schemas"]
        for path, field, model in (
            ("/api/amounts/items", "value_usd", "AmountItem"),
            ("/api/amounts/items", "value", "AmountItem"),
            ("/api/amounts", "total_usd", "AmountSum"),
        ):
            r = c.get(path)
            assert r.status_code == 200, r.text
            assert r.json()["items"][0][field] is None
            assert {"type": "null"} in schema[model]["properties"][field]["anyOf"]
        # per-kind sums of an actor: the kind stays, its non-finite total is null
        r = c.get("/api/actors")
        assert r.status_code == 200, r.text
        assert r.json()["items"][0]["usd_out"] == {"aid": None}
        per_kind = schema["ActorItem"]["properties"]["usd_out"]["additionalProperties"]
        assert {"type": "null"} in per_kind["anyOf"]
        assert c.get("/api/documents/inf-figure").json()["amounts"][0]["value"] is None


def test_405_names_every_method_of_the_path(client: TestClient) -> None:
    r = client.request("OPTIONS", "/api/documents")
    assert r.status_code == 405
    assert r.headers["allow"] == "GET, POST"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert client.delete("/api/documents/x").headers["allow"] == "GET"


def test_openapi_names_the_download_types_and_the_error_shape(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    paths = schema["paths"]
    for path in ("/api/documents", "/api/documents/export", "/api/stories/export"):
        content = paths[path]["get"]["responses"]["200"]["content"]
        assert {"text/csv", "application/vnd.apache.parquet"} <= set(content), path
    post = paths["/api/documents"]["post"]["responses"]
    assert {"401", "403", "413", "422", "429"} <= set(post)
    issue = schema["components"]["schemas"]["Invalid"]["properties"]["detail"]
    assert issue["type"] == "array"


# -- writing: token, size, rate --------------------------------------------------------


@pytest.fixture()
def limited(tmp_path: Path) -> Iterator[tuple[TestClient, Store]]:
    with open_store(f"sqlite:///{tmp_path / 'limited.db'}") as fresh:
        settings = Settings(api_token=TOKEN, write_rate=3, max_chars=1000)
        yield TestClient(create_app(fresh, settings, process=fake_process)), fresh


def _post(c: TestClient, n: int, auth: str = f"Bearer {TOKEN}") -> int:
    r = c.post(
        "/api/documents",
        json={"text": f"Kenya and Ghana signed deal number {n}.", "id": f"d{n}"},
        headers={"Authorization": auth},
    )
    return r.status_code


def test_bearer_scheme_is_case_insensitive_and_the_token_exact(
    limited: tuple[TestClient, Store], monkeypatch: pytest.MonkeyPatch
) -> None:
    c, _ = limited
    seen: list[tuple[bytes, bytes]] = []
    real = secrets.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        seen.append((a, b))
        return real(a, b)

    monkeypatch.setattr(secrets, "compare_digest", spy)
    assert _post(c, 1, f"bearer    {TOKEN}  ") == 201
    assert seen == [(TOKEN.encode(), TOKEN.encode())]  # the constant-time compare decides
    assert _post(c, 2, f"Bearer {TOKEN}x") == 401
    assert _post(c, 3, f"Basic {TOKEN}") == 401


def test_writes_are_rate_limited_per_client(limited: tuple[TestClient, Store]) -> None:
    c, store = limited
    assert [_post(c, n) for n in range(3)] == [201, 201, 201]
    r = c.post("/api/documents", json={"text": "One more."}, headers={"Authorization": "x"})
    assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
    assert "frame-ancestors" in r.headers["content-security-policy"]
    assert store.count_rows()["documents"] == 3
    other = TestClient(c.app, client=("192.0.2.7", 5000))
    assert _post(other, 9) == 201  # another address has its own allowance
    assert c.get("/api/documents").status_code == 200  # reads are not limited


def test_a_write_is_seen_by_the_next_read(limited: tuple[TestClient, Store]) -> None:
    c, _ = limited
    assert c.get("/api/documents").json()["total"] == 0  # cached now
    assert _post(c, 1) == 201
    assert [d["id"] for d in c.get("/api/documents").json()["items"]] == ["d1"]


def test_body_over_the_limit_is_413_from_content_length_or_while_streaming(
    limited: tuple[TestClient, Store],
) -> None:
    c, store = limited
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"}
    assert c.post("/api/documents", content=b"x" * 4001, headers=auth).status_code == 413

    def chunks() -> Iterator[bytes]:  # no Content-Length: chunked
        for _ in range(100):
            yield b"y" * 100

    assert c.post("/api/documents", content=chunks(), headers=auth).status_code == 413
    assert store.count_rows()["documents"] == 0


# -- filters never become SQL ----------------------------------------------------------

INJECTIONS = (
    "' OR 1=1 --",
    '"; DROP TABLE documents; --',
    "KEN') OR ('1'='1",
    "\\'; DELETE FROM actors; --",
)
FILTERS = ("actor", "sector", "event_type", "status", "outlet", "source", "kind")
ROUTES = (*LISTS, "/api/amounts", "/api/overview", "/api/network", "/documents")


def _injected(c: TestClient, store: Store) -> None:
    before = store.count_rows()
    kept = to_dict(store.get(XSS_ID))  # type: ignore[arg-type]
    for route in ROUTES:
        for value in INJECTIONS:
            for name in FILTERS:
                r = c.get(route, params={name: value})
                assert r.status_code == 200, (route, name, value, r.text[:200])
                if route in LISTS and (name != "kind" or route == "/api/amounts/items"):
                    assert r.json()["total"] == 0, (route, name, value)  # matched as text
            for name, bad in (("pair", f"KEN,{value}"), ("q", value)):
                assert c.get(route, params={name: bad}).status_code == 200, (route, name)
            for name in ("date_from", "date_to"):
                r = c.get(route, params={name: value})
                assert r.status_code == 422, (route, name, value)
                if route.startswith("/api"):
                    _is_invalid(r)
    assert c.get("/api/search", params={"q": INJECTIONS[1]}).status_code == 200
    assert store.count_rows() == before
    assert to_dict(store.get(XSS_ID)) == kept  # type: ignore[arg-type]


def test_injection_strings_through_every_filter_sqlite(store: Store) -> None:
    _injected(TestClient(create_app(store, Settings())), store)


@pytest.mark.postgres
def test_injection_strings_through_every_filter_postgres() -> None:
    from serve_data import xss_record

    with fresh_schema("accord_inject") as url, open_store(url) as store:
        for record in [*synthetic_records(10, seed=5), xss_record()]:
            store.ingest(record)
        _injected(TestClient(create_app(store, Settings())), store)


# -- no request path reaches the file system --------------------------------------------

TRAVERSALS = (
    "/static/../pyproject.toml",
    "/static/%2e%2e/%2e%2e/%2e%2e/pyproject.toml",
    "/static/..%2f..%2f..%2fpyproject.toml",
    "/static/%252e%252e/%252e%252e/etc/passwd",
    "/static/....//....//etc/passwd",
    "/static/..%5c..%5cpyproject.toml",
    "/static/%2fetc%2fpasswd",
    "/static/vendor/..%2f..%2f..%2f..%2fpyproject.toml",
    "/static/vendor/%2e%2e%2fapp.py",
    "/static/vendor/....%2fapi.py",
    "/static/accord.css%00.py",
    "/documents/..%2f..%2fetc%2fpasswd",
    "/api/documents/..%2f..%2fetc%2fpasswd",
)


@pytest.mark.parametrize("path", TRAVERSALS)
def test_traversal_never_serves_a_file_outside_static(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code in (400, 404), (r.status_code, r.text[:200])
    assert b"root:" not in r.content and b"[project]" not in r.content
    assert b"import" not in r.content


def test_cors_is_off_and_html_answers_carry_the_policy(hostile_store: Store) -> None:
    client = TestClient(create_app(hostile_store, Settings()))
    origin = {"Origin": "https://evil.example"}
    assert "access-control-allow-origin" not in client.get("/api/documents", headers=origin).headers
    pre = client.options(
        "/api/documents",
        headers={**origin, "Access-Control-Request-Method": "POST"},
    )
    assert "access-control-allow-origin" not in pre.headers
    for path in (
        "/",
        "/network",
        "/documents",
        f"/documents/{HOSTILE_ID}",
        "/actors/MLI",
        "/pairs/MLI/SEN",
        "/search?q=grain",
        "/docs",
        "/no-such-page",
        "/documents/no-such-doc",
    ):
        r = client.get(path)
        assert r.headers["content-type"].startswith("text/html"), path
        csp = r.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp, path
        assert r.headers["x-content-type-options"] == "nosniff", path
        for mark in HOSTILE_MARKS:
            assert mark not in r.text, (path, mark)  # every field is escaped


# -- views while documents arrive ------------------------------------------------------


def test_cache_keeps_views_while_documents_arrive(tmp_path: Path) -> None:
    with open_store(f"sqlite:///{tmp_path / 'c.db'}") as store:
        records = list(synthetic_records(30, seed=2))
        store.ingest(records[0])
        views = ViewCache(store, fresh_for=1.0)
        computed: list[int] = []

        def compute(session: object) -> int:
            computed.append(1)
            time.sleep(0.05)
            return store.count_rows()["documents"]

        assert views.get("k", compute) == 1
        start = time.monotonic()
        for record in records[1:]:  # an ingest: a new generation per document
            store.ingest(record)
            views.get("k", compute)
        took = time.monotonic() - start
        # one recomputation per second of ingest at most, not one per document
        assert len(computed) <= took / 1.0 + 2 and len(computed) < 15, (len(computed), took)
        time.sleep(1.05)
        assert views.get("k", compute) == 30  # within the bound, the view is current


def test_cache_computes_a_missing_view_once_for_concurrent_readers(tmp_path: Path) -> None:
    with open_store(f"sqlite:///{tmp_path / 'c.db'}") as store:
        views = ViewCache(store)
        computed: list[int] = []

        def compute(session: object) -> str:
            computed.append(1)
            time.sleep(0.3)
            return "view"

        got: list[str] = []
        threads = [
            threading.Thread(target=lambda: got.append(views.get("k", compute))) for _ in range(8)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert got == ["view"] * 8 and len(computed) == 1


def _mentions_record(n: int) -> Record:
    words = [f"Kenya{i % 10}" for i in range(n)]
    body = " ".join(words)
    spans, at = [], 0
    for w in words:
        spans.append((at, at + len(w)))
        at += len(w) + 1
    half = tuple(spans[: n // 2])
    return Record(
        id=f"mentions-{n}",
        content_hash=f"sha256:mentions-{n}",
        source=Source(path=None, url=None, format="text"),
        title="many mentions",
        published="2024-01-01",
        language="en",
        outlet=None,
        attributed_sources=(),
        body=body,
        actors=(
            Actor("KEN", "Kenya", "state", half),
            Actor("GHA", "Ghana", "state", tuple(spans[n // 2 :])),
        ),
    )


def test_highlighting_is_linear_in_the_mentions() -> None:
    def cost(n: int) -> float:
        record = _mentions_record(n)
        facts = [
            Fact(f"actor-{i}", "actor", a.code, "", a.mentions) for i, a in enumerate(record.actors)
        ]
        start = time.thread_time()  # CPU time: other processes on the machine do not count
        got = pieces(record.body, facts)
        took = time.thread_time() - start
        assert "".join(p.text for p in got) == record.body
        return took

    cost(500)
    small = min(cost(500) for _ in range(3))
    large = min(cost(5000) for _ in range(3))
    assert large < 25 * small, (small, large)  # quadratic would be ~100x


def test_document_page_with_5000_mentions_is_fast(tmp_path: Path) -> None:
    with open_store(f"sqlite:///{tmp_path / 'm.db'}") as store:
        store.ingest(_mentions_record(5000))
        c = TestClient(create_app(store, Settings()))
        assert c.get("/documents/mentions-5000").status_code == 200

        def timed() -> float:
            start = time.process_time()  # CPU time of this process (the app runs in a thread)
            r = c.get("/documents/mentions-5000")
            assert r.status_code == 200 and r.text.count("<mark") >= 5000
            return time.process_time() - start

        # the best of three: one run may be slowed by the machine (0.84 s was seen once
        # on a CI run whose usual is well under 0.8)
        took = min(timed() for _ in range(3))
        assert took < 0.8, took  # 1.2 s when the page cut the body spans x boundaries


def test_hostile_record_is_whole_in_json(hostile_store: Store) -> None:
    client = TestClient(create_app(hostile_store, Settings()))
    got = client.get(f"/api/documents/{HOSTILE_ID}").json()
    assert got == to_dict(hostile_record())
    assert replace(hostile_record()).quotes[0].speaker in got["body"]


# -- a huge body against a real uvicorn: refused before it is held ---------------------

SERVER = """
import sys
sys.path.insert(0, sys.argv[3])
import uvicorn
from serve_data import TOKEN, fake_process
from accord.serve.app import create_app
from accord.settings import Settings
from accord.store import open_store
with open_store(sys.argv[1]) as store:
    app = create_app(store, Settings(api_token=TOKEN), process=fake_process)
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
"""


def _peak_rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise AssertionError("no VmHWM")


def _send_huge(port: int, headers: str, chunks: Iterator[bytes]) -> bytes:
    """Send headers and body, stopping once the server answers; the answer's bytes."""
    import select
    import socket

    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(headers.encode())
        answer = b""
        deadline = time.monotonic() + 60
        for chunk in chunks:
            if select.select([sock], [], [], 0)[0]:
                break
            try:
                sock.sendall(chunk)
            except OSError:
                break
            assert time.monotonic() < deadline, "the server read on for a minute"
        try:
            while b"\r\n\r\n" not in answer:
                got = sock.recv(65536)
                if not got:
                    break
                answer += got
        except OSError:
            pass
        return answer


@pytest.mark.slow
def test_a_300_mb_body_is_refused_before_the_server_holds_it(tmp_path: Path) -> None:
    import socket
    import subprocess
    import sys

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    here = str(Path(__file__).resolve().parent)
    url = f"sqlite:///{tmp_path / 'big.db'}"
    proc = subprocess.Popen([sys.executable, "-c", SERVER, url, str(port), here])
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, "no server"
                time.sleep(0.1)
        base = _peak_rss_kb(proc.pid)
        size = 300 * 2**20
        block = b"x" * 2**20
        head = (
            "POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"Authorization: Bearer {TOKEN}\r\nContent-Type: text/plain\r\n"
        )
        said = _send_huge(
            port, head + f"Content-Length: {size}\r\n\r\n", (block for _ in range(300))
        )
        assert said.startswith(b"HTTP/1.1 413"), said[:200]

        def chunked() -> Iterator[bytes]:  # no length given: counted while it streams
            for _ in range(300):
                yield b"100000\r\n" + block + b"\r\n"
            yield b"0\r\n\r\n"

        said = _send_huge(port, head + "Transfer-Encoding: chunked\r\n\r\n", chunked())
        assert said.startswith(b"HTTP/1.1 413"), said[:200]
        grew_mb = (_peak_rss_kb(proc.pid) - base) / 1024
        assert grew_mb < 64, f"the server's peak RSS grew {grew_mb:.0f} MB"
    finally:
        proc.terminate()
        proc.wait(timeout=20)
