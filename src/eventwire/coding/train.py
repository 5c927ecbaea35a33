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

from eventwire.coding.coder import MODEL_FILE, NONE
from eventwire.coding.embed import load_embedder

C = 4.0  # inverse regularisation, chosen by 5-fold cross-validation on the corpus


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


def fit(vectors: np.ndarray, labels: list[str]) -> tuple[np.ndarray, np.ndarray, list[str]]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=C, max_iter=3000)
    model.fit(vectors, labels)
    classes = [str(c) for c in model.classes_]
    return model.coef_.astype(np.float32), model.intercept_.astype(np.float32), classes


def cross_validate(vectors: np.ndarray, labels: list[str], folds: int = 5) -> float:
    """Share of examples whose class a model trained on the other folds gets right."""
    from sklearn.model_selection import StratifiedKFold

    y = np.array(labels)
    right = 0
    for train, test in StratifiedKFold(folds, shuffle=True, random_state=0).split(vectors, y):
        w, b, classes = fit(vectors[train], list(y[train]))
        pred = np.array(classes)[np.argmax(vectors[test] @ w.T + b, axis=1)]
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
    vectors = np.stack([e.vector for e in load_embedder().embed([r["text"] for r in rows])])
    labels = [r["label"] for r in rows]
    weights, bias, classes = fit(vectors, labels)
    pw, pb, plover_classes = fit(vectors, [r["plover"] for r in rows])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.out,
        weights=weights,
        bias=bias,
        labels=np.array(classes),
        plover_weights=pw,
        plover_bias=pb,
        plover_labels=np.array(plover_classes),
    )
    print(f"{len(rows)} examples, {len(classes)} classes → {args.out}", file=sys.stderr)
    if args.cv:
        print(f"5-fold accuracy: {cross_validate(vectors, labels):.3f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
