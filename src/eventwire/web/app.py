"""The web API and the map page: `create_app(store, token)` gives the FastAPI app.

Requests are answered for the loopback names and the allowed hosts only (DNS rebinding).
Reads are open, writes (POST /api/articles) need the token given at start-up. Article text
is untrusted: it only ever leaves as JSON (or a download), every response carries a
Content-Security-Policy that forbids inline scripts, and every store query binds its values.
The map page (web/static/) relies on these routes and shapes: change them together.

Each worker thread gets its own store connection (SQLite connections are not shared across
threads). A POST's extraction runs in a worker thread, never on the event loop, and outside
the write lock: only the merge of one article into the store waits for another's, so a long
article does not hold up the small posts behind it.
"""

from __future__ import annotations

import gzip
import hmac
import io
import json
import os
import re
import threading
from collections import Counter, OrderedDict
from collections.abc import (
    AsyncIterator,
    Awaitable,
    Callable,
    Hashable,
    MutableMapping,
    Sequence,
)
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from importlib.metadata import version as package_version
from itertools import islice
from pathlib import Path
from typing import Annotated, Any, Literal, cast

import orjson
from fastapi import Body, Depends, FastAPI, Header, HTTPException, Query, Request, Security
from fastapi import Path as PathParam
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from eventwire.model import Article, Event
from eventwire.store import BadFilter, EventQuery, Store, event_query, open_store
from eventwire.web.live import LiveFeed, parse_cursor
from eventwire.web.models import (
    ArticleFull,
    ArticleIn,
    ArticleList,
    Config,
    EventDetail,
    EventFeatureCollection,
    EventList,
    Facets,
    Health,
    IngestResult,
    Problem,
)

STATIC = Path(__file__).parent / "static"
# The browser libraries the map page loads, copied into static/vendor/ by `make vendor`
# (web/vendor.mjs): gitignored, so a fresh checkout or worktree has none of them.
VENDOR_FILES = (
    "leaflet/leaflet.js",
    "leaflet/leaflet.css",
    "leaflet.markercluster/leaflet.markercluster.js",
    "leaflet.markercluster/MarkerCluster.css",
    "topojson-client/topojson-client.min.js",
    "world-atlas/countries-50m.json",
)
MAX_BODY = 5_000_000  # bytes of one request body (one article may be up to this; read/)
MAX_ITEMS = 1000  # articles in one POST
MAX_LIMIT = 10_000
DEFAULT_LIMIT = 1000
MAX_FILTER = 200  # characters of a text filter

TOKEN_ENV = "EVENTWIRE_TOKEN"
TILES_ENV = "EVENTWIRE_TILES"
ALLOWED_HOSTS_ENV = "EVENTWIRE_ALLOWED_HOSTS"  # comma-separated, for uvicorn workers
# The Host names served by default. A page on another name that resolves to this machine (DNS
# rebinding) would otherwise read the open API from the user's browser.
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "[::1]")
WRITE_PATHS = ("/api/articles",)  # POST there needs the token, checked before the body is read

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:{tiles};"
    " connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
# Swagger UI injects <style> elements; its page shows no article text as HTML
DOCS_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
    " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none';"
    " frame-ancestors 'none'"
)
DOCS_PREFIXES = ("/docs", "/redoc")


Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


_TILE_FIELDS = re.compile(r"\{([^{}]*)\}")
_TILE_FIELD_NAMES = {"s", "z", "x", "y", "-y", "r"}  # Leaflet's template fields
_CSP_HOST = re.compile(r"(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.?(?::(?:\d{1,5}|\*))?")


def missing_vendor(static: Path | None = None) -> list[str]:
    """The files of VENDOR_FILES missing from `static`/vendor/ (default: the page's)."""
    vendor = (static or STATIC) / "vendor"
    return [name for name in VENDOR_FILES if not (vendor / name).is_file()]


