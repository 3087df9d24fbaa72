# ruff: noqa: E501
"""The conflict half of PLOVER, from the manual's definitions (openeventdata/PLOVER,
PLOVER_MANUAL.tex: ASSAULT, PROTEST, RETREAT, CONCEDE, COERCE, MOBILIZE, THREATEN,
REJECT, ACCUSE, SANCTION): sentences we wrote for each mode the manual lists, verbs and
nouns, each between two states; and the manual's own reclassifications (a cancelled
meeting is REJECT and not the meeting; regret is CONCEDE; banned imports are SANCTION)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from accord.extract.actors import extract_actors
from accord.extract.events import extract_events
from accord.schema import Document, Event, Source
from accord.vocab.event_lexicon import event_nouns, event_verbs, plover_types


def _events(nlp: Language, text: str) -> set[tuple[str, str, tuple[str, ...], str]]:
    doc = nlp(text)
    document = Document(
        id="t", content_hash="sha256:t", source=Source(), raw=text, body=text, published=None
    )
    found: tuple[Event, ...] = extract_events(document, doc, extract_actors(document, doc))
    return {(e.type, e.cameo or "", e.actors, e.status) for e in found}


MODES = [  # one sentence and its event per line: a table
    # ASSAULT: targeted killing, firearms, heavy weapons, abduct, fighting (nouns too)
    ("Sudanese troops killed 12 Ethiopian soldiers near the border.", ("ASSAULT", "182", ("ETH", "SDN"))),
    ("Israeli agents assassinated an Iranian nuclear scientist in Tehran.", ("ASSAULT", "186", ("IRN", "ISR"))),
    ("Armenian and Azerbaijani forces clashed along the border on Tuesday.", ("ASSAULT", "190", ("ARM", "AZE"))),
    ("Indian troops captured Pakistani soldiers in Kashmir.", ("ASSAULT", "181", ("IND", "PAK"))),
    ("Russian artillery bombarded Ukrainian positions overnight.", ("ASSAULT", "194", ("RUS", "UKR"))),
    ("Heavy fighting between Ethiopian and Eritrean forces continued.", ("ASSAULT", "190", ("ERI", "ETH"))),
    # PROTEST: demonstrations and strikes (verb and noun)
    ("Thousands of Kenyans marched in Nairobi against the Chinese loan.", ("PROTEST", "141", ("CHN", "KEN"))),
    ("Serbian students demonstrated outside the Croatian embassy.", ("PROTEST", "141", ("HRV", "SRB"))),
    ("A nationwide strike in France halted trains to Belgium.", ("PROTEST", "143", ("BEL", "FRA"))),
    # RETREAT: release captives, ceasefire, access for observers
    ("Iran freed three British sailors on Friday.", ("RETREAT", "084", ("GBR", "IRN"))),
    ("Russia observed the ceasefire with Georgia.", ("RETREAT", "087", ("GEO", "RUS"))),
    ("Sudan admitted UN observers to Darfur.", ("RETREAT", "086", ("IGO:UN", "SDN"))),
    ("The ceasefire between Armenia and Azerbaijan held.", ("RETREAT", "087", ("ARM", "AZE"))),
    # CONCEDE: regret, dropped objections, eased restrictions
    ("Japan apologised to South Korea for its wartime conduct.", ("CONCEDE", "080", ("JPN", "KOR"))),
    ("France dropped its objection to the Turkish bid.", ("CONCEDE", "080", ("FRA", "TUR"))),
    ("Spain waived visa requirements for Moroccan students.", ("CONCEDE", "081", ("ESP", "MAR"))),
    # COERCE: arrest, seize, cyber (verb and noun)
    ("The Chinese government jailed two Canadian citizens.", ("COERCE", "173", ("CAN", "CHN"))),
    ("Venezuela expropriated the assets of American oil firms.", ("COERCE", "171", ("USA", "VEN"))),
    ("North Korea hacked South Korean banks.", ("COERCE", "176", ("KOR", "PRK"))),
    ("The arrest of two Chinese nationals angered Beijing, Canada said.", ("COERCE", "173", ("CAN", "CHN"))),
    # MOBILIZE: troops and their build-up
    ("China massed troops on the Indian border.", ("MOBILIZE", "150", ("CHN", "IND"))),
    ("A military buildup by Russia alarmed Ukraine.", ("MOBILIZE", "150", ("RUS", "UKR"))),
    # SANCTION, REJECT, ACCUSE as the manual reclassifies them
    ("Egypt banned imports from Turkey.", ("SANCTION", "163", ("EGY", "TUR"))),
    ("Britain recalled its ambassador to Iran.", ("SANCTION", "161", ("GBR", "IRN"))),
    ("The US froze the assets of three Venezuelan officials.", ("SANCTION", "163", ("USA", "VEN"))),
    # REQUEST: calling on the other side
    ("The UN called on Israel to halt settlement building.", ("REQUEST", "020", ("IGO:UN", "ISR"))),
    # THREATEN: the condition's doer is whom the threat is aimed at
    ("Iran threatened to close the strait if the US attacked.", ("THREATEN", "130", ("IRN", "USA"))),
    ("Pakistan cancelled a planned visit to India.", ("REJECT", "120", ("IND", "PAK"))),
    ("Greece opposed Turkey's bid to join the EU.", ("REJECT", "120", ("GRC", "TUR"))),
    # REJECT: declining, turning down or blocking what the other side offers or seeks
    ("Ghana declined the Nigerian offer of a loan.", ("REJECT", "120", ("GHA", "NGA"))),
    ("Chile turned down Peru's offer of talks.", ("REJECT", "120", ("CHL", "PER"))),
    ("Thailand does not need the offer of aid from Japan.", ("REJECT", "120", ("JPN", "THA"))),
    ("The Dutch government blocked the Belgian takeover of a local bank.", ("REJECT", "120", ("BEL", "NLD"))),
    # ACCUSE: contesting the other side's measure
    ("Brazil challenged the legality of Argentine import quotas.", ("ACCUSE", "111", ("ARG", "BRA"))),
    # CONSULT: taking part in a meeting by addressing it
    ("The Peruvian minister addressed the annual meeting of the Andean Community.", ("CONSULT", "040", ("IGO:CAN", "PER"))),
]  # fmt: skip

ONE_STATE = [  # one state and a party that is none (CAMEO's agent roles): still an event
    ("Nigerian soldiers killed 20 Boko Haram fighters.", ("ASSAULT", ("NGA",), "NGA", None)),
    ("Pakistan deployed troops against Taliban militants in the Swat valley.", ("MOBILIZE", ("PAK",), "PAK", None)),
    ("Uganda's army threatened to attack the Lord's Resistance Army rebels.", ("THREATEN", ("UGA",), "UGA", None)),
    ("The Thai government rejected the protesters' demands.", ("REJECT", ("THA",), "THA", None)),
    ("The Venezuelan government accused opposition leaders of plotting a coup.", ("ACCUSE", ("VEN",), "VEN", None)),
    ("The Zimbabwean government asked the opposition MDC to join a unity government.", ("REQUEST", ("ZWE",), "ZWE", None)),
    ("The Kenyan government praised the teachers' union for ending the strike.", ("SUPPORT", ("KEN",), "KEN", None)),
    ("The British government gave £5 million to local charities for famine relief.", ("AID", ("GBR",), "GBR", None)),
    ("The Colombian government agreed to resume peace talks with the ELN rebels.", ("AGREE", ("COL",), "COL", None)),
]  # fmt: skip

NO_OTHER_SIDE = [  # one state and nobody it acts on: no event
    "The Thai government rejected the claims.",
    "Nigerian soldiers killed time before the parade.",
    "Kenya's exports rose by 12 percent.",
]


def _sided(nlp: Language, text: str) -> set[tuple[str, tuple[str, ...], str | None, str | None]]:
    doc = nlp(text)
    document = Document(
        id="t", content_hash="sha256:t", source=Source(), raw=text, body=text, published=None
    )
    found = extract_events(document, doc, extract_actors(document, doc))
    return {(e.type, e.actors, e.source, e.target) for e in found}


@pytest.mark.parametrize(("text", "want"), ONE_STATE, ids=[m[0][:40] for m in ONE_STATE])
def test_one_state_and_a_party_that_is_none(nlp: Language, text: str, want: tuple) -> None:  # type: ignore[type-arg]
    assert want in _sided(nlp, text)


@pytest.mark.parametrize("text", NO_OTHER_SIDE)
def test_one_state_alone_is_no_event(nlp: Language, text: str) -> None:
    assert not _sided(nlp, text)


AGREE_MODES = [  # AGREE: accepting an offer commits to what it offers; a proposal is intent
    ("Malawi accepted the Zambian offer of debt relief.", ("AGREE", "030", ("MWI", "ZMB"), "planned")),
    ("Japan proposed talks with China on fishing quotas.", ("AGREE", "030", ("CHN", "JPN"), "intended")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "want"), AGREE_MODES, ids=[m[0][:40] for m in AGREE_MODES])
def test_accepting_and_proposing_are_agree(nlp: Language, text: str, want: tuple) -> None:  # type: ignore[type-arg]
    assert want in _events(nlp, text)


@pytest.mark.parametrize(("text", "want"), MODES, ids=[m[0][:40] for m in MODES])
def test_manual_mode_between_two_states(nlp: Language, text: str, want: tuple) -> None:  # type: ignore[type-arg]
    assert (*want, "occurred") in _events(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan cancelled a planned visit to India.",
        "The cancellation of the Indian prime minister's visit to Pakistan surprised Islamabad.",
        "India postponed talks with Pakistan.",
        "Talks between India and Pakistan were postponed.",
    ],
)
def test_a_cancelled_or_postponed_meeting_is_not_a_meeting(nlp: Language, text: str) -> None:
    assert not {e for e in _events(nlp, text) if e[0] == "CONSULT"}


def test_every_plover_type_has_verbs_and_nouns() -> None:
    verbs = {t.type for ts in event_verbs().values() for t in ts}
    nouns = {t.type for ts in event_nouns().values() for t in ts}
    missing = {t: [k for k, s in (("verbs", verbs), ("nouns", nouns)) if t not in s]
               for t in plover_types().cameo}  # fmt: skip
    assert not {t: m for t, m in missing.items() if m}


@pytest.mark.parametrize(
    "text",
    [
        "Britain said success in fighting protectionism depends on Japan and France.",
        "The fight against inflation in Brazil and Chile goes on.",
        "Peru attacked Chile's new tax on copper exports.",
    ],
)
def test_a_fight_against_an_abstract_foe_is_no_assault(nlp: Language, text: str) -> None:
    """ASSAULT is 'unconventional mass violence and physical attack' on a party: the
    figurative 'fight inflation', 'attack a tax' is not one."""
    assert not {e for e in _events(nlp, text) if e[0] == "ASSAULT"}


def test_an_attack_on_a_place_or_force_stays_an_assault(nlp: Language) -> None:
    found = _events(nlp, "The attack on the Nigerian embassy in Ghana killed two guards.")
    assert {e[0] for e in found} == {"ASSAULT"}
