"""The `eventwire` command: a thin click skin over the Python API."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from datetime import date
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from eventwire.model import Article, Event

PROGRESS_AT = 100  # articles from which extract shows a progress bar and a summary line


def parse_day(value: str | None, option: str = "--published") -> date | None:
    """A date option ("2022-03-14", "14 March 2022", "Mar 14, 2022") as a date; a bad or
    ambiguous value is a usage error."""
    from eventwire.read.articles import parse_day as parse_date

    try:
        return parse_date(value) if value else None
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint=option) from None


def _published(value: str | None, override: bool) -> date | None:
    """--published as a day; --published-override without it is a usage error."""
    if override and not value:
        raise click.UsageError("--published-override needs --published")
    return parse_day(value)


def read_articles(
    inputs: tuple[str, ...],
    failed: list[str],
    *,
    text_arguments: bool = False,
    published: date | None = None,
    source: str | None = None,
    input_format: str = "text",
    published_override: bool = False,
) -> Iterator[Article]:
    """The articles of the command's INPUTS (FILE/DIR..., - for stdin; with `text_arguments`,
    an argument that names no file is a text), each bad input reported on stderr and added to
    `failed` while the rest goes on."""
    import sys

    from eventwire.read import InputError, Skipped, read_arguments

    for item in read_arguments(
        list(inputs),
        text_arguments=text_arguments,
        published=published,
        source=source,
        input_format=input_format,
        stdin=sys.stdin.buffer,
        published_override=published_override,
    ):
        if isinstance(item, InputError):
            if not isinstance(item, Skipped):  # a file beside the articles is no failure
                failed.append(item.source)
            click.echo(f"eventwire: {item.source}: {item}", err=True)
        else:
            yield item


@click.group()
@click.version_option(package_name="eventwire")
def main() -> None:
    """War and crisis news reports in, geolocated, source-attributed event data out."""
    import logging

    # warnings about single inputs (a 'published' naming no day) go to stderr as they come
    logging.basicConfig(level=logging.WARNING, format="eventwire: %(message)s")


# Each command below calls one documented function of the package, imported inside it so
# that one command does not pay for another's imports.


ENGINE_HELP = (
    "process: this process; ray: Ray Data workers (a local Ray, or the cluster at --address)."
)


def engine_options(command: Callable[..., None]) -> Callable[..., None]:
    """--engine, --address and --workers, for extract and ingest (eventwire.distributed)."""
    command = click.option(
        "--workers",
        type=click.IntRange(1, 10_000),
        default=2,
        show_default=True,
        help="Ray workers, each with one loaded pipeline on one core.",
    )(command)
    command = click.option(
        "--address",
        help="A Ray cluster to join (ray://HOST:10001 or HOST:6379); default: start a local Ray.",
    )(command)
    return click.option(
        "--engine",
        type=click.Choice(["process", "ray"]),
        default="process",
        show_default=True,
        help=ENGINE_HELP,
    )(command)


def _engine(engine: str, address: str | None) -> None:
    """--address without --engine ray is a usage error."""
    if address and engine != "ray":
        raise click.UsageError("--address needs --engine ray")


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--published",
    help="Publication date for relative dates: 2022-03-14, '14 March 2022' or 'Mar 14, 2022'.",
)
@click.option("--source", help="Outlet name recorded in each event's sources.")
@click.option(
    "--published-override",
    is_flag=True,
    help="Date every article --published, whatever its own metadata or sidecar says.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "geojson", "table", "parquet"]),
    help="Output format (default: table on a terminal, jsonl in a pipe; parquet needs --out).",
)
@click.option("--out", type=click.Path(dir_okay=False), help="Write to this file (default stdout).")
@click.option(
    "--input-format",
    type=click.Choice(["text", "jsonl"]),
    default="text",
    help="text: each FILE is one article; jsonl: each line is {id, text, published, …}.",
)
@engine_options
@click.option(
    "--progress/--no-progress",
    default=None,
    help=f"Progress bar on stderr (default: on a terminal, from {PROGRESS_AT} articles or with"
    " --engine ray), and a summary line at the end.",
)
def extract(
    inputs: tuple[str, ...],
    published: str | None,
    source: str | None,
    published_override: bool,
    fmt: str | None,
    out: str | None,
    input_format: str,
    engine: str,
    address: str | None,
    workers: int,
    progress: bool | None,
) -> None:
    """Read articles (FILE... or - for stdin) and print the events they report."""
    import sys
    import time

    from eventwire.export import ParquetWriter, write_csv, write_events, write_jsonl
    from eventwire.progress import article_progress, rate
    from eventwire.read.inputs import count_items

    _engine(engine, address)
    day = _published(published, published_override)
    if fmt == "parquet" and not out:
        raise click.BadParameter("Parquet is written to a file: give --out", param_hint="--format")
    fmt = fmt or ("table" if sys.stdout.isatty() and not out else "jsonl")
    stream = (
        open(out, "w", encoding="utf-8", newline="") if out and fmt != "parquet" else sys.stdout
    )
    failed: list[str] = []
    options: dict[str, object] = {
        "published": day,
        "source": source,
        "input_format": input_format,
        "published_override": published_override,
    }
    if engine == "ray":
        results = _extract_on_ray(inputs, failed, workers, address, options)
    else:
        results = _extract_each(read_articles(inputs, failed, **options))  # type: ignore[arg-type]
    total = None if "-" in inputs else count_items(list(inputs), input_format)
    many = engine == "ray" or (total or 0) >= PROGRESS_AT
    show = progress if progress is not None else (None if many else False)  # None: a terminal's
    summary = progress if progress is not None else many
    collected = []
    first_csv = True
    parquet = ParquetWriter(str(out)) if fmt == "parquet" else None
    started, read, found = time.perf_counter(), 0, 0
    with article_progress("extract", total, show) as (bar, task):
        for article, events in results:
            read += 1
            if isinstance(events, Exception):  # reported, and the rest of the batch goes on
                name = article.url or article.title or article.article_id[:12] or "<article>"
                failed.append(name)
                click.echo(
                    f"eventwire: {name}: extraction failed: {type(events).__name__}: {events}",
                    err=True,
                )
                bar.update(task, advance=1, counts=f"{found} events, {len(failed)} failed")
                continue
            found += len(events)
            bar.update(task, advance=1, counts=f"{found} events, {len(failed)} failed")
            if article.published is None and events and all(e.event_date is None for e in events):
                click.echo(
                    f"eventwire: {article.title or article.article_id[:12]}: no publication date;"
                    " relative dates left unresolved (give --published)",
                    err=True,
                )
            if parquet is not None:
                parquet.write(events)
            elif fmt == "jsonl":
                write_jsonl(events, stream)
            elif fmt == "csv":
                write_csv(events, stream, header=first_csv)
                first_csv = False
            else:
                collected.extend(events)
    if parquet is not None:
        parquet.close()
    if fmt == "table" and not collected:  # a line, not an empty table (errors said above)
        if not failed:
            from eventwire.ingest import counted

            click.echo(f"eventwire: no events found in {counted(read, 'article')}", err=True)
    elif fmt in ("geojson", "table"):
        write_events(collected, fmt, stream)
    if stream is not sys.stdout:
        stream.close()
    if summary:
        seconds = time.perf_counter() - started
        click.echo(
            f"eventwire: {read} articles read, {len(failed)} failed; {found} events"
            f" ({seconds:.1f} s, {rate(read, seconds)} articles/s)",
            err=True,
        )
    if failed:
        sys.exit(1)


def _extract_on_ray(
    inputs: tuple[str, ...],
    failed: list[str],
    workers: int,
    address: str | None,
    options: dict[str, object],
) -> Iterator[tuple[Article, list[Event] | Exception]]:
    """`eventwire.distributed.extract_on_ray` as (article, events) pairs, each bad input
    reported on stderr and added to `failed` (as `read_articles` does)."""
    from eventwire.distributed import extract_on_ray
    from eventwire.read import InputError, Skipped

    if "-" in inputs:
        raise click.UsageError("--engine ray reads files and directories, not stdin (-)")
    for result in extract_on_ray(list(inputs), workers=workers, address=address, **options):  # type: ignore[arg-type]
        if isinstance(result.item, InputError):
            if not isinstance(result.item, Skipped):
                failed.append(result.item.source)
            click.echo(f"eventwire: {result.item.source}: {result.item}", err=True)
        else:
            assert result.events is not None
            yield result.item, result.events


def _extract_each(articles: Iterator[Article]) -> Iterator[tuple[Article, list[Event] | Exception]]:
    """`pipeline.extract_each`, its pipeline (spaCy, the model, the gazetteer) imported only once
    an article has been read: an input error needs none of it."""
    first = next(articles, None)
    if first is None:
        return
    from eventwire.pipeline import extract_each

    yield from extract_each(itertools.chain([first], articles))


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--limit", type=int, help="Score only the first N articles of the file.")
@click.option(
    "--show-misses",
    "show_misses",
    metavar="FIGURE",
    help="Print up to 20 misses of one figure (event_type, place_50km, fatalities, …).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def eval_command(gold: str, limit: int | None, show_misses: str | None, as_json: bool) -> None:
    """Score extracted events against a GOLD JSON Lines file (eventwire.evaluate)."""
    import sys

    from eventwire.evaluate import FIGURE_NAMES, run

    if show_misses is not None and show_misses not in FIGURE_NAMES:
        raise click.BadParameter(
            f"{show_misses!r} is not one of: {', '.join(FIGURE_NAMES)}", param_hint="--show-misses"
        )
    try:
        figures = run(gold, limit=limit, show_misses=show_misses, as_json=as_json)
    except (ValueError, ImportError) as err:
        raise click.ClickException(str(err)) from err
    if "error" in figures:
        sys.exit(1)


@main.command()
@click.option("--limit", type=int, help="Bench only the first N texts.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def bench(limit: int | None, as_json: bool) -> None:
    """Articles/s end to end and the ratio to spaCy's bare parse (eventwire.bench)."""
    from eventwire.bench import main as bench_main

    args = (["--limit", str(limit)] if limit is not None else []) + (["--json"] if as_json else [])
    bench_main(args)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--input-format",
    type=click.Choice(["text", "jsonl"]),
    default="text",
    help="text: each FILE or TEXT is one text; jsonl: each line is {id, text, …}.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "jsonl"]),
    default="text",
    help="text: each place with its span, choice, reason and candidates; jsonl: one line per place.",
)
def geocode(inputs: tuple[str, ...], input_format: str, fmt: str) -> None:
    """Print the places of each input, resolved to points (eventwire.geo).

    INPUTS as for extract (FILE/DIR..., - for stdin), and an argument that names no file is
    a text itself: eventwire geocode "Uman" "Chuhuiv, south of Kharkiv".
    """
    import sys

    from eventwire.geo.geocode import geocode_texts, place_lines, place_record, to_json

    failed: list[str] = []
    articles = read_articles(inputs, failed, text_arguments=True, input_format=input_format)
    items = ((a.article_id, a.text) for a in articles)
    for article_id, places in geocode_texts(items):
        for place in places:
            if fmt == "jsonl":
                click.echo(to_json(place_record(article_id, place)))
            else:
                click.echo("\n".join(place_lines(place)))
    if failed:
        sys.exit(1)


