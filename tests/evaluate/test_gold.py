"""Gold files: validation with clear errors, and pairing with texts by stem."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from accord.errors import GoldError
from accord.evaluate import load_gold, pair_files

DATA = Path(__file__).parent / "data"
GOOD = DATA / "gold" / "wire" / "ghana-norway-fisheries.json"


def _good() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(GOOD.read_text(encoding="utf-8"))
    return data


def test_loads_a_gold_file_with_stem_as_id() -> None:
    gold = load_gold(GOOD)
    assert gold.id == "ghana-norway-fisheries"
    assert gold.published == "2024-03-12"
    assert gold.amounts[1].from_ == "NOR"
    assert gold.amounts[1].period == ("2024-01", "2024-12")
    assert gold.relations[1].actors == ("GHA", "IGO:EU")
    assert gold.persons[1].name == "Erik K. Lunde"


def _broken(change: Any) -> dict[str, Any]:
    data = _good()
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (lambda d: d.pop("events"), "'events' is a required property"),
        (lambda d: d["actors"].append("Ghana"), "$.actors[3]"),
        (lambda d: d.update(published="12 March 2024"), "$.published"),
        (lambda d: d["amounts"][0].update(kind="grant"), "$.amounts[0].kind"),
        (lambda d: d["amounts"][0].update(value="12.5m"), "$.amounts[0].value"),
        (lambda d: d["amounts"][1].update(period=["2024-01"]), "$.amounts[1].period"),
        (lambda d: d["events"][0].update(type="MEET"), "$.events[0].type"),
        (lambda d: d["events"][0].update(status="done"), "$.events[0].status"),
        (lambda d: d["relations"][0].update(sectors=["fishing"]), "$.relations[0].sectors[0]"),
        (lambda d: d["persons"][0].pop("name"), "$.persons[0]"),
        (lambda d: d["quotes"][0].update(starts=""), "$.quotes[0].starts"),
    ],
)
def test_malformed_gold_names_file_and_problem(tmp_path: Path, change: Any, said: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(_broken(change)), encoding="utf-8")
    with pytest.raises(GoldError) as info:
        load_gold(path)
    assert str(path) in str(info.value)
    assert said in str(info.value)


def test_gold_that_is_not_json(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"actors": [', encoding="utf-8")
    with pytest.raises(GoldError, match="not JSON"):
        load_gold(path)


def test_pairs_gold_with_texts_recursively_by_stem() -> None:
    pairing = pair_files(DATA / "corpus", DATA / "gold")
    names = sorted((g.stem, t.relative_to(DATA / "corpus").as_posix()) for g, t in pairing.pairs)
    assert names == [
        ("ghana-norway-fisheries", "wire/ghana-norway-fisheries.txt"),
        ("kenya-korea-ict", "blog/kenya-korea-ict.txt"),
        ("mali-turkey-drones", "blog/mali-turkey-drones.txt"),
    ]
    assert pairing.unmatched_gold == ()
    assert pairing.texts_without_gold == 1


def test_gold_without_text_and_ambiguous_stems_are_reported(tmp_path: Path) -> None:
    corpus, gold = tmp_path / "corpus", tmp_path / "gold"
    for rel in ("a/same.txt", "b/same.txt", "c/twin.txt", "d/twin.txt"):
        (corpus / rel).parent.mkdir(parents=True, exist_ok=True)
        (corpus / rel).write_text("Some text.", encoding="utf-8")
    for rel in ("a/same.json", "x/twin.json", "lonely.json"):
        (gold / rel).parent.mkdir(parents=True, exist_ok=True)
        (gold / rel).write_text("{}", encoding="utf-8")
    pairing = pair_files(corpus, gold)
    assert [(g.name, t.relative_to(corpus).as_posix()) for g, t in pairing.pairs] == [
        ("same.json", "a/same.txt")  # same relative folder settles the tie
    ]
    why = {g.name: reason for g, reason in pairing.unmatched_gold}
    assert "no text lonely.txt" in why["lonely.json"]
    assert "ambiguous" in why["twin.json"]
