"""Named organisations of the story, with their state and kind, merged across mentions.

Sources: spaCy ORG entities (filtered of states, events, fragments and people), names
the model mis-tags as PERSON but that carry a legal suffix ("Kaspersky Lab"), quoted
names before an organisation noun ("the ‘Smart Cities’ association"), IGOs among
the actors, and news outlets credited in the text. The page's own outlet is left out.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from accord.extract.context import (
    STATE_KINDS,
    ActorIndex,
    Regions,
    paragraph_bounds,
    sentence_tokens,
    story_state,
)
from accord.extract.event_parties import names_a_process
from accord.extract.memo import tokens
from accord.extract.titles import (
    POSSESSIVE,
    affiliation_of_person,
    descriptor_after,
    descriptor_before,
)
from accord.schema import Actor, Document, Organization, Person, Span
from accord.vocab.currencies import currency_lexicon
from accord.vocab.organizations import (
    KnownOrg,
    known_organizations,
    media_outlets,
    media_spellings,
    org_lexicon,
)
from accord.vocab.titles import titles

EXTRACTOR = "organizations@1"
_SMALL = frozenset({"of", "for", "and", "the", "on", "in", "&", "de"})
_QUOTES = "‘’'\"“”"


@dataclass
class _Org:
    name: str
    first: int
    mentions: list[Span] = field(default_factory=list)
    actor: str | None = None
    kind: str | None = None
    igo: bool = False
    evidence: list[str | None] = field(default_factory=list)  # states found beside mentions


def _norm(name: str) -> str:
    s = name.lower().replace("’", "'")
    s = re.sub(r"^the\s+", "", s)
    s = re.sub(r"'s$", "", s)
    return " ".join(re.sub(r"[^\w\s&'-]", " ", s).split())


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w and w.lower() not in _SMALL)


def _media(name: str) -> KnownOrg | None:
    return media_outlets().get(name.lower().replace("’", "'"))


def _known(name: str) -> KnownOrg | None:
    return known_organizations().get(_norm(name)) or _media(name)


def _kind_of(name: str) -> str:
    kinds = org_lexicon().kinds
    words = _norm(name).split()
    for w in reversed(words):
        if w in kinds:
            # a "union" no IGO of the actors matched is a union of people
            return "association" if kinds[w] == "igo" else kinds[w]
    return "organization"


def _headline(text: str, pos: int) -> bool:
    start, end = paragraph_bounds(text, pos)
    line = text[start:end].strip()
    first = not text[:start].strip()
    return first and not line.endswith((".", "”", '"'))


def _state_before(doc: Doc, s: int, idx: ActorIndex) -> tuple[bool, str | None]:
    """A state word right before a name, across a descriptor: "China's X", "The Chinese
    firm X", "US firm X". Returns (found, code); a region counts as found with no code."""
    lex = org_lexicon()
    k = s - 1
    steps = 0
    # "carmakers including X", "a drugmaker, X", "firms such as X": across the link
    if k >= 1 and doc[k].lower_ == "as" and doc[k - 1].lower_ == "such":
        k -= 2
    elif k >= 1 and doc[k].lower_ in ("including", "like", ",") and doc[k - 1].pos_ == "NOUN":
        k -= 1
    while k >= 0 and steps < 4:
        tok = doc[k]
        if tok.text in POSSESSIVE:
            k -= 1
            continue
        if tok.lower_ == "based" and k >= 2 and doc[k - 1].text == "-":
            k -= 2  # "the Nairobi-based X"
            continue
        m = idx.token(tok)
        if m is not None:
            return True, (m.code if m.kind != "region" else None)
        if tok.ent_type_ == "NORP":
            return True, None  # "European manufacturer X": a people, not one state
        if (
            tok.lower_ in lex.descriptor_words
            or tok.lemma_.lower() in lex.descriptor_words
            or (tok.pos_ == "ADJ" and steps < 3)
            or (tok.pos_ == "NOUN" and tok.text.islower() and steps < 3)
        ):
            k -= 1
            steps += 1
            continue
        break
    return False, None


def _state_after(doc: Doc, e: int, idx: ActorIndex) -> tuple[bool, str | None]:
    """A state in an appositive or relative clause right after a name:
    "KBC, a Kenyan state broadcaster,", "X, which ... Russian businesses"."""
    if e + 1 >= len(doc) or doc[e].text != ",":
        return False, None
    nxt = doc[e + 1]
    if not (
        nxt.pos_ in ("DET", "PRON", "ADJ") or nxt.lower_ in ("which", "whose") or idx.token(nxt)
    ):
        return False, None  # ", with cocoa making up most of Ivory Coast's exports": no appositive
    k = e + 1
    while k < len(doc) and k < e + 14:
        tok = doc[k]
        if tok.text in (",", ";", ".", ")") or tok.is_space:
            break
        m = idx.token(tok)
        if m is not None:
            return True, (m.code if m.kind != "region" else None)
        k += 1
    return False, None


