"""The line classifier: which units of a scraped page are article and which are furniture.

Cues come from the lexicon (vocab/data/boilerplate_cues.json); the rest is line shape:
length, ending punctuation, markup, and position (after a "Related posts" heading, in
a block with a photo credit, right after a caption marker, the last line of wire copy).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from accord.clean.lines import Unit, sentence_shaped
from accord.vocab.boilerplate import BoilerplateCues, boilerplate_cues
from accord.vocab.media import lookup_outlet_any_case, outlet_pattern

# Groups of lexicon patterns that only fire on short lines (a real sentence may start so).
_SHORT_ONLY = {"byline", "dateline", "share", "video", "photo_credit", "copyright"}
_SHORT_WORDS = 16
_MAX_WORDS = 40
_TRIM = " \t.:…|>»-–—•*#"

_TAG = re.compile(r"</?[a-zA-Z][\w:-]*(?:\s[^<>]*)?/?>|<!--.*?-->")
_KRAMDOWN = re.compile(r"^\{:\s*[^}]*\}$")
_KRAMDOWN_CLASS = re.compile(r"\.([\w-]+)")
_RULE = re.compile(r"^[-=_*#~•·|+]{3,}$")
_MD_LINK_ONLY = re.compile(r"^(?:!?\[[^\]]*\]\([^)]*\)\s*[|•·,]?\s*)+$")
_URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$")
_MD_HEADING = re.compile(r"^(#{1,6})\s*(?P<inner>.*?)\s*#*$")
_BYLINE = re.compile(
    r"^(?:by|BY|By)\s+[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|al|bin))"
    r"{0,3}(?:\s*(?:,|\||/|and|&|–|-|—)\s*[A-Z][^.!?]{0,60})?$"
)
_ELLIPSIS_END = ("…", "...")
_SIGNOFF_TRIM = " \t-–—.…&#;0123456789()"


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the classifier decided for one unit; ``keep`` spans are raw (start, end)."""

    unit: Unit
    keep: bool
    why: str  # "article", "title", "heading" or the reason it was dropped
    spans: tuple[tuple[int, int], ...] = ()


def signoff_name(text: str) -> str | None:
    """The outlet a sign-off line names ('Reuter', 'REUTER', '- AFP'), else None."""
    name = text.strip(_SIGNOFF_TRIM)
    return lookup_outlet_any_case(name) if name and len(name.split()) <= 3 else None


@cache
def _credit_tail() -> re.Pattern[str]:
    """A caption that ends with its photo credit in brackets: '... (AFP)', '(Reuters/John Doe)'."""
    return re.compile(rf"\((?:[^()]*/\s*)?{outlet_pattern()}(?:\s*/[^()]*)?\)$")


def _trimmed(text: str) -> str:
    return text.strip(_TRIM).lower()


def _words(text: str) -> int:
    return len(text.split())


def _ends_open(text: str) -> bool:
    return not re.search(r"[.!?\"”’')\]]$", text) or text.endswith(_ELLIPSIS_END)


def _pattern_reason(text: str, cues: BoilerplateCues) -> str | None:
    words = _words(text)
    if words > _MAX_WORDS:
        return None
    for why, rx in cues.patterns:
        if why in _SHORT_ONLY and words > _SHORT_WORDS:
            continue
        if rx.match(text):
            return why
    return None


def _is_photo_credit_shape(text: str, cues: BoilerplateCues) -> bool:
    """'Jane Doe/Pexels', 'Photo: X / Reuters', 'Getty Images' alone: short, no sentence end."""
    if _words(text) > 10 or (not _ends_open(text) and not text.endswith(")")):
        return False
    hosts = "|".join(re.escape(h) for h in sorted(cues.image_hosts, key=len, reverse=True))
    if re.search(rf"(?:/|\|)\s*(?:{hosts})\b", text) or re.fullmatch(rf"(?:{hosts})", text):
        return True
    return bool(re.search(rf"/\s*{outlet_pattern()}\s*$", text))


def _markup_class(text: str) -> str | None:
    match = _KRAMDOWN.match(text)
    if not match:
        return None
    classes = _KRAMDOWN_CLASS.findall(text)
    return " ".join(classes) or "markup"


def _is_markup(text: str) -> bool:
    return bool(
        (text.startswith("<") and not _TAG.sub("", text).strip())
        or _KRAMDOWN.match(text)
        or _RULE.match(text)
        or _MD_LINK_ONLY.match(text)
        or _URL_ONLY.match(text)
    )


