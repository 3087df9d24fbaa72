"""Relations: pairs of actors the article presents as cooperating or in conflict.

A pair is linked by an event between them, by a money flow (Amount from/to), or by a
sentence that names both with a cooperation or conflict cue (relation_cues.json, or
any event trigger word). Two actors merely named in one sentence are not a relation.
A pair's sectors are the sector words of the sentences that link it, plus the
sentences that follow in the same paragraph without naming another actor (they
continue the same story: "Participants discussed digitalisation of public
administration ..."), plus what its money flows say (trade, investment, finance).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import combinations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from accord.extract.event_parties import PartyIndex, locative_prep
from accord.extract.event_status import governing_verb
from accord.extract.memo import bounded_subtree, children, doc_text, sentence_root, wide
from accord.extract.sectors import SectorHit, sector_hits, sectors_between
from accord.extract.units import text_units
from accord.schema import Actor, Amount, Document, Event, Organization, Person, Relation, Span
from accord.vocab.event_lexicon import event_nouns, event_verbs
from accord.vocab.organizations import org_lexicon
from accord.vocab.region_members import part_of
from accord.vocab.relation_lexicon import (
    host_words,
    parallel_words,
    place_modifiers,
    place_nouns,
    relation_cues,
)

EXTRACTOR = "relations/0.1"
_KIND_SECTORS = {
    "export": ("trade",),
    "import": ("trade",),
    "trade_total": ("trade",),
    "investment": ("investment",),
    "loan": ("finance",),
    "aid": ("finance",),
}
_HOST_PREPS = frozenset({"in", "at", "across", "throughout", "within", "inside"})
_SIDE_CLAUSES = frozenset({"advcl", "conj", "parataxis"})
_MAX_EVENT_ACTORS = 4  # a larger set is a multilateral crowd, not pairwise relations
_WINDOW = 256  # tokens each side of a clause head read in a very wide clause
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "pobj", "appos"})
_BETWEEN = frozenset({"between", "among", "amongst"})
#: flows that go one way, from a seller to a buyer: their conjoined subjects are no pair
_ONE_WAY = frozenset({"export", "import", "sell", "buy", "supply", "ship", "purchase"})
_MAX_CLAUSE_ACTORS = 8  # more actors linked all with all in one clause: a crowd (_crowd)


def extract_relations(
    document: Document,
    doc: Doc,
    actors: tuple[Actor, ...],
    events: tuple[Event, ...] = (),
    amounts: tuple[Amount, ...] = (),
    persons: tuple[Person, ...] = (),
    organizations: tuple[Organization, ...] = (),
) -> tuple[Relation, ...]:
    """One relation per linked pair, actors sorted, with sectors and evidence spans."""
    del document
    if len(actors) < 2:
        return ()
    index = PartyIndex.build(doc, actors, persons, organizations)
    units = text_units(doc)
    hits = sector_hits(doc)
    evidence: dict[tuple[str, str], list[int]] = {}  # pair -> unit numbers
    extra: dict[tuple[str, str], set[str]] = {}

    def link(pair: tuple[str, str], unit: int | None, sectors: Iterable[str] = ()) -> None:
        units_of = evidence.setdefault(pair, [])
        if unit is not None and unit not in units_of:
            units_of.append(unit)
        extra.setdefault(pair, set()).update(sectors)

    local = [index.restrict(u.start, u.end).by_token for u in units]
    parallel_in = [_side_by_side(list(u), local[n]) for n, u in enumerate(units)]
    groups_in: dict[int, list[tuple[frozenset[str], frozenset[str]]]] = {}
    starts = [u.start_char for u in units]
    for event in events:
        if len(event.actors) > _MAX_EVENT_ACTORS:
            continue
        where = _unit_of(units, starts, event.span)
        side = parallel_in[where] if where is not None else set()
        if where is not None:
            if where not in groups_in:
                groups_in[where] = _argument_groups(list(units[where]), local[where])
            side = side | _same_side(groups_in[where], set(event.actors))
        for pair in _pairs(event.actors):
            if pair not in side:
                link(pair, where, event.sectors)
        for pair in _host_pairs(event, actors, doc_text(doc)):
            link(pair, where, event.sectors)
    for amount in amounts:
        if amount.from_ and amount.to and amount.from_ != amount.to:
            pair = _pair(amount.from_, amount.to)
            link(pair, _unit_of(units, starts, amount.span), _KIND_SECTORS.get(amount.kind, ()))
    cues = _cue_lemmas()
    for n, unit in enumerate(units):
        parties = local[n]
        if len({c for cs in parties.values() for c in cs}) < 2:
            continue
        for pair in _cue_pairs(unit, parties, cues):
            link(pair, n)

    units_of_code: dict[str, set[int]] = {}  # code -> the units naming it
    for n, parties in enumerate(local):
        for cs in parties.values():
            for c in cs:
                units_of_code.setdefault(c, set()).add(n)
    relations: list[Relation] = []
    text = doc_text(doc)
    continued: dict[int, list[tuple[Span, tuple[str, ...]]]] = {}  # unit -> spans, sectors
    hit_starts = [h.span[0] for h in hits]
    for pair, linked in evidence.items():
        if part_of(*pair):
            continue
        # once linked, every sentence naming both speaks about the pair's fields
        both = units_of_code.get(pair[0], set()) & units_of_code.get(pair[1], set())
        unit_ids = sorted({*linked, *both})
        spans: list[Span] = []
        sectors = set(extra.get(pair, ()))
        for n in unit_ids:
            if n not in continued:
                continued[n] = [
                    (span, _sectors_in(hits, hit_starts, span))
                    for span in _with_continuation(units, n, local, cues, text)
                ]
            for span, found in continued[n]:
                spans.append(span)
                sectors.update(found)
        relations.append(
            Relation(
                actors=pair,
                sectors=tuple(sorted(sectors)),
                evidence=tuple(sorted(set(spans))),
                extractor=EXTRACTOR,
            )
        )
    relations.sort(key=lambda r: (r.evidence[:1] or [(10**9, 0)], r.actors))
    return tuple(relations)


_MEETINGS = frozenset({"CONSULT", "AGREE"})


def _host_pairs(event: Event, actors: tuple[Actor, ...], text: str) -> list[tuple[str, str]]:
    """Each participant of a meeting of three or more states with the state hosting it
    ("ministers of Japan, Korea and China met in Bangkok": each with Thailand); the
    participants' own pairs come from the event as usual."""
    if event.type not in _MEETINGS or not event.where:
        return []
    states = {a.code for a in actors if a.kind in ("state", "former_state")}
    members = [c for c in event.actors if c in states]
    place = event.where.casefold()
    host = next(
        (
            a.code
            for a in actors
            if a.code in states and any(text[s:e].casefold() == place for s, e in a.mentions)
        ),
        None,
    )
    if host is None or host in event.actors or len(members) < 3:
        return []
    return [_pair(c, host) for c in members]


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def _pairs(codes: Iterable[str]) -> list[tuple[str, str]]:
    unique = sorted(set(codes))
    return [(a, b) for a, b in combinations(unique, 2)]