def _clean_ent(doc: Doc, s: int, e: int, idx: ActorIndex) -> tuple[int, int, str | None]:
    """Trim an ORG entity: leading "the", a state prefix ("China's"), trailing marks."""
    code: str | None = None
    # "the" is not part of a name; "The" is, unless only the sentence start capitalised it
    while s < e and doc[s].lower_ == "the" and (doc[s].text == "the" or doc[s].is_sent_start):
        s += 1
    while s < e:
        m = idx.token(doc[s])
        if m is not None and m.kind != "igo" and s + 1 < e and doc[s + 1].text in POSSESSIVE:
            code = code or (m.code if m.kind != "region" else None)
            s += 2
            continue
        break
    generic = org_lexicon().needs_state_modifier
    m = idx.token(doc[s]) if s < e else None
    if m is not None and m.kind != "igo" and doc[s + 1 : e].text.lower() in generic:
        code = code or m.code  # "U.S. Congress" is Congress, of the United States
        s += 1
    for k in range(s + 1, e - 1):
        if (
            doc[k].text in POSSESSIVE
            and doc[k + 1].text[:1].isupper()
            and _kind_of(doc[s:k].text) != "organization"
            and _kind_of(doc[k + 1 : e].text) != "organization"
        ):
            inner = idx.states_within(doc[s].idx, doc[k].idx, igo=False)
            code = code or (inner[0] if inner else None)
            s = k + 1  # "the University of Nairobi's School of ...": the school is named
            break
    if e < len(doc) and any(doc[k].lower_ in ("of", "for") for k in range(s, e)):
        k = e
        while k + 1 < len(doc) and doc[k].lower_ in ("and", "&"):
            nxt = k + 2 if doc[k + 1].lower_ == "the" else k + 1  # "and the Pacific"
            if nxt >= len(doc) or not _cap(doc[nxt]):
                break
            k = nxt
            while k < len(doc) and doc[k].text[:1].isupper() and doc[k].is_alpha:
                k += 1
            e = k
    e = _acronym_extension(doc, s, e)
    s, e = _joined_name(doc, s, e, idx)
    while s < e and (doc[s].is_punct or doc[s].is_space) and doc[s].text not in _QUOTES:
        s += 1
    while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space or doc[e - 1].text in POSSESSIVE):
        e -= 1
    lex = org_lexicon()
    while (
        e - s > 1
        and doc[e - 1].text.islower()
        and doc[e - 1].text not in lex.legal_suffixes  # "plc" is the name's own
        and (doc[e - 1].lower_ in lex.descriptor_words or doc[e - 1].lower_ in lex.kinds)
    ):
        e -= 1  # "the Labour party", "the AFP news agency": the name without its noun
    for k in range(s, e):
        if doc[k].is_space or (doc[k].text == "(" and k > s):
            e = k  # "International Coffee Organization (ICO": the acronym is its own mention
            break
    while e > s and (doc[e - 1].is_punct or doc[e - 1].text in POSSESSIVE):
        e -= 1
    return s, e, code


_OF_HEADS = frozenset(
    {
        "commission",
        "organisation",
        "organization",
        "council",
        "committee",
        "ministry",
        "department",
        "institute",
        "centre",
        "center",
        "association",
        "federation",
        "board",
        "bureau",
        "secretariat",
        "society",
    }
)
_MEDIA_NOUNS = frozenset({"newspaper", "daily", "weekly", "magazine"})


