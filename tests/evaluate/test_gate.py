"""The gate: floors hold or break, raising is free, lowering needs a logged reason."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from accord.cli.app import app
from accord.evaluate import FloorError, check, load_floors, raise_floors, set_floors
from accord.evaluate.floors import save_floors

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).resolve().parents[2]
runner = CliRunner()


def _floors(tmp_path: Path, floors: dict[str, float]) -> Path:
    path = tmp_path / "floors.json"
    save_floors(path, floors)
    return path


def test_committed_floors_file_is_valid_and_pins_the_foundation_floors() -> None:
    floors = load_floors(REPO / "eval" / "floors.json")
    assert floors["boilerplate_removed"] >= 0.95
    assert floors["body_kept"] >= 0.98
    assert floors["actors_f1"] >= 0.90
    assert floors["attributed_sources_f1"] >= 0.85
    assert floors["outlet_accuracy"] >= 0.8


@pytest.mark.parametrize(
    ("value", "ok"), [(0.95, True), (0.96, True), (0.9499, False), (None, False)]
)
def test_a_floor_holds_only_for_a_score_at_or_above_it(value: float | None, ok: bool) -> None:
    (result,) = check({"actors_f1": value}, {"actors_f1": 0.95})
    assert result.ok is ok


def test_unknown_metric_in_floors_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "floors.json"
    path.write_text(json.dumps({"floors": {"actor_f1": 0.9}}), encoding="utf-8")
    with pytest.raises(FloorError, match="unknown metric 'actor_f1'"):
        load_floors(path)


def test_raise_floors_lifts_only_floors_below_the_score(tmp_path: Path) -> None:
    path = _floors(tmp_path, {"actors_f1": 0.5, "body_kept": 0.98, "persons_f1": 0.3})
    changes = raise_floors(path, {"actors_f1": 0.73456, "body_kept": 0.9, "persons_f1": None})
    assert [(c.metric, c.old, c.new) for c in changes] == [("actors_f1", 0.5, 0.7345)]
    assert load_floors(path) == {"actors_f1": 0.7345, "body_kept": 0.98, "persons_f1": 0.3}


def test_set_floors_raises_and_adds_freely(tmp_path: Path) -> None:
    path = _floors(tmp_path, {"actors_f1": 0.9})
    log = tmp_path / "CHANGELOG.md"
    set_floors(path, {"actors_f1": 0.95, "persons_f1": 0.6}, changelog=log)
    assert load_floors(path) == {"actors_f1": 0.95, "persons_f1": 0.6}
    assert not log.exists()


def test_lowering_a_floor_without_a_reason_is_refused_and_writes_nothing(tmp_path: Path) -> None:
    path = _floors(tmp_path, {"actors_f1": 0.9, "body_kept": 0.98})
    log = tmp_path / "CHANGELOG.md"
    with pytest.raises(FloorError, match="refusing to lower floors"):
        set_floors(path, {"actors_f1": 0.8, "body_kept": 0.99}, changelog=log)
    assert load_floors(path) == {"actors_f1": 0.9, "body_kept": 0.98}
    assert not log.exists()


def test_lowering_with_a_reason_logs_a_dated_line(tmp_path: Path) -> None:
    path = _floors(tmp_path, {"actors_f1": 0.9})
    log = tmp_path / "CHANGELOG.md"
    log.write_text("# Changelog\n\n## Floor changes\n", encoding="utf-8")
    set_floors(
        path,
        {"actors_f1": 0.85},
        allow_lower="gold adds regions the gazetteer lacks",
        changelog=log,
        today=date(2024, 5, 2),
    )
    assert load_floors(path) == {"actors_f1": 0.85}
    assert log.read_text(encoding="utf-8").endswith(
        "## Floor changes\n- 2024-05-02: lowered eval floor `actors_f1` from 0.9 to 0.85: "
        "gold adds regions the gazetteer lacks\n"
    )


# The CLI, with the stand-in pipeline (tests/evaluate/conftest.py) so the scores are known:
# actors_f1 = 2/3, body_kept = 3/4, persons_f1 = 6/7.


def _eval(tmp_path: Path, floors: dict[str, float], *extra: str) -> Any:
    path = _floors(tmp_path, floors)
    args = ["eval", str(DATA / "corpus"), str(DATA / "gold"), "--floors", str(path), *extra]
    return runner.invoke(app, args)


def test_gate_fails_when_a_floor_is_broken(tmp_path: Path, fake_pipeline: Any) -> None:
    result = _eval(tmp_path, {"actors_f1": 0.9, "body_kept": 0.5}, "--gate")
    assert result.exit_code == 1
    assert "gate FAILED: actors_f1 0.667 < 0.9" in result.output
    assert "body_kept" not in result.output.split("gate FAILED")[1]


def test_gate_passes_when_every_floor_holds(tmp_path: Path, fake_pipeline: Any) -> None:
    result = _eval(tmp_path, {"actors_f1": 0.6, "body_kept": 0.75}, "--gate")
    assert result.exit_code == 0, result.output
    assert "gate passed (2 floors)" in result.output


def test_gate_fails_on_a_metric_that_is_not_available(tmp_path: Path, fake_pipeline: Any) -> None:
    # kenya-korea-ict has no quotes, so quote speaker accuracy has nothing to judge
    corpus = tmp_path / "corpus"
    gold = tmp_path / "gold"
    corpus.mkdir()
    gold.mkdir()
    name = "kenya-korea-ict"
    (corpus / f"{name}.txt").write_bytes((DATA / "corpus/blog" / f"{name}.txt").read_bytes())
    (gold / f"{name}.json").write_bytes((DATA / "gold/blog" / f"{name}.json").read_bytes())
    floors = _floors(tmp_path, {"quote_speaker_accuracy": 0.1})
    args = ["eval", str(corpus), str(gold), "--floors", str(floors), "--gate"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert "quote_speaker_accuracy n/a < 0.1" in result.output


def test_without_gate_a_broken_floor_is_shown_but_exit_code_is_zero(
    tmp_path: Path, fake_pipeline: Any
) -> None:
    result = _eval(tmp_path, {"actors_f1": 0.9}, "--per-doc")
    assert result.exit_code == 0
    assert "FAIL" in result.output
    assert "kenya-korea-ict" in result.output  # the per-document table


def test_json_output_is_machine_readable(tmp_path: Path, fake_pipeline: Any) -> None:
    result = _eval(tmp_path, {"actors_f1": 0.9}, "--json", "--gate")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["documents_scored"] == 3
    assert data["texts_without_gold"] == 1
    assert data["metrics"]["actors_f1"] == pytest.approx(2 / 3)
    assert data["counts"]["actors"] == {"tp": 4, "fp": 1, "fn": 3}
    assert data["gate"]["ok"] is False
    assert data["gate"]["checks"][0]["metric"] == "actors_f1"
    docs = {d["id"]: d for d in data["per_document"]}
    assert docs["mali-turkey-drones"]["error"] == "extract: boom"


def test_a_gold_file_without_text_is_reported_and_fails_the_gate(
    tmp_path: Path, fake_pipeline: Any
) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    for rel in ("blog/kenya-korea-ict.json", "wire/ghana-norway-fisheries.json"):
        (gold / Path(rel).name).write_bytes((DATA / "gold" / rel).read_bytes())
    (gold / "no-such-text.json").write_bytes((DATA / "gold/blog/kenya-korea-ict.json").read_bytes())
    (gold / "broken.json").write_text("{", encoding="utf-8")
    floors = _floors(tmp_path, {"body_kept": 0.5})
    args = ["eval", str(DATA / "corpus"), str(gold), "--floors", str(floors)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0  # reported, not fatal
    assert "no text no-such-text.txt" in result.output
    assert "2 document(s) scored" in result.output
    assert runner.invoke(app, [*args, "--gate"]).exit_code == 1


def test_raise_floors_option(tmp_path: Path, fake_pipeline: Any) -> None:
    result = _eval(tmp_path, {"actors_f1": 0.1, "body_kept": 0.9}, "--raise-floors")
    assert result.exit_code == 0
    assert load_floors(tmp_path / "floors.json") == {"actors_f1": 0.6666, "body_kept": 0.9}


def test_floors_set_command_refuses_to_lower_without_flag(tmp_path: Path) -> None:
    path = _floors(tmp_path, {"actors_f1": 0.9})
    log = tmp_path / "CHANGELOG.md"
    base = ["floors", "set", "actors_f1=0.8", "--floors", str(path), "--changelog", str(log)]
    refused = runner.invoke(app, base)
    assert refused.exit_code == 1
    assert "--allow-lower" in refused.output
    assert load_floors(path) == {"actors_f1": 0.9}
    allowed = runner.invoke(app, [*base, "--allow-lower", "new gold file is harder"])
    assert allowed.exit_code == 0, allowed.output
    assert load_floors(path) == {"actors_f1": 0.8}
    assert "from 0.9 to 0.8: new gold file is harder" in log.read_text(encoding="utf-8")


def test_floors_show(tmp_path: Path) -> None:
    path = _floors(tmp_path, {"actors_f1": 0.9})
    result = runner.invoke(app, ["floors", "show", "--floors", str(path)])
    assert result.output == "actors_f1\t0.9\n"
