"""The per-document error entry: what a batch reports instead of a record."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DocumentError:
    """One document that could not be processed: where it was and what is wrong."""

    path: str
    reason: str
    stage: str = "read"  # read | clean | parse | extract | record | store

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "reason": self.reason, "stage": self.stage}