def _cap(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.is_alpha


def _joined_name(doc: Doc, s: int, e: int, idx: ActorIndex) -> tuple[int, int]:
    """Give back the parts of a name the model cut off at a joining word:
    "[Economic and Social Commission] for Asia and the Pacific" (a body's remit after
    its head noun), "[Brown] and Drew" (a firm of two surnames: the second name is no
    entity of its own), "Vereins- und [Westbank AG]" (a hyphenated first member), and
    "[Sinar] Kenya newspaper" (a state word inside a newspaper's name)."""
    n = len(doc)
    if e < n - 1 and doc[e - 1].lower_ in _OF_HEADS and doc[e].lower_ in ("for", "of", "on"):
        k = e + 1
        while k < n:
            tok = doc[k]
            word = _cap(tok) and tok.ent_type_ not in ("DATE", "TIME", "PERSON")
            joint = tok.lower_ in ("and", "&", "the") and k > e + 1
            if not (word or (joint and k + 1 < n and _cap(doc[k + 1]))):
                break
            k += 1
        if k > e + 1 and doc[k - 1].lower_ not in ("and", "&", "the"):
            e = k
    # the second surname is no entity, or a person like the first: "Brown and Drew"
    partner = ("", "PERSON") if doc[s].ent_type_ == "PERSON" else ("",)
    if (
        e + 1 < n
        and doc[e].lower_ in ("and", "&")
        and _cap(doc[e + 1])
        and doc[e + 1].ent_type_ in partner
        and idx.token(doc[e + 1]) is None
    ):
        k = e + 1
        while k < n and _cap(doc[k]) and doc[k].ent_type_ in partner and k < e + 3:
            k += 1
        if k == n or not doc[k].text[:1].isupper():
            e = k
    if (  # "of Shearman and [Sterling]": the first surname is no entity
        s >= 3
        and doc[s - 1].lower_ in ("and", "&")
        and _cap(doc[s - 2])
        and not doc[s - 2].ent_type_
        and idx.token(doc[s - 2]) is None
        and not doc[s - 3].text[:1].isupper()
        and not doc[s - 2].is_sent_start
    ):
        s -= 2
    if s >= 2 and doc[s - 1].lower_ in ("und", "and", "&"):
        first = doc[s - 2]  # "Vereins- und": the tokenizer keeps the hyphen on the word
        if first.text.endswith("-") and first.text[:1].isupper() and len(first.text) > 2:
            s -= 2
        elif s >= 3 and first.text == "-" and _cap(doc[s - 3]):
            s -= 3
    if (
        e + 1 < n
        and idx.token(doc[e]) is not None
        and doc[e + 1].lower_ in _MEDIA_NOUNS
        and doc[e + 1].text.islower()
    ):
        e += 1
    return s, e


def _acronym_extension(doc: Doc, s: int, e: int) -> int:
    """Extend a name the model cut before a place when the acronym after it spells the
    longer name: "Inter-Governmental Group [on Indonesia] (IGGI)"."""
    if e + 3 >= len(doc) or doc[e].lower_ not in ("on", "of", "for", "in"):
        return e
    k = e + 1
    while k < len(doc) and k < e + 5 and doc[k].text[:1].isupper() and doc[k].is_alpha:
        k += 1
    if k == e + 1 or k + 2 >= len(doc) or doc[k].text != "(" or doc[k + 2].text != ")":
        return e
    acronym = doc[k + 1].text
    if acronym.isupper() and _initials(doc[s:k].text).upper() == acronym:
        return k
    return e


def _modifies_common_noun(doc: Doc, e: int) -> bool:
    """True when a lower-case noun follows the name ("U.S. Farm exports", "U.S. Beef and
    citrus imports"): the capitalised word is a modifier, as wire copy capitalises it."""
    last = doc[e - 1]

    def common(tok: Token) -> bool:
        return tok.i >= e and tok.text.islower() and tok.tag_ in ("NN", "NNS") and not tok.ent_type_

    if last.dep_ in ("compound", "amod", "nmod") and common(last.head):
        return True
    # coordinated with a common noun: "U.S. Beef and citrus imports"
    return any(
        c.dep_ == "conj" and common(c) and not any(g.pos_ == "PROPN" for g in c.subtree)
        for c in last.children
    )


_VOICES = frozenset({"spokesman", "spokeswoman", "spokesperson"})


def _acceptable(doc: Doc, s: int, e: int, idx: ActorIndex, person_toks: set[int]) -> bool:
    lex = org_lexicon()
    if s >= e or any(k in person_toks for k in range(s, e)):
        return False
    words = [t.lower_ for t in doc[s:e] if t.is_alpha]
    if not words or not any(t.text[:1].isupper() for t in doc[s:e]):
        return False
    m = idx.at(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text))
    if m is not None and m.kind != "igo":
        return False  # a state or region the model took for an organisation
    head = words[0] if len(words) > 1 and words[1] in ("for", "of", "on") else words[-1]
    if head in lex.event_words or any(w in ("summit", "forum", "thought") for w in words):
        return False
    name = " ".join(words)
    if e < len(doc) and doc[e].lower_ in _VOICES and not doc[s].is_sent_start:
        return True  # "a Treasury spokesman": the body the voice speaks for
    # initials before a post name a body ("TUC general secretary"), never a portfolio
    posted = e < len(doc) and doc[e].lower_ in titles().heads
    acronym = posted and all(t.text.isupper() and len(t.text) > 1 for t in doc[s:e])
    if posted and not acronym and _kind_of(name) == "organization":
        return False  # "Trade" of "Trade Minister": a portfolio, not a body
    if len(words) == 1 and words[0] in lex.generic_institutions:
        return False
    if words[-1] in lex.generic_institutions:
        return False  # "the Reagan Administration", "Indian Government": the state itself
    plural_post = e - s == 1 and doc[s].text.endswith("s") and doc[s].text[:-1].isupper()
    if plural_post and doc[s].text[:-1].lower() in titles().heads:
        return False  # "told MPs", "CEOs": holders of a post, not a body
    rest = [t for t in doc[s:e] if idx.token(t) is None and t.is_alpha]
    if len(rest) == 1 and (
        (rest[0].tag_ in ("NNS", "NNPS", "VBZ", "VBD") and rest[0].lower_ not in lex.kinds)
        or rest[0].lemma_.lower() in lex.descriptor_words
        or rest[0].lower_ in titles().heads
        or rest[0].lower_ in currency_lexicon().words  # "the U.S. Dollar": a currency
        or (_modifies_common_noun(doc, e) and not acronym and rest[0].lower_ not in lex.kinds)
    ):
        return False  # "U.S. Firms", "U.S. Official", "U.S. Farm exports": not a body, but
        # a plural that heads names is one ("British Airways", "Japan Airlines"), also
        # before a noun ("a British Airways spokeswoman")
    if name in lex.needs_state_modifier and not _state_before(doc, s, idx)[1]:
        proper = all(t.text[:1].isupper() for t in doc[s:e] if t.is_alpha)
        if proper and not doc[s].is_sent_start:
            return True  # "the Treasury", "Congress": a capitalised name is a body's name
        return name in known_organizations() and doc[s - 1].lower_ != "the" if s else False
    # a fragment of a longer capitalised run: "... Scientific and Technical Cooperation"
    return not (
        s >= 2
        and doc[s - 1].lower_ in ("and", ",", "&", "for", "of", "on")
        and doc[s - 2].text[:1].isupper()
        and doc[s - 2].ent_type_ != "PERSON"  # "Jane Doe of Unison": her body's whole name
        and _kind_of(name) == "organization"
    )


