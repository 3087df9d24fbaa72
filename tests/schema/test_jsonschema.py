"""The JSON Schema of the record: generated from the dataclasses, committed, and true."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from accord.cli.app import app
from accord.schema import from_dict, to_dict
from accord.schema.jsonschema import record_schema, render_record_schema

REPO = Path(__file__).resolve().parents[2]
COMMITTED = REPO / "schema" / "record.schema.json"
RECORDS = REPO / "tests" / "evaluate" / "data" / "records"


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def test_committed_schema_equals_a_fresh_generation() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == render_record_schema(), (
        "schema/record.schema.json is stale: run `make schema` (scripts/gen_schema.py)"
    )


def test_schema_follows_record_md_names_and_shapes() -> None:
    schema = record_schema()
    amount = schema["$defs"]["Amount"]["properties"]
    assert "from" in amount
    assert "from_" not in amount
    assert amount["currency"] == {"type": ["string", "null"]}
    assert amount["period"]["anyOf"][1] == {"type": "null"}
    span = {"type": "integer"}
    assert schema["$defs"]["Actor"]["properties"]["mentions"] == {
        "type": "array",
        "items": {
            "type": "array",
            "prefixItems": [span, span],
            "items": False,
            "minItems": 2,
            "maxItems": 2,
        },
    }
    assert "body" in schema["required"]


@pytest.mark.parametrize("path", sorted(RECORDS.glob("*.json")), ids=lambda p: p.stem)
def test_records_validate(validator: Draft202012Validator, path: Path) -> None:
    data = to_dict(from_dict(json.loads(path.read_text(encoding="utf-8"))))
    assert list(validator.iter_errors(data)) == []


def _amount_record() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (RECORDS / "ghana-norway-fisheries.json").read_text(encoding="utf-8")
    )
    return to_dict(from_dict(data))  # with every field today's record carries


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d.pop("body"), "$"),
        (lambda d: d["amounts"][0].update(span=[1, 2, 3]), "$.amounts[0].span"),
        (lambda d: d["amounts"][0].update(value="12.5m"), "$.amounts[0].value"),
        (lambda d: d["actors"][0].update(mentions=[[0, "6"]]), "$.actors[0].mentions[0][1]"),
        (lambda d: d["amounts"][0].pop("from"), "$.amounts[0]"),
    ],
)
def test_schema_rejects_malformed_records(
    validator: Draft202012Validator, change: Any, where: str
) -> None:
    data = _amount_record()
    change(data)
    errors = list(validator.iter_errors(data))
    assert errors
    assert errors[0].json_path == where


def test_accord_extract_output_validates(
    validator: Draft202012Validator, shared: Path, tmp_path: Path
) -> None:
    out = tmp_path / "records.jsonl"
    texts = sorted((shared / "corpus" / "dev").glob("*.txt"))
    result = CliRunner().invoke(app, ["extract", *map(str, texts), "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(texts)
    for line in lines:
        assert list(validator.iter_errors(json.loads(line))) == []
