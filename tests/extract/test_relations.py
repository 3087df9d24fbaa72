"""Sectors per sentence and relations between actors, over sentences we wrote: pairs
linked by an event, a money flow or a cue word in their clause, with the sectors of
the sentences that link them; no relation for a mere co-mention or part and whole."""

from __future__ import annotations

import pytest
from spacy.language import Language

from accord.extract.actors import extract_actors
from accord.extract.events import extract_events
from accord.extract.relations import EXTRACTOR, extract_relations
from accord.extract.sectors import sector_hits, sentence_sectors
from accord.schema import Amount, Document, Relation, Source

SECTORS = [
    ("Russian exports of IT services to Africa grew.", {"ict", "trade"}),
    (
        "The two countries discussed cybersecurity and artificial intelligence (AI).",
        {"cybersecurity", "ai"},
    ),
    (
        "The bank lent money for a new railway and a hydropower dam.",
        {"finance", "infrastructure", "energy"},
    ),
    (
        "Investments in uranium mining and nuclear reactors rose.",
        {"investment", "mining", "nuclear"},
    ),
    ("They agreed on e-government and public administration reforms.", {"governance"}),
    ("Students, universities and hospitals will benefit.", {"education", "health"}),
    ("The satellite launch boosted tourism and sport.", {"space", "tourism", "culture"}),
    ("The ambassador stressed military and diplomatic ties.", {"defense", "diplomacy"}),
    ("Farmers will export more maize and rice.", {"agriculture", "trade"}),
    ("Scientific research centres opened.", {"science"}),
    ("It was a quiet day.", set()),  # 'it' is not the IT sector
]


@pytest.mark.parametrize(("text", "expected"), SECTORS)
def test_sector_labels(nlp: Language, text: str, expected: set[str]) -> None:
    ((_, labels),) = sentence_sectors(nlp(text))
    assert set(labels) == expected


def test_sector_hits_have_spans(nlp: Language) -> None:
    text = "Kenya and China signed a deal on telecoms."
    hits = sector_hits(nlp(text))
    assert [(h.label, text[h.span[0] : h.span[1]]) for h in hits] == [("ict", "telecoms")]


def _relations(nlp: Language, text: str, amounts: tuple[Amount, ...] = ()) -> tuple[Relation, ...]:
    doc = nlp(text)
    document = Document(id="t", content_hash="sha256:t", source=Source(), raw=text, body=text)
    actors = extract_actors(document, doc)
    events = extract_events(document, doc, actors)
    return extract_relations(document, doc, actors, events, amounts)


def _pairs(relations: tuple[Relation, ...]) -> dict[tuple[str, str], set[str]]:
    return {r.actors: set(r.sectors) for r in relations}


RELATIONS = [
    # linked by an event
    (
        "Kenya and Ethiopia agreed to deepen cooperation in agriculture, health and digital "
        "services.",
        {("ETH", "KEN"): {"agriculture", "health", "ict"}},
    ),
    (
        "Turkey signed a defence agreement with Azerbaijan.",
        {("AZE", "TUR"): {"defense"}},
    ),
    # linked by a cue word in the clause that names both
    (
        "Egypt and Sudan remain locked in a dispute over the new dam.",
        {("EGY", "SDN"): {"infrastructure"}},
    ),
    (
        "Morocco is Senegal's main partner in fisheries and tourism.",
        {("MAR", "SEN"): {"agriculture", "tourism"}},
    ),
    # a later sentence of the same paragraph that names no actor adds its sectors
    (
        "Ghana and Togo agreed to strengthen ties. The plan covers roads, schools and clinics.",
        {("GHA", "TGO"): {"infrastructure", "education", "health"}},
    ),
    # no relation: a mere co-mention, a state and its own region
    ("Leaders from Brazil and Norway attended the ceremony.", {}),
    ("The Brazilian and Norwegian flags flew side by side at the stadium.", {}),
    ("Kenya is the largest economy in East Africa and signed nothing.", {}),
]


@pytest.mark.parametrize(("text", "expected"), RELATIONS)
def test_relation_pairs_and_sectors(
    nlp: Language, text: str, expected: dict[tuple[str, str], set[str]]
) -> None:
    assert _pairs(_relations(nlp, text)) == expected


