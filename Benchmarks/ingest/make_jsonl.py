#!/usr/bin/env python3
"""Turn gen_corpus.py's corpus (one document per line) into Watchfloor's JSON Lines reporting
format, one document per line, optionally repeated with every word suffixed by the copy number so
that each copy is a distinct document (for the 1 GB streaming test).

usage: make_jsonl.py CORPUS.txt OUT.jsonl [--copies N]
"""
import argparse, json

ap = argparse.ArgumentParser()
ap.add_argument("corpus")
ap.add_argument("out")
ap.add_argument("--copies", type=int, default=1)
a = ap.parse_args()

with open(a.out, "w", encoding="utf-8") as out:
    n = 0
    for copy in range(a.copies):
        with open(a.corpus, encoding="ascii") as f:
            for line in f:
                text = line.rstrip("\n")
                if copy:
                    text = " ".join(w + str(copy) for w in text.split(" "))
                rec = {"id": f"d{n}", "outlet": f"Bench Outlet {n % 20}", "source_kind": "wire",
                       "published": f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}", "text": text}
                out.write(json.dumps(rec) + "\n")
                n += 1
