"""The map page in Debian's Chromium, driven by Playwright (no `playwright install`).

Against the `live_server` fixture (tests/web/conftest.py: the API on a loopback port with a
few real extracted articles, one of them hostile): the page loads with no request leaving
the machine and no console error or CSP violation, the markers add up to the API's count,
filters and the timeline brush change both alike, a marker opens the panel with every
evidence span highlighted, and a hostile article renders as inert text.

Screenshots go to tests/web/screenshots/ (gitignored). Without Chromium or the playwright
package the tests skip, except under CI=true, where they fail.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit
from urllib.request import urlopen

import pytest

CHROMIUM = os.environ.get("EVENTWIRE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = Path(__file__).parent / "screenshots"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--metrics-recording-only",
]
# Set before any page script runs (init scripts are not subject to the page's CSP).
WATCH = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
  (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""
# Events the map shows: single markers plus the counts of the clusters on screen.
RENDERED = """() => {
  let n = document.querySelectorAll('#map .ew-marker').length;
  for (const c of document.querySelectorAll('#map .ew-cluster')) n += Number(c.dataset.count);
  return n;
}"""

CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def _unavailable(reason: str) -> None:
    if CI:
        pytest.fail(f"browser tests cannot run under CI: {reason}")
    pytest.skip(reason)


def _base(live_server: Any) -> str:
    """The fixture's base URL, whether it is given as a string or an object."""
    for name in ("url", "base_url"):
        value = getattr(live_server, name, None)
        if isinstance(value, str):
            return value.rstrip("/")
    return str(live_server).rstrip("/")


def _get(base: str, path: str, **params: str) -> Any:
    url = base + path + ("?" + urlencode(params) if params else "")
    with urlopen(url, timeout=10) as response:
        return json.load(response)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed")
    if not Path(CHROMIUM).exists():
        _unavailable(f"no Chromium at {CHROMIUM} (make system installs Debian's)")
    with sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        except Error as e:
            _unavailable(f"Chromium did not start: {e}")
        yield b
        b.close()


@pytest.fixture(scope="module")
def base(live_server: Any) -> str:
    return _base(live_server)


