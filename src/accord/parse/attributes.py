"""The model's attribute rules (tag -> POS and morphology, lemma exceptions), applied
from a table instead of spaCy's Matcher.

spaCy's ``attribute_ruler`` runs a Matcher over every token of every document, which is
about an eighth of en_core_web_sm's time, although nearly all of its patterns look at
one token's tag, lower form, dependency label and whether it is a space. The result for
a token depends only on those four values, so it is computed once per combination and
cached; the few patterns that span two tokens still go through a Matcher of their own.
The outcome is the ruler's own: every rule matches against the token as the tagger and
parser left it, and where several rules match, the later one wins (as in
``AttributeRuler.match``). Models whose rules use anything else keep spaCy's ruler.
"""

from __future__ import annotations

import re
from typing import Any, cast

from spacy.attrs import DEP, IS_SPACE, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs  # the ruler's own setter
from spacy.vocab import Vocab

_KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")  # what a single-token rule may look at
_OPERATORS = {"IN", "NOT_IN", "REGEX"}

Rule = tuple[int, dict[Any, Any]]  # (the rule's position in the ruler, its attributes)
Outcome = tuple[int | None, int | None, tuple[Rule, ...] | None]  # POS, MORPH, the rest
_READ = [TAG, LOWER, DEP, IS_SPACE]  # what the rules read, in the cache key's order
_WRITE = [POS, MORPH]


def _compilable(token_pattern: dict[str, Any]) -> bool:
    for key, want in token_pattern.items():
        if key not in _KEYS:
            return False
        if isinstance(want, dict) and not set(want) <= _OPERATORS:
            return False
    return True


def _named(want: Any) -> list[str]:
    """The words a LOWER constraint names (to match them or to exclude them)."""
    if want is None:
        return []
    if not isinstance(want, dict):
        return [want]
    return [*want.get("IN", ()), *want.get("NOT_IN", ())]


def _regexes(want: Any) -> list[str]:
    return [want["REGEX"]] if isinstance(want, dict) and "REGEX" in want else []


def _holds(want: Any, value: str | bool | None) -> bool:
    """Does one constraint hold? ``None`` stands for any word that no rule names."""
    if value is None:
        return isinstance(want, dict) and set(want) == {"NOT_IN"}
    if not isinstance(want, dict):
        return bool(want == value)
    if "IN" in want and value not in want["IN"]:
        return False
    if "NOT_IN" in want and value in want["NOT_IN"]:
        return False
    return not ("REGEX" in want and not re.search(want["REGEX"], str(value)))


def _patterns(ruler: AttributeRuler) -> list[dict[str, Any]]:
    """The ruler's rules as its ``patterns`` property gives them (spaCy types them loosely)."""
    return cast(list[dict[str, Any]], ruler.patterns)


