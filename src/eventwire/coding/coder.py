"""The trained event coder: is a clause an event ACLED would code, and of which sub-type.

A multinomial logistic regression over two views of a clause, trained on the team's own corpus
(training/coder/, `make train`): its MiniLM sentence vector (what it means) and its words'
TF-IDF weights (what it names: "air strike", "rioters", "defused"; the vector blurs such words
into their neighbours). Its classes are the 25 ACLED sub-event types and the kinds of
non-event ("none:natural_disaster", "none:statement", …); the chance that a clause is no event
is the sum of the non-event classes. A second head gives the PLOVER class.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from eventwire.coding.embed import Embedding, load_embedder

MODEL_FILE = Path(__file__).parent / "model" / "coder.npz"
NONE = "none"
TOP_WORDS = 3
WORD = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token pattern, lowercased
LEXICAL_SCALE = 1.5  # the words' view against the vector's (unit length each), chosen on CASE dev


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


class Lexicon:
    """A clause's words as TF-IDF weights (sublinear counts, smoothed idf, unit length, then
    scaled): the same numbers scikit-learn's `TfidfVectorizer(sublinear_tf=True)` gives."""

    def __init__(self, words: list[str], idf: np.ndarray) -> None:
        self.index = {w: i for i, w in enumerate(words)}
        self.idf = idf
        self._idf: list[float] = idf.tolist()  # the same floats as float(idf[i]), read faster

    def weights(self, text: str) -> dict[int, float]:
        """Column → weight of each known word of `text`."""
        counts = Counter(m.group().lower() for m in WORD.finditer(text))
        index, idf = self.index, self._idf
        raw = {
            index[w]: (1.0 + math.log(n)) * idf[index[w]] for w, n in counts.items() if w in index
        }
        norm = math.sqrt(sum(v * v for v in raw.values())) or 1.0
        return {i: LEXICAL_SCALE * v / norm for i, v in raw.items()}


class Coder:
    """The trained heads over sentence vectors and words (model/coder.npz)."""

    def __init__(self, path: Path = MODEL_FILE) -> None:
        with np.load(path, allow_pickle=False) as f:
            self.weights = f["weights"].astype(np.float32)  # (classes, 384)
            self.word_weights = f["word_weights"].astype(np.float32)  # (classes, words)
            self.bias = f["bias"].astype(np.float32)
            self.labels = [str(x) for x in f["labels"]]
            self.plover_weights = f["plover_weights"].astype(np.float32)
            self.plover_word_weights = f["plover_word_weights"].astype(np.float32)
            self.plover_bias = f["plover_bias"].astype(np.float32)
            self.plover_labels = [str(x) for x in f["plover_labels"]]
            self.lexicon = Lexicon([str(w) for w in f["words"]], f["idf"].astype(np.float32))
        self.event_index = np.array([not x.startswith(NONE) for x in self.labels])

    def decide(self, texts: list[str]) -> list[Decision]:
        """One decision per text."""
        if not texts:
            return []
        unique = list(dict.fromkeys(texts))  # two mentions of one sentence: one reading
        embeddings = load_embedder().embed(unique)
        decided = {t: self._decision(t, e) for t, e in zip(unique, embeddings, strict=True)}
        return [decided[t] for t in texts]

    def _decision(self, text: str, e: Embedding) -> Decision:
        lexical = self.lexicon.weights(text)
        columns, values = list(lexical), np.array(list(lexical.values()), dtype=np.float32)
        scores = self.weights @ e.vector + self.bias
        plover_scores = self.plover_weights @ e.vector + self.plover_bias
        if columns:
            scores += self.word_weights[:, columns] @ values
            plover_scores += self.plover_word_weights[:, columns] @ values
        probs = _softmax(scores)
        best = int(np.argmax(probs))
        events = np.where(self.event_index, probs, -1.0)
        best_event = int(np.argmax(events))
        plover_probs = _softmax(plover_scores)
        plover = self.plover_labels[int(np.argmax(plover_probs))]
        return Decision(
            label=self.labels[best],
            probability=float(probs[best]),
            p_event=float(probs[self.event_index].sum()),
            best_event=self.labels[best_event],
            p_best_event=float(probs[best_event]),
            plover=None if plover == NONE else plover,
            words=_deciding_words(
                text,
                e,
                self.weights[best],
                {c: v * float(self.word_weights[best, c]) for c, v in lexical.items()},
                self.lexicon.index,
            ),
            # (`tolist` gives each float32 as the same Python float as `float(p)`, at once)
            probabilities=dict(zip(self.labels, probs.tolist(), strict=True)),
        )


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max()
    exp = np.exp(z)
    return np.asarray(exp / exp.sum())


def _deciding_words(
    text: str,
    e: Embedding,
    weights: np.ndarray,
    lexical: dict[int, float],
    index: dict[str, int],
) -> tuple[tuple[int, int, str], ...]:
    """The words that add most to the winning class's score.

    The vector's part is w · mean(tokens) / norm, so each token's share is w · token / (n ·
    norm), and a word's share is the sum of its word pieces'. The words' part is a sum over
    known words already (`lexical`: column → share), split evenly between a word's repeats.
    """
    shares = e.token_vectors @ weights / (len(e.offsets) * e.norm)
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
    found = [(m.span(), index.get(m.group().lower())) for m in WORD.finditer(text)]
    repeats = Counter(c for _, c in found if c is not None)
    for span, column in found:
        if column is not None and column in lexical:
            words[span] = words.get(span, 0.0) + lexical[column] / repeats[column]
    top = sorted(words, key=lambda s: -words[s])[:TOP_WORDS]
    return tuple((s, t, text[s:t]) for s, t in sorted(top))


@lru_cache(maxsize=1)
def load_coder() -> Coder:
    """The shipped coder, loaded on first use."""
    return Coder()
