"""schemathesis against the running API's /openapi.json: no 5xx, every answer as the
schema says. A short read-only run here; `make fuzz-api` runs all routes for longer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "fuzz_api.py"


@pytest.mark.slow
def test_schemathesis_finds_no_server_error_and_no_schema_violation() -> None:
    pytest.importorskip("schemathesis")
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--seconds", "15", "--docs", "40", "--read-only"],
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
    assert "passed" in done.stdout