def tile_origin(tiles: str) -> str:
    """The scheme and host of a tile URL template, for the CSP's img-src; a ValueError unless
    `tiles` is an http(s) URL template with {z}, {x} and {y} (and only Leaflet's fields)."""
    from urllib.parse import urlsplit

    problem = None
    parts = urlsplit(tiles)
    fields = set(_TILE_FIELDS.findall(tiles))
    if parts.scheme not in ("http", "https") or not parts.netloc:
        problem = "not an http(s) URL"
    elif any(c.isspace() or c in "\"'<>;,\\" or ord(c) < 32 for c in tiles):
        problem = "a space, quote, angle bracket, semicolon, comma or backslash in it"
    elif not {"z", "x"} <= fields or not fields & {"y", "-y"}:
        problem = "no {z}, {x} and {y} in it"
    elif fields - _TILE_FIELD_NAMES:
        problem = f"unknown field {{{sorted(fields - _TILE_FIELD_NAMES)[0]}}}"
    elif "@" in parts.netloc:
        problem = "a user name or password in it"
    if problem is None:
        host = parts.netloc.lower().replace("{s}", "*").replace("{r}", "")
        if not _CSP_HOST.fullmatch(host):
            problem = f"not a host name: {host}"
    if problem:
        raise ValueError(
            f"not a tile URL template ({problem}): {tiles!r};"
            " expected e.g. https://{s}.tile.example.org/{z}/{x}/{y}.png"
        )
    return csp_source(f"{parts.scheme}://{host}")


def csp_source(source: str) -> str:
    """`source` safe to place in a CSP: the characters that would end or split a directive
    (';', ',', spaces, quotes, controls) percent-encoded, as CSP Level 3 asks."""
    return "".join(
        f"%{ord(c):02X}" if c in ";,'\"" or c.isspace() or ord(c) < 32 or ord(c) > 126 else c
        for c in source
    )


def host_allowed(host: str, allowed: tuple[str, ...]) -> bool:
    """Whether a request's Host header names a host in `allowed`, as Django's ALLOWED_HOSTS:
    exact names (case-insensitive, port ignored), ".example.org" for it and its subdomains,
    "*" for any."""
    host = host.strip().lower()
    if host.startswith("["):  # an IPv6 literal, maybe with a port
        name = host[: host.find("]") + 1] if "]" in host else ""
    else:
        name, _, port = host.partition(":")
        if port and not port.isdigit():
            return False
    name = name.removesuffix(".")
    if not name:
        return False
    for pattern in allowed:
        pattern = pattern.lower()
        if pattern == "*" or name == pattern:
            return True
        if pattern.startswith(".") and (name == pattern[1:] or name.endswith(pattern)):
            return True
    return False


def security_headers(tiles: str | None) -> list[tuple[bytes, bytes]]:
    """The headers every response carries (the map page's CSP)."""
    csp = CSP.format(tiles=" " + tile_origin(tiles) if tiles else "")
    return _headers(csp)


def _headers(csp: str) -> list[tuple[bytes, bytes]]:
    return [
        (b"content-security-policy", csp.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"x-frame-options", b"DENY"),
        (b"cross-origin-opener-policy", b"same-origin"),
    ]


class SecurityHeaders:
    """ASGI middleware: the CSP and friends on every HTTP response."""

    def __init__(self, app: ASGIApp, headers: list[tuple[bytes, bytes]]) -> None:
        self.app = app
        self.headers = headers
        self.docs_headers = _headers(DOCS_CSP)
        self.names = {name for name, _ in headers}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        extra = self.docs_headers if path.startswith(DOCS_PREFIXES) else self.headers

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k not in self.names]
                message["headers"] = kept + extra
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _send_problem(
    send: Send,
    status: int,
    detail: str,
    headers: list[tuple[bytes, bytes]],
) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class HostCheck:
    """ASGI middleware: a request whose Host header is not an allowed name gets 400."""

    def __init__(self, app: ASGIApp, allowed: tuple[str, ...]) -> None:
        self.app = app
        self.allowed = allowed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        host = next((v for k, v in scope.get("headers", []) if k == b"host"), b"")
        name = host.decode("latin-1")
        if not host_allowed(name, self.allowed):
            shown = json.dumps(name[:100]) if name else "none"
            detail = (
                f"Host {shown} is not served here (the server answers for"
                f" {', '.join(self.allowed)}; start it with --allowed-host NAME for another)"
            )
            if scope["type"] == "websocket":
                await send({"type": "websocket.close", "code": 1008})
                return
            await _send_problem(send, 400, detail, [])
            return
        await self.app(scope, receive, send)


class WriteGuard:
    """ASGI middleware: a write without the token is refused before its body is read (an
    unauthenticated client learns nothing from how its body is parsed, and cannot make the
    server buffer it)."""

    def __init__(self, app: ASGIApp, check: TokenCheck) -> None:
        self.app = app
        self.check = check

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST" and scope["path"] in WRITE_PATHS:
            authorization = next(
                (v for k, v in scope.get("headers", []) if k == b"authorization"), b""
            )
            refusal = self.check.refusal(authorization.decode("latin-1"))
            if refusal is not None:
                status, detail, extra = refusal
                await _send_problem(send, status, detail, extra)
                return
        await self.app(scope, receive, send)


