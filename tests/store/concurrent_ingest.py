"""Two writers ingesting into one store at once, as two `accord ingest` runs would."""

from __future__ import annotations

import threading

from accord.schema import Record
from accord.store import open_store


def ingest_concurrently(url: str, records: list[Record], writers: int = 2) -> list[BaseException]:
    """Ingest ``records`` split over ``writers`` threads, each with its own Store; return
    what any writer raised (an empty list when all succeeded)."""
    failures: list[BaseException] = []

    def writer(chunk: list[Record]) -> None:
        try:
            with open_store(url) as store:
                for r in chunk:
                    store.ingest(r)
        except BaseException as exc:  # collected and asserted by the caller
            failures.append(exc)

    threads = [threading.Thread(target=writer, args=(records[i::writers],)) for i in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return failures
