"""Titles and acting states of persons, on sentences we wrote in the patterns of news
copy: party names before a post (dropped like a country adjective, and saying the
state), private posts that act for no state, a firm or body that is the affiliation and
not the post, title modifiers the parse puts elsewhere, short-name mentions that carry
the title, and the states a person speaks of that are not theirs."""

from __future__ import annotations

import pytest
from _people import parsed
from spacy.language import Language

from accord.extract.actors import extract_actors
from accord.extract.persons import extract_persons


def _person(nlp: Language, text: str, name: str) -> tuple[str | None, str | None]:
    document, doc, actors = parsed(nlp, text)
    people = {p.name: p for p in extract_persons(document, doc, actors)}
    assert name in people, sorted(people)
    return people[name].title, people[name].actor


CASES = [
    # a party before the post: out of the title, and its state is the holder's
    (
        "The register shows former Tory leader Arthur Pembroke earning more from speeches.",
        "Arthur Pembroke",
        ("former leader", "GBR"),
    ),
    (
        "Liberal Democrat leader Fiona Mackay registered two donations in March.",
        "Fiona Mackay",
        ("leader", "GBR"),
    ),
    # the party's plural, with its possessive, drops out as well
    (
        "The Liberal Democrats' home affairs spokesman Fiona Mackay said the bill was flawed.",
        "Fiona Mackay",
        ("home affairs spokesman", "GBR"),
    ),
    # posts of parliament and of campaigning are posts ("backbencher", "campaigner")
    (
        "Labour backbencher Arthur Pembroke voted against the bill on Tuesday.",
        "Arthur Pembroke",
        ("backbencher", "GBR"),
    ),
    (
        "Campaigner Fiona Mackay said the law was unjust.",
        "Fiona Mackay",
        ("Campaigner", None),
    ),
    # a modifier the parse hangs elsewhere still belongs to the post
    (
        "He and his shadow Chancellor Edwin Marlow have been edging towards a tax pledge.",
        "Edwin Marlow",
        ("shadow Chancellor", None),
    ),
    # a private post acts for no state, even with a state or city word in it
    (
        "“The cut was disappointing,” said Colin Harte, chief U.S. economist at "
        "stockbrokers Harte and Webb.",
        "Colin Harte",
        ("chief economist", None),
    ),
    (
        "Fiat will close the plant, union leader Marco Ferri said in Brazil on Monday.",
        "Marco Ferri",
        ("union leader", None),
    ),
    # a firm before or after the post is its affiliation, not part of it
    (
        "“We have warned the buyers,” said Peter Vance, a director of Group Kestrel, in Moscow.",
        "Peter Vance",
        ("director", None),
    ),
    (
        "Northgate Bank treasury economist Lena Park said rates in Peru would fall.",
        "Lena Park",
        ("treasury economist", None),
    ),
    # a national body in the complement gives its state
    (
        "Jorge Salas, manager of Peru's coffee growers' federation, said exports would rise.",
        "Jorge Salas",
        ("manager", "PER"),
    ),
    # the state the person speaks of is not theirs
    (
        "An indication came last year when Under Secretary of Agriculture Daniel Holt of "
        "the U.S. delegation said Kenya has room to buy more wheat.",
        "Daniel Holt",
        ("Under Secretary of Agriculture", "USA"),
    ),
    # the title given with the short name, the full name later
    (
        "President Okoro has presented his budget for Kenya.\n\n"
        "Parliament will debate Samuel Okoro's proposal for months.",
        "Samuel Okoro",
        ("President", "KEN"),
    ),
    # a plain honorific is not a title, nor the mark of an official
    (
        "Mr Edward Lyle said the Ghana deal was good.",
        "Edward Lyle",
        (None, None),
    ),
]


@pytest.mark.parametrize(("text", "name", "expected"), CASES)
def test_title_and_state(
    nlp: Language, text: str, name: str, expected: tuple[str | None, str | None]
) -> None:
    assert _person(nlp, text, name) == expected


def test_a_noun_modifier_is_not_an_appositive_title(nlp: Language) -> None:
    text = "With everyone working towards a May general election, Mr Hugh Dalton is eager."
    assert _person(nlp, text, "Hugh Dalton")[0] is None


def test_a_politician_in_a_story_about_one_states_parties(nlp: Language) -> None:
    text = (
        "Labour and the Tories clashed over tax on Sunday.\n\n"
        "Mr Howard Fenwick said the Tory plan would cut waste, while Labour said the "
        "Tories could not be trusted. Gordon Ellery backed the Labour line."
    )
    assert _person(nlp, text, "Howard Fenwick") == (None, "GBR")
    assert _person(nlp, text, "Gordon Ellery") == (None, "GBR")


def test_no_party_politics_no_state_for_a_person_without_a_post(nlp: Language) -> None:
    text = "Mr Howard Fenwick said the Kenya deal was good. Gordon Ellery agreed with him."
    assert _person(nlp, text, "Howard Fenwick") == (None, None)
    assert _person(nlp, text, "Gordon Ellery") == (None, None)


