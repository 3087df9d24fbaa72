"""Title phrases around person names: where they are, and what post and state they give.

The small English model's parse of title-name runs ("Deputy Minister for Digital
Development Dmitry Oguryayev") is unreliable, so phrases are found by scanning tokens
against the title lexicon; the parse only vets which modifiers belong to the title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from accord.extract.context import ActorIndex, sentence_tokens
from accord.extract.memo import tokens
from accord.vocab.organizations import known_organizations, media_outlets, org_lexicon
from accord.vocab.titles import TitleLexicon, titles

COMPLEMENT_PREPS = frozenset({"for", "of", "to", "on"})
AFFILIATION_PREPS = frozenset({"at", "with", "in", "from", "based", "within", "who", "which"})
NAME_PARTICLES = frozenset(
    {"de", "van", "von", "bin", "al", "da", "el", "ibn", "der", "la", "le"}
    | {"di", "del", "della", "du", "dos", "das", "ter"}
)
STOP_NAMES = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
ORG_KIND_FOR_TITLE = frozenset({"ministry", "agency", "legislature", "military"})
#: bodies a post is held in, not part of it: "director of <firm>", "manager of <federation>"
BODY_KINDS = frozenset({"company", "association", "organization"})
FIRM_KINDS = frozenset({"company", "bank"})
COMPASS = frozenset({"west", "east", "north", "south"})
_STATE_FIRM = re.compile(r"(?i)^(?:state|government)\s*-?\s*(?:owned|run|controlled)\s+")
STATE_RUN = frozenset({"state", "state-owned", "state-run", "government-owned", "nationalised"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


@dataclass(frozen=True, slots=True)
class Title:
    """A post as the text gives it, with what the phrase says about its holder."""

    text: str
    head: str  # lower-case lexicon head
    actor: str | None  # state or IGO named in the phrase (not a post's place)
    organization: str | None
    official: bool
    start: int  # token range of the raw phrase
    end: int
    place: str | None = None  # the state of "Ambassador to X": never the acting state


def head_words(doc: Doc) -> list[str]:
    return [t.lower_ for t in tokens(doc)]


def head_ending_at(doc: Doc, words: list[str], i: int, lex: TitleLexicon) -> int | None:
    """Start token of the longest title head ending at token ``i``, or None."""
    head = lex.head_at(words, i)
    if head is None:
        return None
    start = i - len(head.split()) + 1
    if any(doc[k].is_space for k in range(start, i + 1)):
        return None
    return start


def is_name_token(tok: Token, idx: ActorIndex, lex: TitleLexicon) -> bool:
    """Could this token be part of a person's name?"""
    text = tok.text
    if tok.is_space or not text[:1].isalpha():
        return False
    if tok.lower_ in STOP_NAMES or tok.lower_ in lex.heads or text in lex.ranks:
        return False
    if not text[:1].isupper():
        return tok.lower_ in NAME_PARTICLES
    if idx.token(tok) is not None:
        return False
    return tok.pos_ in ("PROPN", "NOUN", "ADJ", "X") or tok.is_title


def _left_modifiers(doc: Doc, head_start: int, lex: TitleLexicon, floor: int) -> int:
    """Leftmost token of the modifiers that belong to a title head (stops at a determiner)."""
    left = head_start
    sent_start = sentence_tokens(doc, head_start)[0]
    k = head_start - 1
    while k >= max(sent_start, floor, head_start - 6):
        tok = doc[k]
        if tok.text in POSSESSIVE and k - 1 >= sent_start and not doc[k - 1].is_punct:
            k -= 1
            continue
        if tok.is_space or (tok.is_punct and tok.text not in ("-",)):
            break
        if tok.pos_ in ("PROPN", "NOUN", "ADJ") or tok.lower_ in lex.drop_modifiers:
            left = k
            k -= 1
            continue
        if (
            tok.lower_ in ("and", "&")
            and k - 1 >= sent_start
            and doc[k - 1].text[:1].isupper()
            and doc[k + 1].text[:1].isupper()
            and left == k + 1
            and not {doc[k - 1].ent_type_, doc[k + 1].ent_type_} & {"GPE", "NORP"}
        ):
            k -= 1  # a portfolio of two: "Work and Pensions Secretary"
            continue
        break
    # drop leading words the parse attaches outside the phrase ("talks President X")
    span_end = head_start + 1
    while left < head_start:
        tok = doc[left]
        inside = (
            left < tok.head.i <= span_end + 4
            or tok.pos_ == "ADJ"
            or tok.lower_ in lex.keep_modifiers
        )
        if inside or (left + 1 < head_start and doc[left + 1].text in POSSESSIVE):
            break
        left += 1
    if left < head_start and doc[left].text in POSSESSIVE:
        left += 1
    return left


