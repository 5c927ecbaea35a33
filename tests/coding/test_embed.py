"""The embedder pads little: texts go into batches of like length, and a text's embedding does
not depend on the batch it went in."""

from __future__ import annotations

from typing import Any

import numpy as np

from eventwire.coding.embed import BATCH, SLACK, Embedder, load_embedder

SHORT = "Talks"
LONG = (
    "The bomber, disguised as a woman, walked past a guard at about 7:15 pm on Wednesday and"
    " detonated explosives, killing 20 people and wounding dozens more who had gathered for"
    " prayers at the mosque in the north-western city, police said on Thursday."
)
MIDDLE = "Police arrested 12 people after clashes in the capital, the interior ministry said."
# one article batch's sentences: a few long ones among many short ones
TEXTS = [SHORT, LONG, MIDDLE] * 4 + [f"An airstrike hit a market in town {i}." for i in range(40)]


def test_a_batch_is_not_padded_far_past_its_shortest_text() -> None:
    embedder = load_embedder()
    session = embedder.session
    shapes: list[tuple[int, int, int]] = []

    class Recording:
        def run(self, names: Any, feeds: dict[str, np.ndarray]) -> Any:
            mask = feeds["attention_mask"]
            lengths = mask.sum(axis=1)
            shapes.append((mask.shape[0], int(lengths.min()), mask.shape[1]))
            return session.run(names, feeds)

    embedder.session = Recording()  # type: ignore[assignment]
    try:
        embedder.embed(TEXTS)
    finally:
        embedder.session = session
    assert sum(rows for rows, _, _ in shapes) == len(TEXTS)
    for rows, shortest, width in shapes:
        assert rows <= BATCH
        assert width <= shortest * SLACK


def test_a_text_embeds_the_same_alone_and_in_a_batch() -> None:
    embedder = Embedder(1)
    together = embedder.embed(TEXTS)
    for text, within in zip(TEXTS[:3], together[:3], strict=True):
        alone = embedder.embed([text])[0]
        assert np.allclose(alone.vector, within.vector, atol=1e-6)
        assert alone.offsets == within.offsets
