"""Assertions on lede's output for the founding article (../shared).

The article is third-party text: it is read from ../shared, never copied into
the repository. Usage: check_seed.py SEED OUTDIR (OUTDIR holds the outputs of
`lede sentences`, `lede clean` and `lede clean --explain`).
"""

import json
import re
import sys

seed_path, out = sys.argv[1], sys.argv[2]
seed = open(seed_path, encoding="utf-8").read()
seed_bytes = seed.encode("utf-8")
failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


# --- sentences -------------------------------------------------------------
doc = json.loads(open(f"{out}/sentences.jsonl", encoding="utf-8").readline())
sentences = [s["text"] for s in doc["sentences"]]
check(doc["id"] == seed_path, "the document id is the file name")
check(
    all(seed_bytes[s["start"]:s["end"]].decode("utf-8") == s["text"] for s in doc["sentences"]),
    "every sentence's byte offsets slice exactly its text",
)
check(
    '"Please don\'t be angry.' in sentences,
    "a quoted speech's first sentence ends at its period",
)
check(
    any(s.startswith("But it's so awkward") and s.endswith("Putin said as he signed off mid-event.") for s in sentences),
    "the said-tag stays with the last quoted sentence",
)
check(
    any("U.S. President Donald Trump" in s for s in sentences),
    '"U.S. President" does not end a sentence',
)
check(
    not any(s.endswith("U.S.") for s in sentences if "U.S.-Russia" not in s),
    "no sentence ends inside U.S. before a name",
)
check(
    "Advertisement" in sentences,
    "a line without punctuation (Advertisement) is its own sentence",
)
check(
    sentences[0].startswith("'Could get offended'") and sentences[0].endswith("(Watch Video)"),
    "the headline is one sentence",
)

# --- clean -----------------------------------------------------------------
clean = open(f"{out}/clean.txt", encoding="utf-8").read()
for residue in ["Advertisement", "Read also", "(Watch Video)", "South China Sea", "\u00a0"]:
    check(residue not in clean, f"cleaned text has no {residue!r}")
lead = "Putin apologized to those in attendance"
check(clean.count(lead) == 1, "the repeated lead paragraph appears once")
check("\n\n\n" not in clean and not re.search(r"[ \t]\n", clean), "one blank line between paragraphs, no trailing space")

teasers = [line for line in seed.splitlines() if line.startswith("Read also")]
body = "\n".join(line for line in seed.splitlines() if line not in teasers)
quotes = re.findall(r'"([^"]+)"', body)
missing = [q for q in quotes if q not in clean]
check(not missing, f"every quotation of the article body is kept ({len(quotes)} quotes; missing: {missing})")
for must in ["Ushakov stated", "Kremlin adviser Yuri Ushakov", "on the same page", "U.S.-Russia"]:
    check(must in clean, f"cleaned text keeps {must!r}")

explain = open(f"{out}/explain.txt", encoding="utf-8").read()
for family in ["advertising", "related", "media", "duplicate"]:
    check(family in explain, f"--explain names the {family} family")

if failures:
    print(f"{len(failures)} founding-article checks failed", file=sys.stderr)
    sys.exit(1)
print(f"all founding-article checks passed")
