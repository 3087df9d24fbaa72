"""Runs the pipeline on exactly the texts that have gold, and scores the records."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from accord.errors import GoldError
from accord.evaluate.gold import Gold, load_gold, pair_files
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
    corpus_dir: Path, gold_dir: Path, model: str | None = None, batch_size: int = 32
) -> Report:
    """Score every gold file under gold_dir against the record of its text."""
    pairing = pair_files(corpus_dir, gold_dir)
    problems = [f"{gold}: {why}" for gold, why in pairing.unmatched_gold]
    work: list[tuple[Gold, Path, RawDocument | DocumentError]] = []
    for gold_path, text in pairing.pairs:
        try:
            gold = load_gold(gold_path)
        except GoldError as exc:
            problems.append(str(exc))
            continue
        work.append((gold, text, _raw_for(gold, text)))

    def stream() -> Iterator[RawDocument | DocumentError]:
        for _, _, raw in work:
            yield raw

    # Records only, in this process; process_stream loads the other settings (max_chars,
    # time_limit) as every run does. Scored against the reader's text, which is what the
    # store keeps as the document's raw text.
    records = process_stream(stream(), model or Settings().model, batch_size)
    scores: list[DocScore] = []
    for (gold, text, raw), result in zip(work, records, strict=True):
        if isinstance(result, DocumentError) or isinstance(raw, DocumentError):
            why = f"{result.stage}: {result.reason}" if isinstance(result, DocumentError) else ""
            scores.append(score_failure(gold, why or "unreadable", str(text)))
        else:
            scores.append(score_document(gold, result, raw.text, str(text)))
    return Report(summarise(scores), tuple(problems), pairing.texts_without_gold)
