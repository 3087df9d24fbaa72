"""One ingest path: the CLI's settings reach the pipeline, and the CLI and the API store
the same text the same way."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from accord.cli.app import app
from accord.cli.ingest_cmd import count_documents
from accord.pipeline import Processed, ingest, process_raw
from accord.serve.app import create_app
from accord.settings import Settings
from accord.store import open_store

SHORT = "Ghana and Togo held talks in Accra on Monday about a new border post.\n"
LONG = "Kenya and Uganda agreed to extend the oil pipeline to Kampala. " * 40


def test_accord_ingest_takes_max_chars_from_the_environment(tmp_path: Path) -> None:
    (tmp_path / "short.txt").write_text(SHORT, encoding="utf-8")
    (tmp_path / "long.txt").write_text(LONG, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'a.db'}"
    env = {"ACCORD_MAX_CHARS": "1000", "ACCORD_WORKERS": "1"}
    result = CliRunner().invoke(app, ["ingest", str(tmp_path), "--db", db], env=env)
    assert result.exit_code == 1, result.output
    assert "long.txt: text too long: 2,520 characters (limit 1,000" in result.output
    with open_store(db) as store:
        assert [r.id for r in store.iter_records()] == ["short"]


def test_the_same_text_through_the_cli_then_the_api_is_unchanged(tmp_path: Path) -> None:
    (tmp_path / "talks.txt").write_text(SHORT, encoding="utf-8")
    settings = replace(Settings(), db=f"sqlite:///{tmp_path / 'a.db'}", workers=1)
    with open_store(settings.db) as store:
        report = ingest([tmp_path], store, settings)
        assert report.counts["added"] == 1
        token = "a-token-for-this-test"
        client = TestClient(create_app(store, replace(settings, api_token=token), process_raw))
        answer = client.post(
            "/api/documents",
            json={"text": SHORT, "id": "talks"},
            headers={"Authorization": f"Bearer {token}"},
        )
    assert answer.status_code == 200, answer.text
    assert answer.json()["outcome"] == "unchanged"


def test_ingest_reports_each_outcome_and_keeps_the_document_with_its_record(
    tmp_path: Path,
) -> None:
    (tmp_path / "talks.txt").write_text(SHORT, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    settings = replace(Settings(), workers=1)
    seen: list[tuple[object, str]] = []
    with open_store(f"sqlite:///{tmp_path / 'a.db'}") as store:
        report = ingest([tmp_path], store, settings, on_result=lambda r, o: seen.append((r, o)))
        again = ingest([tmp_path / "talks.txt"], store, settings)
        assert store.get_raw("talks") == SHORT
    assert (report.counts["added"], report.counts["failed"]) == (1, 1)
    assert [f.path.rsplit("/", 1)[-1] for f in report.failures] == ["empty.txt"]
    processed = [r for r, _ in seen if isinstance(r, Processed)]
    assert [p.document.raw for p in processed] == [SHORT]
    assert again.counts["unchanged"] == 1


def test_the_progress_bar_counts_documents_it_can_count_cheaply(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SHORT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SHORT, encoding="utf-8")
    (tmp_path / "wire.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n{"text": "z"}\n')
    assert count_documents([tmp_path]) == 5
    (tmp_path / "crawl.warc.gz").write_bytes(b"")
    assert count_documents([tmp_path]) is None  # a WARC's documents are unknown: no ETA
