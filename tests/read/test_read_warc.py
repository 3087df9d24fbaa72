"""WARC reader on archives we write with fastwarc: pages, skipped records, broken files."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from fastwarc.warc import WarcRecord, WarcRecordType

from accord.read import iter_raw, iter_warc
from accord.schema import DocumentError, RawDocument

PARAS = (
    "Kenya and Japan signed a loan agreement on Monday to expand the container "
    "terminal at the port of Mombasa, the Kenyan treasury said in a statement.",
    "The loan of 35 billion yen carries an interest rate of 0.1 percent and will be "
    "repaid over 40 years, according to the statement issued in Nairobi.",
    "Officials from both governments said the project would cut waiting times for ships "
    "and create several thousand jobs in the coastal region over the next decade.",
)


def page(title: str, paras: tuple[str, ...] = PARAS, date: str | None = "2024-03-11") -> str:
    meta = f'<meta property="article:published_time" content="{date}T09:00:00Z">' if date else ""
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (
        f"<!DOCTYPE html><html><head><title>{title} | Coast Herald</title>"
        f'<meta property="og:site_name" content="Coast Herald">{meta}</head>'
        f"<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        f"<footer>Copyright Coast Herald. All rights reserved.</footer></body></html>"
    )


def record(
    uuid: str,
    uri: str,
    payload: bytes,
    kind: WarcRecordType = WarcRecordType.response,
    status: str = "200 OK",
    content_type: str = "text/html; charset=utf-8",
    http: bool = True,
) -> bytes:
    """One WARC record's bytes, written by fastwarc."""
    rec = WarcRecord()
    rec.init_headers(kind, record_urn=f"uuid:{uuid}".encode())
    rec.headers["WARC-Target-URI"] = uri
    if http:
        rec.headers["Content-Type"] = "application/http; msgtype=response"
        head = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n"
        head += f"Content-Length: {len(payload)}\r\n\r\n"
        payload = head.encode() + payload
    rec.set_bytes_content(payload)
    out = io.BytesIO()
    rec.write(out)
    return out.getvalue()


def uid(n: int) -> str:
    return f"{n:08d}-4b1e-4c2a-9d3f-0123456789ab"


def archive() -> list[bytes]:
    """A small crawl: request, two articles, a redirect, an image, a PDF, metadata."""
    site = "https://coast.example"
    kenya = page("Kenya and Japan sign port loan").encode()
    ghana = page("Ghana buys Vietnamese rice", date=None).encode("latin-1")
    request, metadata = WarcRecordType.request, WarcRecordType.metadata
    return [
        record(uid(1), f"{site}/a", b"GET /a HTTP/1.1\r\n\r\n", request, http=False),
        record(uid(2), f"{site}/news/kenya-japan-port", kenya),
        record(uid(3), f"{site}/old", b"", status="301 Moved Permanently"),
        record(uid(4), f"{site}/logo.png", b"\x89PNG\r\n\x1a\n", content_type="image/png"),
        record(uid(5), f"{site}/report.pdf", b"%PDF-1.7 ...", content_type="application/pdf"),
        record(uid(6), f"{site}/news/ghana", ghana, content_type="text/html; charset=iso-8859-1"),
        record(uid(7), f"{site}/news/ghana", b"via: crawler\r\n", metadata, http=False),
    ]


def write(tmp_path: Path, name: str, records: list[bytes], gz: bool) -> Path:
    path = tmp_path / name
    # Common Crawl compresses each record as its own gzip member.
    path.write_bytes(b"".join(gzip.compress(r) for r in records) if gz else b"".join(records))
    return path


def split(
    items: list[RawDocument | DocumentError],
) -> tuple[list[RawDocument], list[DocumentError]]:
    docs = [i for i in items if isinstance(i, RawDocument)]
    return docs, [i for i in items if isinstance(i, DocumentError)]


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_html_responses_become_documents_and_the_rest_is_skipped(tmp_path: Path, gz: bool) -> None:
    path = write(tmp_path, "crawl.warc.gz" if gz else "crawl.warc", archive(), gz)
    docs, errors = split(list(iter_warc(path)))
    assert errors == []
    assert [d.id for d in docs] == [uid(2), uid(6)]
    kenya, ghana = docs
    assert kenya.title == "Kenya and Japan sign port loan"
    assert kenya.text.startswith("Kenya and Japan sign port loan\n")
    assert "35 billion yen" in kenya.text
    assert "All rights reserved" not in kenya.text and "Home" not in kenya.text
    assert kenya.published == "2024-03-11"
    assert kenya.outlet == "Coast Herald"
    assert kenya.source.url == "https://coast.example/news/kenya-japan-port"
    assert kenya.source.format == "warc"
    assert kenya.source.path == f"{path}#urn:uuid:{uid(2)}"
    # No date on the page: the crawl date (WARC-Date) is not a publication date.
    assert ghana.published is None
    assert "Vietnamese rice" in ghana.text


