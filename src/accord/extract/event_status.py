"""An event's status from the parse: occurred, planned or intended, or None.

None means the text does not assert the event: it is negated ("did not sign"),
hypothetical ("if Peru were to buy it", "might seize", "the possibility that")
or failed ("refused to sign"). PLOVER's manual names these auxiliary modes; accord's
status carries future (planned) and willingness (intended), and drops the rest.
Reported speech needs no special case: the status comes from the embedded clause's
own auxiliaries ("X said Y will sign" is planned).
"""

from __future__ import annotations

from spacy.tokens import Token

from accord.extract.memo import children, walk_up
from accord.vocab.event_lexicon import StatusCues, status_cues

OCCURRED = "occurred"
PLANNED = "planned"
INTENDED = "intended"

_FINITE_OR_PARTICIPLE = {"VBD", "VBN", "VBZ", "VBP", "VBG", "MD"}
_NOUN_CLIMB = {"prep", "pobj", "dobj", "nsubj", "nsubjpass", "compound", "conj", "appos", "attr"}


def governing_verb(token: Token) -> Token | None:
    """The nearest verb (or auxiliary) above a token, or None at the root (memoised:
    a long list's head chain is walked once, not once per member)."""
    if token.head.i == token.i:
        return None
    return walk_up(token.head, "accord_governing_verb", _never, _is_verb)


def _never(token: Token) -> bool:
    return False


def _is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX")


def _hypothetical_context(token: Token, cues: StatusCues) -> bool:
    """True inside 'the possibility that ...', 'the risk that ...', and the like
    (memoised per Doc, like ``governing_verb``; ``cues`` is the one lexicon)."""
    if token.head.i == token.i:
        return False

    def hypothetical(anc: Token) -> bool:
        return anc.pos_ in ("NOUN", "PROPN") and anc.lemma_.lower() in cues.hypothetical_nouns

    return walk_up(token.head, "accord_hypothetical", _never, hypothetical) is not None


_CONTENT_PREPS = frozenset({"on", "over", "for"})  # what an agreement is about


def under_agreement(token: Token, cues: StatusCues) -> bool:
    """True for what an agreement spells out: 'a deal under which they will exchange
    goods', 'a pact covering joint exercises', 'an agreement on joint patrols'. A
    signed deal is SUPPORT; the cooperation it promises is still to come."""
    return governing_agreement(token, cues) is not None


def governing_agreement(token: Token, cues: StatusCues) -> Token | None:
    """The agreement noun whose content ``token`` spells out, if any."""
    child = token
    for anc in token.ancestors:
        if anc.pos_ in ("NOUN", "PROPN") and anc.lemma_.lower() in cues.agreement_nouns:
            if child.i == token.i and token.dep_ == "acl" and token.tag_ == "VBN":
                return None  # 'an agreement signed on Monday' describes the deal itself
            return anc if child.dep_ in ("acl", "relcl", "prep") else None
        if anc.pos_ == "VERB" and child.dep_ == "prep" and child.lower_ in _CONTENT_PREPS:
            # 'reached agreement in Moscow on a joint venture': the parse hangs the
            # content on the verb whose object is the agreement
            deal = next(
                (
                    c
                    for c in children(anc)
                    if c.dep_ == "dobj" and c.lemma_.lower() in cues.agreement_nouns
                ),
                None,
            )
            if deal is not None:
                return deal
        if anc.pos_ == "VERB" and child.dep_ not in ("pcomp", "pobj", "prep", "dobj"):
            return None
        child = anc
    return None


def _temporal(verb: Token, cues: StatusCues) -> bool:
    return any(
        c.dep_ in ("mark", "advmod") and c.lower_ in cues.temporal_marks and c.i < verb.i
        for c in children(verb)
    )


def _reporting_verb(verb: Token) -> Token | None:
    """The verb whose reported clause ``verb`` heads ('said ... would', 'expect that
    ...'), through conjuncts and infinitives, or None."""
    tok = verb
    while tok.dep_ in ("conj", "xcomp") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ not in ("ccomp", "parataxis") or tok.head.i == tok.i:
        return None
    return tok.head


