"""Who speaks, on sentences we wrote in the patterns of wire and broadcast copy:
pronouns by subject and gender (not the last name seen), unnamed spokespeople who speak
for the organisation they are introduced with, a later "the official" as the same one,
and quotations with no cue of their own that keep the speaker the text is about."""

from __future__ import annotations

import pytest
from _people import parsed
from spacy.language import Language

from accord.extract.organizations import extract_organizations
from accord.extract.persons import extract_persons
from accord.extract.quotes import extract_quotes


def _speakers(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    document, doc, actors = parsed(nlp, text)
    persons = extract_persons(document, doc, actors)
    orgs = extract_organizations(document, doc, actors, persons)
    quotes, _ = extract_quotes(document, doc, persons, orgs, actors)
    return [(q.text.split()[0], q.speaker) for q in quotes]


CASES = [
    # "he" is the subject of the sentence before, not the name met last in it
    (
        "Mr Harold Brandt said that the savings would go into Mr Peter Lindqvist's first "
        "budget. He would not give figures for the plan.\n\n"
        "“Voters will have a clear choice between waste and value for money,” he said.",
        [("Voters", "Harold Brandt")],
    ),
    # a name spoken inside the quotation is not who "he" is
    (
        "Trade Minister Omar Haddad rejected the claims on Sunday.\n\n"
        "“The talks will not be decided by what Samuel Ochieng did last week,” he added.",
        [("The", "Omar Haddad")],
    ),
    # gender: "she" skips the man named last
    (
        "Mrs Alicia Moreno handed a note of protest to Mr Tomas Berger on Tuesday.\n\n"
        "“We will answer every incident through every channel we have,” she said.",
        [("We", "Alicia Moreno")],
    ),
    # an unnamed spokesman of the organisation the story is about, then "the spokesman"
    (
        "The Northern Growers Association remains worried about the sale of the mills.\n\n"
        "Its board met on Monday to study the report. “We are still worried about the new "
        "owners of the mills,” a spokesman said.\n\n"
        "“We are looking again at the promises the bidders made to us,” the spokesman said.",
        [("We", "Northern Growers Association"), ("We", "Northern Growers Association")],
    ),
    # an official named by the organisation's acronym, or by a word of its name
    (
        "Figures from the Office of Fair Trading and Standards (OFTS) showed a fall.\n\n"
        "“The outlook for next month is positive for most traders,” said an OFTS official.",
        [("The", "Office of Fair Trading and Standards")],
    ),
    (
        "The Fisheries Ministry will tell the visiting delegation that quotas must stay, "
        "a senior ministry official said.\n\n"
        "“Imports would fall because other suppliers sell harder,” the official said. "
        "“We are the largest buyer of their fish products and it is not fair to push us,” "
        "he said.",
        [("Imports", "Fisheries Ministry"), ("We", "Fisheries Ministry")],
    ),
    # a quotation with no cue: the person the sentence before it is about
    (
        "Mr Daniel Okafor, however, was dismissive. “These things happen from time to time "
        "in any party.”",
        [("These", "Daniel Okafor")],
    ),
    # a next-sentence cue that reports its own clause does not take the quotation
    (
        "“The plant will close at the end of the year,” said union leader Marco Ferri. "
        "“The assembly line will be moved to another country next spring.” The agency also "
        "said that the workers would strike.",
        [("The", "Marco Ferri"), ("The", "Marco Ferri")],
    ),
    # "the Bank" after the Bank of X: the capitalised head of the name stands for it
    (
        "The Bank of Westland has warned that house prices could fall sharply.\n\n"
        "“The risks to the housing market are greater than at any time in a decade,” "
        "the Bank said in its quarterly report.",
        [("The", "Bank of Westland")],
    ),
    # a hyphenated surname is one name, whatever the tokenizer does with the hyphen
    (
        "Nigerian finance minister Amaka Okafor-Bello met bankers in London.\n\n"
        "“Our debt is crushing the hopes of a generation of children,” she said.",
        [("Our", "Amaka Okafor-Bello")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_speakers(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _speakers(nlp, text) == expected


def test_an_official_placed_inside_a_body_speaks_for_no_one(nlp: Language) -> None:
    text = (
        "The Pacific Trade Council met in Lima.\n\n"
        "“The rich talk about billions but we only see consultants paid,” said a senior "
        "official in the council's legal department, who declined to be named."
    )
    assert _speakers(nlp, text) == [("The", None)]


def test_a_state_official_is_not_the_story_organisation(nlp: Language) -> None:
    text = (
        "The Pacific Trade Council met in Lima.\n\n"
        "“The Brazilians are nervous about losing their transit monopoly,” said one "
        "Peruvian official."
    )
    assert _speakers(nlp, text) == [("The", None)]


def test_the_company_is_the_firm_just_named(nlp: Language) -> None:
    text = (
        "Harlow Mining Corp said on Monday it would close two pits in Ghana.\n\n"
        "“Demand for our ore has fallen for three straight years,” the company said."
    )
    assert _speakers(nlp, text) == [("Demand", "Harlow Mining Corp")]
    # a bare name with no kind word is still the firm "the company" stands for
    text = (
        "Fiat confirmed the talks on Monday.\n\n"
        "“We have no plans to sell the business to foreign buyers,” the company said."
    )
    assert _speakers(nlp, text) == [("We", "Fiat")]


def test_a_capital_city_is_never_the_speaker(nlp: Language) -> None:
    text = (
        "Talks resumed in Nairobi on Monday.\n\n"
        "“We expect a deal on tariffs before the end of the month,” it said."
    )
    assert _speakers(nlp, text) == [("We", None)]


def test_he_after_an_unnamed_spokesman_is_the_spokesmans_body(nlp: Language) -> None:
    text = (
        "Trade Minister Hiro Tanaka met the visiting delegation on Monday.\n\n"
        "A spokesman for the Fisheries Agency said later that quotas would stay.\n\n"
        "“We cannot accept a deadline set by another country,” he said."
    )
    assert _speakers(nlp, text) == [("We", "Fisheries Agency")]


def test_an_unnamed_spokesman_of_an_unnamed_body_is_nobody(nlp: Language) -> None:
    text = (
        "The Northern Growers Association met on Monday.\n\n"
        "“We will not accept these quotas from anyone,” a government spokesman said."
    )
    assert _speakers(nlp, text) == [("We", None)]


def test_him_is_not_the_subject_of_his_own_verb(nlp: Language) -> None:
    text = (
        "French President Luc Moreau visited Brazil, where Brazilian President Ana Costa "
        "greeted him at the airport."
    )
    document, doc, actors = parsed(nlp, text)
    people = {p.name: p for p in extract_persons(document, doc, actors)}
    him = text.index("him")
    assert (him, him + 3) in people["Luc Moreau"].mentions
    assert (him, him + 3) not in people["Ana Costa"].mentions


def test_a_role_noun_with_a_state_is_that_states_holder(nlp: Language) -> None:
    text = (
        "Chinese Ambassador Li Wenhao met French Ambassador Paul Girard in Nairobi.\n\n"
        "“We will build the road together with our partners,” the Chinese ambassador said."
    )
    assert _speakers(nlp, text) == [("We", "Li Wenhao")]


def test_a_spokesman_named_after_a_national_firm_speaks_for_it(nlp: Language) -> None:
    # "British" is a state's adjective inside the firm's name, not "a Kenyan official"
    text = (
        "The airline was hit by fuel costs.\n\n"
        "“We have had to take some very tough decisions,” a British Airways spokeswoman said."
    )
    assert _speakers(nlp, text) == [("We", "British Airways")]


def test_the_spokesman_of_a_person_speaks_for_no_organisation(nlp: Language) -> None:
    # "the spokesman" is the one introduced as Mr Brand's, not the body the story is about
    text = (
        "The Northern Growers Association criticised the minister on Monday.\n\n"
        "Mr Harold Brand's spokesman rejected the criticism. "
        "“The association has its figures wrong again,” the spokesman said."
    )
    assert _speakers(nlp, text) == [("The", None)]


def test_a_peer_named_by_peerage_alone_is_the_speaker(nlp: Language) -> None:
    text = (
        "The euro has been a success, some say.\n\n"
        "Writing in a newspaper, Lord Lawley said: “The euro was always a political "
        "project rather than an economic one.”"
    )
    assert _speakers(nlp, text) == [("The", "Lord Lawley")]


def test_the_report_speaks_for_the_body_that_published_it(nlp: Language) -> None:
    text = (
        "The Northern Growers Association published its survey on Monday. “Farmers are "
        "facing the toughest conditions for a decade,” the report said."
    )
    assert _speakers(nlp, text) == [("Farmers", "Northern Growers Association")]


def test_she_after_a_new_unnamed_spokeswoman_is_that_voice(nlp: Language) -> None:
    text = (
        "Union leader Derek Simms said his members would strike. “If the company goes "
        "under, we will take action,” he warned.\n\n"
        "A spokeswoman for the company said it had no comment. “We are not going to "
        "speculate on the outcome,” she said."
    )
    assert _speakers(nlp, text) == [("If", "Derek Simms"), ("We", None)]


def test_a_body_the_model_did_not_tag_speaks_by_its_name_in_the_phrase(nlp: Language) -> None:
    text = (
        "Pension plan criticised\n\n"
        "“This will not cost jobs in the long run,” a Treasury spokesman said on Monday.\n\n"
        "“It is simply wrong for every pensioner,” said a spokeswoman for Age Concern. "
        "“Pensioners deserve far better than this.”"
    )
    assert _speakers(nlp, text) == [
        ("This", "Treasury"),
        ("It", "Age Concern"),
        ("Pensioners", "Age Concern"),
    ]


def test_it_is_the_body_last_named_never_a_person(nlp: Language) -> None:
    text = (
        "Blair defends plan\n\n"
        "Speaking in London, Home Secretary Charles Clarke said: “The law will protect "
        "the public from terrorism.”\n\n"
        "Acme Holdings rejected the offer. In a statement, it said: “The bid undervalues "
        "the company by a wide margin.”"
    )
    assert _speakers(nlp, text) == [("The", "Charles Clarke"), ("The", "Acme Holdings")]


def test_it_never_stands_for_a_person(nlp: Language) -> None:
    text = (
        "Blair defends plan\n\n"
        "Speaking in London, Home Secretary Charles Clarke said: “The law will protect "
        "the public from terrorism.”\n\n"
        "The offer was rejected. In a statement, it said: “The bid undervalues "
        "the company by a wide margin.”"
    )
    assert _speakers(nlp, text) == [("The", "Charles Clarke"), ("The", None)]


def test_the_minister_is_the_one_whose_post_has_the_word(nlp: Language) -> None:
    text = (
        "Kenyan Finance Minister Omar Haddad met Treasury Secretary Samuel Ochieng.\n\n"
        "“We agreed that the shilling has fallen far enough,” the minister told reporters."
    )
    assert _speakers(nlp, text) == [("We", "Omar Haddad")]
