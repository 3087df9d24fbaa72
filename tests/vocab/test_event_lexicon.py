"""The event lexicons agree with PLOVER and CAMEO: every trigger's CAMEO code belongs
to its PLOVER type (docs/EVENTS.md's root table), and every type is one of the 16."""

from __future__ import annotations

import pytest

from accord.vocab.event_lexicon import event_nouns, event_verbs, plover_types, status_cues
from accord.vocab.region_members import part_of
from accord.vocab.relation_lexicon import relation_cues
from accord.vocab.sector_lexicon import sector_terms

GOLD_SECTORS = {
    "ict", "cybersecurity", "ai", "trade", "investment", "finance", "energy", "nuclear",
    "mining", "agriculture", "health", "education", "science", "defense", "infrastructure",
    "space", "tourism", "culture", "governance", "diplomacy",
}  # fmt: skip


def cameo_type(code: str) -> str:
    """PLOVER type of a CAMEO code by its root (02 appeals are REQUESTs in PLOVER)."""
    root = int(code[:2])
    if root == 8:
        return "CONCEDE" if int(code[:3]) <= 83 else "RETREAT"
    table = {
        2: "REQUEST", 3: "AGREE", 4: "CONSULT", 5: "SUPPORT", 6: "COOPERATE", 7: "AID",
        9: "ACCUSE", 10: "REQUEST", 11: "ACCUSE", 12: "REJECT", 13: "THREATEN",
        14: "PROTEST", 15: "MOBILIZE", 16: "SANCTION", 17: "COERCE", 18: "ASSAULT",
        19: "ASSAULT", 20: "ASSAULT",
    }  # fmt: skip
    return table[root]


ENTRIES = [t for table in (event_verbs(), event_nouns()) for ts in table.values() for t in ts]


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda t: f"{t.lemma}-{t.cameo}")
def test_trigger_cameo_matches_plover_type(entry) -> None:  # type: ignore[no-untyped-def]
    assert entry.type in plover_types().cameo
    assert cameo_type(entry.cameo) == entry.type


def test_plover_defaults_and_future_rules() -> None:
    plover = plover_types()
    assert len(plover.cameo) == 16
    for ptype, code in plover.cameo.items():
        assert cameo_type(code) == ptype
    assert plover.future_as_agree == {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
    assert all(cameo_type(c) == "AGREE" for c in plover.intent_cameo.values())


def test_status_cues_do_not_contradict() -> None:
    cues = status_cues()
    assert not cues.planned_aux & cues.intended_aux
    assert not cues.planned_modifiers & cues.hypothetical_modifiers


def test_sector_labels_are_gold_format_labels() -> None:
    assert set(sector_terms()) == GOLD_SECTORS


def test_relation_cues_loaded() -> None:
    assert {"cooperation", "dispute", "sanction"} <= relation_cues()


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("ZWE", "REG:AFRICA", True),
        ("REG:EAST_AFRICA", "KEN", True),
        ("REG:EAST_AFRICA", "REG:AFRICA", True),
        ("CHN", "REG:AFRICA", False),
        ("DEU", "REG:EUROPE", True),
        ("USA", "REG:EUROPE", False),
    ],
)
def test_part_of(a: str, b: str, expected: bool) -> None:
    assert part_of(a, b) is expected
