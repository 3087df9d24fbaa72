"""Where the dashboard's own checks find a headless Chromium, and the flags they give it:
the browser tests and ``scripts/bench_serve.py --paint`` launch it alike, offline (no
background networking, component updates or sync) and without a GPU or sandbox."""

from __future__ import annotations

import os
import shutil

CHROMIUM = os.environ.get("ACCORD_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
