"""Fuzz the REST API from its own OpenAPI description with schemathesis (make fuzz-api).

    python scripts/fuzz_api.py [--seconds 150] [--docs 120]

Fills a temporary SQLite store with invented records (accord.serve.synthetic), serves it
with uvicorn on 127.0.0.1 (a free port; writes accepted with a throw-away token and the
real pipeline), and runs ``schemathesis run`` against /openapi.json with every check (the exceptions
and their reasons are in scripts/schemathesis.toml):
no 5xx, answers that match the schema (status codes, content types, bodies), invalid
input refused, valid input accepted. Bounded: schemathesis stops after ``--seconds``,
and the whole run is killed past ``--seconds`` + 30 s. Exit status is schemathesis's.
"""

from __future__ import annotations

import argparse
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import uvicorn

from accord.serve.app import create_app
from accord.serve.synthetic import synthetic_records
from accord.settings import Settings
from accord.store import open_store

CONFIG = Path(__file__).resolve().with_name("schemathesis.toml")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=150, help="schemathesis' time budget")
    parser.add_argument("--docs", type=int, default=120, help="invented documents in the store")
    parser.add_argument("--workers", default="2")
    parser.add_argument("--out", default=None, help="also write schemathesis' report here")
    parser.add_argument(
        "--read-only",
        action="store_true",
        help="no token and no pipeline (writes answer 403): starts in a second, for make test",
    )
    args = parser.parse_args()
    process = None
    if not args.read_only:
        from accord.pipeline import process_raw as process
    token = None if args.read_only else secrets.token_urlsafe(16)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'fuzz.db'}"
        with open_store(url) as store:
            for record in synthetic_records(args.docs, seed=3):
                store.ingest(record)
            settings = Settings(api_token=token, write_rate=100_000, max_chars=20_000)
            app = create_app(store, settings, process=process)
            port = free_port()
            server = uvicorn.Server(
                uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error")
            )
            thread = threading.Thread(target=server.run, daemon=True)
            thread.start()
            while not server.started:
                time.sleep(0.05)
            command = [
                str(Path(sys.executable).with_name("schemathesis")),
                "--config-file",
                str(CONFIG),
                "--no-color",
                "run",
                f"http://127.0.0.1:{port}/openapi.json",
                "--max-time",
                str(args.seconds),
                "--workers",
                args.workers,
                "--request-timeout",
                "30",
                *(["--header", f"Authorization: Bearer {token}"] if token else []),
                *(["--exclude-method", "POST"] if args.read_only else []),
                "--suppress-health-check",
                "all",
            ]
            try:
                done = subprocess.run(
                    command, timeout=args.seconds + 30, check=False, capture_output=True, text=True
                )
                code = done.returncode
                print(done.stdout + done.stderr)
                if args.out:
                    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
                    Path(args.out).write_text(done.stdout + done.stderr, encoding="utf-8")
            except subprocess.TimeoutExpired:
                print(f"schemathesis ran past {args.seconds + 30} s: stopped")
                code = 1
            server.should_exit = True
            thread.join(timeout=10)
    return code


if __name__ == "__main__":
    sys.exit(main())
