"""Money cue lexicons: flow kinds, value nouns and direction verbs (data/money_cues.json),
and the words that make a figure a level rather than a flow (data/money_levels.json)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class MoneyCues:
    """Lemma sets the flow classifier reads; ``kind_of`` maps a lemma to its kind."""

    kind_of: dict[str, str]
    value_nouns: frozenset[str]
    giver_verbs: frozenset[str]
    receiver_verbs: frozenset[str]
    exporter_verbs: frozenset[str]
    importer_verbs: frozenset[str]
    to_preps: frozenset[str]
    from_preps: frozenset[str]
    in_preps: frozenset[str]
    with_preps: frozenset[str]
    surplus: frozenset[str]
    deficit: frozenset[str]
    lender_nouns: frozenset[str]
    request_verbs: frozenset[str]
    restructure_verbs: frozenset[str]


@lru_cache(maxsize=1)
def money_cues() -> MoneyCues:
    """Load data/money_cues.json once."""
    raw = json.loads(
        resources.files("accord.vocab").joinpath("data/money_cues.json").read_text("utf-8")
    )
    kind_of = {lemma: kind for kind, lemmas in raw["kinds"].items() for lemma in lemmas}

    def fs(key: str) -> frozenset[str]:
        return frozenset(raw[key])

    return MoneyCues(
        kind_of=kind_of,
        value_nouns=fs("value_nouns"),
        giver_verbs=fs("giver_verbs"),
        receiver_verbs=fs("receiver_verbs"),
        exporter_verbs=fs("exporter_verbs"),
        importer_verbs=fs("importer_verbs"),
        to_preps=fs("to_preps"),
        from_preps=fs("from_preps"),
        in_preps=fs("in_preps"),
        with_preps=fs("with_preps"),
        surplus=fs("surplus"),
        deficit=fs("deficit"),
        lender_nouns=fs("lender_nouns"),
        request_verbs=fs("request_verbs"),
        restructure_verbs=fs("restructure_verbs"),
    )


@dataclass(frozen=True, slots=True)
class MoneyLevels:
    """Words that make a money figure a level (data/money_levels.json): lemma -> level
    type for cue nouns, unit word -> level type for 'per X' / 'a X' after a figure."""

    level_of: dict[str, str]
    per_unit: dict[str, str]
    rate_preps: frozenset[str]
    currency_nouns: frozenset[str]
    firm_nouns: frozenset[str]
    worth_words: frozenset[str]
    relief_verbs: frozenset[str]
    stock_verbs: frozenset[str]
    flow_compound_types: frozenset[str]


@lru_cache(maxsize=1)
def money_levels() -> MoneyLevels:
    """Load data/money_levels.json once."""
    raw = json.loads(
        resources.files("accord.vocab").joinpath("data/money_levels.json").read_text("utf-8")
    )
    level_of = {lemma: kind for kind, lemmas in raw["nouns"].items() for lemma in lemmas}
    per_unit = {unit: kind for kind, units in raw["per_units"].items() for unit in units}
    return MoneyLevels(
        level_of=level_of,
        per_unit=per_unit,
        rate_preps=frozenset(raw["rate_preps"]),
        currency_nouns=frozenset(raw["per_units"]["exchange_rate"]),
        firm_nouns=frozenset(raw["firm_nouns"]),
        worth_words=frozenset(raw["worth_words"]),
        relief_verbs=frozenset(raw["relief_verbs"]),
        stock_verbs=frozenset(raw["stock_verbs"]),
        flow_compound_types=frozenset(raw["flow_compound_types"]),
    )
