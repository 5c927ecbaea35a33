"""`make train`: the coder's weights (model/coder.npz) from the team's corpus (training/coder/).

Deterministic: the same corpus gives the same weights (lbfgs from zeros, no sampling), up to
float rounding across machines. scikit-learn is needed here only, not to run the coder.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from eventwire.coding.coder import MODEL_FILE, NONE, WORD, Lexicon
from eventwire.coding.embed import load_embedder

C = 4.0  # inverse regularisation, chosen by 5-fold cross-validation on the corpus
MIN_DF = 2  # a word must be in two examples to be one of the coder's words


def read_corpus(folder: Path) -> list[dict[str, str]]:
    """Every example of the corpus's JSON Lines files, with its class."""
    rows = []
    for path in sorted(folder.glob("*.jsonl")):
        for n, line in enumerate(path.open(encoding="utf-8"), 1):
            if not line.strip():
                continue
            row = json.loads(line)
            label = row["label"]
            if label == NONE:
                label = f"{NONE}:{row.get('kind') or 'other'}"
            rows.append(
                {
                    "text": row["text"],
                    "label": label,
                    "plover": row.get("plover") or NONE,
                    "where": f"{path.name}:{n}",
                }
            )
    return rows


def vocabulary(texts: list[str]) -> tuple[list[str], np.ndarray]:
    """The coder's words (in two examples or more) and their smoothed idf."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    tfidf = TfidfVectorizer(min_df=MIN_DF, sublinear_tf=True, token_pattern=WORD.pattern)
    tfidf.fit(texts)
    words = [str(w) for w in tfidf.get_feature_names_out()]
    return words, tfidf.idf_.astype(np.float32)


def features(vectors: np.ndarray, texts: list[str], lexicon: Lexicon) -> np.ndarray:
    """Each text's sentence vector and word weights side by side, as the coder reads them."""
    out = np.zeros((len(texts), vectors.shape[1] + len(lexicon.index)), dtype=np.float32)
    out[:, : vectors.shape[1]] = vectors
    for row, text in enumerate(texts):
        for column, value in lexicon.weights(text).items():
            out[row, vectors.shape[1] + column] = value
    return out


def fit(x: np.ndarray, labels: list[str]) -> tuple[np.ndarray, np.ndarray, list[str]]:
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=C, max_iter=3000)
    model.fit(csr_matrix(x), labels)
    classes = [str(c) for c in model.classes_]
    return model.coef_.astype(np.float32), model.intercept_.astype(np.float32), classes


def cross_validate(x: np.ndarray, labels: list[str], folds: int = 5) -> float:
    """Share of examples whose class a model trained on the other folds gets right (the
    words are the whole corpus's: a small optimism)."""
    from sklearn.model_selection import StratifiedKFold

    y = np.array(labels)
    right = 0
    for train, test in StratifiedKFold(folds, shuffle=True, random_state=0).split(x, y):
        w, b, classes = fit(x[train], list(y[train]))
        pred = np.array(classes)[np.argmax(x[test] @ w.T + b, axis=1)]
        right += int((pred == y[test]).sum())
    return right / len(labels)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", default="training/coder", type=Path)
    parser.add_argument("--out", default=MODEL_FILE, type=Path)
    parser.add_argument("--cv", action="store_true", help="also print 5-fold accuracy")
    args = parser.parse_args(argv)
    rows = read_corpus(args.corpus)
    if not rows:
        print(f"no examples in {args.corpus}", file=sys.stderr)
        return 1
    texts = [r["text"] for r in rows]
    vectors = np.stack([e.vector for e in load_embedder().embed(texts)])
    words, idf = vocabulary(texts)
    x = features(vectors, texts, Lexicon(words, idf))
    labels = [r["label"] for r in rows]
    weights, bias, classes = fit(x, labels)
    pw, pb, plover_classes = fit(x, [r["plover"] for r in rows])
    dims = vectors.shape[1]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.out,
        weights=weights[:, :dims],
        word_weights=weights[:, dims:],
        bias=bias,
        labels=np.array(classes),
        plover_weights=pw[:, :dims],
        plover_word_weights=pw[:, dims:],
        plover_bias=pb,
        plover_labels=np.array(plover_classes),
        words=np.array(words),
        idf=idf,
    )
    print(
        f"{len(rows)} examples, {len(classes)} classes, {len(words)} words → {args.out}",
        file=sys.stderr,
    )
    if args.cv:
        print(f"5-fold accuracy: {cross_validate(x, labels):.3f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
