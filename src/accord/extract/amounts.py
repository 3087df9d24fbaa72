"""Money flows: figures, currency, USD value, kind, direction, goods and period.

The figures come from the money grammar (money_parse); everything else from the spaCy
parse of the sentence around them:

- kind: the cue lemma (data/money_cues.json) nearest to the figure on its path up the
  dependency tree ("exports ... amounted to $X", "a $X loan", "the value of trade rose
  to $X"), looking through value nouns ("value of", "worth of"); else a cue within a few
  tokens; else the kind of an earlier figure in the same sentence; else ``other``.
- direction, as GOLD_FORMAT.md says: goods go from exporter to importer (the owner of
  "exports"/"imports" - "Russian exports", "India's imports" - and the objects of
  "to"/"from"); money goes from lender, investor or donor ("Chinese loan", "from China",
  the subject of lend/give/invest) to the receiver ("to Zambia", "investment in Chad",
  the subject of secure/receive/borrow); a surplus from its owner to the "with" partner,
  a deficit the other way; trade turnover takes the pair the sentence names, else the
  document's two most-mentioned actors. Where the sentence gives one side of a money
  flow, the nearest other actor in the sentence (then the paragraph) is the other side.
  Goods figures with no actor of their own ("imports stood at $X") continue the last
  figure's pair, reversed when export turns to import. Otherwise from/to stay null.
- period: period expressions (spaCy DATE entities and our own phrases) go to the
  nearest figure of their sentence; "that period" takes the last figure's period;
  "the same period in 2003" the months of the sentence's other period in that year (and
  that other period, given no year, is the following year's).
- measure: a figure is a ``level`` (kind ``other``, with a ``level_type``) when the
  nearest cue is a level noun (data/money_levels.json: price, rate, market, budget,
  debt, ceiling, GDP, deficit, revenue...), when a unit follows it ("per euro", "a
  barrel", "a share"), or when it is a firm's worth; otherwise a ``flow``. Debt stocks
  keep debtor and creditor, balances their sides; other levels have no direction.
- currency: ambiguous units ("shillings", "¥", "rupees") are resolved by a qualifier or
  by the state actor mentioned nearest to the figure; the USD value is at the ECB
  reference rate (vocab/ecb_rates.py) of the period's mid-point, else the publication
  date, with the rate, its date and source on the amount; null with ``usd_note`` where
  no official rate covers the currency and day (a bracketed USD conversion only checks).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import chain, islice

from spacy.tokens import Doc, Span, Token

from accord.extract.dates import MONTHS, parse_published, without_times
from accord.extract.memo import (
    children,
    children_near,
    doc_text,
    entities,
    sentence_of,
    sentence_starts,
    sentences,
)
from accord.extract.money_parse import MAX_USD, MoneyMatch, find_money, plausible
from accord.extract.periods import (
    is_rate,
    is_reference,
    resolve_period,
    same_period_year,
    shift_months,
    shift_period,
)
from accord.schema import Actor, Amount, Document, Organization, Period
from accord.vocab.actors import water_bodies
from accord.vocab.currencies import currency_lexicon
from accord.vocab.ecb_rates import USD_SOURCE, usd_rate
from accord.vocab.money_cues import MoneyCues, MoneyLevels, money_cues, money_levels
from accord.vocab.organizations import org_lexicon

EXTRACTOR = "amounts@2"
_GOODS = {"export", "import"}
_LEVEL = "level:"  # prefix of a level type among the cue kinds (see _cues)
_MONEY = {"loan", "aid", "investment"}
_BOUNDARY = {"advcl", "conj", "ccomp", "relcl", "parataxis", "acl"}
_PRONOUNS = {"its", "their", "it", "they", "his", "her"}


@dataclass
class _Draft:
    match: MoneyMatch
    span: Span
    currency: str | None
    kind: str = "other"
    from_: str | None = None
    to: str | None = None
    what: str | None = None
    period: Period | None = None
    period_src: str | None = None
    cued: bool = False
    cue_i: int | None = None
    measure: str = "flow"
    level_type: str | None = None
    warnings: list[str] = field(default_factory=list)

    def set_level(self, level_type: str) -> None:
        self.measure, self.level_type, self.kind = "level", level_type, "other"


class _Actors:
    """Actor mentions indexed by token, with counts for document-level fallbacks."""

    def __init__(self, doc: Doc, actors: tuple[Actor, ...]) -> None:
        self.by_token: dict[int, str] = {}
        self.kind: dict[str, str] = {}
        self.mentions: list[tuple[int, str]] = []  # (char start, code)
        counts: Counter[str] = Counter()
        water = water_bodies()  # a sea pays and receives nothing
        for actor in actors:
            if actor.code in water:
                continue
            self.kind[actor.code] = actor.kind
            for start, end in actor.mentions:
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is None:
                    continue
                counts[actor.code] += 1
                self.mentions.append((start, actor.code))
                for tok in span:
                    self.by_token[tok.i] = actor.code
        self.ranked = [code for code, _ in counts.most_common()]
        self.counts = counts

    def in_tokens(self, tokens: list[Token] | Span, skip: Span | None = None) -> list[str]:
        out: list[str] = []
        for tok in tokens:
            if skip is not None and skip.start <= tok.i < skip.end:
                continue
            code = self.by_token.get(tok.i)
            if code and code not in out:
                out.append(code)
        return out

    def before(self, char: int) -> str | None:
        """The state (not a region or IGO) mentioned last before ``char``."""
        states = ("state", "former_state")
        found = [(s, c) for s, c in self.mentions if s < char and self.kind.get(c) in states]
        return max(found)[1] if found else None

    def nearest(self, char: int, lo: int, hi: int, exclude: set[str]) -> str | None:
        best: tuple[int, str] | None = None
        for start, code in self.mentions:
            if lo <= start < hi and code not in exclude:
                dist = abs(start - char)
                if best is None or dist < best[0]:
                    best = (dist, code)
        return best[1] if best else None


def _with_organizations(
    actors: tuple[Actor, ...], organizations: tuple[Organization, ...]
) -> tuple[Actor, ...]:
    """The actors, plus each organisation's mentions standing for its state, where that
    state is itself named in the text ("Fiat" for Italy in a story that names Italy): a
    company's side of a payment is its state's side (eval/real/GUIDE.md)."""
    named = {a.code for a in actors if a.kind == "state"}
    extra: dict[str, list[tuple[int, int]]] = {}
    for org in organizations:
        if org.actor in named and org.kind != "igo":
            extra.setdefault(org.actor, []).extend(org.mentions)
    return tuple(
        replace(a, mentions=tuple(sorted({*a.mentions, *extra.get(a.code, ())}))) for a in actors
    )


def extract_amounts(
    document: Document,
    doc: Doc,
    actors: tuple[Actor, ...],
    organizations: tuple[Organization, ...] = (),
) -> tuple[tuple[Amount, ...], tuple[str, ...]]:
    """The money figures of one document and the warnings about what was doubtful.

    Organisations give a flow the side its state is on when the sentence names the
    company, not the state ("Shanghai Motors' investment in Rover"); states named in the
    sentence are read first, and only the sides they leave open are filled so."""
    cues = _cues()
    index = _Actors(doc, actors)
    wider = _Actors(doc, _with_organizations(actors, organizations)) if organizations else None
    warnings: list[str] = []
    drafts: list[_Draft] = []
    body = doc_text(doc)  # Doc.text joins every token on each access: read it once
    for mm in find_money(body, warnings):
        span = doc.char_span(mm.start, mm.end, alignment_mode="expand")
        if span is None:
            continue
        draft = _Draft(match=mm, span=span, currency=_currency(mm, index))
        text = body[mm.start : mm.end]
        if draft.currency is None:
            warnings.append(f"money {text!r}: currency unknown (no country decides it)")
        if mm.upper is not None:
            warnings.append(f"money {text!r}: a range, kept the lower bound")
        drafts.append(draft)
    _vague(doc, drafts, warnings)
    for draft in drafts:
        _classify(draft, cues, index)
        open_side = draft.from_ is None or draft.to is None
        if wider is not None and open_side and (draft.kind in _MONEY or draft.kind in _GOODS):
            alt = replace(draft, warnings=[])
            _classify(alt, cues, wider)
            if alt.kind == draft.kind:
                g = draft.from_ or (alt.from_ if alt.from_ != draft.to else None)
                r = draft.to or (alt.to if alt.to != g else None)
                draft.from_, draft.to = g, r
        _unit_level(draft, body)
    _continue_flows(drafts, doc)
    _orient_from_document(drafts, index)
    _periods(drafts, doc, document.published)
    kept = _drop_headline_repeats(drafts, doc)
    amounts = _merge([a for d in kept if (a := _amount(d, document.published, warnings))])
    return tuple(amounts), tuple(warnings)


def _currency(mm: MoneyMatch, index: _Actors) -> str | None:
    lex = currency_lexicon()
    if not mm.unit.startswith("?"):
        return mm.unit
    if lex.ambiguous[mm.unit[1:]].by_qualifier_only:
        return lex.resolve(mm.unit)
    states = sorted(
        ((abs(start - mm.start), code) for start, code in index.mentions),
        key=lambda pair: pair[0],
    )
    countries = tuple(code for _, code in states if index.kind.get(code) == "state")
    return lex.resolve(mm.unit, countries)


def _vague(doc: Doc, drafts: list[_Draft], warnings: list[str]) -> None:
    taken = [(d.match.start, d.match.end) for d in drafts]  # in text order, disjoint
    ends = [e for _, e in taken]
    for ent in entities(doc).ents:
        if ent.label_ != "MONEY":
            continue
        n = bisect_right(ends, ent.start_char)  # the first figure ending after ent starts
        if n < len(taken) and taken[n][0] < ent.end_char:
            continue
        if re.search(r"[$£€¥]|dollar|pound|euro|yuan|rupee|shilling", ent.text, re.I):
            warnings.append(f"money {ent.text!r}: vague figure, skipped")


# -- kind ---------------------------------------------------------------------------


_DIRECTED_LEVELS = {"debt_stock", "balance"}  # debtor and creditor; surplus and deficit sides


@lru_cache(maxsize=1)
def _cues() -> MoneyCues:
    """The flow cues with the level nouns among them as kind ``level:TYPE``, so one path
    search finds whichever is nearer the figure ('the debt ceiling of $X': ceiling,
    a level; 'a $3bn loan to pay debt': loan, a flow)."""
    base = money_cues()
    levels = {lemma: _LEVEL + t for lemma, t in money_levels().level_of.items()}
    return replace(base, kind_of={**levels, **base.kind_of})


def _cue_of(tok: Token, cues: MoneyCues, span: Span) -> Token | None:
    """``tok`` if it is a cue, else a cue behind it through a value noun's 'of'."""
    if span.start <= tok.i < span.end:
        return None
    lemma = tok.lemma_.lower()
    if lemma in cues.kind_of or tok.lower_ in cues.kind_of:
        kind = _kind_of(tok, cues)
        if kind.startswith(_LEVEL) and tok.dep_ in ("compound", "amod", "nmod"):
            return None  # 'budget support', 'debt ceiling': the head noun says what it is
        if kind == _LEVEL + "exchange_rate" and (
            tok.ent_type_ == "MONEY" or any(t.like_num for t in tok.lefts)
        ):
            # the unit of another figure ('100 billion yen, worth $900m', '500,000 Kenyan
            # shillings, or about $4,850')
            return None
        if kind.startswith(_LEVEL) and kind[len(_LEVEL) :] in money_levels().flow_compound_types:
            # "export earnings of $X": the flow named on the level noun wins
            for child in tok.children:
                if (
                    child.dep_ in ("compound", "amod", "nmod")
                    and not span.start <= child.i < span.end
                    and not _kind_of(child, cues).startswith((_LEVEL, "other"))
                ):
                    return child
        return tok
    if lemma in cues.value_nouns:
        for prep in children_near(tok, span.root.i):
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in children(prep):
                    if obj.dep_ == "pobj":
                        found = _cue_near(obj, cues, span)
                        if found is not None:
                            return found
    return None


