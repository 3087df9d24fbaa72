"""The JSON codec is generated from the dataclass fields: any fact shaped like ours
round-trips, and absent keys mean what RECORD.md says."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from accord.schema import Period, Span, from_dict, to_dict
from accord.schema.codec import Shape, decoder, encoder, shapes


@dataclass(frozen=True, slots=True)
class Probe:
    """A fact kind nobody wrote a codec for: every shape a fact may use."""

    name: str
    span: Span
    mentions: tuple[Span, ...] = ()
    tags: tuple[str, ...] = ()
    period: Period | None = None
    from_: str | None = None
    share: float | None = None


def test_a_new_fact_kind_round_trips_without_a_hand_written_codec() -> None:
    probe = Probe("x", (3, 9), ((3, 9), (20, 24)), ("energy",), ("2024-01", "2024-06"), "KEN")
    data = encoder(Probe)(probe)
    assert data == {
        "name": "x",
        "span": [3, 9],
        "mentions": [[3, 9], [20, 24]],
        "tags": ["energy"],
        "period": ["2024-01", "2024-06"],
        "from": "KEN",
        "share": None,
    }
    assert decoder(Probe)(data) == probe
    assert [f.shape for f in shapes(Probe)] == [
        Shape.SCALAR,
        Shape.PAIR,
        Shape.PAIRS,
        Shape.STRINGS,
        Shape.PAIR,
        Shape.SCALAR,
        Shape.SCALAR,
    ]


def test_absent_keys_take_their_documented_meaning() -> None:
    data = {
        "id": "d1",
        "content_hash": "sha256:00",
        "amounts": [{"value": 5.0, "currency": "USD", "span": [0, 2]}],
        "events": [{"type": "AGREE", "span": [4, 9]}],
        "actors": [{"code": "KEN", "name": "Kenya", "kind": "state"}],
    }
    record = from_dict(data)
    assert record.language == "en" and record.body == "" and record.source.format == "text"
    (amount,) = record.amounts
    assert (amount.kind, amount.measure, amount.from_, amount.period) == (
        "other",
        "flow",
        None,
        None,
    )
    (event,) = record.events
    assert (event.status, event.actors, event.cameo) == ("occurred", (), None)
    assert record.actors[0].mentions == ()
    assert from_dict(to_dict(record)) == record


@pytest.mark.parametrize(
    ("data", "missing"),
    [
        ({"content_hash": "h"}, "Record.id"),
        (
            {"id": "d", "content_hash": "h", "actors": [{"code": "KEN", "kind": "state"}]},
            "Actor.name",
        ),
        ({"id": "d", "content_hash": "h", "quotes": [{"text": "We will."}]}, "Quote.span"),
    ],
)
def test_a_missing_required_key_is_named(data: dict[str, object], missing: str) -> None:
    with pytest.raises(KeyError, match=missing):
        from_dict(data)