def _unique(codes: Iterable[str]) -> list[str]:
    out: list[str] = []
    for code in codes:
        if code not in out:
            out.append(code)
    return out


def _cue_pairs(
    unit: SpacySpan, parties: dict[int, tuple[str, ...]], cues: frozenset[str]
) -> list[tuple[str, str]]:
    """Pairs of actors that share the clause of a cue word: 'X has expressed the value
    of cooperation with Y' links X and Y; an analyst 'for Africa and the Middle East'
    whose sentence goes on about attacks links nothing. A place ('talks in Geneva',
    'a zone near Addis Ababa', 'a Hong Kong-based firm') only completes a clause that
    names one side; side clauses with their own subject ('..., while Egypt warned')
    and actors paired by 'both' are not partners of the cue's actors."""
    pairs: set[tuple[str, str]] = set()
    heads: set[int] = set()  # what a cue links depends on its clause's head only
    for tok in unit:
        if not (tok.lemma_.lower() in cues or tok.lower_ in cues):
            continue
        head = tok if tok.pos_ in ("VERB", "AUX") else governing_verb(tok) or sentence_root(unit[0])
        if head.i in heads:
            continue
        heads.add(head.i)
        own = [t for t in _own_clause(head) if unit.start <= t.i < unit.end]
        named = [t for t in own if t.i in parties]
        core = _unique(c for t in named if not _is_place(t, parties) for c in parties[t.i])
        places = _unique(c for t in named for c in parties[t.i] if c not in core)
        found = _pairs(core)
        if len(core) == 1:
            found.extend(_pair(core[0], p) for p in places)
        parallel = _listed_together(head, parties) | _side_by_side(own, parties)
        parallel |= _compound_nationality(own, parties, cues)
        groups = _argument_groups(own, parties)
        parallel |= _same_side(groups, {*core, *places})
        if tok.lemma_.lower() in _ONE_WAY or head.lemma_.lower() in _ONE_WAY:
            # 'Australia and Canada could increase their wheat exports': each sells
            # on its own; partners of one flow are its two ends, not two sellers
            parallel |= {p for codes, _ in groups for p in _pairs(codes)}
        linked = [p for p in found if p not in parallel]
        if not _crowd(linked):
            pairs.update(linked)
    return sorted(pairs)


