#!/usr/bin/env python3
"""Builds crates/lede-gazetteer/data/entities.tsv, the embedded default gazetteer.

Inputs (see README.md in this directory for their sources and terms):
  - ISO 3166-1 country data from Debian's iso-codes package
    (/usr/share/iso-codes/json/iso_3166-1.json, or the path given as the first argument);
  - countries.tsv, entities.tsv and officials.tsv in this directory, written by hand.

The output uses the same TSV format as user gazetteers (see the crate README), so the
crate parses its default data with the loader users get. Run from anywhere:
    python3 crates/lede-gazetteer/data-src/generate.py
"""

import csv
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "data" / "entities.tsv"
ISO = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/iso-codes/json/iso_3166-1.json")
AS_OF = "2025-07-01"


def rows(name):
    """The data rows of a curated TSV (comment lines start with '#', first row is the header)."""
    with open(HERE / name, encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def split(field):
    return [part.strip() for part in (field or "").split("|") if part.strip()]


def slug(text):
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def strip_article(alias):
    # Matching finds "Kremlin" inside "the Kremlin"; an alias with the article would only
    # make the mention longer, and miss "Kremlin-backed".
    return alias[4:] if alias.lower().startswith("the ") else alias


# Family name first in these countries' names as English news writes them.
FAMILY_FIRST = {"CHN", "TWN", "KOR", "PRK", "VNM"}


def family_name(name, country):
    """The word a later bare mention uses for this person ("Starmer"), or "-" for none.

    Patronymic and royal names ("Mohammed bin Salman", "King Salman") have no surname that
    a reporter uses alone, so linking them would attach the wrong person."""
    words = name.replace(" Jr.", "").split()
    if country in FAMILY_FIRST:
        return words[0]
    if len(words) < 2 or any(w in ("bin", "Al", "King", "Pope", "Sheikh", "Prince") for w in words):
        return "-"
    # "Marine Le Pen" is "Le Pen" alone, "Ursula von der Leyen" is "von der Leyen".
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in ("le", "la", "de", "da", "van", "von", "der", "del", "di", "dos"):
        start -= 1
    return " ".join(words[start:])


class Out:
    def __init__(self):
        self.entities = []
        self.ids = set()

    def add(self, id, kind, name, aliases, attributes, source):
        if id in self.ids:
            sys.exit(f"duplicate id {id}")
        self.ids.add(id)
        seen = {name}
        kept = []
        for alias in aliases:
            kind_prefix, _, text = alias.rpartition(":") if re.match(r"^(demonym|metonym|surname|alias):", alias) else ("", "", alias)
            text = strip_article(text)
            if text and text not in seen:
                seen.add(text)
                kept.append(f"{kind_prefix}:{text}" if kind_prefix else text)
        attrs = "; ".join(f"{k}={v}" for k, v in attributes if v)
        for field in (id, name, attrs, source, *kept):
            if "\t" in field or "\n" in field or ("|" in field and field not in kept):
                sys.exit(f"bad character in {field!r}")
        self.entities.append((id, kind, name, "|".join(kept), attrs, source))


def main():
    out = Out()
    iso = json.load(open(ISO, encoding="utf-8"))["3166-1"]
    curated = {row["alpha3"]: row for row in rows("countries.tsv")}
    capitals = []
    for country in sorted(iso, key=lambda c: c["alpha_3"]):
        code = country["alpha_3"]
        extra = curated.get(code, {})
        # ISO's sorting forms ("Korea, Republic of") are not how news names a country.
        iso_names = [n for n in (country.get("common_name"), country["name"], country.get("official_name")) if n and ", " not in n]
        name = extra.get("name") or (iso_names[0] if iso_names else country["name"])
        aliases = iso_names + split(extra.get("aliases"))
        aliases += [f"demonym:{d}" for d in split(extra.get("demonyms"))]
        capital = (extra.get("capital") or "").strip()
        capital_names = split(capital)
        capital_id = ""
        if capital_names and capital_names[0] not in [name] + aliases:
            capital_id = f"city:{slug(capital_names[0])}"
            capitals.append((capital_id, capital_names, code))
        out.add(
            f"country:{code}",
            "country",
            name,
            aliases,
            [("iso2", country["alpha_2"]), ("iso3", code), ("numeric", country["numeric"]),
             ("capital", capital_id)],
            "ISO 3166-1 via Debian iso-codes" + ("; curated: " + extra["source"] if extra else ""),
        )
    for capital_id, names, code in capitals:
        out.add(capital_id, "city", names[0], names[1:], [("capital_of", f"country:{code}")], "public record")
    for row in rows("entities.tsv"):
        country = f"country:{row['country']}" if row["country"] else ""
        out.add(row["id"], row["type"], row["name"], split(row["aliases"]), [("country", country)], row["source"])
    for row in rows("officials.tsv"):
        aliases = split(row["aliases"]) + [f"surname:{s}" for s in split(row["surname"])]
        family = split(row["surname"])[0] if row["surname"] else family_name(row["name"], row["country"])
        country = f"country:{row['country']}" if row["country"] else ""
        out.add(
            row["id"],
            "person",
            row["name"],
            aliases,
            [("role", row["role"]), ("office", row["office"].replace("|", ",")), ("country", country),
             ("since", row["since"]), ("as_of", AS_OF), ("family_name", family)],
            row["source"],
        )
    OUT.parent.mkdir(exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Generated by data-src/generate.py; edit the inputs there, not this file.\n")
        f.write("id\ttype\tname\taliases\tattributes\tsource\n")
        for entity in out.entities:
            f.write("\t".join(entity) + "\n")
    print(f"wrote {len(out.entities)} entities to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
