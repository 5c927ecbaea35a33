"""eventwire: war and crisis news reports in, geolocated, source-attributed event data out.

>>> import eventwire
>>> events = eventwire.extract(text, published="2022-03-14")
>>> df = eventwire.to_dataframe(events)
"""

from __future__ import annotations

from typing import Any

from eventwire.regex_cache import use_saved

# first, before any module compiles its regular expressions: those saved at install time are
# built from their compiled form
use_saved()

from eventwire.nlp import import_spacy_without_cli  # noqa: E402

# spaCy is imported lazily, wherever first; that import skips spaCy's command line (0.5 s)
import_spacy_without_cli()

__all__ = ["extract", "to_dataframe", "to_geodataframe"]


def __getattr__(name: str) -> Any:
    # Imported on first use so that `import eventwire` does not load spaCy.
    if name == "extract":
        from eventwire.pipeline import extract

        return extract
    if name == "to_dataframe":
        from eventwire.export import to_dataframe

        return to_dataframe
    if name == "to_geodataframe":
        from eventwire.export import to_geodataframe

        return to_geodataframe
    raise AttributeError(name)
