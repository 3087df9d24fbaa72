"""Reporting (speech) verbs and phrases that attribute a quotation (data/reporting_verbs.json)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from accord.vocab._load import load_json


@dataclass(frozen=True, slots=True)
class ReportingLexicon:
    verbs: frozenset[str]  # lemmas
    weak_verbs: frozenset[str]  # attribute only when nothing stronger is near
    phrases: tuple[str, ...]
    source_nouns: frozenset[str]  # "a statement ... said": look inside for the speaker
    clause_verbs: frozenset[str]  # attribute only a quotation in their clause ("called it")
    quoting_verbs: frozenset[str]  # "X quoted him as saying": the object speaks
    person_nouns: frozenset[str]  # "an official said": an unnamed person, no speaker


@lru_cache(maxsize=1)
def reporting() -> ReportingLexicon:
    """The reporting-verb lexicon, loaded once."""
    data = load_json("reporting_verbs.json")
    return ReportingLexicon(
        verbs=frozenset(data["verbs"]),
        weak_verbs=frozenset(data["weak_verbs"]),
        phrases=tuple(data["phrases"]),
        source_nouns=frozenset(data["source_nouns"]),
        clause_verbs=frozenset(data["clause_verbs"]),
        quoting_verbs=frozenset(data["quoting_verbs"]),
        person_nouns=frozenset(data["person_nouns"]),
    )
