"""extract_events over sentences we wrote: each PLOVER type with its CAMEO code, status
from tense, modals and cue words, the manual's future rules (planned cooperation is
AGREE, a signed deal is SUPPORT plus the AGREE it spells out), negation and hedges,
place and date, duplicates merged."""

from __future__ import annotations

import pytest
from spacy.language import Language

from accord.extract.actors import extract_actors
from accord.extract.events import EXTRACTOR, extract_events
from accord.schema import Actor, Document, Event, Organization, Source

PUBLISHED = "2024-03-14"  # a Thursday


def _events(nlp: Language, text: str, published: str | None = PUBLISHED) -> tuple[Event, ...]:
    doc = nlp(text)
    document = Document(
        id="t", content_hash="sha256:t", source=Source(), raw=text, body=text, published=published
    )
    return extract_events(document, doc, extract_actors(document, doc))


def _keys(events: tuple[Event, ...]) -> set[tuple[str, str, tuple[str, ...], str]]:
    return {(e.type, e.cameo or "", e.actors, e.status) for e in events}


TYPES = [
    # CONSULT 04x: meetings, visits, talks, hosting, mediation
    (
        "Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan on Monday.",
        ("CONSULT", "040", ("KEN", "TZA"), "occurred"),
    ),
    (
        "The foreign ministers of Ghana and Nigeria held talks in Accra.",
        ("CONSULT", "040", ("GHA", "NGA"), "occurred"),
    ),
    (
        "Egypt's prime minister visited Saudi Arabia.",
        ("CONSULT", "042", ("EGY", "SAU"), "occurred"),
    ),
    # SUPPORT 05x: signing, ratifying, relations, praise
    (
        "Vietnam and Japan signed a memorandum of understanding on railway construction.",
        ("SUPPORT", "057", ("JPN", "VNM"), "occurred"),
    ),
    (
        "Morocco and Nigeria ratified the gas pipeline agreement.",
        ("SUPPORT", "057", ("MAR", "NGA"), "occurred"),
    ),
    (
        "Chile and Peru established diplomatic relations in 1990.",
        ("SUPPORT", "054", ("CHL", "PER"), "occurred"),
    ),
    (
        "The Indian prime minister praised Bangladesh for its economic reforms.",
        ("SUPPORT", "051", ("BGD", "IND"), "occurred"),
    ),
    # COOPERATE 06x: trade, facilities in the other country, shared technology
    (
        "Germany exported machine tools to Poland in 2023.",
        ("COOPERATE", "061", ("DEU", "POL"), "occurred"),
    ),
    ("China opened a cultural centre in Kenya.", ("COOPERATE", "061", ("CHN", "KEN"), "occurred")),
    (
        "France shared intelligence with Chad about the rebel convoy.",
        ("COOPERATE", "064", ("FRA", "TCD"), "occurred"),
    ),
    # AID 07x
    (
        "Japan extended a $500 million loan to Indonesia for a port project.",
        ("AID", "071", ("IDN", "JPN"), "occurred"),
    ),
    (
        "The World Bank provided emergency assistance to Malawi after the floods.",
        ("AID", "070", ("IGO:WB", "MWI"), "occurred"),
    ),
    # CONCEDE, REQUEST and the conflictual types
    (
        "India eased visa restrictions for Sri Lankan tourists.",
        ("CONCEDE", "081", ("IND", "LKA"), "occurred"),
    ),
    (
        "The European Union demanded that Belarus release the detained journalists.",
        ("REQUEST", "100", ("BLR", "IGO:EU"), "occurred"),
    ),
    (
        "The United States accused Iran of supplying drones to Russia.",
        ("ACCUSE", "112", ("IRN", "USA"), "occurred"),
    ),
    (
        "France criticised Mali over the closure of its schools.",
        ("ACCUSE", "111", ("FRA", "MLI"), "occurred"),
    ),
    (
        "China rejected the Philippines' claims over the reef.",
        ("REJECT", "120", ("CHN", "PHL"), "occurred"),
    ),
    (
        "North Korea threatened South Korea with military action.",
        ("THREATEN", "130", ("KOR", "PRK"), "occurred"),
    ),
    (
        "Washington imposed sanctions on Venezuela in January.",
        ("SANCTION", "163", ("USA", "VEN"), "occurred"),
    ),
    (
        "Algeria expelled two French diplomats on Tuesday.",
        ("SANCTION", "166", ("DZA", "FRA"), "occurred"),
    ),
    (
        "Russian forces attacked Ukrainian positions near Kharkiv.",
        ("ASSAULT", "190", ("RUS", "UKR"), "occurred"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), TYPES)
def test_plover_type_and_cameo(nlp: Language, text: str, expected: tuple) -> None:  # type: ignore[type-arg]
    assert expected in _keys(_events(nlp, text))


STATUS = [
    # planned or intended cooperation is AGREE; the CAMEO code is the 03x intent code
    (
        "Brazil will host a summit with Argentina in June.",
        ("AGREE", "036", ("ARG", "BRA"), "planned"),
    ),
    (
        "Turkey plans to hold talks with Greece next month.",
        ("AGREE", "036", ("GRC", "TUR"), "planned"),
    ),
    (
        "Egypt and Sudan are scheduled to sign a water-sharing deal in July.",
        ("AGREE", "032", ("EGY", "SDN"), "planned"),
    ),
    (
        "The Kenyan president is expected to visit China next week.",
        ("AGREE", "036", ("CHN", "KEN"), "planned"),
    ),
    (
        "Canada is ready to share its nuclear technology with Ghana.",
        ("AGREE", "031", ("CAN", "GHA"), "intended"),
    ),
    ("Russia wants to boost trade with Egypt.", ("AGREE", "031", ("EGY", "RUS"), "intended")),
    # 'would' under a past speech verb is the reported 'will': planned
    (
        "South Korea said it would provide humanitarian aid to Somalia.",
        ("AGREE", "033", ("KOR", "SOM"), "planned"),
    ),
    (
        "Officials told reporters that Peru would export copper to Vietnam under the plan.",
        ("AGREE", "031", ("PER", "VNM"), "planned"),
    ),
    # willingness after a preposition: 'interested in', 'keen on'
    (
        "Polish utilities are interested in buying Norwegian gas.",
        ("AGREE", "031", ("NOR", "POL"), "intended"),
    ),
    # a present-tense time clause takes the main clause's future
    (
        "Laos will ask Thailand for credit when the two countries meet in May.",
        ("AGREE", "036", ("LAO", "THA"), "planned"),
    ),
    # 'called a summit' announces it: planned
    (
        "The African Union has called a summit with Egypt in Cairo in June.",
        ("AGREE", "036", ("EGY", "IGO:AU"), "planned"),
    ),
    (
        "A draft agreement between Uganda and Kenya on oil transport is under review.",
        ("AGREE", "032", ("KEN", "UGA"), "planned"),
    ),
    (
        "India and Bangladesh agreed to expand cooperation in solar energy.",
        ("AGREE", "031", ("BGD", "IND"), "planned"),
    ),
    # reported speech: the embedded clause decides
    (
        "The minister said Ghana will sign a defence pact with France in July.",
        ("AGREE", "032", ("FRA", "GHA"), "planned"),
    ),
    # a planned conflictual event keeps its type
    (
        "Washington will impose sanctions on Venezuela next month.",
        ("SANCTION", "163", ("USA", "VEN"), "planned"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), STATUS)
def test_status_and_future_rules(nlp: Language, text: str, expected: tuple) -> None:  # type: ignore[type-arg]
    assert expected in _keys(_events(nlp, text))


def test_signed_deal_is_support_and_its_content_is_planned_agree(nlp: Language) -> None:
    text = "Jordan and Iraq signed a trade agreement under which Iraq will export oil to Jordan."
    keys = _keys(_events(nlp, text))
    assert ("SUPPORT", "057", ("IRQ", "JOR"), "occurred") in keys
    assert ("AGREE", "031", ("IRQ", "JOR"), "planned") in keys


def test_deal_spelling_out_exercises(nlp: Language) -> None:
    text = "Turkey signed a defence agreement with Azerbaijan covering joint military exercises."
    keys = {(e.type, e.status) for e in _events(nlp, text)}
    assert keys == {("SUPPORT", "occurred"), ("AGREE", "planned")}


# trade figures, money objects, agreements described by a participle, conflict verbs
MECHANISMS = [
    (
        "Bilateral trade between Chile and Peru rose 40 percent last year.",
        ("COOPERATE", "061", ("CHL", "PER"), "occurred"),
    ),
    (
        "Saudi Arabia deposited $2 billion in Egypt's central bank.",
        ("AID", "071", ("EGY", "SAU"), "occurred"),
    ),
    (
        "Norway will provide $12m to Malawi for school meals.",
        ("AGREE", "033", ("MWI", "NOR"), "planned"),
    ),
    (
        "The IMF, which approved a $2bn loan for Sri Lanka in March, praised the reforms.",
        ("AID", "071", ("IGO:IMF", "LKA"), "occurred"),
    ),
    (
        "Under a security pact signed by Kenya and Haiti in March, Kenyan police will deploy.",
        ("SUPPORT", "057", ("HTI", "KEN"), "occurred"),
    ),
    (
        "Ghana welcomed Canada's offer of technical training.",
        ("SUPPORT", "051", ("CAN", "GHA"), "occurred"),
    ),
    (
        "Algeria warned Morocco that it would respond to any incursion.",
        ("THREATEN", "130", ("DZA", "MAR"), "occurred"),
    ),
    (
        "Sweden summoned the Iranian ambassador over the execution.",
        ("ACCUSE", "114", ("IRN", "SWE"), "occurred"),
    ),
    (
        "Japan lodged a formal protest with China over the survey ship.",
        ("ACCUSE", "114", ("CHN", "JPN"), "occurred"),
    ),
    # a party hyphened to a participle is its doer: 'a Chinese-built railway'
    (
        "Kenya opened a Chinese-built railway on Wednesday.",
        ("COOPERATE", "061", ("CHN", "KEN"), "occurred"),
    ),
    (
        "Ethiopia inaugurated the Turkish-built dam.",
        ("COOPERATE", "061", ("ETH", "TUR"), "occurred"),
    ),
    # a purchase is an act of trade between the buyer and the goods' state
    (
        "South Korea's purchase of 2.4 mln tonnes of U.S. corn doubled last year's total.",
        ("COOPERATE", "061", ("KOR", "USA"), "occurred"),
    ),
    # a state's protest is an official complaint; a crowd's is a protest
    ("China protested to Japan over the textbook.", ("ACCUSE", "114", ("CHN", "JPN"), "occurred")),
    (
        "Thousands of Kenyans protested outside the Chinese embassy in Nairobi.",
        ("PROTEST", "140", ("CHN", "KEN"), "occurred"),
    ),
    # renewing or extending an agreement is signing it again
    (
        "Egypt and Sudan renewed their water agreement on Monday.",
        ("SUPPORT", "057", ("EGY", "SDN"), "occurred"),
    ),
    # resuming: ties, talks, aid and trade each keep their own type
    (
        "Qatar and Egypt resumed diplomatic ties after a four-year rift.",
        ("SUPPORT", "054", ("EGY", "QAT"), "occurred"),
    ),
    ("India and Pakistan resumed peace talks.", ("CONSULT", "046", ("IND", "PAK"), "occurred")),
    ("The US resumed aid to Egypt on Monday.", ("AID", "070", ("EGY", "USA"), "occurred")),
]


def test_a_speaker_saying_it_will_act_is_the_source(nlp: Language) -> None:
    (event,) = _events(nlp, "Japan said it would lift the ban on Peruvian beef.")
    assert (event.type, event.source, event.target) == ("CONCEDE", "JPN", "PER")
    (event,) = _events(nlp, "Officials said Germany will lend Greece more money.")
    assert (event.type, event.status) == ("AGREE", "planned")


def test_a_hyphened_doer_is_no_party_of_what_befalls_the_noun(nlp: Language) -> None:
    # the US backed the government; it did not take part in the attack on it
    events = _events(nlp, "Gunmen attacked a US-backed government office in Ethiopia.")
    assert all("USA" not in e.actors for e in events if e.type == "ASSAULT")


@pytest.mark.parametrize(("text", "expected"), MECHANISMS)
def test_event_mechanisms(nlp: Language, text: str, expected: tuple) -> None:  # type: ignore[type-arg]
    assert expected in _keys(_events(nlp, text))


def test_reaction_to_the_offer_takes_the_main_counterpart(nlp: Language) -> None:
    text = (
        "India offered to help Nigeria build drug plants. India and Nigeria have traded "
        "medicines for decades. Nigeria's trade minister welcomed the offer."
    )
    keys = {(e.type, e.actors) for e in _events(nlp, text)}
    assert ("SUPPORT", ("IND", "NGA")) in keys


def test_pair_anaphor_skips_credited_agencies(nlp: Language) -> None:
    text = (
        "Ghana and Togo met in Lome. Togo's minister told Reuters the talks went well. "
        "The two countries agreed to open a joint border post."
    )
    doc = nlp(text)
    document = Document(
        id="t", content_hash="sha256:t", source=Source(), raw=text, body=text, published=None
    )
    reuters = Organization(
        name="Reuters", actor="GBR", mentions=((text.index("Reuters"), text.index("Reuters") + 7),)
    )
    events = extract_events(document, doc, extract_actors(document, doc), organizations=(reuters,))
    assert all("GBR" not in e.actors for e in events)
    assert ("AGREE", ("GHA", "TGO")) in {(e.type, e.actors) for e in events}


def test_clause_hanging_off_a_date_takes_it(nlp: Language) -> None:
    text = "The breakthrough came on Monday, when Chile and Peru signed a fisheries agreement."
    (event,) = _events(nlp, text)
    assert (event.type, event.when) == ("SUPPORT", "2024-03-11")


NO_EVENT = [
    "Trade between Chile and Peru reached $4 billion last year.",  # a total, not an event
    "Japanese imports from Thailand totalled $60 billion in 2023.",  # a statistic
    "Kenya imported tea machinery worth $40m from India last year.",  # a statistic
    "The US general warned Congress about a Chinese port in Djibouti.",  # no threat
    "Kenya did not sign the trade deal with Ethiopia.",  # negated
    "Ethiopia and Eritrea may sign a peace deal next year.",  # hedged
    "If Chad attacked Sudan, the region would suffer.",  # hypothetical
    "Leaders from Brazil and Norway attended the ceremony.",  # no trigger
    "Kenya signed the agreement.",  # one actor, no partner
    "The agreement between Peru and Chile covers fishing.",  # a bare agreement mention
    "The news conference in Paris was attended by Senegal's minister.",  # not a meeting
    # a deal undone by its governor promises nothing
    "A week ago Canada pulled out of an agreement to buy Mexican oil.",
    "Canada withdrew from an agreement to supply oil to Mexico.",
    "Ghana reneged on an agreement to sell cocoa to Togo.",
    "Mali tore up an agreement to buy gold from Niger.",
    # what could or should happen is no act; nor is what onlookers forecast
    "Analysts said Japan could impose tariffs on Peru next year.",
    "Critics say China should invest more in Kenya.",
    "Economists believe Germany will lend Greece more money.",
    "Thailand needs aid from Japan.",  # a need is no refusal; only its negation is
    # a state word that only says whose money it is: fighting a currency is no assault
    "Japan cut interest rates to fight the yen's rise against the U.S. dollar.",
]


@pytest.mark.parametrize("text", NO_EVENT)
def test_no_event(nlp: Language, text: str) -> None:
    assert _events(nlp, text) == ()


def test_where_when_what_source_target(nlp: Language) -> None:
    text = (
        "Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan "
        "in Arusha on Monday."
    )
    (event,) = _events(nlp, text)
    assert event.where == "Arusha"
    assert event.when == "2024-03-11"  # the Monday before publication
    assert event.source == "KEN" and event.target == "TZA"
    assert event.what is not None and event.what.startswith("met")
    assert event.span == (0, len(text))
    assert event.extractor == EXTRACTOR


def test_named_summit_place_and_future_month(nlp: Language) -> None:
    text = (
        "The Ghana-Nigeria Business Summit, which is to take place in Lagos in July, "
        "will bring together ministers from Ghana and Nigeria."
    )
    events = _events(nlp, text)
    summit = next(e for e in events if e.what and "Summit" in e.what)
    assert (summit.type, summit.status) == ("AGREE", "planned")
    assert summit.where == "Lagos"
    assert summit.when == "2024-07"


def test_when_is_null_without_anchor(nlp: Language) -> None:
    (event,) = _events(nlp, "Chile and Peru held talks last week.", published=None)
    assert event.when is None


def test_two_countries_resolve_to_last_two_actors(nlp: Language) -> None:
    text = "Ghana and Togo share a long border. The two countries signed a security pact."
    keys = _keys(_events(nlp, text))
    assert ("SUPPORT", "057", ("GHA", "TGO"), "occurred") in keys


def test_duplicates_merge_and_keep_first_span(nlp: Language) -> None:
    text = (
        "Chile and Peru signed a fisheries agreement. "
        "The agreement was signed by Chile and Peru in Lima."
    )
    events = [e for e in _events(nlp, text) if e.type == "SUPPORT"]
    assert len(events) == 1
    assert events[0].span[0] == 0
    assert events[0].where == "Lima"  # filled from the later mention


def test_multilateral_meeting_stays_one_event(nlp: Language) -> None:
    text = "Kenya, Uganda and Rwanda held talks on the regional railway in Nairobi."
    events = [e for e in _events(nlp, text) if e.type == "CONSULT"]
    assert len(events) == 1
    assert events[0].actors == ("KEN", "RWA", "UGA")


def test_no_actors_no_events(nlp: Language) -> None:
    doc = nlp("The ministers met in the capital.")
    document = Document(id="t", content_hash="h", source=Source(), raw=doc.text, body=doc.text)
    assert extract_events(document, doc, ()) == ()


def test_hand_built_actors_are_enough(nlp: Language) -> None:
    """Events only need actor mentions; any extractor (or a test) may supply them."""
    text = "Atlantis signed a treaty with Lemuria."
    doc = nlp(text)
    document = Document(id="t", content_hash="h", source=Source(), raw=text, body=text)
    actors = (
        Actor(code="ATL", name="Atlantis", kind="state", mentions=((0, 8),)),
        Actor(code="LEM", name="Lemuria", kind="state", mentions=((30, 37),)),
    )
    (event,) = extract_events(document, doc, actors)
    assert (event.type, event.cameo, event.actors) == ("SUPPORT", "057", ("ATL", "LEM"))


LEAD_DATES = [
    # reported as news in the lead without a date: the publication month
    ("Chile and Peru signed a fisheries agreement.", "2023-03-16", "2023-03"),
    # its own date wins
    ("Chile and Peru signed a fisheries agreement on Monday.", "2023-03-16", "2023-03-13"),
    ("Chile and Peru signed a fisheries agreement in 1998.", "2023-03-16", "1998"),
    # a past month after the publication month is last year's
    ("Chile and Peru signed a fisheries agreement in November.", "2023-03-16", "2022-11"),
    # planned: no date stays no date
    ("Chile and Peru will sign a fisheries agreement.", "2023-03-16", None),
    # no publication date: nothing to anchor on
    ("Chile and Peru signed a fisheries agreement.", None, None),
]


@pytest.mark.parametrize(("text", "published", "when"), LEAD_DATES)
def test_lead_event_without_date_takes_publication_month(
    nlp: Language, text: str, published: str | None, when: str | None
) -> None:
    events = [e for e in _events(nlp, text, published=published) if e.actors == ("CHL", "PER")]
    assert events and events[0].when == when


def test_undated_event_further_down_stays_undated(nlp: Language) -> None:
    text = (
        "Fisheries deal for the Pacific coast.\n\nOfficials met in Lima on Monday. "
        "They praised the work of the fleet. Years earlier, Chile and Peru signed a "
        "border treaty."
    )
    events = [e for e in _events(nlp, text, published="2023-03-16") if e.type == "SUPPORT"]
    assert events and all(e.when is None for e in events)


def test_what_an_object_offers_is_not_an_event_of_its_own(nlp: Language) -> None:
    """'turned down an offer of talks': the talks never happened; one REJECT."""
    events = _events(nlp, "Chile turned down Peru's offer of talks on Monday.")
    assert [(e.type, e.actors) for e in events] == [("REJECT", ("CHL", "PER"))]


IGO_ALONE = [
    ("OPEC ministers agreed on Sunday to cut output.", ("AGREE", ("IGO:OPEC",), "planned")),
    (
        "International Coffee Organization talks on export quotas ended in failure.",
        ("CONSULT", ("IGO:ICO",), "occurred"),
    ),
]


@pytest.mark.parametrize(("text", "want"), IGO_ALONE)
def test_an_igos_own_meeting_or_accord_has_it_as_only_actor(
    nlp: Language,
    text: str,
    want: tuple[str, tuple[str, ...], str],
) -> None:
    assert [(e.type, e.actors, e.status) for e in _events(nlp, text)] == [want]


def test_an_igo_welcoming_something_is_no_event_alone(nlp: Language) -> None:
    """Praise needs a counterpart: no one-actor SUPPORT for 'the IMF welcomed ...'."""
    events = _events(nlp, "The IMF, which lent $1bn to Zambia, welcomed the deal.")
    assert all(len(e.actors) >= 2 for e in events)


def test_agreement_content_hung_on_the_verb_is_still_planned(nlp: Language) -> None:
    """'reached agreement in Lima on a joint venture': the parse hangs 'on a joint
    venture' on the verb; the venture is what the deal promises, not a done thing."""
    keys = {
        (e.type, e.status)
        for e in _events(nlp, "Chile and Peru reached agreement in Lima on a joint venture.")
    }
    assert keys == {("SUPPORT", "occurred"), ("AGREE", "planned")}


def test_a_relative_clause_with_its_own_doer_is_not_the_parties_act(nlp: Language) -> None:
    """'..., which critics attacked': the critics attack, not Kenya or China."""
    text = "Kenya welcomed the Chinese loan, which critics attacked as a debt trap."
    assert [(e.type, e.actors) for e in _events(nlp, text)] == [("SUPPORT", ("CHN", "KEN"))]


FRAMED = [
    # the framing act keeps its type; what it threatens, demands or refuses has not happened
    ("Russia threatened to cut ties with Georgia.", [("THREATEN", ("GEO", "RUS"))]),
    ("India demanded that Pakistan end cross-border raids.", [("REQUEST", ("IND", "PAK"))]),
    ("Kenya refused to sign the deal with Uganda.", [("REJECT", ("KEN", "UGA"))]),
    ("France warned Iran of new sanctions.", [("THREATEN", ("FRA", "IRN"))]),
    ("The United States accused Iran of supplying drones to Russia.", [("ACCUSE", ("IRN", "USA"))]),
]


@pytest.mark.parametrize(("text", "want"), FRAMED)
def test_the_framing_act_keeps_its_type(
    nlp: Language, text: str, want: list[tuple[str, tuple[str, ...]]]
) -> None:
    assert [(e.type, e.actors) for e in _events(nlp, text)] == want


def test_a_relative_clause_inside_a_denial_is_not_denied(nlp: Language) -> None:
    """'deny that they used lasers in Djibouti, where China opened a base': the base
    is a fact of its own, not part of what is denied."""
    text = "China denied that its troops used lasers in Djibouti, where China opened a base."
    assert ("COOPERATE", ("CHN", "DJI")) in [(e.type, e.actors) for e in _events(nlp, text)]


@pytest.mark.parametrize(
    "text",
    [
        "NAIROBI, May 2 - Uganda signed a trade deal with Rwanda on Monday.",
        "NAIROBI (Reuters) - Uganda signed a trade deal with Rwanda on Monday.",
    ],
)
def test_a_dateline_city_is_never_a_party(nlp: Language, text: str) -> None:
    assert {e.actors for e in _events(nlp, text)} == {("RWA", "UGA")}


def test_a_year_in_the_sentence_beats_the_dateline_date(nlp: Language) -> None:
    (event,) = _events(nlp, "LONDON, March 5 - Britain signed a treaty with France in 1986.")
    assert event.when == "1986"
    (event,) = _events(nlp, "LONDON, March 5 - Britain signed a treaty with France.")
    assert event.when is not None and event.when.endswith("-03-05")


def test_the_other_side_of_an_agreement_may_sit_in_its_content(nlp: Language) -> None:
    """'agreed to instruct the World Bank and the IMF': one planned AGREE among the
    three, not the G8 alone."""
    text = "G8 ministers agreed to instruct the World Bank and the IMF to study the debt."
    assert [(e.type, e.actors, e.status) for e in _events(nlp, text)] == [
        ("AGREE", ("IGO:G8", "IGO:IMF", "IGO:WB"), "planned")
    ]


def test_the_offer_stands_for_the_last_offer_a_party_made(nlp: Language) -> None:
    """'declined the offer': the definite object names no party, but the last offer a
    party owned ('the Paris Club offer') does: its owner is the other side."""
    text = (
        "Sri Lanka accepted the Paris Club offer. "
        "Thailand and India have however declined the offer."
    )
    assert ("REJECT", ("IGO:PARISCLUB", "IND", "THA")) in [
        (e.type, e.actors) for e in _events(nlp, text)
    ]


def test_wire_copy_capitals_after_us_still_trigger(nlp: Language) -> None:
    """Reuters-style copy capitalises the word after 'U.S.' ('U.S. Demands that ...');
    the noun is still a demand."""
    text = "Peru, angered by U.S. Demands that Peru open its fish market, said no."
    assert ("REQUEST", ("PER", "USA")) in [(e.type, e.actors) for e in _events(nlp, text)]


def test_the_end_of_what_an_act_covers_is_not_when_it_happened(nlp: Language) -> None:
    (event,) = _events(nlp, "Russia and Ukraine extended the gas deal until 2030.")
    assert event.type == "SUPPORT" and event.when != "2030"


def test_a_meeting_with_people_who_are_no_party_takes_no_counterpart(nlp: Language) -> None:
    text = (
        "The Ghanaian minister met reporters in Accra.\n\n"
        "Ghana accused Togo of breaking its promises. Ghana warned Togo that it would respond."
    )
    assert all(e.type != "CONSULT" for e in _events(nlp, text))


def test_a_visit_to_a_place_of_no_state_takes_no_other_party(nlp: Language) -> None:
    text = "Japan's prime minister defended his visit to the shrine, despite protests from China."
    assert {e.type for e in _events(nlp, text)} == {"ACCUSE"}


def test_an_object_the_tagger_took_for_a_verb_is_the_refused_noun(nlp: Language) -> None:
    # the small model tags "offer" here as a verb; as the object of "rejected" it is
    # the thing refused, and the state inside it the other side
    events = _events(nlp, "Indonesia rejected a Paris Club offer to freeze its debt repayments.")
    assert [(e.type, e.actors) for e in events] == [("REJECT", ("IDN", "IGO:PARISCLUB"))]


def test_saying_one_will_retaliate_is_a_threat_made(nlp: Language) -> None:
    # the condition's doer is the target; the threat is made, whatever comes of it
    events = _events(nlp, "Canada said it would retaliate if Mexico went ahead with the tariffs.")
    assert _keys(events) == {("THREATEN", "130", ("CAN", "MEX"), "occurred")}
    # what it would retaliate against has not happened
    events = _events(nlp, "China warned it would retaliate against any U.S. sanctions.")
    assert [(e.type, e.actors) for e in events] == [("THREATEN", ("CHN", "USA"))]
    # a retaliation that happened is coded by what was done, not as a threat
    assert _events(nlp, "Canada retaliated last year.") == ()


def test_a_takeover_across_borders_is_economic_cooperation(nlp: Language) -> None:
    text = "India's Tata Steel completed its takeover of Britain's Corus on Friday."
    assert [(e.type, e.actors, e.status) for e in _events(nlp, text)] == [
        ("COOPERATE", ("GBR", "IND"), "occurred")
    ]
    # one that is only proposed is planned cooperation: AGREE
    text = "Kenya and Uganda backed a proposed merger of their two state airlines."
    assert ("AGREE", ("KEN", "UGA")) in {(e.type, e.actors) for e in _events(nlp, text)}


def test_what_is_asked_for_is_not_given(nlp: Language) -> None:
    events = _events(nlp, "Nigeria has asked the World Bank for a $500m loan.")
    assert [(e.type, e.actors) for e in events] == [("REQUEST", ("IGO:WB", "NGA"))]


@pytest.mark.parametrize(
    ("text", "cameo", "actors"),
    [
        ("Russia cut gas supplies to Ukraine on Sunday.", "163", ("RUS", "UKR")),
        ("Iran stopped oil deliveries to Japan.", "163", ("IRN", "JPN")),
        ("The United States halted aid to Nicaragua.", "162", ("NIC", "USA")),
        ("Syria halted talks with Israel.", "164", ("ISR", "SYR")),
    ],
)
def test_stopping_supplies_aid_or_talks_reduces_relations(
    nlp: Language, text: str, cameo: str, actors: tuple[str, ...]
) -> None:
    # CAMEO 16: 162 stop material aid, 163 embargo, 164 halt negotiations
    assert [(e.type, e.cameo, e.actors) for e in _events(nlp, text)] == [
        ("SANCTION", cameo, actors)
    ]


def test_the_police_in_a_state_are_that_states(nlp: Language) -> None:
    # "police in Kenya" are Kenya's police, acting against a party that is no state
    events = _events(nlp, "Police in Kenya arrested 30 opposition protesters in Nairobi.")
    assert [(e.type, e.actors, e.source) for e in events] == [("COERCE", ("KEN",), "KEN")]
    # troops "in" a state are as often another's: still a place
    events = _events(nlp, "US troops in Iraq met Kenyan officials.")
    assert {e.actors for e in events} == {("KEN", "USA")}


def test_releasing_another_states_nationals_is_retreat(nlp: Language) -> None:
    events = _events(nlp, "Thai authorities released 20 Burmese fishermen.")
    assert [(e.type, e.actors) for e in events] == [("RETREAT", ("MMR", "THA"))]


def test_talks_with_a_party_that_is_no_state_are_the_states_event(nlp: Language) -> None:
    events = _events(nlp, "Nigeria held talks with rebels on Monday.")
    assert [(e.type, e.actors, e.source) for e in events] == [("CONSULT", ("NGA",), "NGA")]
    # people who are no party at all make no event
    assert _events(nlp, "Nigeria held talks with reporters on Monday.") == ()


def test_a_sea_is_no_party_of_an_event(nlp: Language) -> None:
    text = "Kenya accused Somalia of closing the Indian Ocean to Kenyan fishing boats."
    assert [(e.type, e.actors) for e in _events(nlp, text)] == [("ACCUSE", ("KEN", "SOM"))]


def test_trading_accusations_or_fire_is_conflict_not_trade(nlp: Language) -> None:
    events = _events(nlp, "Greece and Turkey traded accusations over airspace violations.")
    assert [(e.type, e.actors) for e in events] == [("ACCUSE", ("GRC", "TUR"))]
    events = _events(nlp, "India and Pakistan traded fire across the border on Monday.")
    assert [(e.type, e.actors) for e in events] == [("ASSAULT", ("IND", "PAK"))]


def test_the_other_side_of_a_signed_deal_may_sit_in_what_it_provides(nlp: Language) -> None:
    events = _events(nlp, "India signed a $1bn deal to buy 40 fighter jets from France.")
    assert {(e.type, e.actors, e.status) for e in events} == {
        ("SUPPORT", ("FRA", "IND"), "occurred"),
        ("AGREE", ("FRA", "IND"), "planned"),
    }


def test_a_trip_to_several_states_is_one_visit_to_each(nlp: Language) -> None:
    text = "Kenya's foreign minister will visit Ghana, Peru and Brazil next month."
    assert {e.actors for e in _events(nlp, text)} == {
        ("GHA", "KEN"),
        ("KEN", "PER"),
        ("BRA", "KEN"),
    }


def test_an_igos_own_meeting_has_no_venue_party(nlp: Language) -> None:
    events = _events(nlp, "OPEC oil ministers will meet in Vienna on June 25.")
    assert [(e.type, e.actors) for e in events] == [("AGREE", ("IGO:OPEC",))]


def test_a_promise_or_pledge_as_a_noun_is_intended(nlp: Language) -> None:
    events = _events(nlp, "China's promise of loans to Zambia drew praise.")
    assert [(e.type, e.actors, e.status) for e in events] == [("AGREE", ("CHN", "ZMB"), "intended")]


def test_what_an_intent_verb_promises_in_a_phrase_is_not_given(nlp: Language) -> None:
    events = _events(nlp, "Britain pledged 100m pounds in aid to Sudan on Monday.")
    assert _keys(events) == {("AGREE", "030", ("GBR", "SDN"), "intended")}


def test_a_venue_in_a_meetings_phrase_leaves_room_for_those_who_attend(nlp: Language) -> None:
    text = (
        "Brazil and Colombia will attend the International Coffee Organization meeting in London."
    )
    events = _events(nlp, text)
    assert [(e.type, e.actors, e.status) for e in events] == [
        ("AGREE", ("BRA", "COL", "IGO:ICO"), "planned")
    ]


def test_trade_a_state_raises_is_trade_that_moved(nlp: Language) -> None:
    events = _events(nlp, "Australia boosted beef exports to Japan last year.")
    assert _keys(events) == {("COOPERATE", "061", ("AUS", "JPN"), "occurred")}
    events = _events(nlp, "Japan increased imports of Brazilian soybeans.")
    assert {(e.type, e.actors) for e in events} == {("COOPERATE", ("BRA", "JPN"))}


def test_a_stake_in_something_names_the_other_side_not_a_place(nlp: Language) -> None:
    # the signed deal's purpose, hung by the parser on the signing
    events = _events(nlp, "China signed a deal to buy a stake in a Canadian oil project.")
    assert ("SUPPORT", ("CAN", "CHN"), "occurred") in {(e.type, e.actors, e.status) for e in events}
    # talks held for a purchase are talks with the seller's side
    events = _events(nlp, "France is in talks to acquire a stake in a Norwegian oil company.")
    assert [(e.type, e.actors, e.status) for e in events] == [
        ("CONSULT", ("FRA", "NOR"), "occurred")
    ]


def test_hoping_to_sign_is_an_intent(nlp: Language) -> None:
    events = _events(nlp, "Indonesia hopes to sign a new loan agreement with Japan.")
    assert [(e.type, e.actors, e.status) for e in events] == [("AGREE", ("IDN", "JPN"), "intended")]


def test_welcoming_what_a_state_did_is_support_not_a_visit(nlp: Language) -> None:
    events = _events(nlp, "Japan welcomed the U.S. decision to lift the sanctions.")
    assert ("SUPPORT", ("JPN", "USA")) in {(e.type, e.actors) for e in events}
    events = _events(nlp, "China welcomed the Kenyan delegation in Beijing.")
    assert [(e.type, e.actors) for e in events] == [("CONSULT", ("CHN", "KEN"))]


@pytest.mark.parametrize(
    "text",
    [
        "West Germany supported the U.S. proposal on farm subsidies.",
        "Kenya backed Uganda's bid for the post.",
        "China voiced support for Pakistan's position.",
        "The United States supports Israel.",
    ],
)
def test_backing_a_party_or_its_position_is_support(nlp: Language, text: str) -> None:
    assert [e.type for e in _events(nlp, text)] == ["SUPPORT"]


@pytest.mark.parametrize(
    "text",
    [
        "The Bank of Japan bought dollars to support the U.S. currency.",
        "The base is used to support U.N. peacekeeping missions.",
        "Britain backed down over the fishing dispute with Iceland.",
    ],
)
def test_propping_up_a_currency_or_an_operation_is_no_support(nlp: Language, text: str) -> None:
    assert [e.type for e in _events(nlp, text) if e.type == "SUPPORT"] == []


def test_seeking_aid_or_talks_from_a_party_is_a_request(nlp: Language) -> None:
    events = _events(nlp, "Egypt is seeking a 500 mln dlr loan from the World Bank.")
    assert _keys(events) == {("REQUEST", "020", ("EGY", "IGO:WB"), "occurred")}
    # seeking to do something is an intent, not a request of anyone
    assert [e.type for e in _events(nlp, "Brazil seeks to renegotiate its debt.")] == []


def test_duties_and_quotas_are_restrictions_imposed_or_lifted(nlp: Language) -> None:
    events = _events(nlp, "The European Community imposed duties on Japanese photocopiers.")
    assert [(e.type, e.actors) for e in events] == [("SANCTION", ("IGO:EU", "JPN"))]
    events = _events(nlp, "The United States lifted quotas on Chinese textiles.")
    assert [(e.type, e.actors) for e in events] == [("CONCEDE", ("CHN", "USA"))]


def test_a_purchase_named_with_its_buyer_only_is_from_the_storys_partner(nlp: Language) -> None:
    text = (
        "Kenya and Uganda signed a deal on a new cement plant in Kenya. "
        "Kenya and Uganda will share its costs. "
        "Officials said Uganda agreed to buy the plant's entire output."
    )
    buys = [e for e in _events(nlp, text) if "buy" in (e.what or "")]
    assert [(e.type, e.actors, e.status) for e in buys] == [("AGREE", ("KEN", "UGA"), "planned")]
    # a sale may be made at home: the seller is not implied
    text = (
        "Kenya and Uganda signed a deal on a new cement plant in Kenya. "
        "Kenya and Uganda will share its costs. "
        "Officials said Uganda would sell its stake in the state airline."
    )
    assert [e for e in _events(nlp, text) if "sell" in (e.what or "")] == []


def test_a_bid_for_a_firm_abroad_is_an_intended_agreement(nlp: Language) -> None:
    events = _events(nlp, "Italy's Ferruzzi made a takeover bid for the British sugar company.")
    assert [(e.type, e.actors, e.status) for e in events] == [("AGREE", ("GBR", "ITA"), "intended")]
    events = _events(nlp, "Italy's Ferruzzi launched a bid for Britain's British Sugar.")
    assert [(e.type, e.actors, e.status) for e in events] == [("AGREE", ("GBR", "ITA"), "intended")]
    # 'in a bid to' says what for, and offers nothing to anyone
    assert _events(nlp, "Kenya cut tariffs on Ugandan maize in a bid to lower prices.") == (
        _events(nlp, "Kenya cut tariffs on Ugandan maize.")
    )


def test_a_gerund_after_a_time_preposition_is_its_own_event_of_the_subject(nlp: Language) -> None:
    text = "After meeting Chinese leaders, Japan's foreign minister flew to Seoul for talks."
    assert {(e.type, e.actors) for e in _events(nlp, text)} == {
        ("CONSULT", ("CHN", "JPN")),
        ("CONSULT", ("JPN", "KOR")),
    }
    # a gerund after 'for' still belongs to its noun's phrase
    text = "Kenya is ready to share technologies for building dams with Ghana."
    assert {e.actors for e in _events(nlp, text)} == {("GHA", "KEN")}


def test_talks_that_failed_before_the_main_act_are_past_and_the_subjects(nlp: Language) -> None:
    text = "Japan agreed to buy more beef from Australia after talks with Canada failed."
    assert {(e.type, e.actors, e.status) for e in _events(nlp, text)} == {
        ("AGREE", ("AUS", "JPN"), "planned"),
        ("CONSULT", ("CAN", "JPN"), "occurred"),
    }


def test_clashing_over_an_issue_is_a_quarrel_and_over_land_a_fight(nlp: Language) -> None:
    events = _events(nlp, "Kenya and Uganda have clashed over fishing rules.")
    assert [(e.type, e.actors) for e in events] == [("ACCUSE", ("KEN", "UGA"))]
    events = _events(nlp, "Indian and Pakistani troops clashed over the disputed border.")
    assert [(e.type, e.actors) for e in events] == [("ASSAULT", ("IND", "PAK"))]


def test_what_drops_the_owners_possessive(nlp: Language) -> None:
    events = _events(nlp, "China's exports to the European Union rose 30% last year.")
    assert [e.what for e in events] == ["exports to the European Union"]


def test_a_state_bodys_protest_is_an_official_complaint(nlp: Language) -> None:
    events = _events(nlp, "Kenyan officials protested to Uganda over the border closure.")
    assert [(e.type, e.actors) for e in events] == [("ACCUSE", ("KEN", "UGA"))]
    events = _events(nlp, "Thousands of Kenyan farmers protested against Ugandan imports.")
    assert [(e.type, e.actors) for e in events] == [("PROTEST", ("KEN", "UGA"))]


def test_attacking_a_policy_is_criticism(nlp: Language) -> None:
    events = _events(nlp, "Britain's finance minister attacked French economic policy.")
    assert [(e.type, e.cameo, e.actors) for e in events] == [("ACCUSE", "111", ("FRA", "GBR"))]


def test_goods_shipped_or_aid_received_by_the_tonne(nlp: Language) -> None:
    events = _events(nlp, "Exporters said Pakistan shipped 50,000 tonnes of rice to Iran.")
    assert [(e.type, e.actors) for e in events] == [("COOPERATE", ("IRN", "PAK"))]
    events = _events(nlp, "Sri Lanka received 20,000 tonnes of U.S. food aid wheat.")
    assert [(e.type, e.actors) for e in events] == [("AID", ("LKA", "USA"))]
    # shipping as an alternative named, or a trade, is no shipment made
    text = "Ghana and Britain want Ghana to process cocoa instead of shipping beans abroad."
    assert "COOPERATE" not in {e.type for e in _events(nlp, text)}


@pytest.mark.parametrize(
    "text",
    [
        "A meeting between Kenya and Uganda is set for April 27.",
        "The talks between Kenya and Uganda, scheduled for next month, will cover fishing.",
    ],
)
def test_a_meeting_set_or_scheduled_is_planned(nlp: Language, text: str) -> None:
    assert [(e.type, e.status) for e in _events(nlp, text)] == [("AGREE", "planned")]