def test_http_charset_decodes_the_page(tmp_path: Path) -> None:
    text = page("Côte d'Ivoire and Brazil sign cocoa accord", (PARAS[0] + " São Tomé too.",))
    rec = record(
        uid(1),
        "https://x.example/a",
        text.encode("cp1252"),
        content_type="text/html; charset=windows-1252",
    )
    (doc,) = list(iter_warc(write(tmp_path, "one.warc", [rec], gz=False)))
    assert isinstance(doc, RawDocument)
    assert "Côte d'Ivoire" in doc.text and "São Tomé" in doc.text


def test_a_page_without_main_text_is_one_error_naming_the_record(tmp_path: Path) -> None:
    empty = b"<html><head><title>Login</title></head><body><form></form></body></html>"
    records = [*archive()[:2], record(uid(9), "https://coast.example/login", empty), *archive()[5:]]
    path = write(tmp_path, "crawl.warc.gz", records, gz=True)
    docs, errors = split(list(iter_warc(path)))
    assert [d.id for d in docs] == [uid(2), uid(6)]
    assert len(errors) == 1
    assert errors[0].path == f"{path}#urn:uuid:{uid(9)}"
    assert "no article text" in errors[0].reason


def test_a_response_with_broken_http_headers_is_one_error(tmp_path: Path) -> None:
    broken = record(
        uid(3),
        "https://coast.example/b",
        b"this is not an HTTP response\r\n\r\n<p>x</p>",
        http=False,
    )
    records = [archive()[1], broken, archive()[5]]
    docs, errors = split(list(iter_warc(write(tmp_path, "b.warc", records, gz=False))))
    assert [d.id for d in docs] == [uid(2), uid(6)]
    assert [e.path.rsplit("#", 1)[1] for e in errors] == [f"urn:uuid:{uid(3)}"]


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
@pytest.mark.parametrize("keep", [30, 0.7], ids=["cut-in-header", "cut-in-page"])
def test_a_truncated_file_yields_what_it_can_and_one_error(
    tmp_path: Path, gz: bool, keep: float
) -> None:
    encode = gzip.compress if gz else bytes
    parts = [encode(r) for r in archive()[:6]]
    # Cut inside the last record (the Ghana article): everything before it still reads.
    last = parts[-1]
    kept = int(keep) if keep >= 1 else int(len(last) * keep)
    path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    path.write_bytes(b"".join(parts[:-1]) + last[:kept])
    docs, errors = split(list(iter_warc(path)))
    assert [d.id for d in docs] == [uid(2)]
    assert len(errors) == 1, errors
    assert errors[0].path.startswith(str(path))
    assert "truncated" in errors[0].reason


def test_a_file_that_is_not_warc_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.warc"
    path.write_text("These are my notes about the crawl.\n" * 5, encoding="utf-8")
    (error,) = list(iter_warc(path))
    assert isinstance(error, DocumentError)
    assert error.path.startswith(str(path))
    empty = tmp_path / "empty.warc.gz"
    empty.write_bytes(b"")
    (error,) = list(iter_warc(empty))
    assert isinstance(error, DocumentError) and error.reason == "no WARC records in the file"


def test_folder_walk_reads_warc_files_beside_text(tmp_path: Path) -> None:
    write(tmp_path, "b.warc.gz", archive(), gz=True)
    (tmp_path / "a.txt").write_text("Ghana and Togo agreed to share power.\n", encoding="utf-8")
    items = list(iter_raw([tmp_path]))
    assert [(i.id, i.source.format) for i in items if isinstance(i, RawDocument)] == [
        ("a", "text"),
        (uid(2), "warc"),
        (uid(6), "warc"),
    ]
