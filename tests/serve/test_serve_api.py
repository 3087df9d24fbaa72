"""The REST API answers what the stored records say, for every list, filter and export."""

from __future__ import annotations

import csv
import io
from collections import Counter

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient
from serve_data import COPY_ID, IMG, SCRIPT, STORY_ID, TOKEN, XSS_ID, Filled

from accord.schema import Record, to_dict


def ids(client: TestClient, **params: object) -> set[str]:
    page = client.get("/api/documents", params={"limit": 1000, **params}).json()
    assert page["total"] == len(page["items"])
    return {d["id"] for d in page["items"]}


def having(filled: Filled, test) -> set[str]:  # type: ignore[no-untyped-def]
    return {r.id for r in filled.records if test(r)}


def test_documents_list_pages_with_total(client: TestClient, filled: Filled) -> None:
    first = client.get("/api/documents", params={"limit": 10}).json()
    second = client.get("/api/documents", params={"limit": 10, "offset": 10}).json()
    assert first["total"] == len(filled.records)
    assert len(first["items"]) == 10
    assert not {d["id"] for d in first["items"]} & {d["id"] for d in second["items"]}
    dates = [d["published"] for d in first["items"] if d["published"]]
    assert dates == sorted(dates, reverse=True)  # newest first


@pytest.mark.parametrize(
    ("params", "test"),
    [
        ({"actor": "KEN"}, lambda r: any(a.code == "KEN" for a in r.actors)),
        ({"actor": "KEN,CHN"}, lambda r: any(a.code in ("KEN", "CHN") for a in r.actors)),
        (
            {"sector": "energy"},
            lambda r: any("energy" in x.sectors for x in (*r.relations, *r.events)),
        ),
        ({"event_type": "CONSULT"}, lambda r: any(e.type == "CONSULT" for e in r.events)),
        ({"status": "planned"}, lambda r: any(e.status == "planned" for e in r.events)),
        ({"outlet": "Savanna Daily"}, lambda r: r.outlet == "Savanna Daily"),
        ({"source": "Xinhua"}, lambda r: "Xinhua" in r.attributed_sources),
        (
            # published in the range, or holding an event or money dated in it
            {"date_from": "2020-01-01", "date_to": "2021-06"},
            lambda r: any(
                d is not None and "2020-01-01"[: len(d)] <= d[:10] <= "2021-06-31"
                for d in (
                    r.published,
                    *(e.when for e in r.events),
                    *(a.period[0] for a in r.amounts if a.period),
                )
            ),
        ),
        (
            {"pair": "KEN,GHA"},
            lambda r: (
                any(x.actors == ("GHA", "KEN") for x in r.relations)
                or any({"GHA", "KEN"} <= set(e.actors) for e in r.events)
            ),
        ),
    ],
)
def test_documents_filters_match_the_records(
    client: TestClient, filled: Filled, params: dict[str, str], test
) -> None:  # type: ignore[no-untyped-def]
    expected = having(filled, test)
    assert expected, f"the test store should hold documents for {params}"
    assert ids(client, **params) == expected


def test_filters_combine_and_full_text_narrows(client: TestClient, filled: Filled) -> None:
    both = ids(client, actor="KEN", outlet="Savanna Daily")
    assert both == having(
        filled, lambda r: r.outlet == "Savanna Daily" and any(a.code == "KEN" for a in r.actors)
    )
    found = ids(client, q="solar memo newsroom")
    assert found == {XSS_ID}
    assert ids(client, q="solar", outlet="Savanna Daily") <= ids(client, outlet="Savanna Daily")


def test_bad_filters_are_clear_errors(client: TestClient) -> None:
    r = client.get("/api/documents", params={"date_from": "last week"})
    assert r.status_code == 422 and "YYYY" in r.json()["detail"][0]["msg"]
    r = client.get("/api/documents", params={"pair": "KEN,CHN,USA"})
    assert r.status_code == 422 and "two actor codes" in r.json()["detail"][0]["msg"]
    assert client.get("/api/amounts", params={"by": "colour"}).status_code == 422


def test_document_is_the_record(client: TestClient, filled: Filled) -> None:
    record = filled.by_id["synthetic-00003"]
    assert client.get("/api/documents/synthetic-00003").json() == to_dict(record)
    r = client.get("/api/documents/no-such-document")
    assert r.status_code == 404 and "no-such-document" in r.json()["detail"]


def test_corpus_documents_are_served(client: TestClient, filled: Filled) -> None:
    if not filled.corpus:
        pytest.skip("../shared is not beside the project (set ACCORD_SHARED)")
    record = filled.corpus[0]
    got = client.get(f"/api/documents/{record.id}").json()
    assert got["body"] == record.body and got["actors"] == to_dict(record)["actors"]
    assert client.get(f"/documents/{record.id}").status_code == 200


