"""Extraction on Ray (`--engine ray`): Ray Data reads the input files, an actor per worker
holds one loaded pipeline and extracts batches of articles, the results stream back in order.

Without an address a local Ray starts with one CPU more than the workers, which the read
tasks use; with an address (`ray://…` or `HOST:6379`) the command joins that cluster, where
every node needs eventwire installed and the input files under the same paths. Each worker
runs spaCy and the coder on one thread: the workers, not the threads, share the cores (two
threads per worker on two workers would be four threads fighting for two cores). The results
are the events one process gives, in the same order (Ray Data's `preserve_order`).
"""

from __future__ import annotations

import logging
import os
import pickle
import resource
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from eventwire.ingest import Failure, IngestReport
from eventwire.model import Article, Event, text_id
from eventwire.read.articles import InputError, Skipped
from eventwire.store import Store

BATCH_SIZE = 32  # articles per map_batches call: one nlp.pipe batch and one coder call
# one thread per worker for BLAS, onnxruntime (the coder) and OpenMP: set before they load
THREAD_ENV = {
    "EVENTWIRE_CODER_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
}
WARM_UP = "Russian forces shelled Kharkiv on Monday, killing two people, the governor said."


@dataclass(frozen=True)
class Extracted:
    """One item of the input as the workers give it back: an article with its events (or the
    error its extraction raised), or an input that could not be read."""

    item: Article | InputError
    events: list[Event] | Exception | None  # None for an InputError
    worker: int = 0  # the worker's process id (0: read on the driver)
    peak_rss: int = 0  # the worker's peak resident memory so far, bytes
    ready_at: float = 0.0  # when the worker had loaded its pipeline (time.time())


def start_ray(address: str | None = None, workers: int = 2) -> bool:
    """Join the cluster at `address`, or start a local Ray for `workers` workers plus the
    read tasks; True if this call started it (and so should stop it). A Ray already running
    in this process is used as it is."""
    import ray

    if ray.is_initialized():
        return False
    options: dict[str, Any] = {
        "runtime_env": {"env_vars": THREAD_ENV},
        "log_to_driver": False,
        "logging_level": logging.WARNING,
        "configure_logging": False,
    }
    if address:
        ray.init(address=address, **options)
    else:
        ray.init(
            num_cpus=workers + 1,  # one CPU for the read tasks beside the workers
            include_dashboard=False,
            object_store_memory=512 * 1024 * 1024,
            **options,
        )
    return True


class _Worker:
    """A Ray Data actor: one loaded pipeline (spaCy, gazetteer, coder) extracting batches."""

    def __init__(self) -> None:
        for name, value in THREAD_ENV.items():  # the coder reads its thread count on load
            os.environ.setdefault(name, value)
        from eventwire.pipeline import extract_each

        self.extract_each = extract_each
        list(extract_each([Article(text=WARM_UP)]))  # models loaded before the first batch
        self.ready_at = time.time()

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import numpy as np

        items = [pickle.loads(raw) for raw in batch["item"]]
        results = iter(self.extract_each([i for i in items if isinstance(i, Article)]))
        out = []
        for item in items:
            if isinstance(item, Article):
                article, events = next(results)
                out.append(_dumps(article, events))
            else:
                out.append(pickle.dumps((item, None)))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux
        return {
            "item": np.array(out, dtype=object),
            "worker": np.full(len(out), os.getpid(), dtype=np.int64),
            "peak_rss": np.full(len(out), peak, dtype=np.int64),
            "ready_at": np.full(len(out), self.ready_at, dtype=np.float64),
        }


def _dumps(article: Article, events: list[Event] | Exception) -> bytes:
    try:
        return pickle.dumps((article, events))
    except Exception:  # an error that cannot cross a process boundary: its words still do
        assert isinstance(events, Exception)
        return pickle.dumps((article, RuntimeError(f"{type(events).__name__}: {events}")))


def _read_stage(
    formats: dict[str, str],
    published: date | None,
    source: str | None,
    published_override: bool,
) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """A read task's function: the bytes of files in, their articles (or errors) out."""

    def articles_of_files(batch: dict[str, Any]) -> dict[str, Any]:
        import numpy as np

        from eventwire.read.inputs import read_file_data

        out: list[bytes] = []
        for data, path in zip(batch["bytes"], batch["path"], strict=True):
            name = formats.get(str(path)) or formats.get(os.path.abspath(str(path)))
            original, fmt = name.split("\0") if name else (str(path), "text")
            items = read_file_data(
                original, bytes(data), fmt, published, source, published_override
            )
            out.extend(pickle.dumps(item) for item in items)
        return {"item": np.array(out, dtype=object)}

    return articles_of_files


