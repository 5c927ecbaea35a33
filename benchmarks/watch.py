"""`eventwire watch` measured as a process: drop-to-store latency, idle cost, a mass drop, SIGKILL.

usage: .venv/bin/python benchmarks/watch.py [latency] [idle] [mass] [kill] [--db postgresql://…]
(all four without arguments). Each runs the `eventwire` command beside this Python on a fresh
temporary folder and store (SQLite unless --db names an empty PostgreSQL database) and prints
its figures:

- latency: 20 articles dropped one at a time (written under a hidden name, renamed in); the
  seconds from the rename to the article's event in the store (its report row).
- idle: the watcher's CPU over 20 s with nothing arriving (psutil cpu_times), % of one core;
  the watcher has an alert rule, so it looks at the store every 2 s.
- mass: 1,000 articles and a binary, an empty and a 20 MB file written into the folder at once;
  the time until all are read, and whether each bad file was reported and every article kept.
- kill: a burst of 500 files, the watcher SIGKILLed once a quarter is stored, then run again
  with --once; its store compared with a clean `ingest` of the same files (the same events from
  the same articles, the same row counts).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from eventwire.ingest import ingest
from eventwire.model import text_id
from eventwire.store import SQLiteStore, open_store
from eventwire.store.synthetic import generate

RUNS = ("latency", "idle", "mass", "kill")
REPORTED = "SELECT count(*) FROM reports WHERE text_hash = ?"  # the article's events stored
EVENTWIRE = str(Path(sys.executable).parent / "eventwire")


def start(folder: Path, db: str, log: Path, *extra: str) -> subprocess.Popen[bytes]:
    with open(log, "wb") as stream:
        return subprocess.Popen(
            [EVENTWIRE, "watch", str(folder), "--db", db, *extra],
            stdout=subprocess.DEVNULL,
            stderr=stream,
        )


def wait_for(condition: object, seconds: float) -> float:
    started = time.monotonic()
    while not condition():  # type: ignore[operator]
        if time.monotonic() - started > seconds:
            raise TimeoutError(f"not within {seconds} s")
        time.sleep(0.005)
    return time.monotonic() - started


def rows(db: str, sql: str, params: tuple[object, ...] = ()) -> int:
    """The count `sql` gives, read on a connection of its own (SQLite or PostgreSQL)."""
    if db.startswith("postgres"):
        import psycopg

        with psycopg.connect(db, autocommit=True) as conn:
            try:
                return int(conn.execute(sql.replace("?", "%s"), params).fetchone()[0])
            except psycopg.Error:
                return 0
    if not Path(db).exists():
        return 0
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    try:
        return int(conn.execute(sql, params).fetchone()[0])
    except sqlite3.OperationalError:
        return 0
    finally:
        conn.close()


def drop(folder: Path, name: str, record: dict[str, str]) -> None:
    hidden = folder / f".{name}.part"
    hidden.write_text(json.dumps(record) + "\n")
    os.rename(hidden, folder / name)


def ready(log: Path) -> None:
    wait_for(lambda: "watch: ready" in log.read_text(), 300)


def latency_and_idle(tmp: Path, db: str, do_latency: bool, do_idle: bool) -> None:
    folder, log = tmp / "in", tmp / "latency.log"
    folder.mkdir()
    # an alert rule too: its look at the store every 2 s is part of the idle cost
    process = start(folder, db, log, "--alert", "min_fatalities=100 country=UA")
    try:
        ready(log)
        if do_latency:
            records, _ = generate(40, seed=11)
            picked = list({r["text"]: r for r in records}.values())[:20]  # no republished copy
            took = []
            for k, record in enumerate(picked):
                key = (text_id(record["text"]),)
                drop(folder, f"drop{k:02d}.jsonl", record)
                # the article and its events are stored in one transaction
                took.append(wait_for(lambda key=key: rows(db, REPORTED, key), 30))  # type: ignore[misc]
                time.sleep(1.0)
            print(
                f"latency (20 drops, {_kind(db)}): file renamed in -> its article and event"
                f" stored: median {statistics.median(took):.2f} s, max {max(took):.2f} s"
            )
        if do_idle:
            time.sleep(2)
            watcher = psutil.Process(process.pid)
            before, started = watcher.cpu_times(), time.monotonic()
            time.sleep(20)
            after, seconds = watcher.cpu_times(), time.monotonic() - started
            used = (after.user - before.user + after.system - before.system) / seconds
            print(f"idle ({seconds:.0f} s, psutil cpu_times): {used:.2%} of a core")
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(60)


def mass(tmp: Path, db: str, n: int = 1000) -> None:
    folder, log = tmp / "mass", tmp / "mass.log"
    folder.mkdir()
    records, _ = generate(n, seed=13)
    process = start(folder, db, log)
    try:
        ready(log)
        started = time.monotonic()
        for k, record in enumerate(records):
            (folder / f"n{k:04d}.jsonl").write_text(json.dumps(record) + "\n")
        (folder / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(4000))
        (folder / "empty.txt").write_bytes(b"")
        line = "Russian shelling of Kharkiv on Monday killed four civilians, officials said.\n"
        with open(folder / "big.txt", "w") as stream:
            stream.write(line * (20_000_000 // len(line) + 1))
        written = time.monotonic() - started
        files = n + 3
        wait_for(lambda: rows(db, "SELECT count(*) FROM watch_files") >= files, 600)
        took = time.monotonic() - started
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(60)
    text = log.read_text()
    texts = {r["text"] for r in records}
    with open_store(db) as store:
        kept = sum(store.has_article(t) for t in texts)
    reported = [
        name
        for name, says in (
            ("scan.txt", "binary data"),
            ("empty.txt", "empty input"),
            ("big.txt", "too large: 20.0 MB"),
        )
        if f"{folder / name}: {says}" in text
    ]
    progress = sum(line.startswith("[") for line in text.splitlines())
    # the same folder by `eventwire ingest`, for the rate on this machine at this moment
    started = time.monotonic()
    subprocess.run(
        [EVENTWIRE, "ingest", str(folder), "--db", str(tmp / "mass-ingest.sqlite")],
        capture_output=True,
    )
    alone = time.monotonic() - started
    print(
        f"mass drop ({n} articles + 3 bad files, {_kind(db)}): written in {written:.1f} s, all"
        f" read {took:.1f} s after the first ({n / took:.0f} files/s); {kept}/{len(texts)}"
        f" distinct articles kept; bad files reported: {', '.join(reported) or 'none'};"
        f" {progress} progress lines on stderr; `eventwire ingest` of the same folder:"
        f" {alone:.1f} s, its start-up included"
    )


def kill(tmp: Path, db: str, n: int = 500) -> None:
    staged, folder, log = tmp / "staged", tmp / "kill", tmp / "kill.log"
    staged.mkdir()
    folder.mkdir()
    records, _ = generate(n, seed=7)
    paths = []
    for k, record in enumerate(records):
        path = staged / f"n{k:04d}.jsonl"
        path.write_text(json.dumps(record) + "\n")
        paths.append(path)
    clean = str(tmp / "clean.sqlite")
    with SQLiteStore(clean) as store:
        ingest([str(p) for p in paths], store)
    process = start(folder, db, log)
    try:
        ready(log)
        for path in paths:
            os.rename(path, folder / path.name)
        wait_for(lambda: rows(db, "SELECT count(*) FROM articles") >= n // 4, 300)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.kill()
        process.wait()
    partial = rows(db, "SELECT count(*) FROM articles")
    started = time.monotonic()
    rerun = subprocess.run(
        [EVENTWIRE, "watch", str(folder), "--db", db, "--once"], capture_output=True, text=True
    )
    took = time.monotonic() - started
    same = _events(db) == _events(clean)
    with open_store(db) as a, open_store(clean) as b:
        counts, clean_counts = a.counts(), b.counts()
    print(
        f"kill -9 ({n}-file burst, {_kind(db)}): killed with {partial} articles stored; rerun"
        f" (exit {rerun.returncode}, {took:.1f} s) -> events {'EQUAL' if same else 'DIFFERENT'}"
        f" to a clean ingest's; rows {counts} vs clean {clean_counts}"
    )


def _events(location: str) -> set[tuple[object, ...]]:
    with open_store(location) as store:
        return {
            (
                e.event_type,
                e.sub_event_type,
                e.event_date,
                e.location,
                e.fatalities,
                e.injuries,
                frozenset(m.article_id for m in store.mentions(e.event_id)),
            )
            for e in store.events()
        }


def _kind(db: str) -> str:
    return "PostgreSQL" if db.startswith("postgres") else "SQLite"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("runs", nargs="*", help="latency, idle, mass, kill (default: all)")
    parser.add_argument(
        "--db", help="an empty postgresql:// database, for one run (default: SQLite files)"
    )
    args = parser.parse_args()
    runs = set(args.runs or RUNS)
    if runs - set(RUNS):
        parser.error(f"runs are {', '.join(RUNS)}")
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)

        def db(label: str) -> str:
            return args.db or str(tmp / f"{label}.sqlite")

        if runs & {"latency", "idle"}:
            latency_and_idle(tmp, db("latency"), "latency" in runs, "idle" in runs)
        if "mass" in runs:
            mass(tmp, db("mass"))
        if "kill" in runs:
            kill(tmp, db("kill"))


if __name__ == "__main__":
    main()
