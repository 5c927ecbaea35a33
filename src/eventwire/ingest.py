"""Inputs into a store: read, skip what is stored, extract, merge, one transaction per article.

`python -m eventwire.ingest --bench 2000` prints the ingest throughput on a generated corpus,
into SQLite and into PostgreSQL (a throwaway server), and checks a second ingest adds nothing.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TextIO

from eventwire.model import Article, Event, text_id
from eventwire.store import ArticleOutcome, Store

if TYPE_CHECKING:
    from eventwire.read.articles import InputError

BATCH_SIZE = 32  # articles parsed together by nlp.pipe


@dataclass(frozen=True)
class Failure:
    """An input that was not ingested, and why."""

    name: str
    reason: str


@dataclass
class IngestReport:
    """What one ingest run did."""

    read: int = 0  # articles read (duplicates included, failures not)
    duplicates: int = 0  # already stored, or seen earlier in this run
    failed: list[Failure] = field(default_factory=list)
    skipped: list[Failure] = field(default_factory=list)  # files of a folder not read, and why
    events_added: int = 0
    events_merged: int = 0  # mentions that joined an event already stored
    undated: int = 0  # stored articles without a publication date
    seconds: float = 0.0

    def summary(self) -> str:
        """The one-line summary `eventwire ingest` prints."""
        rate = self.read / self.seconds if self.seconds > 0 else 0.0
        return (
            f"{counted(self.read, 'article')} read, {self.duplicates} skipped as"
            f" {plural(self.duplicates, 'duplicate')}, {len(self.failed)} failed"
            + (f", {counted(len(self.skipped), 'file')} not read" if self.skipped else "")
            + ";"
            f" {counted(self.events_added, 'event')} added, {self.events_merged} merged"
            f" ({self.seconds:.1f} s, {_rate(rate)} articles/s)"
        )


def _rate(rate: float) -> str:
    """A rate as people read it: "0.4", "3.2", "27" (never "0" for a slow run)."""
    return f"{rate:.1f}" if rate < 10 else f"{rate:.0f}"


def plural(n: int, word: str) -> str:
    """`word`, or its plural unless `n` is 1 ("1 article", "2 articles", "0 articles")."""
    return word if n == 1 else f"{word}s"


def counted(n: int, word: str) -> str:
    """ "1 article", "3 articles"."""
    return f"{n} {plural(n, word)}"


Extractor = Callable[[Iterable[Article]], Iterable[tuple[Article, list[Event]]]]


def ingest(
    paths: Sequence[str],
    store: Store,
    *,
    published: date | None = None,
    source: str | None = None,
    input_format: str = "text",
    stdin: BinaryIO | None = None,
    published_override: bool = False,
    on_item: Callable[[str], None] | None = None,
    extractor: Extractor | None = None,
    items: Iterable[Article | InputError] | None = None,
    on_article: Callable[[Article, ArticleOutcome], None] | None = None,
) -> IngestReport:
    """Ingest every article of `paths` into `store`; bad inputs are reported, the rest goes on.

    `published` and `source` apply where an article's own metadata and its sidecar give none
    (read/sidecar.py); `published_override` forces `published` on every article.

    Stored texts are skipped before extraction, so a rerun (or a run after a crash) only
    extracts what is missing. `on_item` is called once per input item ("stored", "duplicate",
    "failed") for a progress display; `on_article` once per article stored or found stored
    (`outcome.duplicate`), with what storing it did. `items`, when given, are read instead of
    `paths` (articles already read, as a feed fetched by `eventwire watch`).
    """
    from eventwire.read.articles import InputError, Skipped
    from eventwire.read.inputs import read_inputs

    report = IngestReport()
    started = time.perf_counter()
    tick = on_item or (lambda _: None)
    told = on_article or (lambda _article, _outcome: None)
    # text hash -> "pending" (read, not yet extracted), "stored" or the name it failed under:
    # a copy of an article counts as a duplicate only once the article is stored
    outcome_of: dict[str, str] = {}
    copies: dict[str, list[Article]] = {}  # copies of pending articles, resolved after them

    def fresh() -> Iterator[Article]:
        for item in (
            items
            if items is not None
            else read_inputs(
                paths,
                published=published,
                source=source,
                input_format=input_format,
                stdin=stdin,
                published_override=published_override,
            )
        ):
            if isinstance(item, Skipped):
                report.skipped.append(Failure(item.source, str(item)))
                tick("skipped")
                continue
            if isinstance(item, InputError):
                report.failed.append(Failure(item.source, str(item)))
                tick("failed")
                continue
            key = text_id(item.text)
            known = outcome_of.get(key)
            if known == "pending":
                copies.setdefault(key, []).append(item)
                continue
            if known is not None and known != "stored":
                _copy_failed(item, known)
                continue
            report.read += 1
            if known == "stored" or store.has_text_hash(key):
                report.duplicates += 1
                tick("duplicate")
                told(item, ArticleOutcome(duplicate=True))
                continue
            outcome_of[key] = "pending"
            yield item

    def _copy_failed(article: Article, original: str) -> None:
        report.failed.append(
            Failure(_name(article), f"identical to an article that failed ({original})")
        )
        tick("failed")

    articles = fresh()
    while batch := list(islice(articles, BATCH_SIZE)):
        results = _extract_batch(batch, report, extractor)
        for article, events in results:
            outcome = store.add_article(article, events)
            if outcome.duplicate:  # another process stored it meanwhile
                report.duplicates += 1
            report.events_added += outcome.events_added
            report.events_merged += outcome.events_merged
            if article.published is None and not outcome.duplicate:
                report.undated += 1
            outcome_of[text_id(article.text)] = "stored"
            tick("stored")
            told(article, outcome)
        for article in batch:
            key = text_id(article.text)
            if outcome_of[key] == "pending":  # its extraction failed
                outcome_of[key] = _name(article)
                report.read -= 1  # failures are not counted as read
            for copy in copies.pop(key, []):
                if outcome_of[key] == "stored":
                    report.read += 1
                    report.duplicates += 1
                    tick("duplicate")
                    told(copy, ArticleOutcome(duplicate=True))
                else:
                    _copy_failed(copy, outcome_of[key])
    report.seconds = time.perf_counter() - started
    return report


def _name(article: Article) -> str:
    """How messages name an article: its url, title or the start of its id."""
    return article.url or article.title or article.article_id[:12]


def _extract_batch(
    batch: list[Article], report: IngestReport, extractor: Extractor | None
) -> list[tuple[Article, list[Event]]]:
    """The batch's events; if extraction fails, each article alone, the failing one reported."""
    if extractor is None:
        from eventwire.pipeline import extract_articles

        extractor = extract_articles
    try:
        return list(extractor(batch))
    except Exception:
        results: list[tuple[Article, list[Event]]] = []
        for article in batch:
            try:
                results.extend(extractor([article]))
            except Exception as err:
                report.failed.append(
                    Failure(_name(article), f"extraction failed: {type(err).__name__}: {err}")
                )
        return results


