"""evaluate end to end with the real pipeline on our own texts (and on ../shared)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from accord.cli.app import app
from accord.evaluate import evaluate, metric_names

DATA = Path(__file__).parent / "data"


def test_scores_every_text_with_gold_through_the_pipeline() -> None:
    report = evaluate(DATA / "corpus", DATA / "gold")
    assert report.problems == ()
    assert report.texts_without_gold == 1
    assert sorted(d.id for d in report.summary.documents) == [
        "ghana-norway-fisheries",
        "kenya-korea-ict",
        "mali-turkey-drones",
    ]
    assert all(d.error is None for d in report.summary.documents)
    metrics = report.summary.metrics()
    assert list(metrics) == metric_names()
    assert all(v is None or 0.0 <= v <= 1.0 for v in metrics.values())


def test_eval_runs_on_the_public_gold(shared: Path) -> None:
    result = CliRunner().invoke(
        app, ["eval", str(shared / "corpus"), str(shared / "gold"), "--json"]
    )
    assert result.exit_code == 0, result.output
    assert '"documents_scored": 10' in result.stdout
