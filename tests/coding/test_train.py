"""`make train` rebuilds the shipped weights from the committed corpus."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from eventwire.coding.coder import MODEL_FILE, Coder
from eventwire.coding.train import main, read_corpus

CORPUS = Path(__file__).resolve().parents[2] / "training" / "coder"


def test_corpus_is_big_and_spelled_right() -> None:
    from eventwire.extraction.types import known_types

    rows = read_corpus(CORPUS)
    subs = {s for subs in known_types().values() for s in subs}
    labels = {r["label"] for r in rows}
    assert len(rows) >= 4000
    assert subs <= labels  # all 25 sub-types
    assert all(x in subs or x.startswith("none:") for x in labels)


def test_training_rebuilds_the_shipped_weights(tmp_path: Path) -> None:
    out = tmp_path / "coder.npz"
    assert main([str(CORPUS), "--out", str(out)]) == 0
    shipped, rebuilt = Coder(MODEL_FILE), Coder(out)
    assert shipped.labels == rebuilt.labels
    assert np.allclose(shipped.weights, rebuilt.weights, atol=1e-3)
