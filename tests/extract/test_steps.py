"""The extractor list: every fact kind of ``Facts`` has one step, and an order in which a
step reads what no earlier step made is refused when the module loads."""

from __future__ import annotations

from dataclasses import fields, replace

import pytest

from accord.extract.run import STEPS, check_steps
from accord.schema import Facts


def test_every_fact_kind_has_one_step() -> None:
    kinds = [s.kind for s in STEPS]
    assert sorted(kinds) == sorted(f.name for f in fields(Facts) if f.name != "warnings")


def test_a_step_cannot_read_a_later_kind() -> None:
    persons = next(i for i, s in enumerate(STEPS) if s.kind == "persons")
    early = (STEPS[persons], *STEPS[:persons], *STEPS[persons + 1 :])
    with pytest.raises(ValueError, match="reads \\['actors'\\]"):
        check_steps(early)


def test_a_step_must_fill_a_facts_field_once() -> None:
    with pytest.raises(ValueError, match="filled twice"):
        check_steps((*STEPS, STEPS[0]))
    with pytest.raises(ValueError, match="not a Facts field"):
        check_steps((*STEPS, replace(STEPS[0], kind="treaties")))