def _cue_near(tok: Token, cues: MoneyCues, span: Span) -> Token | None:
    found = _cue_of(tok, cues, span)
    if found is not None:
        return found
    for child in children_near(tok, span.root.i):
        if child.dep_ in ("compound", "amod", "nmod") and (c := _cue_of(child, cues, span)):
            return c
    return None


def _kind_of(tok: Token, cues: MoneyCues) -> str:
    return cues.kind_of.get(tok.lemma_.lower()) or cues.kind_of.get(tok.lower_, "other")


_CUE_PREPS = ("of", "in", "as")
_MAX_CUE_HOPS = 24  # heads walked up from a figure: a list of thousands is that deep


def _find_cue(span: Span, cues: MoneyCues) -> tuple[Token | None, Token | None]:
    """The cue token nearest the figure on its head path, and the clause root below the
    first clause boundary crossed on the way (None when none was crossed)."""
    node: Token = span.root
    crossed: Token | None = None
    path = [node, *islice(node.ancestors, _MAX_CUE_HOPS)]
    on_path = {t.i for t in path}
    movers = cues.giver_verbs | cues.receiver_verbs | cues.exporter_verbs | cues.importer_verbs
    moved = False  # under a verb that moves money ('X received $Y'): a flow, whoever X is
    for i, cur in enumerate(path):
        if i > 0 and path[i - 1].dep_ in _BOUNDARY and crossed is None:
            crossed = path[i - 1]
        cue = _cue_near(cur, cues, span)
        if cue is not None:
            return cue, crossed
        # the figure is what the verb moves ('received $1bn'), not a new value of its
        # object ('raised the debt ceiling to $31.4tn')
        moved = moved or (
            i > 0
            and cur.pos_ == "VERB"
            and cur.lemma_.lower() in movers
            and path[i - 1].dep_ in ("dobj", "dative", "nsubjpass")
        )
        for child in children_near(cur, span.root.i):
            if child.dep_ in ("nsubj", "nsubjpass", "attr", "dobj") and child.i not in on_path:
                cue = _cue_near(child, cues, span)
                if cue is not None and not (moved and _kind_of(cue, cues).startswith(_LEVEL)):
                    return cue, crossed
        for child in children_near(cur, span.root.i):
            if (
                child.dep_ == "prep"
                and child.lower_ in ("of", "in", "as")
                and child.i not in on_path
            ):
                for obj in children(child):
                    if obj.dep_ == "pobj" and (cue := _cue_near(obj, cues, span)):
                        return cue, crossed
    sent, at = sentence_of(span), span.root.i
    window = span.doc[max(sent.start, at - 6) : min(sent.end, at + 7)]
    near = [
        t
        for t in window
        if (c := _cue_of(t, cues, span)) is not None
        and not (moved and _kind_of(c, cues).startswith(_LEVEL))
    ]
    if near:
        return min(near, key=lambda t: abs(t.i - span.root.i)), None
    return None, None


# -- direction ----------------------------------------------------------------------


def _verb_of(tok: Token) -> Token | None:
    for cur in islice(chain((tok,), tok.ancestors), _MAX_CUE_HOPS):  # bounded: long lists
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return None


_RELATIVE = {"which", "who", "that", "whom"}


