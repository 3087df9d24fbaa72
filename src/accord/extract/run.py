"""Runs the extractors over one parsed document, in the order of ``STEPS``.

Each step names the fact kind it yields (a field of ``Facts``) and what it reads: the
document, its parse and the kinds earlier steps yielded (persons need actors, quotes need
persons, relations need events and amounts). A new fact kind is one line here, its
extractor and its schema field; ``check_steps`` refuses an order in which a step reads
what no earlier step made. Every fact is frozen, with spans into ``document.body``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from spacy.tokens import Doc

from accord.extract.actors import extract_actors, with_implied
from accord.extract.amounts import extract_amounts
from accord.extract.events import extract_events
from accord.extract.organizations import extract_organizations
from accord.extract.persons import extract_persons
from accord.extract.quotes import extract_quotes
from accord.extract.relations import extract_relations
from accord.schema import Document, Facts

_INPUTS = ("document", "doc")  # what every step may read besides earlier facts


@dataclass(frozen=True)
class Step:
    """One extractor: the ``Facts`` field it fills, the function, what it reads (passed
    in this order), and whether it also returns warnings as a second value."""

    kind: str
    run: Callable[..., Any]
    reads: tuple[str, ...]
    warns: bool = False


STEPS: tuple[Step, ...] = (
    Step("actors", extract_actors, ("document", "doc")),
    Step("persons", extract_persons, ("document", "doc", "actors")),
    Step("organizations", extract_organizations, ("document", "doc", "actors", "persons")),
    Step(
        "quotes",
        extract_quotes,
        ("document", "doc", "persons", "organizations", "actors"),
        warns=True,
    ),
    Step("amounts", extract_amounts, ("document", "doc", "actors", "organizations"), warns=True),
    Step("events", extract_events, ("document", "doc", "actors", "persons", "organizations")),
    Step(
        "relations",
        extract_relations,
        ("document", "doc", "actors", "events", "amounts", "persons", "organizations"),
    ),
)


def check_steps(steps: tuple[Step, ...]) -> None:
    """Raise ValueError unless every step fills a ``Facts`` field once and reads only the
    inputs or kinds of earlier steps."""
    kinds = {f.name for f in fields(Facts)} - {"warnings"}
    made: set[str] = set(_INPUTS)
    for step in steps:
        if step.kind not in kinds or step.kind in made:
            raise ValueError(f"step {step.kind!r}: not a Facts field, or filled twice")
        if missing := [r for r in step.reads if r not in made]:
            raise ValueError(f"step {step.kind!r} reads {missing} before any step makes it")
        made.add(step.kind)


check_steps(STEPS)


def extract_facts(document: Document, doc: Doc) -> Facts:
    """All facts of one document. ``doc`` is the spaCy parse of ``document.body``.

    No facts for a document the cleaner found not to be English (its record says so in a
    warning): the model and the lexicons read English only.
    """
    if document.language != "en":
        return Facts()
    have: dict[str, Any] = {"document": document, "doc": doc}
    warnings: list[str] = []
    for step in STEPS:
        out = step.run(*(have[name] for name in step.reads))
        if step.warns:
            out, said = out
            warnings.extend(said)
        have[step.kind] = out
    # a state that only a person's party or post names is still an actor of the story;
    # it joins the list last, so no step before saw an actor without a mention in the text
    have["actors"] = with_implied(have["actors"], have["persons"])
    return Facts(**{step.kind: have[step.kind] for step in STEPS}, warnings=tuple(warnings))