# a picture credit: "Photo: AP", "Image: AFP", "Image source, NAME"
_CREDIT = re.compile(
    r"\b(?:photo(?:graph)?|image(?:\s+source)?|picture|pic|credit|illustration)s?"
    r"(?:\s+(?:by|credit))?\s*[:,]\s*([^\n]{1,60})",
    re.I,
)

_MEDIA_MATCHERS: dict[int, tuple[Vocab, PhraseMatcher]] = {}


def _media_matcher(vocab: Vocab) -> PhraseMatcher:
    """Every spelling of a news outlet, built once per vocab (per loaded model): building
    it for each document cost more than running it."""
    cached = _MEDIA_MATCHERS.get(id(vocab))
    if cached is not None and cached[0] is vocab:
        return cached[1]
    matcher = PhraseMatcher(vocab)
    for alias in media_spellings():
        if len(alias) > 2:
            matcher.add(alias, [Doc(vocab, words=re.findall(r"'s|[\w.]+(?<!\.)|[^\w\s]", alias))])
    _MEDIA_MATCHERS[id(vocab)] = (vocab, matcher)
    return matcher


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping character ranges merged, so that ``Regions`` can bisect them."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def extract_organizations(
    document: Document, doc: Doc, actors: tuple[Actor, ...], persons: tuple[Person, ...]
) -> tuple[Organization, ...]:
    """Named organisations of the body other than the page's own outlet."""
    lex = org_lexicon()
    idx = ActorIndex(actors, document.body)
    body = document.body
    person_chars = Regions(_union([span for p in persons for span in p.mentions]))
    person_toks = {  # the cheap tag test first: most tokens are not proper nouns
        t.i for t in tokens(doc) if t.pos_ == "PROPN" and person_chars.contains(t.idx)
    }
    media_outlet = _media(document.outlet) if document.outlet else None
    outlet = media_outlet.name if media_outlet else None
    outlets = {_norm(x) for x in (document.outlet, outlet) if x}
    found: list[tuple[int, int, str | None, str | None]] = []  # (tok s, tok e, state, name)
    credits = [m.span(1) for m in _CREDIT.finditer(body)]
    # how often the model calls each name an organisation and a person, over the whole
    # document: a firm it tags ORG in most mentions stays one where the persons stage
    # took a mention for a person ("Alfa Romeo" as a first and a last name)
    org_votes: Counter[str] = Counter(_norm(x.text) for x in doc.ents if x.label_ == "ORG")
    person_names = [f" {_norm(x.text)} " for x in doc.ents if x.label_ == "PERSON"]
    person_votes: Counter[str] = Counter()
    known_people = [f" {_norm(p.name)} " for p in persons]
    titled = {f" {_norm(p.name)} " for p in persons if p.title is not None}
    for key in org_votes:  # a person entity containing the name counts for a person; the
        # surname of a person of the story ("Branson" of "Nick Branson") is a person
        # outright, and so is the name of one the text gives a post ("spokesman X")
        bare = re.sub(r"^(?:mr|mrs|ms|dr|sir|lord|lady|dame)\.? ", "", key)
        surname = any(f" {bare} " in p and (p != f" {bare} " or p in titled) for p in known_people)
        person_votes[key] = len(doc.ents) if surname else sum(f" {key} " in p for p in person_names)

    for ent in doc.ents:
        if ent.label_ not in ("ORG", "PERSON", "FAC", "NORP", "WORK_OF_ART", "PRODUCT", "GPE"):
            continue
        s, e, code = _clean_ent(doc, ent.start, ent.end, idx)
        if s >= e:
            continue
        if ent.label_ == "GPE":
            # "Istat, the Italian statistics office": a body the model took for a place
            if idx.at(doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) or not descriptor_after(doc, e):
                continue
        elif ent.label_ != "ORG":
            last = doc[e - 1].text
            if (
                ent.label_ == "NORP"
                and s
                and f"{doc[s - 1].text} {doc[s:e].text}" in lex.party_names
            ):
                s -= 1  # "Liberal Democrat": the model took only the last word for a people
            if (
                ent.label_ == "NORP"
                and not _known(doc[s:e].text)
                and doc[s:e].text not in lex.party_names
            ):
                continue
            if ent.label_ in ("WORK_OF_ART", "PRODUCT") and not descriptor_after(doc, e):
                continue  # a title or product named as an organisation by its appositive
            party = doc[s:e].text in lex.party_names  # "Lib Dem leader X": a party
            if ent.label_ in ("PERSON", "FAC") and last not in lex.legal_suffixes and not party:
                the = ent.start > 0 and doc[ent.start - 1].lower_ == "the"
                compound = _descriptor_compound(doc, s)  # "carmaker X": a firm, whoever
                named_as_org = (  # else the persons stage took it for
                    descriptor_after(doc, e)
                    or descriptor_before(doc, s, e)
                    or compound
                    or (e - s > 1 and last.lower() in lex.kinds)
                    or (ent.label_ == "PERSON" and affiliation_of_person(doc, s, e))
                )
                if not (the or named_as_org) or (
                    not compound and any(k in person_toks for k in range(s, e))
                ):
                    continue
        if _headline(body, doc[s].idx):
            continue
        if any(a <= s and e <= b and (a, b) != (s, e) for a, b, _, _ in found):
            continue  # "the Pacific" of a name given back in full before it
        if _norm(doc[s:e].text) in lex.seat_metonyms:
            continue  # "the Kremlin said": the state's leadership, as "the government"
        if ent.label_ == "ORG":
            key = _norm(ent.text)
            mine = person_toks if person_votes[key] >= org_votes[key] else set()
            if not _acceptable(doc, s, e, idx, mine):
                continue
        # a programme of the page's own outlet ("the outlet's Morning Report") is the outlet's
        if s >= 2 and doc[s - 1].text in POSSESSIVE and _norm(doc[s - 2].text) in outlets:
            continue
        if any(
            doc[k].text in POSSESSIVE and _norm(doc[ent.start : k].text) in outlets
            for k in range(ent.start, e)
        ):
            continue
        found.extend((a, b, code, None) for a, b in _split_pair(doc, s, e, body))

    # a firm's name the model did not tag, by its legal or group word: "Acme Holdings"
    taken = {k for s, e, _, _ in found for k in range(s, e)}
    for s, e in _suffixed_names(doc, lex.legal_suffixes):
        if any(k in taken or k in person_toks for k in range(s, e)) or _headline(body, doc[s].idx):
            continue
        s, e, code = _clean_ent(doc, s, e, idx)
        if e - s >= 2 and not idx.at(doc[s].idx, doc[e - 1].idx + len(doc[e - 1])):
            found.append((s, e, code, None))

    # a proper name right after a state's possessive: "China's Sinohydro"
    taken = {k for s, e, _, _ in found for k in range(s, e)}
    for tok in tokens(doc):
        if tok.text not in POSSESSIVE or tok.i < 1 or tok.i + 1 >= len(doc):
            continue
        m = idx.token(doc[tok.i - 1])
        if m is None or m.kind == "region":
            continue
        k = tok.i + 1
        while k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper():
            k += 1
        run = range(tok.i + 1, k)
        if not run or k - tok.i > 4 or any(j in taken or j in person_toks for j in run):
            continue
        if any(idx.token(doc[j]) or doc[j].lower_ in titles().heads for j in run):
            continue
        if k < len(doc) and doc[k].pos_ == "NOUN" and doc[k].text.islower():
            continue  # "China's Belt and Road initiative": a modifier, not a name
        if k < len(doc) and doc[k].lower_ in titles().heads:
            continue  # "Ghana's Trade Minister": a portfolio, not a name
        if doc[tok.i + 1].ent_type_ in ("", "ORG") and not _headline(body, doc[tok.i].idx):
            found.append((tok.i + 1, k, m.code, None))

    # quoted names before an organisation noun: "the ‘Smart Cities’ association"
    for tok in tokens(doc):
        if tok.lower_ not in lex.quoted_name_nouns or tok.i < 3:
            continue
        if tok.lower_ in lex.not_organization_nouns:
            continue
        close = doc[tok.i - 1]
        if close.text not in _QUOTES:
            continue
        k = tok.i - 2
        while k >= 0 and doc[k].text not in _QUOTES and tok.i - k < 8:
            k -= 1
        if (
            k >= 0
            and doc[k].text in _QUOTES
            and k + 1 < tok.i - 1
            and doc[k + 1].text[:1].isupper()
            and doc[k].sent.start == tok.sent.start  # a quotation ending a sentence names nothing
            and not doc[tok.i - 2].is_punct
        ):
            found.append((k + 1, tok.i - 1, None, None))

    # news outlets credited anywhere in the body, under their normalised names
    matcher = _media_matcher(doc.vocab)
    spellings = media_spellings()
    for match_id, s, e in matcher(doc):
        if (
            e - s == 1
            and doc[s].lower_ in titles().heads
            and (s == 0 or doc[s - 1].lower_ != "the")
        ):
            continue  # "chief U.K. Economist at ...": a role, not the magazine
        found.append((s, e, None, spellings[doc.vocab.strings[match_id]].name))

    orgs: list[_Org] = []
    aliases: dict[str, _Org] = {}
    for s, e, code, forced in sorted(found, key=lambda x: (x[0], -x[1])):
        if any(a <= doc[s].idx < b for a, b in credits):
            continue  # "Photo: AP": the picture's agency, not a party to the story
        text = forced or doc[s:e].text.strip(_QUOTES + " ")
        media = _media(text)
        name = media.name if media else text
        if _norm(name) in outlets:
            continue
        span = (doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text))
        org = aliases.get(_norm(name)) or _merge_target(orgs, name)
        if org is None:
            org = _Org(name=name, first=span[0])
            orgs.append(org)
        if e + 2 < len(doc) and doc[e].text == "(" and doc[e + 2].text == ")" and _cap(doc[e + 1]):
            aliases[_norm(doc[e + 1].text)] = org  # "Association of ... Nations (Asean)"
        if len(name) > len(org.name) and _norm(org.name) in _norm(name).split():
            org.name = name  # "Kaspersky" first, "Kaspersky Lab" later
        elif _expands(name, org.name):
            org.name = name  # "OECD" first, "Organisation for Economic ..." later
        if span not in org.mentions:
            org.mentions.append(span)
        before = _state_before(doc, s, idx)
        after = _state_after(doc, e, idx)
        inside = idx.states_within(span[0], span[1], igo=False)
        for found_state, st in (before, after, (bool(inside), inside[0] if inside else None)):
            if found_state:
                org.evidence.append(st)
        if code:
            org.evidence.insert(0, code)

    for a in actors:
        if a.kind != "igo" or not a.mentions:
            continue
        texts = [body[s:e] for s, e in a.mentions if not _headline(body, s)]
        if not texts:
            continue
        name = max(texts, key=len)
        org = (
            _merge_target(orgs, name)
            or next(
                (o for o in orgs if any(_norm(body[s:e]) == _norm(o.name) for s, e in a.mentions)),
                None,
            )
            or next(  # the IGO's name as the model cut it ("U.N. ... for Asia")
                (
                    o
                    for o in orgs
                    if o.mentions and all(_mostly_in(m, a.mentions) for m in o.mentions)
                ),
                None,
            )
        )
        if org is None:
            org = _Org(name=name, first=min(s for s, _ in a.mentions))
            orgs.append(org)
        org.igo, org.actor, org.kind = True, a.code, "igo"
        if len(name) > len(org.name):
            org.name = name
        spans = set(org.mentions) | set(a.mentions)
        org.mentions = sorted(
            x for x in spans if not any(y != x and y[0] <= x[0] and x[1] <= y[1] for y in spans)
        )

    for src in document.attributed_sources:
        media = _media(src)
        name = media.name if media else src
        if _norm(name) in outlets or _merge_target(orgs, name):
            continue
        seen = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(src)}(?!\w)", body)]
        if seen and all(any(a <= at < b for a, b in credits) for at in seen):
            continue  # credited only for a picture ("Photo: AP")
        orgs.append(_Org(name=name, first=len(body)))

    orgs = _the_short_forms(orgs, body)
    out = []
    home: list[str | None] = []  # the story's state, found once when a body needs it
    for org in sorted(orgs, key=lambda o: o.first):
        known = _known(org.name)
        actor = org.actor or (known.actor if known and known.kind == "media" else None)
        named_kind = _kind_of(org.name)  # the name's own head word ("Acme Corp") first
        kind = (
            org.kind
            or (known.kind if known else None)
            or (named_kind if named_kind != "organization" else None)
            or _descriptor_kind(doc, org)
        )
        if actor is None:
            actor = next((x for x in org.evidence), None) if org.evidence else None
            if not org.evidence:
                actor = known.actor or None if known else None
                actor = actor or _party_state(org.name)
                actor = actor or _descriptor_state(doc, org, idx, orgs)
                if actor is None and not known:
                    actor = _sentence_state(doc, org, idx, orgs)
            if actor is None and not org.evidence and _government_body(org.name, kind):
                # "the Home Office" in a story about one state: that state's ministry,
                # unless its own sentence names another state
                if not home:
                    home.append(story_state(idx, None, body))
                if home[0] and set(_sentence_states(doc, org, idx)) <= {home[0]}:
                    actor = home[0]
        out.append(
            Organization(
                name=org.name,
                actor=actor,
                kind=kind or _kind_of(org.name),
                mentions=tuple(sorted(org.mentions)),
                extractor=EXTRACTOR,
            )
        )
    return tuple(out)


