"""A long article's POST does not hold up the small POSTs behind it (issue 13): extraction
runs in a worker thread outside the store's write lock, never on the event loop."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from webstore import TOKEN, serve_in_thread

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
STORY = (REPO / "examples/articles/kharkiv-strikes.txt").read_text(encoding="utf-8")
SMALL = "Russian drones struck Sumy on Tuesday, injuring three people, the governor said."


def test_a_small_post_answers_while_a_200k_article_is_extracted(writable_db: Path) -> None:
    from eventwire.web.app import create_app

    long_text = ("\n\n".join([STORY] * (200_000 // len(STORY) + 1)))[:200_000]
    app = create_app(str(writable_db), TOKEN)
    headers = {"Authorization": f"Bearer {TOKEN}"}
    long_answer: dict[str, Any] = {}
    with serve_in_thread(app) as url:

        def post_long() -> None:
            started = time.perf_counter()
            response = httpx.post(
                f"{url}/api/articles",
                json={"text": long_text, "published": "2025-06-02", "source": "Long Wire"},
                headers=headers,
                timeout=600,
            )
            long_answer.update(status=response.status_code, seconds=time.perf_counter() - started)

        worker = threading.Thread(target=post_long)
        worker.start()
        time.sleep(2.0)  # the long article is being parsed
        sent_during_long = worker.is_alive()
        started = time.perf_counter()
        small = httpx.post(
            f"{url}/api/articles",
            json={"text": SMALL, "published": "2025-06-03", "source": "Short Wire"},
            headers=headers,
            timeout=60,
        )
        small_seconds = time.perf_counter() - started
        worker.join(600)
    app.state.pool.close()
    assert sent_during_long, "the long POST ended before the small one was sent: no test"
    assert small_seconds < 5, (small_seconds, long_answer)
    assert small.status_code == 200 and small.json()["events_added"] == 1, small.text
    assert long_answer["status"] == 200
    assert long_answer["seconds"] > small_seconds
