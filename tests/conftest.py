"""Shared fixtures: where ../shared lives, and one loaded spaCy pipeline per session."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder beside the project (corpus, gold, docs)."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the project")
    return SHARED


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from accord.parse import load_nlp

    return load_nlp()
