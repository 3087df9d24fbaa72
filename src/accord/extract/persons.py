"""Persons of the story: names, titles, the state they act for, and every later mention.

Names come from spaCy PERSON entities and from title-led runs ("Deputy Minister for
Digital Development Dmitry Oguryayev", which the small model tags as one ORG). Titles
come from the phrase before the name, an appositive after it, "X is the ...", or a
separate nominal ("The Deputy Director ... told"). A small coreference links surnames,
title nominals ("the diplomat") and he/she to the nearest compatible person, so that
quotes can name their speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import partial

from spacy.tokens import Doc, Token

from accord.extract.context import (
    ActorIndex,
    ActorMention,
    Regions,
    paragraph_bounds,
    party_counts,
    sentence_tokens,
    story_state,
)
from accord.extract.memo import tokens
from accord.extract.quotemarks import find_quotations
from accord.extract.titles import (
    NAME_PARTICLES,
    POSSESSIVE,
    Title,
    affiliation_of_person,
    build_title,
    descriptor_after,
    descriptor_before,
    head_ending_at,
    head_in,
    is_name_token,
)
from accord.schema import Actor, Document, Person, Span
from accord.vocab.organizations import org_lexicon
from accord.vocab.titles import TitleLexicon, titles

EXTRACTOR = "persons@1"
#: entity labels that a capitalised run before a post is not a name under
_NOT_NAMES = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "EVENT", "LAW"})
#: British peerages, which with a surname are the name the text uses ("Lord Browne")
PEERAGES = frozenset({"Lord", "Lady", "Baroness", "Baron", "Viscount", "Earl", "Countess"})
#: verbs whose object or goal is a place travelled to
TRAVEL_VERBS = frozenset({"visit", "travel", "fly", "arrive", "tour", "head", "return", "go"})
#: posts one person holds in a state at a time
SINGLE_POSTS = frozenset(
    {"president", "prime minister", "premier", "head of state", "king", "queen", "emperor"}
    | {"emir", "sultan", "crown prince", "monarch", "dictator"}
)
PRONOUNS = frozenset({"he", "she", "him", "his", "her", "hers", "himself", "herself"})
DEFINITE = frozenset({"the", "this", "that"})
#: capitalised words whose plural says nothing about a name ("the Smiths" aside)
PLURAL_SAFE = frozenset({"democrat", "republican", "tory", "conservative", "minister"})
INDEFINITE = frozenset({"a", "an", "another"})
FACILITY_WORDS = frozenset(
    [
        "camp",
        "fort",
        "mount",
        "lake",
        "river",
        "port",
        "base",
        "airport",
        "station",
        "street",
        "avenue",
        "square",
        "hall",
        "bridge",
        "dam",
        "park",
        "palace",
        "house",
    ]
)
_BYLINE = re.compile(
    r"(?i:(?:^|\(|;)\s*(?:(?:additional\s+)?(?:reporting|writing|editing|compiled|"
    r"translated|photos?|images?|video|text|credit)\s*(?:by|:)|by|©))"
    r"\s*((?:[A-Z][\w'’.-]*)(?:\s+|,\s*|\s+and\s+))*$"
)


@dataclass
class _Person:
    words: list[str]
    name: str
    first: int
    mentions: list[tuple[int, int]] = field(default_factory=list)  # token ranges of names
    other: list[Span] = field(default_factory=list)  # nominal and pronoun mentions (chars)
    title: Title | None = None
    rank: str | None = None


def _byline(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_BYLINE.search(text[line_start:start]))


def _headline(text: str, pos: int) -> bool:
    """Is ``pos`` on a Title Case line, where capitals say nothing about names?"""
    start, end = paragraph_bounds(text, pos)
    first = not text[:start].strip()
    standalone = text[end : end + 2] in ("\n\n", "\n") and not text[start:end].rstrip().endswith(
        (".", "”", '"')
    )
    if not (first or standalone) or "\n" in text[start:end]:
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", text[start:end])]
    if len(words) < 4:
        return False
    small = {"a", "an", "the", "of", "in", "on", "to", "for", "and", "at", "by", "with", "as"}
    caps = sum(1 for w in words if w[0].isupper() or w.lower() in small)
    return caps == len(words) and sum(1 for w in words if w[0].isupper()) >= 3


def _title_line(text: str, pos: int) -> bool:
    """Is ``pos`` on the text's first line, standing alone without a sentence's end?"""
    start, end = paragraph_bounds(text, pos)
    line = text[start:end].rstrip()
    return not text[:start].strip() and "\n" not in line and not line.endswith((".", "”", '"'))


def _name_ranges(
    doc: Doc, idx: ActorIndex, lex: TitleLexicon, words: list[str]
) -> list[tuple[int, int]]:
    """Token ranges of person names, title-led runs first, then PERSON entities.
    ``words`` are the lower-cased tokens of ``doc``, built once per document."""
    found: list[tuple[int, int]] = []
    # a peer, named by the peerage and a surname: "Lord Falconer", "Baroness Amos"
    for i in range(len(doc) - 1):
        if doc[i].text not in PEERAGES:
            continue
        j = i + 1
        while j < len(doc) and j < i + 4 and is_name_token(doc[j], idx, lex):
            if doc[j].pos_ != "PROPN" or words[j] in lex.heads:
                break
            j += 1
        if j > i + 1:
            found.append((i, j))
    # a name with its post in apposition: "NAME, general secretary of X," (the model
    # may miss a name at a paragraph's start; the post says it is a person)
    for i in range(2, len(doc)):
        hs = head_ending_at(doc, words, i, lex)
        if hs is None:
            continue
        k = hs - 1
        while k > 0 and (doc[k].pos_ in ("ADJ", "NOUN", "DET") and doc[k].text[:1].islower()):
            k -= 1  # "the", "general", "deputy": the post's own words
        if k < 2 or doc[k].text != ",":
            continue
        e = k
        s0 = e
        while s0 - 1 >= 0 and e - s0 < 3 and doc[s0 - 1].pos_ == "PROPN":
            if not is_name_token(doc[s0 - 1], idx, lex) or doc[s0 - 1].ent_type_ in _NOT_NAMES:
                break
            s0 -= 1
        if e - s0 >= 2 and (s0 == 0 or not doc[s0 - 1].text[:1].isupper()):
            found.append((s0, e))
    # title-led: HEAD [for|to|of OBJECT] NAME
    for i in range(len(doc)):
        hs = head_ending_at(doc, words, i, lex)
        if hs is None or not (doc[hs].text[:1].isupper() or i + 1 < len(doc)):
            continue
        j = i + 1
        comp = False
        if j < len(doc) and words[j] in ("for", "to", "of", "on"):
            comp = True
            j += 1
        if j < len(doc) and doc[j].text in lex.ranks:
            j += 1
        chain: list[int] = []
        while j < len(doc) and len(chain) < 8:
            tok = doc[j]
            propn = tok.pos_ == "PROPN" or comp
            particle = (  # "Luca di Montezemolo": a particle between two name words
                chain
                and tok.lower_ in NAME_PARTICLES
                and j + 1 < len(doc)
                and doc[j + 1].text[:1].isupper()
            )
            if (
                (is_name_token(tok, idx, lex) and (propn or particle))
                or (comp and idx.token(tok) and tok.is_title)
                or (tok.text == "-" and chain and not doc[j - 1].whitespace_ and j + 1 < len(doc))
                or (comp and tok.lower_ in ("and", "&") and chain)
            ):
                chain.append(j)
            else:
                break
            j += 1
        while chain and not doc[chain[-1]].text[:1].isalpha():
            chain.pop()
        if chain and chain[-1] + 1 < len(doc) and words[chain[-1] + 1] in lex.heads:
            continue  # a portfolio inside a longer title: "Deputy Foreign Affairs Minister"
        if comp:
            if len(chain) < 3:
                continue
            ent_start = next(
                (
                    doc[k].ent_iob_ == "B" and doc[k].ent_type_ == "PERSON" and k
                    for k in chain[1:]
                    if doc[k].ent_iob_ == "B" and doc[k].ent_type_ == "PERSON"
                ),
                None,
            )
            s = ent_start if isinstance(ent_start, int) and ent_start >= chain[-3] else chain[-2]
            found.append((s, chain[-1] + 1))
        elif chain:
            if not any(doc[k].pos_ == "PROPN" for k in chain):
                continue
            found.append((chain[0], _first_words(doc, chain, 3) + 1))
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        s, e = ent.start, ent.end
        while s < e and (
            doc[s].text in lex.ranks
            or doc[s].lower_ in lex.heads
            or idx.token(doc[s]) is not None
            or not doc[s].text[:1].isalpha()
        ):
            s += 1
        while e > s and (doc[e - 1].text in POSSESSIVE or not doc[e - 1].text[:1].isalnum()):
            e -= 1
        if s >= e or any(doc[k].is_space for k in range(s, e)):
            continue
        toks = doc[s:e]
        if toks.text in org_lexicon().party_names or toks.text in lex.party_states:
            continue  # "Lib Dem leader X": a party, not a person
        low = [t.lower_ for t in toks]
        if low[0] in FACILITY_WORDS or any(t.text in org_lexicon().legal_suffixes for t in toks):
            continue
        if len(low) > 1 and (
            low[-1] in org_lexicon().kinds or low[-1] in org_lexicon().event_words
        ):
            continue  # "Sunvale Pharma", "Common Framework": a company or a scheme
        if descriptor_before(doc, s, e) or affiliation_of_person(doc, s, e):
            continue  # "an Indian drugmaker, X", "carmakers including X", "Y of X"
        if not all(t.text[:1].isupper() or t.lower_ in ("-",) for t in toks[:1]):
            continue
        found.append((s, e))
    # keep title-led ranges over overlapping entities
    taken: list[tuple[int, int]] = []
    plural = _pluralised(doc)
    for s, e in found:
        if any(s < te and ts < e for ts, te in taken) or not _looks_like_person(doc, s, e):
            continue
        if _firm_name(doc, s, e) or doc[e - 1].text in plural:
            continue  # "Consulting Limited", "General Motors"; "two Alfa Romeos": a product
        if e < len(doc) and doc[e].ent_iob_ == "I" and doc[s].ent_iob_ == "I":
            continue  # inside a longer name: "the Transport and General Workers' Union"
        taken.append((s, e))
    return sorted(taken)


def _first_words(doc: Doc, chain: list[int], n: int) -> int:
    """The last token of the first ``n`` words of a name chain, a hyphenated word
    ("Okonjo-Iweala", "Jean-Claude") counting as one."""
    words = 0
    last = chain[0]
    for k in chain:
        joined = (
            k > 0 and (doc[k].text == "-" or doc[k - 1].text == "-") and not doc[k - 1].whitespace_
        )
        if not joined:
            words += 1
            if words > n:
                break
        last = k
    return last


def _firm_name(doc: Doc, s: int, e: int) -> bool:
    """Does the name end in a legal suffix or a company word ("Limited", "Motors")?"""
    last = doc[e - 1]
    kind = org_lexicon().kinds.get(last.lower_)
    return last.text in org_lexicon().legal_suffixes or kind == "company"


def _pluralised(doc: Doc) -> set[str]:
    """Capitalised words that the text also uses in the plural ("Romeo", "Romeos"): a
    name that takes a plural is a product or a brand, not a person."""
    caps = {t.text for t in tokens(doc) if t.text[:1].isupper() and t.is_alpha}
    single = {w for w in caps if w + "s" in caps and w.lower() not in PLURAL_SAFE}
    return single | {w + "s" for w in single}


def _looks_like_person(doc: Doc, s: int, e: int) -> bool:
    """Reject what the model tags PERSON in title-case headlines or for named things:
    verb forms ("Continues"), "the X", and "X, a local news site"."""
    if any(t.tag_.startswith("VB") or t.tag_ in ("JJR", "JJS", "RB") for t in doc[s:e]):
        return False
    if s > 0 and doc[s - 1].lower_ == "the":
        return False
    if descriptor_after(doc, e):
        return False
    last = doc[e - 1]
    # "Calmer relations": a modifier of a common noun, not a name
    return not (e - s == 1 and last.dep_ in ("compound", "amod") and last.head.pos_ == "NOUN")


def _words(doc: Doc, s: int, e: int) -> list[str]:
    """The name's words; a peerage is the style, not the name ("Baroness Amos" is the
    "Lady Amos" of the next paragraph)."""
    out = [t.text for t in doc[s:e] if t.text[:1].isalpha()]
    return out[1:] if len(out) > 1 and out[0] in PEERAGES else out


def _group(doc: Doc, ranges: list[tuple[int, int]]) -> list[_Person]:
    """One person per full name; surnames and given names join the person they belong to."""
    people: list[_Person] = []
    singles: list[tuple[int, int]] = []
    for s, e in ranges:
        words = _words(doc, s, e)
        if not words:
            continue
        if len(words) == 1:
            singles.append((s, e))
            continue
        key = [w.lower() for w in words]
        match = next(
            (p for p in people if [w.lower() for w in p.words] == key),
            None,
        ) or next(
            (p for p in people if set(key) < {w.lower() for w in p.words}),
            None,
        )
        if match is None:
            match = _Person(words=words, name=doc[s:e].text, first=doc[s].idx)
            people.append(match)
        match.mentions.append((s, e))
    for s, e in singles:
        w = _words(doc, s, e)[0].lower()
        owners = [p for p in people if w in (x.lower() for x in p.words)]
        if owners:
            min(owners, key=lambda p: abs(p.first - doc[s].idx)).mentions.append((s, e))
        else:
            solo = next((p for p in people if [x.lower() for x in p.words] == [w]), None)
            if solo is None:
                solo = _Person(words=_words(doc, s, e), name=doc[s:e].text, first=doc[s].idx)
                people.append(solo)
            solo.mentions.append((s, e))
    return people


def _extra_surnames(doc: Doc, people: list[_Person], covered: set[int]) -> None:
    """Bare name parts ("Oguryayev", "Xi") the model did not tag as a person."""
    parts: dict[str, list[_Person]] = {}
    for p in people:
        if len(p.words) < 2:
            continue
        for w in p.words:
            if len(w) > 1:
                parts.setdefault(w, []).append(p)
    for tok in tokens(doc):
        owners = parts.get(tok.text)
        if not owners or tok.i in covered or len(owners) > 1:
            continue
        prev = doc[tok.i - 1] if tok.i else None
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha:
            continue
        if prev is not None and prev.text[:1].isupper() and prev.is_alpha and prev.i in covered:
            continue
        owners[0].mentions.append((tok.i, tok.i + 1))
        covered.add(tok.i)


def _title_for(
    doc: Doc, s: int, e: int, idx: ActorIndex, names: list[tuple[int, int]], words: list[str]
) -> tuple[Title | None, str | None]:
    """The title the text gives around one name mention, and a bare rank ("Gen.").
    ``words`` are the lower-cased tokens of ``doc``, built once per document."""
    lex = titles()
    rank: str | None = None
    k = s - 1
    if k >= 0 and doc[k].text in lex.ranks:
        rank = doc[k].text
        k -= 1
    floor = max((ne for ns, ne in names if ne <= k + 1), default=0)
    # 1. before the name: "Russian Ambassador to Kigali NAME", "Former U.S. secretary of state NAME"
    if k >= 0 and not doc[k].is_punct:
        hs = head_ending_at(doc, words, k, lex)
        he = k
        if hs is None:
            # a complement between head and name: "Minister for Digital Development NAME"
            j = k
            while j >= max(0, k - 4) and doc[j].text[:1].isupper() and not doc[j].is_punct:
                j -= 1
            if j >= 1 and words[j] in ("for", "to", "of", "on"):
                he = j - 1
                hs = head_ending_at(doc, words, he, lex)
        if hs is not None and hs >= floor:
            t = build_title(doc, hs, he, k + 1, idx, left_floor=floor)
            if t is not None:
                return t, rank
    # 2. appositive after: "NAME, a spokesperson for China's Foreign Ministry, said"
    sent_start, sent_end = sentence_tokens(doc, s)
    a = e
    if (
        a < sent_end
        and doc[a].text == ","
        and not (a + 1 < sent_end and doc[a + 1].pos_ == "CCONJ")
    ):  # "X, and Kenya's Minister of Y, Z": the next person's post
        a += 1
        while a < sent_end and (doc[a].pos_ == "DET" or doc[a].is_space):
            a += 1
        t = _phrase_title(doc, a, sent_end, idx, words)
        if t is not None:
            return t, rank
    # 3. predicate: "NAME is the chief military analyst with ..."
    if e + 1 < sent_end and doc[e].lemma_ == "be" and doc[e + 1].pos_ == "DET":
        t = _phrase_title(doc, e + 2, sent_end, idx, words)
        if t is not None:
            return t, rank
    # 4. appositive before: "Zimbabwe's army commander at the time, Gen. NAME"
    if k >= 1 and doc[k].text == ",":
        j = k - 1
        while j >= max(sent_start, k - 7):
            tok = doc[j]
            if tok.is_punct or tok.pos_ in ("VERB", "AUX") or tok.is_space:
                break
            hs = head_ending_at(doc, words, j, lex)
            if hs is not None and j + 1 < k and doc[j + 1].pos_ in ("NOUN", "PROPN"):
                break  # a modifier of the noun after it: "a May general election, X"
            if hs is not None:
                t = build_title(doc, hs, j, k, idx, left_floor=floor)
                if t is not None:
                    return t, rank
                break
            if j + 1 == k and tok.tag_ == "NNS" and tok.lemma_.lower() in lex.heads:
                # "one of the minister's deputies, NAME": one of them holds the post
                head = tok.lemma_.lower()
                return Title(head, head, None, None, lex.is_official(head), j, k), rank
            j -= 1
    return None, rank


def _phrase_title(doc: Doc, a: int, limit: int, idx: ActorIndex, words: list[str]) -> Title | None:
    """A title phrase that opens at token ``a`` and runs to the next comma or clause."""
    end = a
    while (
        end < limit
        and doc[end].text not in (",", ";", ".", "(", ")", ":")
        and not (doc[end].is_space)
    ):
        if doc[end].pos_ in ("VERB", "AUX") and end > a + 1 and doc[end].dep_ != "amod":
            break  # a participle modifier stays: "of state-owned X"
        end += 1
    if end - a > 16 or end == a:
        return None
    hd = head_in(doc, a, end, words)
    if hd is None or hd[0] - a > 5:
        return None
    return build_title(doc, hd[0], hd[1], end, idx, left_floor=a, with_modifiers=True)


def _compatible(person: _Person, nominal: str, lex: TitleLexicon) -> bool:
    if person.title is None:
        return False
    want = lex.nominal_classes.get(nominal, frozenset({lex.title_class(nominal)}))
    have = lex.title_class(person.title.head)
    return have in want or nominal in person.title.text.lower()


def _last_mention_before(doc: Doc, p: _Person, pos: int) -> int:
    ends = [doc[e - 1].idx for s, e in p.mentions if doc[s].idx < pos]
    ends += [s for s, e in p.other if s < pos]
    return max(ends, default=-1)


def _nominals(
    doc: Doc,
    people: list[_Person],
    idx: ActorIndex,
    quotes: Regions,
    used: set[int],
    words: list[str],
) -> None:
    """Title nominals without a name: "the deputy minister", "An AU spokeswoman"."""
    lex = titles()
    for tok in tokens(doc):
        if tok.i in used or quotes.contains(tok.idx) or tok.tag_ in ("NNS", "NNPS"):
            continue
        head = tok.lower_
        if head not in lex.heads and head not in lex.nominal_classes:
            continue
        hs = head_ending_at(doc, words, tok.i, lex) or tok.i
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and nxt.text[:1].isupper() and nxt.pos_ == "PROPN":
            continue
        if tok.dep_ in ("compound", "amod", "nmod") and tok.head.i > tok.i:
            continue  # 'the executive board', 'a minister-level meeting': a modifier
        # find the determiner that opens the phrase
        sent_start, sent_end = sentence_tokens(doc, tok.i)
        d = hs - 1
        while d >= sent_start and doc[d].pos_ in ("ADJ", "PROPN", "NOUN", "PART"):
            d -= 1
        if d < sent_start or doc[d].lower_ not in DEFINITE | INDEFINITE:
            continue
        head = " ".join(words[hs : tok.i + 1])  # the whole post: "the prime minister"
        owned = [k for k in range(d + 1, hs) if doc[k].text in POSSESSIVE]
        if owned and idx.token(doc[owned[-1] - 1]) is None:
            continue  # "the prime minister's spokesman": someone's aide, not a named one
        if (
            d - 1 >= 0
            and doc[d - 1].text == ","
            and any(e == d - 1 for p in people for _, e in p.mentions)
        ):
            continue  # appositive of a named person, handled with the name
        t = _phrase_title(doc, d + 1, sent_end, idx, words)
        span = (doc[d].idx, tok.idx + len(tok.text))
        definite = doc[d].lower_ in DEFINITE
        if definite:
            before = [(p, _last_mention_before(doc, p, doc[d].idx)) for p in people]
            before = [(p, m) for p, m in before if m >= 0]
            # a person named in the same sentence is not "the official" of its next
            # clause: the text would say "he" ("X ruled it out, and the official said")
            compat = [
                (p, m)
                for p, m in before
                if _compatible(p, head, lex) and not any(sent_start <= s < d for s, _ in p.mentions)
            ]
            # "the Chinese envoy": the compatible person of that state, where one is
            said = {m.code for k in range(d, tok.i) if (m := idx.token(doc[k])) is not None}
            of_state = [(p, m) for p, m in compat if p.title and p.title.actor in said]
            if said:  # ... and never one the text gives another state
                compat = of_state or [(p, m) for p, m in compat if not (p.title and p.title.actor)]
            else:
                compat = of_state or compat
            # "the minister" after a finance minister and a treasury secretary: the one
            # whose post has the word, before one of the same class only
            exact = [(p, m) for p, m in compat if p.title and head in p.title.text.lower()]
            compat = exact or compat
            if compat:
                max(compat, key=lambda x: x[1])[0].other.append(span)
                continue
            recent = [(p, m) for p, m in before if doc[d].idx - m < 600]
            # a bare "the spokesman" points back at a spokesman already met; only a
            # fuller post ("The Deputy Director for X") introduces the last person's
            if recent and t is not None:
                p, last = max(recent, key=lambda x: x[1])
                fuller = t.text.lower() != head
                if p.title is None and (fuller or _next_subject(doc, tok, last, sent_start)):
                    p.title = t
                    p.other.append(span)
        elif tok.dep_ in ("nsubj", "nsubjpass") and t is not None:
            after = [p for p in people if p.first > tok.idx and p.title is None]
            # the person must come within the next two sentences
            limit = tok.sent.end_char
            if tok.sent.end < len(doc):
                following = doc[tok.sent.end].sent
                limit = following.end_char
                if following.end < len(doc):
                    limit = doc[following.end].sent.end_char
            cand = [p for p in after if p.first < limit]
            if cand:
                p = min(cand, key=lambda x: x.first)
                p.title = t
                p.other.append(span)


def _next_subject(doc: Doc, tok: Token, last: int, sent_start: int) -> bool:
    """A bare post as the subject of the sentence right after the last person's
    mention ("X has promised ... The chancellor told MPs"): that person, introduced
    by name and then referred to by post, as news copy does."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or sent_start == 0:
        return False
    prev_start, _ = sentence_tokens(doc, sent_start - 1)
    named = doc.char_span(last, last + 1, alignment_mode="expand")
    # the person was the subject there too ("Mr X's spokesman ...": not the post's holder)
    return doc[prev_start].idx <= last and named is not None and named.root.dep_ in SUBJECTS


