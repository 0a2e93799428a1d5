#!/usr/bin/env python3
"""Scores lede's top-level subjects against newspaper sections.

    lede analyze --fields topics CORPUS_DIR > pred.jsonl
    python3 scripts/score_topics.py pred.jsonl

CORPUS_DIR holds one directory per section (business/, politics/, sport/,
entertainment/, tech/, ... : the layout of common labelled news corpora),
each with one plain-text article per file; a document's section is the name
of the directory its file is in. For JSON Lines corpora, give the gold
labels instead: `--gold corpus.jsonl --label-field section` reads each
record's id and section (run lede with `--jsonl` on the same file).

A document is right when its best-scoring top-level topic (a topic with no
parent: the IPTC subjects of the default taxonomy) is the subject its
section maps to. Sections with no subject in SECTION_SUBJECTS (and not
themselves a subject id) are listed and left out of the score. Prints the
accuracy, a row per section, the confusions, and exits 1 if accuracy is
below --floor.
"""

import argparse
import collections
import json
import os
import sys

# Newspaper section names and the IPTC top-level subject (topic id of
# crates/lede-topics/data/iptc.toml) whose articles they hold.
SECTION_SUBJECTS = {
    "business": "economy",
    "economy": "economy",
    "finance": "economy",
    "money": "economy",
    "markets": "economy",
    "politics": "politics",
    "election": "politics",
    "sport": "sport",
    "sports": "sport",
    "entertainment": "arts",
    "arts": "arts",
    "culture": "arts",
    "film": "arts",
    "music": "arts",
    "media": "arts",
    "tech": "science",
    "technology": "science",
    "science": "science",
    "health": "health",
    "environment": "environment",
    "climate": "environment",
    "education": "education",
    "crime": "crime",
    "religion": "religion",
    "weather": "weather",
    "travel": "lifestyle",
    "lifestyle": "lifestyle",
}


def section_of_path(doc_id):
    return os.path.basename(os.path.dirname(doc_id)).lower()


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as e:
                    sys.exit(f"{path}:{number}: not JSON: {e}")


def best_subject(record):
    top = [t for t in record.get("topics") or [] if t.get("parent") is None]
    if not top:
        return None
    return max(top, key=lambda t: t["score"])["id"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pred", help="lede analyze output (JSON Lines with topics)")
    parser.add_argument("--gold", help="JSON Lines corpus with an id and a section per record")
    parser.add_argument("--id-field", default="id")
    parser.add_argument("--label-field", default="section")
    parser.add_argument("--floor", type=float, default=0.0, help="exit 1 below this accuracy")
    args = parser.parse_args()

    gold = None
    if args.gold:
        gold = {}
        for record in read_jsonl(args.gold):
            gold[str(record[args.id_field])] = str(record[args.label_field]).lower()

    subjects = set(SECTION_SUBJECTS.values())
    per_section = collections.defaultdict(lambda: [0, 0])
    confusions = collections.Counter()
    unmapped = collections.Counter()
    missing = 0
    for record in read_jsonl(args.pred):
        doc_id = str(record["id"])
        if gold is None:
            section = section_of_path(doc_id)
        elif doc_id in gold:
            section = gold[doc_id]
        else:
            missing += 1
            continue
        expected = SECTION_SUBJECTS.get(section, section if section in subjects else None)
        if expected is None:
            unmapped[section] += 1
            continue
        got = best_subject(record)
        counts = per_section[section]
        counts[1] += 1
        if got == expected:
            counts[0] += 1
        else:
            confusions[(section, got or "(none)")] += 1

    right = sum(c[0] for c in per_section.values())
    total = sum(c[1] for c in per_section.values())
    if total == 0:
        sys.exit("no scored documents: are the files in section directories, or is --gold right?")
    accuracy = right / total
    print(f"top-level subject accuracy: {accuracy:.3f} ({right}/{total})")
    for section in sorted(per_section):
        r, n = per_section[section]
        print(f"  {section:<15} {r / n:.3f} ({r}/{n}) -> {SECTION_SUBJECTS.get(section, section)}")
    if confusions:
        print("most frequent confusions (section -> best subject):")
        for (section, got), n in confusions.most_common(10):
            print(f"  {section} -> {got}: {n}")
    if unmapped:
        print("left out, no subject for these sections: " + ", ".join(f"{s} ({n})" for s, n in unmapped.items()))
    if missing:
        print(f"left out, not in the gold file: {missing}")
    if accuracy < args.floor:
        print(f"below the floor {args.floor:.3f}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
