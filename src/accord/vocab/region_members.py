"""Which states lie in which region: a state and its own region are part and whole, not
two parties of a relation.

vocab/data/region_members.json holds the rules (UN M49 regions and continents of
country_converter's table, plus listed states); ``scripts/build_actor_vocab.py``
resolves them into region_states.json, so that extraction never loads the table (and
pandas with it: about 180 MB in every worker). A test keeps the two in step."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any, cast


def resolve(spec: dict[str, Any], table: Any) -> dict[str, list[str]]:
    """Region code -> the sorted ISO alpha-3 codes its rules select from
    country_converter's table (a pandas DataFrame: only the build script and the test
    pass one)."""
    out: dict[str, list[str]] = {}
    for region, rule in spec["regions"].items():
        members: set[str] = set(rule.get("ISO3", []))
        for column, values in rule.items():
            if column == "ISO3":
                continue
            members.update(str(c) for c in table.loc[table[column].isin(values), "ISO3"])
        out[region] = sorted(members)
    return out


def rules() -> dict[str, Any]:
    """The hand-written region rules."""
    path = resources.files("accord.vocab").joinpath("data", "region_members.json")
    return cast(dict[str, Any], json.loads(path.read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def region_members() -> dict[str, frozenset[str]]:
    """Region code -> the ISO alpha-3 codes of its states."""
    path = resources.files("accord.vocab").joinpath("data", "region_states.json")
    resolved = json.loads(path.read_text(encoding="utf-8"))["regions"]
    return {region: frozenset(codes) for region, codes in resolved.items()}


@lru_cache(maxsize=1)
def _inside() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in rules()["inside"].items()}


def part_of(a: str, b: str) -> bool:
    """True when one code lies inside the other (ZWE in REG:AFRICA, REG:EAST_AFRICA in
    REG:AFRICA), in either order."""
    for part, whole in ((a, b), (b, a)):
        if whole in _inside().get(part, frozenset()):
            return True
        if part in region_members().get(whole, frozenset()):
            return True
    return False
