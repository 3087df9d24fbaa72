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

from accord.extract.context import (
    ActorIndex,
    ActorMention,
    Regions,
    paragraph_bounds,
    sentence_tokens,
)
from accord.extract.memo import tokens, wide
from accord.extract.quotemarks import Quotation, find_quotations
from accord.schema import Actor, Document, Organization, Person, Quote
from accord.vocab.actors import CAPITAL, CITY, lookup_alias
from accord.vocab.organizations import org_lexicon
from accord.vocab.reporting import reporting
from accord.vocab.titles import titles

EXTRACTOR = "quotes@1"
MIN_WORDS = 5
SUBJECTS = ("nsubj", "nsubjpass")
RELATIVE = frozenset({"which", "who", "that"})
NEUTER = frozenset({"it", "they"})
PHRASE_DEPS = frozenset({"compound", "appos", "poss", "pobj", "nmod"})
#: an unnamed person who speaks for an organisation (GOLD_FORMAT: that organisation)
SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson", "official", "representative"})
_TOPIC_SENTENCES = 6  # how far back the organisation a story is about is looked for
PRONOUN_SUBJECTS = frozenset({"he", "she"})
PERSONAL = frozenset({"he", "she", "his", "her", "him", "hers", "himself", "herself"})


def _person_noun(tok: Token) -> bool:
    """A common noun for a person ("official", "the envoy", "analysts")."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    lex = titles()
    word = tok.lemma_.lower() if tok.tag_ in ("NNS", "NNPS") else tok.lower_
    return lex.names_a_person(word) or word in reporting().person_nouns


class _Speakers:
    """Who a token names: a person (through any mention), an organisation, or a state."""

    def __init__(
        self,
        persons: tuple[Person, ...],
        orgs: tuple[Organization, ...],
        actors: tuple[Actor, ...],
        body: str,
        inside: Regions | None = None,
    ) -> None:
        self.inside = inside or Regions([])
        self.spans: list[tuple[int, int, str, int]] = []  # start, end, name, rank
        for p in persons:
            self.spans += [(s, e, p.name, 0) for s, e in p.mentions]
        for o in orgs:
            self.spans += [(s, e, o.name, 1) for s, e in o.mentions]
        self.kinds = {o.name: o.kind for o in orgs}  # the organisation stage's verdict
        self.idx = ActorIndex(actors)
        self.body = body

    def quoted(self, pos: int) -> bool:
        """Is ``pos`` inside a quotation?"""
        return self.inside.contains(pos)

    def named(self, tok: Token) -> tuple[int, str] | None:
        """(rank, name) of what a token names: 0 a person, 1 an organisation, 2 a state."""
        a, b = tok.idx, tok.idx + len(tok.text)
        hits = [(r, name) for s, e, name, r in self.spans if s <= a and b <= e]
        if hits:
            return min(hits)
        m = self.idx.at(a, b)
        if m is not None and m.kind != "region" and tok.pos_ == "PROPN" and self.speaks(m):
            return 2, self.body[m.start : m.end]
        return None

    def speaks(self, m: ActorMention) -> bool:
        """Can this actor mention speak? A city ("NAIROBI, May 3 -", "talks in Lima")
        is a place, never a speaker; a state, an IGO or a seat of power is."""
        alias = lookup_alias(self.body[m.start : m.end])
        return alias is None or alias.form not in (CAPITAL, CITY)

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

    def org_by_word(self, word: str, pos: int) -> str | None:
        """The organisation last named before ``pos`` whose name holds ``word``: "the
        ministry" or "a union spokesman" stands for the ministry or union just named."""
        best: tuple[int, str] | None = None
        for s, e, name, rank in self.spans:
            later = best is None or s > best[0]
            if rank == 1 and e <= pos and later and word in name.lower().split():
                best = (s, name)
        return best[1] if best else None

    def org_by_kind(self, noun: str, pos: int) -> str | None:
        """The organisation last named before ``pos`` that "the company" or "the
        ministry" can stand for: one holding the word, else one of the word's kind."""
        found = self.org_by_word(noun, pos)
        kinds = org_lexicon().kinds
        kind = kinds.get(noun)
        if found or kind is None:
            return found
        best: tuple[int, str] | None = None
        unsure: tuple[int, str] | None = None  # the latest one of no known kind
        for s, e, name, rank in self.spans:
            if rank != 1 or e > pos:
                continue
            words = name.lower().split()
            own = self.kinds.get(name)
            same = own == kind or (
                bool(words) and kind in (kinds.get(words[-1]), kinds.get(words[0]))
            )
            if same and (best is None or s > best[0]):
                best = (s, name)
            if own in (None, "organization") and (unsure is None or s > unsure[0]):
                unsure = (s, name)
        if best is None and kind == "company" and unsure is not None:
            # "Fiat ... the company said": a bare name with no kind word is, in the
            # news, most often a firm
            best = unsure
        return best[1] if best else None

    def org_in(self, tok: Token) -> str | None:
        """The organisation a token names, by name or by a lower-case noun of its name."""
        hit = self.named(tok)
        if hit is not None:
            return hit[1] if hit[0] == 1 else None
        if tok.pos_ == "NOUN" and tok.text.islower():
            return self.org_by_kind(tok.lemma_.lower(), tok.idx)
        if tok.text.isupper() and tok.text.isalpha() and len(tok.text) >= 2:
            return self.org_by_initials(tok.text, tok.idx)
        return None

    def org_by_initials(self, acronym: str, pos: int) -> str | None:
        """The organisation named before ``pos`` whose capitalised words' initials
        spell ``acronym`` ("a METI official" after the Ministry of Economy, Trade and
        Industry)."""
        for s, _e, name, rank in sorted(self.spans, reverse=True):
            if rank != 1 or s >= pos:
                continue
            initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", name) if w[0].isupper())
            if initials == acronym:
                return name
        return None

    def topic_org(self, doc: Doc, tok: Token) -> str | None:
        """The organisation the story is about just before ``tok``: named in the
        subject of this sentence or of one of the few before it ("The union met ...
        a spokesman said": the union's spokesman)."""
        s, e = sentence_tokens(doc, tok.i)
        e = tok.i
        for _ in range(_TOPIC_SENTENCES):
            for t in doc[s:e]:
                if t.dep_ not in SUBJECTS or self.quoted(t.idx):
                    continue
                for part in [t, *(c for c in t.subtree if c.dep_ in PHRASE_DEPS)]:
                    found = self.org_in(part)
                    if found:
                        return found
            if s == 0:
                break
            s, e = sentence_tokens(doc, s - 1)
        return None

    def unnamed(self, doc: Doc, head: Token) -> str | None:
        """The organisation an unnamed spokesperson or official speaks for: named in
        the phrase ("a METI official", "a ministry spokesman", "a spokesman for X"),
        else the organisation the story is about when the phrase names nothing else.
        A phrase with a state or another place ("a Kenyan official") names no one."""
        if head.lower_ not in SPOKES:  # singular: "officials said" is no one's voice
            return None
        mods = [
            t
            for t in head.subtree
            if t is not head and t.dep_ in ("compound", "poss", "nmod", "amod", "pobj")
        ]
        after = doc[head.i + 1] if head.i + 1 < len(doc) else None
        placed = after is not None and after.pos_ == "ADP" and after.lower_ not in ("for", "of")
        if placed or any(t.dep_ == "pobj" and t.head.lower_ not in ("for", "of") for t in mods):
            return None  # "an official in the department": not its voice
        for t in mods:
            found = self.org_in(t)
            if found:
                return found
        own = self._own_name(doc, head, mods)
        if own:
            return own
        if any(
            self.named(t) is not None
            or t.pos_ in ("PROPN", "NOUN")  # "a government spokesman": no body named
            or self.idx.at(t.idx, t.idx + len(t.text)) is not None
            for t in mods
        ):
            return None  # "a Kenyan official", "a Labour spokesman": not the story's body
        return self.topic_org(doc, head)

    def _own_name(self, doc: Doc, head: Token, mods: list[Token]) -> str | None:
        """A capitalised name that the model did not tag but the phrase gives the body
        by: "a Treasury spokesman", "a spokeswoman for Age Concern". A state, a person
        or a word that starts the sentence is no such name."""
        for t in mods:
            via = t.head if t.dep_ == "pobj" else None
            if t.dep_ != "compound" and not (via is not None and via.head.i == head.i):
                continue
            if t.dep_ == "compound" and t.head.i != head.i:
                continue
            left = [c for c in t.lefts if c.dep_ == "compound"]
            run = [*left, t]
            if not all(x.pos_ == "PROPN" and x.text[:1].isupper() for x in run):
                continue
            if any(x.is_sent_start or self.idx.token(x) or self.named(x) for x in run):
                continue
            return doc[run[0].i : t.i + 1].text
        return None

    def before(self, pos: int, *, orgs_only: bool) -> str | None:
        """The nearest organisation (or, unless ``orgs_only``, state) named before
        ``pos`` ("it said"): never a person, whom "it" cannot stand for."""
        best: tuple[int, str] | None = None
        for s, e, name, rank in self.spans:
            if e <= pos and rank == 1 and (best is None or s > best[0]):
                best = (s, name)
        for m in () if orgs_only else self.idx.mentions:
            later = best is None or m.start > best[0]
            if m.end <= pos and m.kind != "region" and later and self.speaks(m):
                best = (m.start, self.body[m.start : m.end])
        return best[1] if best else None


