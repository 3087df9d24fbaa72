"""Readers on files we write: good text, every kind of bad file, JSONL, HTML, stdin."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from accord.errors import ReadError
from accord.read import iter_raw, read_stdin, read_text_file
from accord.schema import DocumentError, RawDocument

ARTICLE = (
    "Ghana and Vietnam agree rice deal\n\n"
    "Ghana will buy 50,000 tonnes of Vietnamese rice this year, the trade ministry "
    "in Accra said on Tuesday.\n"
)


def _raw(items: list[RawDocument | DocumentError]) -> list[RawDocument]:
    return [i for i in items if isinstance(i, RawDocument)]


def _errors(items: list[RawDocument | DocumentError]) -> list[DocumentError]:
    return [i for i in items if isinstance(i, DocumentError)]


def test_utf8_file_reads_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "rice.txt"
    path.write_text(ARTICLE + "“We are ready,” she said.\n", encoding="utf-8")
    raw = read_text_file(path)
    assert raw.text == ARTICLE + "“We are ready,” she said.\n"
    assert raw.id == "rice"
    assert raw.source.path == str(path)
    assert raw.warnings == ()


def test_latin1_file_is_detected_and_decoded(tmp_path: Path) -> None:
    text = (
        "Le ministre a déclaré que la coopération économique entre les deux pays "
        "était très importante pour l'équipe française et sénégalaise.\n"
    ) * 3
    path = tmp_path / "latin.txt"
    path.write_bytes(text.encode("latin-1"))
    raw = read_text_file(path)
    assert "coopération économique" in raw.text
    assert any("not utf-8" in w for w in raw.warnings)


def test_mojibake_is_repaired(tmp_path: Path) -> None:
    clean = "The minister’s visit to Lusaka – the first since 2019 – went well.\n"
    path = tmp_path / "moji.txt"
    path.write_text(clean.encode("utf-8").decode("cp1252"), encoding="utf-8")
    raw = read_text_file(path)
    assert raw.text == clean
    assert any("mojibake" in w for w in raw.warnings)


def test_curly_quotes_and_entities_are_left_alone(tmp_path: Path) -> None:
    text = "“Trade &amp; aid,” he said — plainly.\n"
    path = tmp_path / "quotes.txt"
    path.write_text(text, encoding="utf-8")
    assert read_text_file(path).text == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"   \n\t\n  ", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
        (bytes(range(256)) * 4, "binary file"),
    ],
    ids=["empty", "whitespace", "png", "bytes"],
)
def test_bad_files_raise_read_error(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(ReadError, match=reason):
        read_text_file(path)


def test_utf16_with_bom_is_text_not_binary(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(ARTICLE.encode("utf-16"))
    assert read_text_file(path).text == ARTICLE


def test_a_batch_goes_on_past_bad_files(tmp_path: Path) -> None:
    (tmp_path / "a_good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b_empty.txt").write_bytes(b"")
    (tmp_path / "c_binary.txt").write_bytes(b"\x00\x01\x02garbage\x00")
    (tmp_path / "d_good.txt").write_text(ARTICLE.replace("Ghana", "Togo"), encoding="utf-8")
    items = list(iter_raw([tmp_path, tmp_path / "missing.txt"]))
    assert [r.id for r in _raw(items)] == ["a_good", "d_good"]
    reasons = {Path(e.path).name: e.reason for e in _errors(items)}
    assert reasons["b_empty.txt"].startswith("empty file")
    assert reasons["c_binary.txt"].startswith("binary file")
    assert reasons["missing.txt"] == "no such file or folder"
    assert all(e.stage == "read" for e in _errors(items))


def test_folder_is_recursive_sorted_and_skips_docs_and_hidden(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".cache").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".cache" / "c.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "README.txt").write_text("How this folder was made.\n", encoding="utf-8")
    (tmp_path / "SOURCES.md").write_text("# Sources\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("Not an article.\n", encoding="utf-8")
    assert [r.id for r in _raw(list(iter_raw([tmp_path])))] == ["a", "b"]
    only_md = _raw(list(iter_raw([tmp_path], include=["*.md"])))
    assert [r.id for r in only_md] == ["notes"]


def test_a_file_named_on_its_own_is_read_whatever_its_suffix(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(ARTICLE, encoding="utf-8")
    assert [r.id for r in _raw(list(iter_raw([path])))] == ["story"]


def test_jsonl_bad_lines_are_errors_naming_file_and_line(tmp_path: Path) -> None:
    rows = [
        json.dumps(
            {
                "id": "n1",
                "text": ARTICLE,
                "title": "Ghana and Vietnam agree rice deal",
                "published": "2022-11-08T10:00:00Z",
                "url": "https://example.org/rice",
                "outlet": "Accra Ledger",
            }
        ),
        "{not json",
        json.dumps({"id": "n3", "title": "no text"}),
        "",
        json.dumps(["a", "list"]),
        json.dumps({"text": "Nigeria and Niger reopened their border on Friday, officials said."}),
        json.dumps(
            {"id": "n7", "text": "Mali and Guinea agreed a rail link.", "published": "soon"}
        ),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    items = list(iter_raw([path]))
    good = _raw(items)
    assert [r.id for r in good] == ["n1", "feed-6", "n7"]
    first = good[0]
    assert (first.title, first.published, first.outlet) == (
        "Ghana and Vietnam agree rice deal",
        "2022-11-08",
        "Accra Ledger",
    )
    assert first.source.url == "https://example.org/rice"
    assert first.source.format == "jsonl"
    assert good[2].published is None and good[2].warnings
    errors = {e.path: e.reason for e in _errors(items)}
    assert set(errors) == {f"{path}:2", f"{path}:3", f"{path}:5"}
    assert "not valid JSON" in errors[f"{path}:2"]
    assert "'text'" in errors[f"{path}:3"]
    assert "JSON object" in errors[f"{path}:5"]


PAGE = """<!doctype html><html><head>
<title>Kenya and Ghana sign port deal | Coastal Herald</title>
<meta property="og:site_name" content="Coastal Herald">
<meta property="og:title" content="Kenya and Ghana sign port deal">
<meta property="article:published_time" content="2021-06-14T09:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Kenya and Ghana sign port deal</h1>
<p>Kenya and Ghana signed an agreement on Monday to share expertise in running container
ports, the two transport ministries said in a joint statement.</p>
<p>The deal covers training for harbour pilots and a joint study of customs software,
officials in Nairobi said after a two-day meeting.</p>
<p>Ghana's minister said the partnership would cut waiting times for ships at Tema within
two years, according to the statement.</p>
</article>
<footer>Copyright 2021 Coastal Herald. All rights reserved.</footer>
</body></html>
"""


def test_html_page_gives_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "port.html"
    path.write_text(PAGE, encoding="utf-8")
    [raw] = _raw(list(iter_raw([path])))
    assert raw.text.startswith("Kenya and Ghana sign port deal\n")
    assert "joint study of customs software" in raw.text
    assert "Home" not in raw.text and "All rights reserved" not in raw.text
    assert raw.title == "Kenya and Ghana sign port deal"
    assert raw.published == "2021-06-14"
    assert raw.outlet == "Coastal Herald"
    assert raw.source.format == "html"


def test_html_without_article_text_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text(
        "<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>",
        encoding="utf-8",
    )
    [error] = _errors(list(iter_raw([path])))
    assert "no article text" in error.reason


def test_stdin_text_and_html() -> None:
    raw = read_stdin(io.BytesIO(ARTICLE.encode("utf-8")))
    assert raw.text == ARTICLE and raw.source.format == "stdin"
    page = read_stdin(io.BytesIO(PAGE.encode("utf-8")))
    assert page.source.format == "html" and page.outlet == "Coastal Herald"
    with pytest.raises(ReadError, match="empty"):
        read_stdin(io.BytesIO(b"\n\n"))
