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

from spacy.tokens import Doc, Token

from accord.extract.context import ActorIndex, Regions, paragraph_bounds, sentence_tokens
from accord.extract.quotemarks import Quotation, find_quotations
from accord.schema import Actor, Document, Organization, Person, Quote
from accord.vocab.reporting import reporting

EXTRACTOR = "quotes@1"
MIN_WORDS = 5
SUBJECTS = ("nsubj", "nsubjpass")
RELATIVE = frozenset({"which", "who", "that"})
NEUTER = frozenset({"it", "they"})


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

    def of(self, tok: Token) -> str | None:
        a, b = tok.idx, tok.idx + len(tok.text)
        hits = [(r, name) for s, e, name, r in self.spans if s <= a and b <= e]
        if hits:
            return min(hits)[1]
        m = self.idx.at(a, b)
        if m is not None and m.kind != "region" and tok.pos_ == "PROPN":
            return self.body[m.start : m.end]
        return None

    def of_phrase(self, head: Token) -> str | None:
        """The speaker a noun phrase names: its head, then its compounds and appositives."""
        found = self.of(head)
        if found:
            return found
        for tok in head.subtree:
            if tok.dep_ in ("compound", "appos", "poss", "pobj", "nmod") or tok is head:
                found = self.of(tok)
                if found:
                    return found
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


def _cue_tokens(doc: Doc, s: int, e: int, inside: Regions) -> list[Token]:
    lex = reporting()
    out = []
    for tok in doc[s:e]:
        if inside.contains(tok.idx):
            continue
        if (tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in lex.verbs) or (
            tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to"
        ):
            out.append(tok)
    return out


def _speaker_of_cue(cue: Token, who: _Speakers) -> str | None:
    lex = reporting()
    if cue.lower_ == "according":
        to = cue.doc[cue.i + 1]
        objs = [c for c in to.children if c.dep_ == "pobj"]
        return who.of_phrase(objs[0]) if objs else None
    verb = cue
    for _ in range(3):
        subj = [c for c in verb.children if c.dep_ in SUBJECTS]
        if subj:
            break
        if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
            verb = verb.head
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
    """Does the quotation sit in the cue's clause (its object or complement)?"""
    return any(q.start <= t.idx < q.end for t in cue.subtree)


def _last_subject_person(doc: Doc, who: _Speakers, end: int, start: int) -> str | None:
    """The person the previous paragraph's last sentence is about (its subject)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    last = span[-1]
    s, e = sentence_tokens(doc, last.i if not last.is_space else max(span.start, last.i - 1))
    for tok in doc[s:e]:
        if tok.dep_ in SUBJECTS and tok.head.dep_ == "ROOT":
            name = who.of_phrase(tok)
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
    who = _Speakers(persons, organizations, actors, body)
    out: list[Quote] = []
    prev: tuple[Quotation, str | None] | None = None
    for q in quotations:
        text = body[q.start : q.end]
        if len(text.split()) < MIN_WORDS:
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
        cues = [c for c in _cue_tokens(doc, s, e, inside) if ps <= c.idx <= pe]
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
        out.append(Quote(text, speaker, cue_word, (q.start, q.end), EXTRACTOR))
        prev = (q, speaker)
    # a pull quote repeats a quotation of the body: keep the attributed copy
    kept: list[Quote] = []
    for quote in out:
        twin = next((k for k in kept if _norm_text(k.text) == _norm_text(quote.text)), None)
        if twin is None:
            kept.append(quote)
        elif twin.speaker is None and quote.speaker is not None:
            kept[kept.index(twin)] = quote
    return tuple(kept), tuple(warnings)