def _suffixed_names(doc: Doc, suffixes: frozenset[str]) -> list[tuple[int, int]]:
    """Runs of capitalised proper nouns that end in a legal or group word ("Acme
    Holdings", "Brent Petroleum Corp") and hold no entity the model gave a person or a
    place: the model misses many firm names at the start of a sentence."""
    out: list[tuple[int, int]] = []
    for tok in tokens(doc):
        if tok.text not in suffixes or tok.i == 0:
            continue
        s = tok.i
        while s > 0 and doc[s - 1].pos_ == "PROPN" and doc[s - 1].text[:1].isupper():
            s -= 1
        run = doc[s : tok.i + 1]
        if len(run) < 2 or any(t.ent_type_ in ("PERSON", "GPE", "NORP", "LOC") for t in run):
            continue
        out.append((s, tok.i + 1))
    return out


def _mostly_in(span: Span, spans: tuple[Span, ...]) -> bool:
    """Does most of ``span`` lie inside one of ``spans``?"""
    a, b = span
    return any(2 * (min(b, e) - max(a, s)) > b - a for s, e in spans)


def _the_short_forms(orgs: list[_Org], body: str) -> list[_Org]:
    """ "The Community" after "the European Community", "the Commission" after "the
    European Commission": a one-word name always written with "the" that ends a longer
    name of the story is that body, not another one."""
    keep: list[_Org] = []
    for org in orgs:
        word = _norm(org.name)
        longer = [
            o
            for o in orgs
            if o is not org and len(_norm(o.name).split()) > 1 and _norm(o.name).split()[-1] == word
        ]
        with_the = bool(org.mentions) and all(
            body[max(0, a - 4) : a].lower() == "the " for a, _ in org.mentions
        )
        if len(word.split()) == 1 and len(longer) == 1 and with_the:
            target = longer[0]
            target.mentions = sorted({*target.mentions, *org.mentions})
            continue
        keep.append(org)
    return keep