class BodyLimit:
    """ASGI middleware: a request body over `limit` bytes is refused with 413."""

    def __init__(self, app: ASGIApp, limit: int, headers: list[tuple[bytes, bytes]]) -> None:
        self.app = app
        self.limit = limit
        self.headers = headers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    size = int(value)
                except ValueError:
                    await self._refuse(send, 400, "bad Content-Length")
                    return
                if size > self.limit:
                    await self._refuse(send, 413, self._message(size))
                    return
        # read the body here, so that a body over the limit is refused before any parsing
        chunks: list[bytes] = []
        received = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                return
            chunk = message.get("body", b"")
            received += len(chunk)
            if received > self.limit:
                await self._refuse(send, 413, self._message(received))
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    def _message(self, size: int) -> str:
        return f"request body too large: {size / 1e6:.1f} MB (limit {self.limit / 1e6:g} MB)"

    async def _refuse(self, send: Send, status: int, detail: str) -> None:
        body = json.dumps({"detail": detail}).encode()
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            *self.headers,
        ]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


class StorePool:
    """One store per thread (SQLite connections stay in the thread that opened them).

    `close` closes them all (at the app's shutdown); a thread asking again afterwards gets a
    fresh one.
    """

    def __init__(self, location: str) -> None:
        self.location = location
        self.local = threading.local()
        self.lock = threading.Lock()
        self.stores: list[Store] = []
        self.generation = 0
        self.get()  # a bad location fails at start-up, not at the first request

    def get(self) -> Store:
        mine: tuple[int, Store] | None = getattr(self.local, "store", None)
        if mine is not None and mine[0] == self.generation:
            return mine[1]
        store = open_store(self.location)
        with self.lock:
            self.local.store = (self.generation, store)
            self.stores.append(store)
        return store

    def close(self) -> None:
        with self.lock:
            stores, self.stores = self.stores, []
            self.generation += 1
        for store in stores:
            try:
                store.close()
            except Exception:  # another thread's SQLite connection: the process ends anyway
                pass


BEARER = HTTPBearer(auto_error=False, description="the token the server was started with")


class TokenCheck:
    """The dependency that guards writes: 401 without the token or with a wrong one."""

    def __init__(self, token: str | None) -> None:
        self.token = token

    def __call__(
        self, credentials: Annotated[HTTPAuthorizationCredentials | None, Security(BEARER)]
    ) -> None:
        given = f"Bearer {credentials.credentials}" if credentials is not None else ""
        refusal = self.refusal(given)
        if refusal is not None:
            status, detail, extra = refusal
            raise HTTPException(status, detail, headers={k.decode(): v.decode() for k, v in extra})

    def refusal(self, authorization: str) -> tuple[int, str, list[tuple[bytes, bytes]]] | None:
        """(status, detail, headers) refusing a write with this Authorization header, or None
        if it carries the token."""
        if self.token is None:
            return 403, "writes are disabled: the server was started without a token", []
        scheme, _, given = authorization.strip().partition(" ")
        given = given.strip() if scheme.lower() == "bearer" else ""
        if not given or not hmac.compare_digest(given.encode(), self.token.encode()):
            return (
                401,
                "a valid token is needed to write (Authorization: Bearer …)",
                [(b"www-authenticate", b"Bearer")],
            )
        return None


# --- responses as plain dicts (the models in web/models.py document them) ---


SUMMARY_DROPPED = ("article_id", "geonameid", "evidence")


def event_summary(event: Event, report_count: int) -> dict[str, Any]:
    """The SUMMARY of the contract: the event's fields without evidence."""
    out = dict(vars(event))  # a shallow copy: cheaper than asdict on pages of 1,000
    for name in SUMMARY_DROPPED:
        out.pop(name, None)
    out["report_count"] = report_count
    return out


def geometry(event: Event) -> dict[str, Any] | None:
    if event.latitude is None or event.longitude is None:
        return None
    return {"type": "Point", "coordinates": [event.longitude, event.latitude]}


def evidence_list(evidence: Any) -> list[dict[str, Any]]:
    return [
        {
            "field": e.field,
            "article_id": e.article_id,
            "start": e.start,
            "end": e.end,
            "text": e.text,
            "reason": e.reason,
        }
        for e in evidence
    ]


def article_summary(article: Article) -> dict[str, Any]:
    return {
        "article_id": article.article_id,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
    }


def json_bytes(data: Any) -> bytes:
    """UTF-8 JSON (orjson: a page of 1,000 events in a tenth of json.dumps's time)."""
    return orjson.dumps(data)