def _subject(verb: Token, index: _Actors, span: Span, depth: int = 0) -> list[str]:
    """Actors in the verb's subject. A relative pronoun ('the IMF, which agreed a $3bn
    loan') stands for the noun its clause hangs on; a personal one ('Sunvale said it was
    considering an investment') for the subject of the clause above; a verb with no
    subject (an xcomp, a conjunct, a broken dateline parse) borrows one from its head or
    the actor right before it."""
    out: list[str] = []
    pronoun: Token | None = None
    subjects = [c for c in children(verb) if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
    for child in sorted(subjects, key=lambda c: abs(verb.i - c.i)):  # nearest first
        found = index.in_tokens(list(child.subtree), span)
        out += found
        if not found and child.lower_ in _RELATIVE | _PRONOUNS:
            pronoun = child
    if out or depth > 4:
        return out
    the_state = next((c for c in subjects if _state_anaphor(c)), None)
    if the_state is not None:
        # "The country exported cocoa worth $2bn": the state named last before it
        before = index.before(the_state.idx)
        return [before] if before else []
    if pronoun is not None and pronoun.lower_ in _RELATIVE and verb.dep_ == "relcl":
        return index.in_tokens([verb.head, *verb.head.lefts], span)
    head = verb.head
    climbs = verb.dep_ in ("xcomp", "conj", "advcl") or (
        pronoun is not None and verb.dep_ == "ccomp"
    )
    if head.i != verb.i and head.pos_ in ("VERB", "AUX") and climbs:
        return _subject(head, index, span, depth + 1)
    finite = verb.dep_ in ("ROOT", "ccomp") and verb.tag_ not in ("VBN", "VBG")
    if pronoun is None and finite:
        left = list(verb.doc[max(sentence_of(verb).start, verb.i - 3) : verb.i])
        if not any(t.is_punct or t.pos_ in ("VERB", "SCONJ") for t in left[1:]):
            return index.in_tokens(left, span)[-1:]
    return out


_STATE_NOUNS = frozenset({"country", "nation", "government", "state", "kingdom", "republic"})


def _state_anaphor(tok: Token) -> bool:
    """'the country', 'the government': a state named before, in the singular."""
    return (
        tok.lemma_.lower() in _STATE_NOUNS
        and tok.tag_ == "NN"
        and any(c.dep_ == "det" and c.lower_ == "the" for c in children(tok))
        and not any(c.dep_ in ("amod", "compound", "poss", "nummod") for c in children(tok))
    )


def _owner(cue: Token, index: _Actors, span: Span) -> tuple[list[str], list[str]]:
    """Actors modifying the cue noun: (possessors, adjectival/compound)."""
    poss: list[str] = []
    adj: list[str] = []
    for child in children(cue):
        if child.dep_ == "poss":
            if child.lower_ in _PRONOUNS:
                verb = _verb_of(cue.head)
                while verb is not None and not poss:
                    # "its" names someone outside its own noun phrase: a clause whose
                    # subject holds the cue ("said its investment in X would go ahead")
                    # hands on to the clause above
                    if not any(
                        c.dep_ in ("nsubj", "nsubjpass") and cue in c.subtree
                        for c in children(verb)
                    ):
                        poss = _subject(verb, index, span)
                    verb = _verb_of(verb.head) if verb.head.i != verb.i else None
            else:
                poss += index.in_tokens(list(child.subtree), span)
        elif child.dep_ in ("amod", "compound", "nmod", "npadvmod"):
            adj += index.in_tokens(list(child.subtree), span)
    return poss, adj


def _prep_actors(
    heads: list[Token], preps: frozenset[str], index: _Actors, span: Span
) -> list[str]:
    """Actors in prepositional phrases ('to Zambia', 'from China') of the heads; for a
    noun head also those hanging off its appositions and 'of' objects ('exports of IT
    services to Africa'), which the parser often attaches there."""
    out: list[str] = []
    for head in heads:
        owners = [head]
        if head.pos_ in ("NOUN", "PROPN"):
            owners += [c for c in children(head) if c.dep_ == "appos"]
            owners += [
                o
                for c in children(head)
                if c.dep_ == "prep" and c.lower_ == "of"
                for o in children(c)
                if o.dep_ == "pobj"
            ]
        for owner in owners:
            for child in children(owner):
                if child.dep_ in ("prep", "dative") and child.lower_ in preps:
                    for code in index.in_tokens(list(child.subtree), span):
                        if code not in out:
                            out.append(code)
    return out


_AID_PURPOSE = frozenset({"assist", "help", "aid", "support", "rebuild", "relieve", "fund"})
_FINANCIAL = frozenset(
    {"share", "stock", "security", "bond", "note", "bill", "treasury", "asset", "currency"}
    | {"dollar", "yen", "mark", "sterling", "paper", "debt", "equity", "option", "future"}
)
_FISCAL = frozenset({"government", "public", "federal", "budget", "target", "requirement"})


def _path_child(verb: Token, span: Span) -> Token | None:
    """The verb's child on the way down to the figure (the figure's root itself when the
    verb governs it directly)."""
    for tok in chain((span.root,), islice(span.root.ancestors, _MAX_CUE_HOPS)):
        if tok.head.i == verb.i and tok.i != verb.i:
            return tok
    return None


def _goods_trade(d: _Draft, cues: MoneyCues, index: _Actors) -> bool:
    """A figure bought or sold ("Japan bought $2bn of wheat from the US", "Germany sold
    $500m of tanks to Egypt"): goods trade, the buyer's state importing from the
    seller's. A price paid "for" something, or a stake bought, is not goods."""
    verb = _verb_of(d.span.root)
    if verb is None or verb.pos_ != "VERB":
        return False
    lemma = verb.lemma_.lower()
    buys, sells = lemma in cues.importer_verbs, lemma in cues.exporter_verbs
    if not (buys or sells) or lemma in ("import", "export"):
        return False
    arg = _path_child(verb, d.span)
    if arg is None or not (arg.dep_ in ("dobj", "nsubjpass") or arg.lower_ == "worth"):
        return False
    root = d.span.root
    owners = [root, *(c for c in children(root) if c.lower_ == "worth")]
    if root.head.lower_ == "worth":
        owners.append(root.head)
    goods_toks = [
        obj
        for owner in owners  # "$2bn of wheat", "$2bn worth of wheat"
        for child in children(owner)
        if child.dep_ == "prep" and child.lower_ == "of"
        for obj in children(child)
        if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN")
    ]
    if not goods_toks and root.head.lower_ == "worth":
        # "sold arms worth $2bn to India", "sell 66 jets worth $8bn": the verb's object
        goods_toks = [c for c in children(verb) if c.dep_ == "dobj" and c.pos_ == "NOUN"]
    if not goods_toks:
        return False  # "the central bank bought $1bn": currency, not goods
    thing = goods_toks[0]
    if (
        _kind_of(thing, cues) in ("investment", "loan")
        or thing.lemma_.lower() in _FINANCIAL
        or any(_kind_of(t, cues) == "investment" for t in thing.subtree)
    ):
        return False  # "bought $2bn of shares / bonds": an investment, left to its cue
    goods = _what(d.span.root, d.span)
    subj = _subject(verb, index, d.span)
    heads = [verb, d.span.root, *(t for t in (d.span.root.head,) if t.lower_ == "worth")]
    from_p = _prep_actors(heads, cues.from_preps, index, d.span)
    to_p = _prep_actors(heads, cues.to_preps, index, d.span)  # "arms worth $2bn to India"
    # "$3bn of Brazilian soybeans", "4 mln tonnes of U.S. grain worth $400m": the
    # goods' own state
    made_in = [c for owner in [*owners, *goods_toks] for c in _goods_origin(owner, index, d.span)]
    if verb.dep_ == "xcomp" or not subj:
        subj = subj or _clause_subject(verb, index, d.span)
    if buys:
        d.kind = "import"
        d.to = next(iter(subj), None)
        d.from_ = next((c for c in from_p + made_in if c != d.to), None)
    else:
        d.kind = "export"
        d.from_ = next(iter(subj + made_in), None)
        d.to = next((c for c in to_p if c != d.from_), None)
    d.cued, d.cue_i, d.what = True, verb.i, goods
    return True


def _goods_origin(noun: Token, index: _Actors, span: Span) -> list[str]:
    """The state whose goods an "of" phrase names ("imports of Japanese cars", "tonnes
    of U.S. grain"): the adjective or compound on the goods noun, or on its own "of"
    object, one level down."""
    out: list[str] = []
    for child in children(noun):
        if child.dep_ != "prep" or child.lower_ != "of":
            continue
        for obj in children(child):
            if obj.dep_ != "pobj":
                continue
            for t in [
                *obj.lefts,
                *(g for c in children(obj) if c.lower_ == "of" for g in children(c)),
            ]:
                if t.dep_ in ("amod", "compound"):
                    out += index.in_tokens(list(t.subtree), span)
                elif t.dep_ == "pobj":  # "of tonnes of U.S. grain"
                    out += [
                        c
                        for m in t.lefts
                        if m.dep_ in ("amod", "compound")
                        for c in index.in_tokens(list(m.subtree), span)
                    ]
    return out


#: what one buys when one buys into a business ("bought a stake in", "a 10% holding")
_BUSINESS_NOUNS = frozenset(
    {"stake", "share", "holding", "company", "firm", "business", "unit", "division"}
    | {"subsidiary", "operation", "bank", "brand", "group", "rival", "arm"}
)


def _bought_for(d: _Draft, cues: MoneyCues, index: _Actors) -> bool:
    """A price paid for what the verb's object names ("bought X for $2bn", "paid $2bn
    for X"). A business ("Tata agreed to buy
    British steelmaker Corus for $8bn", "a stake in Japan's Mazda"): an investment from
    the buyer's state to the target's. Another state's goods ("bought 300,000 tonnes of
    US wheat for $50m"): an import from that state."""
    verb = _verb_of(d.span.root)
    if verb is None or verb.pos_ != "VERB":
        return False
    arg = _path_child(verb, d.span)
    if arg is None:
        return False
    if verb.lower_ in _PAYING - _FINING and arg.dep_ == "dobj":
        # "paid $1.25bn for IBM's computer business": what the "for" phrase names
        objs = [
            o
            for c in children(verb)
            if c.dep_ in ("prep", "dative") and c.lower_ == "for"
            for o in children(c)
            if o.dep_ == "pobj"
        ]
    else:
        if verb.lemma_.lower() not in ("buy", "purchase", "acquire", "take"):
            return False
        if arg.dep_ != "prep" or arg.lower_ != "for":
            return False  # the figure is the price paid for the verb's object
        if verb.lemma_.lower() == "take" and not any(c.lower_ == "over" for c in children(verb)):
            return False
        objs = [c for c in children(verb) if c.dep_ in ("dobj", "nsubjpass")]
    if not objs:
        return False
    obj = objs[0]
    lemma = obj.lemma_.lower()
    kind = org_lexicon().kinds.get(lemma)
    named = obj.pos_ == "PROPN" or obj.ent_type_ == "ORG"
    business = named or kind in ("company", "bank") or lemma in _BUSINESS_NOUNS
    target = index.in_tokens(list(obj.subtree), d.span)
    buyer = _subject(verb, index, d.span) or _clause_subject(verb, index, d.span)
    buyer_state = next(iter(buyer), None)
    seller = next((c for c in target if c != buyer_state), None)
    if business or lemma.endswith("maker"):
        d.kind = "investment"
        d.from_, d.to = buyer_state, seller
    elif seller is not None and buyer_state is not None:
        # "Japan bought 300,000 tonnes of US wheat for $50m": goods from another state
        d.kind = "import"
        d.from_, d.to = seller, buyer_state
    else:
        return False
    d.cued, d.cue_i, d.what = True, verb.i, None
    return True


def _both_ways(cue: Token, cues: MoneyCues) -> bool:
    """'imports from and exports to China', 'exports and imports': both goods flows
    joined under one figure, a trade total."""
    kind = _kind_of(cue, cues)
    other = "export" if kind == "import" else "import"
    near = [*cue.children, *(g for c in cue.children if c.dep_ == "prep" for g in c.children)]
    return any(t.dep_ == "conj" and _kind_of(t, cues) == other for t in near) or (
        cue.dep_ == "conj" and _kind_of(cue.head, cues) == other
    )


def _classify(d: _Draft, cues: MoneyCues, index: _Actors) -> None:
    _classify_flow(d, cues, index)
    if d.level_type == "debt_stock" and d.from_ and d.to and d.kind == "other":
        d.kind = "loan"  # "Kenya owes China $7bn": a debt with its creditor is lent money


def _aid_purpose(d: _Draft, index: _Actors) -> Token | None:
    """The verb of a purpose written after an otherwise uncued figure ("spend $6bn to
    assist US allies"), when what it helps is an actor: money given to another state.
    "Spent $2bn to help farmers" helps no other party and stays a plain sum."""
    doc, k = d.span.doc, d.span.end
    verb: Token | None = None
    if k + 1 < len(doc) and doc[k].lower_ == "to" and doc[k + 1].lemma_.lower() in _AID_PURPOSE:
        verb = doc[k + 1]
    for head in (d.span.root, d.span.root.head):
        for child in children(head):
            if (
                verb is None
                and child.dep_ in ("xcomp", "advcl", "acl", "relcl")
                and child.lemma_.lower() in _AID_PURPOSE
                and any(t.lower_ == "to" and t.dep_ == "aux" for t in child.lefts)
            ):
                verb = child
    if verb is None or not index.in_tokens([t for t in verb.subtree if t.i > verb.i], d.span):
        return None
    return verb


_FACILITIES = frozenset(
    {"plant", "factory", "refinery", "mine", "mill", "smelter", "facility", "works"}
    | {"complex", "terminal", "port", "site", "centre", "center"}
)
_BUILDING = frozenset({"spend", "build", "open", "set", "construct", "expand", "invest"})


def _plant_abroad(d: _Draft, index: _Actors) -> bool:
    """A sum spent on, or a price of, a plant in a state ("would spend 500m euros on a
    new plant in Hungary", "will build a $500m plant in Poland"): direct investment
    from the builder's state into the plant's, where the text names both apart."""
    root = d.span.root
    verb = _verb_of(root)
    if verb is None or verb.lemma_.lower() not in _BUILDING:
        return False
    if root.head.lemma_.lower() in _FACILITIES and root.dep_ in ("nmod", "compound", "nummod"):
        plants = [root.head]  # "a $500m plant"
    else:
        plants = [
            o
            for c in children(verb)
            if c.dep_ in ("prep", "dobj") and (c.lower_ in ("on", "in") or c.dep_ == "dobj")
            for o in ([c] if c.dep_ == "dobj" else [g for g in children(c) if g.dep_ == "pobj"])
            if o.lemma_.lower() in _FACILITIES
        ]
    for plant in plants:
        host = [
            code
            for c in children(plant)
            if c.dep_ == "prep" and c.lower_ in ("in", "at")
            for code in index.in_tokens(list(c.subtree), d.span)
        ]
        if not host:
            continue
        builder = _subject(verb, index, d.span) or _clause_subject(verb, index, d.span)
        if not builder or builder[0] == host[0]:
            continue  # a state's or an unknown firm's plant at home: spending, not FDI
        d.kind, d.cued, d.cue_i, d.what = "investment", True, plant.i, None
        d.from_, d.to = builder[0], host[0]
        return True
    return False


def _own_noun(d: _Draft, cues: MoneyCues) -> Token | None:
    """A cue written right after the figure ("$1.2bn in grants and $500m in soft loans"):
    the figure's own word, however the parser attached it."""
    doc, k = d.span.doc, d.span.end
    if k + 1 < len(doc) and doc[k].lower_ in ("in", "of"):
        j = k + 1
        while j < len(doc) and j < k + 4 and doc[j].pos_ == "ADJ":
            j += 1
        if j < len(doc) and doc[j].pos_ == "NOUN":
            kind = _kind_of(doc[j], cues)
            if kind in _MONEY or kind in _GOODS or kind == "deal":
                return doc[j]
    return None


def _classify_flow(d: _Draft, cues: MoneyCues, index: _Actors) -> None:
    written = _own_noun(d, cues)
    cue, crossed = (written, None) if written is not None else _find_cue(d.span, cues)
    if (cue is None or cue.pos_ == "VERB" or _kind_of(cue, cues) == "deal") and (
        _goods_trade(d, cues, index) or _bought_for(d, cues, index)
    ):
        return
    if cue is not None and cue.pos_ == "VERB" and _kind_of(cue, cues) == "aid":
        path = [d.span.root, *islice(d.span.root.ancestors, _MAX_CUE_HOPS)]
        below = path[: next((n for n, t in enumerate(path) if t.i == cue.i), len(path))]
        if any(t.dep_ == "prep" and t.lower_ == "for" for t in below):
            return  # "gave control of X to Y for $9bn", "gave the go-ahead for the $2bn
            # project": a price or a project's value, not the thing given
    if cue is None or _kind_of(cue, cues) == "other" or _kind_of(cue, cues).startswith(_LEVEL):
        purpose = _aid_purpose(d, index)
        if purpose is not None:
            cue, crossed = purpose, None  # "$6bn to assist US allies": money given to help
        elif _plant_abroad(d, index):
            return
    if cue is None:
        # no cue noun, but a verb that moves money ("asked the IMF for $2bn"):
        # the kind stays open, the direction does not
        verb = _verb_of(d.span.root)
        movers = cues.request_verbs | cues.giver_verbs | cues.receiver_verbs | _PAYING
        if verb is None or (
            verb.lemma_.lower() not in movers | money_levels().stock_verbs
            and verb.lower_ not in _PAYING
        ):
            return
        cue = verb
        d.kind = "other"
        if verb.lemma_.lower() in money_levels().stock_verbs:
            d.set_level("debt_stock")  # 'Kenya owes China $7bn': a stock, debtor and creditor
    else:
        d.cued = True
        d.kind = "aid" if cue.lemma_.lower() in _AID_PURPOSE else _kind_of(cue, cues)
        d.cue_i = cue.i
        if d.kind.startswith(_LEVEL):
            d.set_level(d.kind[len(_LEVEL) :])
        elif d.kind in _GOODS and _both_ways(cue, cues):
            d.kind = "trade_total"
        elif d.kind == "loan" and cue.lemma_.lower() in ("borrowing", "borrow"):
            near = [cue.head, *cue.children]
            lender = cue.pos_ == "VERB" and _prep_actors([cue], cues.from_preps, index, d.span)
            if not lender and any(t.lemma_.lower() in _FISCAL for t in near):
                d.kind = "other"  # "government borrowing targets": a fiscal aggregate
                return
    verb = _verb_of(cue)
    heads = [cue] + ([verb] if verb is not None and verb.i != cue.i else [])
    heads += [t for t in d.span.root.ancestors if t not in heads][:2]
    poss, adj = _owner(cue, index, d.span)
    own = poss + [a for a in adj if a not in poss]
    if crossed is not None:
        mine = index.in_tokens(list(crossed.subtree), d.span)
        if mine:
            own, poss, adj = mine, mine, []
    vlemma = verb.lemma_.lower() if verb is not None else ""
    subj = _subject(verb, index, d.span) if verb is not None and verb.i != cue.i else []
    if cue.pos_ == "VERB":
        subj = _subject(cue, index, d.span)
    to_p = _prep_actors(heads, cues.to_preps, index, d.span)
    from_p = _prep_actors(heads, cues.from_preps, index, d.span)
    d.what = _what(cue, d.span)
    lemma = cue.lemma_.lower()
    if d.measure == "level" and d.level_type not in _DIRECTED_LEVELS:
        return  # a price, a rate, a market: nobody pays anybody
    paying = verb is not None and verb.lower_ in _PAYING
    if lemma in _PAYMENTS or (d.kind == "other" and paying):
        _payment_roles(d, verb, index, subj, to_p, from_p)
        return
    if d.kind == "export":
        exporter = own or (subj if cue.pos_ == "VERB" or vlemma in cues.exporter_verbs else [])
        d.from_ = next(iter(exporter or from_p), None)
        d.to = next((c for c in to_p if c != d.from_), None)
    elif d.kind == "import":
        importer = own or (subj if cue.pos_ == "VERB" or vlemma in cues.importer_verbs else [])
        d.to = next(iter(importer or to_p), None)
        origin = _goods_origin(cue, index, d.span) if cue.pos_ != "VERB" else []
        d.from_ = next((c for c in from_p + origin if c != d.to), None)
    elif cues.kind_of.get(lemma) in ("loan", _LEVEL + "debt_stock") and (
        restructure := _restructured(cue, cues)
    ):
        # "restructure $6.3bn of debt": existing debt, not a new flow; the debtor is 'to'.
        # "cancel/forgive/write off $2bn of debt" is debt relief: aid, a flow.
        subject = _clause_subject(restructure, index, d.span)
        if restructure.lemma_.lower() in money_levels().relief_verbs:
            # the creditor cancels ('China wrote off $500m of Cuban debt'): creditor -> debtor
            d.kind, d.measure, d.level_type = "aid", "flow", None
            d.from_ = next(iter(subject), None)
            d.to = next((c for c in own if c != d.from_), None)
        else:
            d.set_level("debt_stock")
            d.to = next(iter(subject + poss), None)
    elif d.level_type == "debt_stock" and cue.pos_ != "VERB":
        # 'Kenya's debt to China', 'debt owed to Chinese banks': the debtor owns the debt,
        # the creditor is named by 'to'; nobody else is guessed (the IMF 'said' it)
        d.to = next(iter(own), None)
        d.from_ = next((c for c in to_p + from_p if c != d.to), None)
    elif (
        d.kind in _MONEY
        or d.level_type == "debt_stock"
        or not d.cued
        or (verb is not None and vlemma in cues.request_verbs and _verb_of(d.span.root) == verb)
    ):
        _money_roles(d, cue, cues, index, poss, adj, subj, vlemma, heads, to_p, from_p)
    elif d.kind == "trade_total":
        pair = own + [
            c
            for c in _prep_actors(heads, cues.with_preps | cues.to_preps, index, d.span) + subj
            if c not in own
        ]
        for code in index.in_tokens(sentence_of(d.span), d.span):
            if code not in pair:
                pair.append(code)
        for code in index.ranked:
            if len(pair) >= 2:
                break
            if code not in pair:
                pair.append(code)
        d.from_ = pair[0] if pair else None
        d.to = pair[1] if len(pair) > 1 else None
    elif lemma in cues.surplus or lemma in cues.deficit:
        if any(c.lemma_.lower() in _FISCAL | {"fiscal"} for c in children(cue)):
            return  # "the budget deficit": a state's own accounts, owed to no one
        partner = _prep_actors(heads, cues.with_preps, index, d.span)
        holder = own[0] if own else (subj[0] if subj else None)
        other = next((c for c in partner if c != holder), None)
        if other is None and holder is not None:
            # "ran a surplus of $40bn with the continent": the partner is named earlier
            other = _other_side(d, index, holder)
        if lemma in cues.surplus:
            d.from_, d.to = holder, other
        else:
            d.from_, d.to = other, holder


_PER_UNIT = re.compile(
    r"\s*(?:(?:per|a|an|each)\s+|/\s*)(?:(?:metric|troy|short|long|cubic)\s+)?([A-Za-z][\w-]*)"
)
_RATE_PREP = re.compile(
    r"\s*(\w+\.?)\s+(?:the\s+|one\s+|a\s+|each\s+)?(?:us\s+)?([A-Za-z]+)\b"
    r"(?![\s-]*(?:zone|area|region|bloc|countr|member|nation|econom|market))",
    re.I,
)


def _unit_level(d: _Draft, body: str) -> None:
    """A unit after the figure makes it a price or rate ('$1.364 per euro', '$80 a
    barrel', '142 yen to the dollar', '$12 a share'); the worth of a firm ('a company
    worth $2bn', 'the firm is valued at $3bn') is a valuation. Both override the cue:
    '$80 a barrel' is a price even in a sentence about exports."""
    levels = money_levels()
    after = body[d.match.end : d.match.end + 40]
    m = _PER_UNIT.match(after)
    if m and (unit := levels.per_unit.get(m.group(1).lower())):
        d.set_level(unit)
        d.from_ = d.to = None
        d.cued = True
        return
    m = _RATE_PREP.match(after)
    if (
        m
        and m.group(1).lower() in levels.rate_preps
        and m.group(2).lower() in levels.currency_nouns
    ):
        d.set_level("exchange_rate")
        d.from_ = d.to = None
        d.cued = True
        return
    if _firm_worth(d.span, levels):
        d.set_level("valuation")
        d.from_ = d.to = None


def _firm_worth(span: Span, levels: MoneyLevels) -> bool:
    """'a company worth $2bn', 'Sunvale, valued at $3bn', 'the firm's value of $X'."""
    for tok in islice(span.root.ancestors, 3):
        if tok.lemma_.lower() not in levels.worth_words and tok.lower_ not in levels.worth_words:
            continue
        owners = [tok.head] if tok.head.i != tok.i else []
        owners += [c for c in children(tok) if c.dep_ == "nsubjpass"]
        return any(
            o.lemma_.lower() in levels.firm_nouns or (o.ent_type_ == "ORG" and o.dep_ != "nsubj")
            for o in owners
        )
    return False


def _restructured(cue: Token, cues: MoneyCues) -> Token | None:
    """The restructuring verb governing a debt cue ('restructure $6.3bn of debt')."""
    for tok in islice(chain((cue,), cue.ancestors), 4):
        if tok.pos_ == "VERB" and tok.lemma_.lower() in cues.restructure_verbs:
            return tok
    return None


def _clause_subject(tok: Token, index: _Actors, span: Span) -> list[str]:
    """The first actor subject on the way up from ``tok`` ('Lusaka reached a deal to
    restructure ...' -> Lusaka)."""
    for cur in [tok, *tok.ancestors]:
        if cur.pos_ in ("VERB", "AUX"):
            found = _subject(cur, index, span)
            if found:
                return found
    return []


_PAYMENTS = frozenset({"payment", "repayment", "instalment", "installment", "interest"})
# verbs whose money goes from one side to the other, by form: the model's lemmatiser
# makes "fined" "fin"
_FINING = frozenset({"fine", "fines", "fined", "fining"})
_PAYING = frozenset({"pay", "pays", "paid", "paying"}) | _FINING


def _payment_roles(
    d: _Draft,
    verb: Token | None,
    index: _Actors,
    subj: list[str],
    to_p: list[str],
    from_p: list[str],
) -> None:
    """A payment goes from the payer to the payee: "Kenya made repayments of $2bn to
    China", "agreed to pay Ukraine $1.5bn in fees"; "the Paris Club is owed $5bn in
    repayments by X" (the creditor is owed); "the EU fined X $2m" (X pays).
    Kind stays ``other``; nobody is guessed from elsewhere in the text."""
    payer, payee = list(from_p), list(to_p)
    objects = (
        [
            c
            for child in children(verb)
            if child.dep_ in ("dative", "dobj") and child.i < d.span.start
            for c in index.in_tokens(list(child.subtree), d.span)
        ]
        if verb is not None
        else []
    )
    if verb is not None and verb.lower_ in _FINING:
        payer, payee = objects + payer, subj + payee  # "the EU fined X $2m": X pays the EU
    elif verb is not None and verb.lemma_.lower() == "owe":
        passive = any(c.dep_ == "nsubjpass" for c in children(verb))
        (payee if passive else payer).extend(subj)
        if not passive:  # "Kenya owes China $2bn in repayments"
            payee += objects
    else:
        payer = subj + [c for c in payer if c not in subj]
        payee += objects  # "agreed to pay Ukraine $1.5bn in fees"
    d.from_ = payer[0] if payer else None
    d.to = next((c for c in payee if c != d.from_), None)


def _money_roles(
    d: _Draft,
    cue: Token,
    cues: MoneyCues,
    index: _Actors,
    poss: list[str],
    adj: list[str],
    subj: list[str],
    vlemma: str,
    heads: list[Token],
    to_p: list[str],
    from_p: list[str],
) -> None:
    giver: list[str] = list(adj)
    receiver: list[str] = []
    if d.kind == "loan" or d.level_type == "debt_stock":  # "Kenya's debt": the debtor
        receiver += poss
    else:
        giver = poss + [a for a in giver if a not in poss]
    giver += [c for c in from_p if c not in giver]
    verb = cue if cue.pos_ == "VERB" else _verb_of(cue)
    verb_lemma = cue.lemma_.lower() if cue.pos_ == "VERB" else vlemma
    if verb is not None and verb_lemma in cues.request_verbs:
        # "Nigeria asked the World Bank for $1.5bn", "appealed to the IMF for $3bn"
        asked = [
            c
            for child in children(verb)
            if child.dep_ in ("dobj", "dative") or (child.dep_ == "prep" and child.lower_ == "to")
            for c in index.in_tokens(list(child.subtree), d.span)
        ]
        giver = asked + [c for c in giver if c not in asked]
        receiver = subj + receiver
    else:
        receiver += _prep_actors(heads, cues.to_preps | cues.in_preps, index, d.span)
        if verb is not None and verb_lemma in cues.giver_verbs:
            # "Japan will lend Indonesia ¥92bn": the bare indirect object receives
            # (the parser often calls it a second dobj: "lend Vietnam 40 billion yen")
            receiver = [
                c
                for child in children(verb)
                if child.dep_ in ("dative", "dobj")
                and child.pos_ in ("PROPN", "NOUN")
                and not any(d.span.start <= t.i < d.span.end for t in child.subtree)
                and child.i < d.span.start
                for c in index.in_tokens(list(child.subtree), d.span)
            ] + receiver
        if verb_lemma in cues.receiver_verbs:
            receiver = subj + receiver
        elif verb_lemma in cues.giver_verbs or cue.pos_ == "VERB":
            giver = subj + [c for c in giver if c not in subj]
        elif d.kind != "loan" and d.level_type != "debt_stock":
            # investment and aid: the subject of a neutral verb ("is considering an
            # investment", "signed a grant") is the side that pays
            giver = giver + [c for c in subj if c not in giver]
        if not giver and verb is not None:
            giver, receiver = _lender_side(verb, heads, cues, index, d.span, subj, receiver)
    g = giver[0] if giver else None
    r = next((c for c in receiver if c != g), None)
    if g is None and r is not None:
        g = _other_side(d, index, r)
    elif r is None and g is not None:
        r = _other_side(d, index, g)
    d.from_, d.to = g, r


def _lender_side(
    verb: Token,
    heads: list[Token],
    cues: MoneyCues,
    index: _Actors,
    span: Span,
    subj: list[str],
    receiver: list[str],
) -> tuple[list[str], list[str]]:
    """Symmetric verbs ("signed a $900m credit line with the Japan Bank", "Chinese
    lenders signed loans worth $1bn with African countries"): the side named by a lender
    noun (bank, fund, lender) or an international organisation lends."""
    partners: list[tuple[Token, list[str]]] = []
    for head in [verb, *heads]:
        for child in children(head):
            if child.dep_ == "prep" and child.lower_ in cues.with_preps:
                for obj in children(child):
                    if obj.dep_ == "pobj":
                        partners.append((obj, index.in_tokens(list(obj.subtree), span)))
    subj_nouns = [
        c for c in children(verb) if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"
    ]

    def lends(tok: Token, codes: list[str]) -> bool:
        words = {t.lemma_.lower() for t in tok.subtree}
        return bool(words & cues.lender_nouns) or any(index.kind.get(c) == "igo" for c in codes)

    for obj, codes in partners:
        if codes and lends(obj, codes):
            return codes, subj + [c for c in receiver if c not in subj]
    if subj and (
        any(lends(n, subj) for n in subj_nouns) or any(index.kind.get(c) == "igo" for c in subj)
    ):
        others = [c for _, codes in partners for c in codes]
        return subj, others + [c for c in receiver if c not in others]
    return [], receiver


def _orient_from_document(drafts: list[_Draft], index: _Actors) -> None:
    """Money flows the sentence leaves open ("Kenya and China signed a loan agreement
    worth ...") take the orientation the same document gives that pair elsewhere; a
    flow with one side known and no partner near it takes the document's main partner
    of that side when the two are the document's two most-mentioned actors."""
    oriented = [(d.kind, d.from_, d.to) for d in drafts if d.kind in _MONEY and d.from_ and d.to]
    top = set(index.ranked[:2])
    for d in drafts:
        if d.kind not in _MONEY or (d.from_ and d.to):
            continue
        if d.from_ is None and d.to is None:
            here = index.in_tokens(sentence_of(d.span), d.span)
            for kind, g, r in oriented:
                if kind == d.kind and (g in here or r in here):
                    d.from_, d.to = g, r
                    break
            else:
                _orient_from_earlier_cue(d, index, top)
            continue
        known = d.from_ or d.to
        if known in top and len(top) == 2:
            other = next(c for c in top if c != known)
            d.from_, d.to = (known, other) if d.from_ else (other, known)


def _orient_from_earlier_cue(d: _Draft, index: _Actors, top: set[str]) -> None:
    """A flow whose sentence names no party ("The $3bn loan will fund a railway") takes
    the side an earlier mention of the same kind of flow names, in the headline or an
    earlier sentence ("KENYA GETS CHINESE LOAN", "the Japanese aid"), when the story is
    about two actors: a state adjective on the noun gives, a possessor of a loan takes
    ("Kenya's loan"); the other of the two is the other side."""
    ranked, counts = index.ranked, index.counts
    if len(top) != 2 or (len(ranked) > 2 and counts[ranked[2]] >= counts[ranked[1]]):
        return  # not clearly a story of two
    cues = _cues()
    doc = d.span.doc
    # the headline and the three sentences before: a bounded look back per figure
    starts = sentence_starts(doc)
    here = bisect_right(starts, d.span.start) - 1
    headline_end = doc_text(doc).find("\n")
    head = doc.char_span(0, headline_end, alignment_mode="contract") if headline_end > 0 else None
    window = list(doc[starts[max(0, here - 3)] : starts[here]])
    if head is not None and head.end <= starts[max(0, here - 3)]:
        window = list(head) + window
    for tok in reversed(window):
        noun = tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.text.isupper())  # headline
        if not noun or _kind_of(tok, cues) != d.kind:
            continue
        poss, adj = _owner(tok, index, d.span)
        giver = next((c for c in adj if c in top), None)
        taker = next((c for c in poss if c in top), None) if d.kind == "loan" else None
        if giver is None and d.kind != "loan":
            giver = next((c for c in poss if c in top), None)
        if giver is not None:
            d.from_, d.to = giver, next(c for c in top if c != giver)
            return
        if taker is not None:
            d.from_, d.to = next(c for c in top if c != taker), taker
            return


