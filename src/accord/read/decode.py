"""Bytes -> text: refuse binary and empty input, detect the encoding, repair mojibake.

UTF-8 is tried first because almost every news text is UTF-8 and a strict decode
cannot be wrong; a file that is UTF-8 but for a few broken bytes (see _MAX_BAD_SHARE)
is read as UTF-8 with replacement characters and a warning; charset-normalizer guesses
the rest, and ftfy repairs text that was decoded with the wrong codec somewhere
upstream (â€™ for ’).
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import charset_normalizer
import ftfy

from accord.errors import ReadError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Controls that never occur in text; \t \n \r \f \v and ESC-free text pass.
_CONTROL = {c for c in range(32) if chr(c) not in "\t\n\r\f\v"} | {127}
_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,  # "&amp;" may be what the source says; HTML goes through trafilatura
    uncurl_quotes=False,  # curly quotes are data (quote extraction relies on them)
    fix_latin_ligatures=False,
    fix_character_width=False,
    normalization=None,  # keep the bytes the author wrote; hashing normalises on its own
    explain=False,
)


#: Invalid UTF-8 sequences, as a share of the bytes, up to which a file is read as UTF-8
#: with replacement characters rather than guessed to be in another encoding.
_MAX_BAD_SHARE = 0.01
_FEW_BAD = 4  # ... or up to this many, however short the file
#: The same where the file also holds valid multi-byte UTF-8 characters (at least as many
#: as the broken sequences): other encodings almost never produce those.
_MAX_BAD_SHARE_UTF8 = 0.05


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text and what was done to get it."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def _looks_binary(sample: bytes) -> bool:
    if b"\x00" in sample:
        return True
    bad = sum(1 for b in sample if b in _CONTROL)
    return bad > max(2, len(sample) // 100)


def decode_bytes(data: bytes) -> Decoded:
    """Decode a text file's bytes, or raise ReadError saying why it is not text."""
    if not data.strip():
        raise ReadError("empty file" if not data else "empty file (only whitespace)")
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    warnings: list[str] = []
    if encoding is None and _looks_binary(data[:8192]):
        raise ReadError("binary file (contains NUL or control bytes), not text")
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise ReadError(f"not valid {encoding} text despite its byte-order mark") from exc
    else:
        try:
            text = data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            text, bad = _utf8_replacing(data)
            wide = sum(1 for c in text if ord(c) > 127) - bad  # valid multi-byte characters
            if bad <= max(_FEW_BAD, len(data) * _MAX_BAD_SHARE) or (
                wide >= bad and bad <= len(data) * _MAX_BAD_SHARE_UTF8
            ):
                # nearly all of it is UTF-8: a few broken bytes (a bad copy, a cut
                # character) must not lose the article, nor turn it into another codec's
                # garbage (a guess from so few bytes is mostly wrong)
                warnings.append(f"{bad} invalid UTF-8 byte sequence(s) replaced with U+FFFD")
                return _finish(text, "utf-8", warnings)
            best = charset_normalizer.from_bytes(data).best()
            if best is None or best.encoding is None:
                raise ReadError(
                    "not valid text in any encoding tried (utf-8, charset-normalizer guesses)"
                ) from None
            encoding = best.encoding
            text = str(best)
            warnings.append(f"decoded as {encoding}, not utf-8")
    return _finish(text, encoding, warnings)


def _finish(text: str, encoding: str, warnings: list[str]) -> Decoded:
    if not text.strip():
        raise ReadError("empty file (only whitespace)")
    if any(ord(c) in _CONTROL for c in text[:8192]) and _looks_binary(text[:8192].encode()):
        raise ReadError("binary file (decodes to control characters), not text")
    return Decoded(text=repair_text(text, warnings), encoding=encoding, warnings=tuple(warnings))


def _utf8_replacing(data: bytes) -> tuple[str, int]:
    """UTF-8 with each invalid byte sequence replaced by U+FFFD, and how many were."""
    text = data.decode("utf-8", errors="replace")
    return text, text.count("\ufffd") - data.count("\ufffd".encode())


def repair_text(text: str, warnings: list[str] | None = None) -> str:
    """Fix mojibake and line endings with ftfy; note in ``warnings`` when text changed."""
    fixed = ftfy.fix_text(text, _FTFY)
    if fixed != text.replace("\r\n", "\n") and warnings is not None:
        warnings.append("repaired mis-decoded characters (mojibake)")
    return fixed