def _droppable(tok: Token, lex: TitleLexicon) -> bool:
    """ "new", "federal": words that do not change the post; capitalised only where a
    sentence starts ("Federal Reserve head" keeps its name)."""
    if tok.lower_ not in lex.drop_modifiers:
        return False
    return tok.text.islower() or tok.is_sent_start or tok.i == 0


def _state_tokens(doc: Doc, start: int, end: int, idx: ActorIndex) -> tuple[set[int], str | None]:
    """Tokens in ``[start, end)`` naming a state or IGO (with their "'s"), and the first code."""
    drop: set[int] = set()
    code: str | None = None
    for k in range(start, end):
        m = idx.token(doc[k])
        if m is None or m.kind == "region":
            continue
        drop.add(k)
        if k + 1 < end and doc[k + 1].text in POSSESSIVE:
            drop.add(k + 1)
        code = code or m.code
    return drop, code


def _firm_modifier(doc: Doc, keep: list[int]) -> list[int]:
    """A firm's capitalised name among a post's modifiers ("Midland Bank treasury
    economist"): the name is the organisation, not part of the post."""
    kinds = org_lexicon().kinds
    run: list[int] = []
    for k in keep:
        tok = doc[k]
        if tok.text[:1].isupper() and tok.pos_ == "PROPN":
            run.append(k)
            if kinds.get(tok.lower_) in FIRM_KINDS and len(run) >= 2:
                return run
        else:
            run = []
    return []


def _party_tokens(doc: Doc, keep: list[int], lex: TitleLexicon) -> tuple[set[int], str | None]:
    """Tokens of a national party's name among a post's modifiers ("former Tory leader",
    "Liberal Democrat leader"), and the party's state: the name leaves the title as a
    country adjective does, and says which state the post is held in."""
    drop: set[int] = set()
    code: str | None = None
    for k in keep:
        if k in drop:
            continue
        two = f"{doc[k].text} {doc[k + 1].text}" if k + 1 in keep else ""
        for name, toks in ((two, (k, k + 1)), (doc[k].text, (k,))):
            # the plural names the party too: "the Liberal Democrats' spokesman"
            party = name if name in lex.party_states else name[:-1] if name[-1:] == "s" else ""
            if name and party in lex.party_states:
                drop.update(toks)
                after = toks[-1] + 1
                if after in keep and doc[after].text in POSSESSIVE:
                    drop.add(after)
                code = code or lex.party_states[party]
                break
    return drop, code


def _text(doc: Doc, toks: list[int]) -> str:
    out = ""
    for n, k in enumerate(toks):
        out += doc[k].text
        if n + 1 < len(toks):
            out += doc[k].whitespace_ or ("" if toks[n + 1] == k + 1 else " ")
    return out.strip(" ,;:")


def _org_kind(text: str) -> str | None:
    words = text.lower().replace("’", "'").split()
    kinds = org_lexicon().kinds
    return kinds.get(words[-1]) if words else None


def _of_head(words: list[str]) -> str:
    """The head noun of a name with an "of" complement, or ""."""
    return words[words.index("of") - 1] if "of" in words[1:] else ""


def _labour_union(text: str) -> bool:
    """A union of people ("National Union of Teachers", "the miners' union"): an IGO
    union is an actor of its own, found before any title is read."""
    words = text.lower().replace("’", "'").strip("' ").split()
    return bool(words) and "union" in (words[-1], _of_head(words))


def _body_kind(text: str) -> str | None:
    """The kind of a named body by its head noun: its last word, the word before "of"
    ("National Union of Teachers"), or its first ("Group Menatep")."""
    words = text.lower().replace("’", "'").strip("' ").split()
    kinds = org_lexicon().kinds
    kind = (
        (kinds.get(words[-1]) or kinds.get(_of_head(words)) or kinds.get(words[0]))
        if words
        else None
    )
    # a "union" that is no IGO (the text names none here) is a union of people
    return "association" if kind == "igo" else kind


def _org_state(text: str) -> str | None:
    low = text.lower().removeprefix("the ").strip()
    known = known_organizations().get(low) or media_outlets().get(low)
    return known.actor if known else None


