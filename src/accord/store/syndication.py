"""MinHash signatures and LSH band keys of a document body, for finding syndicated copies.

Pure functions, no database: the store keeps what they return. Everything here is
deterministic across processes, machines and runs (fixed seed and permutation scheme,
SHA-1 shingle hashes, BLAKE2b band keys; never Python's salted ``hash()``), because
signatures and band keys are stored and compared with ones computed later.
Changing a constant below changes the signatures or the stories built on them: stored
stories must then be rebuilt (a new migration calling ``stories.rebuild``).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

SHINGLE = 5
"""Words per shingle: long enough that two articles on one topic share few shingles,
short enough that an edited sentence costs only the shingles that overlap it."""
NUM_PERM = 128
"""MinHash permutations: the Jaccard estimate's standard error is about 0.035 at 0.8."""
BANDS = 32
ROWS = 4
"""32 bands of 4 rows: a pair becomes a candidate with probability 1 - (1 - J^4)^32:
0.988 at Jaccard 0.6, over 0.99999 at 0.8, 0.23 at 0.3; candidates are then verified."""
SEED = 1
SCHEME = "affine32"
"""datasketch's permutation scheme, named so that a new default cannot change ours."""
THRESHOLD = 0.8
"""Estimated containment (shared shingles over the shorter text's) that makes a copy.

Syndicated copies are cut from the bottom, get their own dateline and outlet line and
a sentence or two rewritten: a six-paragraph story with its last sentence cut and one
sentence rewritten already falls to Jaccard 0.78, so Jaccard alone at 0.8 would miss
ordinary copies, while containment stays near 0.9. Two reports of one event written
separately share almost no 5-word runs, so they sit far below either measure.
Containment >= 0.8 holds for every pair with Jaccard >= 0.8, so this only widens it.
(Robustness run over 2,000 bulk news texts: the 34 pairs joined were all re-issues of
one story; the next pairs down, Jaccard 0.3-0.6, were rewrites reusing paragraphs.)
"""
MIN_JACCARD = 0.6
"""And the estimated Jaccard must reach this: the shorter text is at least about 60% of
the longer, so a short text (a headline, a brief) is not a copy of every long article
that quotes it. LSH finds pairs at 0.6 with probability 0.988 (above: higher still)."""
SIGNATURE_BYTES = NUM_PERM * 4

_WORD = re.compile(r"\w+")
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
"""Built once: every signature reuses its permutations instead of drawing them again."""

assert BANDS * ROWS == NUM_PERM


def words(body: str) -> list[str]:
    """The body's words, case-folded; punctuation and spacing do not count."""
    return _WORD.findall(body.casefold())


def shingles(body: str) -> set[bytes]:
    """Overlapping runs of ``SHINGLE`` words (a shorter text is one shingle)."""
    tokens = words(body)
    if not tokens:
        return set()
    if len(tokens) <= SHINGLE:
        return {" ".join(tokens).encode("utf-8")}
    return {
        " ".join(tokens[i : i + SHINGLE]).encode("utf-8") for i in range(len(tokens) - SHINGLE + 1)
    }


@dataclass(frozen=True, slots=True)
class Sketch:
    """A body's MinHash signature (``NUM_PERM`` little-endian uint32) and shingle count."""

    signature: bytes
    size: int


def sketch(body: str) -> Sketch | None:
    """The body's sketch; None when it has no words (such a body is nobody's copy)."""
    grams = shingles(body)
    if not grams:
        return None
    minhash = MinHash(
        num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, permutations=_TEMPLATE.permutations
    )
    minhash.update_batch(grams)
    return Sketch(np.asarray(minhash.hashvalues, dtype="<u4").tobytes(), len(grams))


def _values(sig: bytes) -> np.ndarray:
    if len(sig) != SIGNATURE_BYTES:
        raise ValueError(f"a signature is {SIGNATURE_BYTES} bytes, not {len(sig)}")
    return np.frombuffer(sig, dtype="<u4")


def band_keys(sig: bytes) -> list[int]:
    """One signed 64-bit key per band (fits SQL BIGINT); equal keys mean an equal band."""
    _values(sig)  # checks the length
    width = ROWS * 4
    keys = []
    for band in range(BANDS):
        digest = hashlib.blake2b(
            sig[band * width : (band + 1) * width],
            digest_size=8,
            salt=band.to_bytes(16, "little"),
        ).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the two bodies' shingle sets (0.0 to 1.0)."""
    return float(np.count_nonzero(_values(a) == _values(b))) / NUM_PERM


def containment(jaccard: float, size_a: int, size_b: int) -> float:
    """Estimated share of the smaller shingle set found in the larger (0.0 to 1.0).

    From |A ∩ B| = J (|A| + |B|) / (1 + J), which holds exactly for the true Jaccard J.
    """
    smaller = min(size_a, size_b)
    if smaller <= 0:
        return 0.0
    shared = jaccard * (size_a + size_b) / (1.0 + jaccard)
    return min(1.0, shared / smaller)


def same_story(a: Sketch, b: Sketch) -> bool:
    """Whether two bodies are copies of one text (see THRESHOLD and MIN_JACCARD)."""
    jaccard = similarity(a.signature, b.signature)
    return jaccard >= MIN_JACCARD and containment(jaccard, a.size, b.size) >= THRESHOLD
