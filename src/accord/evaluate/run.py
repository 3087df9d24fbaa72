"""Runs the pipeline on exactly the texts that have gold, and scores the records."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from accord.errors import GoldError
from accord.evaluate.gold import Gold, load_gold, pair_files
from accord.evaluate.scores import DocScore, Summary, score_document, score_failure, summarise
from accord.pipeline import Processed, iter_processed
from accord.read.sources import iter_raw
from accord.schema import DocumentError, RawDocument
from accord.settings import Settings, load_settings


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
    corpus_dir: Path,
    gold_dir: Path,
    model: str | None = None,
    batch_size: int = 32,
    *,
    settings: Settings | None = None,
) -> Report:
    """Score every gold file under gold_dir against the record of its text.

    ``settings`` (default: load_settings with this model and batch size, one worker so
    scores come from the in-process path) carries the limits every run uses.
    """
    if settings is None:
        settings = load_settings(model=model, batch_size=batch_size, workers=1)
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

    results = iter_processed(stream(), settings)
    scores: list[DocScore] = []
    for (gold, text, _), result in zip(work, results, strict=True):
        if isinstance(result, Processed):
            document, record = result.document, result.record
            scores.append(score_document(gold, record, document.raw, str(text)))
        else:
            why = f"{result.stage}: {result.reason}"
            scores.append(score_failure(gold, why, str(text)))
    return Report(summarise(scores), tuple(problems), pairing.texts_without_gold)