def _reported_past(verb: Token, cues: StatusCues) -> bool:
    """True for a clause reported by a past-tense speech verb ('said ... would')."""
    head = _reporting_verb(verb)
    return (
        head is not None
        and head.lemma_.lower() in cues.reporting_verbs
        and head.tag_ in ("VBD", "VBN")
    )


def _forecast(verb: Token, cues: StatusCues) -> bool:
    """A future act that onlookers forecast ('analysts expect Germany will lend more',
    'economists say Japan would cut rates'): an opinion, not the party's plan."""
    head = _reporting_verb(verb)
    if head is None or head.lemma_.lower() not in cues.opinion_verbs:
        return False
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in cues.speculators
        for c in children(head)
    )


def verb_status(verb: Token, cues: StatusCues | None = None, depth: int = 0) -> str | None:
    """Status of the clause a verb heads, from negation, modals, governors and tense."""
    cues = cues or status_cues()
    if depth > 6:
        return OCCURRED
    kids = children(verb)
    if any(c.dep_ == "neg" for c in kids):
        return None
    if any(c.dep_ == "mark" and c.lower_ in cues.hypothetical_marks for c in kids):
        return None
    auxes = [c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")]
    if any(a in cues.hypothetical_aux for a in auxes):
        return None
    if any(a in cues.planned_aux for a in auxes):
        return None if _forecast(verb, cues) else PLANNED
    if any(a in cues.intended_aux for a in auxes):
        if _forecast(verb, cues):
            return None
        if "would" in auxes and _reported_past(verb, cues):
            return PLANNED  # 'officials said Moscow would supply oil': future in the past
        return INTENDED
    if _hypothetical_context(verb, cues) and verb.dep_ in ("acl", "ccomp", "relcl"):
        return None
    agreement = governing_agreement(verb, cues) if depth == 0 else None
    if agreement is not None:
        # what a deal spells out is still to come, unless the deal itself is undone
        # ('pulled out of an agreement to buy ...') or only hoped for
        return None if undone(agreement, cues) else PLANNED
    gov = verb.head
    if verb.dep_ in ("xcomp", "acomp") and gov.i != verb.i:
        lemma = gov.lemma_.lower()
        if lemma in cues.negating_governors:
            return None
        gov_status = verb_status(gov, cues, depth + 1)
        if gov_status is None:
            return None
        if lemma in cues.planned_governors and (lemma != "be" or "to" in auxes):
            return PLANNED
        if lemma in cues.intended_governors:
            return INTENDED if gov_status != PLANNED else PLANNED
        return gov_status
    if verb.dep_ == "conj" and verb.tag_ == "VB" and gov.i != verb.i:
        return verb_status(gov, cues, depth + 1)
    if verb.dep_ == "advcl" and verb.tag_ == "VB" and "to" in auxes:
        return INTENDED  # purpose clause: "sent envoys to negotiate"
    if verb.dep_ == "advcl" and gov.i != verb.i and _temporal(verb, cues) and verb.tag_ != "VBD":
        # 'will ask for help when the group meets in June': the present tense of a
        # time clause takes the main clause's future (a past one, 'after X ended', is past)
        gov_status = verb_status(gov, cues, depth + 1)
        if gov_status in (PLANNED, INTENDED):
            return PLANNED
    if verb.dep_ == "pcomp" and gov.dep_ == "prep" and gov.head.i != gov.i:
        # 'interested in buying', 'keen on investing', 'committed to expanding'
        adj = gov.head
        if adj.lemma_.lower() in cues.intended_governors and adj.pos_ in ("ADJ", "VERB"):
            return INTENDED
    if verb.tag_ in _FINITE_OR_PARTICIPLE or verb.pos_ == "AUX":
        return OCCURRED
    if verb.dep_ in ("pcomp", "acl", "advcl", "ccomp") and gov.i != verb.i:
        return verb_status(gov, cues, depth + 1)
    return OCCURRED


def _withdrawn_from(prep: Token, cues: StatusCues) -> bool:
    """'withdraw from', 'renege on', 'pull out of', 'walk away from', 'tear up': the
    preposition's governor undoes what it governs (the particle may carry the prep)."""
    if prep.lower_ not in ("of", "from", "on") or prep.head.i == prep.i:
        return False
    verb = prep.head
    if verb.lower_ in ("out", "away", "up") and verb.head.i != verb.i:
        particle, verb = verb.lower_, verb.head
    else:
        particle = next(
            (c.lower_ for c in children(verb) if c.dep_ in ("prt", "advmod") and c.i < prep.i),
            "",
        )
    lemma = verb.lemma_.lower()
    if lemma in cues.negating_governors and prep.lower_ in ("from", "on"):
        return True
    return particle in cues.withdrawal_particles.get(lemma, frozenset())


def undone(noun: Token, cues: StatusCues) -> bool:
    """A governor undoes the event a noun names: "cancelled the visit", "talks were
    postponed", "the cancellation of the visit", "pulled out of the deal", "withdrew
    from the talks", "tore up the treaty"."""
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in cues.negating_governors:
        return True
    if (
        noun.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.lemma_.lower() in cues.negating_governors
    ):
        return True
    if noun.dep_ == "pobj" and _withdrawn_from(head, cues):
        return True
    return noun.dep_ == "dobj" and any(
        c.dep_ == "prt" and c.lower_ in cues.withdrawal_particles.get(head.lemma_.lower(), ())
        for c in children(head)
    )


def noun_status(noun: Token, cues: StatusCues | None = None) -> str | None:
    """Status of an event named by a noun ('the summit', 'a draft agreement')."""
    cues = cues or status_cues()
    mods = [c for c in children(noun) if c.dep_ in ("amod", "compound", "nmod", "nummod")]
    if any(c.lemma_.lower() in cues.hypothetical_modifiers for c in mods):
        return None
    if any(c.dep_ == "neg" or c.lower_ == "no" for c in children(noun)):
        return None
    if noun.lemma_.lower() in cues.intended_events:
        return INTENDED  # an offer, a proposal, a bid: an intention stated, not a deed
    # the word as written too: the lemmatiser makes "proposed" "propose"
    if any(
        c.lemma_.lower() in cues.planned_modifiers or c.lower_ in cues.planned_modifiers
        for c in mods
    ):
        return PLANNED
    if under_agreement(noun, cues):
        return PLANNED
    head = noun.head
    if undone(noun, cues):
        return None
    # "ahead of the summit", "before the talks"
    if head.dep_ == "prep" or head.pos_ == "ADP":
        above = head.head
        if head.lower_ in cues.planned_preps or (
            head.lower_ in ("of", "to", "for") and above.lower_ in cues.planned_preps
        ):
            return PLANNED
    # its own clause: "the summit, which is to take place in July", "the forum, held ..."
    for child in children(noun):
        if child.dep_ in ("relcl", "acl") and child.pos_ in ("VERB", "AUX"):
            st = verb_status(child, cues)
            if st in (PLANNED, INTENDED):
                return st
            if child.dep_ == "acl" and child.lemma_.lower() in cues.planned_noun_governors:
                return PLANNED  # "the talks, scheduled for next month"
            if child.dep_ == "acl" and child.tag_ == "VBN":  # "the forum, held last week"
                return OCCURRED
    gov = governing_verb(noun)
    if gov is None:
        return OCCURRED
    if noun.dep_ == "pobj" and noun.head.lower_ not in ("for", "to"):
        # an adjunct ("on her second trip", "at the forum") frames the clause: its
        # time is the main verb's, not that of an action the main verb governs; a
        # purpose ("due to travel for talks") shares the governed action's time
        while gov.dep_ in ("xcomp", "acomp") and gov.head.i != gov.i:
            gov = gov.head
    if gov.lemma_.lower() in cues.planned_noun_governors and noun.dep_ in (
        "dobj",
        "nsubjpass",
        "pobj",
    ):
        return PLANNED
    return verb_status(gov, cues)
