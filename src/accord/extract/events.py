"""PLOVER-typed events with CAMEO codes, from trigger verbs and nouns over the parse.

A trigger is a verb or noun lemma from the event lexicons (vocab/data/event_verbs.json,
event_nouns.json). Its participants come from the dependency parse (subject, object,
'with'/'to' partners, the governing verb's subject for 'X pledged to ...'), falling
back to the other actors of the sentence; its status comes from modals, governing
verbs and cue words (event_status). The manual's rules are applied last: a planned
or intended CONSULT/SUPPORT/COOPERATE/AID is AGREE (its `what` keeps the underlying
action), a planned RETREAT is CONCEDE, conflictual types keep their type.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import combinations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from accord.extract.dates import parse_published, resolve_when
from accord.extract.event_parties import (
    LOCATIVE_PREPS,
    SUBJECT_DEPS,
    Party,
    PartyIndex,
    collect,
    dateline_spans,
    is_clause,
    is_locative,
    subject_parties,
)
from accord.extract.event_status import (
    INTENDED,
    OCCURRED,
    PLANNED,
    governing_verb,
    noun_status,
    verb_status,
)
from accord.extract.memo import bounded_subtree, children, doc_text, entities, sentence_root
from accord.extract.sectors import SectorHit, sector_hits, sectors_between
from accord.extract.units import text_units
from accord.schema import Actor, Amount, Document, Event, Organization, Person
from accord.vocab.event_lexicon import (
    Trigger,
    event_nouns,
    event_verbs,
    non_state_parties,
    plover_types,
    status_cues,
)
from accord.vocab.titles import titles

EXTRACTOR = "events/0.1"
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
_NAME_ENTS = frozenset({"EVENT", "ORG", "FAC", "WORK_OF_ART", "LAW"})
_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "dative"})
_WHAT_DEPS = frozenset({"dobj", "prt", "dative", "prep", "attr", "oprd", "acomp", "nsubjpass"})
_NOUN_WHAT_DEPS = frozenset({"amod", "compound", "poss", "nmod", "nummod", "quantmod", "prep"})
_VISIT_CODES = frozenset({"042", "043"})
_MAX_WHAT = 14
_ONGOING_TYPES = frozenset({"COOPERATE"})
_LEAD_UNITS = 2  # headline and the first sentences: what fresh news reports as new
_FRAMING_TYPES = frozenset({"THREATEN", "REQUEST", "REJECT", "ACCUSE"})  # acts about acts
# the prepositions whose object is what the act is about: 'accused Iran of attacks',
# 'threatened Peru with sanctions', 'would retaliate against any sanctions', 'asked the
# Bank for a loan' (none of them imposed or given)
_FRAMED_PREPS = {t: ("of", "with") for t in _FRAMING_TYPES} | {
    "THREATEN": ("of", "with", "against"),
    "REQUEST": ("of", "with", "for"),
}
# whose other side may sit in the content clause: 'agreed to instruct the World Bank'
_CONTENT_TYPES = _FRAMING_TYPES | {"AGREE"}
_WARNING_WORDS = frozenset({"warn", "threaten", "threat", "warning"})
_THREATENED_TYPES = frozenset({"SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "PROTEST"})
_INTERNAL_TYPES = frozenset({"CONSULT", "AGREE"})  # an IGO meets or agrees alone
# an IGO's own sitting, wherever it is held (a venue is no party of it)
_SESSIONS = frozenset({"meet", "meeting", "session", "conference", "convene", "gather"})
_PERSON_PRONOUNS = frozenset({"him", "her", "them", "us", "me"})
_AGREE_VERBS_SUPPRESSED_BY = frozenset({"xcomp", "ccomp"})
# praise/endorse (05x), disapprove (11x) and reject (12x) aimed at 'the offer', 'these claims'
_ANAPHORIC_OBJECT_CODES = frozenset({"05", "11", "12"})
_ANAPHORIC_DETS = frozenset({"the", "this", "these", "that", "those", "its", "their"})


@dataclass(frozen=True, slots=True)
class _Hit:
    token: Token
    entry: Trigger
    kind: str  # "verb" | "noun"


def extract_events(
    document: Document,
    doc: Doc,
    actors: tuple[Actor, ...],
    persons: tuple[Person, ...] = (),
    organizations: tuple[Organization, ...] = (),
    amounts: tuple[Amount, ...] = (),
) -> tuple[Event, ...]:
    """Events between the document's actors, in text order, duplicates merged.

    ``amounts`` is accepted for symmetry with the other extractors; money flows become
    relations (relations.py), not events of their own.
    """
    del amounts
    if not actors:
        return ()
    index = PartyIndex.build(doc, actors, persons, organizations)
    hits = sector_hits(doc)
    events: list[Event] = []
    units = text_units(doc)
    partners = _main_partners(units, index)
    owners = _noun_owners(doc, index)
    for unit in units:
        local = index.restrict(unit.start, unit.end)
        if not local.by_token:
            continue
        found, framed = _triggers(unit, local)
        # a framed act ('accused Iran of supplying drones') is no event, but its
        # phrase still belongs to it, not to the framing act's parties
        verbs = frozenset(h.token.i for h in found if h.kind == "verb") | framed
        agents = _agent_compounds(unit, local)  # once per sentence, for all its triggers
        for hit in found:
            event = _build(
                hit, unit, local, document, hits, partners, verbs - {hit.token.i}, owners, agents
            )
            if event is not None:
                events.extend(_per_destination(event, hit))
    lead_end = units[_LEAD_UNITS].start_char if len(units) > _LEAD_UNITS else len(doc_text(doc))
    return tuple(
        _dated_by_lead(e, document.published, e.span[0] < lead_end) for e in _merge(events)
    )


def _per_destination(event: Event, hit: _Hit) -> list[Event]:
    """A trip to several states is one visit to each ("will visit Thailand, Indonesia
    and Australia": three), as the visitor meets each host apart."""
    visit = hit.entry.cameo in _VISIT_CODES or hit.token.lemma_.lower() in ("visit", "trip", "tour")
    hosts = [c for c in event.actors if c != event.source]
    if not visit or event.source is None or len(hosts) < 2:
        return [event]
    return [
        replace(event, actors=tuple(sorted((event.source, host))), target=host) for host in hosts
    ]


def _main_partners(units: list[SpacySpan], index: PartyIndex) -> dict[str, str]:
    """Each actor's main counterpart in the article: the one it shares most sentences
    with (at least two, and no tie). An event whose sentence names one side only
    ("talks failed", "Xi welcomed him") is taken to be with that counterpart."""
    counts: Counter[tuple[str, str]] = Counter()
    for unit in units:
        codes = sorted(
            {c for cs in index.restrict(unit.start, unit.end).by_token.values() for c in cs}
        )
        counts.update(combinations(codes, 2))
    best: dict[str, list[tuple[int, str]]] = {}
    for (a, b), n in counts.items():
        best.setdefault(a, []).append((n, b))
        best.setdefault(b, []).append((n, a))
    partners: dict[str, str] = {}
    for code, options in best.items():
        options.sort(reverse=True)
        if options[0][0] >= 2 and (len(options) == 1 or options[1][0] < options[0][0]):
            partners[code] = options[0][1]
    return partners


# -- triggers ----------------------------------------------------------------------


_MONEY = "%money"  # pseudo-lemma: the object is a sum of money ('provide $48m')
#: units goods are counted in: the object of 'received 20,000 tonnes of wheat' is wheat
_MEASURES = frozenset(
    {"tonne", "ton", "barrel", "bag", "bale", "bushel", "cargo", "shipment", "lot", "sack",
     "ounce", "kilo", "kilogram", "litre", "liter", "gallon", "unit", "consignment"}
)  # fmt: skip


def _agent_compound(verb: Token, index: PartyIndex) -> Token | None:
    """The party joined by a hyphen to a participle that modifies a noun ('a Chinese-built
    railway', 'a US-backed government', 'the Saudi-funded mosque'): the doer of the
    participle's act on that noun, and no party of what else befalls the noun."""
    if verb.dep_ != "amod" or verb.tag_ != "VBN":
        return None
    for child in children(verb):
        if child.i + 2 != verb.i or child.dep_ not in ("npadvmod", "compound", "nmod", "amod"):
            continue
        hyphen = verb.doc[child.i + 1]
        if hyphen.text == "-" and not child.whitespace_ and not hyphen.whitespace_:
            return child if index.codes(child) else None
    return None


def _agent_compounds(sent: SpacySpan, index: PartyIndex) -> dict[int, int]:
    """Agent token -> its participle, for every 'X-built'/'X-backed' of the sentence."""
    out: dict[int, int] = {}
    for tok in sent:
        if tok.tag_ == "VBN" and tok.dep_ == "amod":
            agent = _agent_compound(tok, index)
            if agent is not None:
                out[agent.i] = tok.i
    return out


def _object_lemmas(verb: Token) -> set[str]:
    lemmas: set[str] = set()
    if verb.dep_ in ("acl", "amod") and verb.tag_ == "VBN":  # 'the agreement, signed on
        lemmas.add(verb.head.lemma_.lower())  # Monday', 'a Chinese-built railway'
    for child in children(verb):
        if child.dep_ in ("dobj", "dative", "nsubjpass") and any(
            t.ent_type_ == "MONEY" for t in child.subtree
        ):
            lemmas.add(_MONEY)
        if child.dep_ in _OBJECT_DEPS or (child.dep_ == "prt"):
            for tok in (child, *child.conjuncts):
                lemmas.add(tok.lemma_.lower())
                lemmas.add(tok.lower_)
                lemmas.update(c.lemma_.lower() for c in children(tok) if c.dep_ == "compound")
                if tok.lemma_.lower() in _MEASURES:
                    # '20,000 tonnes of food aid wheat': the goods are what is measured
                    for of in children(tok):
                        if of.dep_ == "prep" and of.lower_ == "of":
                            for goods in children(of):
                                lemmas.add(goods.lemma_.lower())
                                lemmas.update(
                                    c.lemma_.lower()
                                    for c in children(goods)
                                    if c.dep_ in ("compound", "nmod")
                                )
        if child.dep_ == "prep":  # "cooperate on trade", "fire lasers at": objects via prep
            lemmas.update(p.lemma_.lower() for p in children(child) if p.dep_ == "pobj")
            lemmas.add(f"{child.lower_}:")  # the preposition itself: "called on"
    return lemmas


def _object_has_party(verb: Token, index: PartyIndex) -> bool:
    """The object itself is a party ('welcomed the Kenyan president'), not a thing
    that a party owns or offers ('welcomed India's offer')."""
    for child in children(verb):
        if child.dep_ not in ("dobj", "dative"):
            continue
        heads = [child, *child.conjuncts]
        for head in heads:
            if head.ent_type_ in ("PERSON", "GPE", "NORP") or index.codes(head):
                return True
            if not _names_people(head):
                continue  # 'welcomed the U.S. decision': what a party did, not the party
            named = [
                t
                for c in children(head)
                if c.dep_ in ("compound", "appos", "amod")
                for t in c.subtree
            ]
            if any(index.codes(t) or t.ent_type_ == "PERSON" for t in named):
                return True
    return False


#: bodies of people a state sends or is ('the U.S. delegation', 'the Kenyan side')
_GROUP_NOUNS = frozenset({"delegation", "team", "government", "leadership", "side"})


def _names_people(head: Token) -> bool:
    """A noun for a person or a body of people ('the U.S. president', 'the Chinese
    delegation'), or a name: what a party's compound makes a party."""
    if head.pos_ == "PROPN" or head.ent_type_:
        return True
    lemma = head.lemma_.lower()
    return titles().names_a_person(lemma) or lemma in _GROUP_NOUNS


def _verb_entry(tok: Token, index: PartyIndex) -> Trigger | None:
    entries = event_verbs().get(tok.lemma_.lower())
    if not entries:
        return None
    objects = _object_lemmas(tok)
    for entry in entries:
        if entry.objects is not None and not (entry.objects & objects):
            continue
        if entry.object_is_party and not _object_has_party(tok, index):
            continue
        if entry.past_only and tok.tag_ not in ("VBD", "VBN"):
            continue
        if entry.not_objects & objects:
            continue
        if entry.needs_clause and not any(c.dep_ in ("ccomp", "xcomp") for c in children(tok)):
            continue
        if entry.negated_only and not _negated(tok):
            continue
        return entry
    return None


def _has_figure(noun: Token) -> bool:
    """Trade-like nouns are events only beside a figure or a change verb."""
    cues = status_cues()
    gov = governing_verb(noun)
    if gov is not None and gov.lemma_.lower() in cues.figure_verbs:
        return True
    if any(c.lower_ in cues.figure_verbs for c in children(noun)):
        return True
    scope = list(noun.subtree) + (list(gov.subtree) if gov is not None else [])
    return any(t.ent_type_ in ("MONEY", "PERCENT") for t in scope)


def _has_change(noun: Token) -> bool:
    """Trade figures are background, not events, unless the text says the trade moved
    ('bilateral trade rose threefold'): a total ('reached $7.9bn') is a statistic."""
    cues = status_cues()
    gov = governing_verb(noun)
    # 'trade rose', 'exports were boosted', 'boosted beef exports to Japan'
    moved = noun.dep_ in ("nsubj", "nsubjpass", "dobj")
    if gov is not None and gov.lemma_.lower() in cues.change_verbs and moved:
        return True
    return any(c.lemma_.lower() in cues.change_verbs for c in children(noun) if c.dep_ == "acl")


def _noun_entry(tok: Token) -> Trigger | None:
    if (tok.pos_ not in ("NOUN", "PROPN") and not _tagged_noun(tok)) or tok.dep_ == "compound":
        return None
    entries = event_nouns().get(tok.lemma_.lower()) or event_nouns().get(tok.lower_)
    if not entries and tok.pos_ == "PROPN" and not tok.ent_type_ and tok.lower_.endswith("s"):
        # wire copy capitalises the word after 'U.S.' ('U.S. Demands that Japan ...'):
        # the tagger calls it a name and leaves its plural unlemmatised
        entries = event_nouns().get(tok.lower_[:-1])
    if not entries:
        return None
    mods = {c.lemma_.lower() for c in children(tok) if c.dep_ in ("amod", "compound", "nmod")}
    mods.update(c.lower_ for c in children(tok) if c.dep_ in ("amod", "compound", "nmod"))
    for entry in entries:
        if entry.plural and tok.tag_ not in ("NNS", "NNPS"):
            continue
        if entry.mods is not None and not (entry.mods & mods):
            continue
        if entry.not_mods & mods:
            continue
        if entry.not_objects and entry.not_objects & _noun_targets(tok):
            continue  # 'the fight against inflation', 'attacks on the policy'
        if entry.objects is not None and not entry.objects & _noun_preps(tok):
            continue  # 'a bid for British Sugar', not 'in a bid to cut costs'
        if entry.needs_figure and not _has_figure(tok):
            continue
        if entry.needs_change and not _has_change(tok):
            continue
        return entry
    return None


def _framed_by_speech_acts(hits: list[_Hit]) -> set[int]:
    """Tokens inside what a threat, demand, refusal or accusation is about: its
    content clause, or its 'of'/'with' object ('accused Iran of attacks', 'threatened
    Peru with sanctions')."""
    out: set[int] = set()
    for hit in hits:
        if hit.kind != "verb" or hit.entry.type not in _FRAMING_TYPES:
            continue
        objects = [c for c in children(hit.token) if c.dep_ == "dobj"]
        for child in [*children(hit.token), *(g for o in objects for g in children(o))]:
            if child.dep_ in ("xcomp", "ccomp") or (
                child.dep_ == "prep" and child.lower_ in _FRAMED_PREPS.get(hit.entry.type, ())
            ):
                out.update(_content_tokens(child))
    return out


def _content_tokens(root: Token) -> set[int]:
    """A framed content's tokens without its relative clauses: 'deny that they used
    lasers in Djibouti, where China opened a base' frames the lasers, not the base."""
    out: set[int] = set()
    stack = [root]
    while stack:
        tok = stack.pop()
        out.add(tok.i)
        stack.extend(c for c in children(tok) if c.dep_ != "relcl")
    return out


def _warned_of(hit: _Hit) -> _Hit:
    """A conflict named as what one side warns of or threatens with ('warned Iran of
    new sanctions', 'the threat of war') is a THREATEN, not the conflict itself."""
    tok = hit.token
    if hit.kind != "noun" or hit.entry.type not in _THREATENED_TYPES:
        return hit
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in ("of", "with") or prep.head.i == prep.i:
        return hit
    warner = prep.head
    if warner.dep_ == "dobj" and warner.head.i != warner.i:
        warner = warner.head  # 'warned Iran of sanctions' parses 'of' under 'Iran'
    if warner.lemma_.lower() not in _WARNING_WORDS:
        return hit
    threaten = event_verbs()["threaten"][0]
    return _Hit(tok, replace(hit.entry, type=threaten.type, cameo=threaten.cameo), "noun")


def _noun_preps(noun: Token) -> set[str]:
    """The prepositions a noun takes, as 'for:' (the form verb entries use)."""
    return {f"{c.lower_}:" for c in children(noun) if c.dep_ == "prep"}


def _noun_targets(noun: Token) -> set[str]:
    """Lemmas of what a noun event is aimed at: 'against'/'on' objects."""
    return {
        p.lemma_.lower()
        for c in children(noun)
        if c.dep_ == "prep" and c.lower_ in ("against", "on")
        for p in children(c)
        if p.dep_ == "pobj"
    }


def _triggers(sent: SpacySpan, index: PartyIndex) -> tuple[list[_Hit], frozenset[int]]:
    """The trigger hits of a sentence, and the verb triggers left out because a
    threat, demand, refusal or accusation frames them."""
    hits: list[_Hit] = []
    for tok in sent:
        if tok.pos_ == "VERB" and not _tagged_noun(tok):
            entry = _verb_entry(tok, index)
            if entry is not None and entry.type == "AGREE" and tok.dep_ in ("acl", "amod"):
                entry = None  # 'an initiative promising roads' describes, does not promise
            if entry is not None and tok.dep_ == "amod" and _agent_compound(tok, index) is None:
                entry = None  # 'the detained journalists': a participle used as an adjective
            if entry is not None:
                hits.append(_Hit(tok, entry, "verb"))
                continue
        noun = _noun_entry(tok)
        if noun is not None:
            hits.append(_Hit(tok, noun, "noun"))
    hits = [_warned_of(h) for h in hits]
    verb_tokens = {h.token.i for h in hits if h.kind == "verb"}
    intents = {h.token.i for h in hits if h.kind == "verb" and h.entry.type == "AGREE"}
    framed = _framed_by_speech_acts(hits)
    framed_verbs: set[int] = set()
    kept: list[_Hit] = []
    for hit in hits:
        # 'threatened to cut ties', 'demanded that X end raids', 'refused to sign':
        # the framing act is the event; what it threatens or demands has not happened
        if hit.token.i in framed:
            if hit.kind == "verb":
                framed_verbs.add(hit.token.i)
            continue
        # a noun that is the object of a trigger verb is that verb's event ("sign a deal")
        if hit.kind == "noun" and hit.token.head.i in verb_tokens and hit.token.dep_ != "nsubj":
            continue
        # ... and so is what that object offers ("rejected an offer of talks")
        if hit.kind == "noun" and _offered_by_object(hit.token, verb_tokens):
            continue
        # ... and what an intent verb promises in a phrase of its own ("pledged £100m
        # in aid", "agreed on a loan"): promised, not given
        if (
            hit.kind == "noun"
            and hit.token.dep_ == "pobj"
            and hit.token.head.head.i in intents
            and hit.token.head.lower_ in ("in", "of", "for", "on")
        ):
            continue
        # 'will provide £48m to help firms build plants': the purpose belongs to the
        # trigger that it serves
        if (
            hit.kind == "verb"
            and hit.token.head.i in verb_tokens
            and _to_infinitive(hit.token, "advcl")
        ):
            continue
        # 'agreed to resume talks': the governed action is the event, not 'agree'
        if hit.kind == "verb" and hit.entry.type == "AGREE":
            governed = {
                t.i
                for c in children(hit.token)
                if c.dep_ in _AGREE_VERBS_SUPPRESSED_BY
                for t in c.subtree
            }
            if any(h.token.i in governed for h in hits if h is not hit):
                continue
        kept.append(hit)
    return kept, frozenset(framed_verbs)


def _tagged_noun(tok: Token) -> bool:
    """A word the tagger took for a verb that the parse makes a noun phrase's head: a
    verb's object in a noun's tag or a base form ("rejected a Paris Club offer to ..."),
    or a subject with an article: a noun."""
    if tok.dep_ in ("dobj", "pobj") and tok.tag_ in ("NN", "VB", "VBP"):
        return True  # a verb's object is a noun unless it is a gerund ("stop selling")
    return tok.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in children(tok)
    )