def test_money_flow_links_pair_and_adds_its_sector(nlp: Language) -> None:
    text = "The figures were published in Lima. Peru bought goods from Chile worth $5 million."
    start = text.index("$5 million")
    flow = Amount(
        value=5_000_000,
        currency="USD",
        value_usd=5_000_000,
        kind="export",
        from_="CHL",
        to="PER",
        what="goods",
        period=None,
        span=(start, start + len("$5 million")),
    )
    doc = nlp(text)
    document = Document(id="t", content_hash="sha256:t", source=Source(), raw=text, body=text)
    actors = extract_actors(document, doc)
    (relation,) = extract_relations(document, doc, actors, (), (flow,))
    assert relation.actors == ("CHL", "PER")
    assert "trade" in relation.sectors
    assert relation.evidence and relation.evidence[0][0] <= start < relation.evidence[0][1]
    assert relation.extractor == EXTRACTOR


def test_loan_flow_adds_finance(nlp: Language) -> None:
    text = "China lent Zambia $30 million."
    start = text.index("$30")
    flow = Amount(30e6, "USD", 30e6, "loan", "CHN", "ZMB", None, None, (start, start + 11))
    pairs = _pairs(_relations(nlp, text, (flow,)))
    assert "finance" in pairs[("CHN", "ZMB")]


def test_evidence_spans_point_at_linking_sentences(nlp: Language) -> None:
    text = (
        "Leaders from Brazil and Norway attended the ceremony. "
        "Later, Brazil and Norway signed a forestry agreement."
    )
    (relation,) = _relations(nlp, text)
    assert relation.actors == ("BRA", "NOR")
    assert "signed a forestry agreement" in "".join(text[s:e] for s, e in relation.evidence)


def test_single_actor_has_no_relations(nlp: Language) -> None:
    assert _relations(nlp, "Kenya signed a trade agreement on Monday.") == ()


LISTS = [
    (
        "Brazil, Argentina, Chile and Peru have all courted Bolivia with loans.",
        {("ARG", "BOL"), ("BOL", "BRA"), ("BOL", "CHL"), ("BOL", "PER")},
    ),
    ("Ethiopia and Kenya signed a power-trade deal.", {("ETH", "KEN")}),
    # two conjoined actors filling one argument are one side when the other is named
    (
        "Namibia and Botswana signed a water-sharing deal with Angola.",
        {("AGO", "NAM"), ("AGO", "BWA")},
    ),
    (
        "Japan asked Vietnam and Cambodia to lower tariffs on rice.",
        {("JPN", "VNM"), ("JPN", "KHM")},
    ),
    ("Trade between Chile and Peru grew after the accord, Bolivia said.", {("CHL", "PER")}),
]


@pytest.mark.parametrize(("text", "expected"), LISTS)
def test_actors_listed_side_by_side_are_not_partners(
    nlp: Language, text: str, expected: set[tuple[str, str]]
) -> None:
    doc = nlp(text)
    document = Document(id="t", content_hash="sha256:t", source=Source(), raw=text, body=text)
    actors = extract_actors(document, doc)
    assert {r.actors for r in extract_relations(document, doc, actors)} == expected
    events = extract_events(document, doc, actors)
    linked = {r.actors for r in extract_relations(document, doc, actors, events)}
    assert linked == expected, "an event between the sides pairs across them, not within"


PLACES = [
    # a venue of two other parties is not a partner
    (
        "Officials from Brazil and Argentina held trade talks in Geneva on Monday.",
        {("ARG", "BRA")},
    ),
    # 'near X', 'towards X' only locate the project
    (
        "Qatar and Oman signed a deal to build a port near Mombasa.",
        {("OMN", "QAT")},
    ),
    # 'X-based' only says where a firm sits
    (
        "A Singapore-based trader helped Vietnam and Laos agree on a rice deal.",
        {("LAO", "VNM")},
    ),
    # a demonym on a place noun locates, it does not act
    (
        "Morocco and Spain agreed to patrol the Algerian border together.",
        {("ESP", "MAR")},
    ),
    # a place completes a clause that names one side only: the host of a presence
    ("Turkey opened a military base in Somalia last year.", {("SOM", "TUR")}),
    ("The United States keeps troops in Niger under a defence pact.", {("NER", "USA")}),
]