# ingest, events, export: owned by the store (eventwire.ingest, eventwire.store)
DB_HELP = (
    "The store: a SQLite file or a postgresql:// URL (default $EVENTWIRE_DB,"
    " else ./eventwire.sqlite)."
)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", help=DB_HELP)
@click.option(
    "--published",
    help="Publication date where the input gives none: 2022-03-14, '14 March 2022', 'Mar 14, 2022'.",
)
@click.option("--source", help="Outlet name where the input gives none.")
@click.option(
    "--published-override",
    is_flag=True,
    help="Date every article --published, whatever its own metadata or sidecar says.",
)
@click.option(
    "--input-format",
    type=click.Choice(["text", "jsonl"]),
    default="text",
    help="For FILEs without a known suffix: one article (text) or one per line (jsonl).",
)
@engine_options
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a tty).")
def ingest(
    inputs: tuple[str, ...],
    db: str | None,
    published: str | None,
    source: str | None,
    published_override: bool,
    input_format: str,
    engine: str,
    address: str | None,
    workers: int,
    progress: bool | None,
) -> None:
    """Store the events of FILE/DIR... (- for stdin), merged with those stored; idempotent.

    Text, JSON Lines, HTML and RSS/Atom files (known by suffix or by their first bytes);
    directories recursively. Each failed input is reported with its reason and the rest goes on.
    """
    import sys

    from eventwire.ingest import counted, ingest_with_progress
    from eventwire.store import open_store

    _engine(engine, address)
    if engine == "ray" and "-" in inputs:
        raise click.UsageError("--engine ray reads files and directories, not stdin (-)")
    day = _published(published, published_override)
    run = None
    if engine == "ray":
        from functools import partial

        from eventwire.distributed import ingest_on_ray

        run = partial(ingest_on_ray, workers=workers, address=address)
    with open_store(db) as store:
        report = ingest_with_progress(
            list(inputs),
            store,
            show=progress,
            run=run,
            published=day,
            published_override=published_override,
            source=source,
            input_format=input_format,
            stdin=sys.stdin.buffer,
        )
    for failure in [*report.skipped, *report.failed]:
        click.echo(f"eventwire: {failure.name}: {failure.reason}", err=True)
    if report.undated:
        click.echo(
            f"eventwire: {counted(report.undated, 'article')} had no publication date; their"
            " relative dates are unresolved (give --published)",
            err=True,
        )
    click.echo(f"eventwire: {report.summary()}", err=True)
    if report.failed:
        sys.exit(1)


