from pathlib import Path

from accord.pipeline import process_stream, process_text
from accord.read.sources import iter_raw
from accord.schema import DocumentError, Record


def test_process_text_returns_a_record_with_the_given_date() -> None:
    record = process_text(
        "Ghana and Germany agreed to build a solar plant.", published="2023-01-05"
    )
    assert isinstance(record, Record)
    assert record.published == "2023-01-05"
    assert record.body.startswith("Ghana and Germany")


def test_a_bad_file_is_one_error_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Brazil and Angola signed a credit agreement.", "utf-8")
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe\xfa broken \xc3\x28")
    (tmp_path / "c.txt").write_text("Japan will lend Vietnam money for a metro line.", "utf-8")
    out = list(process_stream(iter_raw([tmp_path])))
    errors = [o for o in out if isinstance(o, DocumentError)]
    records = [o for o in out if isinstance(o, Record)]
    assert [Path(e.path).name for e in errors] == ["b.txt"]
    assert errors[0].reason
    assert sorted(r.id for r in records) == ["a", "c"]


def test_a_text_too_long_to_parse_is_one_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Kenya and Uganda signed a rail agreement.", "utf-8")
    (tmp_path / "huge.txt").write_text("Trade talks continued. " * 2000, "utf-8")
    out = list(process_stream(iter_raw([tmp_path]), max_chars=10_000))
    errors = [o for o in out if isinstance(o, DocumentError)]
    assert [Path(e.path).name for e in errors] == ["huge.txt"]
    assert "too long" in errors[0].reason
    assert [o.id for o in out if isinstance(o, Record)] == ["a"]


def test_an_extractor_defect_costs_one_document(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import accord.pipeline.batch as batch

    real = batch.extract_facts

    def flaky(document, doc):  # type: ignore[no-untyped-def]
        if "boom" in document.body:
            raise IndexError("list index out of range")
        return real(document, doc)

    monkeypatch.setattr(batch, "extract_facts", flaky)
    (tmp_path / "a.txt").write_text("Ghana and Togo held talks in Accra.", "utf-8")
    (tmp_path / "b.txt").write_text("The boom in cocoa prices continued.", "utf-8")
    (tmp_path / "c.txt").write_text("Chile and Peru signed a mining pact.", "utf-8")
    out = list(process_stream(iter_raw([tmp_path])))
    errors = [o for o in out if isinstance(o, DocumentError)]
    assert [Path(e.path).name for e in errors] == ["b.txt"]
    assert "IndexError" in errors[0].reason
    assert sorted(o.id for o in out if isinstance(o, Record)) == ["a", "c"]


def test_a_state_only_a_persons_party_names_is_an_actor_of_the_story() -> None:
    record = process_text(
        "Pension row grows\n\nTory leader Michael Howard said council tax had risen too "
        "fast. Labour MP Jane Ode said the Tory sums did not add up.",
        published="2005-02-01",
    )
    persons = {p.name: p.actor for p in record.persons}
    assert persons.get("Michael Howard") == "GBR"
    gbr = next(a for a in record.actors if a.code == "GBR")
    howard = next(p for p in record.persons if p.name == "Michael Howard")
    assert set(howard.mentions) <= set(gbr.mentions)  # the person is the evidence