def _all_cue_tokens(doc: Doc, inside: Regions) -> list[Token]:
    """Every reporting cue outside quotations, in order (found once per document: a
    long sentence holding many quotations would otherwise be read once per quotation)."""
    lex = reporting()
    out = []
    for tok in tokens(doc):
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


def _speaker_of_cue(cue: Token, who: _Speakers) -> tuple[str | None, Token | None]:
    """The speaker a cue names, and the head of its subject phrase."""
    lex = reporting()
    if cue.lower_ == "according":
        to = cue.doc[cue.i + 1]
        objs = [c for c in to.children if c.dep_ == "pobj"]
        return (who.of_phrase(objs[0]) if objs else None), (objs[0] if objs else None)
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
        return None, None
    head = subj[0]
    if head.lower_ in RELATIVE and verb.dep_ == "relcl":
        head = verb.head  # "Africa Confidential, which ... concluded that"
        if head.dep_ == "appos":
            head = head.head  # "X, a research firm, which said"
    found = who.of_phrase(head)
    if found:
        return found, head
    if head.lemma_.lower() in lex.source_nouns:
        for tok in head.subtree:
            found = who.of(tok)
            if found:
                return found, head
    det = next((c.lower_ for c in head.children if c.dep_ == "det"), "")
    if head.lemma_.lower() in lex.source_nouns and det == "the" and head.tag_ == "NN":
        return who.topic_org(cue.doc, head), head  # "X published its survey ... the report said"
    if head.lower_ in NEUTER:
        return who.before(head.idx, orgs_only=False), head
    if det == "the" and head.pos_ == "NOUN" and head.text.islower() and head.tag_ == "NN":
        return who.org_by_kind(head.lower_, head.idx), head  # "the ministry said"
    if det == "the" and head.text.istitle() and head.lower_ in org_lexicon().kinds:
        return who.org_by_word(head.lower_, head.idx), head  # "the Bank" after the Bank of X
    return None, head