def extract_on_ray(
    paths: Sequence[str],
    *,
    workers: int = 2,
    address: str | None = None,
    published: date | None = None,
    source: str | None = None,
    input_format: str = "text",
    published_override: bool = False,
    batch_size: int = BATCH_SIZE,
) -> Iterator[Extracted]:
    """Each input item of `paths` (files and directories, as `read_inputs` reads them) with
    its events, extracted by `workers` Ray actors; in input order, bad inputs included."""
    from eventwire.read.inputs import INPUT_SUFFIXES, input_files, read_inputs, skipped_files

    formats: dict[str, str] = {}  # the path Ray reads -> "original path\0format"
    files: list[str] = []
    later: list[InputError] = []  # as read_inputs: a directory's unread files after its articles
    for path in paths:
        if path == "-":
            raise ValueError("the Ray engine reads files and directories, not stdin")
        found = input_files(path, input_format)
        if not found:
            yield Extracted(
                InputError(f"directory holds no {', '.join(INPUT_SUFFIXES)} files", path), None
            )
        for file, fmt in found:
            if not os.path.isfile(file):  # said as one process says it: no such file, …
                for item in read_inputs([file], input_format=fmt):
                    yield Extracted(item, None)
                continue
            formats[os.path.abspath(file)] = f"{file}\0{fmt}"
            files.append(os.path.abspath(file))
        if os.path.isdir(path):
            later.extend(skipped_files(path))
    if files:
        yield from _run(
            files, formats, workers, address, batch_size, published, source, published_override
        )
    for error in later:
        yield Extracted(error, None)


def _run(
    files: list[str],
    formats: dict[str, str],
    workers: int,
    address: str | None,
    batch_size: int,
    published: date | None,
    source: str | None,
    published_override: bool,
) -> Iterator[Extracted]:
    import ray
    import ray.data

    started = start_ray(address, workers)
    try:
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True
        context.enable_progress_bars = False  # the command shows its own
        context.print_on_execution_start = False
        logging.getLogger("ray.data").setLevel(logging.ERROR)  # not "progress bars disabled"
        dataset = (
            ray.data.read_binary_files(files, include_paths=True)
            .map_batches(
                _read_stage(formats, published, source, published_override),
                batch_format="numpy",
            )
            # blocks of one batch each, so that the workers share a single large file
            .repartition(target_num_rows_per_block=batch_size)
            .map_batches(
                _Worker,
                batch_size=batch_size,
                compute=ray.data.ActorPoolStrategy(size=workers),
                num_cpus=1,
                batch_format="numpy",
            )
        )
        for batch in dataset.iter_batches(batch_size=None, batch_format="numpy"):
            for raw, worker, peak, ready in zip(
                batch["item"], batch["worker"], batch["peak_rss"], batch["ready_at"], strict=True
            ):
                item, events = pickle.loads(raw)
                yield Extracted(item, events, int(worker), int(peak), float(ready))
    finally:
        if started:
            ray.shutdown()


def ingest_on_ray(
    paths: Sequence[str],
    store: Store,
    *,
    on_item: Callable[[str], None] | None = None,
    workers: int = 2,
    address: str | None = None,
    **options: Any,
) -> IngestReport:
    """As `eventwire.ingest.ingest`, the extraction done by `extract_on_ray`: the driver
    merges each article's events into `store` in input order, so the store ends as one
    process leaves it. Unlike `ingest`, stored articles are extracted again before they are
    skipped as duplicates (the workers do not read the store)."""
    options.pop("stdin", None)
    report = IngestReport()
    started = time.perf_counter()
    tick = on_item or (lambda _: None)
    outcome_of: dict[str, str] = {}  # text hash -> "stored", or the name it failed under
    for result in extract_on_ray(paths, workers=workers, address=address, **options):
        item = result.item
        if isinstance(item, InputError):
            kind = "skipped" if isinstance(item, Skipped) else "failed"
            (report.skipped if kind == "skipped" else report.failed).append(
                Failure(item.source, str(item))
            )
            tick(kind)
            continue
        key = text_id(item.text)
        known = outcome_of.get(key)
        if known is not None and known != "stored":
            report.failed.append(
                Failure(_name(item), f"identical to an article that failed ({known})")
            )
            tick("failed")
            continue
        if isinstance(result.events, Exception):
            err = result.events
            report.failed.append(
                Failure(_name(item), f"extraction failed: {type(err).__name__}: {err}")
            )
            outcome_of[key] = _name(item)
            tick("failed")
            continue
        report.read += 1
        if known == "stored" or store.has_text_hash(key):
            report.duplicates += 1
            outcome_of[key] = "stored"
            tick("duplicate")
            continue
        outcome = store.add_article(item, result.events or [])
        if outcome.duplicate:
            report.duplicates += 1
        report.events_added += outcome.events_added
        report.events_merged += outcome.events_merged
        if item.published is None and not outcome.duplicate:
            report.undated += 1
        outcome_of[key] = "stored"
        tick("stored")
    report.seconds = time.perf_counter() - started
    return report


def _name(article: Article) -> str:
    return article.url or article.title or article.article_id[:12]