def json_response(data: Any, status: int = 200) -> Response:
    return Response(json_bytes(data), status_code=status, media_type="application/json")


GZIP_MIN = 1024  # bytes: smaller bodies go as they are


@dataclass(frozen=True)
class CachedBody:
    """A response body and, for a large one, its gzip (made once, sent to every gzip reader)."""

    raw: bytes
    gzipped: bytes | None

    @classmethod
    def of(cls, raw: bytes) -> CachedBody:
        return cls(raw, gzip.compress(raw, 3) if len(raw) >= GZIP_MIN else None)

    @property
    def size(self) -> int:
        return len(self.raw) + len(self.gzipped or b"")

    def response(
        self, request: Request, media_type: str, headers: dict[str, str] | None = None
    ) -> Response:
        headers = {**(headers or {}), "Vary": "Accept-Encoding"}
        if self.gzipped is not None and accepts_gzip(request.headers.get("accept-encoding", "")):
            headers["Content-Encoding"] = "gzip"
            return Response(self.gzipped, media_type=media_type, headers=headers)
        return Response(self.raw, media_type=media_type, headers=headers)


def accepts_gzip(accept_encoding: str) -> bool:
    """An Accept-Encoding header allows gzip (and does not give it q=0)."""
    for part in accept_encoding.lower().split(","):
        coding, _, params = part.strip().partition(";")
        if coding.strip() in ("gzip", "*"):
            q = params.replace(" ", "")
            return not (q.startswith("q=0") and q.rstrip("0.") in ("q=", "q"))
    return False


class ResponseCache:
    """Response bodies by request, valid while the store's row counts stay the same.

    The store only grows (every write adds an article), so its counts are its version: a
    write by this server, another worker or `eventwire ingest` makes every entry stale. Many
    readers of one map view cost one query. Least recently used entries go past `max_bytes`.
    """

    def __init__(self, max_bytes: int = 256_000_000, max_entry: int = 32_000_000) -> None:
        self.max_bytes = max_bytes
        self.max_entry = max_entry
        self.entries: OrderedDict[Hashable, tuple[Hashable, CachedBody]] = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()
        self.building: dict[Hashable, threading.Event] = {}  # keys being built, by version

    def get_or_build(self, key: Hashable, store: Store, build: Callable[[], bytes]) -> CachedBody:
        """The cached body, else `build()`'s; concurrent misses of one key build it once."""
        version = tuple(sorted(store.counts().items()))
        flight = (key, version)
        while True:
            with self.lock:
                hit = self.entries.get(key)
                if hit is not None and hit[0] == version:
                    self.entries.move_to_end(key)
                    return hit[1]
                waiting = self.building.get(flight)
                if waiting is None:
                    done = self.building[flight] = threading.Event()
                    break
            waiting.wait(60)  # then look again (an oversized or failed build leaves no entry)
            with self.lock:
                if flight in self.building:  # still building after a minute: build it too
                    done = threading.Event()
                    break
                hit = self.entries.get(key)
                if hit is None or hit[0] != version:
                    done = threading.Event()
                    break
        try:
            body = CachedBody.of(build())
            if body.size <= self.max_entry:
                with self.lock:
                    old = self.entries.pop(key, None)
                    if old is not None:
                        self.size -= old[1].size
                    self.entries[key] = (version, body)
                    self.size += body.size
                    while self.size > self.max_bytes:
                        _, (_, dropped) = self.entries.popitem(last=False)
                        self.size -= dropped.size
            return body
        finally:
            with self.lock:
                if self.building.get(flight) is done:
                    del self.building[flight]
            done.set()


# --- the query parameters shared by /api/events, /api/export and /api/facets ---

_LAT = r"-?(?:90(?:\.0+)?|[0-8]?[0-9](?:\.[0-9]+)?)"
_LON = r"-?(?:180(?:\.0+)?|(?:1[0-7][0-9]|[0-9]?[0-9])(?:\.[0-9]+)?)"
NEAR = rf"^{_LAT},{_LON},[0-9]{{1,5}}(?:\.[0-9]+)?$"
# The API takes days as YYYY-MM-DD, which its OpenAPI spec can state exactly; the CLI's
# --since/--until read the forms people write
DAY = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


def _day_query(description: str) -> Any:
    return Query(pattern=DAY, description=description, json_schema_extra={"format": "date"})


def _text_query(description: str, alias: str | None = None) -> Any:
    return Query(alias=alias, max_length=MAX_FILTER, description=description)


