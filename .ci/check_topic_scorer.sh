#!/usr/bin/env bash
# End to end for scripts/score_topics.py: the section paragraphs of the
# lede-topics golden tests, written out as a corpus of section directories,
# through `lede analyze --fields topics DIR` and the scorer. Their floor is
# the golden runner's; this checks the scorer and the CLI's directory path
# agree with it.
set -euo pipefail
cd "$(dirname "$0")/.."
lede="$1"
corpus=$(mktemp -d)
pred=$(mktemp)
trap 'rm -rf "$corpus" "$pred"' EXIT
python3 - "$corpus" <<'PY'
import os, sys, tomllib
root = sys.argv[1]
cases = tomllib.load(open("crates/lede-topics/tests/data/sections.toml", "rb"))["case"]
for i, case in enumerate(cases):
    section = case["name"].split(":")[0]
    os.makedirs(os.path.join(root, section), exist_ok=True)
    with open(os.path.join(root, section, f"{i:03}.txt"), "w", encoding="utf-8") as f:
        f.write(case["text"])
PY
"$lede" analyze --quiet --fields topics "$corpus" > "$pred"
python3 scripts/score_topics.py "$pred" --floor 0.95
