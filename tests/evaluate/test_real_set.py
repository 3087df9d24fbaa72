"""The real evaluation set (eval/real): gold in offset form against a JSON Lines corpus,
texts checked by hash, blind folders that show aggregates only, and the committed set
itself (60 articles, none of them a text of the public corpus folders)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from accord.cli.app import app
from accord.errors import GoldError
from accord.evaluate.real import pair_jsonl, resolve_offsets

REPO = Path(__file__).resolve().parents[2]
REAL = REPO / "eval" / "real"
BULK = REPO.parent / "shared" / "corpus" / "bulk" / "news.jsonl"
runner = CliRunner()

TEXT = (
    "Kenya and Uganda sign rail deal\n\n"
    'Kenya and Uganda signed a rail deal on Monday. "We will finish the line by 2027," '
    "said the Kenyan transport minister.\n"
)


def _gold(**over: Any) -> dict[str, Any]:
    quote_at = TEXT.index("We will")
    gold: dict[str, Any] = {
        "id": "wire/1",
        "published": "2024-03-12",
        "outlet": None,
        "attributed_sources": [],
        "boilerplate": [],
        "body_keep": [[TEXT.index("Kenya and Uganda signed"), TEXT.index(" on Monday")]],
        "actors": ["KEN", "UGA"],
        "persons": [],
        "organizations": [],
        "quotes": [{"speaker": None, "at": quote_at}],
        "amounts": [],
        "relations": [{"actors": ["KEN", "UGA"], "sectors": ["infrastructure"]}],
        "events": [],
    }
    gold.update(over)
    return gold


def _corpus(tmp_path: Path, gold: dict[str, Any], *, sha: str | None = None) -> tuple[Path, Path]:
    jsonl = tmp_path / "news.jsonl"
    rows = [
        {"id": "wire/0", "published": None, "text": "Another text entirely."},
        {"id": "wire/1", "published": "2024-03-12", "text": TEXT},
    ]
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    gold_dir = tmp_path / "real" / "dev"
    gold_dir.mkdir(parents=True)
    (gold_dir / "wire-1.json").write_text(json.dumps(gold), encoding="utf-8")
    digest = sha or hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    split = {"documents": [{"id": "wire/1", "slug": "wire-1", "split": "dev", "sha256": digest}]}
    (tmp_path / "real" / "split.json").write_text(json.dumps(split), encoding="utf-8")
    return jsonl, gold_dir


def test_offsets_become_the_fragments_gold_format_names() -> None:
    resolved = resolve_offsets(_gold(), TEXT, "g.json")
    assert resolved["body_keep"] == ["Kenya and Uganda signed a rail deal"]
    assert resolved["quotes"] == [{"speaker": None, "starts": "We will finish the line"}]


@pytest.mark.parametrize(
    "bad",
    [
        {"body_keep": [[10, 5]]},
        {"body_keep": [[0, 10_000]]},
        {"body_keep": ["Kenya"]},
        {"quotes": [{"speaker": None, "at": TEXT.index("\n")}]},
        {"quotes": [{"speaker": None}]},
    ],
)
def test_a_bad_offset_is_a_clear_gold_error(bad: dict[str, Any]) -> None:
    with pytest.raises(GoldError, match=r"g\.json"):
        resolve_offsets(_gold(**bad), TEXT, "g.json")


def test_gold_pairs_with_its_jsonl_line_and_keeps_the_given_date(tmp_path: Path) -> None:
    jsonl, gold_dir = _corpus(tmp_path, _gold())
    pairs, problems, others = pair_jsonl(jsonl, gold_dir)
    assert problems == [] and others == 1
    (pair,) = pairs
    assert pair.gold.id == "wire-1" and pair.raw.text == TEXT
    assert pair.raw.published == "2024-03-12"


def test_a_changed_text_is_not_scored_against_old_offsets(tmp_path: Path) -> None:
    jsonl, gold_dir = _corpus(tmp_path, _gold(), sha="0" * 64)
    pairs, problems, _ = pair_jsonl(jsonl, gold_dir)
    assert pairs == [] and "not the one annotated" in problems[0]


def test_a_gold_file_naming_no_document_is_reported(tmp_path: Path) -> None:
    jsonl, gold_dir = _corpus(tmp_path, _gold(id="wire/9"))
    pairs, problems, _ = pair_jsonl(jsonl, gold_dir)
    assert pairs == [] and "no document wire/9" in problems[0]


def test_a_blind_folder_refuses_per_document_output(tmp_path: Path) -> None:
    jsonl, gold_dir = _corpus(tmp_path, _gold())
    (gold_dir / "BLIND").write_text("blind\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(jsonl), str(gold_dir), "--per-doc"])
    assert result.exit_code == 2 and "blind" in result.output


def test_a_blind_folder_prints_aggregates_without_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from accord.schema import DocumentError

    def failing(items: Any, model: str, batch_size: int = 32) -> Any:
        for item in items:
            yield DocumentError(path=item.source.path, reason="boom", stage="extract")

    monkeypatch.setattr("accord.evaluate.run.process_stream", failing)
    jsonl, gold_dir = _corpus(tmp_path, _gold())
    (gold_dir / "BLIND").write_text("blind\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(jsonl), str(gold_dir), "--json"])
    out = json.loads(result.stdout)
    assert out["documents_scored"] == 1 and "per_document" not in out
    assert "wire" not in result.stderr and "1 document(s) failed" in result.stderr


@pytest.mark.skipif(not BULK.is_file(), reason="../shared/corpus/bulk not beside the project")
def test_the_committed_set_is_sixty_real_articles_outside_the_public_folders() -> None:
    split = json.loads((REAL / "split.json").read_text(encoding="utf-8"))
    docs = split["documents"]
    assert sum(d["split"] == "dev" for d in docs) == 20
    assert sum(d["split"] == "blind" for d in docs) == 40
    assert (REAL / "blind" / "BLIND").is_file()
    for folder in ("dev", "blind"):
        pairs, problems, _ = pair_jsonl(BULK, REAL / folder)
        assert problems == [], problems
        assert {p.gold.id for p in pairs} <= {d["slug"] for d in docs if d["split"] == folder}
    public = [
        " ".join(p.read_text(encoding="utf-8").split())
        for sub in ("africa", "trade", "dev")
        for p in (BULK.parents[1] / sub).glob("*.txt")
    ]
    texts = {json.loads(line)["id"]: json.loads(line)["text"] for line in BULK.open()}
    for d in docs:
        body = " ".join(texts[d["id"]].split())
        assert not any(body[:200] in other for other in public), d["id"]
