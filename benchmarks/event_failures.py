"""Why gold events are missed, by kind of failure: each gold event of one or more gold files is
matched to a predicted one as `eventwire eval` matches them, then counted as right, wrong in
type, day and/or place (> 50 km), missed, or (for predictions) extra.

    .venv/bin/python benchmarks/event_failures.py [-v] GOLD.jsonl ...

`-v` lists every failure with the gold and predicted fields, and an extra event's cue words.
Use it on sets whose errors may be read (not on a blind set before its first measurement).
"""

from __future__ import annotations

import sys
from collections import Counter

from eventwire.evaluate import default_extractor, distance_km, match_events, read_gold


def main(argv: list[str]) -> None:
    verbose = "-v" in argv
    kinds: Counter[str] = Counter()
    for path in (a for a in argv if not a.startswith("-")):
        records = read_gold(path)
        for record, (article, events) in zip(
            records, default_extractor([r.article for r in records]), strict=True
        ):
            pairs = match_events(record.events, events)
            for gi, pi in pairs:
                gold, pred = record.events[gi], events[pi]
                km = distance_km(gold, pred)
                wrong = [
                    name
                    for name, bad in (
                        ("type", gold.event_type != pred.event_type),
                        ("date", gold.event_date != pred.event_date),
                        ("place", km is None or km > 50),
                    )
                    if bad
                ]
                kinds["+".join(wrong) or "right"] += 1
                if wrong and verbose:
                    print(
                        f"{article.article_id} {'+'.join(wrong)}: gold {gold.event_date} "
                        f"{gold.sub_event_type} {gold.location} | pred {pred.event_date} "
                        f"{pred.sub_event_type} {pred.location} ({km and round(km)} km)"
                    )
            matched_gold = {g for g, _ in pairs}
            matched_pred = {p for _, p in pairs}
            for gi, gold in enumerate(record.events):
                if gi not in matched_gold:
                    kinds["missed"] += 1
                    if verbose:
                        print(
                            f"{article.article_id} missed: {gold.event_date} "
                            f"{gold.sub_event_type} {gold.location}"
                        )
            for pi, pred in enumerate(events):
                if pi not in matched_pred:
                    kinds["extra"] += 1
                    if verbose:
                        cue = next((e.text for e in pred.evidence if e.field == "event_type"), "")
                        print(
                            f"{article.article_id} extra: {pred.event_date} "
                            f"{pred.sub_event_type} {pred.location} ({cue!r})"
                        )
    print(dict(kinds.most_common()))


if __name__ == "__main__":
    main(sys.argv[1:])