Since = Annotated[str | None, _day_query("events on or after this day (YYYY-MM-DD)")]
Until = Annotated[str | None, _day_query("events on or before this day (YYYY-MM-DD)")]
TypeFilter = Annotated[
    str | None, _text_query("an ACLED event type or sub-event type, or a PLOVER class", "type")
]
Country = Annotated[str | None, _text_query("a country name")]
Actor = Annotated[str | None, _text_query("case-insensitive part of actor1's or actor2's name")]
Near = Annotated[
    str | None,
    Query(
        pattern=NEAR,
        description="LAT,LON,KM: events within KM of the point (decimal degrees, km)",
        examples=["50.0,36.2,25"],
    ),
]
Text = Annotated[str | None, _text_query("case-insensitive part of the notes or the location")]
ItemId = Annotated[str, PathParam(max_length=1000)]  # an event's or an article's id
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="events per page")]
Offset = Annotated[int, Query(ge=0, le=1_000_000_000, description="events to skip")]


def event_filters(
    since: Since = None,
    until: Until = None,
    event_type: TypeFilter = None,
    country: Country = None,
    actor: Actor = None,
    near: Near = None,
    q: Text = None,
) -> EventQuery:
    """The filters' EventQuery (no page), or a 422 naming the bad parameter."""
    try:
        return event_query(
            since=since,
            until=until,
            event_type=event_type,
            country=country,
            actor=actor,
            near=near,
            text=q,
        )
    except BadFilter as err:
        raise RequestValidationError(
            [
                {
                    "type": "value_error",
                    "loc": ("query", err.name),
                    "msg": err.message,
                    "input": err.value,
                }
            ]
        ) from None


Filters = Annotated[EventQuery, Depends(event_filters)]


ERRORS: dict[int | str, dict[str, Any]] = {422: {"description": "a bad parameter"}}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Problem, "description": "unknown"}}