def _role_noun(head: Token, roles: dict[str, str]) -> bool:
    """ "the official" after an unnamed official was quoted: the same one, even where
    the persons' nominals linked it to a named official."""
    det = next((c.lower_ for c in head.children if c.dep_ == "det"), "")
    return det == "the" and head.text.islower() and head.lemma_.lower() in roles


def _unnamed_speaker(doc: Doc, who: _Speakers, head: Token, roles: dict[str, str]) -> str | None:
    """An unnamed subject: "a spokesman" speaks for the organisation he is introduced
    with; "the spokesman" later is the same one (``roles`` keeps them by noun)."""
    noun = head.lemma_.lower()
    det = next((c.lower_ for c in head.children if c.dep_ == "det"), "")
    if det in ("the", "this", "that") and noun in roles:
        named_mods = [
            t
            for t in head.subtree
            if t is not head and t.pos_ == "PROPN" and who.named(t) is not None
        ]
        if not named_mods:
            return roles[noun] or None
    if det == "the" and head.lower_ in SPOKES:
        earlier = _introduced(doc, head)
        if earlier is not None and _speaks_for_someone(who, earlier):
            return None  # "Mr X's spokesman rejected it. ... the spokesman said"
    found = who.unnamed(doc, head)
    if found:
        roles[noun] = found
    elif head.lower_ in SPOKES and det != "the" and _speaks_for_someone(who, head):
        roles[noun] = ""  # "Mr X's spokesman", "a Kenyan official": a later "the
        # spokesman" is that one, who speaks for no organisation of the story
    return found


