#!/usr/bin/env python3
"""Prints the side-by-side table of Benchmarks/changepoints/run.sh from its JSON Lines files.

usage: table.py --ours-speed F --base-speed F --ours-quality F --base-quality F
"""
import argparse, json


def load(path):
    try:
        return [json.loads(l) for l in open(path) if l.strip()]
    except FileNotFoundError:
        return []


def fmt_time(s):
    if s is None:
        return "—"
    return f"{s * 1000:.1f} ms" if s < 1 else f"{s:.2f} s"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ours-speed", required=True)
    ap.add_argument("--base-speed", required=True)
    ap.add_argument("--ours-quality", required=True)
    ap.add_argument("--base-quality", required=True)
    a = ap.parse_args()

    ours = load(a.ours_speed)
    base = load(a.base_speed)
    sizes = sorted({r["n"] for r in ours} | {r["n"] for r in base if not r.get("skipped")})
    rows = {"watchfloor_bocpd": {r["n"]: r for r in ours}}
    for r in base:
        rows.setdefault(r["method"], {})[r["n"]] = r
    names = {
        "watchfloor_bocpd": "watchfloor BOCPD (Swift, pruned)",
        "numpy_bocpd_poisson": "numpy BOCPD (cp_lib, rmax 200)",
        "rrs_pelt_l2_j1": "compiled PELT (ruptures-rs, jump 1)",
        "numpy_pelt_poisson": "numpy PELT, Poisson cost",
    }
    print("Speed: median wall time of the detector over gen_poisson series (one core, same machine, same run)")
    header = f"{'method':40s}" + "".join(f"{'n=' + format(n, ','):>14s}" for n in sizes) + f"{'pts/s at max':>16s}"
    print(header)
    print("-" * len(header))
    for method, by_n in rows.items():
        cells = []
        last = None
        for n in sizes:
            r = by_n.get(n)
            if r is None:
                cells.append("—")
            elif r.get("skipped"):
                cells.append(f"skip (~{r['predicted_s']:.0f} s)")
            else:
                cells.append(fmt_time(r["median_s"]))
                last = r
        rate = f"{last['n'] / last['median_s']:,.0f}" if last and last["median_s"] > 0 else "—"
        print(f"{names.get(method, method):40s}" + "".join(f"{c:>14s}" for c in cells) + f"{rate:>16s}")
    w = rows["watchfloor_bocpd"]
    if w:
        top = max(w)
        print(f"(watchfloor: {w[top].get('mean_hypotheses')} run-length hypotheses a day on average, "
              f"at most {w[top].get('max_hypotheses')}; hazard 1/{w[top].get('hazard_days'):.0f}, prior {w[top].get('prior')}, "
              f"prune {w[top].get('prune_mass')})")
    print()
    print("Quality on quality_cp.py's series (n = 10,000 × 10 seeds; a change is found if an estimate lies within ±10 days)")
    header = f"{'method':40s}{'precision':>10s}{'recall':>8s}{'F1':>7s}{'delay med':>11s}{'p90':>6s}   delay median by type (rise / drop / silence onset / silence end)"
    print(header)
    print("-" * len(header))
    for r in load(a.ours_quality) + load(a.base_quality):
        m = r["m10"]
        by = r.get("delay_median_by_type", {})
        types = " / ".join(str(by.get(k, "—")) for k in ("rise", "drop", "silence_onset", "silence_end")) if by else "— (offline method: no alarm times)"
        d = f"{r['delay_median']:.0f}" if "delay_median" in r else "—"
        p = f"{r['delay_p90']:.0f}" if "delay_p90" in r else "—"
        print(f"{names.get(r['method'], r['method']):40s}{m['precision']:>10.3f}{m['recall']:>8.3f}{m['f1']:>7.3f}{d:>11s}{p:>6s}   {types}")
    print()
    print("Recall by change type at ±10 days:")
    for r in load(a.ours_quality) + load(a.base_quality):
        print(f"  {names.get(r['method'], r['method']):38s} " + ", ".join(f"{k} {v}" for k, v in r["recall_by_type_m10"].items()))


if __name__ == "__main__":
    main()
