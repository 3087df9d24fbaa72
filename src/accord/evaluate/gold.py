"""Gold files (../shared/docs/GOLD_FORMAT.md): validation, loading, pairing with texts.

Validation uses a JSON Schema kept as data beside this module, so the rules a gold file
must follow are readable in one place and errors name the exact JSON path.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from accord.errors import GoldError


@dataclass(frozen=True, slots=True)
class GoldPerson:
    name: str
    title: str | None
    actor: str | None


@dataclass(frozen=True, slots=True)
class GoldOrganization:
    name: str
    actor: str | None


@dataclass(frozen=True, slots=True)
class GoldQuote:
    starts: str
    speaker: str | None


@dataclass(frozen=True, slots=True)
class GoldAmount:
    value: float
    currency: str | None
    kind: str
    from_: str | None
    to: str | None
    what: str | None
    period: tuple[str, str] | None


@dataclass(frozen=True, slots=True)
class GoldRelation:
    actors: tuple[str, str]  # sorted
    sectors: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GoldEvent:
    type: str
    actors: tuple[str, ...]  # sorted
    status: str
    when: str | None
    what: str | None
    where: str | None


@dataclass(frozen=True, slots=True)
class Gold:
    """One gold file: what a careful analyst expects from one document."""

    id: str  # the file stem: it names the text the gold belongs to
    path: str
    published: str | None
    outlet: str | None
    attributed_sources: tuple[str, ...]
    boilerplate: tuple[str, ...]
    body_keep: tuple[str, ...]
    actors: tuple[str, ...]
    persons: tuple[GoldPerson, ...]
    organizations: tuple[GoldOrganization, ...]
    quotes: tuple[GoldQuote, ...]
    amounts: tuple[GoldAmount, ...]
    relations: tuple[GoldRelation, ...]
    events: tuple[GoldEvent, ...]


@cache
def _validator() -> Draft202012Validator:
    text = resources.files("accord.evaluate").joinpath("gold.schema.json").read_text("utf-8")
    return Draft202012Validator(json.loads(text))


def gold_from_dict(data: Any, *, id: str, path: str = "<gold>") -> Gold:
    """A validated Gold from a parsed gold object; GoldError names the first problems."""
    problems = sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    if problems:
        said = "; ".join(f"{p.json_path}: {p.message}" for p in problems[:5])
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        raise GoldError(f"{path}: {said}{more}")
    return Gold(
        id=id,
        path=path,
        published=data["published"],
        outlet=data["outlet"],
        attributed_sources=tuple(data["attributed_sources"]),
        boilerplate=tuple(data["boilerplate"]),
        body_keep=tuple(data["body_keep"]),
        actors=tuple(data["actors"]),
        persons=tuple(
            GoldPerson(p["name"], p.get("title"), p.get("actor")) for p in data["persons"]
        ),
        organizations=tuple(
            GoldOrganization(o["name"], o.get("actor")) for o in data["organizations"]
        ),
        quotes=tuple(GoldQuote(q["starts"], q.get("speaker")) for q in data["quotes"]),
        amounts=tuple(
            GoldAmount(
                value=float(a["value"]),
                currency=a["currency"],
                kind=a["kind"],
                from_=a.get("from"),
                to=a.get("to"),
                what=a.get("what"),
                period=(a["period"][0], a["period"][1]) if a.get("period") else None,
            )
            for a in data["amounts"]
        ),
        relations=tuple(
            GoldRelation(actors=(min(r["actors"]), max(r["actors"])), sectors=tuple(r["sectors"]))
            for r in data["relations"]
        ),
        events=tuple(
            GoldEvent(
                type=e["type"],
                actors=tuple(sorted(e["actors"])),
                status=e["status"],
                when=e["when"],
                what=e.get("what"),
                where=e.get("where"),
            )
            for e in data["events"]
        ),
    )


def load_gold(path: Path) -> Gold:
    """Read and validate one gold file ``NAME.json``; its id is ``NAME``."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path}: not JSON: {exc}") from exc
    return gold_from_dict(data, id=path.stem, path=str(path))


@dataclass(frozen=True, slots=True)
class Pairing:
    """Gold files matched to their texts, and what could not be matched."""

    pairs: tuple[tuple[Path, Path], ...]  # (gold file, text file)
    unmatched_gold: tuple[tuple[Path, str], ...]  # (gold file, why)
    texts_without_gold: int


def pair_files(corpus_dir: Path, gold_dir: Path) -> Pairing:
    """Match every ``NAME.json`` under gold_dir to ``NAME.txt`` under corpus_dir.

    Both folders are searched recursively and matched by file stem. When several texts
    share a stem, the one at the same relative folder as the gold file wins; if none
    does, the gold file is reported as ambiguous rather than guessed.
    """
    texts: dict[str, list[Path]] = {}
    for txt in sorted(corpus_dir.rglob("*.txt")):
        texts.setdefault(txt.stem, []).append(txt)
    pairs: list[tuple[Path, Path]] = []
    unmatched: list[tuple[Path, str]] = []
    used: set[Path] = set()
    for gold in sorted(gold_dir.rglob("*.json")):
        found = texts.get(gold.stem, [])
        if not found:
            unmatched.append((gold, f"no text {gold.stem}.txt under {corpus_dir}"))
            continue
        if len(found) > 1:
            rel = gold.relative_to(gold_dir).with_suffix(".txt")
            same = [t for t in found if t.relative_to(corpus_dir) == rel]
            if len(same) != 1:
                names = ", ".join(str(t) for t in found)
                unmatched.append((gold, f"ambiguous: several texts named {gold.stem}.txt: {names}"))
                continue
            found = same
        pairs.append((gold, found[0]))
        used.add(found[0])
    total = sum(len(v) for v in texts.values())
    return Pairing(tuple(pairs), tuple(unmatched), total - len(used))
