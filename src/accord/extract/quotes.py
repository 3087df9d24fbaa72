"""Direct quotations of at least five words, with the speaker the text attributes them to.

The speaker comes from a reporting verb near the quotation (lexicon as data): its
subject in the parse, "according to X", a relative pronoun's antecedent, or a person
inside "a statement issued on behalf of X". Pronouns and title nominals resolve through
the persons' mentions; organisations and states can speak too. A quotation with no cue
of its own continues the quotation just before it, or is given to the person the
previous paragraph was about.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from spacy.tokens import Doc, Token

from accord.extract.context import ActorIndex, Regions, paragraph_bounds, sentence_tokens
from accord.extract.memo import wide
from accord.extract.quotemarks import Quotation, find_quotations
from accord.schema import Actor, Document, Organization, Person, Quote
from accord.vocab.reporting import reporting
from accord.vocab.titles import titles

EXTRACTOR = "quotes@1"
MIN_WORDS = 5
SUBJECTS = ("nsubj", "nsubjpass")
RELATIVE = frozenset({"which", "who", "that"})
NEUTER = frozenset({"it", "they"})
PHRASE_DEPS = frozenset({"compound", "appos", "poss", "pobj", "nmod"})


def _person_noun(tok: Token) -> bool:
    """A common noun for a person ("official", "the envoy", "analysts")."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    lex = titles()
    word = tok.lemma_.lower() if tok.tag_ in ("NNS", "NNPS") else tok.lower_
    return word in lex.heads or word in lex.nominal_classes or word in reporting().person_nouns


class _Speakers:
    """Who a token names: a person (through any mention), an organisation, or a state."""

    def __init__(
        self,
        persons: tuple[Person, ...],
        orgs: tuple[Organization, ...],
        actors: tuple[Actor, ...],
        body: str,
    ) -> None:
        self.spans: list[tuple[int, int, str, int]] = []  # start, end, name, rank
        for p in persons:
            self.spans += [(s, e, p.name, 0) for s, e in p.mentions]
        for o in orgs:
            self.spans += [(s, e, o.name, 1) for s, e in o.mentions]
        self.idx = ActorIndex(actors)
        self.body = body

    def named(self, tok: Token) -> tuple[int, str] | None:
        """(rank, name) of what a token names: 0 a person, 1 an organisation, 2 a state."""
        a, b = tok.idx, tok.idx + len(tok.text)
        hits = [(r, name) for s, e, name, r in self.spans if s <= a and b <= e]
        if hits:
            return min(hits)
        m = self.idx.at(a, b)
        if m is not None and m.kind != "region" and tok.pos_ == "PROPN":
            return 2, self.body[m.start : m.end]
        return None

    def of(self, tok: Token) -> str | None:
        hit = self.named(tok)
        return hit[1] if hit else None

    def of_phrase(self, head: Token) -> str | None:
        """The speaker a noun phrase names: a person anywhere in it first ("China's envoy,
        Wang Li," is Wang Li, not China), then an organisation, then a state. A phrase
        about an unnamed person ("a senior official at the ministry") names nobody."""
        toks = [head] + [t for t in head.subtree if t is not head and t.dep_ in PHRASE_DEPS]
        hits = [h for h in (self.named(t) for t in toks) if h is not None]
        best = min(hits, key=lambda h: h[0]) if hits else None
        if best is not None and best[0] == 0:
            return best[1]
        if (best is None or (best[0] > 0 and self.named(head) is None)) and _person_noun(head):
            return None
        return best[1] if best else None

    def person_in(self, head: Token) -> str | None:
        """A person the phrase names (not an organisation or a state)."""
        for tok in head.subtree:
            hit = self.named(tok)
            if hit is not None and hit[0] == 0:
                return hit[1]
        return None

    def before(self, pos: int, *, orgs_only: bool) -> str | None:
        """The nearest organisation or state named before ``pos`` ("it said")."""
        best: tuple[int, str] | None = None
        for s, e, name, rank in self.spans:
            if e <= pos and (rank == 1 or not orgs_only) and (best is None or s > best[0]):
                best = (s, name)
        for m in self.idx.mentions:
            if m.end <= pos and m.kind != "region" and (best is None or m.start > best[0]):
                best = (m.start, self.body[m.start : m.end])
        return best[1] if best else None


