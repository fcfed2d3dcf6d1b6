#!/usr/bin/env python3
"""Scores `watchfloor bench changepoints --alarms DIR` output with the baselines' own scoring
(cp_lib.precision_recall, cp_lib.delays, quality_cp.classify / matched_true), so that the
project's detector and the baselines are judged by the same code on the same series.

usage: score.py --bench DIR --series DIR --alarms DIR [--label NAME]
Prints one JSON object shaped like quality_cp.py's.
"""
import argparse, glob, json, os, sys

import numpy as np


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench", required=True)
    ap.add_argument("--series", required=True, help="folder of q_S.txt / q_S.truth.json")
    ap.add_argument("--alarms", required=True, help="folder of q_S.txt.alarms")
    ap.add_argument("--label", default="watchfloor_bocpd")
    a = ap.parse_args()
    sys.path.insert(0, a.bench)
    from cp_lib import precision_recall
    from quality_cp import classify, matched_true

    res = {mg: dict(tp=0, n_est=0, n_true=0) for mg in (5, 10, 20)}
    by_type, dl, dl_type = {}, [], {}
    truths = sorted(glob.glob(os.path.join(a.series, "q_*.truth.json")))
    n = None
    for tpath in truths:
        base = tpath[: -len(".truth.json")]
        truth = json.load(open(tpath))
        cps, rates = truth["cps"], truth["rates"]
        n = n or sum(1 for _ in open(base + ".txt"))
        al = []
        for line in open(os.path.join(a.alarms, os.path.basename(base) + ".txt.alarms")):
            parts = line.split()
            if parts:
                al.append((int(parts[0]), int(parts[1])))
        est = [loc for _, loc in al]
        types = classify(cps, rates)
        for mg in res:
            q = precision_recall(cps, est, mg)
            res[mg]["tp"] += q["tp"]; res[mg]["n_est"] += q["n_est"]; res[mg]["n_true"] += q["n_true"]
        for t, h in zip(types, matched_true(cps, est, 10)):
            c = by_type.setdefault(t, [0, 0]); c[0] += h; c[1] += 1
        used = set()
        for t_alarm, loc in al:
            for k, t in enumerate(cps):
                if k not in used and abs(loc - t) <= 10:
                    used.add(k)
                    dl.append(t_alarm - t)
                    dl_type.setdefault(types[k], []).append(t_alarm - t)
                    break
    rec = dict(method=a.label, n=n, seeds=len(truths))
    for mg, r in res.items():
        p = r["tp"] / r["n_est"] if r["n_est"] else float("nan")
        rc = r["tp"] / r["n_true"]
        rec[f"m{mg}"] = dict(precision=round(p, 3), recall=round(rc, 3),
                             f1=round(2 * p * rc / (p + rc), 3) if r["tp"] else 0.0)
    rec["recall_by_type_m10"] = {k: f"{v[0]}/{v[1]} = {v[0] / v[1]:.2f}" for k, v in sorted(by_type.items())}
    if dl:
        rec["delay_mean"] = round(float(np.mean(dl)), 2)
        rec["delay_median"] = float(np.median(dl))
        rec["delay_p90"] = float(np.percentile(dl, 90))
        rec["delay_median_by_type"] = {k: float(np.median(v)) for k, v in sorted(dl_type.items())}
    print(json.dumps(rec), flush=True)


if __name__ == "__main__":
    main()
