"""Runs the pipeline on exactly the texts that have gold, and scores the records."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from accord.errors import GoldError
from accord.evaluate.gold import Gold, load_gold, pair_files
from accord.evaluate.real import pair_jsonl
from accord.evaluate.scores import DocScore, Summary, score_document, score_failure, summarise
from accord.pipeline import process_stream
from accord.read.sources import iter_raw
from accord.schema import DocumentError, RawDocument
from accord.settings import Settings


@dataclass(frozen=True, slots=True)
class Report:
    """Scores, plus the gold files that could not be scored and why."""

    summary: Summary
    problems: tuple[str, ...]  # gold files not scored: malformed, or no text
    texts_without_gold: int


def _raw_for(gold: Gold, text: Path) -> RawDocument | DocumentError:
    """The text as the reader gives it, with the gold's metadata: id = stem, and the
    publication date that GOLD_FORMAT says the system is given (null stays null)."""
    for item in iter_raw([text]):
        if isinstance(item, DocumentError):
            return item
        return replace(item, id=gold.id, published=gold.published)
    return DocumentError(path=str(text), reason="the reader yielded nothing", stage="read")


def evaluate(
    corpus: Path, gold_dir: Path, model: str | None = None, batch_size: int = 32
) -> Report:
    """Score every gold file under gold_dir against the record of its text.

    ``corpus`` is a folder of ``NAME.txt`` texts (gold ``NAME.json``), or a JSON Lines
    file whose lines the offset-form gold files of eval/real name by ``id``.
    """
    if corpus.is_file() and corpus.suffix == ".jsonl":
        pairs, problems, others = pair_jsonl(corpus, gold_dir)
        work = [(p.gold, p.text_path, p.raw, p.raw.text) for p in pairs]
        return _score(work, problems, others, model, batch_size)
    pairing = pair_files(corpus, gold_dir)
    problems = [f"{gold}: {why}" for gold, why in pairing.unmatched_gold]
    folder_work: list[tuple[Gold, str, RawDocument | DocumentError, str]] = []
    for gold_path, text in pairing.pairs:
        try:
            gold = load_gold(gold_path)
        except GoldError as exc:
            problems.append(str(exc))
            continue
        raw = _raw_for(gold, text)
        folder_work.append((gold, str(text), raw, raw.text if isinstance(raw, RawDocument) else ""))
    return _score(folder_work, problems, pairing.texts_without_gold, model, batch_size)


def _score(
    work: Sequence[tuple[Gold, str, RawDocument | DocumentError, str]],
    problems: list[str],
    texts_without_gold: int,
    model: str | None,
    batch_size: int,
) -> Report:
    def stream() -> Iterator[RawDocument | DocumentError]:
        for _, _, raw, _ in work:
            yield raw

    # Records only, in this process; process_stream loads the other settings (max_chars,
    # time_limit) as every run does. Scored against the reader's text, which is what the
    # store keeps as the document's raw text.
    records = process_stream(stream(), model or Settings().model, batch_size)
    scores: list[DocScore] = []
    for (gold, where, raw, text), result in zip(work, records, strict=True):
        if isinstance(result, DocumentError) or isinstance(raw, DocumentError):
            why = f"{result.stage}: {result.reason}" if isinstance(result, DocumentError) else ""
            scores.append(score_failure(gold, why or "unreadable", where))
        else:
            scores.append(score_document(gold, result, text, where))
    return Report(summarise(scores), tuple(problems), texts_without_gold)
