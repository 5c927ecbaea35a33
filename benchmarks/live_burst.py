"""A burst on the live map: N events stored at once while a page with 5,000 events is open;
how long until they are all on it, and how long the page took to apply them.

    PYTHONPATH=src python benchmarks/live_burst.py [--events 5000] [--burst 500]

The store is filled with generated events (eventwire.web.loadtest.fill_store), the server runs
in a thread, the page in Debian's Chromium (Playwright); the burst is one transaction written
by another connection, as a watcher's would be.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "web")]

from webstore import serve_in_thread  # noqa: E402

from events import make_event  # noqa: E402
from eventwire.model import Article, text_id  # noqa: E402
from eventwire.store import open_store  # noqa: E402
from eventwire.web.app import create_app  # noqa: E402
from eventwire.web.loadtest import fill_store  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--burst", type=int, default=500)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        db = f"{tmp}/burst.sqlite"
        fill_store(db, args.events)
        app = create_app(db, None)
        writer = open_store(db)
        with serve_in_thread(app) as url, sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"]
            )
            page = browser.new_page(viewport={"width": 1400, "height": 860})
            page.goto(url + "/")
            page.wait_for_selector("#live[data-state=live]", timeout=60_000)
            with writer.transaction():
                for i in range(args.burst):
                    text = f"Burst report {i}."
                    article = Article(text=text, source="Kyiv Wire", article_id=text_id(text))
                    point = {"latitude": -30 + (i // 25) * 0.5, "longitude": -60 + (i % 25) * 0.5}
                    event = replace(
                        make_event(event_id=f"burst-{i}", article_id=article.article_id),
                        evidence=[],
                        geonameid=None,
                        location=f"Burst {i}",
                        **point,
                    )
                    writer.add_article(article, [event])
            stored = time.monotonic()
            page.wait_for_function(
                "(n) => window.eventwire.markers() >= n",
                arg=args.events + args.burst,
                polling=20,
                timeout=60_000,
            )
            live = page.evaluate("window.eventwire.live")
            print(
                f"{args.burst} events stored at once, {args.events} on the page: all on it after"
                f" {time.monotonic() - stored:.2f} s; {live['applied']} message(s), the last"
                f" applied in {live['lastApplyMs']:.0f} ms"
            )
            browser.close()
        writer.close()
        app.state.pool.close()


if __name__ == "__main__":
    main()
