#!/usr/bin/env python3
"""Writes the change-point baselines' series to files for `watchfloor bench changepoints`.

The series are exactly those of ../../shared/bench (cp_lib.gen_poisson with the same seeds):
  speed/poisson_N.txt          bench_cp.py's series of length N (seed 7 + N)
  quality/q_S.txt              quality_cp.py's series (n = 10,000, seed 1000 + s), with
  quality/q_S.truth.json       their true change points and segment rates
usage: gen_series.py --bench DIR --out DIR [--sizes 1000,...] [--n 10000] [--seeds 10]
"""
import argparse, json, os, sys

import numpy as np


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench", required=True, help="the folder holding cp_lib.py")
    ap.add_argument("--out", required=True)
    ap.add_argument("--sizes", default="1000,10000,100000,1000000")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--seeds", type=int, default=10)
    a = ap.parse_args()
    sys.path.insert(0, a.bench)
    from cp_lib import gen_poisson

    os.makedirs(os.path.join(a.out, "speed"), exist_ok=True)
    os.makedirs(os.path.join(a.out, "quality"), exist_ok=True)
    for n in [int(s) for s in a.sizes.split(",")]:
        x, cps, rates = gen_poisson(n, seed=a.seed + n)
        np.savetxt(os.path.join(a.out, "speed", f"poisson_{n}.txt"), x, fmt="%d")
        with open(os.path.join(a.out, "speed", f"poisson_{n}.truth.json"), "w") as f:
            json.dump(dict(cps=[int(c) for c in cps], rates=[float(r) for r in rates]), f)
    for s in range(a.seeds):
        x, cps, rates = gen_poisson(a.n, seed=1000 + s)
        np.savetxt(os.path.join(a.out, "quality", f"q_{s}.txt"), x, fmt="%d")
        with open(os.path.join(a.out, "quality", f"q_{s}.truth.json"), "w") as f:
            json.dump(dict(cps=[int(c) for c in cps], rates=[float(r) for r in rates]), f)


if __name__ == "__main__":
    main()
