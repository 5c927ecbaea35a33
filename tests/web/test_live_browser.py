"""The live map in Debian's Chromium: articles dropped into a watched folder appear on an open
page within seconds, a second outlet's report updates its marker, the page reconnects after a
server restart, and it stays responsive with 5,000 events on it.

Issue 12's floor 1 runs twice, each time with real processes: `eventwire serve --db DB --watch
DIR` (the watcher a child of the server), and `eventwire watch DIR --db DB` beside `eventwire
serve --db DB`. Each drop's delay, from the file's rename into the folder to its marker on the
page, is printed (run with -s to see the figures; `EVENTWIRE_LIVE_DROPS` sets how many drops).
Screenshots go to tests/web/screenshots/ as in test_browser.py, whose fixtures these reuse.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.request import urlopen

from test_browser import RENDERED, Watch, _shot, browser, page  # noqa: F401 (fixtures)

from events import make_event
from eventwire.model import Article, text_id
from eventwire.store import open_store
from eventwire.store.synthetic import PLACES

DROPS = int(os.environ.get("EVENTWIRE_LIVE_DROPS", "20"))
FLOOR_SECONDS = 10.0
ROOT = Path(__file__).resolve().parents[2]
NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT / "src"), "EVENTWIRE_TOKEN": ""}


def _get(url: str) -> Any:
    with urlopen(url, timeout=10) as response:
        return json.load(response)


@contextmanager
def _process(args: list[str], log: Path) -> Iterator[subprocess.Popen[bytes]]:
    """`python -m eventwire ARGS` with its stderr in `log`; SIGTERM (then SIGKILL) after."""
    with open(log, "wb") as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "eventwire", *args],
            env=_env(),
            stdout=subprocess.DEVNULL,
            stderr=err,
            cwd=ROOT,
        )
        try:
            yield process
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _up(base: str, process: subprocess.Popen[bytes], log: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the server exited: {log.read_text()[-2000:]}")
        try:
            _get(base + "/healthz")
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"the server did not start: {log.read_text()[-2000:]}")


@contextmanager
def _serve(db: Path, tmp: Path, *extra: str, port: int = 0) -> Iterator[str]:
    port = port or _free_port()
    log = tmp / f"serve-{port}-{time.monotonic_ns()}.log"
    with _process(["serve", "--db", str(db), "--port", str(port), *extra], log) as process:
        base = f"http://127.0.0.1:{port}"
        _up(base, process, log)
        yield base


def _report(place: str, day: int, killed: int, injured: int, outlet: str, second: bool) -> str:
    if second:  # another outlet's words and figures for the same event
        return (
            f"{NUMBERS[killed].capitalize()} people were killed and {NUMBERS[injured]} injured"
            f" when Russian artillery hit {place} on {day} June, according to local officials."
            " Schools in the area moved classes online for the rest of the week."
        )
    return (
        f"Russian forces shelled {place} on {day} June, killing {NUMBERS[killed]} people and"
        f" wounding {NUMBERS[injured]}, the regional governor said. Emergency workers remained"
        " at the scene late into the evening."
    )


def _drop(inbox: Path, name: str, text: str, outlet: str, day: int) -> float:
    """An article and its sidecar into the folder as a newsroom's script would: the sidecar
    first, the text written under a hidden name and renamed. The time of the rename."""
    sidecar = {"published": f"2025-06-{day + 1:02d}", "source": outlet, "title": text[:60]}
    (inbox / f"{name}.json").write_text(json.dumps(sidecar))
    hidden = inbox / f".{name}.txt.part"
    hidden.write_text(text)
    os.replace(hidden, inbox / f"{name}.txt")
    return time.monotonic()


def _open_live(pg: Any, base: str, hash: str = "") -> None:
    pg.goto(base + "/" + hash)
    pg.wait_for_selector("body[data-state=ready]")
    pg.wait_for_selector("#live[data-state=live]", timeout=15_000)


def _wait_markers(pg: Any, n: int, seconds: float) -> None:
    pg.wait_for_function(
        "(n) => window.eventwire.markers() >= n", arg=n, polling=50, timeout=seconds * 1000
    )


def _drops_appear(pg: Any, base: str, inbox: Path, label: str) -> list[float]:
    """Floor 1 on an open page: DROPS articles, each a new marker within FLOOR_SECONDS; then a
    second outlet's report of the first one updates its marker and its panel compares both."""
    _open_live(pg, base)
    # warm-up: the watcher has loaded its models once this is on the map (not measured)
    _drop(inbox, "warm-up", _report("Kyiv", 1, 1, 1, "Kyiv Wire", False), "Kyiv Wire", 1)
    _wait_markers(pg, 1, 120)
    delays = []
    for i in range(DROPS):
        place = PLACES[i % len(PLACES)]
        text = _report(place, 3 + i // len(PLACES), 3, 4, "Kyiv Wire", False)
        dropped = _drop(inbox, f"drop-{i:02d}", text, "Kyiv Wire", 3 + i // len(PLACES))
        _wait_markers(pg, 2 + i, FLOOR_SECONDS + 5)
        delays.append(time.monotonic() - dropped)
    print(
        f"\n{label}: {DROPS} drops, marker on the open page after median"
        f" {statistics.median(delays):.2f} s, max {max(delays):.2f} s"
        f" (all: {', '.join(f'{d:.2f}' for d in delays)})"
    )
    assert max(delays) <= FLOOR_SECONDS
    assert pg.evaluate("window.eventwire.markers()") == DROPS + 1
    # the timeline grew: the warm-up's day and the drops' days
    bars = pg.locator("#timeline rect.bar")
    counts = {
        bars.nth(i).get_attribute("data-day"): bars.nth(i).get_attribute("data-count")
        for i in range(bars.count())
    }
    assert counts["2025-06-01"] == "1" and sum(int(c) for c in counts.values()) == DROPS + 1
    # the page's markers are the API's events
    api = _get(base + "/api/events?limit=10000")
    assert api["total"] == DROPS + 1
    pg.wait_for_function(f"() => ({RENDERED})() === {DROPS + 1}")
    first = next(f for f in api["features"] if f["properties"]["location"] == PLACES[0])
    event_id = first["id"]
    assert pg.evaluate("(id) => window.eventwire.fresh(id)", event_id) == "new"
    # the same event by a second outlet, with other figures: the marker changes, none is added
    pg.evaluate("(id) => window.eventwire.select(id)", event_id)
    pg.wait_for_selector(f'#detail[data-event-id="{event_id}"]')
    second = _report(PLACES[0], 3, 5, 6, "River News", True)
    dropped = _drop(inbox, "second-outlet", second, "River News", 3)
    pg.wait_for_selector("#detail #sources", timeout=FLOOR_SECONDS * 1000)
    print(
        f"{label}: second outlet's report in the open panel after {time.monotonic() - dropped:.2f} s"
    )
    assert pg.evaluate("window.eventwire.markers()") == DROPS + 1
    assert pg.evaluate("(id) => window.eventwire.fresh(id)", event_id) == "updated"
    detail = _get(f"{base}/api/events/{event_id}")
    assert [r["source"] for r in detail["reports"]] == ["Kyiv Wire", "River News"]
    heads = pg.locator("#sources thead th").all_text_contents()
    assert heads[2].startswith("Kyiv Wire") and heads[3].startswith("River News")
    killed = pg.locator('#sources tr[data-row="killed"] td').all_text_contents()
    injured = pg.locator('#sources tr[data-row="injured"] td').all_text_contents()
    claimed = pg.locator('#sources tr[data-row="claimed-by"] td').all_text_contents()
    figures = [(r["fatalities"], r["injuries"], r["claimed_by"]) for r in detail["reports"]]
    assert figures == [(3, 4, "the regional governor"), (5, 6, "local officials")]
    assert (killed[1:], injured[1:], claimed[1:]) == (
        ["3", "5"],
        ["4", "6"],
        ["the regional governor", "local officials"],
    )
    assert pg.locator("#sources td.differs").count() >= 2  # what a source says otherwise
    return delays


def test_drops_appear_on_the_page_of_serve_watch(
    page: tuple[Any, Watch],  # noqa: F811
    tmp_path: Path,
) -> None:
    pg, watch = page
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    db = tmp_path / "live.sqlite"
    with _serve(db, tmp_path, "--watch", str(inbox)) as base:
        _drops_appear(pg, base, inbox, "eventwire serve --watch")
        _shot(pg, "20-live-sources-side-by-side")
        pg.locator("#detail .close").click()
        newest = _get(base + "/api/events?limit=10000")["features"]
        latest = next(f for f in newest if f["properties"]["location"] == PLACES[DROPS - 1])
        # "21 new" in the bar and the tab's title; a click shows the newest
        assert pg.text_content("#unseen") == f"{DROPS + 1} new"
        assert pg.title().startswith(f"({DROPS + 1}) ")
        pg.click("#unseen")
        assert pg.locator("#unseen").is_hidden() and not pg.title().startswith("(")
        pg.wait_for_selector(f'#map .ew-marker.fresh-new[data-event-id="{latest["id"]}"]')
        _shot(pg, "21-live-new-marker")
    assert watch.console_errors == []
    assert pg.evaluate("window.__csp") == []


def test_drops_appear_with_watch_beside_serve(
    page: tuple[Any, Watch],  # noqa: F811
    tmp_path: Path,
) -> None:
    pg, watch = page
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    db = tmp_path / "live.sqlite"
    open_store(str(db)).close()
    log = tmp_path / "watch.log"
    with (
        _process(["watch", str(inbox), "--db", str(db)], log),
        _serve(db, tmp_path) as base,
    ):
        _drops_appear(pg, base, inbox, "eventwire watch + eventwire serve")
    assert watch.console_errors == []


def _article(i: int, source: str) -> Article:
    text = f"Generated report {i} from {source}."
    return Article(text=text, source=source, article_id=text_id(text))


def test_the_page_reconnects_after_a_server_restart(
    page: tuple[Any, Watch],  # noqa: F811
    tmp_path: Path,
) -> None:
    pg, watch = page
    db = tmp_path / "restart.sqlite"
    writer = open_store(str(db))
    a = _article(1, "Kyiv Wire")
    writer.add_article(a, [make_event(event_id="ev-1", article_id=a.article_id, evidence=[])])
    port = _free_port()
    with _serve(db, tmp_path, port=port) as base:
        # a reader with a filter and an event open
        _open_live(pg, base, "#country=Ukraine&event=ev-1")
        pg.wait_for_selector('#detail[data-event-id="ev-1"]')
        _wait_markers(pg, 1, 5)
        hash_before = pg.evaluate("location.hash")
    # the server is down: the page says so, and an event is stored meanwhile
    pg.wait_for_selector("#live:not([data-state=live])", timeout=10_000)
    state = pg.get_attribute("#live", "data-state")
    assert state in ("reconnecting", "offline")
    b = _article(2, "River News")
    odesa = {"location": "Odesa", "latitude": 46.48, "longitude": 30.72, "geonameid": 698740}
    mention = replace(make_event(event_id="ev-2", article_id=b.article_id, evidence=[]), **odesa)
    writer.add_article(b, [mention])
    c = _article(3, "Steppe Herald")  # outside the reader's filter
    belgorod = {"country": "Russia", "location": "Belgorod", "latitude": 50.61, "longitude": 36.58}
    belgorod["geonameid"] = 578072
    mention = replace(make_event(event_id="ev-3", article_id=c.article_id, evidence=[]), **belgorod)
    writer.add_article(c, [mention])
    writer.close()
    restarted = time.monotonic()
    with _serve(db, tmp_path, port=port):
        pg.wait_for_selector("#live[data-state=live]", timeout=15_000)
        _wait_markers(pg, 2, 10)  # caught up from Last-Event-ID
        print(f"\nreconnected and caught up {time.monotonic() - restarted:.2f} s after restart")
        assert pg.evaluate("(id) => window.eventwire.fresh(id)", "ev-2") == "new"
        # the filter and the open event stayed; the event outside the filter is not shown
        pg.wait_for_timeout(700)
        assert pg.evaluate("window.eventwire.markers()") == 2
        assert pg.evaluate("location.hash") == hash_before
        assert pg.input_value("#f-country") == "Ukraine"
        assert pg.locator('#detail[data-event-id="ev-1"]').is_visible()
        assert pg.get_attribute("#count", "data-total") == "2"
    assert watch.page_errors == []


def test_the_page_stays_responsive_with_5000_events(
    page: tuple[Any, Watch],  # noqa: F811
    tmp_path: Path,
) -> None:
    from eventwire.web.loadtest import fill_store

    pg, watch = page
    db = tmp_path / "big.sqlite"
    assert fill_store(str(db), 5000) == 5000
    with _serve(db, tmp_path) as base:
        started = time.monotonic()
        _open_live(pg, base)
        loaded = time.monotonic() - started
        assert pg.evaluate("window.eventwire.markers()") == 5000
        writer = open_store(str(db))
        apply, paint, seen = [], [], []
        for i in range(10):
            a = _article(10_000 + i, "Kyiv Wire")
            # new events far from the grid, then a second report of each (an update)
            point = {"latitude": 10.0 + i, "longitude": -20.0 - i, "geonameid": None}
            fields = {**point, "location": f"Live {i}", "event_date": "2025-05-01"}
            mention = replace(
                make_event(event_id=f"live-{i}", article_id=a.article_id, evidence=[]), **fields
            )
            before = pg.evaluate("window.eventwire.live.applied")
            stored = time.monotonic()
            writer.add_article(a, [mention])
            pg.wait_for_function(
                "(n) => window.eventwire.live.applied > n && window.eventwire.live.lastPaintMs",
                arg=before,
                polling=20,
            )
            seen.append(time.monotonic() - stored)
            apply.append(pg.evaluate("window.eventwire.live.lastApplyMs"))
            pg.wait_for_function("() => window.eventwire.live.lastPaintMs !== null")
            paint.append(pg.evaluate("window.eventwire.live.lastPaintMs"))
            pg.evaluate("window.eventwire.live.lastPaintMs = null")
        writer.close()
        assert pg.evaluate("window.eventwire.markers()") == 5010
        # a click on the list still opens an event at once
        clicked = time.monotonic()
        pg.locator("#event-list button").first.click()
        pg.wait_for_selector("#detail:not([hidden]) h2")
        click = time.monotonic() - clicked
        print(
            f"\n5,000 events: page ready in {loaded:.1f} s; a pushed event applied in median"
            f" {statistics.median(apply):.0f} ms (max {max(apply):.0f}), on screen (next frame)"
            f" median {statistics.median(paint):.0f} ms (max {max(paint):.0f}); stored to"
            f" applied median {statistics.median(seen):.2f} s; list click to panel {click:.2f} s"
        )
        # bounds loose enough for a machine shared with other test runs (load 12 on 2 cores:
        # median 109 ms, max 362 ms); redrawing all 5,000 markers per push would break them
        assert statistics.median(apply) < 300 and max(apply) < 1500
        assert statistics.median(paint) < 1000 and click < 5
    assert watch.console_errors == []
