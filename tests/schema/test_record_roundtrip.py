from accord.schema import Actor, Amount, Event, Quote, Record, Source, from_dict, to_dict


def _record() -> Record:
    return Record(
        id="x",
        content_hash="sha256:00",
        source=Source(path="a.txt"),
        title="T",
        published="2023-03-16",
        language="en",
        outlet="Africa Insider",
        attributed_sources=("RT",),
        body="Russia sold $8.1 million of IT services to Africa.",
        actors=(Actor("RUS", "Russia", "state", ((0, 6),)),),
        quotes=(Quote("We sell", "A B", "said", (1, 8)),),
        amounts=(
            Amount(
                8.1e6,
                "USD",
                8.1e6,
                "export",
                "RUS",
                "REG:AFRICA",
                "IT services",
                ("2022-01", "2022-09"),
                (12, 24),
            ),
        ),
        events=(
            Event(
                "AGREE",
                "036",
                ("REG:AFRICA", "RUS"),
                "RUS",
                "REG:AFRICA",
                "summit",
                "St. Petersburg",
                "2023-07",
                "planned",
                (0, 10),
            ),
        ),
    )


def test_to_dict_uses_record_md_field_names() -> None:
    data = to_dict(_record())
    assert data["amounts"][0]["from"] == "RUS"
    assert data["amounts"][0]["period"] == ["2022-01", "2022-09"]
    assert data["actors"][0]["mentions"] == [[0, 6]]
    assert data["warnings"] == []


def test_from_dict_inverts_to_dict() -> None:
    rec = _record()
    assert from_dict(to_dict(rec)) == rec