def _teaser_link(text: str) -> bool:
    """'Headline words-RT News' / 'Headline | Outlet': a link to another story."""
    if not _ends_open(text) or _words(text) > 25:
        return False
    return bool(re.search(rf"(?:\S-|\s[-–—|]\s*){outlet_pattern()}$", text))


def _words_key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _marked_unit_goes(kind: str, unit: Unit, units: list[Unit]) -> bool:
    """A caption marker takes the short line after it; a pull-quote marker takes the
    line after it when that line repeats words of another paragraph (what a pull quote is)."""
    if kind == "caption":
        return _words(unit.text) <= 60
    key = _words_key(unit.text)
    return bool(key) and any(
        key in _words_key(other.text) for other in units if other.index != unit.index
    )


def _is_label(text: str, before: list[Verdict]) -> bool:
    """'Exclusive News', 'Analysis': a short capitalised line on its own between finished
    paragraphs. A fragment inside a sentence ('an\\n\\nagent provocateur') is not one."""
    if _words(text) > 3 or not _ends_open(text) or re.search(r"\d", text):
        return False
    if not text[0].isupper():
        return False
    previous = next((v for v in reversed(before) if v.keep), None)
    return previous is None or previous.why != "article" or not _ends_open(previous.unit.text)


def classify(units: list[Unit], wrapped: bool = False) -> list[Verdict]:
    """A verdict for every unit, in order."""
    cues = boilerplate_cues()
    verdicts: list[Verdict] = []
    in_zone = False
    pending: str | None = None  # "caption" or "pullquote" after a markup marker
    tail = len(units) - 2  # a wire sign-off is the last line, perhaps before "More"

    for unit in units:
        text = unit.text
        low = _trimmed(text)
        spans = tuple((line.start, line.end) for line in unit.lines)

        def drop(why: str, unit: Unit = unit) -> None:
            verdicts.append(Verdict(unit, False, why))

        if _is_markup(text):
            cls = _markup_class(text) or ""
            if any(c in cls for c in cues.caption_classes):
                pending = "caption"
            elif any(c in cls for c in cues.pullquote_classes):
                pending = "pullquote"
            drop("markup")
            continue
        if pending and _marked_unit_goes(pending, unit, units):
            drop(pending)
            pending = None
            continue
        pending = None
        if unit.index == 0:
            verdicts.append(Verdict(unit, True, "title", spans))
            continue
        heading = _MD_HEADING.match(text) if text.startswith("#") else None
        if heading and heading["inner"] and len(unit.lines) == 1:
            inner = heading["inner"].strip(" \u200b")
            if _trimmed(inner) in cues.nav_lines or not inner:
                drop("navigation")
                continue
            start = unit.start + text.index(inner)
            verdicts.append(Verdict(unit, True, "heading", ((start, start + len(inner)),)))
            in_zone = False
            continue
        if low in cues.nav_lines or not low:
            in_zone = in_zone or low in cues.zone_starts
            drop("navigation")
            continue
        if unit.index >= tail and signoff_name(text):
            drop("wire sign-off")
            continue
        why = _pattern_reason(text, cues)
        if why:
            drop(why)
            continue
        if _is_photo_credit_shape(text, cues):
            drop("photo_credit")
            continue
        if _words(text) <= 8 and _BYLINE.match(text):
            drop("byline")
            continue
        if in_zone:
            if sentence_shaped(text) and _words(text) >= 12:
                in_zone = False
            else:
                drop("teaser")
                continue
        if _teaser_link(text):
            drop("teaser")
            continue
        if _is_label(text, verdicts):
            drop("label")
            continue
        verdicts.append(Verdict(unit, True, "article", spans))
    return _drop_captions(verdicts)


def _drop_captions(verdicts: list[Verdict]) -> list[Verdict]:
    """Short lines that share a block with a photo credit, or end in one, are captions."""
    credit_blocks = {v.unit.block for v in verdicts if v.why == "photo_credit"}
    out: list[Verdict] = []
    for v in verdicts:
        text = v.unit.text
        if v.keep and v.why == "article" and _words(text) <= 60:
            in_credit_block = v.unit.block in credit_blocks and len(v.unit.lines) == 1
            if in_credit_block or _credit_tail().search(text):
                v = Verdict(v.unit, False, "caption")
        out.append(v)
    return out
