"""Per-Doc memos that keep extraction linear in the document's length.

``doc_text``: ``Doc.text`` joins every token on each access; read it once per Doc.

``tokens``: the Doc's Token objects, made once (spaCy makes a new one per access).

``walk_up``: walks up the dependency tree, memoised per Doc.

A list of thousands of conjoined names parses as a chain thousands of heads deep; a
walk from every mention to its clause's verb is then quadratic in the sentence. Every
token on a walked path shares the walk's answer, so each path is walked once and its
answer is cached (in ``Doc.user_data``, as token indices) for every token on it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span, Token

_NONE = -1


def _memo(doc: Doc, key: str) -> dict[int, int]:
    cache = doc.user_data.get(key)
    if not isinstance(cache, dict):
        cache = doc.user_data[key] = {}
    return cache


def doc_text(doc: Doc) -> str:
    """The Doc's text, joined once and kept in ``Doc.user_data``."""
    if not len(doc):
        return ""
    text = doc.user_data.get("accord_text")
    if not isinstance(text, str) or len(text) != doc[-1].idx + len(doc[-1].text_with_ws):
        text = doc.user_data["accord_text"] = doc.text
    return text


def walk_up(
    token: Token, key: str, stop: Callable[[Token], bool], hit: Callable[[Token], bool]
) -> Token | None:
    """The first token from ``token`` upwards (itself included) for which ``hit`` holds,
    or None when the root or a token for which ``stop`` holds comes first (``stop`` is
    tested before ``hit``). ``key`` names the cache; one key, one pair of rules."""
    memo = _memo(token.doc, key)
    path: list[int] = []
    cur = token
    while True:
        known = memo.get(cur.i)
        if known is not None:
            result = known
            break
        if stop(cur):
            result = _NONE
            break
        if hit(cur):
            result = cur.i
            break
        path.append(cur.i)
        if cur.head.i == cur.i:
            result = _NONE
            break
        cur = cur.head
    memo[cur.i] = result
    for i in path:
        memo[i] = result
    return tokens(token.doc)[result] if result != _NONE else None


def sentence_starts(doc: Doc) -> list[int]:
    """The start token of every sentence, in order (``Doc.sents`` walks every token)."""
    starts = doc.user_data.get("accord_sentence_starts")
    if not isinstance(starts, list):
        starts = doc.user_data["accord_sentence_starts"] = [s.start for s in doc.sents]
    return starts


def sentences(doc: Doc) -> list[Span]:
    """Every sentence of the Doc, from ``sentence_starts``."""
    starts = sentence_starts(doc)
    ends = [*starts[1:], len(doc)]
    return [doc[a:b] for a, b in zip(starts, ends, strict=True)]


class Entities:
    """``Doc.ents`` (rebuilt by spaCy on every access) read once, with bisection by
    token: entities are sorted and disjoint."""

    def __init__(self, doc: Doc) -> None:
        self.ents = doc.ents
        self.starts = [e.start for e in self.ents]
        self.ends = [e.end for e in self.ents]

    def at(self, i: int) -> Span | None:
        """The entity holding token ``i``, if any."""
        n = bisect_right(self.starts, i) - 1
        return self.ents[n] if n >= 0 and i < self.ends[n] else None

    def overlapping(self, start: int, end: int) -> Sequence[Span]:
        """Entities with a token in ``[start, end)``, in order."""
        return self.ents[bisect_right(self.ends, start) : bisect_left(self.starts, end)]

    def within(self, start: int, end: int) -> list[Span]:
        """Entities wholly inside ``[start, end)`` (``Span.ents``), in order."""
        return [e for e in self.overlapping(start, end) if start <= e.start and e.end <= end]


_ENTITIES: dict[int, tuple[Doc, Entities]] = {}


def entities(doc: Doc) -> Entities:
    """The Doc's entities, kept for the last Doc asked about (one Doc is extracted at a
    time; Spans cannot go into ``Doc.user_data``, which spaCy serialises)."""
    kept = _ENTITIES.get(0)
    if kept is None or kept[0] is not doc:
        kept = _ENTITIES[0] = (doc, Entities(doc))
    return kept[1]


