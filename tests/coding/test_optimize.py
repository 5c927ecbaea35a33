"""The embedder's graph optimized at install time gives the embeddings the shipped one gives."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from eventwire.coding.embed import Embedder
from eventwire.coding.optimize import STAMP, build, model_path, source_model

TEXTS = [
    "Russian forces shelled Kharkiv on Monday, killing two civilians and wounding five.",
    "Protesters set fire to the ground floor of the presidency.",
    "Police arrested 12 people after clashes in the capital, the interior ministry said.",
    "An airstrike hit a market in the town.",
    "The bomber, disguised as a woman, walked past a guard at about 7:15 pm on Wednesday and"
    " detonated explosives, killing 20 people and wounding dozens more who had gathered for"
    " prayers at the mosque in the north-western city, police said on Thursday.",
    "Talks",
]


def test_the_optimized_graph_gives_bit_identical_embeddings(tmp_path: Path) -> None:
    graph = build(tmp_path / "index")
    assert model_path(tmp_path / "index") == graph
    for threads in (1, 2):
        shipped = Embedder(threads, model=source_model()).embed(TEXTS)
        optimized = Embedder(threads, model=graph).embed(TEXTS)
        for a, b in zip(shipped, optimized, strict=True):
            assert np.array_equal(a.token_vectors, b.token_vectors)
            assert np.array_equal(a.vector, b.vector)
            assert a.offsets == b.offsets and a.norm == b.norm


def test_a_graph_made_from_another_model_or_onnxruntime_is_not_used(tmp_path: Path) -> None:
    index = tmp_path / "index"
    build(index)
    stamp = json.loads((index / STAMP).read_text())
    (index / STAMP).write_text(json.dumps({**stamp, "onnxruntime": "0.0"}))
    assert model_path(index) == source_model()
    (index / STAMP).unlink()
    assert model_path(index) == source_model()
    assert model_path(tmp_path / "none") == source_model()