def _other_side(d: _Draft, index: _Actors, known: str) -> str | None:
    sent = sentence_of(d.span)
    found = index.nearest(d.match.start, sent.start_char, sent.end_char, {known})
    if found is not None:
        return found
    doc = sent.doc
    para_start = max(doc_text(doc).rfind("\n\n", 0, sent.start_char), 0)
    here = bisect_right(sentence_starts(doc), sent.start) - 1
    earlier = [p for p in sentences(doc)[max(0, here - 3) : here] if para_start <= p.start_char]
    for prev in reversed(earlier[-3:]):
        found = index.nearest(prev.end_char, prev.start_char, prev.end_char, {known})
        if found is not None:
            return found
    return None


def _what(cue: Token, span: Span) -> str | None:
    """The goods or service: the 'of' object of the cue or the figure ('exports of IT
    services', '$5bn worth of goods'), else the cue's own noun phrase ('Chinese loan')."""
    doc = cue.doc
    for head in (cue, span.root.head):
        for child in children(head):
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in children(child):
                    if obj.dep_ == "pobj" and not (span.start <= obj.i < span.end):
                        toks = [t for t in obj.lefts if t.dep_ != "det"]
                        start = min([obj.i] + [min(x.i for x in t.subtree) for t in toks])
                        end = obj.i
                        appos = [c for c in children(head) if c.dep_ == "appos" and c.i > obj.i]
                        if appos and appos[0].i - obj.i <= 5:
                            end = appos[0].i
                        return doc[start : end + 1].text
    lefts = [
        t for t in cue.lefts if t.dep_ in ("compound", "amod") and not span.start <= t.i < span.end
    ]
    start = min([cue.i] + [min(x.i for x in t.subtree) for t in lefts])
    return doc[start : cue.i + 1].text