def _compound_nationality(
    own: list[Token], parties: dict[int, tuple[str, ...]], cues: frozenset[str]
) -> set[tuple[str, str]]:
    """The two halves of a compound adjective on a noun that is no relation word: an
    'Anglo-Dutch oil group' is one firm of two nationalities, while 'Sino-Japanese ties'
    and a 'Franco-German plan' stay a pair."""
    out: set[tuple[str, str]] = set()
    doc = own[0].doc if own else None
    for tok in own:
        if doc is None or tok.i + 2 >= len(doc) or tok.i not in parties:
            continue
        hyphen, second = doc[tok.i + 1], doc[tok.i + 2]
        if hyphen.text != "-" or tok.whitespace_ or hyphen.whitespace_ or second.i not in parties:
            continue
        noun = second.head
        while noun.i in parties and noun.head is not noun and noun.i <= second.i:
            noun = noun.head  # the parse may hang the first half on the second
        if noun.pos_ != "NOUN" or noun.lemma_.lower() in cues or noun.lower_ in cues:
            continue
        kinds = org_lexicon().kinds
        if kinds.get(noun.lemma_.lower()) or noun.lemma_.lower().endswith("maker"):
            out.update(_pairs(_unique([*parties[tok.i], *parties[second.i]])))
    return out


def _crowd(pairs: list[tuple[str, str]]) -> bool:
    """Pairs of every one of many actors with every other ('funds from A, from B, from
    C, ...'): a crowd named in one clause, not pairwise partners. One actor with many
    partners ('China signed deals with A, B, C, ...') is a star, not a crowd."""
    n = len({c for p in pairs for c in p})
    return n > _MAX_CLAUSE_ACTORS and len(pairs) > 2 * n


def _own_clause(head: Token) -> list[Token]:
    """The head's subtree without side clauses that have a subject of their own: an
    'as'/'while' clause or a second main clause tells another actor's story."""
    out: list[Token] = []
    stack = [head]
    lo, hi = (head.i - _WINDOW, head.i + _WINDOW) if wide(head) else (0, len(head.doc))
    while stack:
        tok = stack.pop()
        if not lo <= tok.i < hi:
            continue  # a clause thousands of tokens long (a list): read near its head
        out.append(tok)
        for child in children(tok):
            if child.dep_ in _SIDE_CLAUSES and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in children(child)
            ):
                continue
            stack.append(child)
    return out


def _is_place(tok: Token, parties: dict[int, tuple[str, ...]]) -> bool:
    """A mention that only locates something: under a locative preposition in its
    clause, a demonym on a place noun ('the Somali coast'), or the first half of
    'X-based'."""
    prep = locative_prep(tok)
    if prep is not None:
        host = prep.lower_ in _HOST_PREPS and prep.head.lemma_.lower() in host_words()
        return not host
    if tok.dep_ == "amod" and tok.head.lemma_.lower() in place_nouns():
        return True
    codes = parties.get(tok.i)
    j = tok.i + 1
    doc = tok.doc
    while j < len(doc) and parties.get(j) == codes:
        j += 1
    return (j + 1 < len(doc) and doc[j].text == "-" and doc[j + 1].lower_ in place_modifiers()) or (
        doc[j - 1].lower_.split("-")[-1] in place_modifiers() and "-" in doc[j - 1].text
    )


def _side_by_side(own: list[Token], parties: dict[int, tuple[str, ...]]) -> set[tuple[str, str]]:
    """Conjoined actors marked as parallel: 'the US and the EU have both promoted ...',
    'both Russia and China', 'Kenya and Uganda each signed ...'."""
    out: set[tuple[str, str]] = set()
    words = parallel_words()
    for tok in own:
        members = [tok, *tok.conjuncts] if tok.dep_ != "conj" else []
        if len(members) < 2:
            continue
        codes = _unique(c for m in members for i in _own_tokens(m) for c in parties.get(i, ()))
        if len(codes) < 2:
            continue
        marks = [*children(tok), *children(tok.head), *(c for m in members for c in children(m))]
        if any(
            m.lower_ in words and m.dep_ in ("preconj", "advmod", "det", "appos", "dep", "nsubj")
            for m in marks
        ):
            out.update(_pairs(codes))
    return out