@main.command()
@click.option("--db", help=DB_HELP)
@click.option("--since", help="Events on or after this day (2022-03-14, '14 March 2022').")
@click.option("--until", help="Events on or before this day (2022-03-14, '14 March 2022').")
@click.option("--type", "event_type", help="ACLED event or sub-event type, or PLOVER class.")
@click.option("--country", help="Country name or ISO code (Ukraine, UA, UKR).")
@click.option("--actor", help="Part of actor1's or actor2's name.")
@click.option("--near", help="LAT,LON,KM: events within KM of the point.")
@click.option("--text", help="Part of the notes or the location name.")
@click.option("--limit", type=int, help="At most this many events.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl", "csv", "geojson"]),
    default="table",
    help="Output format.",
)
def events(
    db: str | None,
    since: str | None,
    until: str | None,
    event_type: str | None,
    country: str | None,
    actor: str | None,
    near: str | None,
    text: str | None,
    limit: int | None,
    fmt: str,
) -> None:
    """Print the stored events that match the filters."""
    import sys

    from eventwire.export import write_events
    from eventwire.store import BadFilter, event_query, filter_hints, open_store

    try:
        query = event_query(
            since=since,
            until=until,
            event_type=event_type,
            country=country,
            actor=actor,
            near=near,
            text=text,
            limit=limit,
        )
    except BadFilter as err:
        raise click.BadParameter(str(err), param_hint=f"--{err.name}") from None
    with open_store(_existing_db(db)) as store:
        found = store.events(query)
        hints = filter_hints(store.events(), query) if not found else {}
    for name, (value, close) in hints.items():  # a value no stored event has: say so
        nearest = f"; nearest: {', '.join(close)}" if close else ""
        click.echo(f"eventwire: no stored event has --{name} {value!r}{nearest}", err=True)
    if not found and fmt == "table":  # a line, not an empty table
        if not hints:
            filtered = any((since, until, event_type, country, actor, near, text))
            what = (
                "no stored event matches the filters" if filtered else "the store holds no events"
            )
            click.echo(f"eventwire: {what}", err=True)
        return
    write_events(found, fmt, sys.stdout)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option(
    "--feeds",
    "feeds_file",
    type=click.Path(exists=True, dir_okay=False),
    help="A file of feed URLs (RSS/Atom), one a line; polled with conditional GET.",
)
@click.option(
    "--every",
    default=300.0,
    show_default=True,
    type=click.FloatRange(min=0.5),
    metavar="SECONDS",
    help="Seconds between two polls of a feed.",
)
@click.option("--db", help=DB_HELP)
@click.option(
    "--alert",
    "alerts",
    multiple=True,
    metavar="RULE",
    help="An alert rule (repeatable), e.g. 'min_fatalities=5 country=UA post=http://host/hook';"
    " conditions type=, country=, actor=, near=LAT,LON,KM, min_fatalities=, min_injuries=,"
    " text=; actions print, post=URL.",
)
@click.option("--once", is_flag=True, help="Read what is there, poll each feed once, then exit.")
@click.option(
    "--polling",
    is_flag=True,
    help="Look at the folders every step instead of OS notices (NFS, SMB).",
)
def watch(
    paths: tuple[str, ...],
    feeds_file: str | None,
    every: float,
    db: str | None,
    alerts: tuple[str, ...],
    once: bool,
    polling: bool,
) -> None:
    """Watch PATH... (folders or files) and --feeds; ingest each new or changed article.

    One line per article on stderr; a bad file is reported with its reason and the rest goes
    on. What was read is checkpointed in the store: a restart catches up, a kill loses nothing.
    Alerts print on stdout. Stops on Ctrl-C or SIGTERM.
    """
    import signal
    import threading

    from eventwire.ingest import counted
    from eventwire.watch import RuleError, parse_rule
    from eventwire.watch import watch as run_watch
    from eventwire.watch.feeds import read_feed_list

    if not paths and not feeds_file:
        raise click.UsageError("give a folder to watch, or --feeds FILE")
    for rule in alerts:
        try:
            parse_rule(rule)
        except RuleError as err:
            raise click.BadParameter(str(err), param_hint="--alert") from None
    if feeds_file:
        try:
            read_feed_list(feeds_file)
        except ValueError as err:
            raise click.BadParameter(str(err), param_hint="--feeds") from None
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    stats = run_watch(
        list(paths),
        db,
        feeds_file=feeds_file,
        every=every,
        alerts=alerts,
        once=once,
        stop=stop,
        force_polling=polling or None,
    )
    click.echo(
        f"eventwire: watch stopped: {counted(stats.files, 'file')} read,"
        f" {counted(stats.articles, 'article')} stored, {stats.duplicates} stored already,"
        f" {stats.failed} failed; {counted(stats.events_added, 'event')} added,"
        f" {stats.events_merged} merged; {counted(stats.polls, 'feed poll')},"
        f" {counted(stats.alerts, 'alert')}",
        err=True,
    )


