"""Raw text -> lines with their raw offsets, grouped into units (paragraphs).

Most scraped pages put one paragraph on a line. Wire copy (Reuters of the 1980s,
many agency feeds) is hard-wrapped at ~70 characters with indented paragraph starts;
there a unit is the run of lines from one indented line to the next.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median

_SPACE = " \t\r\f\v\u00a0\u200b\ufeff\u2028\u2029"
_SENTENCE_END = re.compile(r"[.!?:;\"”’')\]]$")


@dataclass(frozen=True, slots=True)
class Line:
    """One raw line: offsets of its text without surrounding spaces, and the text."""

    start: int
    end: int
    text: str
    indented: bool
    number: int  # 0-based line number in the raw text


@dataclass(frozen=True, slots=True)
class Unit:
    """A paragraph: one or more lines read together; ``block`` counts blank-line groups."""

    lines: tuple[Line, ...]
    block: int
    index: int

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end


def split_lines(raw: str) -> list[Line | None]:
    """Every raw line, or None for a blank one, with offsets into ``raw``."""
    out: list[Line | None] = []
    pos = 0
    for number, chunk in enumerate(raw.split("\n")):
        left = len(chunk) - len(chunk.lstrip(_SPACE))
        right = len(chunk.rstrip(_SPACE))
        if right <= left:
            out.append(None)
        else:
            out.append(Line(pos + left, pos + right, chunk[left:right], left > 0, number))
        pos += len(chunk) + 1
    return out


def is_hard_wrapped(lines: list[Line | None]) -> bool:
    """Whether the text is wrapped at a fixed width (most lines ~50-80 chars, few ends)."""
    body = [line for line in lines[1:] if line is not None]
    if len(body) < 3:
        return False
    lengths = [len(line.text) for line in body]
    open_ended = sum(1 for line in body if not _SENTENCE_END.search(line.text))
    return max(lengths) <= 100 and 45 <= median(lengths) <= 85 and open_ended >= 0.4 * len(body)


def split_units(raw: str) -> tuple[list[Unit], bool]:
    """Units of the raw text in order, and whether the text was hard-wrapped."""
    lines = split_lines(raw)
    wrapped = is_hard_wrapped(lines)
    units: list[Unit] = []
    current: list[Line] = []
    block = 0

    def flush() -> None:
        if current:
            units.append(Unit(tuple(current), block, len(units)))
            current.clear()

    for line in lines:
        if line is None:
            flush()
            block += 1
            continue
        # In wrapped text the headline (first unit) stands alone even without indentation.
        starts_paragraph = (not wrapped) or line.indented or len(units) == 0
        if starts_paragraph:
            flush()
        current.append(line)
    flush()
    return units, wrapped


def sentence_shaped(text: str) -> bool:
    """Ends like a sentence (not an ellipsis) and is long enough to be one."""
    return (
        bool(_SENTENCE_END.search(text))
        and not text.endswith(("…", "..."))
        and len(text.split()) >= 8
    )
