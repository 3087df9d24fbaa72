"""Hostile inputs for the reliability suite, generated into a folder (nothing large is
committed). Each entry names the file and what a user must see: a record ("record"),
an error line for that document alone ("error"), or either ("either").

Sizes are the ones the reliability issue names (a 20 MB article, a 5 MB line, 100,000
country names): the character limit cuts the large ones before cleaning, so the full
sizes cost `make test` about 30 s for both worker counts.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import zlib
from pathlib import Path

from fastwarc.warc import WarcRecord, WarcRecordType

from accord.vocab import actors as gazetteer

PARA = (
    "Kenya and Uganda agreed on Monday to extend the oil pipeline to Kampala, the "
    "ministers said after talks in Entebbe. The loan of $300 million from China will be "
    "repaid over 20 years, Kenya's treasury said."
)
GOOD = PARA + "\n\nOfficials from both governments said the work would start next year.\n"


def good(n: int) -> str:
    """A good article of its own (the store keeps one copy of a text)."""
    return GOOD + f"\nThe {n}th meeting of the joint commission is planned for March.\n"


def state_names() -> list[str]:
    seen: dict[str, str] = {}
    for alias in gazetteer.aliases():
        state = alias.form == "name" and gazetteer.kind_of(alias.code) == "state"
        if state and alias.code not in seen and alias.text[:1].isupper():
            seen[alias.code] = alias.text
    return list(seen.values())


def _warc_record(n: int, html: str) -> bytes:
    rec = WarcRecord()
    rec.init_headers(
        WarcRecordType.response, record_urn=f"uuid:{n:08d}-4b1e-4c2a-9d3f-0123".encode()
    )
    rec.headers["WARC-Target-URI"] = f"https://hostile.example/{n}"
    rec.headers["Content-Type"] = "application/http; msgtype=response"
    payload = html.encode()
    head = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
    head += f"Content-Length: {len(payload)}\r\n\r\n"
    rec.set_bytes_content(head.encode() + payload)
    out = io.BytesIO()
    rec.write(out)
    return out.getvalue()


def _page(title: str) -> str:
    head = f"<html><head><title>{title}</title></head>"
    return f"{head}<body><article><h1>{title}</h1><p>{PARA}</p></article></body></html>"


def _gzip_bomb(path: Path, size: int) -> None:
    """``size`` bytes of zeros behind a gzip header: a few hundred KB on disk."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"\0" * (1 << 20)
    with path.open("wb") as fh:
        for _ in range(size // len(chunk)):
            fh.write(comp.compress(chunk))
        fh.write(comp.flush())


def make_inputs(folder: Path) -> dict[str, str]:
    """Write every hostile input into ``folder``; returns file name -> expectation."""
    folder.mkdir(parents=True, exist_ok=True)
    names = state_names()
    expect: dict[str, str] = {}

    def put(name: str, data: bytes | str, outcome: str) -> None:
        path = folder / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        expect[name] = outcome

    put("good-1.txt", good(1), "record")
    put("good-2.txt", good(2), "record")
    put("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 64, "error")
    put("empty.txt", b"", "error")
    put("whitespace.txt", b" \n\t\r\n   \n", "error")
    article_size = 20_000_000
    put("huge-article.txt", (PARA + "\n\n") * (article_size // (len(PARA) + 2)), "error")
    line_size = 5_000_000
    put("single-line.txt", (PARA + " ") * (line_size // (len(PARA) + 1)), "error")
    put("invalid-utf8.txt", PARA.encode() + bytes(range(128, 256)) * 8, "error")
    put("one-bad-byte.txt", ("Café talks in Yaoundé. " + good(12)).encode() + b"\xff\n", "record")
    put("utf16-le.txt", codecs.BOM_UTF16_LE + good(3).encode("utf-16-le"), "record")
    put("utf16-be.txt", codecs.BOM_UTF16_BE + good(4).encode("utf-16-be"), "record")
    put(
        "mojibake.txt",
        good(5).replace("'", "’").encode("utf-8").decode("cp1252").encode("utf-8"),
        "record",
    )
    rtl = (
        "اتفقت كينيا وأوغندا على تمديد خط الأنابيب. " * 20 + "\n\nשלום עולם. " * 10 + "\n\n" + PARA
    )
    put("right-to-left.txt", rtl, "either")
    put(
        "nested.html",
        "<html><body>" + "<div>" * 10_000 + f"<p>{PARA}</p>" + "</div>" * 10_000 + "</body></html>",
        "record",
    )
    put("gzipped.html", gzip.compress(_page("Pipeline deal").encode()), "error")
    _gzip_bomb(folder / "bomb.warc.gz", 256 << 20)
    expect["bomb.warc.gz"] = "error"
    warc = _warc_record(1, _page("Pipeline deal")) + _warc_record(2, _page("Port loan"))
    put("truncated.warc", warc[: len(warc) - 300], "either")
    put("truncated.warc.gz", gzip.compress(warc)[:-200], "either")
    lines = [
        json.dumps({"id": "dup", "text": good(6)}),
        '{"id": "broken", "text": "no closing brace"',
        json.dumps({"id": "dup", "text": good(7)}),
        json.dumps({"id": 12345, "text": good(8)}),
        json.dumps({"id": ["a", "list"], "text": GOOD}),
        json.dumps({"id": {"an": "object"}, "text": GOOD}),
        json.dumps({"id": "x" * 300, "text": good(9)}),
        "[1, 2, 3]",
        json.dumps({"id": "nul", "text": good(10).replace(" the ", " the\u0000", 2)}),
    ]
    put("feed.jsonl", "\n".join(lines) + "\n", "either")
    quotes = "".join(
        f'{names[i % len(names)]} said "the deal with Kenya is good for trade and '
        if i % 3
        else "officials told reporters ” nothing "
        for i in range(1500)
    )
    put("unbalanced-quotes.txt", quotes[:61_000] + "\n", "record")
    put(
        "huge-money.txt",
        "Kenya pledged $999,999,999,999 trillion to Uganda, and 1e308 dollars "
        "more, and " + "9" * 400 + " dollars on Monday.\n\nUganda thanked Kenya for the offer.\n",
        "record",
    )
    n_names = 100_000
    put(
        "countries.txt",
        "Leaders from "
        + ", ".join(names[i % len(names)] for i in range(n_names))
        + " signed a trade pact.\n",
        "either",
    )
    put("nul-bytes.txt", GOOD.encode().replace(b" the ", b" the\x00", 3), "error")
    put("x" * 200 + ".txt", good(11), "record")
    return expect