def test_events_filter_on_the_event_itself(client: TestClient, filled: Filled) -> None:
    page = client.get(
        "/api/events", params={"event_type": "AGREE", "status": "planned", "limit": 1000}
    ).json()
    expected = [
        e for r in filled.records for e in r.events if e.type == "AGREE" and e.status == "planned"
    ]
    assert page["total"] == len(expected) > 0
    assert {(e["type"], e["status"]) for e in page["items"]} == {("AGREE", "planned")}
    kenya = client.get("/api/events", params={"actor": "KEN", "limit": 1000}).json()
    assert kenya["total"] == sum(1 for r in filled.records for e in r.events if "KEN" in e.actors)
    assert all("KEN" in e["actors"] for e in kenya["items"])


def test_amount_sums_in_usd_by_kind(client: TestClient, filled: Filled) -> None:
    sums = client.get("/api/amounts", params={"by": "kind"}).json()
    expected: Counter[str] = Counter()
    for r in filled.records:
        for m in r.amounts:
            if m.measure == "flow":  # levels (prices, rates, markets) are never summed
                expected[m.kind] += m.value_usd or 0.0
    got = {i["kind"]: i["total_usd"] for i in sums["items"]}
    assert got.keys() == expected.keys()
    for kind, total in expected.items():
        assert got[kind] == pytest.approx(total)


def test_amount_sums_by_pair_and_year_and_items(client: TestClient, filled: Filled) -> None:
    sums = client.get("/api/amounts", params={"actor": "KEN", "by": "pair,year"}).json()
    assert sums["by"] == ["pair", "year", "kind"]  # a total never adds kinds together
    assert all("KEN" in (i["from"], i["to"]) for i in sums["items"])
    total = sum(i["total_usd"] for i in sums["items"])
    expected = sum(
        m.value_usd or 0
        for r in filled.records
        for m in r.amounts
        if "KEN" in (m.from_, m.to) and m.measure == "flow"
    )
    assert total == pytest.approx(expected)
    items = client.get("/api/amounts/items", params={"kind": "loan", "limit": 5}).json()
    assert items["items"] and {i["kind"] for i in items["items"]} == {"loan"}
    values = [i["value_usd"] for i in items["items"]]
    assert values == sorted(values, reverse=True)


def test_quotes_and_actors_lists(client: TestClient, filled: Filled) -> None:
    quotes = client.get("/api/quotes", params={"q": "newsroom"}).json()
    assert [q["speaker"] for q in quotes["items"]] == ["Akosua Mensah"]
    assert quotes["items"][0]["speaker_actor"] == "GHA"
    actors = client.get("/api/actors", params={"limit": 500}).json()
    codes = {a.code for r in filled.records for a in r.actors}
    assert actors["total"] == len(codes)
    counts = [a["documents"] for a in actors["items"]]
    assert counts == sorted(counts, reverse=True)


def test_actor_view_partners_money_officials(client: TestClient, filled: Filled) -> None:
    view = client.get("/api/actors/KEN").json()
    assert view["name"] == "Kenya"
    partners = {p["code"] for p in view["partners"]}
    assert "GHA" in partners
    out = sum(i["total_usd"] for i in view["money"]["out"])
    expected = sum(
        m.value_usd or 0
        for r in filled.records
        for m in r.amounts
        if m.from_ == "KEN" and m.measure == "flow"
    )
    assert out == pytest.approx(expected)
    assert all(e["date"] for e in view["timeline"][:1])
    assert client.get("/api/actors/XYZ").status_code == 404


def test_pair_view_either_order(client: TestClient, filled: Filled) -> None:
    ab = client.get("/api/pairs/GHA/KEN").json()
    ba = client.get("/api/pairs/KEN/GHA").json()
    assert ab == ba
    expected = sum(1 for r in filled.records for e in r.events if {"GHA", "KEN"} <= set(e.actors))
    assert len(ab["timeline"]) == expected > 0
    assert "Akosua Mensah" in {p["name"] for p in ab["officials"]}


def test_search_uses_the_store(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "newsroom pages"}).json()
    assert [h["id"] for h in hits["items"]] == [XSS_ID]
    assert "«" in hits["items"][0]["snippet"]
    assert client.get("/api/search", params={"q": ""}).json()["items"] == []
    assert client.get("/api/search", params={"q": '" OR 1=1 --'}).status_code == 200