def build_title(
    doc: Doc,
    head_start: int,
    head_end: int,
    end: int,
    idx: ActorIndex,
    *,
    left_floor: int = 0,
    with_modifiers: bool = True,
) -> Title | None:
    """The title whose head is ``[head_start, head_end]`` and whose phrase ends before ``end``.

    Modifiers left of the head join it; a "for/of/to" complement right of it stays, an
    "at/with/in" affiliation is cut and becomes the organisation; state words drop out.
    """
    lex = titles()
    head = " ".join(t.lower_ for t in doc[head_start : head_end + 1])
    if head not in lex.heads:
        return None
    left = _left_modifiers(doc, head_start, lex, left_floor) if with_modifiers else head_start
    raw = doc[left:end].text
    for fixed in lex.fixed:
        if raw.endswith(fixed) and fixed.lower().endswith(head):
            _drop, code = _state_tokens(doc, left, end, idx)
            return Title(fixed, head, code, None, True, left, end)
    # right side: complement up to an affiliation preposition
    comp_end = head_end + 1
    organization: str | None = None
    k = head_end + 1
    while k < end:
        tok = doc[k]
        if tok.is_space or tok.text in (",", ";", "(", ")", ".", ":", "—", "–"):
            break
        if tok.lower_ in AFFILIATION_PREPS or (tok.pos_ in ("VERB", "AUX") and tok.dep_ != "amod"):
            org_toks = [j for j in range(k + 1, end) if not doc[j].is_space]
            while org_toks and (doc[org_toks[0]].pos_ == "DET" or doc[org_toks[0]].is_quote):
                org_toks.pop(0)
            org_text = (
                _text(doc, org_toks).strip("‘’'\"“” ") if tok.lower_ in ("at", "with") else ""
            )
            if org_text and org_text[:1].isupper():
                organization = _clean_org(org_text)
            break
        comp_end = k + 1
        k += 1
    actor: str | None = None
    body_actor: str | None = None
    state_firm = False
    place: str | None = None
    pre_drop, pre_code = _state_tokens(doc, left, head_start, idx)
    # "West German": a compass word before a state's name is part of that name
    pre_drop |= {k - 1 for k in pre_drop if k - 1 >= left and doc[k - 1].lower_ in COMPASS}
    keep = [k for k in range(left, head_start) if k not in pre_drop]
    keep = [k for k in keep if not _droppable(doc[k], lex) and doc[k].pos_ != "DET"]
    party_drop, party_code = _party_tokens(doc, keep, lex)
    keep = [k for k in keep if k not in party_drop]
    head_toks = list(range(head_start, head_end + 1))
    comp = list(range(head_end + 1, comp_end))
    prefix_org: list[int] = []
    if comp and doc[comp[0]].lower_ in COMPLEMENT_PREPS:
        prep = doc[comp[0]].lower_
        obj = [k for k in comp[1:] if doc[k].pos_ != "DET"]
        obj_drop, obj_code = _state_tokens(doc, comp[0] + 1, comp_end, idx)
        obj_rest = [k for k in obj if k not in obj_drop]
        if prep == "to":
            place = obj_code
        elif obj_code and not obj_rest:
            actor = obj_code  # "President of Kenya": the state is the holder's, not the post
            comp = []
        elif prep == "for" and obj_rest and _org_kind(_text(doc, obj_rest)) in ORG_KIND_FOR_TITLE:
            actor = obj_code
            organization = _text(doc, obj_rest)
            prefix_org = obj_rest  # "spokesperson for Peru's Foreign Ministry"
            comp = []
        elif prep in ("for", "of") and obj_rest and _body_kind(_text(doc, obj_rest)) in BODY_KINDS:
            if _body_kind(_text(doc, obj_rest)) != "company":
                body_actor = obj_code  # "manager of Colombia's growers' federation"
            organization = _text(doc, obj_rest).strip("'’ ")
            comp = []  # "director of Group Menatep": the firm is the affiliation
        elif prep in ("for", "of") and obj_rest and _STATE_FIRM.match(_text(doc, obj_rest)):
            organization = _STATE_FIRM.sub("", _text(doc, obj_rest)).strip("'’ ")
            state_firm = True  # "chairman of state-owned X": a state company's chief
            body_actor = obj_code
            comp = []
    elif comp:
        comp = []  # words after the head that are no complement: not part of the post
    firm = _firm_modifier(doc, keep)
    if not firm:
        # a private post's capitalised lead-in is its firm: "Fiat chairman", "Acme CEO",
        # "Tesco boss" (the tagger may take the name for an adjective); an official
        # post's only where an organisation owns it: "Ryanair's chief"
        private = not lex.is_official(head)
        for k in keep:
            tok = doc[k]
            named = tok.pos_ == "PROPN" or tok.ent_type_ == "ORG"
            if not (named and tok.text[:1].isupper()):
                break
            firm.append(k)
        owned = bool(firm) and firm[-1] + 1 < end and doc[firm[-1] + 1].text in POSSESSIVE
        if not private and not (owned and all(doc[k].ent_type_ == "ORG" for k in firm)):
            firm = []
    if firm:
        owner = {firm[-1] + 1} if doc[firm[-1] + 1].text in POSSESSIVE else set()
        keep = [k for k in keep if k not in firm and k not in owner]  # "Tesco's chief"
        organization = organization or _text(doc, firm)  # "Midland Bank treasury economist"
    state_run = state_firm or any(doc[k].lower_ in STATE_RUN for k in range(left, end))
    official = state_firm or (
        lex.is_official(head)
        and not any(doc[k].lower_ in lex.private_modifiers for k in keep)
        and not (organization and _body_kind(organization) == "company" and not state_run)
        and not (organization and _labour_union(organization))
    )  # "union leader", "a director of <firm>": a private post; a state firm's is not
    # a private post ("Paris lawyer", "chief U.K. economist at X", "union leader") acts
    # for no state, unless it speaks for a national body ("federation of X")
    # any post at an IGO acts for it: "managing director of the IMF", "IMF economist"
    igo = next((c for c in (pre_code, actor) if c and c.startswith("IGO:")), None)
    actor = (pre_code or actor or party_code or body_actor) if official else body_actor or igo
    toks = prefix_org + keep + head_toks + comp
    text = _text(doc, toks)
    if not text:
        return None
    org_actor = _org_state(organization) if organization and official else None
    for k in keep:
        org_actor = org_actor or (_org_state(doc[k].text) if official else None)
    return Title(
        text=text,
        head=head,
        actor=actor or org_actor,
        organization=organization,
        official=official,
        start=left,
        end=end,
        place=place,
    )


