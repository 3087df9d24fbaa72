"""pipeline: drives the stages for one document, a stream, a local pool, or Spark."""

from accord.pipeline.batch import process_stream
from accord.pipeline.document import process_raw, process_text, safe_process
from accord.pipeline.pool import process_parallel

__all__ = [
    "process_parallel",
    "process_raw",
    "process_stream",
    "process_text",
    "safe_process",
]