_TOKENS: dict[int, tuple[Doc, list[Token]]] = {}


def tokens(doc: Doc) -> list[Token]:
    """Every token of the Doc as one list, kept for the last Doc asked about: iterating
    or indexing a Doc makes a new Token object each time, and the extractors read the
    whole Doc a dozen times."""
    kept = _TOKENS.get(0)
    if kept is None or kept[0] is not doc or len(kept[1]) != len(doc):
        kept = _TOKENS[0] = (doc, list(doc))
    return kept[1]


_PHRASE_LIMIT = 256  # tokens: a longer phrase is a list, read only near its head
_PHRASE_WINDOW = 32


def wide(token: Token) -> bool:
    """Is the token's phrase wider than ``_PHRASE_LIMIT`` tokens?"""
    return token.right_edge.i - token.left_edge.i >= _PHRASE_LIMIT


def bounded_subtree(token: Token) -> list[Token]:
    """``token.subtree``, except that a phrase over ``_PHRASE_LIMIT`` tokens wide (a list
    of thousands of names, which would make a walk per member quadratic) gives only its
    tokens within ``_PHRASE_WINDOW`` of the token (a projective parse's subtree is the
    contiguous range between its edges)."""
    lo, hi = token.left_edge.i, token.right_edge.i + 1
    if hi - lo <= _PHRASE_LIMIT:
        return list(token.subtree)
    return list(token.doc[max(lo, token.i - _PHRASE_WINDOW) : min(hi, token.i + _PHRASE_WINDOW)])


def _children_table(doc: Doc) -> dict[int, list[int]]:
    table = doc.user_data.get("accord_children")
    if not isinstance(table, dict):
        table = {}
        for tok in tokens(doc):  # in text order, so each list is sorted
            if tok.head.i != tok.i:
                table.setdefault(tok.head.i, []).append(tok.i)
        doc.user_data["accord_children"] = table
    return table


def children(token: Token) -> list[Token]:
    """``token.children``, from a per-Doc table: spaCy finds a token's children by
    scanning its whole subtree, so asking once per list member is quadratic."""
    doc = token.doc
    toks = tokens(doc)
    return [toks[i] for i in _children_table(doc).get(token.i, ())]


CHILD_REACH = 64
"""Tokens either side of a position within which children_near looks: a clause is far
shorter, and the root of a 3,000-item list has 3,000 children."""


def children_near(token: Token, at: int, reach: int = CHILD_REACH) -> list[Token]:
    """The children of ``token`` within ``reach`` tokens of position ``at``, by bisection
    (so a walk from each of many list items up to one root stays linear)."""
    doc = token.doc
    ids = _children_table(doc).get(token.i, [])
    lo, hi = bisect_left(ids, at - reach), bisect_right(ids, at + reach)
    toks = tokens(doc)
    return [toks[i] for i in ids[lo:hi]]


def sentence_of(token_or_span: Token | Span) -> Span:
    """The sentence holding a token (or a span's first token), by bisection:
    ``Token.sent`` and ``Span.sent`` scan the sentence's tokens on every access."""
    doc = token_or_span.doc
    i = token_or_span.i if isinstance(token_or_span, Token) else token_or_span.start
    starts = sentence_starts(doc)
    n = bisect_right(starts, i) - 1
    return doc[starts[n] : starts[n + 1] if n + 1 < len(starts) else len(doc)]


def sentence_root(token: Token) -> Token:
    """The root of the token's sentence (``Span.root`` reads the whole sentence),
    found once per sentence."""
    doc = token.doc
    sent = sentence_of(token)
    roots = doc.user_data.get("accord_sentence_roots")
    if not isinstance(roots, dict):
        roots = doc.user_data["accord_sentence_roots"] = {}
    if sent.start not in roots:
        roots[sent.start] = sent.root.i
    root: Token = doc[int(roots[sent.start])]
    return root