def _all_cue_tokens(doc: Doc, inside: Regions) -> list[Token]:
    """Every reporting cue outside quotations, in order (found once per document: a
    long sentence holding many quotations would otherwise be read once per quotation)."""
    lex = reporting()
    out = []
    for tok in doc:
        if inside.contains(tok.idx):
            continue
        if (tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in lex.verbs) or (
            tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to"
        ):
            out.append(tok)
    return out


_CUES_EACH_SIDE = 16  # a sentence with more cues than this is a list, not reported speech


def _cue_tokens(
    cues: list[Token], cue_ids: list[int], s: int, e: int, first: int, last: int
) -> list[Token]:
    """The cues among tokens ``[s, e)``: in a sentence with very many, only the
    ``_CUES_EACH_SIDE`` nearest before the quotation's ``first`` token and after its
    ``last`` (the nearest cue is the one taken)."""
    lo, hi = bisect_left(cue_ids, s), bisect_left(cue_ids, e)
    at, past = bisect_left(cue_ids, first), bisect_left(cue_ids, last + 1)
    return cues[max(lo, at - _CUES_EACH_SIDE) : min(hi, past + _CUES_EACH_SIDE)]


def _speaker_of_cue(cue: Token, who: _Speakers) -> str | None:
    lex = reporting()
    if cue.lower_ == "according":
        to = cue.doc[cue.i + 1]
        objs = [c for c in to.children if c.dep_ == "pobj"]
        return who.of_phrase(objs[0]) if objs else None
    verb = cue
    for _ in range(3):
        subj = [c for c in verb.children if c.dep_ in SUBJECTS]
        quoted = [c for c in verb.children if c.dep_ == "dobj"] if verb is not cue else []
        if quoted and verb.lemma_.lower() in lex.quoting_verbs:
            subj = quoted  # "the agency quoted him as saying": he is the speaker
            break
        if subj:
            break
        if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
            verb = verb.head
        elif verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
            verb = verb.head.head  # "quoted him as saying"
        else:
            break
    if not subj:
        return None
    head = subj[0]
    if head.lower_ in RELATIVE and verb.dep_ == "relcl":
        head = verb.head  # "Africa Confidential, which ... concluded that"
        if head.dep_ == "appos":
            head = head.head  # "X, a research firm, which said"
    found = who.of_phrase(head)
    if found:
        return found
    if head.lemma_.lower() in lex.source_nouns:
        for tok in head.subtree:
            found = who.of(tok)
            if found:
                return found
    if head.lower_ in NEUTER:
        return who.before(head.idx, orgs_only=False)
    return None


def _nearest(cues: list[Token], q: Quotation) -> Token:
    def dist(t: Token) -> tuple[int, int]:
        weak = t.lemma_.lower() in reporting().weak_verbs
        d = q.start - t.idx if t.idx < q.start else t.idx - q.end
        return (weak, d)

    return min(cues, key=dist)


def _in_quote_clause(cue: Token, q: Quotation) -> bool:
    """Does the quotation sit in the cue's clause (its object or complement)? The
    subtree lies between its edges, so a quotation outside them is not in it."""
    if cue.right_edge.idx < q.start or cue.left_edge.idx >= q.end:
        return False
    if wide(cue):  # a clause thousands of tokens long: its edges decide
        return True
    return any(q.start <= t.idx < q.end for t in cue.subtree)


def _object_quote(cue: Token, q: Quotation) -> bool:
    """A verb that attributes through its object ("called it “a milestone”", "welcomed
    the deal as “...”") needs the quotation after it, inside its clause."""
    return q.start > cue.idx and _in_quote_clause(cue, q)