class Watch:
    """Everything a page did that a test may want to fail on."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.dialogs: list[str] = []

    def outside(self) -> list[str]:
        return [url for url in self.requests if not _loopback(url)]


def _loopback(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in {"data", "blob"} or parts.hostname in LOOPBACK


@pytest.fixture()
def page(browser: Any) -> Iterator[tuple[Any, Watch]]:
    context = browser.new_context(viewport={"width": 1400, "height": 860}, service_workers="block")
    watch = Watch()
    # Recorded, then refused: a request for another host never leaves the browser either.
    context.on("request", lambda r: watch.requests.append(r.url))
    context.route(lambda url: not _loopback(url), lambda route: route.abort())
    pg = context.new_page()
    pg.set_default_timeout(10_000)
    pg.on("console", lambda m: watch.console_errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: watch.page_errors.append(str(e)))

    def on_dialog(dialog: Any) -> None:
        watch.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    pg.on("dialog", on_dialog)
    pg.add_init_script(WATCH)
    yield pg, watch
    context.close()
    # Every test: nothing left the machine, no dialog opened, no script error.
    assert watch.outside() == [], "requests left the machine"
    assert watch.dialogs == [], "a dialog opened"
    assert watch.page_errors == []


def _open(pg: Any, url: str) -> None:
    pg.goto(url)
    pg.wait_for_selector("body[data-state=ready]")


def _settle(pg: Any, expected: int) -> None:
    """Wait until the page is idle and its markers add up to `expected`."""
    pg.wait_for_selector("body[data-state=ready]")
    pg.wait_for_function(f"() => ({RENDERED})() === {expected}", timeout=5000)


def _shot(pg: Any, name: str) -> Path:
    SHOTS.mkdir(exist_ok=True)
    path = SHOTS / f"{name}.png"
    pg.wait_for_timeout(400)  # let the cluster animation end
    pg.screenshot(path=str(path))
    print(f"screenshot: {path}")
    return path


def _with_point(collection: dict[str, Any]) -> int:
    return sum(1 for f in collection["features"] if f.get("geometry"))


def _all(base: str, **filters: str) -> dict[str, Any]:
    return _get(base, "/api/events", limit="10000", **filters)


def test_page_loads_offline_and_markers_match_the_api(page: tuple[Any, Watch], base: str) -> None:
    pg, watch = page
    response = pg.goto(base + "/")
    assert response is not None and response.ok
    csp = response.headers.get("content-security-policy", "")
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    pg.wait_for_selector("body[data-state=ready]")
    api = _all(base)
    assert api["total"] > 0
    _settle(pg, _with_point(api))
    assert pg.get_attribute("#count", "data-total") == str(api["total"])
    # The base map is drawn (Natural Earth countries on a canvas), no internet tiles.
    pg.wait_for_selector("#map canvas")
    assert pg.locator("img.leaflet-tile").count() == 0
    assert any(u.endswith("/static/vendor/world-atlas/countries-50m.json") for u in watch.requests)
    _shot(pg, "01-map")
    assert watch.console_errors == []
    assert pg.evaluate("window.__csp") == []
    # The CSP is enforced and a violation would be seen: an injected inline script is refused.
    pg.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.__inline = 1'; document.body.appendChild(s); }"
    )
    pg.wait_for_function("window.__csp.length > 0")
    assert pg.evaluate("window.__inline") is None


def test_a_filter_changes_the_markers_and_the_api_count_alike(
    page: tuple[Any, Watch], base: str
) -> None:
    pg, watch = page
    _open(pg, base + "/")
    everything = _all(base)
    countries = _get(base, "/api/facets")["countries"]
    # The country with the most events short of all of them.
    name = next(n for n, c in countries if c < everything["total"])
    pg.select_option("#f-country", name)
    filtered = _all(base, country=name)
    assert 0 < filtered["total"] < everything["total"]
    _settle(pg, _with_point(filtered))
    assert pg.get_attribute("#count", "data-total") == str(filtered["total"])
    assert "country=" in pg.evaluate("location.hash")
    export = pg.get_attribute("#export-acled", "href")
    assert f"country={name}" in export.replace("+", " ")
    download = pg.request.get(base + export)
    assert download.ok and "attachment" in download.headers.get("content-disposition", "")
    _shot(pg, "02-filtered")
    # The link keeps the filter: a fresh page on it shows the same.
    url = pg.url
    _open(pg, url)
    _settle(pg, _with_point(filtered))
    assert pg.input_value("#f-country") == name
    # An actor filter typed in, then Reset brings everything back.
    pg.click("#reset")
    _settle(pg, _with_point(everything))
    actor = _get(base, "/api/facets")["actors"][0][0]
    by_actor = _all(base, actor=actor)
    pg.fill("#f-actor", actor)
    pg.press("#f-actor", "Enter")
    _settle(pg, _with_point(by_actor))
    assert pg.get_attribute("#count", "data-total") == str(by_actor["total"])
    assert watch.console_errors == []


def _still(pg: Any) -> None:
    """Wait for the map's zoom and cluster animations to end: a marker clicked while it
    moves may be another one by the time the click lands (seen on a loaded machine)."""
    pg.wait_for_function(
        """() => { const m = document.querySelector('#map');
                   return !m.classList.contains('leaflet-zoom-anim')
                       && !m.querySelector('.leaflet-cluster-anim'); }"""
    )
    pg.wait_for_timeout(100)


def _click_some_marker(pg: Any) -> str:
    """Click a single marker (zooming into clusters until one is on screen); its event id."""
    for _ in range(8):
        _still(pg)
        marker = pg.locator("#map .ew-marker").first
        if marker.count():
            event_id = marker.get_attribute("data-event-id")
            marker.click()
            return str(event_id)
        pg.locator("#map .ew-cluster").first.click()
        pg.wait_for_timeout(400)
    raise AssertionError("no single marker after zooming into clusters")


def _check_evidence(pg: Any, detail: dict[str, Any]) -> int:
    """Every evidence span of the event is <mark>ed in its article with exactly its text."""
    texts = {a["article_id"]: a["text"] for a in detail["articles"]}
    spans = list(detail["event"].get("evidence") or [])
    for report in detail.get("reports") or []:
        spans += report.get("evidence") or []
    checked = 0
    for ev in spans:
        if ev["article_id"] not in texts:
            continue
        assert texts[ev["article_id"]][ev["start"] : ev["end"]] == ev["text"]
        got = pg.evaluate(
            """([aid, start, end, field]) => {
              const box = [...document.querySelectorAll('#detail .article-text')]
                .find((n) => n.dataset.articleId === aid);
              const marks = [...box.querySelectorAll('mark')].filter(
                (m) => +m.dataset.start >= start && +m.dataset.end <= end);
              return {text: marks.map((m) => m.textContent).join(''),
                      fields: marks.every((m) => m.dataset.fields.split(' ').includes(field))};
            }""",
            [ev["article_id"], ev["start"], ev["end"], ev["field"]],
        )
        assert got == {"text": ev["text"], "fields": True}, ev
        checked += 1
    return checked


def test_clicking_a_marker_opens_the_panel_with_highlighted_evidence(
    page: tuple[Any, Watch], base: str
) -> None:
    pg, watch = page
    _open(pg, base + "/")
    event_id = _click_some_marker(pg)
    pg.wait_for_selector(f'#detail[data-event-id="{event_id}"] .article-text')
    assert f"event={event_id}" in pg.evaluate("location.hash")
    detail = _get(base, f"/api/events/{event_id}")
    assert _check_evidence(pg, detail) > 0
    assert pg.locator("#detail mark.ev").count() > 0
    _shot(pg, "03-marker-panel")
    pg.locator("#detail .article").first.scroll_into_view_if_needed()
    _shot(pg, "04-marker-panel-article")
    assert watch.console_errors == []


def _hostile(base: str) -> tuple[str, dict[str, Any]]:
    for feature in _all(base)["features"]:
        detail = _get(base, f"/api/events/{feature['id']}")
        if any("<script" in a["text"] for a in detail["articles"]):
            return str(feature["id"]), detail
    raise AssertionError("the live server has no article with a <script> tag")


def test_a_hostile_article_renders_as_inert_text(page: tuple[Any, Watch], base: str) -> None:
    pg, watch = page
    event_id, detail = _hostile(base)
    # Straight from a shared link to the event.
    _open(pg, f"{base}/#event={event_id}")
    pg.wait_for_selector(f'#detail[data-event-id="{event_id}"] .article-text')
    for article in detail["articles"]:
        shown = pg.evaluate(
            """(aid) => [...document.querySelectorAll('#detail .article-text')]
                 .find((n) => n.dataset.articleId === aid).textContent""",
            article["article_id"],
        )
        assert shown == article["text"]  # every character shown as text, markup included
        title = pg.evaluate(
            """(aid) => [...document.querySelectorAll('#detail section.article')]
                 .find((n) => n.dataset.articleId === aid).querySelector('h3').textContent""",
            article["article_id"],
        )
        assert title == (article.get("title") or "Source article")
    assert pg.locator("#detail script, #detail img, #detail iframe, #detail object").count() == 0
    assert pg.evaluate("document.querySelectorAll('[onerror], [onload], [onclick]').length") == 0
    assert _check_evidence(pg, detail) > 0
    pg.locator("#detail .article-text", has_text="<script").first.scroll_into_view_if_needed()
    pg.wait_for_timeout(300)  # an onerror handler would have fired by now
    _shot(pg, "05-hostile-article")
    assert watch.dialogs == []
    assert watch.console_errors == []
    assert pg.evaluate("window.__csp") == []


def test_an_unverified_claim_is_marked(page: tuple[Any, Watch], base: str) -> None:
    pg, watch = page
    unverified = [f for f in _all(base)["features"] if f["properties"]["verified"] is False]
    if not unverified:
        pytest.skip("the live server has no unverified claim")
    props = unverified[0]["properties"]
    _open(pg, f"{base}/#event={props['event_id']}")
    banner = pg.wait_for_selector("#detail #unverified")
    assert banner.text_content().startswith(f"UNVERIFIED claim — by {props['claimed_by']}")
    # Its marker on the map carries the mark too.
    pg.wait_for_selector(f'#map .ew-marker.unverified[data-event-id="{props["event_id"]}"]')
    _shot(pg, "07-unverified")
    assert watch.console_errors == []


def test_brushing_the_timeline_filters_the_map(page: tuple[Any, Watch], base: str) -> None:
    pg, watch = page
    _open(pg, base + "/")
    everything = _all(base)
    bars = pg.locator("#timeline rect.bar")
    days = [str(bars.nth(i).get_attribute("data-day")) for i in range(bars.count())]
    assert len(days) >= 2, "the fixture should span several days"
    first = bars.first.bounding_box()
    last_but_one = bars.nth(len(days) - 2).bounding_box()
    assert first and last_but_one
    y = first["y"] + first["height"] - 2
    pg.mouse.move(first["x"] + 1, y)
    pg.mouse.down()
    pg.mouse.move(last_but_one["x"] + last_but_one["width"] / 2, y, steps=5)
    pg.mouse.up()
    since, until = days[0], days[-2]
    brushed = _all(base, since=since, until=until)
    assert 0 < brushed["total"] < everything["total"]
    _settle(pg, _with_point(brushed))
    assert pg.input_value("#f-since") == since and pg.input_value("#f-until") == until
    assert pg.get_attribute("#count", "data-total") == str(brushed["total"])
    _shot(pg, "06-timeline-brushed")
    # A click on one bar: that day only.
    bars.nth(len(days) - 1).click()
    one_day = _all(base, since=days[-1], until=days[-1])
    _settle(pg, _with_point(one_day))
    assert pg.get_attribute("#count", "data-total") == str(one_day["total"])
    pg.click("#clear-dates")
    _settle(pg, _with_point(everything))
    assert watch.console_errors == []


def test_internet_tiles_only_when_the_server_offers_them(
    page: tuple[Any, Watch], base: str
) -> None:
    pg, watch = page
    # The server's --tiles setting, stood in for by a loopback tile URL.
    tiles = base + "/no-such-tiles/{z}/{x}/{y}.png"
    pg.route(
        "**/api/config",
        lambda route: route.fulfill(json={"tiles": tiles, "version": "test"}),
    )
    pg.route("**/no-such-tiles/**", lambda route: route.fulfill(status=204, body=b""))
    _open(pg, base + "/")
    pg.wait_for_selector("img.leaflet-tile", state="attached")
    assert any("/no-such-tiles/" in u for u in watch.requests)


def _not_found(route: Any) -> None:
    route.fulfill(status=404, content_type="application/json", body='{"detail":"Not Found"}')


def test_missing_map_libraries_are_reported_not_left_loading(
    page: tuple[Any, Watch], base: str
) -> None:
    """Where static/vendor/ was never built (a git checkout or worktree without `make vendor`),
    the server 404s the map's libraries: the page says so, rather than "connecting…" and
    "loading…" for ever with the only clue a script error in the console."""
    pg, watch = page
    pg.route("**/static/vendor/**", _not_found)
    pg.goto(base + "/")
    pg.wait_for_selector("body[data-state=error]", timeout=5000)
    error = pg.locator("#error")
    assert error.is_visible()
    assert "make vendor" in (error.text_content() or "")
    assert pg.text_content("#count") != "loading…"
    assert pg.get_attribute("#live", "data-state") == "offline"
    _shot(pg, "09-no-vendor")
    # nothing else was tried: no event page, no live stream
    assert not any("/api/events" in u or "/api/stream" in u for u in watch.requests)