def test_a_private_posts_firm_is_not_in_the_title(nlp: Language) -> None:
    text = "Unions shouted at Acme chairman Luca di Brenna after the meeting in Brazil."
    assert _person(nlp, text, "Luca di Brenna") == ("chairman", None)


@pytest.mark.parametrize(
    ("text", "not_a_person"),
    [
        # a firm's name with a legal suffix or a company word
        ("He is an adviser to Northwind Consulting Limited now.", "Consulting Limited"),
        ("Engines will come from General Motors in Australia.", "Motors"),
        # a name the text puts in the plural is a product
        (
            "Dealers sold 300 Enzo Carrara cars last year, and new Enzo Carraras will "
            "arrive in May.",
            "Enzo Carrara",
        ),
    ],
)
def test_firms_and_products_are_not_persons(nlp: Language, text: str, not_a_person: str) -> None:
    document, doc, actors = parsed(nlp, text)
    names = [p.name for p in extract_persons(document, doc, actors)]
    assert not_a_person not in names


def test_the_post_introduced_with_a_state_before_the_name(nlp: Language) -> None:
    text = (
        "Peru summoned China's ambassador on Monday over the fishing boats.\n\n"
        "Foreign Minister Ana Rojas handed a note of protest to Ambassador Li Wenhao "
        "on Tuesday."
    )
    assert _person(nlp, text, "Li Wenhao") == ("Ambassador", "CHN")


def test_an_unnamed_post_may_be_another_holders(nlp: Language) -> None:
    text = (
        "India will help Kenya make medicines, a Ghanaian minister said on Monday.\n\n"
        "Ghana's Minister of State for Trade, Kofi Mensah, spoke in Nairobi.\n\n"
        "Grace Wambui, the trade minister, welcomed the offer."
    )
    assert _person(nlp, text, "Grace Wambui")[1] != "GHA"


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # a union's or federation's post: the body is the affiliation, not the title
        (
            "John Hale, president of the National Growers Union, said prices would rise.",
            "John Hale",
            ("president", None),
        ),
        # a state company's chief acts for its state
        (
            "Carlos Mendes, chairman of state-owned Petroleo Grande, said Brazil would "
            "export more oil.",
            "Carlos Mendes",
            ("chairman", "BRA"),
        ),
        # a private firm's boss for none
        ("Acme boss Peter Long said profits in Kenya rose.", "Peter Long", ("boss", None)),
    ],
)
def test_bodies_and_firms(
    nlp: Language, text: str, name: str, expected: tuple[str | None, str | None]
) -> None:
    assert _person(nlp, text, name) == expected


def test_a_deputy_of_a_named_minister_shares_the_ministers_state(nlp: Language) -> None:
    text = (
        "Kenyan Trade Minister Joseph Kariuki said the offer was welcome. But one of "
        "Mr Kariuki's deputies, Samuel Otieno, told reporters that the offer was still "
        "under review."
    )
    assert _person(nlp, text, "Samuel Otieno") == ("deputy", "KEN")


def test_a_compass_word_goes_with_the_state_it_names(nlp: Language) -> None:
    text = "West German Economics Minister Klaus Berger said Bonn would not object."
    document, doc, _ = parsed(nlp, text)
    actors = extract_actors(document, doc)  # the gazetteer's own former states
    (person,) = extract_persons(document, doc, actors)
    assert person.title == "Economics Minister"


def test_an_unplaced_official_is_of_the_state_the_lede_is_about(nlp: Language) -> None:
    text = (
        "Peru summons Chinese envoy over boats\n\n"
        "Peru has summoned China's ambassador to protest against the seizure of two "
        "fishing boats off its coast.\n\n"
        "Foreign Secretary Ana Rojas handed over a note of protest on Tuesday, her "
        "office said."
    )
    assert _person(nlp, text, "Ana Rojas") == ("Foreign Secretary", "PER")


def test_a_spokesman_introduced_with_an_igo(nlp: Language) -> None:
    text = (
        "The EU threatened to raise duties unless the quotas go, an EU spokesman said.\n\n"
        "The spokesman, Henri Valois, said Brazil and the U.S. had been told on Monday."
    )
    assert _person(nlp, text, "Henri Valois") == ("spokesman", "IGO:EU")


def test_parties_named_in_the_plural_say_the_storys_politics(nlp: Language) -> None:
    text = (
        "The Liberal Democrats and the Conservatives attacked the plan. Mr Arthur Pembroke "
        "said the Lib Dems would vote against it, as would the Conservatives."
    )
    assert _person(nlp, text, "Arthur Pembroke") == (None, "GBR")


def test_any_post_at_an_igo_acts_for_it(nlp: Language) -> None:
    text = "Michel Laurent, managing director of the African Union, visited Peru."
    assert _person(nlp, text, "Michel Laurent") == ("managing director", "IGO:AU")
    # a firm's managing director acts for no state
    text = "Michel Laurent, managing director of Acme Holdings, visited Peru."
    assert _person(nlp, text, "Michel Laurent")[1] is None
