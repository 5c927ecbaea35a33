"""Feed URLs → the bytes of each feed that changed since its last poll (conditional GET).

Each poll sends the ETag and Last-Modified the last answer gave (If-None-Match,
If-Modified-Since); a 304 costs the server nothing and adds nothing. A 200 whose body is the
one read last time (a server without validators) is passed over too, by its hash.
"""

from __future__ import annotations

import hashlib
import urllib.error
import urllib.request
from dataclasses import dataclass, replace

from eventwire.read.articles import MAX_BYTES, too_large
from eventwire.watch.checkpoint import FeedState

USER_AGENT = "eventwire-watch (+https://github.com/eventwire)"
TIMEOUT_SECONDS = 20.0


@dataclass(frozen=True)
class Poll:
    """One poll of a feed: its new state, the body when it changed, and what happened."""

    state: FeedState
    body: bytes | None  # None: unchanged (304 or the same body) or failed
    status: str  # "200", "304", "unchanged" or "failed: why"


def read_feed_list(path: str) -> list[str]:
    """The feed URLs of a file, one a line; blank lines and lines starting with # skipped.

    A line that is not an http(s) URL raises ValueError naming it.
    """
    urls = []
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            url = line.strip()
            if not url or url.startswith("#"):
                continue
            if not url.startswith(("http://", "https://")):
                raise ValueError(f"{path}:{number}: not an http(s) URL: {url[:80]}")
            urls.append(url)
    return list(dict.fromkeys(urls))


def poll_feed(state: FeedState, timeout: float = TIMEOUT_SECONDS) -> Poll:
    """GET the feed with the validators of `state`; never raises for a network or HTTP error."""
    headers = {
        "User-Agent": USER_AGENT,
        "Accept": "application/rss+xml, application/atom+xml,"
        " application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5",
    }
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    request = urllib.request.Request(state.url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            body = answer.read(MAX_BYTES + 1)
            etag = answer.headers.get("ETag")
            modified = answer.headers.get("Last-Modified")
    except urllib.error.HTTPError as err:
        if err.code == 304:
            return Poll(state, None, "304")
        return Poll(state, None, f"failed: HTTP {err.code} {err.reason}")
    except (urllib.error.URLError, OSError, ValueError) as err:
        reason = getattr(err, "reason", None) or err
        return Poll(state, None, f"failed: {reason}")
    if len(body) > MAX_BYTES:
        return Poll(state, None, f"failed: {too_large(len(body))}")
    digest = hashlib.sha256(body).hexdigest()
    new = replace(state, etag=etag, last_modified=modified, body_hash=digest)
    if digest == state.body_hash:
        return Poll(new, None, "unchanged")
    return Poll(new, body, "200")
