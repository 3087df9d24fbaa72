"""The gate: pinned floors per metric, checked after every test run.

Floors only move up silently. Raising one is free (scores got better, keep them);
lowering one needs a written reason, which lands as a dated line in CHANGELOG.md so a
regression accepted on purpose is never invisible. A metric that is n/a (nothing to
judge, e.g. no matched pairs) fails its floor: a gate that passes on nothing is no gate.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from accord.errors import AccordError
from accord.evaluate.scores import metric_names

DEFAULT_FLOORS = Path("eval/floors.json")
DEFAULT_CHANGELOG = Path("CHANGELOG.md")
_COMMENT = (
    "Floors of `accord eval --gate` (metric names: src/accord/evaluate/scores.py). "
    "Raise with `accord eval CORPUS GOLD --raise-floors` or `accord floors set`; lowering "
    "needs `--allow-lower REASON` and is logged in CHANGELOG.md."
)


class FloorError(AccordError):
    """A floors file is malformed, or a floor change is not allowed."""


@dataclass(frozen=True, slots=True)
class Check:
    """One metric against its floor."""

    metric: str
    value: float | None
    floor: float

    @property
    def ok(self) -> bool:
        return self.value is not None and self.value >= self.floor - 1e-9


@dataclass(frozen=True, slots=True)
class Change:
    metric: str
    old: float | None
    new: float


def load_floors(path: Path) -> dict[str, float]:
    """The floors in a floors file; FloorError on unknown metrics or bad values."""
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise FloorError(f"{path}: no floors file") from exc
    except (OSError, json.JSONDecodeError) as exc:
        raise FloorError(f"{path}: cannot read floors: {exc}") from exc
    floors = data.get("floors") if isinstance(data, dict) else None
    if not isinstance(floors, dict):
        raise FloorError(f'{path}: expected an object with a "floors" object')
    known = set(metric_names())
    out: dict[str, float] = {}
    for name, value in floors.items():
        if name not in known:
            raise FloorError(f"{path}: unknown metric {name!r}")
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            raise FloorError(f"{path}: floor of {name} must be a number in [0, 1], not {value!r}")
        out[name] = float(value)
    return out


def save_floors(path: Path, floors: dict[str, float]) -> None:
    """Write floors in report order, keeping the file's explanatory comment."""
    order = {name: i for i, name in enumerate(metric_names())}
    ordered = {k: floors[k] for k in sorted(floors, key=order.__getitem__)}
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"_comment": _COMMENT, "floors": ordered}, indent=2)
    path.write_text(text + "\n", encoding="utf-8")


def check(metrics: dict[str, float | None], floors: dict[str, float]) -> list[Check]:
    """Every floored metric with its current value; ``ok`` says whether it holds."""
    return [Check(name, metrics.get(name), floor) for name, floor in floors.items()]


def _pinned(value: float) -> float:
    """A score as a floor: rounded down to 4 decimals so the same score still passes."""
    return math.floor(value * 10_000 + 1e-6) / 10_000


def raise_floors(path: Path, metrics: dict[str, float | None]) -> list[Change]:
    """Lift every floor below its current score up to that score; never lowers one."""
    floors = load_floors(path)
    changes = []
    for name, floor in floors.items():
        value = metrics.get(name)
        if value is not None and _pinned(value) > floor:
            changes.append(Change(name, floor, _pinned(value)))
            floors[name] = _pinned(value)
    if changes:
        save_floors(path, floors)
    return changes


def set_floors(
    path: Path,
    wanted: dict[str, float],
    allow_lower: str | None = None,
    changelog: Path = DEFAULT_CHANGELOG,
    today: date | None = None,
) -> list[Change]:
    """Set floors by name (new metrics may be added).

    Lowering any floor is refused (FloorError, nothing written) unless ``allow_lower``
    gives a reason; then each lowered floor appends a dated line to the changelog.
    """
    floors = load_floors(path) if path.exists() else {}
    known = set(metric_names())
    for name, value in wanted.items():
        if name not in known:
            raise FloorError(f"unknown metric {name!r}")
        if not 0 <= value <= 1:
            raise FloorError(f"floor of {name} must be in [0, 1], not {value}")
    changes = [Change(n, floors.get(n), v) for n, v in wanted.items() if floors.get(n) != v]
    lowered = [c for c in changes if c.old is not None and c.new < c.old]
    reason = (allow_lower or "").strip()
    if lowered and not reason:
        said = ", ".join(f"{c.metric} {c.old} -> {c.new}" for c in lowered)
        raise FloorError(f"refusing to lower floors ({said}) without --allow-lower REASON")
    if lowered:
        day = (today or date.today()).isoformat()
        lines = [
            f"- {day}: lowered eval floor `{c.metric}` from {c.old} to {c.new}: {reason}\n"
            for c in lowered
        ]
        existing = changelog.read_text(encoding="utf-8") if changelog.exists() else "# Changelog\n"
        if not existing.endswith("\n"):
            existing += "\n"
        changelog.write_text(existing + "".join(lines), encoding="utf-8")
    if changes:
        floors.update({c.metric: c.new for c in changes})
        save_floors(path, floors)
    return changes
