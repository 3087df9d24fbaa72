"""`accord ingest`, `accord show` and `accord stats` as a user runs them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.cli.app import app
from accord.schema import to_dict
from accord.store import open_store

GOOD = {
    "ghana-germany-solar.txt": (
        "Ghana and Germany opened a 50-megawatt solar park near Tamale on Friday.\n\n"
        "The German development bank KfW provided a loan of 40 million euros for the "
        "project, which will supply power to about 60,000 homes, Ghana's energy ministry "
        "said in a statement.\n"
    ),
    "vietnam-japan-rail.txt": (
        "Vietnam and Japan signed an agreement in Hanoi on Monday to upgrade the railway "
        "between Hanoi and Ho Chi Minh City.\n\n"
        "Japan's foreign ministry said the work would begin next year and take five years.\n"
    ),
}
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """Two good articles we wrote and three files no reader can take."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "scan.txt").write_bytes(PNG + bytes(range(256)) * 4)  # an image, misnamed
    (folder / "empty.txt").write_bytes(b"")
    # A corrupted block (every non-ASCII byte value): invalid UTF-8, and no codec fits.
    (folder / "broken.txt").write_bytes(
        b"Kenya and Uganda agreed to extend the pipeline to Kampala.\n\n"
        b"The ministers met in Entebbe. "
        + bytes(range(128, 256)) * 2
        + b" The work starts next year."
    )
    return folder


BAD = {"scan.txt", "empty.txt", "broken.txt"}


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def test_ingest_stores_the_good_and_reports_each_bad_file(articles: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'accord.db'}"
    code, out = _run("ingest", str(articles), "--db", db)
    assert code == 1, out
    for name in BAD:
        assert str(articles / name) in out
    assert re.search(r"added\s*│\s*2", out), out
    assert re.search(r"failed\s*│\s*3", out), out
    with open_store(db) as store:
        assert {r.id for r in store.iter_records()} == {Path(n).stem for n in GOOD}
        errors = store.errors()
        assert {Path(e.path).name for e in errors} == BAD
        assert all(re.search(r"[A-Za-z]{3,}", e.reason) for e in errors)
        rows = store.count_rows()
        raw = store.get_raw("ghana-germany-solar")
        assert raw is not None and "Tamale" in raw

    code, out = _run("ingest", str(articles), "--db", db)
    assert code == 1
    assert re.search(r"unchanged\s*│\s*2", out), out
    with open_store(db) as store:
        assert store.count_rows() == rows


def test_ingest_of_good_files_only_exits_zero(articles: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'accord.db'}"
    files = [str(articles / name) for name in GOOD]
    code, out = _run("ingest", *files, "--db", db)
    assert code == 0, out
    assert re.search(r"added\s*│\s*2", out), out


def test_db_comes_from_the_environment(
    articles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "from-env.db"
    monkeypatch.setenv("ACCORD_DB", f"sqlite:///{path}")
    code, _ = _run("ingest", str(articles / "vietnam-japan-rail.txt"))
    assert code == 0
    assert path.is_file()
    code, out = _run("stats")
    assert code == 0
    assert re.search(r"documents\s*│\s*1", out), out


def test_show_prints_the_stored_record(articles: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'accord.db'}"
    _run("ingest", str(articles / "ghana-germany-solar.txt"), "--db", db)
    code, out = _run("show", "ghana-germany-solar", "--db", db, "--json")
    assert code == 0, out
    with open_store(db) as store:
        record = store.get("ghana-germany-solar")
    assert record is not None
    assert json.loads(out) == to_dict(record)
    code, out = _run("show", "ghana-germany-solar", "--db", db)
    assert code == 0
    assert "ghana-germany-solar" in out
    assert "content hash" in out


def test_show_of_an_unknown_id_fails(articles: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'accord.db'}"
    _run("ingest", str(articles / "ghana-germany-solar.txt"), "--db", db)
    code, out = _run("show", "no-such-article", "--db", db)
    assert code == 1
    assert "no-such-article" in out


def test_stats_lists_every_table(articles: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'accord.db'}"
    _run("ingest", str(articles), "--db", db)
    code, out = _run("stats", "--db", db)
    assert code == 0, out
    for table in ("documents", "actors", "events", "mentions", "errors"):
        assert table in out
    assert re.search(r"documents\s*│\s*2", out), out
    assert re.search(r"errors\s*│\s*3", out), out


def test_stats_without_a_store_says_so(tmp_path: Path) -> None:
    code, out = _run("stats", "--db", f"sqlite:///{tmp_path / 'none.db'}")
    assert code == 2
    assert "no store" in out
    assert not (tmp_path / "none.db").exists()
