"""Which states lie in which region (vocab/data/region_members.json over
country_converter's UN M49 and continent tables): a state and its own region are
part and whole, not two parties of a relation."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def region_members() -> dict[str, frozenset[str]]:
    """Region code -> the ISO alpha-3 codes of its states."""
    import country_converter as coco  # slow to import; only when relations need it

    path = resources.files("accord.vocab").joinpath("data", "region_members.json")
    spec = json.loads(path.read_text(encoding="utf-8"))
    table = coco.CountryConverter().data
    out: dict[str, frozenset[str]] = {}
    for region, rules in spec["regions"].items():
        members: set[str] = set(rules.get("ISO3", []))
        for column, values in rules.items():
            if column == "ISO3":
                continue
            members.update(str(c) for c in table.loc[table[column].isin(values), "ISO3"])
        out[region] = frozenset(members)
    return out


@lru_cache(maxsize=1)
def _inside() -> dict[str, frozenset[str]]:
    path = resources.files("accord.vocab").joinpath("data", "region_members.json")
    spec = json.loads(path.read_text(encoding="utf-8"))
    return {k: frozenset(v) for k, v in spec["inside"].items()}


def part_of(a: str, b: str) -> bool:
    """True when one code lies inside the other (ZWE in REG:AFRICA, REG:EAST_AFRICA in
    REG:AFRICA), in either order."""
    for part, whole in ((a, b), (b, a)):
        if whole in _inside().get(part, frozenset()):
            return True
        if part in region_members().get(whole, frozenset()):
            return True
    return False