def _continue_flows(drafts: list[_Draft], doc: Doc) -> None:
    """Figures without a cue take the kind of an earlier figure in their sentence; goods
    figures without actors continue the last goods pair (reversed export <-> import)."""
    # each figure's sentence, read once (Span.sent scans the tokens on every access)
    starts = sentence_starts(doc)
    sent_of = [
        (starts[n], starts[n + 1] if n + 1 < len(starts) else len(doc))
        for n in (bisect_right(starts, d.span.start) - 1 for d in drafts)
    ]
    sents: list[Span] | None = None
    sent_starts: list[int] = []
    last_cued: _Draft | None = None  # the last cued figure earlier in the sentence
    last_of_kind: dict[str, _Draft] = {}  # the last figure of each kind there
    for i, d in enumerate(drafts):
        if i == 0 or sent_of[i - 1] != sent_of[i]:  # drafts are in text order
            last_cued, last_of_kind = None, {}
        if not d.cued and d.measure == "flow" and last_cued is not None:
            same = last_cued
            d.kind, d.what, d.cued = same.kind, same.what, True
            d.from_, d.to = same.from_, same.to
            d.measure, d.level_type = same.measure, same.level_type
        if d.kind in _GOODS and (d.from_ is None or d.to is None):
            # "imported $X from India in 2021, up from $Y a year earlier": same flow
            twin = last_of_kind.get(d.kind)
            if twin is not None and (twin.from_ or twin.to):
                d.from_, d.to = d.from_ or twin.from_, d.to or twin.to
        if d.kind in _GOODS and d.from_ is None and d.to is None:
            if sents is None:
                sents = list(doc.sents)
                sent_starts = [s.start for s in sents]
            here = bisect_right(sent_starts, d.span.start) - 1
            window = {s.start for s in sents[max(0, here - 3) : here + 1]}
            for k in range(i - 1, -1, -1):
                p = drafts[k]
                if sent_of[k][0] < min(window):
                    break
                if p.kind in _GOODS and sent_of[k][0] in window and (p.from_ or p.to):
                    if p.kind == d.kind:
                        d.from_, d.to = p.from_, p.to
                    else:
                        d.from_, d.to = p.to, p.from_
                    d.what = (
                        d.what
                        if d.what and d.what.lower() not in ("imports", "exports")
                        else p.what
                    )
                    break
        if d.cued:
            last_cued = d
        last_of_kind[d.kind] = d


