"""A JSON Schema (Draft 2020-12) of the record, generated from the dataclasses.

Generated rather than written so it cannot drift from the types: the committed
``schema/record.schema.json`` is checked against a fresh generation by the tests, and
``scripts/gen_schema.py`` rewrites it. Pure: no I/O, imports nothing else from accord
but the schema types.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from typing import Any

from accord.schema.record import Record

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = "https://accord.invalid/schema/record.schema.json"
_SCALARS: dict[Any, str] = {str: "string", int: "integer", float: "number", bool: "boolean"}


def _json_name(name: str) -> str:
    """Python field name to JSON key: ``from_`` (a keyword) serialises as ``from``."""
    return name.rstrip("_")


def _description(cls: type) -> str | None:
    doc = cls.__doc__ or ""
    if not doc or doc.startswith(f"{cls.__name__}("):  # dataclass's generated signature
        return None
    return " ".join(doc.strip().split("\n\n")[0].split())


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    if isinstance(schema.get("type"), str) and set(schema) == {"type"}:
        return {"type": [schema["type"], "null"]}
    return {"anyOf": [schema, {"type": "null"}]}


def _type_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    if tp is type(None):
        return {"type": "null"}
    if tp in _SCALARS:
        return {"type": _SCALARS[tp]}
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        members = [a for a in args if a is not type(None)]
        inner = (
            _type_schema(members[0], defs)
            if len(members) == 1
            else {"anyOf": [_type_schema(m, defs) for m in members]}
        )
        return _nullable(inner) if len(members) < len(args) else inner
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": _type_schema(args[0], defs)}
        return {
            "type": "array",
            "prefixItems": [_type_schema(a, defs) for a in args],
            "items": False,
            "minItems": len(args),
            "maxItems": len(args),
        }
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        if tp.__name__ not in defs:
            defs[tp.__name__] = {}  # placeholder first: guards against recursion
            defs[tp.__name__] = _object_schema(tp, defs)
        return {"$ref": f"#/$defs/{tp.__name__}"}
    raise TypeError(f"no JSON Schema mapping for {tp!r}")


def _object_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    names = [f.name for f in dataclasses.fields(cls)]
    schema: dict[str, Any] = {"type": "object"}
    if description := _description(cls):
        schema["description"] = description
    schema["properties"] = {_json_name(n): _type_schema(hints[n], defs) for n in names}
    schema["required"] = [_json_name(n) for n in names]
    return schema


def record_schema() -> dict[str, Any]:
    """The schema of one record as ``accord.schema.to_dict`` writes it.

    Every field is required (a record never carries fewer fields than RECORD.md lists);
    extra fields are allowed (it may carry more).
    """
    defs: dict[str, Any] = {}
    body = _object_schema(Record, defs)
    return {
        "$schema": DRAFT,
        "$id": SCHEMA_ID,
        "title": "accord record",
        **body,
        "$defs": dict(sorted(defs.items())),
    }


def render_record_schema() -> str:
    """The schema as the text of ``schema/record.schema.json`` (stable formatting)."""
    return json.dumps(record_schema(), indent=2, ensure_ascii=False) + "\n"