@pytest.mark.parametrize(
    "path",
    ["/api/documents", "/api/events", "/api/amounts/items", "/api/quotes", "/api/actors"],
)
def test_every_list_exports_csv_and_parquet(client: TestClient, path: str) -> None:
    total = client.get(path).json()["total"]
    as_csv = client.get(path, params={"format": "csv"})
    assert as_csv.headers["content-type"].startswith("text/csv")
    assert "attachment" in as_csv.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert len(rows) == total > 0
    suffix = client.get(f"{path}/export")
    assert suffix.text == as_csv.text
    parquet = client.get(f"{path}/export", params={"format": "parquet"})
    table = pq.read_table(io.BytesIO(parquet.content))
    assert table.num_rows == total
    assert set(table.column_names) == set(rows[0])


def test_sums_and_search_export(client: TestClient) -> None:
    sums = client.get("/api/amounts/export", params={"by": "kind,year"})
    header = sums.text.splitlines()[0]
    assert header == "kind,year,total_usd,amounts,documents"
    found = client.get("/api/search/export", params={"q": "solar", "format": "parquet"})
    assert pq.read_table(io.BytesIO(found.content)).num_rows > 0


def test_overview_and_network(client: TestClient) -> None:
    overview = client.get("/api/overview", params={"sector": "energy"}).json()
    assert overview["counts"]["documents"] > 0
    assert "energy" in overview["facets"]["sectors"]
    net = client.get("/api/network", params={"max_nodes": 5}).json()
    assert len(net["nodes"]) == 5
    weights = [n["weight"] for n in net["nodes"]]
    assert weights == sorted(weights, reverse=True)
    codes = {n["code"] for n in net["nodes"]}
    assert all(e["a"] in codes and e["b"] in codes for e in net["edges"])


def test_openapi_documents_every_route(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/documents/export",
        "/api/actors",
        "/api/actors/{code}",
        "/api/pairs/{a}/{b}",
        "/api/events",
        "/api/amounts",
        "/api/quotes",
        "/api/search",
    ):
        assert path in paths
    assert "post" in paths["/api/documents"]


# -- writing ---------------------------------------------------------------------------


def test_read_only_server_refuses_writes(client: TestClient) -> None:
    r = client.post("/api/documents", json={"text": "Kenya and Ghana signed a deal."})
    assert r.status_code == 403
    assert "read-only" in r.json()["detail"] and "ACCORD_API_TOKEN" in r.json()["detail"]


def test_writes_need_the_token(writer: TestClient) -> None:
    body = {"text": "Kenya and Ghana signed a solar deal on Monday.", "id": "posted-1"}
    assert writer.post("/api/documents", json=body).status_code == 401
    wrong = {"Authorization": "Bearer nope"}
    assert writer.post("/api/documents", json=body, headers=wrong).status_code == 401
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = writer.post("/api/documents", json=body, headers=auth)
    assert r.status_code == 201 and r.json()["outcome"] == "added"
    again = writer.post("/api/documents", json=body, headers=auth)
    assert again.status_code == 200 and again.json()["outcome"] == "unchanged"
    assert writer.get("/api/documents/posted-1").json()["body"] == body["text"]