def _offered_by_object(noun: Token, verb_tokens: set[int]) -> bool:
    """'turned down an offer of talks', 'accepted a proposal for a summit', 'pledged
    £100m in aid': the noun is the content of a trigger verb's object, not an event of
    its own."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("of", "for", "in") or prep.head.i == prep.i:
        return False
    obj = prep.head
    return obj.dep_ in ("dobj", "nsubjpass") and obj.head.i in verb_tokens


# -- one event ---------------------------------------------------------------------


def _parties(
    hit: _Hit,
    sent: SpacySpan,
    index: PartyIndex,
    partners: dict[str, str],
    others: frozenset[int] = frozenset(),
    owners: dict[str, list[tuple[int, str]]] | None = None,
    agents: dict[int, int] | None = None,
) -> tuple[list[str], str | None, str | None, bool]:
    """(sorted codes, source, target, one-sided) for a trigger, or fewer than two codes;
    one code that is both source and target is an IGO acting alone (_internal_to_igo);
    one-sided: one state against a party that is none (_against_non_state)."""
    tok = hit.token
    agents = _agent_compounds(sent, index) if agents is None else agents
    others = others | frozenset(v for v in agents.values() if v != tok.i)
    no_party_aim = _aimed_at_no_party(hit, index)
    found = collect(tok, index, skip=others)
    agent = _agent_compound(tok, index) if hit.kind == "verb" else None
    if agent is not None:
        # 'Kenya opened a Chinese-built railway': China built it, for the noun's owner,
        # its place, or the one who acts on it
        found = [Party(c, agent.i, "subj", False) for c in index.codes(agent)]
        found.extend(collect(tok.head, index, role="obj", skip=frozenset({tok.i}) | others))
        acting = tok.head.head
        if tok.head.dep_ in ("dobj", "nsubjpass") and acting.pos_ == "VERB":
            found.extend(
                Party(p.code, p.token, "obj", False) for p in subject_parties(acting, index)
            )
        codes = _unique(p.code for p in found)
        if len(codes) < 2:
            return [], None, None, False
        doer = found[0].code
        return sorted(codes), doer, next((p.code for p in found if p.code != doer), None), False
    if hit.kind == "verb":
        # 'demanded that Belarus release ...': the content clause's subject is the target
        for child in children(tok):
            if child.dep_ in ("ccomp", "xcomp") and child.i not in others:
                for subj in children(child):
                    if subj.dep_ in ("nsubj", "nsubjpass"):
                        found.extend(collect(subj, index, role="obj"))
        if not any(p.role == "subj" for p in found):
            found.extend(subject_parties(tok, index))
        found.extend(_anaphoric_owners(tok, index, owners or {}))
        if hit.entry.type in _CONTENT_TYPES and len({p.code for p in found}) < 2:
            # 'threatened to cut ties with Georgia', 'agreed to instruct the World Bank':
            # the other side is in the content
            for child in children(tok):
                if child.dep_ in ("xcomp", "ccomp"):
                    found.extend(p for p in collect(child, index, role="obj") if not p.locative)
                    # 'threatened to close the strait if the US attacked': the condition's
                    # doer is whom the threat is aimed at
                    found.extend(_condition_doers(child, index))
            if hit.entry.type == "THREATEN":
                found.extend(_condition_doers(tok, index))  # 'would retaliate if X ...'
        if hit.entry.type == "SUPPORT" and len({p.code for p in found}) < 2:
            # 'signed a deal to buy jets from France': the other side is in what the
            # signed agreement provides (the parser hangs the purpose on the deal or,
            # as often, on the signing)
            provides = [c for c in children(tok) if _to_infinitive(c, "advcl")]
            for obj in children(tok):
                if obj.dep_ == "dobj":
                    provides.extend(c for c in children(obj) if c.dep_ in ("acl", "relcl"))
            for clause in provides:
                found.extend(p for p in collect(clause, index, role="obj") if not p.locative)
        if tok.dep_ in ("relcl", "acl") and tok.head.i != tok.i:
            if _agent_without_party(tok, index):
                return [], None, None, False  # '..., which was criticised by aid groups'
            where_clause = any(c.lower_ == "where" for c in children(tok))
            found.extend(
                collect(
                    tok.head, index, role="other", locative=where_clause, skip=frozenset({tok.i})
                )
            )
    else:
        gov = governing_verb(tok)
        # a venue in the noun's phrase ('the ICO meeting in London') is no side: the
        # governing verb still names who takes part ('Brazil will attend ...')
        sides = {p.code for p in found if not p.locative}
        if len(sides) < 2 and gov is not None and not no_party_aim:
            path_skip = frozenset({t.i for t in tok.subtree})
            found.extend(collect(gov, index, skip=path_skip))
            if not any(p.role == "subj" for p in found):
                # 'after talks with Canada broke down': the noun is its clause's subject,
                # so the doer is the subject of the clause above
                above = gov.head if tok.dep_ in SUBJECT_DEPS and gov.dep_ == "advcl" else gov
                found.extend(subject_parties(above, index))
        elif no_party_aim and gov is not None and not found:
            # "Nigeria held talks with rebels": the doer still acts, facing no state
            found.extend(subject_parties(gov, index))
        sides = {p.code for p in found if not p.locative}
        if len(sides) < 2 and not no_party_aim:
            # 'in talks to acquire a stake in Norway's Statoil': the other side is in
            # what the talks, plan or offer are for
            for clause in children(tok):
                if _to_infinitive(clause, "acl"):
                    found.extend(p for p in collect(clause, index, role="obj") if not p.locative)
    core = _unique(p.code for p in found if not p.locative)
    places = _unique(p.code for p in found if p.locative)
    if len(core) == 1 and tok.lemma_.lower() in _SESSIONS and _internal_to_igo(hit, core[0], found):
        return core, core[0], core[0], False  # 'OPEC ministers will meet in Vienna': a venue
    codes = core if len(core) >= 2 else _unique([*core, *places])
    if len(codes) < 2 and not no_party_aim:
        chain = _clause_chain(tok if hit.kind == "verb" else governing_verb(tok) or tok)
        nearby = [
            (i, c)
            for i, c in index.in_range(sent.start, sent.end)
            if c not in codes and _clause_head(sent.doc[i]).i in chain and i not in agents
        ]
        plain = _unique(c for i, c in nearby if not is_locative(sent.doc[i]))
        codes = _unique([*codes, *plain])
        if len(codes) < 2 and (core or plain):
            # places complete a side that is named ('opened a base in Djibouti'); two
            # places alone ('attacks ... in Iraq and Afghanistan') are not parties
            codes = _unique([*codes, *(c for _, c in nearby)])
    if len(codes) == 1 and _internal_to_igo(hit, codes[0], found):
        return codes, codes[0], codes[0], False  # source == target: the IGO acts alone
    if len(codes) == 1 and core == codes and _against_non_state(hit, index):
        # one state and a party that is none: 'Nigerian troops killed 20 rebels'
        side = next(p for p in found if p.code == codes[0] and not p.locative)
        if side.role == "subj":
            return codes, codes[0], None, True
        return codes, None, codes[0], True
    if len(codes) == 1 and codes[0] in partners and _implies_counterpart(hit) and not no_party_aim:
        codes = [codes[0], partners[codes[0]]]
    source = next((p.code for p in found if p.role == "subj" and p.code in codes), None)
    target = next(
        (p.code for p in found if p.role != "subj" and p.code in codes and p.code != source),
        None,
    )
    return sorted(codes), source, target, False


def _to_infinitive(clause: Token, dep: str) -> bool:
    """A to-infinitive clause of the given relation: what an act or a noun is for
    ('signed a deal to buy', 'talks to acquire')."""
    return clause.dep_ == dep and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in children(clause)
    )


def _condition_doers(verb: Token, index: PartyIndex) -> list[Party]:
    """The parties doing what an 'if' or 'unless' clause on ``verb`` names."""
    out: list[Party] = []
    for cond in children(verb):
        if cond.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in children(cond)
        ):
            for subj in children(cond):
                if subj.dep_ in ("nsubj", "nsubjpass"):
                    out.extend(collect(subj, index, role="obj"))
    return out


_RELATIVES = frozenset({"which", "that", "who", "whom", "whose", "what"})


def _agent_without_party(verb: Token, index: PartyIndex) -> bool:
    """A relative clause whose own doer is named and is no party ('the offer, which was
    criticised by aid groups'; 'the plan that critics rejected'): the act is that
    doer's, not the parties' of the clause it hangs on."""
    for child in children(verb):
        doers = [child] if child.dep_ == "nsubj" else []
        if child.dep_ == "agent":
            doers = [c for c in children(child) if c.dep_ == "pobj"]
        for doer in doers:
            if doer.lower_ in _RELATIVES or doer.pos_ == "PRON":
                continue
            if not any(index.codes(t) or t.ent_type_ == "PERSON" for t in doer.subtree):
                return True
    return False


def _noun_owners(doc: Doc, index: PartyIndex) -> dict[str, list[tuple[int, str]]]:
    """lemma -> (token, code) of each noun a party owns ('the Paris Club offer',
    "China's proposal"), in text order: the antecedents of 'the offer' later on."""
    out: dict[str, list[tuple[int, str]]] = {}
    for i in sorted(index.by_token):
        tok = doc[i]
        head = tok.head  # a noun, or one the tagger took for a verb in a noun's place
        if tok.dep_ in ("compound", "poss", "amod") and (
            head.pos_ == "NOUN" or head.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass")
        ):
            for code in index.by_token[i]:
                entry = (tok.head.i, code)
                group = out.setdefault(tok.head.lemma_.lower(), [])
                if entry not in group:
                    group.append(entry)
    return out


def _anaphoric_owners(
    verb: Token, index: PartyIndex, owners: dict[str, list[tuple[int, str]]]
) -> list[Party]:
    """'declined the offer': a definite object that names no party stands for the last
    one of its kind a party owned ('the Paris Club offer'), whose owner is the target."""
    out: list[Party] = []
    for obj in children(verb):
        if obj.dep_ != "dobj" or obj.pos_ != "NOUN":
            continue
        if not any(d.dep_ == "det" and d.lower_ in _ANAPHORIC_DETS for d in children(obj)):
            continue
        if any(index.codes(t) for t in obj.subtree):
            continue
        earlier = [c for i, c in owners.get(obj.lemma_.lower(), []) if i < obj.i]
        if earlier:
            out.append(Party(earlier[-1], obj.i, "obj", False))
    return out


_PARTNER_PREPS = frozenset({"with", "against", "to", "on", "from", "by", "over"})
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "poss", "compound"})


def _arguments(tok: Token, content: bool) -> list[Token]:
    """The heads of a trigger's arguments: subject, objects, possessor, the objects of
    its partner prepositions ('talks with', 'attacks on'), and with ``content`` those of
    its content clause ('agreed to resume talks with ...', 'threatened to attack ...')."""
    out: list[Token] = []
    for child in children(tok):
        if child.dep_ in _ARGUMENT_DEPS:
            out.append(child)
        elif child.dep_ in ("prep", "agent") and (
            child.dep_ == "agent" or child.lower_ in _PARTNER_PREPS
        ):
            out.extend(c for c in children(child) if c.dep_ == "pobj")
        elif content and child.dep_ in ("xcomp", "ccomp"):
            out.extend(_arguments(child, content=False))
    for obj in [a for a in out if a.dep_ == "dobj"]:  # 'resume peace talks with the ELN'
        for prep in children(obj):
            if prep.dep_ == "prep" and prep.lower_ in _PARTNER_PREPS:
                out.extend(c for c in children(prep) if c.dep_ == "pobj")
    return out


def _names_non_state(arg: Token) -> bool:
    """Is the argument a party that is no state: a noun of CAMEO's agent roles as its
    head or its modifier ('rebels', 'opposition leaders', 'the protesters' demands')?"""
    lex = non_state_parties()
    if arg.lemma_.lower() in lex:
        return True
    for mod in children(arg):
        if mod.dep_ in ("compound", "amod", "poss") and mod.lemma_.lower() in lex:
            return True
        if mod.dep_ == "poss" and any(
            m.dep_ == "compound" and m.lemma_.lower() in lex for m in children(mod)
        ):
            return True
    return False


def _against_non_state(hit: _Hit, index: PartyIndex) -> bool:
    """The trigger's one state faces a party that is none: an argument with no state
    in its phrase that names a CAMEO agent role ('Nigerian soldiers killed 20 Boko Haram
    fighters', 'asked the opposition to join')."""
    content = hit.kind == "verb" and hit.entry.type in _CONTENT_TYPES
    for arg in _arguments(hit.token, content):
        if is_locative(arg) or any(index.codes(t) for t in bounded_subtree(arg)):
            continue
        if _names_non_state(arg):
            return True
    return False


def _internal_to_igo(hit: _Hit, code: str, found: list[Party]) -> bool:
    """An IGO's own meeting or accord ('OPEC ministers agreed', 'the Andean Community's
    summit'): an event with the IGO as its only actor. The IGO must own the trigger (the
    verb's subject, the noun's modifier or possessor), not merely be named near it."""
    if not code.startswith("IGO:") or hit.entry.type not in _INTERNAL_TYPES:
        return False
    tok = hit.token
    if hit.kind == "verb":
        return any(p.code == code and p.role == "subj" for p in found)
    owners = {
        t.i for c in children(tok) if c.dep_ in ("compound", "poss", "nmod") for t in c.subtree
    }
    return any(p.code == code and p.token in owners for p in found)


#: whom a meeting may be with when no state is named: the other side's people
_COUNTERPART_NOUNS = frozenset(
    {"delegation", "counterpart", "official", "minister", "envoy", "leader", "president"}
    | {"ambassador", "team", "side", "partner", "diplomat", "negotiator", "host", "guest"}
)


_MEETING_VERBS = frozenset({"meet", "brief", "address"})  # whose object is whom


def _aimed_at_no_party(hit: _Hit, index: PartyIndex) -> bool:
    """A meeting or visit whose other side is named and is no state: 'met reporters',
    'his visit to the shrine'. Its other side is that, not a state named elsewhere."""
    if hit.entry.type != "CONSULT":
        return False
    tok = hit.token
    if hit.kind == "verb":
        if tok.lemma_.lower() not in _MEETING_VERBS:
            return False  # 'discussed maritime security': the object is the topic
        aims = [c for c in children(tok) if c.dep_ == "dobj"]
    else:
        aims = [
            o
            for c in children(tok)
            if c.dep_ == "prep" and c.lower_ in ("to", "with")
            for o in children(c)
            if o.dep_ == "pobj"
        ]
    return any(
        a.pos_ == "NOUN"
        and a.lemma_.lower() not in _COUNTERPART_NOUNS
        and not any(index.codes(t) for t in a.subtree)
        and a.ent_type_ not in ("PERSON", "GPE", "NORP", "ORG")
        for a in aims
    )


_TRADE_VERBS = frozenset({"buy", "purchase"})  # a purchase has a seller


def _implies_counterpart(hit: _Hit) -> bool:
    """Meetings always have another side; so does an act aimed at a person ('Xi
    welcomed him', 'thanked Xi') whose country the sentence leaves out."""
    if hit.entry.type == "CONSULT":
        return True
    if hit.kind == "verb" and hit.token.lemma_.lower() in _TRADE_VERBS:
        return True  # a sale has a seller and a buyer ('agreed to buy the plant's output')
    if hit.kind == "verb" and hit.entry.cameo[:2] in _ANAPHORIC_OBJECT_CODES:
        # 'welcomed the proposal', 'rejected the claims': the thing named before
        for c in children(hit.token):
            if (
                c.dep_ == "dobj"
                and c.pos_ == "NOUN"
                and any(
                    d.dep_ in ("det", "poss") and d.lower_ in _ANAPHORIC_DETS for d in children(c)
                )
            ):
                return True
    return any(
        c.dep_ in ("dobj", "dative") and (c.ent_type_ == "PERSON" or c.lower_ in _PERSON_PRONOUNS)
        for c in children(hit.token)
    )


def _clause_head(tok: Token) -> Token:
    """The verb whose clause a mention belongs to (the root if none)."""
    return governing_verb(tok) or sentence_root(tok)


def _clause_chain(tok: Token) -> set[int]:
    """A trigger's clause and the clauses above it: where its other parties may sit.
    A mention inside another subordinate clause ('concerns that it owes China') is not."""
    chain = {tok.i}
    chain.update(a.i for a in tok.ancestors)
    return chain


def _unique(codes: Iterable[str]) -> list[str]:
    out: list[str] = []
    for code in codes:
        if code not in out:
            out.append(code)
    return out


def _negated(verb: Token) -> bool:
    """'does not need', 'no longer needs'."""
    return any(
        c.dep_ == "neg" or (c.lower_ == "longer" and any(g.dep_ == "neg" for g in children(c)))
        for c in children(verb)
    )


def _status(hit: _Hit) -> str | None:
    cues = status_cues()
    if hit.kind == "noun":
        return noun_status(hit.token, cues)
    if hit.entry.negated_only:
        return OCCURRED  # the refusal the negation says is itself the act
    status = verb_status(hit.token, cues)
    if status == OCCURRED and hit.entry.type == "AGREE":
        lemma = hit.token.lemma_.lower()
        if lemma in cues.planned_events:
            return PLANNED
        return INTENDED
    return status


def _type_and_code(entry: Trigger, status: str) -> tuple[str, str]:
    """The manual's future rules: planned cooperation is AGREE, planned RETREAT is CONCEDE."""
    plover = plover_types()
    if status == OCCURRED:
        return entry.type, entry.cameo
    if entry.type in plover.future_as_agree:
        return "AGREE", plover.intent_cameo.get(entry.type, plover.cameo["AGREE"])
    if entry.type == "RETREAT":
        return plover.future_retreat_as, plover.intent_cameo.get("RETREAT", "035")
    return entry.type, entry.cameo


def _entity_at(tok: Token, labels: frozenset[str]) -> SpacySpan | None:
    ent = entities(tok.doc).at(tok.i)
    return ent if ent is not None and ent.label_ in labels else None


def _phrase(tokens: list[Token]) -> str:
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (
        tokens[0].pos_ in ("DET", "PUNCT", "CCONJ", "SCONJ") or tokens[0].dep_ in ("poss", "case")
    ):
        tokens = tokens[1:]
    while tokens and tokens[-1].pos_ in ("PUNCT", "CCONJ", "ADP", "DET"):
        tokens = tokens[:-1]
    if not tokens:
        return ""
    tokens = tokens[:_MAX_WHAT]
    doc = tokens[0].doc
    text = doc[tokens[0].i : tokens[-1].i + 1].text
    return re.sub(r"\s+", " ", text).strip()


def _what(hit: _Hit) -> str:
    tok = hit.token
    if hit.kind == "noun":
        ent = _entity_at(tok, _NAME_ENTS)
        if ent is not None:
            return re.sub(r"\s+", " ", ent.text).strip()
        parts = [tok]
        for child in children(tok):
            if child.dep_ in _NOUN_WHAT_DEPS and not is_clause(child):
                parts.extend(child.subtree)
        return _phrase(_contiguous(tok, parts))
    if tok.dep_ in ("acl", "amod") and tok.tag_ == "VBN" and tok.head.i != tok.i:
        # 'a Chinese-built railway', 'the railway built by China': the noun and its act
        noun = tok.head
        lo = min(t.i for t in tok.subtree)
        hi = max(noun.i, max(t.i for t in tok.subtree))
        return _phrase(list(tok.doc[min(lo, noun.i) : hi + 1]))
    parts = [tok]
    has_object = any(c.dep_ in ("dobj", "nsubjpass") for c in children(tok))
    for child in children(tok):
        content = not has_object and child.dep_ in ("ccomp", "xcomp")  # 'demanded that ...'
        if content or (child.dep_ in _WHAT_DEPS and not is_clause(child)):
            parts.extend(child.subtree)
    return _phrase(_contiguous(tok, parts))


def _contiguous(anchor: Token, tokens: list[Token]) -> list[Token]:
    """The run of tokens around the anchor without gaps (drops far-flung pieces)."""
    ids = {t.i for t in tokens}
    start = end = anchor.i
    while start - 1 in ids:
        start -= 1
    while end + 1 in ids:
        end += 1
    return [anchor.doc[i] for i in range(start, end + 1)]


def _clause_tokens(hit: _Hit) -> list[Token]:
    """Tokens of the trigger's own clause, where its place and date are looked for."""
    tok = hit.token
    roots = [tok]
    if hit.kind == "noun":
        roots.extend(c for c in children(tok) if c.dep_ in ("relcl", "acl"))
        gov = governing_verb(tok)
        if gov is not None:
            roots.append(gov)
    out: list[Token] = []
    seen: set[int] = set()
    for root in roots:
        stack = [root]
        while stack:
            t = stack.pop()
            if t.i in seen:
                continue
            seen.add(t.i)
            out.append(t)
            stack.extend(
                c
                for c in children(t)
                if not is_clause(c) or (t.i == tok.i and c.dep_ in ("relcl", "acl", "xcomp"))
            )
            if t.pos_ == "AUX":  # "is to take place": the place hangs off the xcomp
                stack.extend(c for c in children(t) if c.dep_ == "xcomp")
    return sorted(out, key=lambda t: t.i)


def _where(hit: _Hit, clause: list[Token]) -> str | None:
    preps = set(LOCATIVE_PREPS)
    if hit.entry.cameo in _VISIT_CODES or hit.token.lemma_.lower() in ("visit", "trip"):
        preps.add("to")
    for tok in clause:
        if tok.dep_ == "prep" and tok.lower_ in preps:
            for obj in children(tok):
                if obj.dep_ != "pobj":
                    continue
                # 'in Moscow', 'in the West African nation of Benin'
                heads = [obj, *(p for c in children(obj) if c.lower_ == "of" for p in children(c))]
                for head in heads:
                    ent = _entity_at(head, _PLACE_ENTS)
                    if ent is not None and head.i == ent.root.i:
                        return re.sub(r"\s+", " ", ent.text).strip()
    return None


_SPAN_END_PREPS = frozenset({"until", "till", "through", "to", "beyond"})


def _when(clause: list[Token], published: str | None, status: str) -> str | None:
    ids = {t.i for t in clause}
    doc = clause[0].doc if clause else None
    if doc is None:
        return None
    datelines = dateline_spans(doc_text(doc))
    filed: str | None = None  # the dateline's date: when the story was filed
    for ent in entities(doc).overlapping(min(ids), max(ids) + 1):
        if ent.label_ == "DATE" and ent.root.i in ids:
            if ent.root.head.lower_ in _SPAN_END_PREPS and ent.root.dep_ == "pobj":
                continue  # 'extended the deal until 2030': when it ends, not when it happened
            value = resolve_when(ent, published, future=status != OCCURRED, past=status == OCCURRED)
            if value and any(a <= ent.start_char < b for a, b in datelines):
                filed = filed or value  # 'in 1986' in the sentence beats it
            elif value:
                return value
    if filed is not None:
        return filed
    anchor = _date_antecedent(clause)
    if anchor is not None:
        past = status == OCCURRED
        return resolve_when(anchor, published, future=not past, past=past) or None
    return None


def _date_antecedent(clause: list[Token]) -> SpacySpan | None:
    """'The move came on Sunday, when X and Y signed ...': a clause hanging off a date
    takes that date."""
    for tok in clause:
        head = tok.head
        if tok.dep_ in ("relcl", "advcl", "acl") and head.ent_type_ == "DATE":
            return _entity_at(head, frozenset({"DATE"}))
    return None


def _build(
    hit: _Hit,
    sent: SpacySpan,
    index: PartyIndex,
    document: Document,
    hits: list[SectorHit],
    partners: dict[str, str],
    others: frozenset[int] = frozenset(),
    owners: dict[str, list[tuple[int, str]]] | None = None,
    agents: dict[int, int] | None = None,
) -> Event | None:
    status = _status(hit)
    if status is None:
        return None
    if hit.entry.future_only and status == OCCURRED:
        return None
    if hit.entry.future_only and hit.entry.type == "THREATEN":
        status = OCCURRED  # 'said it would retaliate': saying so is the threat, made
    codes, source, target, one_sided = _parties(
        hit, sent, index, partners, others, owners or {}, agents
    )
    alone = len(codes) == 1 and source == target == codes[0]
    if len(codes) < 2 and not (alone or one_sided):
        return None
    if alone:
        target = None
    etype, cameo = _type_and_code(hit.entry, status)
    if etype == "PROTEST" and _protest_by_a_state(hit, index):
        etype, cameo = "ACCUSE", "114"  # a state's protest is an official complaint
    clause = _clause_tokens(hit)
    start, end = sent.start_char, sent.end_char
    return Event(
        type=etype,
        cameo=cameo,
        actors=tuple(codes),
        source=source,
        target=target,
        what=_what(hit) or None,
        where=_where(hit, clause),
        when=_when(clause, document.published, status),
        status=status,
        span=(start, end),
        sectors=sectors_between(hits, start, end),
        extractor=EXTRACTOR,
    )


def _protest_by_a_state(hit: _Hit, index: PartyIndex) -> bool:
    """'China protested to Japan', 'protests from China', 'Beijing's protest': a state
    (or its official) complains; a crowd of people who protest is PROTEST ('thousands
    of Kenyans protested')."""
    tok = hit.token
    if hit.kind == "verb":
        doers = [c for c in children(tok) if c.dep_ in ("nsubj", "nsubjpass")]
    else:
        doers = [c for c in children(tok) if c.dep_ == "poss"]
        doers += [
            o
            for c in children(tok)
            if c.dep_ == "prep" and c.lower_ in ("from", "by")
            for o in children(c)
            if o.dep_ == "pobj"
        ]
    return any(
        (index.codes(d) and d.pos_ == "PROPN" and not any(c.dep_ == "prep" for c in children(d)))
        or (_speaks_for_a_state(d) and any(index.codes(t) for t in d.subtree))
        for d in doers
    )


#: bodies through which a state speaks ('the Japanese government protested')
_STATE_BODIES = frozenset({"government", "ministry", "embassy", "authority", "cabinet"})


def _speaks_for_a_state(noun: Token) -> bool:
    """A government body or an official post ('the Chinese embassy', 'Kenyan
    officials'), not a crowd ('Kenyan farmers')."""
    lemma = noun.lemma_.lower()
    return lemma in _STATE_BODIES or titles().is_official(lemma)


def _dated_by_lead(event: Event, published: str | None, in_lead: bool) -> Event:
    """Fresh news: an event the lead reports as done, with no time expression of its
    own, happened about when the article appeared, so it takes the publication month.
    Planned events and events further down (background) stay undated."""
    if event.when is not None or event.status != OCCURRED or not in_lead:
        return event
    if event.type in _ONGOING_TYPES:  # trade, investment: a state of affairs, not a day
        return event
    anchor = parse_published(published)
    if anchor is None:
        return event
    return replace(event, when=f"{anchor.year:04d}-{anchor.month:02d}")


def _merge(events: list[Event]) -> tuple[Event, ...]:
    """One event per type, actors, status and compatible date: news repeats an event
    in its headline, lead and body; the first mention keeps its span, later ones fill
    gaps (place, date, source, target)."""
    merged: list[Event] = []
    places: dict[tuple[str, tuple[str, ...], str], list[int]] = {}  # key -> places in merged
    for event in events:
        same = places.setdefault((event.type, event.actors, event.status), [])
        for n in same:
            first = merged[n]
            if not _compatible(first.when, event.when):
                continue
            merged[n] = replace(
                first,
                when=_finer(first.when, event.when),
                where=first.where or event.where,
                source=first.source or event.source,
                target=first.target or event.target,
                sectors=tuple(sorted({*first.sectors, *event.sectors})),
            )
            break
        else:
            same.append(len(merged))
            merged.append(event)
    return tuple(merged)


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _finer(a: str | None, b: str | None) -> str | None:
    if a is None or b is None:
        return a or b
    return a if len(a) >= len(b) else b