# -- period -------------------------------------------------------------------------

_PHRASES = re.compile(
    r"\b(?:in\s+)?(?:the\s+)?same\s+(?:period|months?|quarter|time)\s+(?:(?:of|in|last)\s+)?"
    r"(?:year\s+)?(?:\d{4}|year)"
    r"|\b(?:during|in|over|for|within)\s+(?:that|this|the same)\s+(?:period|time)\b"
    r"|\b(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:half|quarter)(?:\s+of\s+\d{4})?"
    r"|\b(?:[A-Z][a-z]{2,8})\.?\s*[-–]\s*(?:[A-Z][a-z]{2,8})\.?(?:\s+\d{4})?"
    r"|\b(?:a|per|each|every)\s+year\b|\bannually\b"
    r"|\b(?:a|one|two|three|\d+)\s+(?:year|month)s?\s+(?:earlier|before|previously|ago)\b"
    r"|\b(?:the\s+)?(?:previous|prior|preceding)\s+(?:year|month)\b"
    r"|\b\w+\s+months\s+(?:to|ending|ended|through)\s+[A-Z][a-z]+\.?(?:\s+\d{4})?"
    r"|\b(?:fiscal|financial|budget)\s+year\s+(?:ending|ended|to)\s+[A-Z][a-z]+\.?(?:\s+\d{4})?",
)
_DECADE = re.compile(r"\b(?:1[89]|20)\d0s\b")
_DEADLINE = re.compile(r"\b(?:by|before|until|till|ahead\s+of)\s*$", re.I)


