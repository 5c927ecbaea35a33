#!/bin/sh
# The README's "Rules and coder" table: every dev set scored with the rules alone, the coder
# alone and both (EVENTWIRE_CODER=rules|coder|both). usage: benchmarks/rules_and_coder.sh [SHARED]
set -e
SHARED=${1:-../shared}
OUT=$(mktemp -d)
for mode in rules coder both; do
  echo "== $mode"
  export EVENTWIRE_CODER=$mode
  for s in case2021 isaf; do
    .venv/bin/eventwire extract --input-format jsonl "$SHARED/data/$s-dev.jsonl" --format jsonl \
      > "$OUT/$s-$mode.jsonl" 2>/dev/null
  done
  echo "case $(python3 "$SHARED/tools/score_case.py" "$SHARED/data/case2021-dev.jsonl" "$OUT/case2021-$mode.jsonl")"
  echo "isaf $(python3 "$SHARED/tools/score_isaf.py" "$SHARED/data/isaf-dev.jsonl" "$OUT/isaf-$mode.jsonl")"
  for f in acled-benin-dev acled-ukraine-dev acled-ukraine-2022-2024-dev; do
    echo "$f"
    .venv/bin/eventwire eval "$SHARED/data/$f.jsonl" | grep -E "^(event_type|sub_event_type|toll|event found|event \()"
  done
  for f in tests/data/own-articles*.jsonl; do
    echo "$f $(.venv/bin/eventwire eval "$f" | grep -E '^event \(')"
  done
done