@main.command()
@click.option("--db", help=DB_HELP)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["acled", "geojson", "jsonl", "parquet"]),
    default="acled",
    help="acled: ACLED's CSV columns, then eventwire's; parquet: the typed DataFrame (--out).",
)
@click.option("--out", type=click.Path(dir_okay=False), help="Write to this file (default stdout).")
def export(db: str | None, fmt: str, out: str | None) -> None:
    """Write every stored event as ACLED CSV, GeoJSON, JSON Lines or Parquet."""
    import sys

    from eventwire.export import write_csv, write_geojson, write_jsonl, write_parquet
    from eventwire.store import open_store

    if fmt == "parquet" and not out:
        raise click.BadParameter("Parquet is written to a file: give --out", param_hint="--format")
    writer = {"acled": write_csv, "geojson": write_geojson, "jsonl": write_jsonl}.get(fmt)
    with open_store(_existing_db(db)) as store:
        found = store.events()
    if writer is None:
        try:
            write_parquet(found, str(out))
        except ImportError as err:
            raise click.ClickException(str(err)) from None
    elif out:
        with open(out, "w", encoding="utf-8", newline="") as stream:
            writer(found, stream)
    else:
        writer(found, sys.stdout)


def _existing_db(db: str | None) -> str:
    """The store path `db` (or the default), or a one-line error if there is no store there."""
    import os

    from eventwire.store import default_db, is_url

    path = db or default_db()
    if not is_url(path) and not os.path.exists(path):
        raise click.ClickException(f"no store at {path} (run eventwire ingest first, or --db)")
    return path


