"""extract_persons on sentences we wrote: titles before and after names, appositives,
possessive states, ambassadors, former posts, coreference, bylines and headlines."""

from __future__ import annotations

import pytest
from _people import parsed
from spacy.language import Language

from accord.extract.persons import EXTRACTOR, extract_persons
from accord.schema import Person


def _persons(nlp: Language, text: str) -> dict[str, Person]:
    document, doc, actors = parsed(nlp, text)
    return {p.name: p for p in extract_persons(document, doc, actors)}


TITLES = [
    # title before the name, with a complement
    (
        "Kenya's Deputy Minister for Information Technology Joseph Mwangi opened the fair.",
        "Joseph Mwangi",
        "Deputy Minister for Information Technology",
        "KEN",
    ),
    # demonym before an ambassador: the sending state, the post's place stays in the title
    (
        "The talks were confirmed by new Brazilian Ambassador to Accra Paulo Ferreira.",
        "Paulo Ferreira",
        "Ambassador to Accra",
        "BRA",
    ),
    # possessive state
    ("Ghana's President Kwame Asante met investors on Monday.", "Kwame Asante", "President", "GHA"),
    # former post keeps "former", drops the country
    (
        "Former U.S. secretary of state Mary Collins said the deal was fair.",
        "Mary Collins",
        "Former secretary of state",
        "USA",
    ),
    # appositive after the name, state in the complement's possessive
    (
        "Li Wen, a spokesperson for China's Commerce Ministry, said exports grew.",
        "Li Wen",
        "Commerce Ministry spokesperson",
        "CHN",
    ),
    # appositive after the name, affiliation cut, analyst acts for no state
    (
        "Sarah Okafor, a senior analyst for West Africa at the Lagos Policy Institute, disagreed.",
        "Sarah Okafor",
        "senior analyst for West Africa",
        None,
    ),
    # predicate title
    (
        "Tom Berg is the chief economist with Nordic Capital, which advises pension funds.",
        "Tom Berg",
        "chief economist",
        None,
    ),
    # appositive before the name, with a rank and a time phrase
    (
        "The visit by Peru's navy commander at the time, Adm. Jorge Salas, to Beijing "
        "raised questions.",
        "Jorge Salas",
        "navy commander",
        "PER",
    ),
    # lower-case title with an IGO
    (
        "New EU trade commissioner Anna Lindqvist said talks would resume.",
        "Anna Lindqvist",
        "trade commissioner",
        "IGO:EU",
    ),
    # official with no state word in the phrase: the only state of the sentence
    (
        "Russian software exports rose last year, Finance Minister Oleg Petrov told a forum.",
        "Oleg Petrov",
        "Finance Minister",
        "RUS",
    ),
    # a title the lexicon knows as a fixed office keeps its country word
    (
        "Talks stalled, said Jane Porter, US Trade Representative, on Friday.",
        "Jane Porter",
        "US Trade Representative",
        "USA",
    ),
    # "President of X": the state is the holder's, not part of the post
    ("President of Kenya Daniel Otieno arrived on Tuesday.", "Daniel Otieno", "President", "KEN"),
]


@pytest.mark.parametrize(("text", "name", "title", "actor"), TITLES)
def test_title_and_acting_state(
    nlp: Language, text: str, name: str, title: str, actor: str | None
) -> None:
    persons = _persons(nlp, text)
    assert name in persons, sorted(persons)
    assert persons[name].title == title
    assert persons[name].actor == actor
    assert persons[name].extractor == EXTRACTOR


COREF = [
    # surname, title nominal and pronoun all join the person first introduced
    (
        "Kenyan Trade Minister Grace Wanjiru opened the fair. Wanjiru said the country "
        "was ready. The minister added that talks would go on. She left on Friday.",
        "Grace Wanjiru",
        ["Wanjiru", "The minister", "She"],
    ),
    # "the diplomat" refers back to an ambassador
    (
        "Russian Ambassador to Nairobi Ivan Sokolov visited a school. The diplomat "
        "praised its teachers.",
        "Ivan Sokolov",
        ["The diplomat"],
    ),
    # a Chinese-order name: the family name comes first
    (
        "Chinese President Wang Lei met the delegation. Wang said ties were strong.",
        "Wang Lei",
        ["Wang"],
    ),
]


@pytest.mark.parametrize(("text", "name", "mentions"), COREF)
def test_later_mentions_resolve_to_the_person(
    nlp: Language, text: str, name: str, mentions: list[str]
) -> None:
    persons = _persons(nlp, text)
    assert list(persons) == [name]
    texts = [text[s:e] for s, e in persons[name].mentions]
    for m in mentions:
        assert m in texts


def test_title_from_a_later_nominal(nlp: Language) -> None:
    text = (
        "Kenya plans to train coders, according to another speaker, Peter Kamau.\n\n"
        "The Deputy Director for Digital Skills at the ‘Tech Kenya’ agency told guests: "
        "“We will open ten schools.”"
    )
    p = _persons(nlp, text)["Peter Kamau"]
    assert p.title == "Deputy Director for Digital Skills"
    assert p.actor == "KEN"
    assert p.organization == "Tech Kenya"


def test_title_from_an_unnamed_spokesman_before_the_name(nlp: Language) -> None:
    text = (
        "An EU spokesman in Brussels rejected the claim. "
        '"The case has no merit and we will defend ourselves," said Karl Jensen.'
    )
    p = _persons(nlp, text)["Karl Jensen"]
    assert (p.title, p.actor) == ("spokesman", "IGO:EU")


NOT_PERSONS = [
    ("By John Smith\n\nKenya will host the summit in May.", "John Smith"),
    (
        "Kenya will host the summit in May.\n\n(Reporting by Jane Doe; Editing by Tim Cole)",
        "Jane Doe",
    ),
    (
        "Kenya will host the summit in May.\n\n(Reporting by Jane Doe; Editing by Tim Cole)",
        "Tim Cole",
    ),
    ("Kenya Backs Minister Plan To Expand Trade Ties\n\nKenya will host the summit.", "Plan"),
    ("The deal was reported by Sibanda, a local news site, on Monday.", "Sibanda"),
]


@pytest.mark.parametrize(("text", "name"), NOT_PERSONS)
def test_bylines_headlines_and_named_things_are_not_persons(
    nlp: Language, text: str, name: str
) -> None:
    assert name not in _persons(nlp, text)


def test_a_person_without_a_post_has_no_title_and_no_state(nlp: Language) -> None:
    p = _persons(nlp, "Maria Lopez, 45, runs a bakery in Lima. Lopez said sales rose.")
    assert p["Maria Lopez"].title is None
    assert p["Maria Lopez"].actor is None
