"""Who takes part in an event: actor mentions mapped onto tokens, and the walk over
the dependency parse that collects an event trigger's participants.

Persons and organisations that act for a state count as that state ("the Pentagon",
"President Xi"), and "the two countries" / "both sides" stand for the last two actors
named before them, so a sentence that names its parties only that way still yields
an event.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from accord.extract.memo import bounded_subtree, children, doc_text, tokens, walk_up
from accord.schema import Actor, Organization, Person, Span
from accord.vocab.actors import water_bodies
from accord.vocab.currencies import currency_lexicon
from accord.vocab.media import lookup_outlet_any_case

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "csubj"})
CLAUSE_DEPS = frozenset(
    {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "csubjpass"}
)
#: prepositions whose gerund ('after meeting Chinese leaders, X flew ...') is done by
#: the subject of the clause it hangs on
_CONTROL_PREPS = frozenset({"after", "before", "by", "while", "since", "upon", "on", "without"})
LOCATIVE_PREPS = frozenset(
    {
        "in",
        "at",
        "near",
        "inside",
        "across",
        "throughout",
        "within",
        "towards",
        "toward",
        "along",
        "off",
        "outside",
        "around",
    }
)
_PROCESS_NOUNS = frozenset(
    {"round", "accord", "accords", "agreement", "agreements", "protocol", "convention",
     "declaration", "process", "agenda", "consensus", "plan", "initiative", "framework"}
)  # fmt: skip
_PAIR_WORDS = frozenset({"both", "two"})
_PAIR_NOUNS = frozenset(
    {"country", "side", "nation", "government", "state", "neighbour", "neighbor", "partner"}
)


# A wire dateline opening a line: "TAUPO, New Zealand, March 23 -", "HARARE (AFP) -".
_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z.' -]{2,40}?)"
    r"(?:,[ \t]*[A-Z][A-Za-z.' ]{2,30}?)?"
    r"(?:,[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}\b)?"
    r"[ \t]*(?:\([A-Za-z ]{2,20}\))?[ \t]*[-—–]+[ \t]",
    re.MULTILINE,
)
_DATELINE_LINES = 4  # datelines open the story: look in its first lines only


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of wire datelines near the top: where the story was filed is
    never a party of its events or relations."""
    head_end = 0
    for _ in range(_DATELINE_LINES):
        nxt = text.find("\n", head_end)
        if nxt < 0:
            head_end = len(text)
            break
        head_end = nxt + 1
    return [
        (m.start(), m.end())
        for m in _DATELINE.finditer(text, 0, head_end)
        if m.group("place").strip().isupper() and ("," in m.group(0) or "(" in m.group(0))
    ]


@dataclass(frozen=True, slots=True)
class Party:
    """One participant found for an event: its code, the token, and how it is linked."""

    code: str
    token: int
    role: str  # "subj" | "obj" | "other"
    locative: bool


class PartyIndex:
    """Token index -> actor codes, from actor, person and organisation mentions."""

    def __init__(self, doc: Doc, by_token: dict[int, tuple[str, ...]]) -> None:
        self.doc = doc
        self.by_token = by_token
        self._keys: list[int] | None = None  # sorted token indices, built on first restrict

    @classmethod
    def build(
        cls,
        doc: Doc,
        actors: Iterable[Actor],
        persons: Iterable[Person] = (),
        organizations: Iterable[Organization] = (),
    ) -> PartyIndex:
        spans: list[tuple[Span, str]] = []
        datelines = dateline_spans(doc_text(doc))
        water = water_bodies()  # "the Indian Ocean tsunami": a place, never a party
        for actor in actors:
            if actor.code in water:
                continue
            spans.extend(
                (m, actor.code)
                for m in actor.mentions
                if not any(a <= m[0] and m[1] <= b for a, b in datelines)
            )
        n_actor_spans = len(spans)
        for person in persons:
            if person.actor:
                spans.extend((m, person.actor) for m in person.mentions)
        for org in organizations:
            # a news agency credited for the story ('told Reuters') is never a party
            if org.actor and lookup_outlet_any_case(org.name) is None:
                spans.extend((m, org.actor) for m in org.mentions)
        by_token: dict[int, tuple[str, ...]] = {}
        actor_tokens: set[int] = set()
        for n, ((start, end), code) in enumerate(spans):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            if n < n_actor_spans and (names_a_process(span) or _names_a_currency(span)):
                continue
            for tok in span:
                if code not in by_token.get(tok.i, ()):
                    by_token[tok.i] = (*by_token.get(tok.i, ()), code)
                if n < n_actor_spans:
                    actor_tokens.add(tok.i)
        if not persons:
            _add_named_people(doc, by_token)
        _add_pair_anaphors(doc, by_token, actor_tokens)
        return cls(doc, by_token)

    def restrict(self, start: int, end: int) -> PartyIndex:
        """Only the mentions between token ``start`` and ``end`` (one sentence); a
        bisection, so restricting to every sentence in turn stays linear."""
        if self._keys is None or len(self._keys) != len(self.by_token):
            self._keys = sorted(self.by_token)
        keys = self._keys
        lo, hi = bisect_left(keys, start), bisect_left(keys, end)
        return PartyIndex(self.doc, {i: self.by_token[i] for i in keys[lo:hi]})

    def codes(self, token: Token) -> tuple[str, ...]:
        return self.by_token.get(token.i, ())

    def in_range(self, start: int, end: int) -> list[tuple[int, str]]:
        """(token index, code) for every party token in ``[start, end)`` tokens."""
        return [(i, c) for i, cs in self.restrict(start, end).by_token.items() for c in cs]


