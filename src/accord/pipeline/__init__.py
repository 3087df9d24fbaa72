"""pipeline: drives the stages for one document, a stream, a local pool, or Spark.

- ``ingest(sources, store, settings)``: read, process and store (CLI, scripts).
- ``iter_processed(items, settings)``: ``Processed(document, record)`` or error entries,
  in input order, on ``settings.workers`` processes.
- ``process_chunk(chunk, settings)``: the per-chunk function every path runs; a Spark
  executor calls it on each chunk of its partition (``load_nlp`` once per executor).
- ``Processor(settings)``: one document at a time within the time limit, from any
  thread (the API's write path).
- ``process_raw``/``process_text``/``safe_process``/``process_stream``/``process_parallel``:
  the record-only entry points, kept.
"""

from accord.pipeline.batch import process_chunk, process_stream
from accord.pipeline.document import process_raw, process_text, safe_process
from accord.pipeline.guard import DocumentFailed, Processor
from accord.pipeline.ingest import OUTCOMES, IngestReport, ingest, store_result
from accord.pipeline.limits import TimeLimitExceeded
from accord.pipeline.pool import iter_processed, process_parallel
from accord.pipeline.processed import Item, Processed, Result

__all__ = [
    "OUTCOMES",
    "DocumentFailed",
    "IngestReport",
    "Item",
    "Processed",
    "Processor",
    "Result",
    "TimeLimitExceeded",
    "ingest",
    "iter_processed",
    "process_chunk",
    "process_parallel",
    "process_raw",
    "process_stream",
    "process_text",
    "safe_process",
    "store_result",
]
