"""The shape of every record field, read once from the dataclass annotations.

The JSON codec (``record.py``), the SQL rows (``store/rows.py``) and the Parquet tables
(``store/dataset.py``) are all generated from these shapes, so a new field or fact kind
is declared once, in ``facts.py``, and every format follows. Pure: no I/O.
"""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

_SCALARS = (str, int, float, bool)


class Shape(enum.Enum):
    """How a field's value is laid out: what each format has to do with it."""

    SCALAR = "scalar"  # str, int, float, bool
    PAIR = "pair"  # a fixed (a, b): a Span, a Period, a relation's two actors
    PAIRS = "pairs"  # tuple[Span, ...]: evidence spans
    STRINGS = "strings"  # tuple[str, ...]
    OBJECT = "object"  # a nested dataclass (Record.source)
    OBJECTS = "objects"  # tuple[Fact, ...]: the record's facts


_MISSING: Any = dataclasses.MISSING


@dataclass(frozen=True, slots=True)
class FieldShape:
    """One dataclass field: its name in Python and JSON, its shape and its fallback."""

    name: str  # the attribute
    key: str  # the JSON key: ``from_`` (a keyword in Python) is ``from``
    shape: Shape
    optional: bool  # the type admits None
    item: type | None  # the scalar type, the pair's element type or the nested class
    fallback: Any  # what a reader gets when the key is absent; _MISSING: required

    @property
    def required(self) -> bool:
        return self.fallback is _MISSING


# Fields without a dataclass default that older or hand-written JSON may leave out: what
# RECORD.md says they mean when absent. Everything else absent is None where the type
# allows it, () for sequences, and an error otherwise.
_ABSENT: dict[tuple[str, str], Any] = {
    ("Record", "language"): "en",
    ("Record", "body"): "",
    ("Amount", "kind"): "other",
    ("Event", "status"): "occurred",
}


def _unwrap(tp: Any) -> tuple[Any, bool]:
    """``X | None`` -> (X, True); anything else -> (tp, False)."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(members) != 1:
            raise TypeError(f"a field may be one type or None, not {tp!r}")
        return members[0], True
    return tp, False


def _classify(tp: Any) -> tuple[Shape, type | None]:
    if tp in _SCALARS:
        return Shape.SCALAR, tp
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return Shape.OBJECT, tp
    if typing.get_origin(tp) is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            inner = args[0]
            if inner is str:
                return Shape.STRINGS, str
            if isinstance(inner, type) and dataclasses.is_dataclass(inner):
                return Shape.OBJECTS, inner
            if _classify(inner)[0] is Shape.PAIR:
                return Shape.PAIRS, typing.get_args(inner)[0]
        elif len(args) == 2 and args[0] is args[1] and args[0] in _SCALARS:
            return Shape.PAIR, args[0]
    raise TypeError(f"no codec shape for {tp!r}")


@cache
def shapes(cls: type) -> tuple[FieldShape, ...]:
    """The fields of a record dataclass, in declaration order, with their shapes."""
    hints = typing.get_type_hints(cls)
    out: list[FieldShape] = []
    for f in dataclasses.fields(cls):
        tp, optional = _unwrap(hints[f.name])
        shape, item = _classify(tp)
        if f.default is not _MISSING:
            fallback = f.default
        elif f.default_factory is not _MISSING:
            fallback = typing.cast(Callable[[], Any], f.default_factory)()
        elif (cls.__name__, f.name) in _ABSENT:
            fallback = _ABSENT[(cls.__name__, f.name)]
        elif optional:
            fallback = None
        elif shape in (Shape.STRINGS, Shape.PAIRS, Shape.OBJECTS):
            fallback = ()
        elif shape is Shape.OBJECT and item is not None:
            fallback = item()  # a nested class whose fields all have defaults
        else:
            fallback = _MISSING
        out.append(FieldShape(f.name, f.name.rstrip("_"), shape, optional, item, fallback))
    return tuple(out)


# -- JSON ---------------------------------------------------------------------------------


Encoder = Callable[[Any], Any]


def _encoder(field: FieldShape) -> Encoder:
    if field.shape is Shape.SCALAR:
        return lambda v: v
    if field.shape is Shape.PAIR:
        return lambda v: None if v is None else [v[0], v[1]]
    if field.shape is Shape.PAIRS:
        return lambda v: [[a, b] for a, b in v]
    if field.shape is Shape.STRINGS:
        return list
    assert field.item is not None
    nested = encoder(field.item)
    if field.shape is Shape.OBJECT:
        return lambda v: None if v is None else nested(v)
    return lambda v: [nested(x) for x in v]


@cache
def encoder(cls: type) -> Callable[[Any], dict[str, Any]]:
    """A function turning one ``cls`` value into its JSON object (built once per class)."""
    parts = [(f.name, f.key, _encoder(f)) for f in shapes(cls)]

    def encode(value: Any) -> dict[str, Any]:
        return {key: enc(getattr(value, name)) for name, key, enc in parts}

    return encode


def _decoder(field: FieldShape) -> Encoder:
    if field.shape is Shape.SCALAR:
        return lambda v: v
    if field.shape is Shape.PAIR:
        cast = field.item or (lambda x: x)
        return lambda v: (cast(v[0]), cast(v[1])) if v else None
    if field.shape is Shape.PAIRS:
        return lambda v: tuple((int(a), int(b)) for a, b in v or ())
    if field.shape is Shape.STRINGS:
        return lambda v: tuple(v or ())
    assert field.item is not None
    nested = decoder(field.item)
    if field.shape is Shape.OBJECT:
        fallback = field.fallback
        return lambda v: nested(v) if v else fallback
    return lambda v: tuple(nested(x) for x in v or ())


@cache
def decoder(cls: type) -> Callable[[dict[str, Any]], Any]:
    """A function rebuilding a ``cls`` value from its JSON object (lenient where
    ``FieldShape.fallback`` says, a ``KeyError`` naming the field where it is required)."""
    parts = [(f.name, f.key, f.fallback, _decoder(f)) for f in shapes(cls)]
    label = cls.__name__

    def decode(data: dict[str, Any]) -> Any:
        values: dict[str, Any] = {}
        for name, key, fallback, dec in parts:
            if key in data:
                values[name] = dec(data[key])
            elif fallback is _MISSING:
                raise KeyError(f"{label}.{key} is required")
            else:
                values[name] = fallback
        return cls(**values)

    return decode
