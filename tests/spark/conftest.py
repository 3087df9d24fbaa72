"""Spark fixtures: one local[2] SparkSession for the whole test session (a JVM start is
the dearest thing here), bound to 127.0.0.1 with a small heap, and a mixed input folder."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from spark_helpers import SPARK_TEST_CONF

from pg_schema import fresh_schema

REPO = Path(__file__).resolve().parents[2]
BULK = REPO.parent / "shared" / "corpus" / "bulk" / "news.jsonl"


@pytest.fixture(scope="session")
def spark(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if shutil.which("java") is None:
        pytest.skip("no Java runtime (.ci/run installs openjdk-17-jre-headless)")
    pytest.importorskip("pyspark")
    from accord.pipeline.spark import build_session

    local_dir = tmp_path_factory.mktemp("spark-local")
    conf = {**SPARK_TEST_CONF, "spark.local.dir": str(local_dir)}
    session = build_session("local[2]", conf, app_name="accord-tests")
    session.sparkContext.setLogLevel("ERROR")
    try:
        yield session
    finally:
        session.stop()


INVENTED = {
    "drafts/zambia-korea-mining.txt": (
        "Zambia and South Korea sign mining pact\n\n"
        "LUSAKA, April 9 - Zambia and South Korea on Tuesday signed an agreement to develop "
        "copper and cobalt deposits in the Copperbelt, Zambia's Minister of Mines Paul "
        "Kabwe said.\n\n"
        "South Korea will provide a $300 million loan to Zambia for processing plants, "
        "the Korea Eximbank said in a statement.\n\n"
        "\u201cThis partnership will bring jobs to our mining towns,\u201d Kabwe told "
        "reporters in Lusaka.\n"
    ),
    "drafts/empty.txt": "",
    "drafts/.hidden-note.txt": "Not an article: hidden files are skipped.\n",
    "drafts/NOTICE.txt": "Not an article either: notice files are skipped.\n",
}
BAD_LINES = (
    '{"id": "broken-line", "text": "unterminated\n',
    '{"id": "no-text", "title": "A line without text"}\n',
)


@pytest.fixture(scope="session")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of text, HTML and JSON Lines articles (accord's own invented examples,
    a few invented here, four lines of the bulk news corpus) and some bad files."""
    root = tmp_path_factory.mktemp("spark-inputs") / "articles"
    shutil.copytree(REPO / "examples", root)
    for name, body in INVENTED.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    lines: list[str] = []
    if BULK.is_file():
        with BULK.open(encoding="utf-8") as handle:
            lines = [next(handle) for _ in range(4)]
    extra = {
        "id": "invented-chile-peru-water",
        "published": "2024-05-20",
        "title": "Chile and Peru to share water data",
        "text": "Chile and Peru to share water data\n\nSANTIAGO, May 20 - Chile and Peru "
        "agreed on Monday to share river monitoring data, Chile's foreign ministry said.",
    }
    lines.append(json.dumps(extra) + "\n")
    (root / "mixed.jsonl").write_text("".join([*lines, *BAD_LINES]), encoding="utf-8")
    return root


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh schema, dropped afterwards."""
    with fresh_schema("accord_test") as url:
        yield url
