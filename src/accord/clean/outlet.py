"""The outlet a page belongs to, from what the page itself shows.

Page furniture names the publisher: a newsletter prompt ("Sign up for Africa
Monitor's Weekly Digest"), a video prompt ("videos from the Courier"), a copyright line,
a wire sign-off. Failing those, an outlet the story's people talk to more than once
("told VOA", "in a written response to VOA") is the one doing the reporting.
"""

from __future__ import annotations

import re
from collections import Counter

from accord.clean.boilerplate import Verdict
from accord.clean.credits import Credit
from accord.vocab.media import normalise_outlet

_NAME = r"[A-Z][\w&-]*(?:\.[\w-]+)*(?:\s+(?:[A-Z][\w&-]*(?:\.[\w-]+)*|&))*"
_NEWSLETTER = re.compile(
    rf"\b(?i:sign up|subscribe|register)\s+(?i:for|to)\s+(?:(?i:the)\s+)?"
    rf"(?P<name>{_NAME})['’]s\s"
)
_FROM = re.compile(
    rf"\b(?i:videos?|stories|news|podcasts?|photos|galleries|more)\s+(?i:from)\s+"
    rf"(?P<the>(?i:the)\s+)?(?P<name>{_NAME})"
)
_COPYRIGHT = re.compile(
    rf"(?:©|\((?i:c)\)|(?i:copyright))\s*(?:©\s*)?(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?\s*,?\s*)?"
    rf"(?P<the>(?i:the)\s+)?(?P<name>{_NAME})"
)
_RIGHTS = re.compile(
    rf"(?P<the>(?i:the)\s+)?(?P<name>{_NAME})\.?\s*(?:(?:©|\((?i:c)\))\s*)?(?:\d{{4}}\s*)?[.,|]?\s*"
    rf"(?i:all rights reserved)"
)
# Inbox prompts name the publisher: "Get the Accra Herald evening briefing in your inbox".
_BRIEFING = re.compile(
    rf"\b(?i:get|receive|sign up for|subscribe to)\s+(?:(?i:the)\s+)?(?P<name>{_NAME})\s+"
    rf"(?i:(?:morning|evening|daily|weekly|weekend|free|business|breaking)\s+)*"
    rf"(?i:briefing|newsletter|digest|bulletin|roundup|headlines|update)s?\b"
)
# Company forms a copyright line adds to the outlet's name.
_COMPANY = re.compile(r"(?:,?\s+(?:Ltd|Limited|Inc|LLC|PLC|Plc|Pty|Co|S\.A|GmbH)\.?)+$")
_FURNITURE = {"newsletter", "video", "navigation", "read_more", "copyright", "teaser", "share"}


def _name(match: re.Match[str]) -> str | None:
    name = _COMPANY.sub("", match["name"].rstrip(".").strip()).strip()
    if not name or not name[0].isupper():
        return None
    the = "the" in match.groupdict() and match["the"]
    known = normalise_outlet(name)
    if known:
        return known
    return f"The {name}" if the else name


def _first_name(rx: re.Pattern[str], text: str) -> str | None:
    """The first usable name a signal pattern captures in a line."""
    for m in rx.finditer(text):
        name = _name(m)
        if name and name not in {"All", "Our", "The"}:
            return name
    return None


def detect_outlet(verdicts: list[Verdict], credits: list[Credit]) -> str | None:
    """The page's outlet, or None when the text does not show it."""
    furniture = [v.unit.text for v in verdicts if not v.keep and v.why in _FURNITURE]
    for rx in (_NEWSLETTER, _BRIEFING, _COPYRIGHT, _RIGHTS, _FROM):
        for text in furniture:
            name = _first_name(rx, text)
            if name:
                return name
    for c in credits:
        if c.kind == "signoff":
            return c.name
    # A page does not describe itself ("told the Kommersant newspaper" is someone else's).
    described = {c.name for c in credits if c.described}
    interviews = Counter(
        c.name for c in credits if c.kind == "interview" and c.name not in described
    )
    ranked = interviews.most_common(2)
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]):
        return ranked[0][0]
    return _masthead(verdicts)


def _masthead(verdicts: list[Verdict]) -> str | None:
    """The name standing above the headline ('Lagos Ledger'), the weakest signal."""
    for v in verdicts:
        if v.why == "masthead":
            words = v.unit.text.split()
            named = all(w[:1].isupper() or w == "&" for w in words)
            if len(words) <= 4 and named and not any(c.isdigit() for c in v.unit.text):
                return normalise_outlet(v.unit.text) or v.unit.text
    return None
