"""The coder alone on CASE 2021 snippets: each whole snippet, no rules.

usage: .venv/bin/python benchmarks/coder_alone_case.py [../shared/data/case2021-dev.jsonl]
Prints the shares of score_case.py: detected, type, sub-type, and disasters read as no event.
"""

from __future__ import annotations

import json
import sys

from eventwire.coding.coder import load_coder
from eventwire.extraction.types import event_type_of


def main(path: str) -> None:
    gold = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    decisions = load_coder().decide([g["text"] for g in gold])
    n = detected = typed = subtyped = disasters = quiet = 0
    for g, d in zip(gold, decisions, strict=True):
        if g["events"]:
            n += 1
            want = g["events"][0]
            if d.is_event:
                detected += 1
                typed += event_type_of(d.best_event) == want["event_type"]
                subtyped += d.best_event == want["sub_event_type"]
        elif g["label"] in ("NATURAL_DISASTER", "MAN_MADE_DISASTER"):
            disasters += 1
            quiet += not d.is_event
    print(
        json.dumps(
            {
                "detected": round(detected / n, 3),
                "type": round(typed / n, 3),
                "subtype": round(subtyped / n, 3),
                "quiet": round(quiet / max(disasters, 1), 3),
                "n": n,
                "disasters": disasters,
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/case2021-dev.jsonl")
