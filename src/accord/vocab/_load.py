"""Reads a JSON data file shipped in ``accord/vocab/data``."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def load_json(name: str) -> dict[str, Any]:
    """The parsed JSON object of ``data/<name>``."""
    text = resources.files("accord.vocab").joinpath("data", name).read_text(encoding="utf-8")
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError(f"vocab data file {name} must hold a JSON object")
    return data