def ingest_with_progress(
    paths: Sequence[str],
    store: Store,
    *,
    show: bool | None = None,
    run: Callable[..., IngestReport] | None = None,
    **options: object,
) -> IngestReport:
    """`ingest` (or `run`, as eventwire.distributed.ingest_on_ray) with a progress bar on
    stderr: shown on a terminal unless `show` says, with the articles/s so far."""
    from rich.console import Console

    from eventwire.progress import article_progress

    show = Console(stderr=True).is_terminal if show is None else show
    total = None
    if show:
        from eventwire.read.inputs import count_items

        total = count_items(paths, str(options.get("input_format", "text")))
    with article_progress("ingest", total, show) as (progress, task):
        counts = {"stored": 0, "duplicate": 0, "failed": 0, "skipped": 0}

        def on_item(kind: str) -> None:
            counts[kind] += 1
            text = f"{counts['stored']} new, {counts['duplicate']} dup, {counts['failed']} failed"
            progress.update(task, advance=1, counts=text)

        return (run or ingest)(paths, store, on_item=on_item, **options)  # type: ignore[arg-type]


def bench(
    n: int = 2000, seed: int = 0, out: TextIO | None = None, postgres: bool = True
) -> dict[str, dict[str, float]]:
    """Ingest throughput on `n` generated articles into SQLite, then PostgreSQL; prints figures.

    Each store gets the same corpus twice: the first run's articles/s is the figure, the
    second must add nothing. Then a fresh store of each kind takes the corpus again with the
    extraction replayed, which times the store alone (merge and writes). PostgreSQL runs on a
    throwaway server (store/pgserver.py) with fsync on and synchronous_commit off, as SQLite
    runs in WAL mode with synchronous=NORMAL: a killed process loses nothing committed, a
    power cut may lose the last commits.
    """
    from eventwire.geo import load_geoparser
    from eventwire.nlp import load_nlp
    from eventwire.store import SQLiteStore
    from eventwire.store.synthetic import write_corpus

    stream = out if out is not None else sys.stdout
    load_nlp()  # loading the model is not ingest time
    load_geoparser()
    figures: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        write_corpus(corpus, n, seed)
        files = iter(range(1, 3))

        def sqlite() -> Store:
            return SQLiteStore(str(Path(tmp) / f"bench{next(files)}.sqlite"))

        _run_bench("SQLite", sqlite, corpus, figures, stream)
        if postgres:
            from eventwire.store.pgserver import ThrowawayServer, missing

            reason = missing()
            if reason:
                print(f"ingest (PostgreSQL): not run: {reason}", file=stream)
            else:
                from eventwire.store.postgres import PostgresStore

                with ThrowawayServer(fast=False) as server:
                    names = iter(("bench1", "bench2"))

                    def postgresql() -> Store:
                        return PostgresStore(server.create_database(next(names)))

                    _run_bench("PostgreSQL", postgresql, corpus, figures, stream)
    print(f"reproduce: python -m eventwire.ingest --bench {n} --seed {seed}", file=stream)
    return figures


