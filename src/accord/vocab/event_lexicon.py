"""Loads the event lexicons: PLOVER types with CAMEO codes, trigger verbs and nouns,
and status cues. Data files live in vocab/data so they can be read and extended
without touching code."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon entry: a lemma that signals a PLOVER type, with its CAMEO code."""

    lemma: str
    type: str
    cameo: str
    objects: frozenset[str] | None = None  # required object lemmas; None = any
    mods: frozenset[str] | None = None  # required modifier lemmas (nouns)
    not_mods: frozenset[str] = frozenset()  # modifiers that rule the noun out
    plural: bool = False  # noun must be plural
    future_only: bool = False  # only an event when planned or intended
    object_is_party: bool = False  # object must be an actor or person
    needs_figure: bool = False  # noun counts only beside a figure or a change verb
    needs_change: bool = False  # noun counts only beside a change verb ('trade rose')
    past_only: bool = False  # verb counts only in the past tense ('agreed a loan')
    not_objects: frozenset[str] = frozenset()  # object lemmas that rule the verb out
    needs_clause: bool = False  # verb counts only with a content clause ('warned X that')
    negated_only: bool = False  # verb counts only negated, as a refusal ('no longer needs')


@dataclass(frozen=True, slots=True)
class PloverTypes:
    """PLOVER types with their default CAMEO code, and the manual's future rules."""

    cameo: dict[str, str]
    family: dict[str, str]
    future_as_agree: frozenset[str]
    future_retreat_as: str
    intent_cameo: dict[str, str]


@dataclass(frozen=True, slots=True)
class StatusCues:
    """Words that make an event planned, intended, hypothetical or negated."""

    planned_aux: frozenset[str]
    intended_aux: frozenset[str]
    hypothetical_aux: frozenset[str]
    planned_governors: frozenset[str]
    intended_governors: frozenset[str]
    negating_governors: frozenset[str]
    planned_noun_governors: frozenset[str]
    planned_modifiers: frozenset[str]
    hypothetical_modifiers: frozenset[str]
    planned_preps: frozenset[str]
    hypothetical_marks: frozenset[str]
    hypothetical_nouns: frozenset[str]
    intended_events: frozenset[str]
    planned_events: frozenset[str]
    figure_verbs: frozenset[str]
    change_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    temporal_marks: frozenset[str]
    agreement_nouns: frozenset[str]
    #: onlookers whose forecast of a party's act asserts nothing ("analysts expect ...")
    speculators: frozenset[str]
    opinion_verbs: frozenset[str]
    # verb -> particles that make it undo its object: 'pull out of', 'walk away from'
    withdrawal_particles: dict[str, frozenset[str]]


def _load(name: str) -> dict[str, Any]:
    text = resources.files("accord.vocab").joinpath("data", name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _expand(values: list[str] | None, groups: dict[str, list[str]]) -> frozenset[str] | None:
    if values is None:
        return None
    out: set[str] = set()
    for value in values:
        out.update(groups[value[1:]] if value.startswith("@") else [value])
    return frozenset(v.lower() for v in out)


def _triggers(
    entries: list[dict[str, Any]], groups: dict[str, list[str]]
) -> dict[str, tuple[Trigger, ...]]:
    table: dict[str, list[Trigger]] = {}
    for e in entries:
        trig = Trigger(
            lemma=e["lemma"],
            type=e["type"],
            cameo=e["cameo"],
            objects=_expand(e.get("objects"), groups),
            mods=_expand(e.get("mods"), groups),
            not_mods=_expand(e.get("not_mods", []), groups) or frozenset(),
            plural=bool(e.get("plural", False)),
            future_only=bool(e.get("future_only", False)),
            object_is_party=bool(e.get("object_is_party", False)),
            needs_figure=bool(e.get("needs_figure", False)),
            needs_change=bool(e.get("needs_change", False)),
            past_only=bool(e.get("past_only", False)),
            not_objects=_expand(e.get("not_objects", []), groups) or frozenset(),
            needs_clause=bool(e.get("needs_clause", False)),
            negated_only=bool(e.get("negated_only", False)),
        )
        table.setdefault(trig.lemma, []).append(trig)
    return {k: tuple(v) for k, v in table.items()}


@lru_cache(maxsize=1)
def event_verbs() -> dict[str, tuple[Trigger, ...]]:
    """Trigger verbs by lemma; entries for one lemma are tried in file order."""
    data = _load("event_verbs.json")
    return _triggers(data["verbs"], data.get("groups", {}))


@lru_cache(maxsize=1)
def event_nouns() -> dict[str, tuple[Trigger, ...]]:
    """Trigger nouns by lemma; entries for one lemma are tried in file order. '@NAME'
    groups are the verbs file's (one list of, say, abstract foes serves both)."""
    data = _load("event_nouns.json")
    groups = {**_load("event_verbs.json").get("groups", {}), **data.get("groups", {})}
    return _triggers(data["nouns"], groups)


@lru_cache(maxsize=1)
def plover_types() -> PloverTypes:
    """The 16 PLOVER types with default CAMEO codes and the future-event rules."""
    data = _load("plover.json")
    types = data["types"]
    return PloverTypes(
        cameo={k: v["cameo"] for k, v in types.items()},
        family={k: v["family"] for k, v in types.items()},
        future_as_agree=frozenset(data["future_as_agree"]),
        future_retreat_as=data["future_retreat_as"],
        intent_cameo=dict(data["intent_cameo"]),
    )


@lru_cache(maxsize=1)
def status_cues() -> StatusCues:
    """Status cue words, each set lower-cased."""
    data = _load("event_status.json")
    sets = {
        name: frozenset(w.lower() for w in data[name])
        for name in StatusCues.__dataclass_fields__
        if name != "withdrawal_particles"
    }
    particles = {
        verb: frozenset(p.lower() for p in parts)
        for verb, parts in data["withdrawal_particles"].items()
    }
    return StatusCues(**sets, withdrawal_particles=particles)


@lru_cache(maxsize=1)
def non_state_parties() -> frozenset[str]:
    """Lemmas of nouns naming a party that is no state (CAMEO's agent roles: rebels,
    the opposition, unions, refugees, ...): vocab/data/non_state_parties.json."""
    roles = _load("non_state_parties.json")["roles"]
    return frozenset(word for words in roles.values() for word in words)