def names_a_process(span: SpacySpan) -> bool:
    """A place in the name of a negotiation or accord ('the Uruguay Round', 'the
    Helsinki Accords', 'the Doha Development Agenda') names the process, not a party.
    By the parse (a compound of the name's head) or, where wire copy breaks the parse,
    by the capitalised word that follows."""
    token = span[-1]
    head = token.head
    if token.dep_ == "compound" and head.i != token.i:
        # any head up the compound chain: 'the Uruguay Round negotiations'
        while not _process_word(head) and head.dep_ == "compound" and head.head.i != head.i:
            head = head.head
        return _process_word(head)
    doc = span.doc
    nxt = span.end
    while nxt < len(doc) and doc[nxt].is_space:
        nxt += 1
    return nxt < len(doc) and _process_word(doc[nxt])


def _names_a_currency(span: SpacySpan) -> bool:
    """A state word that only says whose money it is ('the U.S. dollar', 'the yen's rise
    against the West German mark'): fighting a currency's rise is no act against it."""
    doc = span.doc
    if span.end >= len(doc):
        return False
    nxt = doc[span.end]
    return (
        nxt.pos_ in ("NOUN", "PROPN")
        and nxt.lower_ in currency_lexicon().words
        and span.root.head.i == nxt.i
        and span.root.dep_ in ("compound", "amod", "nmod", "poss")
    )


def _process_word(token: Token) -> bool:
    return token.text[:1].isupper() and token.lemma_.lower() in _PROCESS_NOUNS


def _add_named_people(doc: Doc, by_token: dict[int, tuple[str, ...]]) -> None:
    """Without the persons extractor's output: a person named once with a country
    ("Brazilian President Luiz Lula", "Ana Ruiz, a spokesperson for Chile's Foreign
    Ministry") acts for it wherever the name or surname recurs ("Xi welcomed ...")."""
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    alias: dict[str, str] = {}
    for ent in people:
        root = ent.root
        near = [t for t in bounded_subtree(root) if t.i < ent.start or t.dep_ == "appos"]
        for child in children(root):
            if child.dep_ == "appos":
                near.extend(bounded_subtree(child))
        if root.dep_ == "appos":
            near.extend(t for t in bounded_subtree(root.head) if t.i <= root.head.i)
        codes = _unique_codes(by_token.get(t.i, ()) for t in near)
        if len(codes) == 1:
            alias.setdefault(ent.text, codes[0])
            alias.setdefault(ent[-1].text, codes[0])
    for ent in people:
        code = alias.get(ent.text) or alias.get(ent[-1].text)
        if code and not any(by_token.get(t.i) for t in ent):
            for tok in ent:
                by_token[tok.i] = (code,)


def _unique_codes(groups: Iterable[tuple[str, ...]]) -> list[str]:
    out: list[str] = []
    for group in groups:
        out.extend(c for c in group if c not in out)
    return out


def _add_pair_anaphors(
    doc: Doc, by_token: dict[int, tuple[str, ...]], actor_tokens: set[int]
) -> None:
    """'the two countries', 'both sides' -> the last two distinct actors named before
    them; an agency or person acting for a state ('she told AFP') does not count."""
    recent: list[str] = []  # the last two distinct actors named, the latest last
    for tok in tokens(doc):
        codes = by_token.get(tok.i, ())
        for code in codes if tok.i in actor_tokens else ():
            if not recent or recent[-1] != code:
                recent = [*recent[-1:], code]
        if (
            not codes
            and tok.lemma_.lower() in _PAIR_NOUNS
            and tok.i > 0
            and doc[tok.i - 1].lower_ in _PAIR_WORDS
            and len(recent) >= 2
        ):
            by_token[tok.i] = (recent[-2], recent[-1])