def _run_bench(
    name: str,
    fresh: Callable[[], Store],
    corpus: Path,
    figures: dict[str, dict[str, float]],
    stream: TextIO,
) -> None:
    """Ingest `corpus` twice into a `fresh()` store, then with its extraction replayed into
    another fresh one; prints and keeps the figures."""
    from eventwire.pipeline import extract_articles

    extracted: dict[str, list[Event]] = {}

    def recording(articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        for article, events in extract_articles(articles):
            extracted[text_id(article.text)] = events
            yield article, events

    def replaying(articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        return ((a, extracted[text_id(a.text)]) for a in articles)

    with fresh() as store:
        first = ingest([str(corpus)], store, extractor=recording)  # end to end
        again = ingest([str(corpus)], store)
        counts = store.counts()
    with fresh() as store:
        alone = ingest([str(corpus)], store, extractor=replaying)
    figures[name] = {
        "articles": float(first.read),
        "seconds": first.seconds,
        "articles_per_s": first.read / first.seconds,
        "rerun_seconds": again.seconds,
        "rerun_articles_per_s": again.read / again.seconds,
        "rerun_added": float(again.events_added + again.events_merged),
        "store_only_articles_per_s": alone.read / alone.seconds,
        "events": float(counts["events"]),
        "reports": float(counts["reports"]),
        "duplicates": float(first.duplicates),
        "failed": float(len(first.failed)),
    }
    print(
        f"ingest ({name}, {first.read} generated articles): {first.read / first.seconds:.0f}"
        f" articles/s ({first.seconds:.1f} s; {first.duplicates} duplicates,"
        f" {len(first.failed)} failed, {counts['events']} events from {counts['reports']}"
        f" mentions); second ingest {again.read / again.seconds:.0f} articles/s,"
        f" {again.duplicates} skipped, {again.events_added} events added,"
        f" {again.events_merged} merged; store alone (extraction replayed)"
        f" {alone.read / alone.seconds:.0f} articles/s",
        file=stream,
    )


def main(argv: Sequence[str] | None = None) -> None:
    """`python -m eventwire.ingest --bench N`."""
    parser = argparse.ArgumentParser(prog="python -m eventwire.ingest", description=__doc__)
    parser.add_argument("--bench", type=int, metavar="N", default=2000, help="corpus size")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--no-postgres", action="store_true", help="SQLite only (no throwaway PostgreSQL server)"
    )
    args = parser.parse_args(argv)
    bench(args.bench, args.seed, postgres=not args.no_postgres)


if __name__ == "__main__":
    main()
