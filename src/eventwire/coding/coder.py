"""The trained event coder: is a clause an event ACLED would code, and of which sub-type.

A multinomial logistic regression over MiniLM sentence vectors, trained on the team's own
corpus (training/coder/, `make train`). Its classes are the 25 ACLED sub-event types and the
kinds of non-event ("none:natural_disaster", "none:statement", …); the chance that a clause is
no event is the sum of the non-event classes. A second head gives the PLOVER class.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from eventwire.coding.embed import Embedding, load_embedder

MODEL_FILE = Path(__file__).parent / "model" / "coder.npz"
NONE = "none"
TOP_WORDS = 3


@dataclass(frozen=True)
class Decision:
    """What the coder read in one clause, with its probability and the words behind it."""

    label: str  # the likeliest ACLED sub-event type, or "none:<kind>"
    probability: float  # of `label`
    p_event: float  # that the clause tells an event (1 - the non-event classes' sum)
    best_event: str  # the likeliest ACLED sub-event type, even when `label` is a non-event
    p_best_event: float  # its probability
    plover: str | None
    words: tuple[tuple[int, int, str], ...]  # character spans of the words that decided it
    probabilities: dict[str, float]  # every class's probability

    @property
    def is_event(self) -> bool:
        return self.p_event >= 0.5

    @property
    def reason(self) -> str:
        words = ", ".join(f"'{w}'" for _, _, w in self.words)
        return f"coder: {self.label} p={self.probability:.2f} ({words})"


class Coder:
    """The trained heads over sentence vectors (model/coder.npz)."""

    def __init__(self, path: Path = MODEL_FILE) -> None:
        with np.load(path, allow_pickle=False) as f:
            self.weights = f["weights"].astype(np.float32)  # (classes, 384)
            self.bias = f["bias"].astype(np.float32)
            self.labels = [str(x) for x in f["labels"]]
            self.plover_weights = f["plover_weights"].astype(np.float32)
            self.plover_bias = f["plover_bias"].astype(np.float32)
            self.plover_labels = [str(x) for x in f["plover_labels"]]
        self.event_index = np.array([not x.startswith(NONE) for x in self.labels])

    def decide(self, texts: list[str]) -> list[Decision]:
        """One decision per text."""
        if not texts:
            return []
        embeddings = load_embedder().embed(texts)
        return [self._decision(text, e) for text, e in zip(texts, embeddings, strict=True)]

    def _decision(self, text: str, e: Embedding) -> Decision:
        probs = _softmax(self.weights @ e.vector + self.bias)
        best = int(np.argmax(probs))
        events = np.where(self.event_index, probs, -1.0)
        best_event = int(np.argmax(events))
        plover_probs = _softmax(self.plover_weights @ e.vector + self.plover_bias)
        plover = self.plover_labels[int(np.argmax(plover_probs))]
        return Decision(
            label=self.labels[best],
            probability=float(probs[best]),
            p_event=float(probs[self.event_index].sum()),
            best_event=self.labels[best_event],
            p_best_event=float(probs[best_event]),
            plover=None if plover == NONE else plover,
            words=_deciding_words(text, e, self.weights[best]),
            probabilities={label: float(p) for label, p in zip(self.labels, probs, strict=True)},
        )


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max()
    exp = np.exp(z)
    return np.asarray(exp / exp.sum())


def _deciding_words(
    text: str, e: Embedding, weights: np.ndarray
) -> tuple[tuple[int, int, str], ...]:
    """The words whose token vectors add most to the winning class's score.

    The score is w · mean(tokens) / norm, so each token's share is w · token / (n · norm);
    a word's share is the sum of its word pieces'.
    """
    shares = e.token_vectors @ weights
    words: dict[tuple[int, int], float] = {}
    spans: list[tuple[int, int]] = []
    for (start, end), share in zip(e.offsets, shares, strict=True):
        if start == end:
            continue  # [CLS], [SEP]
        if spans and start == spans[-1][1] and text[start - 1 : start + 1].isalnum():
            first = spans.pop()  # a word piece continues the word before it
            score = words.pop(first)
            start = first[0]
            share = share + score
        spans.append((start, end))
        words[(start, end)] = float(share)
    top = sorted(words, key=lambda s: -words[s])[:TOP_WORDS]
    return tuple((s, t, text[s:t]) for s, t in sorted(top))


@lru_cache(maxsize=1)
def load_coder() -> Coder:
    """The shipped coder, loaded on first use."""
    return Coder()