_INTRODUCED_WINDOW = 120  # tokens: a few sentences


def _introduced(doc: Doc, head: Token) -> Token | None:
    """The same noun met with modifiers of its own in the few sentences before
    ("Mr Brown's spokesman" for a later "the spokesman")."""
    for k in range(head.i - 1, max(0, head.i - _INTRODUCED_WINDOW) - 1, -1):
        tok = doc[k]
        if tok.lower_ == head.lower_:
            mods = [c for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
            return tok if mods else None
    return None


def _speaks_for_someone(who: _Speakers, head: Token) -> bool:
    """Does the phrase tie the spokesperson to a person or a state ("Mr Brown's
    spokesman", "a Kenyan official") rather than to an organisation?"""
    mods = [
        t for t in head.subtree if t is not head and t.dep_ in ("poss", "compound", "amod", "nmod")
    ]
    if any(who.org_in(t) for t in mods):
        return False
    return any(
        ((hit := who.named(t)) is not None and hit[0] == 0) or who.idx.token(t) is not None
        for t in mods
    )


def _pronoun_speaker(
    who: _Speakers,
    body: str,
    last: tuple[int, int, str | None] | None,
    head: Token,
    resolved: str | None,
) -> str | None:
    """ "he said" after the last voice of the same or the previous paragraph (a
    quotation's speaker, or an unnamed spokesman's organisation: "the official ...
    he said"), with no person named in between outside quotation marks, is that voice
    again; otherwise the person the pronoun was resolved to."""
    if last is None or last[2] is None:
        return resolved
    start, end, voice = last
    here = paragraph_bounds(body, head.idx)[0]
    floor = paragraph_bounds(body, here - 2)[0] if here >= 2 else here
    if paragraph_bounds(body, start)[0] < floor:
        return resolved
    for s, e, _name, rank in who.spans:
        named = body[s : s + 1].isupper() and body[s:e].lower() not in PERSONAL
        if rank == 0 and named and end <= s and e <= head.idx and not who.quoted(s):
            return resolved  # someone else was named in between
    doc = head.doc
    between = doc.char_span(end, head.idx, alignment_mode="contract")
    spokes = [
        t
        for t in (between if between is not None else ())
        if t.lower_ in SPOKES and t.dep_ in SUBJECTS and not who.quoted(t.idx)
    ]
    if spokes:  # "A spokeswoman for the firm said ... she said": that new, unnamed voice
        return who.unnamed(doc, spokes[-1])
    return voice


def _unnamed_voices(doc: Doc, who: _Speakers, cues: list[Token]) -> list[tuple[int, str]]:
    """Organisations that unnamed spokespeople speak for, by the cue's position, from
    reporting sentences with or without a quotation ("a ministry spokesman said ...")."""
    out: list[tuple[int, str]] = []
    for cue in cues:
        if cue.lower_ == "according":
            continue
        subj = [c for c in cue.children if c.dep_ in SUBJECTS]
        if subj and subj[0].lower_ in SPOKES and who.of_phrase(subj[0]) is None:
            found = who.unnamed(doc, subj[0])
            if found:
                out.append((cue.idx, found))
    return out


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


def _subject_person(doc: Doc, who: _Speakers, s: int, e: int) -> str | None:
    """The person the sentence ``[s, e)`` is about: the subject of its main verb, else
    its first subject that names a person ("Mr X, however, was dismissive.")."""
    subjects = [t for t in doc[s:e] if t.dep_ in SUBJECTS]
    main = [t for t in subjects if t.head.dep_ == "ROOT"]
    for tok in main + [t for t in subjects if t not in main]:
        name = who.person_in(tok)
        if name:
            return name
    return None


def _speaker_before(doc: Doc, who: _Speakers, body: str, q: Quotation, ps: int) -> str | None:
    """A quotation with no cue of its own, none before it in its paragraph: the person
    the sentence just before it is about, in its paragraph or, where it opens the
    paragraph, the previous paragraph's last sentence."""
    if body[ps : q.start].strip() in ("", "“", '"'):
        if ps == 0:
            return None
        pps, ppe = paragraph_bounds(body, max(0, ps - 2))
        span = doc.char_span(pps, ppe, alignment_mode="expand")
    else:
        span = doc.char_span(ps, q.start, alignment_mode="expand")
    if span is None or not len(span):
        return None
    last = span[-1]
    while last.i > span.start and (last.is_space or last.is_quote):
        last = doc[last.i - 1]
    s, e = sentence_tokens(doc, last.i)
    return _subject_person(doc, who, s, min(e, last.i + 1))


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
    who = _Speakers(persons, organizations, actors, body, inside)
    out: list[Quote] = []
    marks: list[Quotation] = []
    roles: dict[str, str] = {}  # "spokesman" -> whom the last unnamed one spoke for
    voices = _unnamed_voices(doc, who, all_cues)
    voice_at = [v[0] for v in voices]
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
        own_end = e
        # the attribution may sit in the sentence right after a quote that ends one
        if e < len(doc) and body[q.end : doc[e].idx].strip() in ("", "”", '"'):
            e = sentence_tokens(doc, e)[1] if e < len(doc) else e
        ps, pe = paragraph_bounds(body, q.start)
        clause_only = reporting().clause_verbs
        cues = [
            c
            for c in _cue_tokens(all_cues, cue_ids, s, e, first, last)
            if ps <= c.idx <= pe
            and (c.lemma_.lower() not in clause_only or _object_quote(c, q))
            and not (c.i >= own_end and any(k.dep_ == "ccomp" for k in c.children))
        ]  # a cue of the next sentence that reports its own clause is not this one's
        speaker: str | None = None
        cue_word: str | None = None
        if cues:
            linked = [c for c in cues if _in_quote_clause(c, q)]
            cue = _nearest(linked or cues, q)
            cue_word = cue.text if cue.lower_ != "according" else "according to"
            speaker, head = _speaker_of_cue(cue, who)
            if head is not None and head.lower_ in PRONOUN_SUBJECTS:
                heard: tuple[int, int, str | None] | None = (
                    (prev[0].start, prev[0].end, prev[1]) if prev is not None else None
                )
                n = bisect_left(voice_at, head.idx) - 1
                if n >= 0 and (heard is None or voices[n][0] > heard[0]):
                    heard = (voices[n][0], voices[n][0], voices[n][1])
                speaker = _pronoun_speaker(who, body, heard, head, speaker)
            elif head is not None and (speaker is None or _role_noun(head, roles)):
                speaker = _unnamed_speaker(doc, who, head, roles) or speaker
        elif q.single:
            continue  # single marks without a cue are names and titles, not speech
        if not cues and prev is not None:
            pq, pspeaker = prev
            pps, _ = paragraph_bounds(body, pq.start)
            gap = body[pq.end : q.start]
            same_para = pps == ps
            if same_para or (q.start == ps + 1 and gap.strip() in ("", "”", '"')):
                speaker = pspeaker  # the quotation goes on after its cue
        if (
            not cues
            and speaker is None
            and not (prev and paragraph_bounds(body, prev[0].start)[0] == ps)
        ):
            speaker = _speaker_before(doc, who, body, q, ps)
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
