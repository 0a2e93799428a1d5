"""Quote attribution accuracy on the PolNeAR dev set (../shared), against a floor.

Usage: check_quotes.py LEDE GOLD SCORER FLOOR_FILE

Runs `LEDE analyze --jsonl GOLD`, scores it with SCORER (../shared/eval/score_quotes.py)
and fails when attribution F1 (`attr_f1`) is below the number in FLOOR_FILE. Raise the
floor when lede gets better; never lower it to make CI pass. Also prints throughput
(bytes of the documents' texts per wall-clock second of the lede run), for information
only: CI machines are too noisy to fail on time.
"""

import json
import subprocess
import sys
import tempfile
import time

lede, gold, scorer, floor_file = sys.argv[1:5]

try:
    floor = float(open(floor_file, encoding="utf-8").read().strip())
except (OSError, ValueError) as e:
    sys.exit(f"{floor_file}: expected one number, the attribution F1 floor ({e})")

with open(gold, encoding="utf-8") as f:
    docs = [json.loads(line) for line in f if line.strip()]
text_bytes = sum(len(d["text"].encode("utf-8")) for d in docs)

with tempfile.NamedTemporaryFile("w+b", suffix=".jsonl") as pred:
    started = time.perf_counter()
    run = subprocess.run([lede, "analyze", "--jsonl", gold], stdout=pred, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - started
    if run.returncode != 0:
        sys.stderr.write(run.stderr.decode("utf-8", errors="replace"))
        sys.exit(f"FAIL lede analyze --jsonl {gold} exited with {run.returncode}")
    pred.flush()
    scored = subprocess.run(
        [sys.executable, scorer, gold, pred.name, "--json"], stdout=subprocess.PIPE, text=True, check=True
    )
r = json.loads(scored.stdout)

print(f"docs {r['docs']} (missing {r['missing_docs']})  gold quotes {r['gold_q']}  predicted {r['pred_q']}")
print(f"quotes       P {r['quote_p']:.3f}  R {r['quote_r']:.3f}  F1 {r['quote_f1']:.3f}")
print(
    f"attribution  P {r['attr_p']:.3f}  R {r['attr_r']:.3f}  F1 {r['attr_f1']:.3f}"
    f"  speaker accuracy {r['speaker_acc']:.3f}  (floor {floor:.3f})"
)
print(f"throughput   {text_bytes / seconds / 1e6:.2f} MB/s ({text_bytes} bytes of text in {seconds:.3f} s, wall clock)")

if r["missing_docs"]:
    sys.exit(f"FAIL {r['missing_docs']} dev documents have no output line")
if r["attr_f1"] < floor:
    sys.exit(f"FAIL attribution F1 {r['attr_f1']:.3f} is below the floor {floor:.3f} in {floor_file}")
print(f"ok   attribution F1 {r['attr_f1']:.3f} >= floor {floor:.3f}")
