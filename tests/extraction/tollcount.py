"""The toll figures of a text, summed per field over its sentences (for the toll tests)."""

from __future__ import annotations

from spacy.language import Language

from eventwire.extraction.tolls import toll_figures


def tolls(nlp: Language, text: str) -> dict[str, int]:
    """Figures per field, summed over the sentences of `text`."""
    out: dict[str, int] = {}
    for sent in nlp(text).sents:
        for f in toll_figures(sent):
            out[f.field] = out.get(f.field, 0) + f.value
    return out
