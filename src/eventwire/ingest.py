"""Inputs into a store: read, skip what is stored, extract, merge, one transaction per article.

`python -m eventwire.ingest --bench 2000` prints the ingest throughput on a generated corpus.
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
from typing import BinaryIO

from eventwire.model import Article, Event, text_id
from eventwire.store import Store

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
    events_added: int = 0
    events_merged: int = 0  # mentions that joined an event already stored
    undated: int = 0  # stored articles without a publication date
    seconds: float = 0.0

    def summary(self) -> str:
        """The one-line summary `eventwire ingest` prints."""
        rate = self.read / self.seconds if self.seconds > 0 else 0.0
        return (
            f"{self.read} articles read, {self.duplicates} skipped as duplicates,"
            f" {len(self.failed)} failed; {self.events_added} events added,"
            f" {self.events_merged} merged ({self.seconds:.1f} s, {rate:.0f} articles/s)"
        )


Extractor = Callable[[Iterable[Article]], Iterable[tuple[Article, list[Event]]]]


def ingest(
    paths: Sequence[str],
    store: Store,
    *,
    published: date | None = None,
    source: str | None = None,
    input_format: str = "text",
    stdin: BinaryIO | None = None,
    on_item: Callable[[str], None] | None = None,
    extractor: Extractor | None = None,
) -> IngestReport:
    """Ingest every article of `paths` into `store`; bad inputs are reported, the rest goes on.

    Stored texts are skipped before extraction, so a rerun (or a run after a crash) only
    extracts what is missing. `on_item` is called once per input item ("stored", "duplicate",
    "failed") for a progress display.
    """
    from eventwire.read.articles import InputError
    from eventwire.read.inputs import read_inputs

    report = IngestReport()
    started = time.perf_counter()
    tick = on_item or (lambda _: None)
    seen: set[str] = set()

    def fresh() -> Iterator[Article]:
        for item in read_inputs(
            paths, published=published, source=source, input_format=input_format, stdin=stdin
        ):
            if isinstance(item, InputError):
                report.failed.append(Failure(item.source, str(item)))
                tick("failed")
                continue
            report.read += 1
            key = text_id(item.text)
            if key in seen or store.has_text_hash(key):
                report.duplicates += 1
                tick("duplicate")
                continue
            seen.add(key)
            yield item

    articles = fresh()
    while batch := list(islice(articles, BATCH_SIZE)):
        for article, events in _extract_batch(batch, report, extractor):
            outcome = store.add_article(article, events)
            if outcome.duplicate:  # another process stored it meanwhile
                report.duplicates += 1
            report.events_added += outcome.events_added
            report.events_merged += outcome.events_merged
            if article.published is None and not outcome.duplicate:
                report.undated += 1
            tick("stored")
    report.seconds = time.perf_counter() - started
    return report


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
                name = article.url or article.title or article.article_id[:12]
                report.failed.append(
                    Failure(name, f"extraction failed: {type(err).__name__}: {err}")
                )
        return results


def ingest_with_progress(
    paths: Sequence[str], store: Store, *, show: bool | None = None, **options: object
) -> IngestReport:
    """`ingest` with a progress line on stderr (shown on a terminal unless `show` says)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    show = console.is_terminal if show is None else show
    with Progress(
        TextColumn("ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[counts]}"),
        TimeElapsedColumn(),
        console=console,
        disable=not show,
    ) as progress:
        total = None
        if show:
            from eventwire.read.inputs import count_items

            total = count_items(paths, str(options.get("input_format", "text")))
        task = progress.add_task("ingest", total=total, counts="")
        counts = {"stored": 0, "duplicate": 0, "failed": 0}

        def on_item(kind: str) -> None:
            counts[kind] += 1
            text = f"{counts['stored']} new, {counts['duplicate']} dup, {counts['failed']} failed"
            progress.update(task, advance=1, counts=text)

        return ingest(paths, store, on_item=on_item, **options)  # type: ignore[arg-type]


def bench(n: int = 2000, seed: int = 0, out: object = None) -> dict[str, float]:
    """Ingest throughput into SQLite on `n` generated articles, run twice; prints the figures."""
    from eventwire.nlp import load_nlp
    from eventwire.store import SQLiteStore
    from eventwire.store.synthetic import write_corpus

    load_nlp()  # loading the model is not ingest time
    from eventwire.geo import load_geoparser

    load_geoparser()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        write_corpus(corpus, n, seed)
        with SQLiteStore(str(Path(tmp) / "bench.sqlite")) as store:
            first = ingest([str(corpus)], store)
            again = ingest([str(corpus)], store)
            counts = store.counts()
    figures = {
        "articles": float(first.read),
        "seconds": first.seconds,
        "articles_per_s": first.read / first.seconds,
        "rerun_seconds": again.seconds,
        "rerun_articles_per_s": again.read / again.seconds,
        "events": float(counts["events"]),
        "reports": float(counts["reports"]),
        "duplicates": float(first.duplicates),
    }
    print(
        f"ingest (SQLite, {n} generated articles): {first.read / first.seconds:.0f} articles/s"
        f" ({first.seconds:.1f} s; {first.duplicates} duplicates, {counts['events']} events"
        f" from {counts['reports']} mentions); rerun {again.read / again.seconds:.0f} articles/s,"
        f" {again.events_added} added",
        file=out if out is not None else sys.stdout,  # type: ignore[arg-type]
    )
    return figures


def main(argv: Sequence[str] | None = None) -> None:
    """`python -m eventwire.ingest --bench N`."""
    parser = argparse.ArgumentParser(prog="python -m eventwire.ingest", description=__doc__)
    parser.add_argument("--bench", type=int, metavar="N", default=2000, help="corpus size")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    bench(args.bench, args.seed)


if __name__ == "__main__":
    main()