def create_app(
    store_location: str,
    token: str | None,
    tiles: str | None = None,
    allowed_hosts: Sequence[str] = (),
) -> FastAPI:
    """The API and map page over the store at `store_location` (a SQLite path or a URL).

    `token` guards POST /api/articles (None: writes are refused); `tiles` is an optional
    internet tile URL template the page may use (added to the CSP's img-src); requests are
    answered for the loopback names and `allowed_hosts` (as Django's ALLOWED_HOSTS: exact
    names, ".example.org" with its subdomains, "*" for any), others get 400.
    """
    version = package_version("eventwire")
    headers = security_headers(tiles)
    pool = StorePool(store_location)
    ingest_lock = threading.Lock()
    cache = ResponseCache()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    app = FastAPI(
        lifespan=lifespan,
        title="eventwire",
        version=version,
        description=(
            "Events extracted from war and crisis news reports, with the evidence behind every"
            " field. Reads are open; POST /api/articles needs the server's token"
            " (Authorization: Bearer …). Article text is untrusted: display it as text."
        ),
        docs_url=None,
        redoc_url=None,
    )
    app.state.pool = pool
    live = app.state.live = LiveFeed(pool.get, event_summary)
    require_token = TokenCheck(token)
    # outermost last: headers on every response, then the Host, the token, the body's size
    app.add_middleware(BodyLimit, limit=MAX_BODY, headers=headers)
    app.add_middleware(WriteGuard, check=require_token)
    app.add_middleware(HostCheck, allowed=(*LOOPBACK_HOSTS, *allowed_hosts))
    app.add_middleware(SecurityHeaders, headers=headers)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        # outside the middleware: the security headers are added here
        response = JSONResponse({"detail": "internal server error"}, status_code=500)
        for name, value in headers:
            response.headers[name.decode()] = value.decode()
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 405:  # Allow: every method of the path, not just one route's
            methods: set[str] = set()
            for route in app.router.routes:
                if route.matches(request.scope)[0] != Match.NONE:
                    methods |= getattr(route, "methods", None) or set()
            headers = {**(exc.headers or {}), "Allow": ", ".join(sorted(methods))}
            exc = StarletteHTTPException(405, exc.detail, headers=headers)
        return await http_exception_handler(request, exc)

    @app.get("/healthz", response_model=Health, tags=["meta"])
    def healthz() -> Response:
        """Liveness, and how many events and articles the store holds."""
        counts = pool.get().counts()
        return json_response(
            {"status": "ok", "events": counts["events"], "articles": counts["articles"]}
        )

    @app.get("/api/config", response_model=Config, tags=["meta"])
    def config() -> Response:
        """What the map page needs to know: the tile URL (null: the offline base map)."""
        return json_response({"tiles": tiles, "version": version})

    @app.get(
        "/api/events",
        response_model=EventFeatureCollection | EventList,
        responses=ERRORS,
        tags=["events"],
    )
    def list_events(
        request: Request,
        filters: Filters,
        limit: Limit = DEFAULT_LIMIT,
        offset: Offset = 0,
        format: Annotated[
            Literal["geojson", "json"], Query(description="a GeoJSON FeatureCollection or JSON")
        ] = "geojson",
    ) -> Response:
        """The stored events matching the filters, a page at a time, by date then id."""
        query = replace(filters, limit=limit, offset=offset)
        store = pool.get()

        def build() -> bytes:
            cursor = store.cursor()  # read first: the page holds at least what it says
            found = store.events(query)
            counts = store.report_counts([e.event_id for e in found])  # one query
            page = {
                "total": store.count_events(query),
                "limit": limit,
                "offset": offset,
                "cursor": cursor,
            }
            if format == "json":
                events = [event_summary(e, counts[e.event_id]) for e in found]
                return json_bytes({**page, "events": events})
            features = [
                {
                    "type": "Feature",
                    "id": e.event_id,
                    "geometry": geometry(e),
                    "properties": event_summary(e, counts[e.event_id]),
                }
                for e in found
            ]
            return json_bytes({"type": "FeatureCollection", **page, "features": features})

        entry = cache.get_or_build(("events", query, format), store, build)
        return entry.response(request, "application/json")

    @app.get(
        "/api/events/{event_id:path}",
        response_model=EventDetail,
        responses=NOT_FOUND,
        tags=["events"],
    )
    def get_event(event_id: ItemId) -> Response:
        """An event with its evidence, every source's report and the full source texts."""
        store = pool.get()
        event = store.event(event_id)
        if event is None:
            raise HTTPException(404, f"no event {event_id!r}")
        reports = store.reports(event_id)
        full = event_summary(event, store.report_count(event_id))
        full.update(
            article_id=event.article_id,
            geonameid=event.geonameid,
            evidence=evidence_list(event.evidence),
        )
        article_ids = [event.article_id, *(e.article_id for e in event.evidence)]
        for report in reports:
            article_ids.append(report.article_id)
            article_ids.extend(e.article_id for e in report.evidence)
        articles = []
        for article_id in dict.fromkeys(article_ids):
            article = store.article(article_id)
            if article is not None:
                articles.append({**article_summary(article), "text": article.text})
        return json_response(
            {
                "event": full,
                "reports": [
                    {
                        "mention_id": r.mention_id,
                        "article_id": r.article_id,
                        "source": r.source,
                        "event_date": r.event_date,
                        "fatalities": r.fatalities,
                        "injuries": r.injuries,
                        "claimed_by": r.claimed_by,
                        "verified": r.verified,
                        "evidence": evidence_list(r.evidence),
                    }
                    for r in reports
                ],
                "articles": articles,
            }
        )

    @app.get(
        "/api/stream",
        response_class=Response,
        responses={
            200: {
                "description": (
                    "Server-Sent Events: `hello` {cursor} once connected; `events` {cursor,"
                    " features (as /api/events' GeoJSON), new (ids of events that appeared)}"
                    " for every change; `reload` {cursor} when the page should load"
                    " everything again. Each message's id is its cursor."
                ),
                "content": {"text/event-stream": {}},
            },
            **ERRORS,
        },
        tags=["events"],
    )
    async def stream(
        after: Annotated[
            int | None,
            Query(
                ge=0,
                le=10**18,
                description="the `cursor` of the /api/events page the client holds:"
                " every event changed since is sent first",
            ),
        ] = None,
        last_event_id: Annotated[
            str | None,
            Header(
                alias="Last-Event-ID",
                max_length=100,
                description="sent by a reconnecting EventSource; wins over `after`",
            ),
        ] = None,
    ) -> Response:
        """New and changed events as they are stored, by whatever process stores them."""
        start = parse_cursor(last_event_id)
        return live.response(start if start is not None else after)

    @app.get("/api/articles", response_model=ArticleList, tags=["articles"])
    def list_articles(
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
        offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0,
    ) -> Response:
        """The stored articles in stored order, without their text."""
        store = pool.get()
        total = store.counts()["articles"]
        page = islice(store.articles(), offset, offset + limit)
        return json_response(
            {
                "total": total,
                "limit": limit,
                "offset": offset,
                "articles": [article_summary(a) for a in page],
            }
        )

    @app.get(
        "/api/articles/{article_id:path}",
        response_model=ArticleFull,
        responses=NOT_FOUND,
        tags=["articles"],
    )
    def get_article(article_id: ItemId) -> Response:
        """A stored article with its text (untrusted: display it as text)."""
        article = pool.get().article(article_id)
        if article is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return json_response({**article_summary(article), "text": article.text})

    @app.post(
        "/api/articles",
        response_model=IngestResult,
        responses={
            400: {"model": Problem, "description": "a body that is not JSON"},
            401: {"model": Problem, "description": "no token, or a wrong one"},
            403: {"model": Problem, "description": "the server was started without a token"},
            413: {"model": Problem, "description": f"body over {MAX_BODY // 1_000_000} MB"},
            422: {"description": "a body that is not an article or a list of them"},
        },
        tags=["articles"],
        dependencies=[Security(require_token)],
    )
    def post_articles(
        body: Annotated[
            ArticleIn | list[ArticleIn],
            Body(description=f"an article, or a list of up to {MAX_ITEMS}"),
        ],
    ) -> Response:
        """Ingest articles: extract their events and merge them with the stored ones.

        An item that cannot be read as an English article is reported in `failed` and the
        rest is ingested; an article whose text is stored already counts as a duplicate.
        """
        items = body if isinstance(body, list) else [body]
        if len(items) > MAX_ITEMS:
            raise RequestValidationError(
                [
                    {
                        "type": "too_long",
                        "loc": ("body",),
                        "msg": f"at most {MAX_ITEMS} articles per request",
                        "input": None,
                    }
                ]
            )
        return json_response(ingest_items(pool.get(), items, ingest_lock))

    @app.get(
        "/api/export",
        response_class=Response,
        responses={
            200: {
                "description": "the events as a file",
                "content": {
                    "text/csv": {},
                    "application/geo+json": {},
                    "application/x-ndjson": {},
                },
            },
            **ERRORS,
        },
        tags=["events"],
    )
    def export(
        request: Request,
        query: Filters,
        format: Annotated[
            Literal["acled", "geojson", "jsonl"],
            Query(description="acled: ACLED's CSV columns, then eventwire's"),
        ] = "acled",
    ) -> Response:
        """Every event matching the filters as a download, in eventwire's export formats."""
        from eventwire.export import write_csv, write_geojson, write_jsonl

        store = pool.get()
        writer, media, suffix = {
            "acled": (write_csv, "text/csv", "csv"),
            "geojson": (write_geojson, "application/geo+json", "geojson"),
            "jsonl": (write_jsonl, "application/x-ndjson", "jsonl"),
        }[format]

        def build() -> bytes:
            out = io.StringIO()
            writer(store.events(query), out)
            return out.getvalue().encode("utf-8")

        entry = cache.get_or_build(("export", query, format), store, build)
        disposition = f'attachment; filename="eventwire-events.{suffix}"'
        return entry.response(request, media, {"Content-Disposition": disposition})

    @app.get("/api/facets", response_model=Facets, responses=ERRORS, tags=["events"])
    def facets(
        request: Request,
        query: Filters,
    ) -> Response:
        """Counts by event type, country, actor and day of the events matching the filters."""
        store = pool.get()
        entry = cache.get_or_build(
            ("facets", query), store, lambda: json_bytes(event_facets(store.events(query)))
        )
        return entry.response(request, "application/json")

    # --- the map page and the docs (not part of the API spec) ---

    # HEAD too: link checkers and `curl -I` ask for the page before fetching it
    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def index() -> Response:
        page = STATIC / "index.html"
        if not page.is_file():
            return HTMLResponse("<!doctype html><title>eventwire</title><p>No map page.</p>")
        return FileResponse(page, media_type="text/html")

    app.mount("/static", StaticFiles(directory=STATIC, check_dir=False), name="static")
    _mount_docs(app)
    return app


