"""A fresh PostgreSQL schema per test, shared by every suite that needs the server.

Tests that touch PostgreSQL each get a schema of their own (dropped afterwards), so runs
repeat and parallel suites never see each other's rows. Skips when ACCORD_TEST_PG_URL is
not set, so a machine without the server still runs the rest.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url


@contextmanager
def fresh_schema(prefix: str = "accord_test") -> Iterator[str]:
    """Yield a PostgreSQL URL whose search_path is a new schema named `prefix_<hex>`."""
    base = os.environ.get("ACCORD_TEST_PG_URL")
    if not base:
        pytest.skip("ACCORD_TEST_PG_URL is not set")
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