# serve: owned by the web API (eventwire.web)
@main.command()
@click.option("--db", help="The store: a SQLite file or a postgresql:// URL (default as ingest).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="TCP port."
)
@click.option(
    "--token",
    envvar="EVENTWIRE_TOKEN",
    show_envvar=True,
    help="Token that POST /api/articles needs (Authorization: Bearer …); none: no writes."
    " Prefer the variable: a command line is visible to other users.",
)
@click.option(
    "--tiles",
    help="An internet tile URL template for the map, https://…/{z}/{x}/{y}.png (default: offline).",
)
@click.option(
    "--allowed-host",
    "allowed_hosts",
    multiple=True,
    metavar="NAME",
    help="A Host name the server answers for besides localhost, 127.0.0.1, [::1] and --host"
    " (repeatable; .example.org takes its subdomains too, * any name). Others get 400.",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Server processes, each with its own store connections and response cache.",
)
@click.option(
    "--watch",
    "watch_paths",
    multiple=True,
    metavar="PATH",
    type=click.Path(exists=True),
    help="A folder or file to watch (repeatable): `eventwire watch PATH... --db` the same store"
    " runs beside the server, started and stopped with it; open maps show what it stores.",
)
@click.option(
    "--feeds",
    type=click.Path(exists=True, dir_okay=False),
    help="With --watch or alone: a file of feed URLs, one a line, that the watcher polls.",
)
def serve(
    db: str | None,
    host: str,
    port: int,
    token: str | None,
    tiles: str | None,
    allowed_hosts: tuple[str, ...],
    workers: int,
    watch_paths: tuple[str, ...],
    feeds: str | None,
) -> None:
    """Serve the map page and the web API over a store (reads open, writes need --token).

    With --watch (or --feeds), a watcher stores what comes in and open pages show it live.
    """
    import os
    from contextlib import nullcontext

    import uvicorn

    from eventwire.store import default_db
    from eventwire.web.app import (
        ALLOWED_HOSTS_ENV,
        LOOPBACK_HOSTS,
        STATIC,
        TILES_ENV,
        TOKEN_ENV,
        VENDOR_FILES,
        create_app,
        missing_vendor,
        tile_origin,
    )
    from eventwire.web.watcher import Watcher, watch_command

    location = db or default_db()
    hosts = list(allowed_hosts)
    if host not in ("0.0.0.0", "::", ""):  # the address served is a name it answers for
        hosts.append(f"[{host}]" if ":" in host else host)
    elif not allowed_hosts:
        click.echo(
            f"eventwire: listening on every address, answering only for {', '.join(LOOPBACK_HOSTS)}"
            " (--allowed-host NAME for the names clients use)",
            err=True,
        )
    if tiles:
        try:
            tile_origin(tiles)
        except ValueError as err:
            raise click.BadParameter(str(err), param_hint="--tiles") from None
    is_file = not location.startswith(("postgresql://", "postgres://"))
    if is_file and not os.path.exists(location.removeprefix("sqlite:///")):
        click.echo(f"eventwire: no store at {location} yet: starting with an empty one", err=True)
    if not token:
        click.echo(
            "eventwire: no token (--token or $EVENTWIRE_TOKEN): reads are open, writes"
            " (POST /api/articles) are refused",
            err=True,
        )
    missing = missing_vendor()
    if missing:
        vendor = STATIC / "vendor"
        what = f"no {vendor}" if len(missing) == len(VENDOR_FILES) else ", ".join(missing)
        click.echo(
            f"eventwire: the map page's libraries are missing ({what}): the page will show"
            " no map, only that message; build them with `make vendor` (the API works"
            " without them)",
            err=True,
        )
    try:
        app = create_app(location, token or None, tiles, hosts)  # a bad store fails here, once
    except Exception as err:
        raise click.ClickException(f"cannot open the store {location}: {err}") from err
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"eventwire: serving {location} at http://{shown}:{port}/ (API docs: /docs)")
    watching = watch_paths or feeds
    watcher = Watcher(watch_command(watch_paths, location, feeds)) if watching else None
    if watcher is not None:
        what = ", ".join([*watch_paths, *([f"the feeds of {feeds}"] if feeds else [])])
        click.echo(f"eventwire: watching {what} into {location}", err=True)
    try:
        with watcher or nullcontext():
            if workers == 1:
                uvicorn.run(app, host=host, port=port, log_level="warning")
            else:
                os.environ["EVENTWIRE_DB"] = location
                os.environ[TOKEN_ENV] = token or ""
                os.environ[TILES_ENV] = tiles or ""
                os.environ[ALLOWED_HOSTS_ENV] = ",".join(hosts)
                uvicorn.run(
                    "eventwire.web.app:app_from_env",
                    factory=True,
                    host=host,
                    port=port,
                    workers=workers,
                    log_level="warning",
                )
    except SystemExit:  # SIGTERM, through Watcher's handler: the watcher is stopped by now
        if watcher is None or watcher.ended is None:
            raise
    if watcher is not None and watcher.ended is not None:
        raise click.ClickException(f"the watcher exited with code {watcher.ended}")
