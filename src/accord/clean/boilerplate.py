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
_MENU_SPLIT = re.compile(r"\s*[|•·]\s*|\s{2,}|\t")
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


def signoff_shape(text: str) -> str | None:
    """The name on the last line of wire copy ('Interpress', 'ANSA'): one or two
    capitalised words alone, with no figure and no sentence end; else None."""
    name = text.strip(_SIGNOFF_TRIM)
    if not name or _words(name) > 2 or re.search(r"[\d.!?,;:\"“”]", name):
        return None
    if _trimmed(name) in boilerplate_cues().nav_lines or name.lower() in {"more", "end"}:
        return None
    return name if all(w[0].isupper() for w in name.split()) else None


def _dateline_after_byline(text: str) -> bool:
    """'Harbour Post, Mombasa' / 'in Kampala' under a byline: a short unfinished line."""
    return _words(text) <= 6 and _ends_open(text) and not re.search(r"\d{3,}", text)


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


def _is_menu(text: str, cues: BoilerplateCues) -> bool:
    """'World | Africa | Business', 'Share on Facebook | WhatsApp': a row of short links.

    Three or more short segments, none ending a sentence; separated by bars or bullets,
    or by wide spaces where one segment is a known navigation word (wire tables use
    wide spaces too, but hold figures).
    """
    parts = [p for p in _MENU_SPLIT.split(text) if p]
    if len(parts) < 3 or any(_words(p) > 4 or re.search(r"[.!?,;:]$", p) for p in parts):
        return False
    if sum(bool(re.search(r"\d", p)) for p in parts) * 2 > len(parts):
        return False
    known = sum(_trimmed(p) in cues.nav_lines for p in parts)
    barred = bool(re.search(r"[|•·]", text))
    if known >= 1 and (barred or known * 2 >= len(parts)):
        return True
    return barred and all(p[0].isupper() for p in parts)


def _furniture_reason(text: str, cues: BoilerplateCues) -> str | None:
    """Why a unit is page furniture whatever its position, or None."""
    low = _trimmed(text)
    if low in cues.nav_lines or not low:
        return "navigation"
    if _is_menu(text, cues):
        return "navigation"
    return _pattern_reason(text, cues)


def _title_index(units: list[Unit], cues: BoilerplateCues) -> int:
    """Which leading unit is the headline.

    Pages open with furniture (skip links, the masthead, a section menu) before it: the
    headline is the first unit of 4+ words that is not furniture, among the units
    before the first paragraph; failing that (a short headline), the first unit that is
    not furniture.
    """
    first_free: int | None = None
    for unit in units[:8]:
        text = unit.text
        if _is_markup(text) or _furniture_reason(text, cues):
            continue
        if sentence_shaped(text) and _words(text) >= 12:
            return unit.index if first_free is None else first_free
        if first_free is None:
            first_free = unit.index
        if 4 <= _words(text) <= 40:
            return unit.index
    return first_free if first_free is not None else 0


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
    title_at = 0 if wrapped else _title_index(units, cues)

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
        if unit.index < title_at:
            drop(_furniture_reason(text, cues) or "masthead")
            continue
        if unit.index == title_at:
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
        if unit.index >= tail and (signoff_name(text) or (wrapped and signoff_shape(text))):
            drop("wire sign-off")
            continue
        if _is_menu(text, cues):
            drop("navigation")
            continue
        if verdicts and verdicts[-1].why == "byline" and _dateline_after_byline(text):
            drop("byline")
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


_CAPTION_WORDS = 20
_CAPTION_REACH = 2


def _beside_credit(verdicts: list[Verdict]) -> set[int]:
    """Positions of short one-line article units next to a photo credit in its block.

    A caption sits right above or below its credit; walking outward stops at the first
    unit that is long, in another block, or not article text, so a page without blank
    lines does not lose its paragraphs to one credit line.
    """
    found: set[int] = set()
    for i, v in enumerate(verdicts):
        if v.why not in {"photo_credit", "caption"}:
            continue
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(verdicts) and abs(j - i) <= _CAPTION_REACH:
                other = verdicts[j]
                if (
                    other.why != "article"
                    or other.unit.block != v.unit.block
                    or len(other.unit.lines) != 1
                    or _words(other.unit.text) > _CAPTION_WORDS
                ):
                    break
                found.add(j)
                j += step
    return found


def _drop_captions(verdicts: list[Verdict]) -> list[Verdict]:
    """Short lines beside a photo credit, or ending in one, are captions."""
    beside = _beside_credit(verdicts)
    out: list[Verdict] = []
    for i, v in enumerate(verdicts):
        text = v.unit.text
        short = v.keep and v.why == "article" and _words(text) <= 60
        if short and (i in beside or _credit_tail().search(text)):
            v = Verdict(v.unit, False, "caption")
        out.append(v)
    return out