def _mount_docs(app: FastAPI) -> None:
    """Swagger UI at /docs from the assets fastapi-offline ships: no CDN, no inline script."""
    try:
        import fastapi_offline
    except ImportError:  # pragma: no cover - a runtime dependency
        return
    assets = Path(fastapi_offline.__file__).parent / "static"
    app.mount("/docs/assets", StaticFiles(directory=assets), name="docs-assets")
    page = (
        "<!doctype html><html><head><meta charset='utf-8'><title>eventwire API</title>"
        "<link rel='stylesheet' href='/docs/assets/swagger-ui.css'>"
        "<link rel='icon' href='/docs/assets/favicon.png'></head>"
        "<body><div id='swagger-ui'></div>"
        "<script src='/docs/assets/swagger-ui-bundle.js'></script>"
        "<script src='/docs/init.js'></script></body></html>"
    )
    init = (
        "window.ui = SwaggerUIBundle({url: '/openapi.json', dom_id: '#swagger-ui',"
        " presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],"
        " layout: 'BaseLayout', deepLinking: true});\n"
    )

    @app.get("/docs", include_in_schema=False)
    def docs() -> Response:
        return HTMLResponse(page)

    @app.get("/docs/init.js", include_in_schema=False)
    def docs_init() -> Response:
        return Response(init, media_type="text/javascript")


