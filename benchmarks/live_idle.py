"""Idle cost of the live map's server: CPU of `eventwire serve` with no page, then with open
pages connected to /api/stream and nothing changing, each over SECONDS.

    PYTHONPATH=src python benchmarks/live_idle.py [--events 5000] [--pages 1] [--seconds 60]

A store of generated events (eventwire.web.loadtest.fill_store), the server in a subprocess,
the pages in Debian's Chromium (Playwright). Prints the share of one core the server used.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.request import urlopen

from eventwire.web.loadtest import fill_store

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def share(pid: int, seconds: float) -> float:
    before, start = cpu_seconds(pid), time.monotonic()
    time.sleep(seconds)
    return (cpu_seconds(pid) - before) / (time.monotonic() - start)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--pages", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        db = f"{tmp}/idle.sqlite"
        fill_store(db, args.events)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = subprocess.Popen(
            [sys.executable, "-m", "eventwire", "serve", "--db", db, "--port", str(port)],
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    urlopen(base + "/healthz", timeout=2).close()
                    break
                except OSError:
                    time.sleep(0.1)
            time.sleep(2)
            print(f"no page: {100 * share(server.pid, args.seconds):.2f}% of a core")
            with sync_playwright() as p:
                browser = p.chromium.launch(
                    executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"]
                )
                pages = []
                for _ in range(args.pages):
                    page = browser.new_page()
                    page.goto(base + "/")
                    page.wait_for_selector("#live[data-state=live]", timeout=60_000)
                    pages.append(page)
                time.sleep(3)  # the page's first requests are over
                used = share(server.pid, args.seconds)
                print(
                    f"{args.pages} open page(s), {args.events} events, nothing changing:"
                    f" {100 * used:.2f}% of a core"
                )
                browser.close()
        finally:
            server.terminate()
            server.wait(15)


if __name__ == "__main__":
    main()
