"""The web API (eventwire.web.app) over a store of real extracted articles (conftest.py)."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from webstore import (
    HOSTILE,
    IMG,
    SCRIPT,
    TOKEN,
    TWO_OUTLETS,
    LiveServer,
    local_client,
    serve_in_thread,
)

from eventwire.web.app import CSP, MAX_BODY, create_app
from eventwire.web.models import ArticleFull, EventDetail, EventFeatureCollection, EventList

AUTH = {"Authorization": f"Bearer {TOKEN}"}
WRONG_AUTH = {"Authorization": "Bearer wrong"}
N_EVENTS = 16  # what the fixture store's six articles give (checked by test_healthz)
N_ARTICLES = 6
GOOD_TEXT = (
    "Russian forces shelled Kherson on 5 June, killing two people and wounding seven,"
    " the regional governor said. Emergency workers remained at the scene."
)


def all_events(client: TestClient, **params: str) -> list[dict]:
    body = client.get("/api/events", params={"format": "json", **params}).json()
    assert body["total"] == len(body["events"])
    return body["events"]


def odesa_event(client: TestClient) -> dict:
    (event,) = [e for e in all_events(client) if e["sources"] == ["Kyiv Wire", "River News"]]
    return event


# --- reads ---


def test_healthz(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "events": N_EVENTS, "articles": N_ARTICLES}


def test_config(client: TestClient) -> None:
    assert client.get("/api/config").json() == {"tiles": None, "version": "0.1.0"}


def test_events_geojson_is_a_feature_collection(client: TestClient) -> None:
    response = client.get("/api/events")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    EventFeatureCollection.model_validate(body)
    assert body["type"] == "FeatureCollection"
    assert (body["total"], body["limit"], body["offset"]) == (N_EVENTS, 1000, 0)
    assert len(body["features"]) == N_EVENTS
    for feature in body["features"]:
        props = feature["properties"]
        assert feature["id"] == props["event_id"]
        assert "evidence" not in props
        if props["latitude"] is None:
            assert feature["geometry"] is None
        else:
            assert feature["geometry"] == {
                "type": "Point",
                "coordinates": [props["longitude"], props["latitude"]],
            }
    days = [f["properties"]["event_date"] for f in body["features"]]
    assert days == sorted(days)


def test_events_json_format(client: TestClient) -> None:
    body = client.get("/api/events", params={"format": "json", "limit": 3}).json()
    EventList.model_validate(body)
    assert body["total"] == N_EVENTS and len(body["events"]) == 3
    assert set(body) == {"total", "limit", "offset", "cursor", "events"}


def test_paging_covers_every_event_once(client: TestClient) -> None:
    seen: list[str] = []
    for offset in range(0, N_EVENTS + 5, 5):
        body = client.get("/api/events", params={"limit": 5, "offset": offset}).json()
        assert body["total"] == N_EVENTS
        assert len(body["features"]) == max(0, min(5, N_EVENTS - offset))
        seen += [f["id"] for f in body["features"]]
    assert len(seen) == len(set(seen)) == N_EVENTS
    assert seen == [f["id"] for f in client.get("/api/events").json()["features"]]


def test_filters(client: TestClient) -> None:
    everything = all_events(client)
    by_type = all_events(client, type="explosions/remote violence")
    assert by_type and len(by_type) < len(everything)
    assert all(e["event_type"] == "Explosions/Remote violence" for e in by_type)
    ukraine = all_events(client, country="Ukraine")
    assert ukraine and all(e["country"] == "Ukraine" for e in ukraine)
    assert len(ukraine) < len(everything)
    civilians = all_events(client, actor="civilians (ukr")
    assert civilians and all("Civilians (Ukraine)" in (e["actor1"], e["actor2"]) for e in civilians)
    june = all_events(client, since="2025-06-02", until="2025-06-02")
    assert june and all(e["event_date"] == "2025-06-02" for e in june)
    sumy = all_events(client, q="sumy")
    assert [e["location"] for e in sumy] == ["Sumy"]
    odesa = odesa_event(client)
    near = all_events(client, near=f"{odesa['latitude']},{odesa['longitude']},20")
    assert {e["location"] for e in near} == {"Odesa"}
    # filters combine
    both = all_events(client, country="Ukraine", type="Explosions/Remote violence")
    assert {e["event_id"] for e in both} == {e["event_id"] for e in by_type} & {
        e["event_id"] for e in ukraine
    }
    body = client.get("/api/events", params={"country": "Ukraine", "limit": 2}).json()
    assert body["total"] == len(ukraine) and len(body["features"]) == 2


@pytest.mark.parametrize(
    "params",
    [
        {"near": "abc"},
        {"near": "1,2"},
        {"near": "91,0,10"},
        {"near": "nan,0,10"},
        {"limit": "0"},
        {"limit": "10001"},
        {"offset": "-1"},
        {"since": "2025-13-01"},
        {"until": "yesterday"},
        {"since": "2 June 2025"},  # the API's days are YYYY-MM-DD (the CLI reads this form)
        {"format": "xml"},
        {"country": "x" * 201},
    ],
)
def test_bad_parameters_are_422(client: TestClient, params: dict[str, str]) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][0] == "query"


@pytest.mark.parametrize("name", ["type", "country", "actor", "q", "near"])
def test_filter_values_are_bound_not_spliced(client: TestClient, name: str) -> None:
    for value in ("' OR 1=1 --", '%" OR ""="', "'); DROP TABLE events; --"):
        response = client.get("/api/events", params={name: value})
        if name == "near":
            assert response.status_code == 422
        else:
            assert response.status_code == 200
            assert response.json()["total"] == 0
    assert client.get("/healthz").json()["events"] == N_EVENTS


def test_event_detail_has_reports_articles_and_evidence_spans(client: TestClient) -> None:
    event_id = odesa_event(client)["event_id"]
    response = client.get(f"/api/events/{event_id}")
    assert response.status_code == 200
    body = response.json()
    EventDetail.model_validate(body)
    event = body["event"]
    assert event["event_id"] == event_id
    assert event["report_count"] == 2
    assert [r["source"] for r in body["reports"]] == ["Kyiv Wire", "River News"]
    assert {r["injuries"] for r in body["reports"]} == {4, 5}
    texts = {a["article_id"]: a["text"] for a in body["articles"]}
    assert set(texts) == {"odesa-a", "odesa-b"}
    assert texts["odesa-a"] == TWO_OUTLETS[0]["text"]
    spans = event["evidence"] + [e for r in body["reports"] for e in r["evidence"]]
    assert spans
    for span in spans:  # the page highlights text[start:end]: it must be the evidence text
        assert texts[span["article_id"]][span["start"] : span["end"]] == span["text"]


def test_report_count_in_lists_is_the_stored_one(client: TestClient) -> None:
    assert odesa_event(client)["report_count"] == 2
    counts = {e["event_id"]: e["report_count"] for e in all_events(client)}
    assert set(counts.values()) == {1, 2}


def test_wrong_method_is_405_with_every_allowed_method(client: TestClient) -> None:
    response = client.delete("/api/articles")
    assert response.status_code == 405
    assert {"GET", "POST"} <= set(response.headers["allow"].split(", "))


def test_unknown_ids_are_404(client: TestClient) -> None:
    for path in ("/api/events/nope", "/api/articles/nope", "/api/events/' OR 1=1 --"):
        response = client.get(path)
        assert response.status_code == 404
        assert "detail" in response.json()


def test_articles_list_and_one_article(client: TestClient) -> None:
    body = client.get("/api/articles").json()
    assert body["total"] == N_ARTICLES and len(body["articles"]) == N_ARTICLES
    assert all("text" not in a for a in body["articles"])
    page = client.get("/api/articles", params={"limit": 2, "offset": 3}).json()
    assert page["articles"] == body["articles"][3:5]
    article = client.get("/api/articles/odesa-b").json()
    ArticleFull.model_validate(article)
    assert article["text"] == TWO_OUTLETS[1]["text"]
    assert article["published"] == "2025-06-04" and article["source"] == "River News"


def test_hostile_text_comes_back_verbatim_as_json(client: TestClient) -> None:
    response = client.get("/api/articles/hostile-1")
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff"
    article = response.json()
    for key in ("text", "title", "source", "url"):
        assert article[key] == HOSTILE[key]
    assert SCRIPT in article["text"] and IMG in article["text"]
    (sumy,) = all_events(client, q="Sumy")
    detail = client.get(f"/api/events/{sumy['event_id']}").json()
    assert detail["articles"][0]["text"] == HOSTILE["text"]
    assert detail["event"]["sources"] == [HOSTILE["source"]]


def test_security_headers_on_every_response(client: TestClient) -> None:
    responses = [
        client.get("/"),
        client.get("/api/events"),
        client.get("/api/events/nope"),
        client.get("/api/events", params={"limit": 0}),
        client.post("/api/articles", json={"text": GOOD_TEXT}),
        client.get("/static/nope.js"),
        client.get("/openapi.json"),
    ]
    for response in responses:
        assert response.headers["content-security-policy"] == CSP.format(tiles="")
        assert "'unsafe-inline'" not in response.headers["content-security-policy"]
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"


def test_server_error_carries_security_headers_too(web_db: Path) -> None:
    app = create_app(str(web_db), TOKEN)

    def broken() -> None:
        raise RuntimeError("the store is gone")

    app.state.pool.get = broken
    with local_client(app, raise_server_exceptions=False) as client:
        response = client.get("/healthz")
    assert response.status_code == 500
    assert response.json() == {"detail": "internal server error"}
    assert response.headers["content-security-policy"] == CSP.format(tiles="")


def test_tiles_widen_img_src_only(web_db: Path) -> None:
    tiles = "https://tile.example.org/{z}/{x}/{y}.png"
    with local_client(create_app(str(web_db), None, tiles)) as client:
        response = client.get("/api/config")
    assert response.json()["tiles"] == tiles
    csp = response.headers["content-security-policy"]
    assert "img-src 'self' data: https://tile.example.org;" in csp
    assert "connect-src 'self';" in csp and "script-src 'self';" in csp
    with pytest.raises(ValueError):
        create_app(str(web_db), None, "javascript:alert(1)")


def test_export_downloads(client: TestClient) -> None:
    response = client.get("/api/export")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["content-disposition"].startswith("attachment;")
    lines = response.text.splitlines()
    assert lines[0].startswith("event_id_cnty,event_date,year,")
    assert len(lines) == 1 + N_EVENTS
    ukraine = client.get("/api/events", params={"country": "Ukraine"}).json()["total"]
    jsonl = client.get("/api/export", params={"format": "jsonl", "country": "Ukraine"})
    assert jsonl.headers["content-type"].startswith("application/x-ndjson")
    records = [json.loads(line) for line in jsonl.text.splitlines()]
    assert len(records) == ukraine and all("evidence" in r for r in records)
    geojson = client.get("/api/export", params={"format": "geojson"}).json()
    assert len(geojson["features"]) == N_EVENTS


def test_facets(client: TestClient) -> None:
    body = client.get("/api/facets").json()
    assert sum(n for _, n in body["event_types"]) == N_EVENTS
    assert sum(n for _, n in body["per_day"]) == N_EVENTS
    assert body["dates"] == {"min": body["per_day"][0][0], "max": body["per_day"][-1][0]}
    assert ["Ukraine", len(all_events(client, country="Ukraine"))] in body["countries"]
    narrow = client.get("/api/facets", params={"country": "Benin"}).json()
    assert [name for name, _ in narrow["countries"]] == ["Benin"]
    assert client.get("/api/facets", params={"near": "x"}).status_code == 422


def test_docs_work_offline_and_index_is_served(client: TestClient) -> None:
    docs = client.get("/docs")
    assert docs.status_code == 200
    scripts = re.findall(r"<script[^>]*>", docs.text)
    assert scripts and all("src=" in s for s in scripts)  # no inline script
    assert "http" not in docs.text  # nothing from a CDN
    for asset in re.findall(r"(?:src|href)='([^']+)'", docs.text):
        assert client.get(asset).status_code == 200, asset
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/articles", "/healthz"} <= set(
        spec["paths"]
    )
    index = client.get("/")
    assert index.status_code == 200 and index.headers["content-type"].startswith("text/html")
    head = client.head("/")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-security-policy"] == index.headers["content-security-policy"]


# --- writes ---


def test_write_without_or_with_a_wrong_token_is_401(client: TestClient) -> None:
    for headers in (
        {},
        {"Authorization": "Bearer wrong"},
        {"Authorization": f"Basic {TOKEN}"},
        {"Authorization": f"Bearer {TOKEN}x"},
        {"Authorization": "Bearer "},
    ):
        response = client.post("/api/articles", json={"text": GOOD_TEXT}, headers=headers)
        assert response.status_code == 401, headers
        assert response.headers["www-authenticate"] == "Bearer"
    # the body is not even looked at without the token
    assert client.post("/api/articles", json={"bad": 1}).status_code == 401
    assert client.get("/healthz").json()["articles"] == N_ARTICLES


def test_server_without_token_refuses_every_write(web_db: Path) -> None:
    with local_client(create_app(str(web_db), None)) as client:
        for headers in ({}, AUTH, {"Authorization": "Bearer "}):
            response = client.post("/api/articles", json={"text": GOOD_TEXT}, headers=headers)
            assert response.status_code == 403
            assert "without a token" in response.json()["detail"]
        assert client.get("/healthz").json()["articles"] == N_ARTICLES


def test_post_ingests_and_reports_bad_items(writable_client: TestClient) -> None:
    batch = [
        {"text": GOOD_TEXT, "published": "2025-06-06", "source": "Kyiv Wire", "id": "kherson-1"},
        {"text": ""},
        {"text": "\x00\x01\x02\x03binary\x00garbage"},
        {"text": "Російські війська обстріляли Херсон, загинули двоє людей, повідомив губернатор."},
        {"text": "   \n  "},
    ]
    before = writable_client.get("/api/events", params={"limit": 1}).json()["total"]
    facets = writable_client.get("/api/facets").json()  # cached until the store changes
    response = writable_client.post("/api/articles", json=batch, headers=AUTH)
    assert response.status_code == 200
    body = response.json()
    after = writable_client.get("/api/events", params={"limit": 1}).json()["total"]
    assert after == before + body["events_added"]
    facets_after = writable_client.get("/api/facets").json()
    assert sum(n for _, n in facets_after["per_day"]) == after
    assert facets_after != facets
    assert body["articles_read"] == 1 and body["duplicates"] == 0
    assert [f["name"] for f in body["failed"]] == [
        "article 2",
        "article 3",
        "article 4",
        "article 5",
    ]
    assert "empty" in body["failed"][0]["reason"]
    assert "binary" in body["failed"][1]["reason"]
    assert "not English" in body["failed"][2]["reason"]
    assert body["events_added"] >= 1 and body["event_ids"]
    health = writable_client.get("/healthz").json()
    assert health["articles"] == N_ARTICLES + 1
    assert health["events"] == N_EVENTS + body["events_added"]
    detail = writable_client.get(f"/api/events/{body['event_ids'][0]}").json()
    assert detail["event"]["location"] == "Kherson"
    assert detail["event"]["fatalities"] == 2
    assert detail["articles"][0]["text"] == GOOD_TEXT
    assert writable_client.get("/api/articles/kherson-1").json()["source"] == "Kyiv Wire"
    kherson = writable_client.get("/api/events", params={"q": "Kherson", "format": "json"})
    assert body["event_ids"][0] in [e["event_id"] for e in kherson.json()["events"]]
    # the same article again is a duplicate and adds nothing
    again = writable_client.post(
        "/api/articles", json={"text": GOOD_TEXT, "id": "other"}, headers=AUTH
    ).json()
    assert again["duplicates"] == 1 and again["events_added"] == 0 and again["event_ids"] == []
    assert writable_client.get("/healthz").json() == health


def test_post_lone_surrogate_is_a_failed_item(writable_client: TestClient) -> None:
    body = b'[{"text": "Bad \\ud800 text"}, {"title": "x", "text": "\\udfff"}]'
    headers = {**AUTH, "Content-Type": "application/json"}
    response = writable_client.post("/api/articles", content=body, headers=headers)
    assert response.status_code == 200
    assert [f["name"] for f in response.json()["failed"]] == ["article 1", "article 2"]


@pytest.mark.parametrize(
    "body",
    [
        {"title": "no text"},
        {"text": 5},
        {"text": "x", "published": "June"},
        {"text": "x", "published": "2025-02-30"},
        {"text": "x", "published": 20250601},
        {"text": "x", "unknown": 1},
        [{"text": "x"}, 7],
        "just a string",
    ],
)
def test_post_bad_body_is_422(writable_client: TestClient, body: object) -> None:
    response = writable_client.post("/api/articles", json=body, headers=AUTH)
    assert response.status_code == 422


def test_post_too_large_is_413(writable_client: TestClient) -> None:
    big = json.dumps({"text": "a " * (MAX_BODY // 2 + 10)}).encode()
    headers = {**AUTH, "Content-Type": "application/json"}
    response = writable_client.post("/api/articles", content=big, headers=headers)
    assert response.status_code == 413
    assert "too large" in response.json()["detail"]
    assert "content-security-policy" in response.headers

    def chunks():  # no Content-Length: counted as it comes
        for _ in range(6):
            yield b" " * 1_000_000

    response = writable_client.post("/api/articles", content=chunks(), headers=headers)
    assert response.status_code == 413


def test_post_too_many_items_is_422(writable_client: TestClient) -> None:
    response = writable_client.post("/api/articles", json=[{"text": "x"}] * 1001, headers=AUTH)
    assert response.status_code == 422


# --- a real server ---


def test_live_server_serves_concurrent_readers(live_server: LiveServer) -> None:
    def read(i: int) -> int:
        with httpx.Client(base_url=live_server.url, timeout=30) as http:
            codes = [
                http.get("/api/events", params={"limit": 5, "offset": i % 20}).status_code,
                http.get("/api/facets").status_code,
                http.get("/healthz").status_code,
            ]
        return max(codes)

    with ThreadPoolExecutor(16) as pool:
        assert set(pool.map(read, range(64))) == {200}


def test_live_write_needs_the_token(writable_db: Path) -> None:
    # a server of its own: the shared `live_server` stays as the fixture made it
    app = create_app(str(writable_db), TOKEN)
    with serve_in_thread(app) as base:
        url = base + "/api/articles"
        assert httpx.post(url, json={"text": GOOD_TEXT}).status_code == 401
        response = httpx.post(url, json={"text": GOOD_TEXT}, headers=AUTH, timeout=60)
        assert response.status_code == 200 and response.json()["articles_read"] == 1
        assert httpx.get(base + "/healthz").json()["articles"] == N_ARTICLES + 1


# --- hostile clients: DNS rebinding, unauthenticated bodies, tile templates ---


@pytest.mark.parametrize("path", ["/api/events", "/", "/healthz", "/api/articles/x"])
def test_a_host_not_served_gets_400(client: TestClient, path: str) -> None:
    # a page of attacker.example rebinding its name to 127.0.0.1 reads nothing
    response = client.get(path, headers={"Host": "attacker.example"})
    assert response.status_code == 400
    assert "attacker.example" in response.json()["detail"]
    assert "--allowed-host" in response.json()["detail"]
    assert response.headers["content-security-policy"] == CSP.format(tiles="")
    post = client.post("/api/articles", json={"text": GOOD_TEXT}, headers={**AUTH, "Host": "a.b"})
    assert post.status_code == 400


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "127.0.0.1:80", "[::1]:8000"])
def test_loopback_names_are_served(client: TestClient, host: str) -> None:
    assert client.get("/healthz", headers={"Host": host}).status_code == 200


def test_allowed_hosts_as_django_reads_them(web_db: Path) -> None:
    from eventwire.web.app import host_allowed

    allowed = ("localhost", "map.example.org", ".team.example")
    assert host_allowed("MAP.example.org:8443", allowed)
    assert host_allowed("team.example", allowed) and host_allowed("a.b.team.example", allowed)
    assert host_allowed("localhost.", allowed)
    for host in ("", "example.org", "evilteam.example", "map.example.org.evil", "localhost:x"):
        assert not host_allowed(host, allowed), host
    assert host_allowed("anything", ("*",))
    with local_client(create_app(str(web_db), None, allowed_hosts=["map.example.org"])) as app:
        assert app.get("/healthz", headers={"Host": "map.example.org"}).status_code == 200
        assert app.get("/healthz", headers={"Host": "attacker.example"}).status_code == 400


def test_live_server_refuses_a_rebound_host(live_server: LiveServer) -> None:
    response = httpx.get(live_server.url + "/api/events", headers={"Host": "attacker.example"})
    assert response.status_code == 400
    assert httpx.get(live_server.url + "/api/events?limit=1").status_code == 200


@pytest.mark.parametrize(
    ("body", "content_type"),
    [(b"{not json", "application/json"), (b"\xff\xfe", "application/json"), (b"x", "text/plain")],
)
def test_the_token_is_checked_before_the_body_is_read(
    client: TestClient, web_db: Path, body: bytes, content_type: str
) -> None:
    headers = {"Content-Type": content_type}
    response = client.post("/api/articles", content=body, headers=headers)
    assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"
    wrong = client.post("/api/articles", content=body, headers={**headers, **WRONG_AUTH})
    assert wrong.status_code == 401
    assert client.post("/api/articles", content=body, headers={**headers, **AUTH}).status_code in (
        400,
        422,
    )
    with local_client(create_app(str(web_db), None)) as read_only:
        assert read_only.post("/api/articles", content=body, headers=headers).status_code == 403


@pytest.mark.parametrize(
    "tiles",
    [
        "javascript:alert(1)",
        "https://tile.example.org/tile.png",  # no {z}/{x}/{y}
        "https://tile.example.org/{z}/{x}/{y}.png; script-src *",
        "https://tile.example.org;script-src/{z}/{x}/{y}.png",
        "https://tile.example.org'/{z}/{x}/{y}.png",
        "https://tile.example.org,https:/{z}/{x}/{y}.png",
        "https://user:pw@tile.example.org/{z}/{x}/{y}.png",
        "https://tile.example.org/{z}/{x}/{y}.png?key={apikey}",
        "ftp://tile.example.org/{z}/{x}/{y}.png",
        "//tile.example.org/{z}/{x}/{y}.png",
    ],
)
def test_tiles_must_be_a_url_template(web_db: Path, tiles: str) -> None:
    from click.testing import CliRunner

    from eventwire.cli import main

    with pytest.raises(ValueError, match="not a tile URL template"):
        create_app(str(web_db), None, tiles)
    result = CliRunner().invoke(main, ["serve", "--db", str(web_db), "--tiles", tiles])
    assert result.exit_code == 2 and "--tiles" in result.output


def test_tile_origins_enter_the_csp_escaped() -> None:
    from eventwire.web.app import csp_source, tile_origin

    assert tile_origin("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png") == (
        "https://*.tile.openstreetmap.org"
    )
    assert tile_origin("http://Tiles.Example.org:8080/{z}/{x}/{-y}.png") == (
        "http://tiles.example.org:8080"
    )
    assert csp_source("https://a.org; script-src 'unsafe-inline',x") == (
        "https://a.org%3B%20script-src%20%27unsafe-inline%27%2Cx"
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_command(writable_db: Path) -> None:
    port = _free_port()
    env = {**os.environ, "EVENTWIRE_TOKEN": "cli-token"}
    command = [str(Path(sys.executable).parent / "eventwire"), "serve", "--db", str(writable_db)]
    process = subprocess.Popen(
        [*command, "--port", str(port), "--allowed-host", "map.example.org"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                health = httpx.get(base + "/healthz")
                break
            except httpx.TransportError:
                assert process.poll() is None, process.communicate()
                assert time.monotonic() < deadline
                time.sleep(0.1)
        assert health.json()["events"] == N_EVENTS
        named = httpx.get(base + "/healthz", headers={"Host": "map.example.org"})
        assert named.status_code == 200
        assert httpx.get(base + "/", headers={"Host": "attacker.example"}).status_code == 400
        assert httpx.post(base + "/api/articles", json={"text": "x"}).status_code == 401
        ok = httpx.post(
            base + "/api/articles",
            json={"text": ""},
            headers={"Authorization": "Bearer cli-token"},
        )
        assert ok.status_code == 200 and ok.json()["failed"]
    finally:
        process.terminate()
        out, err = process.communicate(timeout=30)
    assert f"at http://127.0.0.1:{port}/" in out


def test_serve_command_without_token_says_writes_are_refused(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from eventwire.cli import main

    runner = CliRunner()
    # a store that cannot be opened: the command stops before serving
    result = runner.invoke(
        main, ["serve", "--db", str(tmp_path / "no" / "dir.sqlite")], env={"EVENTWIRE_TOKEN": ""}
    )
    assert result.exit_code != 0
    assert "writes (POST /api/articles) are refused" in result.output
    assert "cannot open the store" in result.output


def test_serve_says_when_the_map_libraries_are_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """static/vendor/ is gitignored: where `make vendor` never ran, serve says so at start-up
    (the page, tests/web/test_browser.py, says it too)."""
    from click.testing import CliRunner

    from eventwire.cli import main
    from eventwire.web import app as web_app

    monkeypatch.setattr(web_app, "STATIC", tmp_path / "static")
    assert web_app.missing_vendor() == list(web_app.VENDOR_FILES)
    result = CliRunner().invoke(
        main, ["serve", "--db", str(tmp_path / "no" / "dir.sqlite")], env={"EVENTWIRE_TOKEN": ""}
    )
    assert "the map page's libraries are missing" in result.output
    assert "make vendor" in result.output
    # all there: nothing to say
    for name in web_app.VENDOR_FILES:
        (tmp_path / "static" / "vendor" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "static" / "vendor" / name).write_text("x")
    assert web_app.missing_vendor() == []
    result = CliRunner().invoke(
        main, ["serve", "--db", str(tmp_path / "no" / "dir.sqlite")], env={"EVENTWIRE_TOKEN": ""}
    )
    assert "libraries are missing" not in result.output


# --- the same API over PostgreSQL ---


@pytest.mark.postgres
def test_postgres_store_serves_the_same_api(pg_web_url: str, client: TestClient) -> None:
    with local_client(create_app(pg_web_url, TOKEN)) as pg:
        assert pg.get("/healthz").json() == client.get("/healthz").json()
        assert all_events(pg) == all_events(client)
        for params in ({"country": "Ukraine"}, {"type": "ATTACK"}, {"q": "' OR 1=1 --"}):
            assert all_events(pg, **params) == all_events(client, **params)
        odesa = odesa_event(pg)
        near = all_events(pg, near=f"{odesa['latitude']},{odesa['longitude']},20")
        assert {e["location"] for e in near} == {"Odesa"}
        page = pg.get("/api/events", params={"limit": 5, "offset": 5}).json()
        assert page == client.get("/api/events", params={"limit": 5, "offset": 5}).json()
        event_id = odesa["event_id"]
        assert (
            pg.get(f"/api/events/{event_id}").json() == client.get(f"/api/events/{event_id}").json()
        )
        assert pg.get("/api/articles/hostile-1").json()["text"] == HOSTILE["text"]
        assert pg.get("/api/facets").json() == client.get("/api/facets").json()
        assert pg.post("/api/articles", json={"text": GOOD_TEXT}).status_code == 401
        posted = pg.post("/api/articles", json={"text": GOOD_TEXT}, headers=AUTH).json()
        assert posted["articles_read"] == 1 and posted["event_ids"]
        detail = pg.get(f"/api/events/{posted['event_ids'][0]}").json()
        assert detail["event"]["location"] == "Kherson"
        assert pg.get("/healthz").json()["articles"] == N_ARTICLES + 1

        def read(i: int) -> int:
            return pg.get("/api/events", params={"limit": 3, "offset": i % 10}).status_code

        with ThreadPoolExecutor(8) as pool:  # a connection per server thread
            assert set(pool.map(read, range(40))) == {200}


def test_app_outlives_a_shutdown_and_start_again(web_db: Path) -> None:
    app = create_app(str(web_db), TOKEN)
    for _ in range(2):  # the second start reopens the stores the first shutdown closed
        with local_client(app) as client:
            assert client.get("/healthz").json()["events"] == N_EVENTS


def test_the_api_models_follow_the_records() -> None:
    """The pydantic models are written out, not derived from the dataclasses (the spec stays
    precise, mypy can read them): this keeps them in step. A field added to Event reaches the
    API's dicts by itself, so it must be added to the models too (or dropped on purpose)."""
    from dataclasses import fields

    from eventwire.merge import Report
    from eventwire.model import Article, Event, Evidence
    from eventwire.web.models import ArticleSummary, EventFull, EventSummary, EvidenceOut, ReportOut

    def names(record: type) -> set[str]:
        return {f.name for f in fields(record)}

    assert set(EventFull.model_fields) == names(Event) | {"report_count"}
    assert set(EventSummary.model_fields) == set(EventFull.model_fields) - {
        "article_id",
        "geonameid",
        "evidence",
    }
    assert set(EvidenceOut.model_fields) == names(Evidence)
    assert set(ReportOut.model_fields) == names(Report) - {"event_id"}
    assert set(ArticleFull.model_fields) == set(ArticleSummary.model_fields) | {"text"}
    assert set(ArticleSummary.model_fields) <= names(Article)
