"""Lists as CSV or Parquet: the same rows the JSON gives, flattened for tables."""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Literal

import pyarrow as pa
import pyarrow.parquet as pq
from fastapi import Response

Format = Literal["json", "csv", "parquet"]


def _cell(value: Any) -> Any:
    """Lists of words become "a; b"; spans and other structures become JSON text."""
    if isinstance(value, list | tuple):
        if all(isinstance(v, str) for v in value):
            return "; ".join(value)
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def flat(items: list[dict[str, Any]]) -> tuple[list[str], list[dict[str, Any]]]:
    """Column names (in first-seen order) and rows with flat cells."""
    columns: list[str] = []
    for item in items:
        for key in item:
            if key not in columns:
                columns.append(key)
    return columns, [{c: _cell(item.get(c)) for c in columns} for item in items]


def to_csv(items: list[dict[str, Any]]) -> bytes:
    columns, rows = flat(items)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def to_parquet(items: list[dict[str, Any]]) -> bytes:
    columns, rows = flat(items)
    floats = {k for r in rows for k, v in r.items() if isinstance(v, float)}
    for row in rows:  # a column of ints and floats is a float column
        for key in floats:
            if isinstance(row[key], int) and not isinstance(row[key], bool):
                row[key] = float(row[key])
    table = pa.Table.from_pylist(rows) if rows else pa.table({c: [] for c in columns})
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    return buffer.getvalue()


def tabular(items: list[dict[str, Any]], fmt: Format, name: str) -> Response:
    """A download of ``items`` as CSV or Parquet."""
    if fmt == "csv":
        return Response(
            to_csv(items),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
        )
    return Response(
        to_parquet(items),
        media_type="application/vnd.apache.parquet",
        headers={"Content-Disposition": f'attachment; filename="{name}.parquet"'},
    )
