"""Signatures and band keys: stable across processes, blind to case and punctuation."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from story_texts import PORT, PORT_COPY, PORT_OTHER, PORT_SHORT, RAIL_A, RAIL_B, RAIL_C

from accord.store.syndication import (
    BANDS,
    NUM_PERM,
    SIGNATURE_BYTES,
    Sketch,
    band_keys,
    containment,
    same_story,
    shingles,
    similarity,
    sketch,
)

SRC = Path(__file__).resolve().parents[2] / "src"


def _sketch(body: str) -> Sketch:
    made = sketch(body)
    assert made is not None
    return made


@pytest.mark.parametrize(
    ("a", "b", "copies"),
    [
        (PORT, PORT_COPY, True),  # other dateline, a sentence rewritten, the end cut
        (PORT, PORT_SHORT, True),  # the last paragraph cut as well
        (PORT_COPY, PORT_SHORT, True),
        (PORT, PORT_OTHER, False),  # the same signing, written separately
        (PORT_COPY, PORT_OTHER, False),
        (RAIL_A, RAIL_B, True),
        (RAIL_B, RAIL_C, True),
        (RAIL_A, RAIL_C, False),  # two windows that share only six of ten paragraphs
        (PORT, RAIL_A, False),
    ],
)
def test_copies_and_look_alikes(a: str, b: str, copies: bool) -> None:
    assert same_story(_sketch(a), _sketch(b)) is copies
    assert same_story(_sketch(b), _sketch(a)) is copies


def test_case_spacing_and_punctuation_do_not_count() -> None:
    shouty = PORT.upper().replace(", ", " ; ").replace(" - ", " -- ").replace("\n\n", "\n")
    assert _sketch(shouty).signature == _sketch(PORT).signature
    assert similarity(_sketch(shouty).signature, _sketch(PORT).signature) == 1.0


def test_a_separately_written_report_shares_almost_nothing() -> None:
    assert similarity(_sketch(PORT).signature, _sketch(PORT_OTHER).signature) < 0.1


def test_shingles_are_five_word_runs() -> None:
    assert shingles("Kenya and China signed a rail deal.") == {
        b"kenya and china signed a",
        b"and china signed a rail",
        b"china signed a rail deal",
    }
    assert shingles("Rail deal signed.") == {b"rail deal signed"}
    assert shingles(" — … ") == set()
    assert sketch("") is None


def test_signature_and_band_keys_have_their_sizes() -> None:
    made = _sketch(PORT)
    assert len(made.signature) == SIGNATURE_BYTES == NUM_PERM * 4
    assert made.size == len(shingles(PORT))
    keys = band_keys(made.signature)
    assert len(keys) == BANDS
    assert all(-(2**63) <= k < 2**63 for k in keys)
    assert len(set(keys)) == BANDS  # the band number is part of the key
    with pytest.raises(ValueError, match="512 bytes"):
        band_keys(made.signature[:-4])


def test_containment_of_a_cut_copy() -> None:
    assert containment(0.5, 200, 100) == pytest.approx(1.0)  # all of the shorter inside
    assert containment(0.0, 200, 100) == 0.0
    assert containment(0.8, 0, 10) == 0.0


def test_signatures_are_the_same_in_another_process() -> None:
    """Stored signatures are compared with ones computed later, elsewhere."""
    code = (
        "import sys; from accord.store.syndication import sketch, band_keys; "
        "s = sketch(sys.stdin.read()); print(s.signature.hex(), *band_keys(s.signature))"
    )
    outputs = set()
    for seed in ("0", "12345"):
        env = {**os.environ, "PYTHONPATH": str(SRC), "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", code],
            input=PORT_COPY,
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        outputs.add(done.stdout.strip())
    here = _sketch(PORT_COPY)
    assert outputs == {" ".join([here.signature.hex(), *map(str, band_keys(here.signature))])}
