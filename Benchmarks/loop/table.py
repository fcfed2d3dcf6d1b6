#!/usr/bin/env python3
"""The loop's table: reads OUT/<scenario>/seed-*/score.json (written by `watchfloor simulate --score`)
and prints, per warning kind, for the real coder and for the gold labels (a perfect coder):

1. named shifts (truth/shifts.json): how many, detected within 21 days, within the scorer's 120,
   the delay distribution (median, p90) of those detected, and the magnitude of each shift in what
   its kind watches (expected stories after / before);
2. real changes (every change of at least 50% in what a kind watches, truth/expected.csv, named
   or not), split by how much reporting carried them (expected stories a day at the busier side);
   A change is detected by the earliest warning of its kind and place that points the same way,
   from 14 days before its first week to 120 days after its last; the columns count delays (from
   the onset: the sharpest week) of at most 21 and 120 days, the quantiles are of those ≤ 120 days.
3. warnings per scenario: per province-year (13 scopes: the nation and twelve provinces), the share
   on a named shift, on a real but unnamed change, and the false ones (matching neither).

usage: table.py OUT [--summary]
  --summary   one line per coding: per kind, named shifts found within 21 / 120 days, real changes
              carried by at least 0.25 stories a day found within 21 days, and false warnings per
              province-year on the baseline and over all scenarios (for comparing settings)
"""
import glob
import json
import math
import os
import sys

KINDS = ["W1", "W2", "W3", "W4", "W5"]
TARGET = 21
BANDS = [(0, 0.25, "< 0.25/day"), (0.25, 1, "0.25–1/day"), (1, math.inf, "≥ 1/day")]


def percentile(values, q):
    if not values:
        return None
    values = sorted(values)
    position = q * (len(values) - 1)
    lower, upper = math.floor(position), math.ceil(position)
    return values[lower] + (values[upper] - values[lower]) * (position - lower)


def fmt(value, digits=0):
    if value is None:
        return "–"
    return f"{value:.{digits}f}"


def share(part, whole):
    return "–" if whole == 0 else f"{100 * part / whole:.0f}% ({part}/{whole})"


def load(out):
    runs = []
    for path in sorted(glob.glob(os.path.join(out, "*", "seed-*", "score.json"))):
        scenario = os.path.basename(os.path.dirname(os.path.dirname(path)))
        with open(path) as f:
            score = json.load(f)
        first, last = score["period"]
        days = (date(last) - date(first)) + 1
        runs.append({"scenario": scenario, "score": score, "years": days / 365.25, "scopes": 13})
    return runs


def date(text):
    import datetime

    return datetime.date.fromisoformat(text).toordinal()


def sections(run):
    yield "coder", run["score"]["warnings"], run["score"]["raised"]
    gold = run["score"].get("gold_coding")
    if gold:
        yield "gold labels", gold["warnings"], gold["raised"]


def magnitude_ok(detection):
    m = detection.get("magnitude")
    if not m:
        return False
    ratio = m["ratio"]
    return ratio is None or ratio >= 1.5 or ratio <= 0.5


