#!/usr/bin/env python3
"""Calibration of warning scores on the loop.

Reads OUT/<scenario>/seed-*/score.json (written by `watchfloor simulate --score`) for one or more
loop folders and classifies every raised warning as true (on a named shift or on a real change of
at least 50% in what its kind watches) or false (neither), keeping its score and its raw score
(`figures.raw_score` when the engine calibrated it, else the score).

    calibrate.py fit OUT...        isotonic fit (pool-adjacent violators) of P(true) on the raw score,
                                   per kind: the points to put in analysis.yaml's `calibration`
    calibrate.py diagram OUT...    reliability diagram of the scores as shipped: per bin of score,
                                   the warnings, the mean score, the share that were true, the gap;
                                   the worst bin's gap and the Brier score; --svg FILE draws it

Python standard library only.
"""
import glob
import json
import os
import sys

KINDS = ["W1", "W2", "W3", "W4", "W5"]
BINS = [(0.0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 0.9), (0.9, 1.0001)]


def warnings(folders):
    """(kind, score, raw score, true?) for every raised warning of the real coder."""
    rows = []
    for folder in folders:
        for path in sorted(glob.glob(os.path.join(folder, "*", "seed-*", "score.json"))):
            with open(path) as f:
                score = json.load(f)
            raised = score["raised"]
            false = set(score["warnings"]["false_alarms"])
            for index, warning in enumerate(raised):
                raw = warning.get("figures", {}).get("raw_score", warning["score"])
                rows.append((warning["kind"], warning["score"], raw, index not in false))
    return rows


def isotonic(points):
    """Pool-adjacent violators on (x, y) sorted by x: a non-decreasing fit, as (x_mean, y_mean, n) blocks."""
    blocks = []
    for x, y in sorted(points):
        blocks.append([x, y, 1])
        while len(blocks) > 1 and blocks[-2][1] / blocks[-2][2] > blocks[-1][1] / blocks[-1][2]:
            x2, y2, n2 = blocks.pop()
            blocks[-1][0] += x2
            blocks[-1][1] += y2
            blocks[-1][2] += n2
    return [(bx / n, by / n, n) for bx, by, n in blocks]


def fit(folders):
    rows = warnings(folders)
    fitted = {}
    print("# isotonic P(true | raw score), per kind; points as [raw, probability] for analysis.yaml")
    for kind in KINDS:
        points = [(raw, 1.0 if true else 0.0) for k, _, raw, true in rows if k == kind]
        if not points:
            continue
        # Blocks are pooled further until each holds at least 8 warnings, so that a point is not one run's luck.
        blocks = isotonic(points)
        merged = []
        for x, y, n in blocks:
            if merged and merged[-1][2] < 8:
                px, py, pn = merged.pop()
                merged.append(((px * pn + x * n) / (pn + n), (py * pn + y * n) / (pn + n), pn + n))
            else:
                merged.append((x, y, n))
        if len(merged) > 1 and merged[-1][2] < 8:
            x, y, n = merged.pop()
            px, py, pn = merged.pop()
            merged.append(((px * pn + x * n) / (pn + n), (py * pn + y * n) / (pn + n), pn + n))
        # As analysis.yaml needs them: raw scores strictly increasing at four decimals (blocks that
        # round alike are pooled), and a point between two of the same probability dropped.
        # Each point's share is read with one real and one false warning added (Laplace), so that a
        # point of 20 real warnings says 0.95, not a certainty.
        pooled = []
        for x, y, n in merged:
            y = (y * n + 1) / (n + 2)
            x = round(x, 4)
            if pooled and pooled[-1][0] >= x:
                px, py, pn = pooled.pop()
                pooled.append((px, (py * pn + y * n) / (pn + n), pn + n))
            else:
                pooled.append((x, y, n))
        # Laplace can undo the order at the top: pool again (weighted) where it does.
        ordered = []
        for x, y, n in pooled:
            ordered.append((x, y, n))
            while len(ordered) > 1 and ordered[-2][1] > ordered[-1][1]:
                x2, y2, n2 = ordered.pop()
                x1, y1, n1 = ordered.pop()
                ordered.append((x2, (y1 * n1 + y2 * n2) / (n1 + n2), n1 + n2))
        pooled = ordered
        kept = [p for i, p in enumerate(pooled)
                if i in (0, len(pooled) - 1) or not (round(pooled[i - 1][1], 2) == round(p[1], 2) == round(pooled[i + 1][1], 2))]
        true = sum(1 for p in points if p[1] == 1)
        fitted[kind] = kept
        print(f"# {kind}: {len(points)} warnings, {true} true; warnings per point: " + ", ".join(str(n) for _, _, n in kept))
    print("calibration:")
    for kind, kept in fitted.items():
        print(f"  {kind}: [" + ", ".join(f"[{x:.4f}, {y:.2f}]" for x, y, _ in kept) + "]")