@pytest.mark.parametrize(("text", "expected"), PLACES)
def test_places_are_not_partners(nlp: Language, text: str, expected: set[tuple[str, str]]) -> None:
    assert set(_pairs(_relations(nlp, text))) == expected


SIDE_BY_SIDE = [
    (
        "Japan and South Korea have both promoted their own loan schemes in Africa.",
        ("JPN", "KOR"),
    ),
    ("Both Kenya and Uganda signed trade deals with China.", ("KEN", "UGA")),
    # two sellers of one flow each sell on their own
    ("Australia and Canada could then increase their wheat exports.", ("AUS", "CAN")),
    ("Kenya and Uganda exported tea to Egypt last year.", ("KEN", "UGA")),
    # one firm of two nationalities: the halves of its compound adjective are no pair
    ("Westmill, the Anglo-Dutch steel group, cut 3,000 jobs.", ("GBR", "NLD")),
    (
        "Peru accused Chile of dumping steel, while Bolivia warned Chile against new tariffs.",
        ("BOL", "PER"),
    ),
]


def test_each_seller_of_a_flow_is_paired_with_its_buyer(nlp: Language) -> None:
    pairs = set(_pairs(_relations(nlp, "Kenya and Uganda exported tea to Egypt last year.")))
    assert pairs == {("EGY", "KEN"), ("EGY", "UGA")}


def test_a_compound_adjective_on_a_relation_noun_is_a_pair(nlp: Language) -> None:
    assert ("CHN", "JPN") in _pairs(_relations(nlp, "Sino-Japanese ties improved sharply."))


@pytest.mark.parametrize(("text", "pair"), SIDE_BY_SIDE)
def test_parallel_actors_are_not_partners(nlp: Language, text: str, pair: tuple[str, str]) -> None:
    assert pair not in _pairs(_relations(nlp, text))


def test_a_dateline_city_is_never_a_partner(nlp: Language) -> None:
    text = "CANBERRA, March 3 - Fiji and Samoa agreed to cooperate on fisheries."
    assert set(_pairs(_relations(nlp, text))) == {("FJI", "WSM")}


@pytest.mark.parametrize(
    "text",
    [
        "He said Canada's interests in the Uruguay Round, the eighth under the GATT, are wide.",
        "Canada said its interests in the\nUruguay Round, the eighth under the GATT, are wide.",
    ],
)
def test_a_place_in_the_name_of_a_negotiation_is_no_party(nlp: Language, text: str) -> None:
    assert all("URY" not in pair for pair in _pairs(_relations(nlp, text)))


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Japan is the largest customer for Thai rice.", ("JPN", "THA")),
        ("Korea worries about uncertain supplies from Argentina.", ("ARG", "KOR")),
    ],
)
def test_trade_roles_link_the_trading_pair(nlp: Language, text: str, pair: tuple[str, str]) -> None:
    """A customer, supplier or buyer of another state's goods trades with it."""
    assert pair in _pairs(_relations(nlp, text))


def test_a_meeting_of_several_states_pairs_each_with_its_host(nlp: Language) -> None:
    text = "Ministers from Japan, South Korea and China met in Bangkok on Monday."
    pairs = set(_pairs(_relations(nlp, text)))
    assert {("CHN", "THA"), ("JPN", "THA"), ("KOR", "THA")} <= pairs
    # two states meeting in a third place: the place is where, not a party
    pairs = set(_pairs(_relations(nlp, "Japan met China in Bangkok on Monday.")))
    assert pairs == {("CHN", "JPN")}


def test_a_sea_is_a_place_of_the_story_never_a_party(nlp: Language) -> None:
    text = "Kenya accused Somalia of closing the Indian Ocean to Kenyan fishing boats."
    assert set(_pairs(_relations(nlp, text))) == {("KEN", "SOM")}