def event_facets(events: list[Event]) -> dict[str, Any]:
    """The facet counts of `events` (GET /api/facets)."""
    types = Counter(e.event_type for e in events)
    countries = Counter(e.country for e in events if e.country)
    actors = Counter(a for e in events for a in {e.actor1, e.actor2} if a)
    days = Counter(e.event_date for e in events if e.event_date)
    return {
        "event_types": types.most_common(),
        "countries": countries.most_common(),
        "actors": actors.most_common(50),
        "dates": {"min": min(days) if days else None, "max": max(days) if days else None},
        "per_day": sorted(days.items()),
    }


def ingest_items(
    store: Store, items: list[ArticleIn], lock: threading.Lock | None = None
) -> dict[str, Any]:
    """Ingest posted articles through `eventwire.ingest` (its checks, its one-by-one safety);
    with `lock`, each article's merge into the store holds it (extraction does not)."""
    from eventwire.ingest import IngestReport, ingest

    failed: list[dict[str, str]] = []
    lines: list[bytes] = []
    numbers: list[int] = []  # the 1-based item number of each line
    for n, item in enumerate(items, 1):
        record = {
            "text": item.text,
            "published": item.published,  # checked by the reader, as a JSON Lines line's
            "source": item.source,
            "url": item.url,
            "title": item.title,
            "id": item.id,
        }
        record = {k: v for k, v in record.items() if v is not None}
        name = f"article {n}" + (f" ({item.id})" if item.id else "")
        if not all(_valid_unicode(v) for v in record.values()):
            failed.append({"name": name, "reason": "not valid Unicode (a lone surrogate)"})
            continue
        lines.append(json.dumps(record, ensure_ascii=True).encode() + b"\n")
        numbers.append(n)
    names = {
        f"<stdin>:{k}": f"article {n}" + (f" ({items[n - 1].id})" if items[n - 1].id else "")
        for k, n in enumerate(numbers, 1)
    }
    recorder = _Recorder(store, lock or threading.Lock())
    report = IngestReport()
    if lines:
        report = ingest(
            ["-"], cast(Store, recorder), input_format="jsonl", stdin=io.BytesIO(b"".join(lines))
        )
    for failure in report.failed:
        failed.append({"name": names.get(failure.name, failure.name), "reason": failure.reason})
    failed.sort(key=lambda f: _item_number(f["name"]))
    return {
        "articles_read": report.read,
        "duplicates": report.duplicates,
        "failed": failed,
        "events_added": report.events_added,
        "events_merged": report.events_merged,
        "event_ids": list(dict.fromkeys(recorder.event_ids)),
    }


def _item_number(name: str) -> int:
    """n of 'article n (…)'; other names (an extraction failure) last."""
    parts = name.split()
    return (
        int(parts[1])
        if len(parts) > 1 and parts[0] == "article" and parts[1].isdigit()
        else 1 << 30
    )


def _valid_unicode(value: str | None) -> bool:
    if value is None:
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class _Recorder:
    """A store that remembers which events `add_article` stored mentions into, and merges
    one article at a time under `lock`."""

    def __init__(self, store: Store, lock: threading.Lock) -> None:
        self._store = store
        self._lock = lock
        self.event_ids: list[str] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def add_article(self, article: Article, mentions: Any) -> Any:
        with self._lock:
            outcome = self._store.add_article(article, mentions)
        self.event_ids.extend(outcome.event_ids)
        return outcome


def app_from_env() -> FastAPI:
    """The app configured by $EVENTWIRE_DB, $EVENTWIRE_TOKEN, $EVENTWIRE_TILES and
    $EVENTWIRE_ALLOWED_HOSTS (uvicorn workers)."""
    from eventwire.store import default_db

    return create_app(
        default_db(),
        os.environ.get(TOKEN_ENV) or None,
        os.environ.get(TILES_ENV) or None,
        [name for name in os.environ.get(ALLOWED_HOSTS_ENV, "").split(",") if name],
    )