def is_clause(token: Token) -> bool:
    """A child that opens its own clause (its participants belong to its own events):
    a gerund after a time or means preposition is one ('after meeting Chinese leaders'),
    one after 'for' or 'of' belongs to its noun ('technologies for implementing AI')."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    if token.dep_ == "pcomp":
        return token.head.lower_ in _CONTROL_PREPS
    return token.dep_ in CLAUSE_DEPS


def collect(
    root: Token,
    index: PartyIndex,
    role: str | None = None,
    locative: bool = False,
    skip: frozenset[int] = frozenset(),
) -> list[Party]:
    """Parties in ``root``'s phrase, not descending into other clauses or ``skip``."""
    found: list[Party] = []
    stack: list[tuple[Token, str, bool]] = [(root, role or "other", locative)]
    while stack:
        tok, r, loc = stack.pop()
        found.extend(Party(code, tok.i, r, loc) for code in index.codes(tok))
        for child in children(tok):
            if child.i in skip or is_clause(child):
                continue
            child_role = r
            if tok.i == root.i and role is None:
                child_role = "subj" if child.dep_ in SUBJECT_DEPS else "obj"
            child_loc = loc or _is_locative_prep(child)
            stack.append((child, child_role, child_loc))
    return found


def is_locative(token: Token) -> bool:
    """True when a mention sits under 'in'/'at' below its clause: a place, not a party."""
    return locative_prep(token) is not None


def locative_prep(token: Token) -> Token | None:
    """The locative preposition a mention sits under within its clause, if any
    (memoised per Doc: the walk up to the clause is shared by every token on it)."""
    return walk_up(token, "accord_locative_prep", _clause_or_root, _is_locative_prep)


def _clause_or_root(token: Token) -> bool:
    return token.head.i == token.i or is_clause(token)


#: nouns whose "in X" names whose they are, not where: "police in Kenya", "the
#: authorities in Beijing" are Kenya's police and China's authorities (troops, leaders
#: or diplomats "in X" are as often another state's, stationed or meeting there)
_STATE_AGENTS = frozenset({"police", "authority", "authorities", "government", "regime"})
#: nouns whose "in X" names what is held or put in, not where: "a stake in a Canadian
#: project", "investment in Kenya" name the other side of the deal
_HOLDINGS = frozenset({"stake", "share", "holding", "interest", "investment"})


def _is_locative_prep(token: Token) -> bool:
    if token.dep_ != "prep" or token.lower_ not in LOCATIVE_PREPS:
        return False
    return not (token.lower_ == "in" and token.head.lemma_.lower() in _STATE_AGENTS | _HOLDINGS)


_SELF_PRONOUNS = frozenset({"it", "they", "we"})


def _said_of_itself(verb: Token, subjects: list[Token]) -> bool:
    """A pronoun subject of a clause that a speaker says of itself ('X said it would',
    'X announced they had agreed'): the pronoun is the speaker."""
    if verb.dep_ != "ccomp" or verb.head.i == verb.i or verb.head.pos_ != "VERB":
        return False
    return all(s.lower_ in _SELF_PRONOUNS for s in subjects)


def subject_parties(verb: Token, index: PartyIndex) -> list[Party]:
    """Subjects of a verb, inherited from the governing verb for 'X pledged to boost',
    'X is ready to share', 'X met Y and signed ...'."""
    tok = verb
    for _ in range(6):
        subjects = [c for c in children(tok) if c.dep_ in SUBJECT_DEPS]
        if not subjects and tok.dep_ == "pcomp" and tok.head.head.i != tok.head.i:
            # 'accused Iran of supplying drones': the governing verb's object acts
            subjects = [c for c in children(tok.head.head) if c.dep_ == "dobj"]
        if subjects:
            out: list[Party] = []
            for subj in subjects:
                out.extend(collect(subj, index, role="subj"))
            if not out and _said_of_itself(tok, subjects):
                tok = tok.head  # 'Japan said it would lift the ban': 'it' is Japan
                continue
            return out
        if tok.dep_ in ("xcomp", "conj", "acomp", "advcl") and tok.head.i != tok.i:
            tok = tok.head
            continue
        if tok.dep_ == "pcomp" and tok.head.lower_ in _CONTROL_PREPS and tok.head.head.i != tok.i:
            tok = tok.head.head
            continue
        break
    return []