class TableAttributes:
    """Applies an AttributeRuler's rules with a cache keyed on the four values they read."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.vocab: Vocab = ruler.vocab
        self.single: list[tuple[int, list[dict[str, Any]]]] = []  # (rule, token patterns)
        self.multi = Matcher(self.vocab)
        self.rules: list[dict[Any, Any]] = list(ruler.attrs)
        self.indices: list[int] = list(ruler.indices)
        for position, entry in enumerate(_patterns(ruler)):
            alternatives = entry["patterns"]
            if all(len(p) == 1 for p in alternatives):
                self.single.append((position, [p[0] for p in alternatives]))
            else:
                self.multi.add(str(position), alternatives)
        # a word no rule names is one case: the cache holds a few hundred keys, not one
        # per word of the vocabulary
        self.named_lowers = {
            self.vocab.strings.add(word)
            for _, alternatives in self.single
            for p in alternatives
            for word in _named(p.get("LOWER"))
        }
        self.lower_regexes = [
            re.compile(r)
            for _, alternatives in self.single
            for p in alternatives
            for r in _regexes(p.get("LOWER"))
        ]
        self._folded: dict[int, int] = {}  # lower form -> itself, or 0 where no rule names it
        self._cache: dict[tuple[int, ...], tuple[Rule, ...]] = {}
        self._outcomes: dict[tuple[int, ...], Outcome] = {}

    @staticmethod
    def compilable(ruler: AttributeRuler) -> bool:
        """Can every single-token rule be read from the four cached values?"""
        return all(
            _compilable(p[0])
            for entry in _patterns(ruler)
            for p in entry["patterns"]
            if len(p) == 1
        )

    def _rules_for(self, key: tuple[int, ...]) -> tuple[Rule, ...]:
        strings = self.vocab.strings
        values = {
            "TAG": strings[key[0]] if key[0] else "",
            "LOWER": strings[key[1]] if key[1] else None,
            "DEP": strings[key[2]] if key[2] else "",
            "IS_SPACE": bool(key[3]),
        }
        return tuple(
            (position, self.rules[position])
            for position, alternatives in self.single
            if any(all(_holds(w, values[k]) for k, w in p.items()) for p in alternatives)
        )

    def _outcome(self, rules: tuple[Rule, ...], token: Any) -> Outcome:
        """Apply the rules to the token and remember what they made of it: its POS and
        morphology (written for later tokens from an array), and whether the rules set
        anything else (a lemma, a label), which is written token by token."""
        for _, attrs in rules:
            set_token_attrs(token, attrs)
        keys = {k for _, attrs in rules for k in attrs}
        return (
            token.pos if POS in keys else None,
            token.morph.key if MORPH in keys else None,
            rules if keys - {POS, MORPH} else None,
        )

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        extra: dict[int, list[Rule]] = {}
        if len(self.multi):
            for match_id, start, end in self.multi(doc, allow_missing=True):
                position = int(self.vocab.strings[match_id])
                target = range(start, end)[self.indices[position]]
                extra.setdefault(target, []).append((position, self.rules[position]))
        keys = doc.to_array(_READ).tolist()
        values = doc.to_array(_WRITE)
        outcomes = self._outcomes
        folded = self._folded
        for i, row in enumerate(keys):
            lower = folded.get(row[1])
            if lower is None:
                lower = folded[row[1]] = self._fold(row[1])
            row[1] = lower
            key = tuple(row)
            if i in extra:  # a two-token rule applies here: this token is its own case
                rules = tuple(sorted((*self._rules(key), *extra[i]), key=lambda r: r[0]))
                pos, morph, _ = self._outcome(rules, doc[i])
            elif (outcome := outcomes.get(key)) is None:
                pos, morph, _ = outcomes[key] = self._outcome(self._rules(key), doc[i])
            else:
                pos, morph, slow = outcome
                if slow is not None:
                    for _, attrs in slow:
                        set_token_attrs(doc[i], attrs)
            if pos is not None:
                values[i, 0] = pos
            if morph is not None:
                values[i, 1] = morph
        doc.from_array(_WRITE, cast(Any, values))
        return doc

    def _fold(self, lower: int) -> int:
        if lower in self.named_lowers:
            return lower
        word = self.vocab.strings[lower]
        return lower if any(r.search(word) for r in self.lower_regexes) else 0

    def _rules(self, key: tuple[int, ...]) -> tuple[Rule, ...]:
        rules = self._cache.get(key)
        if rules is None:
            rules = self._cache[key] = self._rules_for(key)
        return rules


@Language.factory("accord_attributes")
def make_table_attributes(nlp: Language, name: str) -> TableAttributes:
    """Built from the pipeline's ``attribute_ruler``, which it then replaces."""
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    return TableAttributes(ruler)


def use_table_attributes(nlp: Language) -> None:
    """Swap the model's attribute_ruler for the cached table where its rules allow."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler) or not TableAttributes.compilable(ruler):
        return
    nlp.add_pipe("accord_attributes", after="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
