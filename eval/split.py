#!/usr/bin/env python3
"""Splits labelled real passages into a part to tune on and a part never tuned on.

The split is by page (URL): passages from one page share phrasing, so they go to the same part.
A page's part is decided by the SHA-256 of its URL, so the split is stable and blind to content.
Usage: eval/split.py INCOMING_DIR  (reads INCOMING_DIR/<lang>.jsonl, writes eval/real/{tune,test}/<lang>.jsonl)
"""
import hashlib, json, pathlib, sys

incoming = pathlib.Path(sys.argv[1])
root = pathlib.Path(__file__).resolve().parent / "real"
for source in sorted(incoming.glob("*.jsonl")):
    parts = {"tune": [], "test": []}
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        record = json.loads(line)
        key = record.get("url") or record["id"]
        part = "tune" if int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) % 2 == 0 else "test"
        parts[part].append(line)
    for part, lines in parts.items():
        (root / part / source.name).write_text("".join(l + "\n" for l in lines), encoding="utf-8")
    print(f"{source.stem}: tune {len(parts['tune'])}, test {len(parts['test'])}")