def _clean_org(text: str) -> str:
    for noun in org_lexicon().quoted_name_nouns:
        if text.lower().endswith(" " + noun) and any(q in text for q in "‘’'\"“”"):
            text = text[: -len(noun) - 1]
    return text.strip("‘’'\"“” ,")


def head_in(doc: Doc, start: int, end: int, words: list[str]) -> tuple[int, int] | None:
    """The title head of the noun phrase opening ``[start, end)``: the last head before
    the first preposition, verb or punctuation ("chief military analyst with ...")."""
    lex = titles()
    best: tuple[int, int] | None = None
    for i in range(start, end):
        tok = doc[i]
        if tok.is_space or (tok.is_punct and tok.text not in ("-", ".")):
            break
        if tok.pos_ in ("ADP", "VERB", "AUX", "SCONJ", "CCONJ", "PRON") and best is not None:
            ahead = [head_ending_at(doc, words, j, lex) for j in range(i + 1, min(i + 3, end))]
            if not any(h is not None and h <= best[0] for h in ahead):
                break  # unless a longer head runs on through it ("secretary of state")
        hs = head_ending_at(doc, words, i, lex)
        if hs is not None and hs >= start:
            best = (hs, i)
    return best


def descriptor_after(doc: Doc, e: int) -> str | None:
    """The organisation noun of an appositive right after token ``e``: "X, a local news
    site," -> "site"; None when the appositive is a person's post or there is none."""
    if not (e + 1 < len(doc) and doc[e].text == "," and doc[e + 1].lower_ in ("a", "an", "the")):
        return None
    nouns = org_lexicon().descriptor_words
    for t in doc[e + 2 : e + 7]:
        if t.is_punct or t.pos_ == "ADP" or t.lower_ in titles().heads:
            return None
        if t.lower_ in nouns or t.lower_ in ("site", "broadcaster", "newspaper"):
            return t.lower_
    return None


def _descriptor_word(tok: Token) -> bool:
    """An organisation noun ("firm", "drugmaker", "carmakers")."""
    nouns = org_lexicon().descriptor_words
    lemma = tok.lemma_.lower()
    return (
        lemma in nouns
        or tok.lower_ in nouns
        or any(lemma.endswith(n) for n in nouns if len(n) >= 5 and " " not in n)
    )


def affiliation_of_person(doc: Doc, s: int, e: int) -> bool:
    """Is the name the "of"/"at" object of a person's name ("Mike Jones of Brewin
    Dolphin", "analyst Ann Lee at Smith Barney")? A person is not of a person: a body."""
    root = doc[e - 1]
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in ("of", "at") or prep.i >= s:
        return False
    holder = prep.head
    return holder.ent_type_ == "PERSON" and holder.i < prep.i and holder.pos_ == "PROPN"


def descriptor_before(doc: Doc, s: int, e: int) -> bool:
    """Does an organisation descriptor introduce the name ``[s, e)``: "an Indian
    drugmaker, X", "carmakers including X", "companies such as X"? The name must hang
    on the descriptor in the parse, so "a member of the party, X" stays a person."""
    k = s - 1
    if k >= 1 and doc[k].lower_ == "as" and doc[k - 1].lower_ == "such":
        k -= 2
    elif k >= 0 and doc[k].lower_ in ("including", "like", ","):
        k -= 1
    else:
        return False
    if k < 0 or doc[k].pos_ != "NOUN" or not _descriptor_word(doc[k]):
        return False
    desc = doc[k]
    heads = [t for t in doc[s:e] if not (s <= t.head.i < e)]
    if not heads:
        return False
    h = heads[0]
    if h.dep_ == "appos":
        return h.head.i == desc.i
    return h.dep_ == "pobj" and h.head.head.i == desc.i
