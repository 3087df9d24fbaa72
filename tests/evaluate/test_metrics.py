"""Scores on our own gold and hand-written records, worked out by hand.

ghana-norway-fisheries (record with deliberate mistakes):
- boilerplate: "Home | World | Business" removed; "Read more" twice in the raw text,
  once in the body: removed; "Subscribe to our newsletter" kept -> 2/3.
- body_keep: both found (one across a line break) -> 2/2; outlet "coastline wire" ok.
- sources Reuters ok, AFP spurious; actors GHA, NOR ok, USA spurious, IGO:EU missed.
- persons: Owusu ok (title ok), "Erik Lunde" ok (title wrong), "Owusu" alone spurious.
- organisations: "the Norwegian Agency ..." ok, "Fisheries Commission" wrong name.
- quotes: both ok, second speaker null (wrong).
- amounts: 12.5m ok; 4.02m within 1 % (direction reversed); 80m USD vs EUR no match.
- relations: NOR-GHA ok (agriculture ok, trade spurious, diplomacy missed), GHA-USA
  spurious, GHA-IGO:EU missed. events: SUPPORT ok; AGREE ok but status and when wrong;
  COOPERATE with USA spurious, with IGO:EU missed.
kenya-korea-ict: everything right (trade_total direction reversed is fine, the title
"the ICT Cabinet  Secretary" equals the gold's, null outlet equals null).
mali-turkey-drones: no record (the pipeline failed): scored as an empty record.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from accord.evaluate import evaluate, metric_names
from accord.evaluate.gold import load_gold
from accord.evaluate.scores import score_document
from accord.schema import Record, Source, from_dict

DATA = Path(__file__).parent / "data"

EXPECTED = {
    "boilerplate_removed": 3 / 5,
    "body_kept": 3 / 4,
    "outlet_accuracy": 2 / 3,
    "actors_precision": 4 / 5,
    "actors_recall": 4 / 7,
    "actors_f1": 2 / 3,
    "attributed_sources_precision": 1 / 2,
    "attributed_sources_recall": 1.0,
    "attributed_sources_f1": 2 / 3,
    "persons_precision": 3 / 4,
    "persons_recall": 1.0,
    "persons_f1": 6 / 7,
    "organizations_f1": 1 / 2,
    "quotes_precision": 1.0,
    "quotes_f1": 1.0,
    "amounts_precision": 3 / 4,
    "amounts_recall": 3 / 4,
    "amounts_f1": 3 / 4,
    "relations_f1": 4 / 7,  # tp 2, fp 1, fn 2 (one missed in the failed document)
    "relation_sectors_precision": 3 / 4,
    "relation_sectors_recall": 3 / 4,
    "events_precision": 3 / 4,
    "events_recall": 3 / 5,
    "events_f1": 2 / 3,
    "person_title_accuracy": 2 / 3,
    "person_actor_accuracy": 1.0,
    "quote_speaker_accuracy": 1 / 2,
    "amount_kind_accuracy": 1.0,
    "amount_direction_accuracy": 2 / 3,
    "amount_period_accuracy": 1.0,
    "event_status_accuracy": 2 / 3,
    "event_when_accuracy": 2 / 3,
    # the attributes as items: the null second speaker is a miss, not a wrong speaker
    "speakers_precision": 1.0,
    "speakers_recall": 1 / 2,
    "person_titles_precision": 2 / 3,  # Lunde's "Minister" is spurious and a miss
    "person_titles_recall": 2 / 3,
    "person_actors_f1": 1.0,
    "event_dyads_precision": 3 / 4,  # every predicted event has the type of its dyad
    "event_dyads_recall": 3 / 5,
    "event_type_accuracy": 1.0,
}


@pytest.fixture
def metrics(fake_pipeline: Any) -> dict[str, float | None]:
    report = evaluate(DATA / "corpus", DATA / "gold")
    assert report.problems == ()
    assert report.texts_without_gold == 1
    return report.summary.metrics()


@pytest.mark.parametrize(("name", "value"), sorted(EXPECTED.items()))
def test_micro_averaged_metric(metrics: dict[str, float | None], name: str, value: float) -> None:
    assert metrics[name] == pytest.approx(value)


def test_every_metric_is_reported(metrics: dict[str, float | None]) -> None:
    assert list(metrics) == metric_names()


def test_pipeline_gets_exactly_the_texts_with_gold_and_the_gold_metadata(
    fake_pipeline: Any,
) -> None:
    evaluate(DATA / "corpus", DATA / "gold")
    given = {raw.id: raw.published for raw in fake_pipeline.seen}
    assert given == {
        "ghana-norway-fisheries": "2024-03-12",
        "kenya-korea-ict": None,
        "mali-turkey-drones": "2024-06-03",
    }


def test_per_document_detail_says_what_went_wrong(fake_pipeline: Any) -> None:
    docs = {d.id: d for d in evaluate(DATA / "corpus", DATA / "gold").summary.documents}
    ghana = docs["ghana-norway-fisheries"]
    assert ghana.detail["actors"] == {"missed": ["IGO:EU"], "spurious": ["USA"]}
    assert ghana.detail["boilerplate_removed"] == {"kept": ["Subscribe to our newsletter"]}
    assert ghana.detail["person_title_accuracy"]["wrong"] == [
        "Erik K. Lunde: gold 'Development Minister', got 'Minister'"
    ]
    assert docs["kenya-korea-ict"].metrics()["amounts_f1"] == 1.0
    assert docs["mali-turkey-drones"].error == "extract: boom"
    assert docs["mali-turkey-drones"].metrics()["events_recall"] == 0.0


def test_a_metric_with_nothing_to_judge_is_none_not_zero() -> None:
    gold = load_gold(DATA / "gold" / "blog" / "mali-turkey-drones.json")
    record = Record(
        id="m",
        content_hash="sha256:0",
        source=Source(),
        title=None,
        published=None,
        language="en",
        outlet="Sahel Daily",
        attributed_sources=(),
        body="Mali's army took delivery of a second batch of Turkish-made drones.",
    )
    raw = record.body + "\nSahel Daily - all rights reserved\n"
    values = score_document(gold, record, raw).metrics()
    assert values["persons_f1"] is None  # no gold, no prediction
    assert values["person_title_accuracy"] is None  # no matched pair
    assert values["events_precision"] is None  # nothing predicted
    assert values["events_recall"] == 0.0
    assert values["boilerplate_removed"] == 1.0
    assert values["body_kept"] == 1.0


def test_an_event_of_the_wrong_type_still_finds_its_dyad() -> None:
    gold = load_gold(DATA / "gold" / "blog" / "kenya-korea-ict.json")
    path = DATA / "records" / "kenya-korea-ict.json"
    record = from_dict(json.loads(path.read_text(encoding="utf-8")))
    wrong = replace(record, events=tuple(replace(e, type="CONSULT") for e in record.events))
    values = score_document(gold, wrong, wrong.body).metrics()
    assert values["events_f1"] == 0.0
    assert values["event_dyads_f1"] == 1.0
    assert values["event_type_accuracy"] == 0.0


def test_boilerplate_not_in_raw_text_is_not_counted_removed(tmp_path: Path) -> None:
    gold = load_gold(DATA / "gold" / "blog" / "kenya-korea-ict.json")
    record = Record(
        id="k",
        content_hash="sha256:0",
        source=Source(),
        title=None,
        published=None,
        language="en",
        outlet=None,
        attributed_sources=(),
        body="Kenya and South Korea.",
    )
    assert (
        score_document(gold, record, "Kenya and South Korea.").metrics()["boilerplate_removed"]
        == 0.0
    )
