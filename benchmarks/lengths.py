"""Extraction time by article length (issue 13's floor 3): one example story repeated to 20k,
200k and 1M characters, wall and CPU seconds, events and peak memory.

    .venv/bin/python benchmarks/lengths.py [CHARS ...]
"""

import resource
import sys
import time
from pathlib import Path

from eventwire.pipeline import extract

STORY = Path("examples/articles/kharkiv-strikes.txt").read_text()


def run(chars: int) -> tuple[float, float, int]:
    text = ("\n\n".join([STORY] * (chars // len(STORY) + 1)))[:chars]
    wall, cpu = time.perf_counter(), time.process_time()
    n = len(extract(text, published="2025-06-02"))
    return time.perf_counter() - wall, time.process_time() - cpu, n


if __name__ == "__main__":
    run(5000)  # models and index loaded before the clock starts
    for chars in [int(a) for a in sys.argv[1:]] or [20_000, 200_000, 1_000_000]:
        wall, cpu, n = run(chars)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"{chars:>9,} chars: {wall:6.1f} s wall, {cpu:6.1f} s CPU, {n} events, "
            f"peak RSS {peak:.0f} MB",
            flush=True,
        )