def _expressions(sent: Span) -> list[tuple[int, int, str]]:
    ents = entities(sent.doc).within(sent.start, sent.end)
    spans = [(e.start_char, e.end_char) for e in ents if e.label_ == "DATE"]
    base = sent.start_char
    spans += [(base + m.start(), base + m.end()) for m in _PHRASES.finditer(sent.text)]
    spans.sort()
    merged: list[list[int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    text = sent.text  # the merged ranges lie inside the sentence; Doc.text is costly
    # "by 2030" is a target date, not the months a figure covers
    out = []
    for s, e in merged:
        # a time of day ('1800 GMT', '0930 local time') is never a year
        expr = without_times(text[s - base : e - base], text[e - base : e - base + 25])
        if not expr.strip() or _DEADLINE.search(text[max(0, s - base - 12) : s - base]):
            continue
        if _DECADE.search(expr):
            continue  # "the late 1990s": a decade named for comparison, not a figure's months
        if not re.match(r"(?:by|before|until)\b", expr, re.I):
            out.append((s, e, expr))
    return out


_DAY_WORDS = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|"
    r"tomorrow|week|weekend|day|days|hours?|minutes?)\b",
    re.I,
)
_MONTH_DAY = re.compile(rf"\b(?:{'|'.join(MONTHS)})\.?\s+\d{{1,2}}\b(?!\d)", re.I)


def _is_day(text: str) -> bool:
    """A day ('on Tuesday', 'March 3'), which dates an event rather than a period."""
    return bool(_DAY_WORDS.search(text) or _MONTH_DAY.search(text))


def _periods(drafts: list[_Draft], doc: Doc, published: str | None) -> None:
    by_sent: dict[int, list[_Draft]] = {}
    for d in drafts:
        by_sent.setdefault(sentence_of(d.span).start, []).append(d)
    last: _Draft | None = None
    for d_list in by_sent.values():
        sent = sentence_of(d_list[0].span)
        exprs = [x for x in _expressions(sent) if not _is_day(x[2])]
        same_year = next((y for x in exprs if (y := same_period_year(x[2])) is not None), None)
        context_year = same_year + 1 if same_year is not None else None
        assigned: dict[int, list[tuple[int, int, str]]] = {}
        starts = [d.match.start for d in d_list]
        for x in exprs:
            k = min(_nearest_candidates(d_list, starts, x), key=lambda j: _distance(d_list[j], x))
            assigned.setdefault(k, []).append(x)
        own_periods: list[Period] = []
        for j, d in enumerate(d_list):
            mine = sorted(assigned.get(j, []), key=lambda x: _distance(d, x))
            if not mine:
                continue
            x = mine[0]
            if shift_months(x[2]) is not None:
                d.period_src = "shift"
            elif same_period_year(x[2]) is not None:
                d.period_src = "same"
            elif is_reference(x[2]):
                d.period_src = "ref"
            elif is_rate(x[2]):
                d.period_src = "rate"
            else:
                d.period = resolve_period(x[2], published, year=context_year)
                d.period_src = "own" if d.period else None
                if d.period:
                    own_periods.append(d.period)
        for d in d_list:
            if d.period_src == "same" and same_year is not None:
                months = own_periods[0] if own_periods else (last.period if last else None)
                if months:
                    d.period = (f"{same_year}{months[0][4:]}", f"{same_year}{months[1][4:]}")
                else:
                    d.period = (f"{same_year}-01", f"{same_year}-12")
            elif d.period_src == "ref" and last is not None:
                d.period = last.period
            elif d.period_src == "shift":
                base = own_periods[0] if own_periods else (last.period if last else None)
                step = shift_months(_own_text(d, assigned, d_list))
                d.period = shift_period(base, step) if base and step else None
            elif d.period_src is None and own_periods:
                d.period = own_periods[0]
            if d.period is not None and _single_instrument(d, doc):
                d.period = None  # "approved a $1.3bn loan in 2022": a date, not a period
            if d.period is not None:
                last = d


def _own_text(
    d: _Draft, assigned: dict[int, list[tuple[int, int, str]]], d_list: list[_Draft]
) -> str:
    mine = assigned.get(d_list.index(d), [])
    return min(mine, key=lambda x: _distance(d, x))[2] if mine else ""


def _nearest_candidates(
    d_list: list[_Draft], starts: list[int], x: tuple[int, int, str]
) -> list[int]:
    """The figures that can be nearest to a period expression, in order: the first one
    overlapping it, else the last one before it and the first one after it (a figure
    further away has a strictly longer gap, so a strictly greater ``_distance``).
    ``starts`` are the figures' start offsets; figures are in text order, disjoint."""
    after = bisect_left(starts, x[1])  # the first figure starting at or after x's end
    out: list[int] = []
    for j in range(after - 1, -1, -1):  # figures starting before x's end
        if d_list[j].match.end <= x[0]:  # wholly before x: the nearest such one
            out.insert(0, j)
            break
        out.insert(0, j)  # overlapping x
    overlapping = [j for j in out if d_list[j].match.end > x[0]]
    if overlapping:
        return overlapping[:1]
    if after < len(d_list):
        out.append(after)
    return out


def _distance(d: _Draft, x: tuple[int, int, str]) -> int:
    """Characters between a figure and a period expression, with a clause break (comma,
    semicolon, dash) counting as 40 more: in "$1bn last year, down from $28bn in 2016"
    'last year' belongs to $1bn although $28bn is as near."""
    s, e = d.match.start, d.match.end
    text = doc_text(d.span.doc)
    if x[1] <= s:
        gap = text[x[1] : s]
    elif x[0] >= e:
        gap = text[e : x[0]]
    else:
        return 0
    return len(gap) + 40 * len(re.findall(r"[,;—–]|\s-\s", gap))


_SINGLE_KINDS = {"loan", "aid", "investment", "deal"}


def _single_instrument(d: _Draft, doc: Doc) -> bool:
    """One loan, grant or deal ("a $3bn loan", "an investment of $45m", "a loan
    agreement worth ..."): its date says when it was made, not months it covers."""
    if d.kind not in _SINGLE_KINDS or d.cue_i is None:
        return False
    cue = doc[d.cue_i]
    if cue.pos_ != "NOUN":
        return False
    noun = cue.head if cue.dep_ == "compound" else cue
    return noun.tag_ == "NN" and any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in children(noun)
    )