def _merge_target(orgs: list[_Org], name: str) -> _Org | None:
    """The organisation a new mention belongs to: same name, its acronym, or its first word."""
    n = _norm(name)
    for o in orgs:
        on = _norm(o.name)
        if on == n or (_party_key(on) == _party_key(n) and o.name in org_lexicon().party_names):
            return o
        if name.isupper() and len(name) >= 2 and _initials(o.name).upper() == name.replace(".", ""):
            return o
        if o.name.isupper() and _initials(name).upper() == o.name.replace(".", ""):
            return o
        words, owords = n.split(), on.split()
        if len(words) < len(owords) and owords[: len(words)] == words:
            return o  # the short form after the full name: "Chase" for "Chase Manhattan"
        if len(words) == 1 and len(owords) >= 2 and owords[-1] == n and not _only_form_words(words):
            return o  # "Rover" after "MG Rover", "Berisford" after "S and W Berisford"
        # a longer name after the short one is the same body only when the rest names its
        # form ("Kaspersky", then "Kaspersky Lab"); "Fiat", then "Fiat Powertrain" is a unit
        if len(on.split()) == 1 and n.split()[0] == on and _only_form_words(n.split()[1:]):
            return o
    return None


def _party_state(name: str) -> str | None:
    """The state of a national party the titles lexicon knows ("the Tories": GBR)."""
    states = titles().party_states
    return states.get(name) or states.get(_party_key(name))