def diagram(folders, svg=None):
    rows = warnings(folders)
    print(f"{len(rows)} warnings from {', '.join(folders)}")
    print(f"{'score':>11}  {'warnings':>8}  {'mean score':>10}  {'true':>6}  {'gap':>6}")
    worst = 0.0
    cells = []
    for low, high in BINS:
        inside = [(s, t) for _, s, _, t in rows if low <= s < high]
        if not inside:
            print(f"{low:.1f}–{min(high, 1):.1f}  {0:>8}")
            continue
        mean = sum(s for s, _ in inside) / len(inside)
        observed = sum(1 for _, t in inside if t) / len(inside)
        gap = observed - mean
        # A bin of a handful of warnings says little; the worst gap is taken over bins of 10 or more.
        if len(inside) >= 10:
            worst = max(worst, abs(gap))
        cells.append((low, min(high, 1.0), len(inside), mean, observed))
        print(f"{low:.1f}–{min(high, 1):.1f}  {len(inside):>8}  {mean:>10.3f}  {observed:>6.3f}  {gap:>+6.3f}")
    brier = sum((s - (1.0 if t else 0.0)) ** 2 for _, s, _, t in rows) / max(1, len(rows))
    print(f"worst bin gap (bins of 10+): {worst:.3f}   Brier score: {brier:.3f}")
    for kind in KINDS:
        kind_rows = [(s, t) for k, s, _, t in rows if k == kind]
        if kind_rows:
            mean = sum(s for s, _ in kind_rows) / len(kind_rows)
            observed = sum(1 for _, t in kind_rows if t) / len(kind_rows)
            print(f"  {kind}: {len(kind_rows)} warnings, mean score {mean:.2f}, true {observed:.2f}")
    if svg:
        write_svg(svg, cells, brier, worst, folders)


def write_svg(path, cells, brier, worst, folders):
    size, margin = 320, 40
    def x(v):
        return margin + v * size
    def y(v):
        return margin + (1 - v) * size
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size + 2 * margin}" height="{size + 2 * margin + 30}" font-family="sans-serif" font-size="11">',
        f'<rect x="{margin}" y="{margin}" width="{size}" height="{size}" fill="#fff" stroke="#999"/>',
        f'<line x1="{x(0)}" y1="{y(0)}" x2="{x(1)}" y2="{y(1)}" stroke="#bbb" stroke-dasharray="4 3"/>',
    ]
    for v in (0, 0.2, 0.4, 0.6, 0.8, 1.0):
        parts.append(f'<text x="{x(v)}" y="{y(0) + 14}" text-anchor="middle">{v:.1f}</text>')
        parts.append(f'<text x="{margin - 6}" y="{y(v) + 4}" text-anchor="end">{v:.1f}</text>')
    points = []
    for low, high, n, mean, observed in cells:
        r = 3 + min(9, n ** 0.5)
        parts.append(f'<circle cx="{x(mean):.1f}" cy="{y(observed):.1f}" r="{r:.1f}" fill="#2b6cb0" fill-opacity="0.7"><title>{n} warnings</title></circle>')
        points.append(f"{x(mean):.1f},{y(observed):.1f}")
    if points:
        parts.append(f'<polyline points="{" ".join(points)}" fill="none" stroke="#2b6cb0"/>')
    parts.append(f'<text x="{x(0.5)}" y="{y(0) + 30}" text-anchor="middle">warning score (predicted probability)</text>')
    parts.append(f'<text x="12" y="{y(0.5)}" transform="rotate(-90 12 {y(0.5)})" text-anchor="middle">share that were real</text>')
    name = ", ".join(os.path.basename(f.rstrip("/")) for f in folders)
    parts.append(f'<text x="{margin}" y="{margin - 12}">{name}: Brier {brier:.3f}, worst bin gap {worst:.2f}</text>')
    parts.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(parts) + "\n")


if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] not in ("fit", "diagram"):
        print(__doc__)
        sys.exit(2)
    args = sys.argv[2:]
    svg = None
    if "--svg" in args:
        i = args.index("--svg")
        svg = args[i + 1]
        del args[i:i + 2]
    if sys.argv[1] == "fit":
        fit(args)
    else:
        diagram(args, svg)