# -- output -------------------------------------------------------------------------


_CONVERSION_SLACK = 2.5  # a bracketed USD figure further than this from the rate is a misread


def rate_day(period: Period | None, published: str | None) -> dt.date | None:
    """The day whose rate converts a figure: the mid-point of its period, else the
    publication date, else None.

    The mid-point, not the end: a figure over a period (exports in January-September)
    adds up money that moved on every day of it, so the rate in its middle is the
    nearest single fixing to the period's average rate; for one month it is mid-month,
    and a year's figure takes the rate of early July rather than of 31 December.
    """
    if period is not None:
        (y0, m0), (y1, m1) = (tuple(int(x) for x in p.split("-")) for p in period)
        first = dt.date(y0, m0, 1)
        last = dt.date(y1, m1, calendar.monthrange(y1, m1)[1])
        return first + (last - first) / 2
    return parse_published(published)


@dataclass(frozen=True, slots=True)
class _Usd:
    value: float | None
    rate: float | None = None
    date: str | None = None
    source: str | None = None
    note: str | None = None


def _value_usd(d: _Draft, day: dt.date | None, warnings: list[str]) -> _Usd:
    """The USD value at the official (ECB) rate of ``day``, with the rate, its date and
    source; null with a note where no official rate covers the currency and day. A
    bracketed USD conversion in the text only checks the reading: far from the rate, it
    is warned about."""
    mm = d.match
    label = f"money {mm.value:g} {d.currency or '?'}"
    if d.currency is None:
        return _Usd(None, note="currency unknown")
    if d.currency == "USD":
        return _Usd(mm.value, 1.0, day.isoformat() if day else None, USD_SOURCE)
    if day is None:
        note = "no period or publication date to take a rate for"
        warnings.append(f"{label}: {note}, value_usd null")
        return _Usd(None, note=note)
    found = usd_rate(d.currency, day)
    if found.rate is None:
        warnings.append(f"{label}: {found.note}, value_usd null")
        return _Usd(None, note=found.note)
    by_rate = mm.value * found.rate
    if mm.conversion is not None and currency_lexicon().resolve(mm.conversion[1]) == "USD":
        stated = mm.conversion[0]
        if by_rate and not 1 / _CONVERSION_SLACK <= stated / by_rate <= _CONVERSION_SLACK:
            warnings.append(
                f"{label}: bracketed ${stated:g} is far from the {found.date} rate "
                f"(${by_rate:g}); kept the rate"
            )
    return _Usd(by_rate, found.rate, found.date, found.source)


def _amount(d: _Draft, published: str | None, warnings: list[str]) -> Amount | None:
    mm = d.match
    usd = _value_usd(d, rate_day(d.period, published), warnings)
    if not plausible(usd.value, MAX_USD):  # stored values are finite and plausible
        warnings.append(f"money {d.span.text[:60]!r}: implausible US-dollar value, skipped")
        return None
    return Amount(
        value=round(mm.value, 2),
        currency=d.currency,
        value_usd=round(usd.value, 2) if usd.value is not None else None,
        kind=d.kind,
        from_=d.from_,
        to=d.to,
        what=d.what,
        period=d.period,
        span=(mm.start, mm.end),
        extractor=EXTRACTOR,
        measure=d.measure,
        level_type=d.level_type,
        usd_rate=usd.rate,
        usd_rate_date=usd.date,
        usd_source=usd.source,
        usd_note=usd.note,
    )


def _drop_headline_repeats(drafts: list[_Draft], doc: Doc) -> list[_Draft]:
    """A figure in the first line (the headline) that the body repeats is the same fact;
    the body's full sentence gives the better reading, so the headline copy goes. A
    headline rounds ("$28bn" for the body's "$28.3bn"): within 5 % is a repeat."""
    first_line_end = doc_text(doc).find("\n")
    if first_line_end < 0:
        return drafts
    body = [(d.match.value, d.currency) for d in drafts if d.match.start > first_line_end]

    def repeated(d: _Draft) -> bool:
        v = d.match.value
        return any(c == d.currency and abs(b - v) <= 0.05 * abs(b) for b, c in body)

    return [d for d in drafts if d.match.start > first_line_end or not repeated(d)]


def _compatible(a: Amount, b: Amount) -> bool:
    if (a.value, a.currency, a.kind, a.measure) != (b.value, b.currency, b.kind, b.measure):
        return False
    if a.what and b.what and a.what.lower() != b.what.lower():
        return False  # "fees of up to £35,000" and a salary band's £35,000: two facts
    if a.kind == "other" and not (a.from_ or a.to or b.from_ or b.to) and not a.what:
        return False  # a band or a price said again of something else: a figure of its own
    if a.kind == "trade_total" and a.from_ and a.to and b.from_ and b.to:
        return {a.from_, a.to} == {b.from_, b.to}
    return all(x is None or y is None or x == y for x, y in ((a.from_, b.from_), (a.to, b.to)))


def _merge(amounts: list[Amount]) -> list[Amount]:
    """One amount per fact: a figure repeated (headline and body) with the same kind and
    no conflicting direction is one flow; the first mention keeps the span."""
    out: list[Amount] = []
    # places in out by figure (only the same value, currency and kind can be compatible),
    # then by direction: a figure repeated many times with other directions is not
    # compared with each of them
    same_figure: dict[tuple[float, str | None, str], dict[tuple[str | None, str | None], list[int]]]
    same_figure = {}
    for a in amounts:
        by_direction = same_figure.setdefault((a.value, a.currency, a.kind), {})
        for k in _candidates(a, by_direction):
            b = out[k]
            if _compatible(a, b):
                merged = replace(
                    b, from_=b.from_ or a.from_, to=b.to or a.to, what=b.what or a.what
                )
                if b.period is None and a.period is not None:  # the rate follows the period
                    merged = replace(
                        merged,
                        period=a.period,
                        value_usd=a.value_usd,
                        usd_rate=a.usd_rate,
                        usd_rate_date=a.usd_rate_date,
                        usd_source=a.usd_source,
                        usd_note=a.usd_note,
                    )
                out[k] = merged
                break
        else:
            by_direction.setdefault((a.from_, a.to), []).append(len(out))
            out.append(a)
    return out


def _candidates(
    a: Amount, by_direction: dict[tuple[str | None, str | None], list[int]]
) -> list[int]:
    """Places of the kept amounts whose direction can match ``a``'s, in order: a side
    left open (None) on either one matches anything (see ``_compatible``)."""
    if a.from_ is None or a.to is None:
        keys = list(by_direction)
    else:
        keys = [(f, t) for f in (a.from_, None) for t in (a.to, None)]
        if a.kind == "trade_total":
            keys.append((a.to, a.from_))
    return sorted(k for key in keys for k in by_direction.get(key, ()))
