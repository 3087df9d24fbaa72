"""Reading survives broken bytes, deep markup and bad JSON Lines with one clear message."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.errors import ReadError
from accord.read.decode import decode_bytes
from accord.read.html import read_html_text
from accord.read.jsonl import parse_jsonl_line
from accord.schema import Source

ARTICLE = (
    "Kenya and Uganda agreed on Monday to extend the oil pipeline to Kampala, the "
    "ministers said after talks in Entebbe. The work starts next year. "
)


def test_one_bad_byte_in_a_utf8_file_with_accents_keeps_the_article() -> None:
    data = ("Café talks in Yaoundé. " + ARTICLE).encode() + b"\xff" + ARTICLE.encode()
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8"
    assert "Café talks in Yaoundé" in decoded.text and "\ufffd" in decoded.text
    assert any("invalid UTF-8" in w for w in decoded.warnings)


def test_an_ascii_file_with_a_few_bad_bytes_is_not_read_as_another_codec() -> None:
    data = (ARTICLE * 4).encode().replace(b"Monday", b"Mon\x9dday", 1) + b" \xfe\xff end."
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8"  # was cp1250: 'Monťday', '˙ţ'
    assert "Mon\ufffdday" in decoded.text
    assert decoded.text.count("\ufffd") == 3


def test_a_legacy_encoded_text_is_still_detected() -> None:
    polish = "Zażółć gęślą jaźń, powiedział minister w Warszawie. " * 6
    decoded = decode_bytes(polish.encode("cp1250"))
    assert decoded.encoding != "utf-8" and "Zażółć gęślą jaźń" in decoded.text


def test_mostly_invalid_bytes_are_still_refused() -> None:
    with pytest.raises(ReadError):
        decode_bytes(ARTICLE.encode() + bytes(range(128, 256)) * 2)


@pytest.mark.parametrize(("depth", "tag"), [(300, "div"), (10_000, "div"), (2_000, "span")])
def test_html_nested_deeper_than_libxml2_reads_keeps_its_text(depth: int, tag: str) -> None:
    html = (
        "<html><head><title>Pipeline deal</title></head><body>"
        + f'<{tag} class="w">' * depth
        + f"<p>{ARTICLE}</p>"
        + f"</{tag}>" * depth
        + "</body></html>"
    )
    raw = read_html_text(html, Source(format="html"))
    assert "Kenya and Uganda agreed on Monday" in raw.text


def test_json_lines_error_reads_once_at_column() -> None:
    with pytest.raises(ReadError) as err:
        parse_jsonl_line('{"text": "a\tb"}', "x.jsonl:1", "x-1")
    assert str(err.value) == "not valid JSON (Invalid control character at column 12)"


def test_html_file_read_from_disk(tmp_path: Path) -> None:
    from accord.read.html import read_html_file

    page = tmp_path / "deep.html"
    page.write_text("<html><body>" + "<div>" * 500 + f"<p>{ARTICLE}</p>" + "</div>" * 500)
    assert "Entebbe" in read_html_file(page).text
