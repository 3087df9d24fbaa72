"""read: sources (text, folder, JSONL, HTML, WARC, RSS/Atom feeds, stdin) -> RawDocument."""

from accord.read.feed import iter_feed
from accord.read.html import read_html_file, read_html_text
from accord.read.jsonl import iter_jsonl
from accord.read.sources import iter_raw, read_file
from accord.read.stdin import read_stdin
from accord.read.text import read_text_file
from accord.read.warc import iter_warc

__all__ = [
    "iter_feed",
    "iter_jsonl",
    "iter_raw",
    "iter_warc",
    "read_file",
    "read_html_file",
    "read_html_text",
    "read_stdin",
    "read_text_file",
]