def named_table(runs, coding):
    print(f"\n### Named shifts ({coding})\n")
    print("| kind | shifts | of them ≥ 50% | detected ≤ 21 d | ≤ 45 d | ≤ 120 d | delay median | p90 | ≥ 50% shifts ≤ 21 d | ≥ 50% shifts ≤ 45 d |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    totals = [0, 0]
    for kind in KINDS:
        shifts, big, within, within45, found, delays, big_within, big_within45 = 0, 0, 0, 0, 0, [], 0, 0
        for run in runs:
            for name, score, _ in sections(run):
                if name != coding:
                    continue
                for d in score["detections"]:
                    if d["shift"]["kind"] != kind:
                        continue
                    shifts += 1
                    large = magnitude_ok(d)
                    big += large
                    if d["delay_days"] is not None and d["delay_days"] <= 120:
                        found += 1
                        delays.append(d["delay_days"])
                        within += d["delay_days"] <= TARGET
                        within45 += d["delay_days"] <= 45
                        big_within += large and d["delay_days"] <= TARGET
                        big_within45 += large and d["delay_days"] <= 45
        if shifts == 0:
            continue
        totals[0] += big_within45
        totals[1] += big
        print(f"| {kind} | {shifts} | {big} | {share(within, shifts)} | {share(within45, shifts)} | {share(found, shifts)} | "
              f"{fmt(percentile(delays, 0.5))} | {fmt(percentile(delays, 0.9))} | {share(big_within, big)} | "
              f"{share(big_within45, big)} |")
    print(f"\nAll kinds: named shifts of ≥ 50% found within 45 days: {share(totals[0], totals[1])}")


def changes_table(runs, coding):
    print(f"\n### Real changes of at least 50%, named or not ({coding})\n")
    print("| kind | reporting at the busier side | changes | detected ≤ 21 d | ≤ 120 d | delay median | p90 |")
    print("|---|---|---|---|---|---|---|")
    for kind in KINDS:
        for low, high, label in BANDS:
            n, within, found, delays = 0, 0, 0, []
            for run in runs:
                for name, score, _ in sections(run):
                    if name != coding:
                        continue
                    for c in score["changes"]:
                        change = c["change"]
                        if change["kind"] != kind or not change["expected"]:
                            continue
                        if not (low <= change["stories_per_day"] < high):
                            continue
                        n += 1
                        if c["delay_days"] is not None and c["delay_days"] <= 120:
                            found += 1
                            delays.append(c["delay_days"])
                            within += c["delay_days"] <= TARGET
            if n:
                print(f"| {kind} | {label} | {n} | {share(within, n)} | {share(found, n)} | "
                      f"{fmt(percentile(delays, 0.5))} | {fmt(percentile(delays, 0.9))} |")


def warnings_table(runs, coding):
    print(f"\n### Warnings per scenario ({coding}; per province-year: 13 scopes × the years covered)\n")
    print("| scenario | runs | warnings / province-year | on a named shift | on an unnamed real change | false | false / province-year | false by kind |")
    print("|---|---|---|---|---|---|---|---|")
    scenarios = sorted({r["scenario"] for r in runs}, key=lambda s: (s != "baseline", s))
    for scenario in scenarios:
        mine = [r for r in runs if r["scenario"] == scenario]
        total = named = unnamed = false = 0
        by_kind = {}
        province_years = 0.0
        for run in mine:
            for name, score, raised in sections(run):
                if name != coding:
                    continue
                province_years += run["scopes"] * run["years"]
                false_set = set(score["false_alarms"])
                unnamed_set = set(score["unnamed_change_warnings"])
                for i, w in enumerate(raised):
                    total += 1
                    if i in false_set:
                        false += 1
                        by_kind[w["kind"]] = by_kind.get(w["kind"], 0) + 1
                    elif i in unnamed_set:
                        unnamed += 1
                    else:
                        named += 1
        kinds = ", ".join(f"{k} {by_kind[k]}" for k in sorted(by_kind)) or "–"
        print(f"| {scenario} | {len(mine)} | {fmt(total / province_years, 2)} | {share(named, total)} | "
              f"{share(unnamed, total)} | {share(false, total)} | {fmt(false / province_years, 3)} | {kinds} |")


def summary(runs, coding):
    parts = []
    for kind in KINDS:
        shifts = within = found = 0
        changes = changes_within = 0
        for run in runs:
            for name, score, _ in sections(run):
                if name != coding:
                    continue
                for d in score["detections"]:
                    if d["shift"]["kind"] == kind:
                        shifts += 1
                        delay = d["delay_days"]
                        within += delay is not None and delay <= TARGET
                        found += delay is not None and delay <= 120
                for c in score["changes"]:
                    change = c["change"]
                    if change["kind"] == kind and change["expected"] and change["stories_per_day"] >= 0.25:
                        changes += 1
                        changes_within += c["delay_days"] is not None and c["delay_days"] <= TARGET
        parts.append(f"{kind} {within}/{found}/{shifts} {changes_within}/{changes}")
    false = {}
    for run in runs:
        for name, score, _ in sections(run):
            if name == coding:
                key = "baseline" if run["scenario"] == "baseline" else "all"
                for k in (key, "all") if key == "baseline" else ("all",):
                    n, py = false.get(k, (0, 0.0))
                    false[k] = (n + len(score["false_alarms"]), py + run["scopes"] * run["years"])
    rates = " ".join(f"false/py {k} {n / py:.3f}" for k, (n, py) in sorted(false.items()))
    print(f"{coding:12} " + " | ".join(parts) + " | " + rates)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    runs = load(sys.argv[1])
    if "--summary" in sys.argv:
        print("per kind: named found ≤21 d / ≤120 d / shifts, real changes ≥ 0.25 a day found ≤21 d / changes")
        for coding in ["coder", "gold labels"]:
            summary(runs, coding)
        return
    if not runs:
        sys.exit(f"table.py: no score.json under {sys.argv[1]}/*/seed-*/")
    machine = os.path.join(sys.argv[1], "machine.txt")
    if os.path.exists(machine):
        print("```\n" + open(machine).read().strip() + "\n```")
    scenarios = sorted({r["scenario"] for r in runs})
    print(f"{len(runs)} runs: " + ", ".join(f"{s} × {sum(r['scenario'] == s for r in runs)}" for s in scenarios))
    for coding in ["coder", "gold labels"]:
        print(f"\n## {coding}")
        named_table(runs, coding)
        changes_table(runs, coding)
        warnings_table(runs, coding)


if __name__ == "__main__":
    main()
