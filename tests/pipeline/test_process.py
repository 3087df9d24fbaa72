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