def test_post_plain_text_html_and_empty(writer: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = writer.post(
        "/api/documents?id=plain-1&published=2024-01-05",
        content=b"Ghana opened a trade office in Nairobi.",
        headers={**auth, "Content-Type": "text/plain"},
    )
    assert r.status_code == 201 and r.json()["record"]["published"] == "2024-01-05"
    page = (
        "<html><head><title>Rail deal</title></head><body><article><h1>Rail deal</h1>"
        + "<p>Vietnam and Japan agreed to build a new rail line between two cities. " * 5
        + "</p></article></body></html>"
    )
    r = writer.post("/api/documents", json={"html": page, "id": "html-1"}, headers=auth)
    assert r.status_code == 201, r.text
    assert "rail line" in r.json()["record"]["body"]
    r = writer.post("/api/documents", json={"text": "   "}, headers=auth)
    assert r.status_code == 422 and "no article text" in r.json()["detail"][0]["msg"]
    r = writer.post("/api/documents", content=b"x", headers={**auth, "Content-Type": "image/png"})
    assert r.status_code == 415


def test_post_through_the_real_pipeline(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from accord.pipeline import process_raw
    from accord.serve.app import create_app
    from accord.settings import Settings
    from accord.store import open_store

    with open_store(f"sqlite:///{tmp_path / 'p.db'}") as fresh:
        app = create_app(fresh, Settings(api_token=TOKEN), process=process_raw)
        c = TestClient(app)
        text = "Kenya and India signed a memorandum on pharmaceutical trade in Nairobi on Monday."
        r = c.post(
            "/api/documents",
            json={"text": text, "id": "real-1"},
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
        assert r.status_code == 201, r.text
        assert r.json()["record"]["body"].startswith("Kenya and India signed")
        assert c.get("/api/documents/real-1").json() == r.json()["record"]


def test_security_headers_on_every_response(client: TestClient) -> None:
    for path in ("/", "/api/documents", "/static/accord.css", "/nope", "/api/nope"):
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-eval" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"


def test_untrusted_text_is_escaped_in_json(client: TestClient, filled: Filled) -> None:
    got = client.get(f"/api/documents/{XSS_ID}").json()
    assert SCRIPT in got["body"] and IMG in got["outlet"]  # data unchanged, as JSON text
    record: Record = filled.by_id[XSS_ID]
    assert got == to_dict(record)


def test_copies_name_the_story_and_who_carried_it_first(client: TestClient) -> None:
    found = client.get(f"/api/documents/{COPY_ID}/copies").json()
    assert found["story"]["first_id"] == STORY_ID
    assert found["story"]["first_outlet"] == "Reuters"
    assert found["story"]["outlets"] == ["Reuters", "The Highland Post"]
    [original] = found["items"]
    assert (original["id"], original["outlet"], original["published"], original["first"]) == (
        STORY_ID,
        "Reuters",
        "2024-03-06",
        True,
    )
    assert 0.5 <= original["similarity"] < 1.0
    back = client.get(f"/api/documents/{STORY_ID}/copies").json()
    assert [(c["id"], c["first"]) for c in back["items"]] == [(COPY_ID, False)]
    alone = client.get("/api/documents/synthetic-00002/copies").json()
    assert alone["items"] == [] and alone["story"]["count"] == 1
    assert client.get("/api/documents/no-such-doc/copies").status_code == 404
    rows = list(
        csv.DictReader(io.StringIO(client.get(f"/api/documents/{COPY_ID}/copies?format=csv").text))
    )
    assert [r["id"] for r in rows] == [STORY_ID] and rows[0]["first"] == "True"


def test_stories_list_pages_and_exports(client: TestClient) -> None:
    page = client.get("/api/stories").json()
    assert page["total"] == len(page["items"]) >= 1
    story = next(s for s in page["items"] if s["first_id"] == STORY_ID)
    assert story["count"] == 2 and story["first_published"] == "2024-03-06"
    assert story["outlets"] == ["Reuters", "The Highland Post"]
    assert all(s["count"] >= 2 for s in page["items"])
    one = client.get("/api/stories", params={"limit": 1, "offset": 0}).json()
    assert len(one["items"]) == 1 and one["total"] == page["total"]
    singles = client.get("/api/stories", params={"min_count": 1, "limit": 1000}).json()
    assert singles["total"] > page["total"]  # every document is a story of its own
    assert client.get("/api/stories", params={"min_count": 0}).status_code == 422
    exported = client.get("/api/stories/export")
    assert exported.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    row = next(r for r in rows if r["first_id"] == STORY_ID)
    assert row["outlets"] == "Reuters; The Highland Post" and row["first_outlet"] == "Reuters"
    table = pq.read_table(io.BytesIO(client.get("/api/stories?format=parquet").content))
    assert STORY_ID in table.column("first_id").to_pylist()


def test_post_html_reads_the_page_like_the_html_reader(writer: TestClient) -> None:
    page = (
        "<html><head><title>Port pact</title>"
        '<meta property="og:site_name" content="Coast Courier">'
        '<meta property="article:published_time" content="2024-02-03T10:00:00Z">'
        "</head><body><article><h1>Port pact</h1>"
        + "<p>Tanzania and Oman signed a pact to run a ferry between Dar es Salaam and Muscat.</p>"
        * 4
        + "</article></body></html>"
    )
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = writer.post("/api/documents", json={"html": page}, headers=auth)
    assert r.status_code == 201, r.text
    record = r.json()["record"]
    body = record["body"]
    assert body.startswith("Port pact") and "Tanzania and Oman signed a pact" in body
    assert (record["title"], record["published"], record["outlet"]) == (
        "Port pact",
        "2024-02-03",
        "Coast Courier",
    )
    assert record["source"]["format"] == "html" and record["id"].startswith("post-")
    given = writer.post(
        "/api/documents",
        json={"html": page, "title": "Given title", "outlet": "Given Desk", "id": "h2"},
        headers=auth,
    ).json()["record"]
    assert (given["title"], given["outlet"]) == ("Given title", "Given Desk")
    empty = writer.post("/api/documents", json={"html": "<html><body></body></html>"}, headers=auth)
    assert empty.status_code == 422 and "no article text" in empty.json()["detail"][0]["msg"]