def _last_subject_person(doc: Doc, who: _Speakers, end: int, start: int) -> str | None:
    """The person the previous paragraph's last sentence is about (its subject)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    last = span[-1]
    s, e = sentence_tokens(doc, last.i if not last.is_space else max(span.start, last.i - 1))
    for tok in doc[s:e]:
        if tok.dep_ in SUBJECTS and tok.head.dep_ == "ROOT":
            name = who.person_in(tok)
            if name:
                return name
    return None


def _norm_text(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def extract_quotes(
    document: Document,
    doc: Doc,
    persons: tuple[Person, ...],
    organizations: tuple[Organization, ...],
    actors: tuple[Actor, ...],
) -> tuple[tuple[Quote, ...], tuple[str, ...]]:
    """Direct quotations with speakers, and warnings about quotation marks that did not pair."""
    body = document.body
    quotations, warnings = find_quotations(body)
    inside = Regions([(q.start, q.end) for q in quotations])
    all_cues = _all_cue_tokens(doc, inside)
    cue_ids = [t.i for t in all_cues]
    who = _Speakers(persons, organizations, actors, body)
    out: list[Quote] = []
    marks: list[Quotation] = []
    prev: tuple[Quotation, str | None] | None = None
    for q in quotations:
        text = body[q.start : q.end]
        if not text.strip():
            continue
        tok_span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if tok_span is None or not len(tok_span):
            continue
        first, last = tok_span[0].i, tok_span[-1].i
        s, _ = sentence_tokens(doc, first)
        _, e = sentence_tokens(doc, last)
        # the attribution may sit in the sentence right after a quote that ends one
        if e < len(doc) and body[q.end : doc[e].idx].strip() in ("", "”", '"'):
            e = sentence_tokens(doc, e)[1] if e < len(doc) else e
        ps, pe = paragraph_bounds(body, q.start)
        clause_only = reporting().clause_verbs
        cues = [
            c
            for c in _cue_tokens(all_cues, cue_ids, s, e, first, last)
            if ps <= c.idx <= pe and (c.lemma_.lower() not in clause_only or _object_quote(c, q))
        ]
        speaker: str | None = None
        cue_word: str | None = None
        if cues:
            linked = [c for c in cues if _in_quote_clause(c, q)]
            cue = _nearest(linked or cues, q)
            cue_word = cue.text if cue.lower_ != "according" else "according to"
            speaker = _speaker_of_cue(cue, who)
        elif q.single:
            continue  # single marks without a cue are names and titles, not speech
        if not cues and prev is not None:
            pq, pspeaker = prev
            pps, _ = paragraph_bounds(body, pq.start)
            gap = body[pq.end : q.start]
            same_para = pps == ps
            if same_para or (q.start == ps + 1 and gap.strip() in ("", "”", '"')):
                speaker = pspeaker  # the quotation goes on after its cue
        if not cues and speaker is None and body[ps:pe].strip()[:1] in '“"' and ps > 0:
            pps, ppe = paragraph_bounds(body, max(0, ps - 2))
            speaker = _last_subject_person(doc, who, ppe, pps)
        prev = (q, speaker)  # a short quotation still hands its speaker on
        if len(text.split()) >= MIN_WORDS:
            out.append(Quote(text, speaker, cue_word, (q.start, q.end), EXTRACTOR))
            marks.append(q)
    # a quotation that goes on in the next paragraph is the speaker's of its continuation
    for n in range(len(out) - 2, -1, -1):
        if marks[n].continued and out[n].cue is None and out[n + 1].speaker is not None:
            out[n] = replace(out[n], speaker=out[n + 1].speaker)
    # a pull quote repeats a quotation of the body: keep the attributed copy
    kept: list[Quote] = []
    slot: dict[str, int] = {}  # normalised text -> its place in kept
    for quote in out:
        norm = _norm_text(quote.text)
        place = slot.get(norm)
        if place is None:
            slot[norm] = len(kept)
            kept.append(quote)
        elif kept[place].speaker is None and quote.speaker is not None:
            kept[place] = quote
    return tuple(kept), tuple(warnings)
