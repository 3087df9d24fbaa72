"""evaluate: gold loading, matching, scores, and the gate with pinned floors."""

from accord.evaluate.floors import (
    DEFAULT_CHANGELOG,
    DEFAULT_FLOORS,
    Check,
    FloorError,
    check,
    load_floors,
    raise_floors,
    set_floors,
)
from accord.evaluate.gold import Gold, gold_from_dict, load_gold, pair_files
from accord.evaluate.run import Report, evaluate
from accord.evaluate.scores import DocScore, Summary, metric_names, score_document, summarise

__all__ = [
    "DEFAULT_CHANGELOG",
    "DEFAULT_FLOORS",
    "Check",
    "DocScore",
    "FloorError",
    "Gold",
    "Report",
    "Summary",
    "check",
    "evaluate",
    "gold_from_dict",
    "load_floors",
    "load_gold",
    "metric_names",
    "pair_files",
    "raise_floors",
    "score_document",
    "set_floors",
    "summarise",
]