def _party_key(name: str) -> str:
    """A party name without its plural ending: "Tories" and "Tory" are one party."""
    return re.sub(r"ies$", "y", name).removesuffix("s")


def _only_form_words(words: list[str]) -> bool:
    """Words that name a body's form, not another body: "Kaspersky [Lab]" is Kaspersky,
    "Fiat [Powertrain]" is a unit of Fiat with its own name."""
    lex = org_lexicon()
    suffixes = {x.lower() for x in lex.legal_suffixes}
    return bool(words) and all(w in lex.kinds or w in suffixes for w in words)


def _expands(name: str, acronym: str) -> bool:
    """``name`` spells out ``acronym`` ("European Union" for "EU")."""
    bare = acronym.replace(".", "")
    return (
        acronym.isupper()
        and not name.isupper()
        and len(bare) >= 2
        and _initials(name).upper() == bare
    )


def _descriptor_compound(doc: Doc, s: int) -> bool:
    """A lower-case descriptor right before the name: "oil firm X", "the carmaker X"."""
    if s < 1:
        return False
    tok = doc[s - 1]
    words = org_lexicon().descriptor_words
    return (
        tok.text.islower() and tok.pos_ == "NOUN" and (tok.lower_ in words or tok.lemma_ in words)
    )


def _split_pair(doc: Doc, s: int, e: int, body: str) -> list[tuple[int, int]]:
    """One entity that joins two names the text also uses alone ("X and Y", where
    both X and Y stand alone elsewhere) is two organisations; "Tate and Lyle" stays."""
    ands = [k for k in range(s + 1, e - 1) if doc[k].lower_ in ("and", "&")]
    if len(ands) != 1:
        return [(s, e)]
    k = ands[0]

    def alone(a: int, b: int) -> int:
        return len(re.findall(rf"(?<![\w-]){re.escape(doc[a:b].text)}(?![\w-])", body))

    whole = alone(s, e)
    if alone(s, k) > whole and alone(k + 1, e) > whole:
        return [(s, k), (k + 1, e)]
    return [(s, e)]


