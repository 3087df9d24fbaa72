"""Feed reader on RSS 2.0 and Atom files we write: entries, dates, HTML, bad feeds, folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.read import iter_feed, iter_raw
from accord.read.feed import feed_root
from accord.schema import DocumentError, RawDocument

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Harbour Times - World</title>
  <link>https://harbour.example/</link>
  <item>
    <title>Chile and Korea extend lithium &amp; copper pact</title>
    <link>https://harbour.example/news/chile-korea</link>
    <guid isPermaLink="false">ht-2025-0107-01</guid>
    <pubDate>Tue, 07 Jan 2025 01:30:00 +0300</pubDate>
    <description>&lt;p&gt;A short teaser.&lt;/p&gt;</description>
    <content:encoded><![CDATA[
      <p>Chile and South Korea agreed on Monday to extend their lithium supply pact by
      ten years, the mining ministry in Santiago said.</p>
      <div class="ad">Advertisement</div>
      <p>Korean battery makers will invest $1.2 billion in a refinery in Antofagasta,
      the ministry said in a statement.</p>
    ]]></content:encoded>
  </item>
  <item>
    <title>Peru signs fisheries accord with Ecuador</title>
    <link>https://harbour.example/news/peru-ecuador</link>
    <pubDate>Wed, 08 Jan 2025 17:00:00 GMT</pubDate>
    <description>&lt;p&gt;Peru and Ecuador signed an accord on joint patrols against illegal
    fishing in the Pacific, officials in Lima said on Wednesday.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Photo gallery</title>
    <link>https://harbour.example/photos/1</link>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<!-- exported by our CMS -->
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Sahel Wire</title>
  <id>tag:sahel.example,2025:feed</id>
  <updated>2025-02-04T08:00:00Z</updated>
  <entry>
    <title type="html">Niger and &lt;em&gt;Chad&lt;/em&gt; open border post</title>
    <id>tag:sahel.example,2025:0203-1</id>
    <link rel="alternate" href="https://sahel.example/niger-chad"/>
    <published>2025-02-03T23:30:00-05:00</published>
    <updated>2025-02-04T10:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">
      <p>Niger and Chad reopened a border post at Nguigmi on Monday after two years,
      the interior ministry in Niamey said.</p></div></content>
  </entry>
  <entry>
    <title>Mali grain convoy reaches Gao</title>
    <id>tag:sahel.example,2025:0204-2</id>
    <updated>2025-02-04T07:00:00Z</updated>
    <summary type="text">A convoy of 40 trucks carrying grain from Senegal reached Gao on
    Tuesday, the World Food Programme said.</summary>
  </entry>
</feed>
"""


def split(
    items: list[RawDocument | DocumentError],
) -> tuple[list[RawDocument], list[DocumentError]]:
    docs = [i for i in items if isinstance(i, RawDocument)]
    return docs, [i for i in items if isinstance(i, DocumentError)]


def test_rss_items_become_documents_with_their_metadata(tmp_path: Path) -> None:
    path = tmp_path / "world.rss"
    path.write_text(RSS, encoding="utf-8")
    docs, errors = split(list(iter_feed(path)))
    chile, peru = docs
    assert chile.id == "ht-2025-0107-01"
    assert chile.title == "Chile and Korea extend lithium & copper pact"
    assert chile.source.url == "https://harbour.example/news/chile-korea"
    assert chile.source.format == "feed"
    assert chile.source.path == f"{path}#1"
    # The date the feed wrote (local), not the UTC day before.
    assert chile.published == "2025-01-07"
    # Full content wins over the teaser; the title heads the text.
    assert chile.text.startswith("Chile and Korea extend lithium & copper pact\n\n")
    assert "invest $1.2 billion in a refinery" in chile.text
    assert "teaser" not in chile.text and "<p>" not in chile.text
    # No full content: the summary is the text; no guid: the file stem and number.
    assert peru.id == "world-2"
    assert peru.published == "2025-01-08"
    assert "joint patrols against illegal" in peru.text
    # An item with nothing to read is one error naming the entry.
    assert [(e.path, e.reason) for e in errors] == [
        (f"{path}#3", "feed entry has no content or summary text")
    ]


