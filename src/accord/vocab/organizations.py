"""Organisation kinds, suffixes, well-known bodies and news outlets (data/*.json)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from accord.vocab._load import load_json


@dataclass(frozen=True, slots=True)
class OrgLexicon:
    kinds: dict[str, str]  # lower-case word -> kind
    descriptor_words: frozenset[str]
    quoted_name_nouns: frozenset[str]
    not_organization_nouns: frozenset[str]
    legal_suffixes: frozenset[str]
    event_words: frozenset[str]
    generic_institutions: frozenset[str]
    needs_state_modifier: frozenset[str]
    seat_metonyms: frozenset[str]  # "the Kremlin": the state's leadership, not a body
    party_names: frozenset[str]  # "Tory", "Republicans": parties the model calls a people


@dataclass(frozen=True, slots=True)
class KnownOrg:
    name: str
    actor: str | None
    kind: str


@lru_cache(maxsize=1)
def org_lexicon() -> OrgLexicon:
    """Organisation words, loaded once."""
    d = load_json("organizations.json")
    return OrgLexicon(
        kinds={k.lower(): v for k, v in d["kinds"].items()},
        descriptor_words=frozenset(d["descriptor_words"]),
        quoted_name_nouns=frozenset(d["quoted_name_nouns"]),
        not_organization_nouns=frozenset(d["not_organization_nouns"]),
        legal_suffixes=frozenset(d["legal_suffixes"]),
        event_words=frozenset(d["event_words"]),
        generic_institutions=frozenset(d["generic_institutions"]),
        needs_state_modifier=frozenset(d["needs_state_modifier"]),
        seat_metonyms=frozenset(d["seat_metonyms"]),
        party_names=frozenset(d["party_names"]),
    )


@lru_cache(maxsize=1)
def known_organizations() -> dict[str, KnownOrg]:
    """Well-known bodies by lower-case name."""
    d = load_json("known_organizations.json")["organizations"]
    return {
        k.lower(): KnownOrg(k, v.get("actor"), v.get("kind", "organization")) for k, v in d.items()
    }


@lru_cache(maxsize=1)
def media_spellings() -> dict[str, KnownOrg]:
    """News outlets by every spelling the data file gives, each with its normalised name."""
    d = load_json("media_states.json")["outlets"]
    out: dict[str, KnownOrg] = {}
    for name, v in d.items():
        org = KnownOrg(name, v.get("actor"), "media")
        for alias in (name, *v.get("aliases", [])):
            out[alias] = org
    return out


@lru_cache(maxsize=1)
def media_outlets() -> dict[str, KnownOrg]:
    """News outlets by lower-case name or alias."""
    return {k.lower(): v for k, v in media_spellings().items()}
