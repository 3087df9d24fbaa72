"""Which outlets a text credits for its content or images ("according to RT",
"told Reuters", "(AFP) -", "Image: SPUTNIK", a "Reuter" sign-off).

Names come from the media lexicon, plus names the text itself calls a news outlet in
an apposition ("Kalemba, a local news site, reported"). A credit needs a credit
context; a bare mention of an outlet in the story, or any mention in a teaser, is none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from accord.clean.boilerplate import Verdict, signoff_name, signoff_shape
from accord.vocab.boilerplate import boilerplate_cues
from accord.vocab.media import normalise_outlet, outlet_pattern

_NAME = r"[A-Z][\w&-]*(?:\.[\w-]+)*(?:\s+(?:[A-Z][\w&-]*(?:\.[\w-]+)*|of|&))*"
_ADJ = (
    r"(?:(?:[A-Z][a-z]+(?:-[a-z]+)?|state|state-run|state-owned|official|local|independent"
    r"|private|online|news|agency|broadcaster|newspaper|daily|weekly|channel|television"
    r"|TV|radio|wire|service|website|site|magazine|outlet)\s+){0,4}?"
)
# Dropped units whose text can still credit an outlet: credit lines and their captions.
CREDIT_LINES = {"photo_credit", "caption", "wire sign-off", "share"}
KEPT = {"article", "title", "heading"}
_NOT_NAME_BEFORE = re.compile(r"(?<![.!?\"“”])\b(?!The\b|A\b|An\b)[A-Z][a-z]+\s$")


_TAIL = 300  # characters before a match that a pattern anchored at its end may read


def _tail(text: str, end: int) -> str:
    """The text just before ``end``: a pattern anchored at the end ('...\\s$') matches
    within it, and searching the whole prefix per match is quadratic in a long line."""
    return text[max(0, end - _TAIL) : end]


@dataclass(frozen=True, slots=True)
class Credit:
    """One credit: the normalised outlet name and how the text gave it."""

    name: str
    kind: str  # signoff | dateline | line | according | verb | interview | possessive | by
    described: bool = False  # the text calls it "the X newspaper", "news agency X", ...


@cache
def _alternation(extra: tuple[str, ...]) -> str:
    base = outlet_pattern()
    if not extra:
        return base
    names = "|".join(re.escape(n) for n in sorted(extra, key=len, reverse=True))
    return rf"(?:{base}|(?<![\w&-])(?:{names})(?![\w&]))"


@cache
def _patterns(extra: tuple[str, ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    cues = boilerplate_cues()
    o = rf"(?P<o>{_alternation(extra)})"
    verbs = "|".join(re.escape(v) for v in sorted(cues.credit_verbs, key=len, reverse=True))
    told = "|".join(re.escape(v) for v in sorted(cues.interview_cues, key=len, reverse=True))
    nouns = "|".join(re.escape(n) for n in sorted(cues.media_nouns, key=len, reverse=True))
    return tuple(
        (kind, re.compile(rx))
        for kind, rx in (
            ("dateline", rf"\({o}\)\s*[-–—]"),
            (
                "according",
                rf"\b[Aa]ccording to (?:an? |the )?(?:(?:report|reports|article|story|"
                rf"interview|survey|data|figures|poll)s? (?:by|in|from|on|with|of) )?"
                rf"(?:the )?{_ADJ}{o}",
            ),
            ("interview", rf"\b(?i:{told})\s+(?:the\s+)?{_ADJ}{o}"),
            (
                "by",
                rf"\b(?:reported|quoted|cited|published|broadcast|obtained|seen|interviewed|"
                rf"republished|aired|released)\s+(?:here\s+)?(?:by|from|in|on)\s+(?:the\s+)?{o}",
            ),
            ("verb", rf"{o},\s+which\b[^.]{{0,80}}?\b(?:{verbs})\b"),
            (
                "verb",
                rf"{o}(?:['’]s?\s+[A-Z]\w*(?:\s+[A-Z]\w*)*)?(?:\s+(?:{nouns}))?"
                rf"(?:\s*,\s*[^,.;]{{1,80}}?,)?"
                rf"\s+(?:has\s+|had\s+|have\s+|also\s+)?(?:{verbs})\b",
            ),
            (
                "possessive",
                rf"{o}['’]s?\s+(?:[\w-]+\s+)?(?:correspondent|reporter|journalist|editor|"
                rf"bureau|report|reporting|investigation|analysis|interview|sources?)\b",
            ),
            ("via", rf"\bvia\s+(?:the\s+)?{o}\b"),
        )
    )


@cache
def _media_noun() -> re.Pattern[str]:
    nouns = "|".join(
        re.escape(n) for n in sorted(boilerplate_cues().media_nouns, key=len, reverse=True)
    )
    return re.compile(rf"\b(?:{nouns})\b")


def _is_described(text: str, match: re.Match[str]) -> bool:
    """Whether the words around a credited name describe it as an outlet."""
    lead = text[match.start() : match.start("o")]
    trail = text[match.end("o") : match.end("o") + 40]
    trail = re.sub(r"^['’]s?\s+", " ", trail)
    return bool(_media_noun().search(lead)) or bool(
        re.match(r"\s*,?\s*(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}?" + _media_noun().pattern, trail)
    )


@cache
def _apposition() -> tuple[re.Pattern[str], re.Pattern[str]]:
    nouns = "|".join(
        re.escape(n) for n in sorted(boilerplate_cues().media_nouns, key=len, reverse=True)
    )
    after = re.compile(
        rf"(?P<name>{_NAME}),\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?(?:{nouns})\b(?!\s+[a-z])"
    )
    before = re.compile(rf"\b(?:{nouns})\s+(?P<name>{_NAME})")
    return after, before


@cache
def _ends_with_outlet() -> re.Pattern[str]:
    return re.compile(rf"{outlet_pattern()}\s+$")


def local_outlets(texts: Iterable[str]) -> tuple[str, ...]:
    """Names the text presents as news outlets but the lexicon does not know."""
    after, before = _apposition()
    found: list[str] = []
    for text in texts:
        for rx in (after, before):
            for m in rx.finditer(text):
                if rx is before and _ends_with_outlet().search(_tail(text, m.start())):
                    continue  # "the Associated Press news agency Contrack's ...": not a name
                name = m["name"].rstrip(".")
                if name.split()[0] in {"The", "A", "An"}:
                    name = name.split(" ", 1)[1] if " " in name else ""
                if len(name) >= 3 and normalise_outlet(name) is None and name not in found:
                    found.append(name)
    return tuple(found)


def _normalise(name: str) -> str:
    return normalise_outlet(name) or re.sub(r"^(?:the|The)\s+", "", name)


def find_credits(verdicts: list[Verdict]) -> list[Credit]:
    """Every credit in the article and in its credit lines, in text order."""
    scanned = [v for v in verdicts if (v.keep and v.why in KEPT) or v.why in CREDIT_LINES]
    extra = local_outlets(v.unit.text for v in scanned if v.keep)
    anywhere = re.compile(_alternation(extra))
    credits: list[Credit] = []
    for v in scanned:
        text = v.unit.text
        if v.why == "wire sign-off":
            credits.append(Credit(signoff_name(text) or signoff_shape(text) or "", "signoff"))
            continue
        if v.why in {"photo_credit", "caption"}:
            credits.extend(Credit(_normalise(m[0]), "line") for m in anywhere.finditer(text))
            continue
        if not anywhere.search(text):
            continue  # every credit pattern needs an outlet name: one scan rules all out
        for kind, rx in _patterns(extra):
            for m in rx.finditer(text):
                if kind == "verb" and _NOT_NAME_BEFORE.search(_tail(text, m.start("o"))):
                    continue  # "Michael Bloomberg said": a person, not the outlet
                credits.append(Credit(_normalise(m["o"]), kind, _is_described(text, m)))
    return credits


def credited_names(credits: list[Credit], outlet: str | None) -> tuple[str, ...]:
    """Distinct credited names in first-seen order.

    The page's own outlet is not a source it credits ("told VOA" in a VOA story), except
    where a wire credit line names it (a Reuters story signed "Reuter").
    """
    names: list[str] = []
    for c in credits:
        if c.name == outlet and c.kind not in {"signoff", "dateline"}:
            continue
        if c.name and c.name not in names:
            names.append(c.name)
    return tuple(names)
