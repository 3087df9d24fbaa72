"""Folders -> the article files in them, recursively, in a stable order."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from fnmatch import fnmatch
from pathlib import Path

from accord.read.feed import is_feed_file

DEFAULT_INCLUDE: tuple[str, ...] = (
    "*.txt",
    "*.html",
    "*.htm",
    "*.jsonl",
    "*.warc",
    "*.warc.gz",
    "*.rss",
    "*.atom",
    "*.xml",
)
# Documentation that sits beside corpora; never an article.
_NOT_ARTICLES = {
    "readme",
    "sources",
    "license",
    "licence",
    "changelog",
    "notice",
    "copying",
    "authors",
    "contributing",
    "manifest",
}


def is_article_name(path: Path, include: Sequence[str]) -> bool:
    """Whether a file in a folder is an article file we should read."""
    if path.stem.lower() in _NOT_ARTICLES:
        return False
    return any(fnmatch(path.name.lower(), pattern.lower()) for pattern in include)


def iter_folder(root: Path, include: Sequence[str] | None = None) -> Iterator[Path]:
    """Article files under ``root``: no hidden files or folders, sorted by path.

    An .xml file counts only when it is an RSS or Atom feed: folders of articles often
    hold other XML (sitemaps, metadata) that is not news.
    """
    patterns = tuple(include) if include else DEFAULT_INCLUDE
    found = (
        p
        for p in root.rglob("*")
        if p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
        and is_article_name(p, patterns)
        and (p.suffix.lower() != ".xml" or is_feed_file(p))
    )
    yield from sorted(found)