MALE = frozenset({"he", "him", "his", "himself"})
OBJECTS = frozenset({"him", "her"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: honorifics and gendered post words that say a person's gender
MALE_WORDS = frozenset(
    {"mr", "mr.", "sir", "lord", "king", "prince", "emperor", "sultan", "emir", "sheikh"}
    | {"spokesman", "chairman", "businessman", "congressman", "councilman", "father"}
)
FEMALE_WORDS = frozenset(
    {"mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "queen", "princess", "empress"}
    | {"spokeswoman", "chairwoman", "businesswoman", "congresswoman", "councilwoman"}
)


def _gender(doc: Doc, p: _Person) -> str | None:
    """ "m" or "f" where an honorific before a name or the post says so, else None."""
    words = [doc[s - 1].lower_ for s, _ in p.mentions if s > 0]
    if p.title is not None:
        words += p.title.text.lower().split()
    male = any(w in MALE_WORDS for w in words)
    female = any(w in FEMALE_WORDS for w in words)
    return "m" if male and not female else "f" if female and not male else None


def _is_subject(doc: Doc, s: int, e: int) -> bool:
    """Is the phrase ``[s, e)`` the subject of its clause (or in apposition to it)?"""
    head = next((t for t in doc[s:e] if not (s <= t.head.i < e)), doc[e - 1])
    if head.dep_ == "appos" or (head.dep_ == "compound" and head.head.dep_ in SUBJECTS):
        head = head.head
    return head.dep_ in SUBJECTS


def _bound(doc: Doc, pronoun: Token, mention: int) -> bool:
    """Is the mention the subject of the verb whose object the pronoun is? "X greeted
    him" is never X (a reflexive would say so)."""
    if pronoun.dep_ not in ("dobj", "dative", "iobj") or pronoun.lower_ not in OBJECTS:
        return False
    tok = doc[mention]
    while tok.dep_ in ("compound", "flat") and tok.head is not tok:
        tok = tok.head
    return tok.dep_ in SUBJECTS and tok.head.i == pronoun.head.i


def _antecedent_rank(here: int, m: tuple[int, int, bool, _Person]) -> tuple[int, int, int]:
    """Nearest sentence first; in it the subject, then the nearest mention."""
    return (here - m[1], 0 if m[2] else 1, -m[0])


def _pronouns(doc: Doc, people: list[_Person], quotes: Regions) -> None:
    """he/she and friends, outside quotations: a person of the pronoun's gender named
    in the same sentence before it or in the nearest sentence before that names one,
    the grammatical subject first (news keeps the subject as the topic: "X met Y on
    Monday. He said ..." is X); within a sentence, the nearest. A pronoun whose
    antecedent is the only candidate in reach teaches its person's gender. Past three
    sentences, the nearest name within 1,500 characters."""
    starts = sorted({sentence_tokens(doc, i)[0] for i in range(len(doc))})
    sent_no: dict[int, int] = {}
    for n, st in enumerate(starts):
        sent_no[st] = n
    gender = {id(p): _gender(doc, p) for p in people}
    # (token, sentence number, is subject, person)
    ments: list[tuple[int, int, bool, _Person]] = []
    for p in people:
        for s, e in p.mentions:
            if quotes.contains(doc[s].idx):
                continue  # a name the speaker utters is not who "he" is outside the marks
            ments.append((s, sent_no[sentence_tokens(doc, s)[0]], _is_subject(doc, s, e), p))
    ments.sort(key=lambda m: m[0])
    keys = [m[0] for m in ments]
    for tok in tokens(doc):
        low = tok.lower_
        if low not in PRONOUNS or tok.pos_ != "PRON" or quotes.contains(tok.idx):
            continue
        want = "m" if low in MALE else "f"
        here = sent_no[sentence_tokens(doc, tok.i)[0]]
        cands = []
        for n in range(bisect_left(keys, tok.i) - 1, -1, -1):  # nearest first, in reach
            m = ments[n]
            if tok.idx - doc[m[0]].idx >= 1500:
                break
            if gender[id(m[3])] in (None, want) and not _bound(doc, tok, m[0]):
                cands.append(m)
        if not cands:
            continue
        near = [m for m in cands if here - m[1] <= 3]  # else the nearest name in reach
        best = min(near, key=partial(_antecedent_rank, here)) if near else cands[0]
        p = best[3]
        p.other.append((tok.idx, tok.idx + len(tok.text)))
        if gender[id(p)] is None and len({id(m[3]) for m in cands}) == 1:
            gender[id(p)] = want
        at = bisect_left(keys, tok.i)
        keys.insert(at, tok.i)
        ments.insert(at, (tok.i, here, tok.dep_ in SUBJECTS, p))


def _acting_state(
    doc: Doc, p: _Person, idx: ActorIndex, people: list[_Person], document: Document
) -> str | None:
    """The state or IGO a person acts for: the title's own words first, then context."""
    t = p.title
    if t is not None and t.actor:
        return t.actor
    if t is not None and (only := titles().post_state(t.text)):
        return only  # "the Taoiseach": the one state that has the post
    official = (t is not None and t.official) or (t is None and _rank_title(p.rank) is not None)
    if t is None and not official:
        # a person with no post, in a story about one state's party politics (its
        # parties named again and again), is one of its politicians
        return _politics_state(document.body)
    if not official:
        return None
    place = t.place if t else None
    taken = _posts_taken(p, people)
    if t is not None:
        owner = _possessive_owner(doc, t.start, idx)
        if owner:
            return owner  # "Its minister of state for trade": the state just named
        introduced = _introduced_state(doc, p, idx, people)
        if introduced:
            return introduced
    # the first mention in the story's sentences: a headline ("Blair in China") says
    # where the person is, not whom they act for
    s, e = next(
        ((a, b) for a, b in p.mentions if not _title_line(document.body, doc[a].idx)),
        p.mentions[0],
    )
    # states inside another person's title are theirs ("with Japan's ambassador to Ghana")
    others = [
        (doc[q.title.start].idx, doc[q.title.end - 1].idx + len(doc[q.title.end - 1]))
        for q in people
        if q is not p and q.title is not None and q.title.end > q.title.start
    ]
    # and so are those in another person's own phrase ("met Y of West Germany")
    for q in people:
        for qs, qe in q.mentions if q is not p else ():
            tree = list(_name_head(doc, qs, qe).subtree)
            if not tree[0].i <= s < tree[-1].i + 1:
                others.append((tree[0].idx, tree[-1].idx + len(tree[-1])))

    def states(a: int, b: int, igo: bool = True) -> list[str]:
        ms = [
            m
            for m in idx.within(a, b)
            if m.kind in ({"state", "former_state", "igo"} if igo else {"state", "former_state"})
            and not any(x <= m.start and m.end <= y for x, y in others)
            and m.code not in taken
            and not _destination(doc, m, p)
        ]
        out: list[str] = []
        for m in ms:
            if m.code != place and m.code not in out:
                out.append(m.code)
        return out

    # the name's own clause: "General X, who oversees U.S. troops in Africa"
    head = next((tok for tok in doc[s:e] if not (s <= tok.head.i < e)), doc[e - 1])
    sub = list(head.subtree)
    codes = states(sub[0].idx, sub[-1].idx + len(sub[-1]))
    if len(codes) == 1:
        return codes[0]
    ss, se = sentence_tokens(doc, s)
    sent = doc[ss:se]
    codes = states(sent.start_char, sent.end_char, igo=False)
    if len(codes) == 1:
        # a state only in what the person says or does ('X said the talks with the
        # United States were difficult') gives way to the state the story is about
        if head.dep_ in SUBJECTS and head.head.i != head.i:
            clause = _predicate_chars(head)
            inside = [m for m in idx.within(sent.start_char, sent.end_char) if m.code == codes[0]]
            if inside and all(m.start in clause for m in inside):
                away = taken | {m.code for m in idx.mentions if _destination(doc, m, p)}
                about = story_state(idx, place, document.body, away)
                if about is not None and about != codes[0]:
                    return about
        return codes[0]
    if len(codes) > 1 and head.dep_ in SUBJECTS and se - ss <= 200:
        # what the person says or does to a state is not theirs: "X said Japan has
        # ...", "X visited Kenya"; the states left are those outside their clause
        clause = _predicate_chars(head)
        outside: list[str] = []
        for m in idx.within(sent.start_char, sent.end_char):
            if m.code in codes and m.start not in clause and m.code not in outside:
                outside.append(m.code)
        if len(outside) == 1:
            return outside[0]
    if not codes:
        ps, pe = paragraph_bounds(document.body, doc[s].idx)
        for q in people:
            if q is p or q.title is None or not q.title.actor or q.title.actor in taken:
                continue
            if any(ss <= qs < se and not _opposed(doc, (s, e), (qs, qe)) for qs, qe in q.mentions):
                return q.title.actor  # "Kenya's trade minister A and finance minister B"
        codes = states(ps, pe, igo=False)  # not those of another person's title either
        if len(codes) > 1:  # nor a state the person travels to, named again
            gone = {m.code for m in idx.within(ps, pe) if _destination(doc, m, p)}
            codes = [c for c in codes if c not in gone] or codes
        if len(codes) == 1:
            return codes[0]
    home = _dateline_state(document.body, idx)
    if home and home != place and home not in taken and (not codes or home in codes):
        return home  # wire copy: an unqualified minister is the dateline's country's
    if not codes:
        # an official of the one state the story is about, or of the state its
        # opening sentences are about ("The Philippines has summoned ..."); a state
        # the person travels to is a host, however often the story names it
        away = taken | {m.code for m in idx.mentions if _destination(doc, m, p)}
        return story_state(idx, place, document.body, away) or _lede_state(doc, idx, place, away)
    return None


def _predicate_chars(subject: Token) -> set[int]:
    """Where what a subject says or does lies: its verb's phrase without the subject's
    own (character offsets of the tokens)."""
    return {t.idx for t in subject.head.subtree} - {t.idx for t in subject.subtree}


def _name_head(doc: Doc, s: int, e: int) -> Token:
    return next((tok for tok in doc[s:e] if not (s <= tok.head.i < e)), doc[e - 1])


def _predicate(tok: Token) -> Token | None:
    for up in tok.ancestors:
        if up.pos_ in ("VERB", "AUX"):
            return up
    return None


def _opposed(doc: Doc, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Are two names different parties of one predicate ("A met B", "A told B")? Such a
    pair need not share a state; conjuncts ("minister A and minister B") and persons of
    different clauses of one sentence may."""
    ha, hb = _name_head(doc, *a), _name_head(doc, *b)
    if hb in ha.conjuncts:
        return False
    verb = _predicate(ha)
    return verb is not None and verb == _predicate(hb)


def _destination(doc: Doc, m: ActorMention, p: _Person) -> bool:
    """Is the mention where the person goes ("X said he would visit Washington", "X flew
    to Tokyo")? A place one travels to is the host's, never the traveller's own state."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span.root
    for _ in range(4):
        if tok.dep_ in ("dobj", "pobj", "prep", "compound", "poss", "conj", "appos"):
            tok = tok.head
            continue
        break
    if not (tok.pos_ == "VERB" and tok.lemma_.lower() in TRAVEL_VERBS and span.root is not tok):
        return False
    ss, se = sentence_tokens(doc, tok.i)
    for subj in tok.children:
        if subj.dep_ not in SUBJECTS:
            continue
        named = [subj, *(c for c in subj.children if c.dep_ == "appos")]
        if any(a <= t.i < b for t in named for a, b in p.mentions):
            return True  # the person is the traveller ("The minister, X, flew to ...")
        # "he", "she": the person named in the same sentence
        return subj.lower_ in ("he", "she") and any(ss <= a < se for a, _ in p.mentions)
    return False


def _posts_taken(p: _Person, people: list[_Person]) -> frozenset[str]:
    """States whose holder of ``p``'s one-holder post is someone else of the story: the
    President named without a country is not the president of "Kenyan President Y"."""
    t = p.title
    if t is None or t.head not in SINGLE_POSTS or _former(t.text):
        return frozenset()
    return frozenset(
        q.title.actor
        for q in people
        if q is not p
        and q.title is not None
        and q.title.actor
        and q.title.head == t.head
        and not _former(q.title.text)
        and q.name != p.name
    )


def _former(title: str) -> bool:
    return any(w in ("former", "ex", "then") for w in title.lower().replace("-", " ").split())


def _lede_state(
    doc: Doc, idx: ActorIndex, place: str | None, exclude: frozenset[str] = frozenset()
) -> str | None:
    """The state that is the grammatical subject of the story's first sentences (the
    headline and the lede), when they agree on one."""
    found: set[str] = set()
    n = 0
    i = 0
    while i < len(doc) and n < 3:
        s, e = sentence_tokens(doc, i)
        if any(t.is_alpha for t in doc[s:e]):
            n += 1
            for t in doc[s:e]:
                if t.dep_ in SUBJECTS and t.head.dep_ == "ROOT":
                    m = idx.token(t)
                    if m is not None and m.kind == "state" and m.code not in {place, *exclude}:
                        found.add(m.code)
        i = max(e, i + 1)
    return found.pop() if len(found) == 1 else None


def _introduced_state(doc: Doc, p: _Person, idx: ActorIndex, people: list[_Person]) -> str | None:
    """The state of an unnamed mention of the same post before the name ("summoned
    China's ambassador ... Ambassador X", "the Kenyan envoy ... Envoy X"), when all
    such mentions with a state name one state and the person's own title names none."""
    t = p.title
    if t is None:
        return None
    lex = titles()
    last = t.head.split()[-1]
    first = doc[p.mentions[0][0]].idx
    taken = [(q.title.start, q.title.end) for q in people if q.title is not None]
    codes: set[str] = set()
    for tok in tokens(doc):
        if tok.idx >= first:
            break
        if tok.lower_ != last or any(a <= tok.i < b for a, b in taken):
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and nxt.pos_ == "PROPN":
            continue  # a post with its holder's name: that person's
        k = tok.i - 1
        while k >= max(0, tok.i - 4) and doc[k].pos_ in ("PROPN", "ADJ", "NOUN", "PART"):
            m = idx.token(doc[k])
            if m is not None and m.kind in ("state", "former_state", "igo"):
                codes.add(m.code)  # "a European Commission spokesman ... The spokesman, X"
                break
            k -= 1
    # a state another holder of the same post has may be theirs ("an Indian minister
    # said ... India's Minister of State X ... Y, the trade minister")
    codes -= {
        q.title.actor
        for q in people
        if q is not p and q.title is not None and q.title.head.split()[-1] == last
    }
    if len(codes) == 1 and lex.is_official(t.head):
        return codes.pop()
    return None


def _politics_state(body: str) -> str | None:
    """The state whose parties the story names at least three times, the others at
    most a third as often."""
    ranked = sorted(party_counts(body).items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[1][1] * 3 > ranked[0][1]):
        return None
    return ranked[0][0]


_DATELINE = re.compile(
    r"^\s*([A-Z][A-Z.' -]{2,40}?)\s*"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b|\([A-Za-z]{2,12}\)\s*[-—–]|[-—–]\s)"
)


def _dateline_state(body: str, idx: ActorIndex) -> str | None:
    """The state of a wire dateline ("NEW DELHI, Dec 20 -") in the first paragraphs."""
    pos = 0
    for line in body.split("\n")[:4]:
        m = _DATELINE.match(line)
        if m and m.group(1).strip().isupper():
            a = pos + m.start(1)
            codes = idx.states_within(a, a + len(m.group(1).strip()), igo=False)
            if len(codes) == 1:
                return codes[0]
        pos += len(line) + 1
    return None


def _possessive_owner(doc: Doc, start: int, idx: ActorIndex) -> str | None:
    """The state "its"/"their" before a title stands for: the last state named before,
    in the same or the previous sentence ("Qatar ... Its state minister")."""
    if start < 1 or doc[start - 1].lower_ not in ("its", "their"):
        return None
    ss, _ = sentence_tokens(doc, start - 1)
    floor = sentence_tokens(doc, ss - 1)[0] if ss > 0 else 0
    best: str | None = None
    for m in idx.mentions:
        if m.start >= doc[start - 1].idx:
            break
        if m.start >= doc[floor].idx and m.kind in ("state", "former_state"):
            best = m.code
    return best


HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss"})


def _title_owner(doc: Doc, p: _Person, people: list[_Person]) -> _Person | None:
    """The person whose post the title is a part of: "Mr X's deputy", "his adviser"."""
    t = p.title
    if t is None or t.start < 1:
        return None
    k = t.start - 1
    if doc[k].text in POSSESSIVE and k >= 1:
        k -= 1
        for q in people:
            if q is not p and any(s <= k < e for s, e in q.mentions):
                return q
        return None
    if doc[k].lower_ in ("his", "her"):
        span = (doc[k].idx, doc[k].idx + len(doc[k].text))
        return next((q for q in people if q is not p and span in q.other), None)
    return None


def _rank_title(rank: str | None) -> str | None:
    """A rank is a title ("Gen.", "Dr"); a plain honorific ("Mr") is not."""
    return None if rank is None or rank.lower() in HONORIFICS else rank


def extract_persons(document: Document, doc: Doc, actors: tuple[Actor, ...]) -> tuple[Person, ...]:
    """Every named person of the article body, with title, acting state and mentions."""
    lex = titles()
    idx = ActorIndex(actors, document.body)
    quotations, _ = find_quotations(document.body)
    quotes = Regions([(q.start, q.end) for q in quotations])
    words = [t.lower_ for t in tokens(doc)]  # once per document: three passes below read it
    ranges = [
        (s, e)
        for s, e in _name_ranges(doc, idx, lex, words)
        if not _byline(document.body, doc[s].idx) and not _headline(document.body, doc[s].idx)
    ]
    people = _group(doc, ranges)
    covered = {k for s, e in ranges for k in range(s, e)}
    _extra_surnames(doc, people, covered)
    used: set[int] = set()
    for p in people:
        p.mentions.sort()
        full = [(s, e) for s, e in p.mentions if len(_words(doc, s, e)) == len(p.words)]
        # the full name first, then the short ones ("President Bush ... George W Bush")
        for s, e in full + [m for m in p.mentions if m not in full]:
            t, rank = _title_for(doc, s, e, idx, ranges, words)
            p.rank = p.rank or rank
            if t is not None:
                p.title = t
                used.update(range(t.start, t.end))
                break
    _nominals(doc, people, idx, quotes, used, words)
    _pronouns(doc, people, quotes)
    states = {id(p): _acting_state(doc, p, idx, people, document) for p in people}
    for p in people:
        owner = _title_owner(doc, p, people)
        if owner is not None and states[id(p)] is None:
            states[id(p)] = states[id(owner)]  # "Mr X's deputies, Y": X's state
    out = []
    for p in sorted(people, key=lambda x: x.first):
        if not p.mentions:
            continue
        peer = any(doc[s].text in PEERAGES for s, _ in p.mentions)  # "Lord Lawson"
        if len(p.words) == 1 and p.title is None and p.rank is None and not peer:
            continue  # a lone word tagged PERSON, never given a full name or a title:
            # in news a person is introduced by full name, so this is a firm or a place
        name_spans = [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)) for s, e in p.mentions]
        fulls = [doc[s:e].text for s, e in p.mentions if len(_words(doc, s, e)) == len(p.words)]
        name = fulls[0] if fulls else p.name
        title = p.title.text if p.title else _rank_title(p.rank)
        out.append(
            Person(
                name=name,
                title=title,
                actor=states[id(p)],
                organization=p.title.organization if p.title else None,
                mentions=tuple(sorted(set(name_spans) | set(p.other))),
                extractor=EXTRACTOR,
            )
        )
    return tuple(out)