def test_atom_entries_become_documents(tmp_path: Path) -> None:
    path = tmp_path / "sahel.atom"
    path.write_text(ATOM, encoding="utf-8")
    docs, errors = split(list(iter_feed(path)))
    assert errors == []
    niger, mali = docs
    assert niger.title == "Niger and Chad open border post"
    assert niger.id == "tag:sahel.example,2025:0203-1"
    assert niger.source.url == "https://sahel.example/niger-chad"
    assert niger.published == "2025-02-03"  # published wins over updated
    assert "reopened a border post at Nguigmi" in niger.text
    assert mali.published == "2025-02-04"  # only updated
    assert mali.text.startswith("Mali grain convoy reaches Gao\n\nA convoy of 40 trucks")
    assert mali.source.url is None


def test_external_entities_are_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    feed = RSS.replace(
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE rss [<!ENTITY s SYSTEM "file://{secret}">]>',
    ).replace("ten years,", "ten years &s;,")
    path = tmp_path / "evil.xml"
    path.write_text(feed, encoding="utf-8")
    docs, _ = split(list(iter_feed(path)))
    assert docs
    assert all("TOP-SECRET-VALUE" not in d.text for d in docs)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>', "root element <urlset>"),
        ("just some words, no markup at all", "no XML root element"),
        ("<rss version='2.0'><channel><title>Empty</title></channel></rss>", "feed has no entries"),
    ],
    ids=["sitemap", "not-xml", "empty-feed"],
)
def test_a_file_that_is_no_usable_feed_is_one_error(
    tmp_path: Path, content: str, reason: str
) -> None:
    path = tmp_path / "thing.xml"
    path.write_text(content, encoding="utf-8")
    (error,) = list(iter_feed(path))
    assert isinstance(error, DocumentError)
    assert error.path == str(path)
    assert reason in error.reason


def test_an_ill_formed_feed_is_read_leniently_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text(RSS.replace("</channel>\n</rss>", ""), encoding="utf-8")
    docs, _ = split(list(iter_feed(path)))
    assert [d.id for d in docs] == ["ht-2025-0107-01", "broken-2"]
    assert all("not well-formed" in d.warnings[0] for d in docs)


@pytest.mark.parametrize(
    ("head", "root"),
    [
        (b'<?xml version="1.0"?>\n<rss version="2.0">', "rss"),
        (b'\xef\xbb\xbf<?xml version="1.0"?><!-- c --><feed xmlns="urn:x">', "feed"),
        (b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "b">]><rss>', "rss"),
        (b"<atom:feed xmlns:atom='http://www.w3.org/2005/Atom'>", "feed"),
        ('<?xml version="1.0" encoding="utf-16"?><rss>'.encode("utf-16"), "rss"),
        (b"<html><body>a page</body></html>", "html"),
        (b"plain words", None),
    ],
)
def test_feed_root_names_the_root_element(head: bytes, root: str | None) -> None:
    assert feed_root(head) == root


def test_folder_walk_picks_up_feeds_and_skips_other_xml(tmp_path: Path) -> None:
    (tmp_path / "a.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "b.xml").write_text(ATOM, encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text(
        "<?xml version='1.0'?><urlset></urlset>", encoding="utf-8"
    )
    items = list(iter_raw([tmp_path]))
    docs, errors = split(items)
    assert [d.source.path for d in docs] == [
        f"{tmp_path / 'a.rss'}#1",
        f"{tmp_path / 'a.rss'}#2",
        f"{tmp_path / 'b.xml'}#1",
        f"{tmp_path / 'b.xml'}#2",
    ]
    assert [e.path for e in errors] == [f"{tmp_path / 'a.rss'}#3"]
    # Named on its own, a non-feed .xml is an error, not silence.
    (error,) = list(iter_raw([tmp_path / "sitemap.xml"]))
    assert isinstance(error, DocumentError) and "not an RSS or Atom feed" in error.reason