#: heads of a state's own bodies; a council, board or commission may be anybody's
_GOVERNMENT_HEADS = frozenset(
    {"office", "agency", "authority", "administration", "bureau", "directorate", "inspectorate"}
)


def _government_body(name: str, kind: str | None) -> bool:
    """A ministry, legislature, armed force or state agency by its name's head noun."""
    words = _norm(name).split()
    head = words[words.index("of") - 1] if "of" in words[1:] else (words[-1] if words else "")
    kind = kind or _kind_of(name)
    return kind in ("ministry", "legislature", "military") or (
        kind == "agency" and head in _GOVERNMENT_HEADS
    )


def _sentence_state(
    doc: Doc, org: _Org, idx: ActorIndex, orgs: list[_Org] | None = None
) -> str | None:
    """The only state named in the sentence of the first mention, if just one, and not
    one that another body of the sentence has ("China's Lenovo ... IBM's business")."""
    codes = _sentence_states(doc, org, idx)
    if len(codes) != 1 or not orgs or not org.mentions:
        return codes[0] if len(codes) == 1 else None
    s, e = _sentence_chars(doc, org.mentions[0][0])
    for other in orgs:
        here = any(s <= a < e for a, _ in other.mentions)
        if other is not org and codes[0] in other.evidence and here:
            return None
    return codes[0]


def _sentence_chars(doc: Doc, char: int) -> tuple[int, int]:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or not len(span):
        return char, char
    s, e = sentence_tokens(doc, span[0].i)
    return doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)


def _on_another_name(tok: Token, own: set[int]) -> bool:
    """Does the state word modify a name other than the body's own?"""
    head = tok.head
    modifies = tok.dep_ in ("poss", "amod", "compound") and head.i not in own
    return modifies and (head.pos_ == "PROPN" or head.ent_type_ == "ORG")


def _descriptor_state(doc: Doc, org: _Org, idx: ActorIndex, orgs: list[_Org]) -> str | None:
    """The state of "the US carmaker" in the sentence of a mention that names no other
    body ("General Motors will pay $2bn, the US carmaker said"): the same firm."""
    lex = org_lexicon()
    for a, _b in org.mentions:
        s, e = _sentence_chars(doc, a)
        if any(o is not org and any(s <= x < e for x, _ in o.mentions) for o in orgs):
            continue
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        for tok in span:
            low = tok.lemma_.lower()
            descriptor = low in lex.descriptor_words or low.endswith("maker")
            if not descriptor or tok.pos_ != "NOUN" or tok.idx < a:
                continue
            mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod")]
            if not any(c.lower_ == "the" and c.dep_ == "det" for c in tok.children):
                continue
            codes = {m.code for c in mods if (m := idx.token(c)) is not None and m.kind == "state"}
            if len(codes) == 1:
                return codes.pop()
    return None


def _sentence_states(doc: Doc, org: _Org, idx: ActorIndex) -> list[str]:
    """The states named in the sentence of the first mention."""
    if not org.mentions:
        return []
    span = doc.char_span(org.mentions[0][0], org.mentions[0][1], alignment_mode="expand")
    if span is None or not len(span):
        return []
    s, e = sentence_tokens(doc, span[0].i)
    own = {t.i for a, b in org.mentions for t in doc.char_span(a, b, alignment_mode="expand") or ()}
    out: list[str] = []
    for m in idx.within(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)):
        if m.kind not in STATE_KINDS or m.code in out:
            continue
        place = doc.char_span(m.start, m.end, alignment_mode="expand")
        if place is not None and len(place) and names_a_process(place):
            continue  # "the Uruguay Round": a negotiation's name, not a state beside it
        if place is not None and len(place) and _on_another_name(place.root, own):
            continue  # "China's Shanghai Automotive": another name's state
        out.append(m.code)
    return out


def _descriptor_kind(doc: Doc, org: _Org) -> str | None:
    """The kind a descriptor beside a mention gives: "the firm X", "X, a news site"."""
    kinds = org_lexicon().kinds
    for a, b in org.mentions:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None:
            continue
        window = list(doc[max(0, span.start - 3) : span.start]) + list(doc[span.end : span.end + 6])
        for tok in window:
            if tok.lower_ in org_lexicon().descriptor_words and tok.lower_ in kinds:
                return kinds[tok.lower_]
    return None