def _argument_groups(
    own: list[Token], parties: dict[int, tuple[str, ...]]
) -> list[tuple[frozenset[str], frozenset[str]]]:
    """(codes, codes named outside) of each set of conjoined actors that fills one
    argument of a clause; one pass over the clause, so a long list stays linear."""
    everywhere = {c for t in own for c in parties.get(t.i, ())}
    out: list[tuple[frozenset[str], frozenset[str]]] = []
    for tok in own:
        if tok.dep_ == "conj" or tok.dep_ not in _ARGUMENT_DEPS:
            continue
        if tok.dep_ == "pobj" and tok.head.lower_ in _BETWEEN:
            continue
        members = [tok, *tok.conjuncts]
        if len(members) < 2:
            continue
        inside = {c for m in members for i in _own_tokens(m) for c in parties.get(i, ())}
        if len(inside) < 2:
            continue
        out.append((frozenset(inside), frozenset(everywhere) - frozenset(inside)))
    return out


def _same_side(
    groups: list[tuple[frozenset[str], frozenset[str]]], linked: set[str]
) -> set[tuple[str, str]]:
    """Conjoined actors that fill one argument of a clause whose other side is named:
    'A and B signed with C' links A-C and B-C, not A-B; 'C told A and B' likewise. With
    no other side ('Ghana and the UAE signed a deal') the two stay a pair, and so do the
    members of 'between A and B'."""
    out: set[tuple[str, str]] = set()
    for codes, outside in groups:
        if (linked - codes) and outside:
            out.update(_pairs(codes))
    return out


def _listed_together(head: Token, parties: dict[int, tuple[str, ...]]) -> set[tuple[str, str]]:
    """Pairs only ever named side by side in a list of three or more ('the UAE, Saudi
    Arabia, Qatar and Turkey have courted Ethiopia'): parallel, not partners. Two
    conjoined actors ('Ghana and the UAE signed') stay a pair."""
    listed: set[tuple[str, str]] = set()
    in_lists: set[int] = set()
    phrase = bounded_subtree(head)
    for tok in phrase:
        if tok.dep_ == "conj" or not any(c.dep_ == "conj" for c in children(tok)):
            continue
        members = [tok, *tok.conjuncts]
        if len(members) < 3:
            continue
        for member in members:
            in_lists.update(_own_tokens(member))
        codes = _unique(c for m in members for i in _own_tokens(m) for c in parties.get(i, ()))
        listed.update(_pairs(codes))
    elsewhere = {c for t in phrase if t.i not in in_lists for c in parties.get(t.i, ())}
    return {p for p in listed if not (p[0] in elsewhere and p[1] in elsewhere)}


def _own_tokens(member: Token) -> set[int]:
    """A list member's own words ('Saudi Arabia'), without the members conjoined to it."""
    out = {member.i}
    for child in children(member):
        if child.dep_ in ("compound", "det", "amod", "flat", "poss", "case"):
            out.update(t.i for t in child.subtree)
    return out


def _cue_lemmas() -> frozenset[str]:
    return relation_cues() | frozenset(event_verbs()) | frozenset(event_nouns())


def _has_cue(unit: SpacySpan, cues: frozenset[str]) -> bool:
    return any(t.lemma_.lower() in cues or t.lower_ in cues for t in unit)


def _unit_of(units: list[SpacySpan], starts: list[int], span: Span) -> int | None:
    """The unit holding the span's start, else the first one starting inside the span
    (``starts`` are the units' start offsets: units are sorted and disjoint)."""
    n = bisect_right(starts, span[0]) - 1
    if n >= 0 and span[0] < units[n].end_char:
        return n
    n += 1
    if n < len(units) and units[n].start_char < span[1]:
        return n
    return None


def _sectors_in(hits: list[SectorHit], hit_starts: list[int], span: Span) -> tuple[str, ...]:
    """``sectors_between`` by bisection: hits are sorted by span."""
    lo, hi = bisect_left(hit_starts, span[0]), bisect_left(hit_starts, span[1])
    return sectors_between(hits[lo:hi], span[0], span[1])


def _with_continuation(
    units: list[SpacySpan],
    n: int,
    local: list[dict[int, tuple[str, ...]]],
    cues: frozenset[str],
    text: str,
) -> list[Span]:
    """The unit and the following ones that name no actor: the rest of its paragraph,
    and a next paragraph that opens on a cue word ('Cooperation focuses on ...').
    ``text`` is the doc's text, read once by the caller (Doc.text rebuilds it)."""
    out: list[Span] = [(units[n].start_char, units[n].end_char)]
    for k in range(n + 1, len(units)):
        nxt = units[k]
        if local[k]:
            break
        gap = text[out[-1][1] : nxt.start_char]
        if "\n\n" in gap and not _has_cue(nxt[:3], cues):
            break
        out.append((nxt.start_char, nxt.end_char))
    return out
